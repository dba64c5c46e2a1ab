/**
 * Times the rule SQL over N synthetic reports against plain scans of the same table, in one
 * DuckDB-WASM (Node, blocking build) process:  npx tsx scripts/bench-rules.ts [N=100000] [runs=3]
 */
import { CELLS } from '@/domain/catalogue';
import { createNodeRunner } from '@/data/engine-node';
import type { QueryRunner } from '@/data/query-runner';
import { col, join, sql, type SqlQuery } from '@/data/sql';
import {
  agencyScoreQuery,
  flaggedReportsQuery,
  ruleCountsTableSql,
  ruleResultsQuery,
  ruleSummaryQuery,
  RULE_COUNTS_TABLE,
} from '@/data/queries/rule-results';
import { scoresQuery } from '@/data/queries/quality';
import { EMPTY_FILTERS } from '@/domain/filters';
import { generateSyntheticReports } from './lib/synthetic-reports';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 3);

async function time(runner: QueryRunner, label: string, q: SqlQuery | null): Promise<number> {
  if (!q) throw new Error(`${label}: no query`);
  const times: number[] = [];
  let rows = 0;
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    rows = (await runner.query(q)).length;
    times.push(performance.now() - t);
  }
  const best = Math.min(...times);
  console.log(
    `${label.padEnd(46)} ${best.toFixed(0).padStart(6)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(', ')}; rows ${rows})`,
  );
  return best;
}

const runner = await createNodeRunner();
let t = performance.now();
await generateSyntheticReports(runner, N);
const [count] = await runner.query(sql`SELECT count(*) AS n FROM reports`);
console.log(
  `generated ${String(count?.n)} reports in ${(performance.now() - t).toFixed(0)} ms (DuckDB-WASM, Node, one thread)`,
);
t = performance.now();

const baseline = await time(
  runner,
  'baseline: SUM(t3_total_total)',
  sql`SELECT sum(${col('t3_total_total')}) AS s FROM reports`,
);
const scanAll = await time(
  runner,
  'baseline: SUM of every cell column',
  sql`SELECT ${join(CELLS.map((c) => sql`sum(${col(c.key)})`))} FROM reports`,
);
const results = await time(
  runner,
  'rule results: failures + not assessable',
  ruleResultsQuery({ statuses: ['fail', 'not_assessable'] }),
);
const fails = await time(runner, 'rule results: failures only', ruleResultsQuery({ statuses: ['fail'] }));
const page = await time(
  runner,
  'rule results: first page of 100 (fail + n/a)',
  ruleResultsQuery({ statuses: ['fail', 'not_assessable'], limit: 100 }),
);
const noS1 = ruleResultsQuery({ rules: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'S2'] });
const withS1 = await time(
  runner,
  'flagged, S1 included (asked by name)',
  flaggedReportsQuery({ rules: ['R1', 'R2', 'R3', 'R4', 'R5', 'S1', 'S2'] }),
);
const everything = await time(
  runner,
  'rule results: all statuses, R1–R6+S2 (count only)',
  noS1 && sql`SELECT count(*) AS n FROM (${noS1})`,
);
const summary = await time(runner, 'summary by level/kind/year', ruleSummaryQuery());
const score = await time(runner, 'agency quality score', agencyScoreQuery());
const flagged = await time(runner, 'reports failing an error rule', flaggedReportsQuery());

// What the app does: evaluate once per load into rule_counts, then read it.
const materialise = await time(runner, 'per load: rule_counts table (once)', ruleCountsTableSql());
const m = { countsTable: RULE_COUNTS_TABLE };
const mFlagged = await time(runner, 'read: flagged reports', flaggedReportsQuery(m));
const mSummary = await time(runner, 'read: summary by level/kind/year', ruleSummaryQuery(m));
const mScore = await time(runner, 'read: agency quality score', agencyScoreQuery(m));
const mScorePage = await time(
  runner,
  'read: one page of agency scores (the view)',
  scoresQuery(EMPTY_FILTERS, m, { limit: 15, offset: 0 }),
);
const mPage = await time(
  runner,
  'read: first 100 failures',
  ruleResultsQuery({ ...m, statuses: ['fail'], limit: 100 }),
);

console.log('\nratio to SUM(t3_total_total) / to SUM of every column:');
for (const [label, ms] of [
  ['failures + not assessable', results],
  ['failures only', fails],
  ['first page', page],
  ['all statuses (no S1)', everything],
  ['summary', summary],
  ['score', score],
  ['flagged', flagged],
  ['flagged with S1', withS1],
  ['rule_counts (per load)', materialise],
  ['read: flagged', mFlagged],
  ['read: summary', mSummary],
  ['read: score', mScore],
  ['read: score page', mScorePage],
  ['read: first 100 failures', mPage],
] as const) {
  console.log(
    `  ${label.padEnd(28)} ${(ms / baseline).toFixed(1).padStart(7)}×  ${(ms / scanAll).toFixed(1).padStart(6)}×`,
  );
}
