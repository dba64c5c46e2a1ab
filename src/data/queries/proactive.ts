import { cellsOf, type Template } from '@/domain/catalogue';
import type { Filters } from '@/domain/filters';
import type { Row } from '@/data/query-runner';
import { col, join, name, sql, type SqlQuery } from '@/data/sql';
import { filtersWhere } from '@/data/queries/filters';
import { num, requireColumns } from '@/data/queries/decode';
import { countAlias, countColumn } from '@/data/queries/terms';

/**
 * Cells of section 二 that can be summed over reports: everything but amounts whose unit the
 * template leaves open (政府集中采购 总金额, recorded as printed).
 */
export const summableSection2 = (template: Template) => cellsOf(2, template).filter((c) => c.unit !== 'as_printed');

export interface ProactiveYear {
  readonly year: number;
  /** Reports of the template in this year. */
  readonly reports: number;
  /** Σ of each cell (key → value) over the reports that reported it. */
  readonly values: Record<string, number | null>;
  /** Reports that reported each cell. */
  readonly counts: Record<string, number>;
}

/** Section 二 summed per year over the reports of one template (the two are never mixed). */
export function proactiveByYearQuery(f: Filters, template: Template): SqlQuery {
  const cells = summableSection2(template);
  const cols = cells.flatMap((c) => [
    sql`SUM(${col(c.key)}) AS ${name(c.key)}`,
    sql`count(${col(c.key)}) AS ${countAlias(c.key)}`,
  ]);
  return sql`SELECT ${col('year')} AS year, count(*) AS reports, ${join(cols)}
    FROM reports WHERE ${filtersWhere(f)} AND ${col('template')} = ${template}
    GROUP BY 1 ORDER BY 1`;
}

export function decodeProactiveYears(rows: readonly Row[], template: Template): ProactiveYear[] {
  const keys = summableSection2(template).map((c) => c.key);
  requireColumns(rows, ['year', 'reports', ...keys], 'proactiveByYear');
  return rows.map((r) => ({
    year: Number(r.year),
    reports: Number(r.reports ?? 0),
    values: Object.fromEntries(keys.map((k) => [k, num(r[k])])),
    counts: Object.fromEntries(keys.map((k) => [k, Number(r[countColumn(k)] ?? 0)])),
  }));
}
