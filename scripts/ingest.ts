/**
 * Turn published reports into one dataset row each.
 *
 *   npx tsx scripts/ingest.ts <files or folders> --out <file.csv|file.parquet> [--meta side.csv]
 *
 * The output header is the dataset contract's column order; warnings go to <out base>.warnings.csv.
 * The side CSV (a `file` column with the file name, plus any of agency_id, agency_name, level,
 * kind, province, city, county, region_code, sector, source_url) fills the identity columns. Where
 * it says nothing, agency_id is derived from the agency name and level and kind are suggested from
 * it (so the output loads as a dataset); the summary says how many rows rely on such suggestions.
 * The summary table shows the within-year rule results of each parsed report (R1 ✓ R2 ✗2 R4 ?).
 * Exit status, as `npm run check`'s: 0 every file was read, 2 bad input — an unknown option, no
 * report files, or a file that could not be read at all (the others are still written; each
 * refusal is printed in words, never a stack trace).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DATASET_COLUMNS } from '@/domain/catalogue';
import { cellsRead, isUnreadable, type ParsedReport } from '@/ingest';
import { agencySlug, suggestKind, suggestLevel } from '@/ingest/identity';
import { reportRowsParquet } from '@/ingest/parquet';
import { checkParsedReport, ruleTallies, ruleTallyText } from '@/ingest/rules';
import {
  csvRecords,
  formatCsv,
  reportRow,
  WARNING_COLUMNS,
  warningRows,
  type CsvValue,
  type ReportMeta,
} from '@/ingest/csv';
import { collectFiles, parseFile, progress, table } from './lib/ingest-files';

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error('usage: npx tsx scripts/ingest.ts <files or folders> --out <file.csv|file.parquet> [--meta side.csv]');
  process.exit(2);
}

const args = process.argv.slice(2);
let out: string | undefined;
let metaPath: string | undefined;
const inputs: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i] as string;
  if (a === '--out') out = args[++i];
  else if (a === '--meta') metaPath = args[++i];
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else inputs.push(a);
}
if (!out || !inputs.length) usage();
if (!/\.(csv|parquet)$/i.test(out)) usage('--out must end in .csv or .parquet');

const meta = new Map<string, ReportMeta>();
if (metaPath) {
  for (const r of csvRecords(readFileSync(metaPath, 'utf8'))) {
    const file = r.file ?? r.file_name ?? r.filename;
    if (file) meta.set(basename(file), r as ReportMeta);
  }
}

let files: string[];
try {
  files = collectFiles(inputs);
} catch (e) {
  // A path that does not exist or cannot be read: said in one line, not a stack trace.
  usage(`cannot read ${inputs.join(', ')}: ${e instanceof Error ? e.message : String(e)}`);
}
if (!files.length) usage('no report files found (.html .txt .pdf .docx)');

const reports: { file: string; report: ParsedReport }[] = [];
let failed = 0;
for (const [i, file] of files.entries()) {
  progress(i, files.length, basename(file));
  const report = await parseFile(file);
  if (isUnreadable(report)) failed++;
  reports.push({ file, report });
}
progress(files.length, files.length, 'done');

/** The side CSV's metadata, completed with suggestions from the agency name where it is silent. */
let suggested = 0;
function metaOf(file: string, report: ParsedReport): ReportMeta {
  const given = meta.get(basename(file)) ?? {};
  const name = given.agency_name || report.agencyName;
  const level = given.level || suggestLevel(name);
  const kind = given.kind || suggestKind(name);
  if (!given.agency_id || !given.level || !given.kind) suggested++;
  return {
    ...given,
    agency_id: given.agency_id || agencySlug(name, basename(file)),
    ...(level ? { level } : {}),
    ...(kind ? { kind } : {}),
  };
}

const rows: CsvValue[][] = reports
  .filter((r) => !isUnreadable(r.report))
  .map((r) => reportRow(r.report, metaOf(r.file, r.report)));
const warnings = reports.flatMap((r) => warningRows(r.report));
const warningsPath = out.replace(/\.(csv|parquet)$/i, '') + '.warnings.csv';

if (/\.csv$/i.test(out)) {
  writeFileSync(out, formatCsv(DATASET_COLUMNS, rows));
} else {
  writeFileSync(out, reportRowsParquet(rows));
}
writeFileSync(warningsPath, formatCsv(WARNING_COLUMNS, warnings));

/** Within-year rule results of the parsed report, e.g. "R1 ✓ R2 ✗2 R4 ?". */
const rulesText = (r: ParsedReport) => {
  const results = isUnreadable(r) ? null : checkParsedReport(r);
  return results ? ruleTallyText(ruleTallies(results)) : '—';
};
const sev = (r: ParsedReport, s: string) => r.warnings.filter((w) => (w.severity ?? 'warning') === s).length;
console.log(
  table(
    ['file', 'agency', 'year', 'template', 'cells read', 'warnings', 'notes', 'rules', 'status'],
    reports.map(({ file, report: r }) => [
      basename(file),
      r.agencyName ?? '—',
      r.year ?? '—',
      r.template ?? '—',
      `${cellsRead(r)}/${Object.keys(r.cells).length}`,
      sev(r, 'warning'),
      sev(r, 'info'),
      rulesText(r),
      isUnreadable(r) ? `UNREADABLE: ${r.warnings.find((w) => w.severity === 'error')?.message.en ?? ''}` : 'ok',
    ]),
  ),
);
console.log(`\n${rows.length} report row(s) → ${out}\n${warnings.length} warning(s) → ${warningsPath}`);
console.log('rules: ✓ every assessable check passes, ✗n n checks fail, ? not assessable (blank cells)');
if (suggested) {
  console.log(
    `${suggested} row(s) without agency_id, level or kind in --meta: derived from the agency name (check them, or give them in a side CSV)`,
  );
}
const seen = new Map<string, number>();
for (const r of rows) {
  const k = `${String(r[0])} ${String(r[2])}`;
  seen.set(k, (seen.get(k) ?? 0) + 1);
}
const repeated = [...seen.values()].filter((n) => n > 1).reduce((a, n) => a + n, 0);
if (repeated) {
  console.log(
    `${repeated} row(s) share agency_id and year with another row (the same report twice?): the dataset loader accepts one row per agency and year`,
  );
}
if (failed) {
  console.error(`${failed} file(s) could not be read`);
  process.exit(2);
}
