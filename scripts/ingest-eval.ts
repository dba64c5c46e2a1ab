/**
 * Measured accuracy: for each report file with a truth CSV beside it (same base name +
 * `.truth.csv`, or the full file name + `.truth.csv`; or in --truth <dir>), compare parser
 * output with the truth and print cells correct, wrong, missing and flagged, per file and overall.
 *
 *   npx tsx scripts/ingest-eval.ts <folder or files> [--truth <dir>] [--verbose]
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { csvRecords } from '@/ingest/csv';
import { addCounts, evaluateReport, type EvalCounts } from '@/ingest/evaluate';
import { collectFiles, parseFile, table } from './lib/ingest-files';

const args = process.argv.slice(2);
let truthDir: string | undefined;
let verbose = false;
const inputs: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i] as string;
  if (a === '--truth') truthDir = args[++i];
  else if (a === '--verbose' || a === '-v') verbose = true;
  else inputs.push(a);
}
if (!inputs.length) {
  console.error('usage: npx tsx scripts/ingest-eval.ts <folder or files> [--truth <dir>] [--verbose]');
  process.exit(2);
}

function truthFor(file: string): string | undefined {
  const name = basename(file);
  const base = name.replace(/\.[^.]+$/, '');
  const dirs = [dirname(file), ...(truthDir ? [truthDir] : [])];
  for (const d of dirs)
    for (const n of [`${name}.truth.csv`, `${base}.truth.csv`]) if (existsSync(join(d, n))) return join(d, n);
  return undefined;
}

const mark = (b: boolean | null) => (b === null ? '·' : b ? '✓' : '✗');
let total: EvalCounts = { correct: 0, wrong: 0, missing: 0, flagged: 0 };
const rows: (string | number)[][] = [];
const skipped: string[] = [];
const details: string[] = [];
for (const file of collectFiles(inputs)) {
  const tp = truthFor(file);
  if (!tp) {
    skipped.push(basename(file));
    continue;
  }
  const truth = csvRecords(readFileSync(tp, 'utf8'))[0] ?? {};
  const report = await parseFile(file);
  const r = evaluateReport(report, truth);
  total = addCounts(total, r);
  const shown = r.correct + r.wrong + r.missing + r.flagged;
  rows.push([
    basename(file),
    r.correct,
    r.wrong,
    r.missing,
    r.flagged,
    shown ? `${((100 * r.correct) / shown).toFixed(1)}%` : '—',
    `${mark(r.identity.agency)}${mark(r.identity.year)}${mark(r.identity.template)}`,
  ]);
  if (r.wrongCells.length || (verbose && r.missingCells.length)) {
    details.push(`${basename(file)}:`);
    for (const w of r.wrongCells)
      details.push(`  WRONG   ${w.key}: truth ${w.truth ?? 'empty'}, parsed ${w.parsed ?? 'empty'}`);
    if (verbose) for (const m of r.missingCells) details.push(`  missing ${m}`);
  }
}
const shownAll = total.correct + total.wrong + total.missing + total.flagged;
rows.push([
  'OVERALL',
  total.correct,
  total.wrong,
  total.missing,
  total.flagged,
  shownAll ? `${((100 * total.correct) / shownAll).toFixed(1)}%` : '—',
  '',
]);
console.log(table(['file', 'correct', 'wrong', 'missing', 'flagged', 'read exactly', 'agency/year/template'], rows));
if (details.length) console.log('\n' + details.join('\n'));
if (skipped.length) console.log(`\nno truth CSV for: ${skipped.join(', ')}`);
console.log('\ncorrect = same number as the truth; wrong = a different number or one the source does not show;');
console.log('missing = not read and not flagged; flagged = not read and named in a warning.');
