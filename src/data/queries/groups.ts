import { OUTCOME_GROUPS, T3_APPLICANT_COLS, type OutcomeGroup } from '@/domain/catalogue';
import type { Filters } from '@/domain/filters';
import { INDICATORS, type IndicatorDef } from '@/domain/indicators';
import { col, join, name, sql, type Fragment } from '@/data/sql';
import type { WhereOptions } from '@/data/queries/filters';
import { termsSql } from '@/data/queries/terms';

/**
 * `reports_groups`: the reports summed by year, level, kind, province and city, kept in step with
 * `reports` by every load (data/quality.ts) and written into a database file by the generator. A
 * figure that only needs groups (pooled indicators, outcome and applicant totals, per year) is
 * read from it instead of from every report: on an attached database that is kilobytes instead of
 * the whole file, and on loaded data a scan of a few thousand rows instead of every report.
 *
 * The sums are exact: each measure is the sum (or count) of a per-report expression, so summing
 * the groups gives what summing the reports gives, blank cells and pooled rates included. A filter
 * the groups do not carry (county, sector, agencies, leaving out failing reports) reads `reports`.
 */
export const GROUPS_TABLE = 'reports_groups';

/** The columns the groups are made by: the filters a group-level figure may use. */
export const GROUP_KEYS = ['year', 'level', 'kind', 'province', 'city'] as const;

const numAlias = (key: string) => `g_${key}_num`;
const denAlias = (key: string) => `g_${key}_den`;
const usedAlias = (key: string) => `g_${key}_n`;
const outcomeAlias = (group: OutcomeGroup) => `g_outcome_${group}`;
/** The applicant cells keep their own names: `SUM(t3_new_person)` reads either table. */
const APPLICANT_CELLS = T3_APPLICANT_COLS.map((c) => `t3_new_${c}`);

/** Where numerator and denominator are both reported (the reports a pooled rate uses). */
function bothReported(def: IndicatorDef): Fragment {
  const num = termsSql(def.numerator);
  return def.denominator
    ? sql`${num} IS NOT NULL AND ${termsSql(def.denominator)} IS NOT NULL`
    : sql`${num} IS NOT NULL`;
}

/** Per group: the sums behind every indicator, the outcome groups and the applicant cells. */
function measures(): Fragment[] {
  const out: Fragment[] = [sql`count(*) AS reports`];
  for (const def of INDICATORS) {
    const both = bothReported(def);
    out.push(sql`SUM(CASE WHEN ${both} THEN ${termsSql(def.numerator)} END) AS ${name(numAlias(def.key))}`);
    if (def.denominator) {
      out.push(sql`SUM(CASE WHEN ${both} THEN ${termsSql(def.denominator)} END) AS ${name(denAlias(def.key))}`);
    }
    out.push(sql`count(*) FILTER (WHERE ${both}) AS ${name(usedAlias(def.key))}`);
  }
  for (const g of OUTCOME_GROUPS) {
    out.push(sql`SUM(${termsSql([{ group: g.key, col: 'total' }])}) AS ${name(outcomeAlias(g.key))}`);
  }
  for (const c of APPLICANT_CELLS) out.push(sql`SUM(${col(c)}) AS ${col(c)}`);
  return out;
}

/** The statement that (re)makes the groups table from `reports` (`CREATE OR REPLACE TABLE`). */
export function groupsTableSql(table = GROUPS_TABLE): Fragment {
  const keys = join(GROUP_KEYS.map((k) => sql`${col(k)}`));
  return sql`CREATE OR REPLACE TABLE ${name(table)} AS SELECT ${keys}, ${join(measures())}
    FROM reports GROUP BY ALL ORDER BY ${keys}`;
}

/** Whether a figure under these filters can be read from the groups (else it reads `reports`). */
export function groupsServe(f: Filters, opts: WhereOptions = {}): boolean {
  return (
    opts.groups !== false &&
    f.county === null &&
    f.sectors.length === 0 &&
    (opts.ignoreAgencies === true || f.agencies.length === 0) &&
    !f.excludeFailing
  );
}

/** How many reports: `count(*)` over reports, the sum of the groups' counts over the groups. */
export const reportsCountSql = (groups: boolean): Fragment => (groups ? sql`SUM(reports)` : sql`count(*)`);

/** A pooled indicator read from the groups: as `indicatorAggregateSql` gives over the reports. */
export function groupsIndicatorSql(def: IndicatorDef): Fragment {
  const num = sql`SUM(${name(numAlias(def.key))})`;
  return def.denominator ? sql`(${num} / NULLIF(SUM(${name(denAlias(def.key))}), 0))` : num;
}

/** How many reports the indicator used, from the groups: as `indicatorCountSql` over the reports. */
export const groupsIndicatorCountSql = (def: IndicatorDef): Fragment => sql`SUM(${name(usedAlias(def.key))})`;

/** An outcome group of section 三 (总计 column), summed from the groups. */
export const groupsOutcomeSql = (group: OutcomeGroup): Fragment => sql`SUM(${name(outcomeAlias(group))})`;
