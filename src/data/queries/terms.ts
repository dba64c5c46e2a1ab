import { derivedGroup, t3Key } from '@/domain/catalogue';
import type { IndicatorDef, Term } from '@/domain/indicators';
import { col, join, name, sql, type Fragment } from '@/data/sql';

/** A sum of cells; NULL as soon as one part is NULL (SQL `+` does that), never read as 0. */
function cellSum(keys: readonly string[]): Fragment {
  return sql`(${join(
    keys.map((k) => sql`${col(k)}`),
    sql` + `,
  )})`;
}

function termSql(t: Term): Fragment {
  if ('cell' in t) return sql`${col(t.cell)}`;
  const alts = derivedGroup(t.group).alternatives.map((rows) => cellSum(rows.map((r) => t3Key(r, t.col))));
  return alts.length === 1 ? (alts[0] as Fragment) : sql`COALESCE(${join(alts)})`;
}

/** Per-report value of a sum of terms. */
export function termsSql(terms: readonly Term[]): Fragment {
  return sql`(${join(
    terms.map((t, i) => {
      const sign = (t.sign ?? 1) === -1 ? sql` - ` : i === 0 ? sql`` : sql` + `;
      return sql`${sign}${termSql(t)}`;
    }),
    sql``,
  )})`;
}

/** Per-report indicator value (NULL for a zero or unreported denominator). */
export function indicatorRowSql(def: IndicatorDef): Fragment {
  const num = termsSql(def.numerator);
  if (!def.denominator) return num;
  return sql`(${num} / NULLIF(${termsSql(def.denominator)}, 0))`;
}

/**
 * Indicator over a group of reports: for counts the sum of reported values; for rates the ratio of
 * sums over the reports where numerator and denominator are both reported (a pooled rate).
 */
export function indicatorAggregateSql(def: IndicatorDef): Fragment {
  const num = termsSql(def.numerator);
  if (!def.denominator) return sql`SUM(${num})`;
  const den = termsSql(def.denominator);
  const both = sql`${num} IS NOT NULL AND ${den} IS NOT NULL`;
  return sql`(SUM(CASE WHEN ${both} THEN ${num} END) / NULLIF(SUM(CASE WHEN ${both} THEN ${den} END), 0))`;
}

/** How many reports an aggregate actually used (to say "n = …" beside a rate). */
export function indicatorCountSql(def: IndicatorDef): Fragment {
  const parts = [termsSql(def.numerator), ...(def.denominator ? [termsSql(def.denominator)] : [])];
  return sql`count(*) FILTER (WHERE ${join(
    parts.map((p) => sql`${p} IS NOT NULL`),
    sql` AND `,
  )})`;
}

/**
 * Result-column names of the indicator queries, written once: the value of an indicator (or a
 * cell), its share of the year's total, and how many reports it used. Queries alias with these
 * and decoders read with them.
 */
export const valueColumn = (key: string) => `i_${key}`;
export const shareColumn = (key: string) => `sh_${key}`;
export const countColumn = (key: string) => `n_${key}`;

export const indicatorAlias = (key: string) => name(valueColumn(key));
export const shareAlias = (key: string) => name(shareColumn(key));
export const countAlias = (key: string) => name(countColumn(key));
