import { col, join, name, sql, type Fragment, type Ident } from '@/data/sql';
import type { Row } from '@/data/query-runner';
import { templateForYear } from '@/domain/catalogue';
import {
  assessedRules,
  checkCells,
  type CellRef,
  type CheckDef,
  type RuleDef,
  type RuleId,
  type Term,
} from '@/domain/rules';

/**
 * The SQL every rule query shares: the options, the plan of checks, and the one scan of `reports`
 * with, per check, its two sides, blank mask and applicability, turned into status codes.
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

export const usableCounts = (o: RuleQueryOptions): string | null =>
  o.countsTable && !o.blankAsZero && !o.rules ? o.countsTable : null;

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
export const textList = (values: readonly string[]): Fragment => join(values.map((v) => sql`CAST(${v} AS VARCHAR)`));

type Expr = Fragment | Ident;
export const frag = (x: Expr): Fragment => sql`${x}`;

const ref = (c: CellRef): Fragment => sql`${c.prev ? P : R}.${col(c.key)}`;

export function sumOf(parts: readonly Fragment[]): Fragment {
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
export function intLiteral(n: number): Fragment {
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

export function plan(options: RuleQueryOptions): CheckPlan {
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

export const IDS = sql`agency_id, agency_name, year, level, kind, province, template`;

export const cellsCol = (rule: RuleId) => name(`cells_${rule.toLowerCase()}`);

/**
 * One scan of `reports`, joined to each agency's previous year: per general check k the columns
 * a_k, e_k (null when not assessable), m_k (blank mask) and x_k (applies); per rule with
 * cell-bound checks a list `cells_<rule>` of its cells.
 */
export function baseQuery(
  p: CheckPlan,
  blankAsZero: boolean,
  withMask: boolean,
  only: Fragment | null = null,
): Fragment {
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
export function cellBoundRules(p: CheckPlan): RuleId[] {
  return p.rules.filter((r) => p.cellBound.some((c) => c.rule.id === r.id)).map((r) => r.id);
}

/** 0 not assessable, 1 pass, 2 fail. */
export function statusCode(relation: CheckDef['relation'], a: Expr, e: Expr): Fragment {
  const holds = relation === 'eq' ? sql`${a} = ${e}` : relation === 'le' ? sql`${a} <= ${e}` : sql`${a} >= ${e}`;
  return sql`CASE WHEN ${a} IS NULL OR ${e} IS NULL THEN 0 WHEN ${holds} THEN 1 ELSE 2 END`;
}

/** Check ids as one bound text split in SQL: one parameter instead of hundreds. */
export function idList(checks: readonly IndexedCheck[]): Fragment {
  if (checks.some((c) => c.check.id.includes(','))) throw new Error('Check ids must not contain commas');
  return sql`string_split(CAST(${checks.map((c) => c.check.id).join(',')} AS VARCHAR), ',')`;
}

export function listOf(parts: readonly Fragment[]): Fragment {
  return sql`[${join(parts)}]`;
}

export function need(row: Row, key: string): unknown {
  if (!(key in row)) throw new Error(`Rule result row lacks column "${key}"`);
  return row[key];
}

export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
