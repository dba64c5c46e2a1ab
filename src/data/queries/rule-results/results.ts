import { join, name, sql, type Fragment } from '@/data/sql';
import type { Row } from '@/data/query-runner';
import type { Template } from '@/domain/catalogue';
import {
  checkDef,
  involvedCells,
  isRuleId,
  rule as ruleDef,
  type CellRef,
  type CheckResult,
  type CheckStatus,
} from '@/domain/rules';
import {
  baseQuery,
  cellBoundRules,
  cellsCol,
  IDS,
  idList,
  intLiteral,
  listOf,
  need,
  numOrNull,
  plan,
  statusCode,
  textList,
  usableCounts,
  type RuleQueryOptions,
} from '@/data/queries/rule-results/checks';
import { problemReports } from '@/data/queries/rule-results/counts';

// ---------------------------------------------------------------------------------------------
// Every result, one row per (report, check)
// ---------------------------------------------------------------------------------------------

export interface RuleResultsOptions extends RuleQueryOptions {
  /** Only results with these statuses (default: all three). */
  readonly statuses?: readonly CheckStatus[];
  /** A page of the (ordered) results, for long lists. */
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * Every check result over `reports` (agency_id, agency_name, year, level, kind, province,
 * template, rule, check_id, check_no, status, expected, actual, difference, blank_mask, has_prev),
 * ordered by agency, year and declaration order. Null when the options select nothing.
 */
export function ruleResultsQuery(options: RuleResultsOptions = {}): Fragment | null {
  const p = plan(options);
  const statuses = options.statuses ?? null;
  if (p.general.length + p.cellBound.length === 0 || (statuses && statuses.length === 0)) return null;
  const blankAsZero = options.blankAsZero ?? false;
  // With the materialised counts, only reports that have a wanted non-pass status are evaluated.
  const counts = usableCounts(options);
  const only =
    counts && statuses && !statuses.includes('pass')
      ? problemReports(counts, p.rules, statuses.includes('fail'), statuses.includes('not_assessable'))
      : null;
  const base = baseQuery(p, blankAsZero, true, only);
  const limit = options.limit === undefined ? sql`` : sql` LIMIT CAST(${options.limit} AS BIGINT)`;
  const page = options.offset === undefined ? limit : sql`${limit} OFFSET CAST(${options.offset} AS BIGINT)`;
  const statusText = (code: Fragment) =>
    sql`CASE ${code} WHEN 0 THEN 'not_assessable' WHEN 1 THEN 'pass' ELSE 'fail' END`;
  const keep = statuses ? sql` WHERE status IN (${textList(statuses)})` : sql``;
  const parts: Fragment[] = [];
  if (p.general.length) {
    const ids = idList(p.general);
    const list = (prefix: string) => listOf(p.general.map((_, k) => sql`${name(`${prefix}_${k}`)}`));
    const statusCols = p.general.map(
      ({ check }, k) =>
        sql`CASE WHEN ${name(`x_${k}`)} THEN ${statusCode(check.relation, name(`a_${k}`), name(`e_${k}`))} END AS ${name(`s_${k}`)}`,
    );
    // Only reports with a wanted status reach the unnest (0 n/a < 1 pass < 2 fail).
    const codes = join(p.general.map((_, k) => sql`${name(`s_${k}`)}`));
    const wanted: Fragment[] = [];
    if (statuses?.includes('fail')) wanted.push(sql`greatest(${codes}) = 2`);
    if (statuses?.includes('not_assessable')) wanted.push(sql`least(${codes}) = 0`);
    const prefilter = statuses && !statuses.includes('pass') ? sql` WHERE ${join(wanted, sql` OR `)}` : sql``;
    const withStatus = sql`SELECT *, ${join(statusCols)} FROM base`;
    const long = sql`SELECT ${IDS}, has_prev, unnest(range(${intLiteral(p.general.length)})) AS check_no, unnest(${ids}) AS check_id,
      unnest(${list('a')}) AS a, unnest(${list('e')}) AS e, unnest(${list('m')}) AS m, unnest(${list('s')}) AS s
      FROM (${withStatus})${prefilter}`;
    parts.push(sql`SELECT * FROM (SELECT ${IDS}, check_id, check_no, ${statusText(sql`s`)} AS status,
      CASE WHEN s = 0 THEN NULL ELSE e END AS expected, CASE WHEN s = 0 THEN NULL ELSE a END AS actual,
      CASE WHEN s = 0 THEN NULL ELSE a - e END AS difference, CAST(m AS DOUBLE) AS blank_mask, has_prev
      FROM (${long}) WHERE s IS NOT NULL)${keep}`);
  }
  if (p.cellBound.length) {
    const ids = idList(p.cellBound);
    const onlyFails = statuses && !statuses.includes('pass');
    const prefilter = onlyFails
      ? sql` WHERE ${join(
          cellBoundRules(p).map((r) => sql`list_min(${cellsCol(r)}) < 0`),
          sql` OR `,
        )}`
      : sql``;
    const lists = cellBoundRules(p).map((r) => sql`${cellsCol(r)}`);
    const values = lists.length === 1 ? (lists[0] as Fragment) : sql`list_concat(${join(lists)})`;
    const long = sql`SELECT ${IDS}, has_prev, unnest(range(${intLiteral(p.cellBound.length)})) AS n, unnest(${ids}) AS check_id,
      unnest(${values}) AS a FROM base${prefilter}`;
    const code = statusCode('ge', sql`a`, sql`0`);
    parts.push(sql`SELECT * FROM (SELECT ${IDS}, check_id, ${intLiteral(p.general.length)} + n AS check_no, ${statusText(code)} AS status,
      CAST(0 AS DOUBLE) AS expected, a AS actual, a AS difference, CAST(0 AS DOUBLE) AS blank_mask, has_prev
      FROM (${long}) WHERE a IS NOT NULL)${keep}`);
  }
  return sql`WITH base AS (${base}) SELECT ${IDS}, split_part(check_id, '.', 1) AS rule, check_id, check_no, status,
    expected, actual, difference, blank_mask, has_prev FROM (${join(parts, sql` UNION ALL `)}) ORDER BY agency_id, year, check_no${page}`;
}

export interface RuleResultRow extends CheckResult {
  readonly agencyName: string;
  readonly level: string;
  readonly kind: string;
  readonly template: Template;
}

/** Decodes one row of `ruleResultsQuery` with the options it ran with. */
export function decodeRuleResultRow(row: Row, options: RuleQueryOptions = {}): RuleResultRow {
  const ruleId = String(need(row, 'rule'));
  if (!isRuleId(ruleId)) throw new Error(`Unknown rule in results: ${ruleId}`);
  const check = checkDef(String(need(row, 'check_id')));
  const status = String(need(row, 'status')) as CheckStatus;
  if (status !== 'pass' && status !== 'fail' && status !== 'not_assessable') throw new Error(`Bad status: ${status}`);
  const template = String(need(row, 'template'));
  if (template !== '2019' && template !== '2021') throw new Error(`Bad template: ${template}`);
  const year = Number(need(row, 'year'));
  const mask = Number(need(row, 'blank_mask'));
  const hasPrevReport = Boolean(need(row, 'has_prev'));
  const blankAsZero = options.blankAsZero ?? false;
  const involved = involvedCells(check, (i) => Math.floor(mask / 2 ** i) % 2 === 1, template, blankAsZero);
  const toResult = (c: CellRef) => ({ key: c.key, year: c.prev ? year - 1 : year });
  const assessed = status !== 'not_assessable';
  return {
    agencyId: String(need(row, 'agency_id')),
    agencyName: String(need(row, 'agency_name') ?? ''),
    level: String(need(row, 'level') ?? ''),
    kind: String(need(row, 'kind') ?? ''),
    template,
    year,
    rule: ruleId,
    check: check.id,
    severity: ruleDef(ruleId).severity,
    status,
    expected: numOrNull(need(row, 'expected')),
    actual: numOrNull(need(row, 'actual')),
    difference: numOrNull(need(row, 'difference')),
    cells: involved.cells.map(toResult),
    blankCells: involved.blankCells.map(toResult),
    reason: assessed ? null : ruleDef(ruleId).crossYear && !hasPrevReport ? 'no_previous_report' : 'blank_cells',
    blankAsZero: assessed && blankAsZero && involved.blankCells.length > 0,
  };
}
