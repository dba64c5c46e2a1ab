import { T3_APPLICANT_COLS, t3Key, type T3Col } from '@/domain/catalogue';
import type { Filters } from '@/domain/filters';
import type { Row } from '@/data/query-runner';
import { col, join, name, sql, type SqlQuery } from '@/data/sql';
import { filtersWhere } from '@/data/queries/filters';
import { num, requireColumns } from '@/data/queries/decode';

/** What a row of the applicant breakdown stands for. */
export type ApplicantsBy = 'year' | 'level' | 'kind';

export interface ApplicantRow {
  /** The year (as text), level or kind. */
  readonly key: string;
  /** Reports with all six applicant columns of 本年新收 reported (only those are counted). */
  readonly reports: number;
  /** Reports in the selection for this key. */
  readonly selected: number;
  readonly values: Record<T3Col, number | null>;
}

const newCell = (c: T3Col) => col(t3Key('new', c));
const complete = join(
  T3_APPLICANT_COLS.map((c) => sql`${newCell(c)} IS NOT NULL`),
  sql` AND `,
);

/**
 * New requests by applicant type (natural persons and the five kinds of legal persons) per year,
 * level or kind. Shares only mean something when all six columns are reported, so a report that
 * left one blank is left out of every column and counted as such.
 */
export function applicantsQuery(f: Filters, by: ApplicantsBy): SqlQuery {
  const key = col(by);
  const sums = T3_APPLICANT_COLS.map((c) => sql`SUM(${newCell(c)}) FILTER (WHERE ${complete}) AS ${name(c)}`);
  return sql`SELECT CAST(${key} AS VARCHAR) AS key, count(*) FILTER (WHERE ${complete}) AS reports,
      count(*) AS selected, ${join(sums)}
    FROM reports WHERE ${filtersWhere(f)} GROUP BY ${key} ORDER BY ${key}`;
}

export function decodeApplicantRows(rows: readonly Row[]): ApplicantRow[] {
  requireColumns(rows, ['key', 'reports', 'selected', ...T3_APPLICANT_COLS], 'applicants');
  return rows.map((r) => ({
    key: String(r.key),
    reports: Number(r.reports ?? 0),
    selected: Number(r.selected ?? 0),
    values: Object.fromEntries(T3_APPLICANT_COLS.map((c) => [c, num(r[c])])) as Record<T3Col, number | null>,
  }));
}
