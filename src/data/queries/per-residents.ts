import type { Filters } from '@/domain/filters';
import { indicator } from '@/domain/indicators';
import type { Row } from '@/data/query-runner';
import { col, join, name, sql, type SqlQuery } from '@/data/sql';
import { filtersWhere, type WhereOptions } from '@/data/queries/filters';
import { termsSql } from '@/data/queries/terms';
import { num, requireColumns, str } from '@/data/queries/decode';
import { POPULATION_TABLE } from '@/data/load/population';

/** Counts are shown per this many residents. */
export const PER_RESIDENTS = 10_000;

export interface PerResidentsRow {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly level: string;
  readonly regionCode: string | null;
  /** Residents in the year from the population table; null when it has no row for the agency. */
  readonly population: number | null;
  readonly source: string | null;
  /** The count as reported, and per 10,000 residents (null without a population or a value). */
  readonly values: Record<string, number | null>;
  readonly perTenThousand: Record<string, number | null>;
}

/**
 * Count indicators of the 人民政府 of one year per 10,000 residents: each report joined to the
 * population of its region (by `region_code`) or of the agency (by `agency_id`), whichever the
 * loaded population table is keyed by. Departments are left out (a region's residents are not a
 * department's base); rates have no per-resident form (null for them). Needs the `population`
 * table loaded (data/load/population.ts).
 */
export function perResidentsQuery(
  f: Filters,
  keys: readonly string[],
  year: number,
  where: WhereOptions = {},
): SqlQuery | null {
  const counts = keys.map(indicator).filter((d) => !d.denominator);
  if (counts.length === 0) return null;
  const cols = counts.flatMap((d) => [
    sql`${termsSql(d.numerator)} AS ${name(`v_${d.key}`)}`,
    sql`${termsSql(d.numerator)} / p.population * ${PER_RESIDENTS} AS ${name(`pk_${d.key}`)}`,
  ]);
  const pop = name(POPULATION_TABLE);
  return sql`SELECT reports.agency_id AS agency_id, reports.agency_name AS agency_name, reports.level AS level,
      reports.region_code AS region_code, p.population AS population, p.source AS source, ${join(cols)}
    FROM reports LEFT JOIN ${pop} p ON p.year = reports.year AND (
      (p.key_kind = 'region_code' AND p.key = reports.region_code) OR (p.key_kind = 'agency_id' AND p.key = reports.agency_id))
    WHERE ${filtersWhere(f, { ...where, ignoreYears: true })} AND reports.${col('year')} = ${year}
      AND reports.${col('kind')} = 'government'
    ORDER BY reports.agency_id`;
}

export function decodePerResidents(rows: readonly Row[], keys: readonly string[]): PerResidentsRow[] {
  const counts = keys.filter((k) => !indicator(k).denominator);
  requireColumns(
    rows,
    ['agency_id', 'agency_name', 'level', 'region_code', 'population', 'source', ...counts.map((k) => `pk_${k}`)],
    'perResidents',
  );
  return rows.map((r) => ({
    agencyId: String(r.agency_id),
    agencyName: str(r.agency_name) ?? '',
    level: String(r.level),
    regionCode: str(r.region_code),
    population: num(r.population),
    source: str(r.source),
    values: Object.fromEntries(keys.map((k) => [k, counts.includes(k) ? num(r[`v_${k}`]) : null])),
    perTenThousand: Object.fromEntries(keys.map((k) => [k, counts.includes(k) ? num(r[`pk_${k}`]) : null])),
  }));
}
