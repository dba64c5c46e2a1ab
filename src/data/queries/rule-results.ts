import { col, join, name, sql, type Fragment, type Ident } from '@/data/sql';
import type { Row } from '@/data/query-runner';
import { templateForYear, type Template } from '@/domain/catalogue';
import {
  assessedRules,
  checkCells,
  checkDef,
  involvedCells,
  isRuleId,
  rule as ruleDef,
  type CellRef,
  type CheckDef,
  type CheckResult,
  type CheckStatus,
  type RuleDef,
  type RuleId,
  type Term,
} from '@/domain/rules';

/**
 * Rule checks over the whole `reports` table, generated from the rule declarations of
 * `domain/rules`: one SELECT per check (UNION ALL) for the list of results, and one scan with a
 * status column per check for the summary, the per-agency score and the flagged reports.
 */

export interface RuleQueryOptions {
  /** Treat blank cells as 0; cross-year checks without a previous report stay not assessable. */
  readonly blankAsZero?: boolean;
  /**
   * Only these rules (default: every assessed rule except those the loader already enforces —
   * S1 holds for any loaded dataset, and its one check per cell would dominate the cost).
   */
  readonly rules?: readonly RuleId[];
  /**
   * A table made by `ruleCountsTableSql()` after the last change of `reports`: summary, score and
   * flags read it instead of evaluating every check again, and the result list evaluates only the
   * reports it marks as having a problem. Ignored when `blankAsZero` or `rules` is set.
   */
  readonly countsTable?: string;
}

/** The default materialised per-report rule counts (see RuleQueryOptions.countsTable). */
export const RULE_COUNTS_TABLE = 'rule_counts';

const usableCounts = (o: RuleQueryOptions): string | null =>
  o.countsTable && !o.blankAsZero && !o.rules ? o.countsTable : null;

export interface RuleResultsOptions extends RuleQueryOptions {
  /** Only results with these statuses (default: all three). */
  readonly statuses?: readonly CheckStatus[];
  /** A page of the (ordered) results, for long lists. */
  readonly limit?: number;
  readonly offset?: number;
}

const REPORTS = name('reports');
const R = name('r');
const P = name('p');

const LAST_2019_TEMPLATE_YEAR = (() => {
  let y = 2019;
  while (templateForYear(y + 1) === '2019') y++;
  return y;
})();

function templateOf(alias: Fragment | ReturnType<typeof name>): Fragment {
  return sql`COALESCE(${alias}.${col('template')}, CASE WHEN ${alias}.${col('year')} <= ${intLiteral(LAST_2019_TEMPLATE_YEAR)} THEN '2019' ELSE '2021' END)`;
}

const HAS_PREV = sql`(${P}.${col('agency_id')} IS NOT NULL)`;

/** Bound texts, typed: an untyped parameter makes DuckDB re-plan the statement on execution. */
const textList = (values: readonly string[]): Fragment => join(values.map((v) => sql`CAST(${v} AS VARCHAR)`));

type Expr = Fragment | Ident;
const frag = (x: Expr): Fragment => sql`${x}`;

const ref = (c: CellRef): Fragment => sql`${c.prev ? P : R}.${col(c.key)}`;

function sumOf(parts: readonly Fragment[]): Fragment {
  return parts.length === 0 ? sql`0` : sql`(${join(parts, sql` + `)})`;
}

function termExpr(t: Term, blankAsZero: boolean): Fragment {
  if (t.kind === 'cell') return blankAsZero ? sql`COALESCE(${ref(t.cell)}, 0)` : ref(t.cell);
  const branches = t.alternatives.map((alt) => {
    const refs = alt.map((key) => ref({ key }));
    const when = blankAsZero
      ? sql`COALESCE(${join(refs)}) IS NOT NULL`
      : join(
          refs.map((x) => sql`${x} IS NOT NULL`),
          sql` AND `,
        );
    const value = sumOf(blankAsZero ? refs.map((x) => sql`COALESCE(${x}, 0)`) : refs);
    return sql`WHEN ${when} THEN ${value}`;
  });
  return sql`(CASE ${join(branches, sql` `)} ${blankAsZero ? sql`ELSE 0 ` : sql``}END)`;
}

function sideExpr(terms: readonly Term[], blankAsZero: boolean): Fragment {
  if (terms.length === 0) return sql`CAST(0 AS DOUBLE)`;
  const parts = terms.map((t, i) => {
    const e = termExpr(t, blankAsZero);
    if (i === 0) return t.sign < 0 ? sql`- ${e}` : e;
    return t.sign < 0 ? sql` - ${e}` : sql` + ${e}`;
  });
  return sql`CAST(${join(parts, sql``)} AS DOUBLE)`;
}

const DIGITS: readonly Fragment[] = [sql`0`, sql`1`, sql`2`, sql`3`, sql`4`, sql`5`, sql`6`, sql`7`, sql`8`, sql`9`];

/**
 * A non-negative integer the code itself generates (bit weights, check numbers), written into the
 * SQL text: thousands of bound constants make DuckDB-WASM's planning several times slower.
 */
function intLiteral(n: number): Fragment {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Not a generated integer: ${n}`);
  return join(
    [...String(n)].map((d) => DIGITS[Number(d)] as Fragment),
    sql``,
  );
}

/** Bit i set = the i-th cell of `checkCells(check)` is blank; the decoder turns it into cells. */
function blankMask(check: CheckDef): Fragment {
  const cells = checkCells(check);
  if (cells.length > 52) throw new Error(`Check ${check.id} has too many cells for a blank mask`);
  return sumOf(cells.map((c, i) => sql`CASE WHEN ${ref(c)} IS NULL THEN ${intLiteral(2 ** i)} ELSE 0 END`));
}

/** Where the check yields a result at all: template applicability and all-blank skipping. */
function appliesExpr(rule: RuleDef, check: CheckDef): Fragment {
  const conds: Fragment[] = [];
  if (rule.templates.length < 2) conds.push(sql`${templateOf(R)} IN (${textList(rule.templates)})`);
  if (rule.prevTemplates) conds.push(sql`(NOT ${HAS_PREV} OR ${templateOf(P)} IN (${textList(rule.prevTemplates)}))`);
  if (check.skipWhenAllBlank) conds.push(sql`COALESCE(${join(checkCells(check).map(ref))}) IS NOT NULL`);
  return conds.length === 0 ? sql`TRUE` : join(conds, sql` AND `);
}

/**
 * Checks of one cell against 0 that skip blank cells (S1): evaluated over a list of the cells
 * rather than one expression each, which keeps the statement small.
 */
function isCellBound(check: CheckDef): boolean {
  const [only] = check.actual;
  return (
    check.expected.length === 0 &&
    check.actual.length === 1 &&
    check.skipWhenAllBlank &&
    only?.kind === 'cell' &&
    only.sign === 1 &&
    !only.cell.prev
  );
}

interface IndexedCheck {
  readonly rule: RuleDef;
  readonly check: CheckDef;
}

interface CheckPlan {
  /** Checks evaluated one expression each, in declaration order. */
  readonly general: readonly IndexedCheck[];
  /** Cell-bound checks grouped by relation ('ge' for S1). */
  readonly cellBound: readonly IndexedCheck[];
  readonly rules: readonly RuleDef[];
}

/** The rules the SQL evaluates for these options (see RuleQueryOptions.rules). */
export function sqlRules(options: RuleQueryOptions = {}): RuleDef[] {
  return assessedRules(options.rules).filter((r) => options.rules || !r.enforcedAtLoad);
}

function plan(options: RuleQueryOptions): CheckPlan {
  const rules = sqlRules(options);
  const all = rules.flatMap((rule) => rule.checks.map((check) => ({ rule, check })));
  const cellBound = all.filter((c) => isCellBound(c.check));
  if (cellBound.some((c) => c.check.relation !== 'ge' || c.rule.templates.length < 2 || c.rule.crossYear)) {
    throw new Error('Cell-bound checks must be template-independent "≥ 0" checks');
  }
  return { general: all.filter((c) => !isCellBound(c.check)), cellBound, rules };
}

const cellOf = (c: IndexedCheck): string => {
  const t = c.check.actual[0];
  if (t?.kind !== 'cell') throw new Error(`Not a cell-bound check: ${c.check.id}`);
  return t.cell.key;
};

const IDS = sql`agency_id, agency_name, year, level, kind, province, template`;

const cellsCol = (rule: RuleId) => name(`cells_${rule.toLowerCase()}`);

/**
 * One scan of `reports`, joined to each agency's previous year: per general check k the columns
 * a_k, e_k (null when not assessable), m_k (blank mask) and x_k (applies); per rule with
 * cell-bound checks a list `cells_<rule>` of its cells.
 */
function baseQuery(p: CheckPlan, blankAsZero: boolean, withMask: boolean, only: Fragment | null = null): Fragment {
  const prevKeys = [
    ...new Set(
      p.general.flatMap((c) =>
        checkCells(c.check)
          .filter((x) => x.prev)
          .map((x) => x.key),
      ),
    ),
  ];
  const prevSide = sql`(SELECT ${join([col('agency_id'), col('year'), col('template'), ...prevKeys.map(col)].map((x) => sql`${x}`))} FROM ${REPORTS})`;
  // Only the wanted reports: filtered before the join, so the checks are computed for those alone.
  const source = only
    ? sql`(SELECT * FROM ${REPORTS} WHERE (${col('agency_id')}, ${col('year')}) IN (${only}))`
    : sql`${REPORTS}`;
  const joined = sql`${source} AS ${R} LEFT JOIN ${prevSide} AS ${P} ON ${P}.${col('agency_id')} = ${R}.${col('agency_id')} AND ${P}.${col('year')} = ${R}.${col('year')} - 1`;
  const cols = p.general.map(({ rule, check }, k) => {
    const gate = (x: Fragment) => (rule.crossYear ? sql`CASE WHEN ${HAS_PREV} THEN ${x} END` : x);
    const a = gate(sideExpr(check.actual, blankAsZero));
    const e = gate(sideExpr(check.expected, blankAsZero));
    const mask = withMask ? sql`, ${blankMask(check)} AS ${name(`m_${k}`)}` : sql``;
    return sql`, ${a} AS ${name(`a_${k}`)}, ${e} AS ${name(`e_${k}`)}${mask}, ${appliesExpr(rule, check)} AS ${name(`x_${k}`)}`;
  });
  const lists = p.rules
    .map((rule) => p.cellBound.filter((c) => c.rule.id === rule.id))
    .filter((mine) => mine.length > 0)
    .map((mine) => {
      const values = mine.map((c) => sql`CAST(${R}.${col(cellOf(c))} AS DOUBLE)`);
      return sql`, ${listOf(values)} AS ${cellsCol((mine[0] as IndexedCheck).rule.id)}`;
    });
  const id = (k: string) => sql`${R}.${col(k)}`;
  return sql`SELECT ${id('agency_id')}, ${id('agency_name')}, ${id('year')}, ${id('level')}, ${id('kind')}, ${id('province')},
    ${templateOf(R)} AS template, ${HAS_PREV} AS has_prev${join(cols, sql``)}${join(lists, sql``)}
    FROM ${joined}`;
}

/** Rules with cell-bound checks, in declaration order. */
function cellBoundRules(p: CheckPlan): RuleId[] {
  return p.rules.filter((r) => p.cellBound.some((c) => c.rule.id === r.id)).map((r) => r.id);
}

/** 0 not assessable, 1 pass, 2 fail. */
function statusCode(relation: CheckDef['relation'], a: Expr, e: Expr): Fragment {
  const holds = relation === 'eq' ? sql`${a} = ${e}` : relation === 'le' ? sql`${a} <= ${e}` : sql`${a} >= ${e}`;
  return sql`CASE WHEN ${a} IS NULL OR ${e} IS NULL THEN 0 WHEN ${holds} THEN 1 ELSE 2 END`;
}

/** Check ids as one bound text split in SQL: one parameter instead of hundreds. */
function idList(checks: readonly IndexedCheck[]): Fragment {
  if (checks.some((c) => c.check.id.includes(','))) throw new Error('Check ids must not contain commas');
  return sql`string_split(CAST(${checks.map((c) => c.check.id).join(',')} AS VARCHAR), ',')`;
}

function listOf(parts: readonly Fragment[]): Fragment {
  return sql`[${join(parts)}]`;
}

// ---------------------------------------------------------------------------------------------
// Every result, one row per (report, check)
// ---------------------------------------------------------------------------------------------

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

function need(row: Row, key: string): unknown {
  if (!(key in row)) throw new Error(`Rule result row lacks column "${key}"`);
  return row[key];
}

function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
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

// ---------------------------------------------------------------------------------------------
// One scan: a status per check, counts per rule and report
// ---------------------------------------------------------------------------------------------

const ruleCol = (rule: RuleId, what: 'pass' | 'fail' | 'na') => name(`${rule.toLowerCase()}_${what}`);

/**
 * One row per report with, for each rule, how many of its checks pass, fail and are not
 * assessable (`r1_pass`, `r1_fail`, `r1_na`, …) beside the report's identity columns.
 */
function perReportRuleCounts(options: RuleQueryOptions): { query: Fragment; rules: readonly RuleDef[] } {
  const p = plan(options);
  const table = usableCounts(options);
  if (table) return { query: sql`SELECT * FROM ${name(table)}`, rules: p.rules };
  const base = baseQuery(p, options.blankAsZero ?? false, false);
  const statusCols = p.general.map(({ check }, k) => {
    const code = statusCode(check.relation, name(`a_${k}`), name(`e_${k}`));
    return sql`, CASE WHEN ${name(`x_${k}`)} THEN ${code} END AS ${name(`s_${k}`)}`;
  });
  const bound = new Set(cellBoundRules(p));
  const counts = p.rules.flatMap((rule) => {
    if (bound.has(rule.id)) {
      const list = cellsCol(rule.id);
      return [
        sql`len(list_filter(${list}, lambda v: v >= 0)) AS ${ruleCol(rule.id, 'pass')}`,
        sql`len(list_filter(${list}, lambda v: v < 0)) AS ${ruleCol(rule.id, 'fail')}`,
        sql`0 AS ${ruleCol(rule.id, 'na')}`,
      ];
    }
    const mine = p.general.flatMap((c, k) => (c.rule.id === rule.id ? [k] : []));
    const count = (code: number) =>
      sumOf(mine.map((k) => sql`CASE WHEN ${name(`s_${k}`)} = ${intLiteral(code)} THEN 1 ELSE 0 END`));
    return [
      sql`${count(1)} AS ${ruleCol(rule.id, 'pass')}`,
      sql`${count(2)} AS ${ruleCol(rule.id, 'fail')}`,
      sql`${count(0)} AS ${ruleCol(rule.id, 'na')}`,
    ];
  });
  const lists = cellBoundRules(p).map((r) => sql`, ${cellsCol(r)}`);
  const statuses = sql`SELECT ${IDS}${join(statusCols, sql``)}${join(lists, sql``)} FROM (${base})`;
  return {
    query: sql`SELECT ${IDS}, ${join(counts)} FROM (${statuses})`,
    rules: p.rules,
  };
}

/** (agency_id, year) of the reports whose counts show a failure and/or a not-assessable check. */
function problemReports(table: string, rules: readonly RuleDef[], fails: boolean, notAssessable: boolean): Fragment {
  const conds = rules.flatMap((r) => [
    ...(fails ? [sql`${ruleCol(r.id, 'fail')} > 0`] : []),
    ...(notAssessable ? [sql`${ruleCol(r.id, 'na')} > 0`] : []),
  ]);
  const where = conds.length ? join(conds, sql` OR `) : sql`FALSE`;
  return sql`SELECT agency_id, year FROM ${name(table)} WHERE ${where}`;
}

/**
 * Materialises the per-report rule counts (default options) into `table`, for the quick reads of
 * RuleQueryOptions.countsTable. Run it after every change of `reports`.
 */
export function ruleCountsTableSql(table: string = RULE_COUNTS_TABLE): Fragment {
  return sql`CREATE OR REPLACE TABLE ${name(table)} AS ${perReportRuleCounts({}).query}`;
}

export type SummaryDimension = 'level' | 'kind' | 'year' | 'province';

export interface RuleSummaryOptions extends RuleQueryOptions {
  /** Dimensions to group by (default level, kind, year). */
  readonly by?: readonly SummaryDimension[];
  /**
   * Only the reports this condition keeps, over the per-report rows aliased `rc` (identity
   * columns: agency_id, agency_name, year, level, kind, province, template).
   */
  readonly only?: Fragment;
}

/** Per group: for each rule, reports it applies to and how many pass / fail / are not assessable. */
export function ruleSummaryQuery(options: RuleSummaryOptions = {}): Fragment | null {
  const { query, rules } = perReportRuleCounts(options);
  if (rules.length === 0) return null;
  const by = options.by ?? ['level', 'kind', 'year'];
  const aggs = rules.flatMap((rule) => {
    const [p, f, n] = [ruleCol(rule.id, 'pass'), ruleCol(rule.id, 'fail'), ruleCol(rule.id, 'na')];
    const id = rule.id.toLowerCase();
    return [
      sql`count(*) FILTER (WHERE ${p} + ${f} + ${n} > 0) AS ${name(`${id}_reports`)}`,
      sql`count(*) FILTER (WHERE ${f} = 0 AND ${p} > 0) AS ${name(`${id}_passing`)}`,
      sql`count(*) FILTER (WHERE ${f} > 0) AS ${name(`${id}_failing`)}`,
      sql`count(*) FILTER (WHERE ${f} = 0 AND ${p} = 0 AND ${n} > 0) AS ${name(`${id}_not_assessable`)}`,
      sql`sum(${p}) AS ${name(`${id}_checks_pass`)}`,
      sql`sum(${f}) AS ${name(`${id}_checks_fail`)}`,
      sql`sum(${n}) AS ${name(`${id}_checks_na`)}`,
    ];
  });
  const dims = by.map((d) => frag(col(d)));
  const select = dims.length ? sql`${join(dims)}, ` : sql``;
  const groupOrder = dims.length ? sql` GROUP BY ${join(dims)} ORDER BY ${join(dims)}` : sql``;
  const where = options.only ? sql` WHERE ${options.only}` : sql``;
  return sql`SELECT ${select}count(*) AS reports, ${join(aggs)} FROM (${query}) rc${where}${groupOrder}`;
}

export interface RuleSummaryRow {
  readonly rule: RuleId;
  readonly level: string | null;
  readonly kind: string | null;
  readonly year: number | null;
  readonly province: string | null;
  /** Reports the rule applies to (at least one check gave a result). */
  readonly reports: number;
  /** No check failed and at least one passed. */
  readonly passing: number;
  readonly failing: number;
  /** Every check of the rule was not assessable. */
  readonly notAssessable: number;
  /** passing / (passing + failing); null when no report was assessable. */
  readonly sharePassing: number | null;
  readonly checksPass: number;
  readonly checksFail: number;
  readonly checksNotAssessable: number;
}

/** Turns one row of `ruleSummaryQuery` (one group, all rules) into one row per rule. */
export function decodeRuleSummaryRow(row: Row, options: RuleSummaryOptions = {}): RuleSummaryRow[] {
  const by = new Set(options.by ?? ['level', 'kind', 'year']);
  const dim = (d: SummaryDimension) => {
    if (!by.has(d)) return null;
    const v = need(row, d);
    return v === null || v === undefined ? null : v;
  };
  return sqlRules(options).map((rule) => {
    const id = rule.id.toLowerCase();
    const n = (what: string) => Number(need(row, `${id}_${what}`) ?? 0);
    const passing = n('passing');
    const failing = n('failing');
    const year = dim('year');
    return {
      rule: rule.id,
      level: dim('level') === null ? null : String(dim('level')),
      kind: dim('kind') === null ? null : String(dim('kind')),
      province: dim('province') === null ? null : String(dim('province')),
      year: year === null ? null : Number(year),
      reports: n('reports'),
      passing,
      failing,
      notAssessable: n('not_assessable'),
      sharePassing: passing + failing === 0 ? null : passing / (passing + failing),
      checksPass: n('checks_pass'),
      checksFail: n('checks_fail'),
      checksNotAssessable: n('checks_na'),
    };
  });
}

/**
 * Quality score per agency over all its reports: share of its assessable checks (rules counted
 * in the score) that pass, with a rank (1 = best; ties share a rank; no score ranks last).
 */
export function agencyScoreQuery(options: RuleQueryOptions = {}): Fragment | null {
  const { query, rules } = perReportRuleCounts(options);
  const scored = rules.filter((r) => r.inScore);
  if (scored.length === 0) return null;
  const total = (what: 'pass' | 'fail' | 'na', list: readonly RuleDef[]) =>
    list.length ? sumOf(list.map((r) => frag(ruleCol(r.id, what)))) : sql`0`;
  const errors = rules.filter((r) => r.severity === 'error');
  return sql`SELECT agency_id, arg_max(agency_name, year) AS agency_name, arg_max(level, year) AS level,
    arg_max(kind, year) AS kind, count(*) AS reports, min(year) AS first_year, max(year) AS last_year,
    sum(${total('pass', scored)}) AS checks_pass, sum(${total('fail', scored)}) AS checks_fail,
    sum(${total('na', scored)}) AS checks_na,
    sum(${total('fail', errors)}) AS error_failures,
    sum(${total('pass', scored)}) / NULLIF(sum(${total('pass', scored)}) + sum(${total('fail', scored)}), 0) AS score
    FROM (${query}) GROUP BY agency_id
    ORDER BY score DESC NULLS LAST, agency_id`;
}

export interface AgencyScoreRow {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly level: string;
  readonly kind: string;
  readonly reports: number;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly checksPass: number;
  readonly checksFail: number;
  readonly checksNotAssessable: number;
  /** Failed checks of error-level rules (including rules not counted in the score). */
  readonly errorFailures: number;
  /** Share of assessable checks that pass; null when none was assessable. */
  readonly score: number | null;
  /** 1 = best; agencies with equal scores share a rank; null when there is no score. */
  readonly rank: number | null;
}

/** Decodes the rows of `agencyScoreQuery` (in their order) and ranks them. */
export function decodeAgencyScoreRows(rows: readonly Row[]): AgencyScoreRow[] {
  let rank = 0;
  let prevScore: number | null = null;
  return rows.map((row, i) => {
    const score = numOrNull(need(row, 'score'));
    if (score !== null && score !== prevScore) rank = i + 1;
    prevScore = score;
    return {
      agencyId: String(need(row, 'agency_id')),
      agencyName: String(need(row, 'agency_name') ?? ''),
      level: String(need(row, 'level') ?? ''),
      kind: String(need(row, 'kind') ?? ''),
      reports: Number(need(row, 'reports')),
      firstYear: Number(need(row, 'first_year')),
      lastYear: Number(need(row, 'last_year')),
      checksPass: Number(need(row, 'checks_pass') ?? 0),
      checksFail: Number(need(row, 'checks_fail') ?? 0),
      checksNotAssessable: Number(need(row, 'checks_na') ?? 0),
      errorFailures: Number(need(row, 'error_failures') ?? 0),
      score,
      rank: score === null ? null : rank,
    };
  });
}

/**
 * Reports that fail at least one error-level check (agency_id, year, error_failures): what the
 * "exclude reports with errors" toggle and the per-view flags need.
 */
export function flaggedReportsQuery(options: RuleQueryOptions = {}): Fragment | null {
  const { query, rules } = perReportRuleCounts(options);
  const errors = rules.filter((r) => r.severity === 'error');
  if (errors.length === 0) return null;
  const fails = sumOf(errors.map((r) => frag(ruleCol(r.id, 'fail'))));
  return sql`SELECT agency_id, year, ${fails} AS error_failures FROM (${query}) WHERE ${fails} > 0 ORDER BY agency_id, year`;
}

export interface FlaggedReportRow {
  readonly agencyId: string;
  readonly year: number;
  readonly errorFailures: number;
}

export function decodeFlaggedReportRow(row: Row): FlaggedReportRow {
  return {
    agencyId: String(need(row, 'agency_id')),
    year: Number(need(row, 'year')),
    errorFailures: Number(need(row, 'error_failures')),
  };
}
