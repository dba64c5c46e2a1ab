/**
 * Load and query speed on the bundled demo dataset, in DuckDB-WASM (Node build, one thread).
 * Every figure is printed with its ratio to a baseline measured in the same process, so the
 * numbers compare across machines: loading against a plain read_csv of the same file, queries
 * against a one-column SUM over the same table. Usage: tsx scripts/bench.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createNodeRunner } from '@/data/engine-node';
import { CELLS } from '@/domain/catalogue';
import { evaluateReports } from '@/domain/rules';
import { loadDataset } from '@/data/load/load-dataset';
import { EMPTY_FILTERS } from '@/domain/filters';
import { indicator } from '@/domain/indicators';
import {
  HEADLINE_INDICATORS,
  indicatorsByYearQuery,
  outcomeCompositionQuery,
  requestsByApplicantQuery,
  topAgenciesQuery,
} from '@/data/queries/overview';
import { filterOptionsQuery } from '@/data/queries/dimensions';
import type { SqlQuery } from '@/data/sql';

const runs = Number(process.argv[2] ?? 5);
const file = (name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(fileURLToPath(new URL(`../datasets/${name}`, import.meta.url)))),
});

async function median(task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await task();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const runner = await createNodeRunner();
const csv = file('demo.csv');
const parquet = file('demo.parquet');
await runner.registerFile('bench.csv', csv.bytes);

const rows: [string, number, number][] = [];
const baselineLoad = await median(() =>
  runner.query({ text: "CREATE OR REPLACE TABLE b AS SELECT * FROM read_csv('bench.csv')", params: [] }),
);
rows.push(['baseline: DuckDB read_csv, no validation', baselineLoad, baselineLoad]);
rows.push(['load demo.csv (validated)', await median(() => loadDataset(runner, csv)), baselineLoad]);
rows.push([
  'load demo.parquet (validated, typed path)',
  await median(() => loadDataset(runner, parquet)),
  baselineLoad,
]);

const sum: SqlQuery = { text: 'SELECT sum(t3_new_total) FROM reports', params: [] };
await runner.query(sum);
const baselineQuery = await median(() => runner.query(sum));
const latest = 2025;
const queries: [string, SqlQuery][] = [
  ['filter options', filterOptionsQuery()],
  [
    'headline indicators (2 years)',
    indicatorsByYearQuery(EMPTY_FILTERS, HEADLINE_INDICATORS, [latest - 1, latest]) as SqlQuery,
  ],
  ['requests by applicant × year', requestsByApplicantQuery(EMPTY_FILTERS)],
  ['outcome composition', outcomeCompositionQuery(EMPTY_FILTERS)],
  ['top 10 agencies', topAgenciesQuery(EMPTY_FILTERS, indicator('new_requests'), latest, 10)],
];
rows.push(['baseline: SUM of one column', baselineQuery, baselineQuery]);
for (const [label, q] of queries) rows.push([label, await median(() => runner.query(q)), baselineQuery]);

// The TypeScript rule evaluator (used on parsed documents: import view, CLI ingest) over the same
// reports as plain objects, against a loop that reads every cell of every report once.
const reports = await runner.query({ text: 'SELECT * FROM reports', params: [] });
const cellKeys = CELLS.map((c) => c.key);
const baselineJs = await median(async () => {
  let total = 0;
  for (const r of reports) for (const k of cellKeys) total += typeof r[k] === 'number' ? (r[k] as number) : 0;
  return total;
});
rows.push(['baseline: JS loop reading every cell', baselineJs, baselineJs]);
let checks = 0;
const evaluated = await median(async () => {
  checks = evaluateReports(reports).length;
});
rows.push([`TS evaluator, all rules (${(checks / 1e6).toFixed(2)} M results)`, evaluated, baselineJs]);

console.log(`demo dataset: 5,393 reports; median of ${runs} runs; ratio = time ÷ baseline of its group`);
console.log('what'.padEnd(46), 'ms'.padStart(9), 'ratio'.padStart(8));
for (const [label, ms, base] of rows) {
  console.log(label.padEnd(46), ms.toFixed(1).padStart(9), `${(ms / base).toFixed(1)}×`.padStart(8));
}
