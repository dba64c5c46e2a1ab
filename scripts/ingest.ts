/**
 * Turn published reports into one dataset row each.
 *
 *   npx tsx scripts/ingest.ts <files or folders> --out <file.csv|file.parquet> [--meta side.csv]
 *
 * The output header is the dataset contract's column order; warnings go to <out base>.warnings.csv.
 * The side CSV (a `file` column with the file name, plus any of agency_id, agency_name, level,
 * kind, province, city, county, region_code, sector, source_url) fills the identity columns.
 * Exit code 1 when any file could not be read at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { CELLS, DATASET_COLUMNS, IDENTITY_COLUMNS } from '@/domain/catalogue';
import { cellsRead, isUnreadable, type ParsedReport } from '@/ingest';
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

const files = collectFiles(inputs);
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

const rows: CsvValue[][] = reports
  .filter((r) => !isUnreadable(r.report))
  .map((r) => reportRow(r.report, meta.get(basename(r.file))));
const warnings = reports.flatMap((r) => warningRows(r.report));
const warningsPath = out.replace(/\.(csv|parquet)$/i, '') + '.warnings.csv';

if (/\.csv$/i.test(out)) {
  writeFileSync(out, formatCsv(DATASET_COLUMNS, rows));
} else {
  const kind = new Map<string, 'STRING' | 'INT32' | 'DOUBLE'>();
  for (const c of IDENTITY_COLUMNS) kind.set(c.key, c.type === 'integer' ? 'INT32' : 'STRING');
  for (const c of CELLS) kind.set(c.key, c.valueKind === 'decimal' ? 'DOUBLE' : 'INT32');
  parquetWriteFile({
    filename: out,
    columnData: DATASET_COLUMNS.map((name, ci) => {
      const type = kind.get(name) ?? 'STRING';
      const data = rows.map((r) => {
        const v = r[ci];
        if (v === null || v === undefined || v === '') return null;
        return type === 'STRING' ? String(v) : Number(v);
      });
      return { name, type, data, nullable: true };
    }),
  });
}
writeFileSync(warningsPath, formatCsv(WARNING_COLUMNS, warnings));

const sev = (r: ParsedReport, s: string) => r.warnings.filter((w) => (w.severity ?? 'warning') === s).length;
console.log(
  table(
    ['file', 'agency', 'year', 'template', 'cells read', 'warnings', 'notes', 'status'],
    reports.map(({ file, report: r }) => [
      basename(file),
      r.agencyName ?? '—',
      r.year ?? '—',
      r.template ?? '—',
      `${cellsRead(r)}/${Object.keys(r.cells).length}`,
      sev(r, 'warning'),
      sev(r, 'info'),
      isUnreadable(r) ? `UNREADABLE: ${r.warnings.find((w) => w.severity === 'error')?.message.en ?? ''}` : 'ok',
    ]),
  ),
);
console.log(`\n${rows.length} report row(s) → ${out}\n${warnings.length} warning(s) → ${warningsPath}`);
if (failed) {
  console.error(`${failed} file(s) could not be read`);
  process.exit(1);
}
