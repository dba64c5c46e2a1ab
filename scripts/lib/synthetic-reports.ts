import { CELLS, T3_APPLICANT_COLS, T3_COLS, T3_ROWS, T4_GROUPS, T4_RESULTS, t3Key, t4Key } from '@/domain/catalogue';
import type { QueryRunner } from '@/data/query-runner';
import { col, join, name, sql, type Fragment } from '@/data/sql';
import { reportsTableDdl } from './reports-table';

/**
 * Synthetic reports for the rule benchmark: they satisfy every rule except one planted R4
 * failure (review total printed as 0) per 1,000 reports. Labelled "generated"; never shipped.
 */
const YEARS = 4;

const rnd = (salt: string, mod: number, by: Fragment = sql`i`) =>
  sql`CAST(hash(${by}, ${salt}) % CAST(${mod} AS UBIGINT) AS BIGINT)`;
const sumOf = (parts: readonly Fragment[]) => sql`(${join(parts, sql` + `)})`;

/** Fills `reports` with n synthetic 2021-template reports (4 years per agency). */
export async function generateSyntheticReports(runner: QueryRunner, N: number): Promise<void> {
  await runner.query(reportsTableDdl());
  const outcomeRows = T3_ROWS.filter((r) => r.group && r.key !== 'other_single').map((r) => r.key);
  const agency = sql`(i // CAST(${YEARS} AS BIGINT))`;
  const v = (row: string, c: string) => name(`v_${row}_${c}`);
  const parts: Fragment[] = [];
  for (const row of outcomeRows)
    for (const c of T3_APPLICANT_COLS)
      parts.push(
        sql`${c === 'person' ? rnd(`${row}_${c}`, 12) : sql`CASE WHEN hash(i, ${`${row}_${c}`}) % 20 = 0 THEN 1 ELSE 0 END`} AS ${v(row, c)}`,
      );
  for (const c of T3_APPLICANT_COLS) parts.push(sql`${rnd(`carry_${c}`, 3, agency)} AS ${v('carry', c)}`);
  for (const g of T4_GROUPS)
    for (const r of T4_RESULTS.filter((x) => x.key !== 'total'))
      parts.push(sql`${rnd(`${g.key}_${r.key}`, 4)} AS ${v(g.key, r.key)}`);
  const staged = sql`SELECT i, ${join(parts)} FROM range(CAST(${N} AS BIGINT)) t(i)`;

  const out = new Map<string, Fragment>();
  const colSum = (rowKey: string, cols: readonly string[]) => sumOf(cols.map((c) => sql`${v(rowKey, c)}`));
  for (const row of outcomeRows) {
    for (const c of T3_APPLICANT_COLS) out.set(t3Key(row, c), sql`${v(row, c)}`);
    out.set(t3Key(row, 'total'), colSum(row, T3_APPLICANT_COLS));
  }
  const colTotal = (c: string): Fragment =>
    c === 'total' ? sumOf(T3_APPLICANT_COLS.map((x) => colTotal(x))) : sumOf(outcomeRows.map((r) => sql`${v(r, c)}`));
  for (const c of T3_COLS) {
    const carry = c.key === 'total' ? colSum('carry', T3_APPLICANT_COLS) : sql`${v('carry', c.key)}`;
    out.set(t3Key('total', c.key), colTotal(c.key));
    out.set(t3Key('new', c.key), colTotal(c.key));
    out.set(t3Key('carried_in', c.key), carry);
    out.set(t3Key('carried_out', c.key), carry);
  }
  for (const g of T4_GROUPS) {
    const ps = T4_RESULTS.filter((x) => x.key !== 'total').map((r) => sql`${v(g.key, r.key)}`);
    out.set(
      t4Key(g.key, 'total'),
      g.key === 'review' ? sql`CASE WHEN i % 1000 = 7 THEN 0 ELSE ${sumOf(ps)} END` : sumOf(ps),
    );
    for (const r of T4_RESULTS.filter((x) => x.key !== 'total')) out.set(t4Key(g.key, r.key), sql`${v(g.key, r.key)}`);
  }
  for (const row of ['rules', 'normative']) {
    out.set(`t2_${row}_issued`, rnd(`${row}_flow`, 5, agency));
    out.set(`t2_${row}_repealed`, rnd(`${row}_flow`, 5, agency));
    out.set(`t2_${row}_in_force`, rnd(`${row}_stock`, 50, agency));
  }
  for (const k of ['t2_licensing', 't2_penalty', 't2_coercion']) out.set(k, rnd(k, 5000));
  out.set('t2_fees', sql`CAST(hash(i, 'fees') % 100000 AS DOUBLE) / 100`);

  const levels = ['county', 'city', 'township', 'province'];
  const select = [
    sql`'agency-' || CAST(${agency} AS VARCHAR) AS agency_id`,
    sql`'机关' || CAST(${agency} AS VARCHAR) AS agency_name`,
    sql`CAST(2021 + i % CAST(${YEARS} AS BIGINT) AS INTEGER) AS ${col('year')}`,
    sql`'2021' AS ${col('template')}`,
    sql`[${levels}][1 + CAST(${agency} % 4 AS INTEGER)] AS ${col('level')}`,
    sql`CASE WHEN ${agency} % 3 = 0 THEN 'government' ELSE 'department' END AS ${col('kind')}`,
    sql`'省' || CAST(${agency} % 31 AS VARCHAR) AS ${col('province')}`,
    ...CELLS.filter((c) => out.has(c.key)).map((c) => sql`${out.get(c.key) as Fragment} AS ${col(c.key)}`),
  ];
  await runner.query(sql`INSERT INTO reports BY NAME SELECT ${join(select)} FROM (${staged})`);
}
