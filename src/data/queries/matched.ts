import type { Filters } from '@/domain/filters';
import { indicator, type IndicatorDef } from '@/domain/indicators';
import type { Row } from '@/data/query-runner';
import { col, join, name, sql, type Fragment, type SqlQuery } from '@/data/sql';
import { FAILING_REPORTS_TABLE, filtersWhere, type WhereOptions } from '@/data/queries/filters';
import { termsSql } from '@/data/queries/terms';
import { num, requireColumns } from '@/data/queries/decode';

/*
 * Like-for-like change between two years (design/comparisons.md §1): a figure's change is computed
 * over the agencies that reported in both years with the figure's input cells filled in both
 * (its matched set). The totals of all reports per year are returned beside it, labelled apart,
 * with the reports left out and why.
 */

/** One figure between two years, over its matched set and over all reports. */
export interface MatchedChange {
  /** Agencies in the matched set: a report in both years, the figure's inputs filled in both. */
  readonly matched: number;
  /** Value in the first / second year over the matched set. */
  readonly matchedFrom: number | null;
  readonly matchedTo: number | null;
  /** For rates: Σ numerator and Σ denominator over the matched set in each year (null for counts). */
  readonly matchedParts: { readonly from: RateParts; readonly to: RateParts } | null;
  /** Value in each year over every report of that year (a different question: the reported volume). */
  readonly allFrom: number | null;
  readonly allTo: number | null;
  /** Reports of each year whose inputs were all filled (the basis of `allFrom` / `allTo`). */
  readonly allCountFrom: number;
  readonly allCountTo: number;
  /**
   * Agencies reporting in both years but left out of this figure because one of its input cells
   * is blank in either year (each leaves out two reports).
   */
  readonly blankAgencies: number;
}

export interface RateParts {
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface MatchedChangeResult {
  readonly fromYear: number;
  readonly toYear: number;
  /** Reports in each year under the filters. */
  readonly reportsFrom: number;
  readonly reportsTo: number;
  /** Agencies with a report in both years. */
  readonly paired: number;
  /**
   * Reports of the first year whose agency has no report in the second, and the reverse (with
   * failing reports left out: no report kept in the other year).
   */
  readonly unpairedFrom: number;
  readonly unpairedTo: number;
  /** Of those, the ones whose other-year report exists but is left out for failing an error rule. */
  readonly partnerExcludedFrom: number;
  readonly partnerExcludedTo: number;
  /** Reports of each year left out because they fail an error-level rule (filter `excludeFailing`). */
  readonly excludedFrom: number;
  readonly excludedTo: number;
  readonly figures: Record<string, MatchedChange>;
}

const a = (prefix: string, key: string) => name(`${prefix}_${key}`);

function yearsList(fromYear: number, toYear: number): number[] {
  return fromYear === toYear ? [fromYear] : [fromYear, toYear];
}

/**
 * Per-agency numerator and denominator in each of the two years (one row per agency). With
 * `excludeFailing`, a failing report is read but flagged, so the reports it leaves out are counted.
 */
function pairsCte(
  f: Filters,
  defs: readonly IndicatorDef[],
  fromYear: number,
  toYear: number,
  where: WhereOptions,
): Fragment {
  const failing = f.excludeFailing
    ? sql`EXISTS (SELECT 1 FROM ${name(FAILING_REPORTS_TABLE)} fr WHERE fr.agency_id = reports.agency_id AND fr.year = reports.year)`
    : sql`FALSE`;
  const kept = (y: number) => sql`${col('year')} = ${y} AND NOT ${failing}`;
  const cols = defs.flatMap((d) => {
    const x = termsSql(d.numerator);
    const m = d.denominator ? termsSql(d.denominator) : sql`CAST(NULL AS DOUBLE)`;
    return [
      sql`max(${x}) FILTER (WHERE ${kept(fromYear)}) AS ${a('xf', d.key)}`,
      sql`max(${x}) FILTER (WHERE ${kept(toYear)}) AS ${a('xt', d.key)}`,
      sql`max(${m}) FILTER (WHERE ${kept(fromYear)}) AS ${a('mf', d.key)}`,
      sql`max(${m}) FILTER (WHERE ${kept(toYear)}) AS ${a('mt', d.key)}`,
    ];
  });
  return sql`pairs AS (
    SELECT agency_id,
      count(*) FILTER (WHERE ${kept(fromYear)}) > 0 AS has_from,
      count(*) FILTER (WHERE ${kept(toYear)}) > 0 AS has_to,
      count(*) FILTER (WHERE ${col('year')} = ${fromYear}) > 0 AS any_from,
      count(*) FILTER (WHERE ${col('year')} = ${toYear}) > 0 AS any_to,
      ${join(cols)}
    FROM reports WHERE ${filtersWhere({ ...f, excludeFailing: false }, { ...where, ignoreYears: true })}
      AND ${col('year')} IN (${yearsList(fromYear, toYear)})
    GROUP BY agency_id)`;
}

/** Whether the figure's inputs are filled in one year (`f` or `t`) of a `pairs` row. */
function filled(d: IndicatorDef, y: 'f' | 't'): Fragment {
  const x = sql`${a(`x${y}`, d.key)} IS NOT NULL`;
  return d.denominator ? sql`(${x} AND ${a(`m${y}`, d.key)} IS NOT NULL)` : sql`(${x})`;
}

/** The figure over the `pairs` rows satisfying `cond`, in year `y`: Σx, or Σx ÷ Σm for a rate. */
function aggregate(d: IndicatorDef, y: 'f' | 't', cond: Fragment): Fragment {
  const x = sql`SUM(${a(`x${y}`, d.key)}) FILTER (WHERE ${cond})`;
  if (!d.denominator) return x;
  return sql`(${x} / NULLIF(SUM(${a(`m${y}`, d.key)}) FILTER (WHERE ${cond}), 0))`;
}

/**
 * Each figure between `fromYear` and `toYear` over its matched set, and over all reports of each
 * year, with the reports left out by reason. One row.
 */
export function matchedChangeQuery(
  f: Filters,
  keys: readonly string[],
  fromYear: number,
  toYear: number,
  where: WhereOptions = {},
): SqlQuery | null {
  if (keys.length === 0) return null;
  const defs = keys.map(indicator);
  const paired = sql`has_from AND has_to`;
  const cols = defs.flatMap((d) => {
    const both = sql`${paired} AND ${filled(d, 'f')} AND ${filled(d, 't')}`;
    const inFrom = sql`has_from AND ${filled(d, 'f')}`;
    const inTo = sql`has_to AND ${filled(d, 't')}`;
    const parts = d.denominator
      ? [
          sql`SUM(${a('xf', d.key)}) FILTER (WHERE ${both}) AS ${a('mxf', d.key)}`,
          sql`SUM(${a('mf', d.key)}) FILTER (WHERE ${both}) AS ${a('mmf', d.key)}`,
          sql`SUM(${a('xt', d.key)}) FILTER (WHERE ${both}) AS ${a('mxt', d.key)}`,
          sql`SUM(${a('mt', d.key)}) FILTER (WHERE ${both}) AS ${a('mmt', d.key)}`,
        ]
      : [];
    return [
      sql`count(*) FILTER (WHERE ${both}) AS ${a('mn', d.key)}`,
      sql`${aggregate(d, 'f', both)} AS ${a('mvf', d.key)}`,
      sql`${aggregate(d, 't', both)} AS ${a('mvt', d.key)}`,
      sql`${aggregate(d, 'f', inFrom)} AS ${a('avf', d.key)}`,
      sql`${aggregate(d, 't', inTo)} AS ${a('avt', d.key)}`,
      sql`count(*) FILTER (WHERE ${inFrom}) AS ${a('anf', d.key)}`,
      sql`count(*) FILTER (WHERE ${inTo}) AS ${a('ant', d.key)}`,
      sql`count(*) FILTER (WHERE ${paired} AND NOT (${filled(d, 'f')} AND ${filled(d, 't')})) AS ${a('bl', d.key)}`,
      ...parts,
    ];
  });
  return sql`WITH ${pairsCte(f, defs, fromYear, toYear, where)}
    SELECT count(*) FILTER (WHERE has_from) AS reports_from, count(*) FILTER (WHERE has_to) AS reports_to,
      count(*) FILTER (WHERE ${paired}) AS paired,
      count(*) FILTER (WHERE has_from AND NOT has_to) AS unpaired_from,
      count(*) FILTER (WHERE has_to AND NOT has_from) AS unpaired_to,
      count(*) FILTER (WHERE has_from AND NOT has_to AND any_to) AS partner_excluded_from,
      count(*) FILTER (WHERE has_to AND NOT has_from AND any_from) AS partner_excluded_to,
      count(*) FILTER (WHERE any_from AND NOT has_from) AS excluded_from,
      count(*) FILTER (WHERE any_to AND NOT has_to) AS excluded_to,
      ${join(cols)}
    FROM pairs`;
}

export function decodeMatchedChange(
  rows: readonly Row[],
  keys: readonly string[],
  fromYear: number,
  toYear: number,
): MatchedChangeResult {
  const perKey = ['mn', 'mvf', 'mvt', 'avf', 'avt', 'anf', 'ant', 'bl'];
  requireColumns(
    rows,
    [
      'reports_from',
      'reports_to',
      'paired',
      'unpaired_from',
      'unpaired_to',
      'partner_excluded_from',
      'partner_excluded_to',
      'excluded_from',
      'excluded_to',
      ...keys.flatMap((k) => perKey.map((p) => `${p}_${k}`)),
    ],
    'matchedChange',
  );
  const r = rows[0] ?? {};
  const count = (v: unknown) => Number(v ?? 0);
  const figures = Object.fromEntries(
    keys.map((k) => {
      const isRate = indicator(k).denominator !== undefined;
      const parts = (y: 'f' | 't'): RateParts => ({
        numerator: num(r[`mx${y}_${k}`]),
        denominator: num(r[`mm${y}_${k}`]),
      });
      const change: MatchedChange = {
        matched: count(r[`mn_${k}`]),
        matchedFrom: num(r[`mvf_${k}`]),
        matchedTo: num(r[`mvt_${k}`]),
        matchedParts: isRate ? { from: parts('f'), to: parts('t') } : null,
        allFrom: num(r[`avf_${k}`]),
        allTo: num(r[`avt_${k}`]),
        allCountFrom: count(r[`anf_${k}`]),
        allCountTo: count(r[`ant_${k}`]),
        blankAgencies: count(r[`bl_${k}`]),
      };
      return [k, change];
    }),
  );
  return {
    fromYear,
    toYear,
    reportsFrom: count(r.reports_from),
    reportsTo: count(r.reports_to),
    paired: count(r.paired),
    unpairedFrom: count(r.unpaired_from),
    unpairedTo: count(r.unpaired_to),
    partnerExcludedFrom: count(r.partner_excluded_from),
    partnerExcludedTo: count(r.partner_excluded_to),
    excludedFrom: count(r.excluded_from),
    excludedTo: count(r.excluded_to),
    figures,
  };
}

// ---------------------------------------------------------------------------------------------
// Balanced panel
// ---------------------------------------------------------------------------------------------

/**
 * Agencies present in every year of the selection: a report in each year in which any report
 * under the same filters exists. Trends over these agencies compare the same set every year.
 */
export function balancedAgenciesSql(f: Filters, where: WhereOptions = {}): Fragment {
  const w = filtersWhere(f, where);
  return sql`(SELECT agency_id FROM reports WHERE ${w} GROUP BY agency_id
    HAVING count(DISTINCT ${col('year')}) = (SELECT count(DISTINCT ${col('year')}) FROM reports WHERE ${w}))`;
}

export interface PanelSummary {
  /** Years with any report in the selection. */
  readonly years: number;
  /** Agencies with any report in the selection. */
  readonly agencies: number;
  /** Agencies with a report in every one of those years. */
  readonly balanced: number;
  /** Reports of the selection, and of the balanced agencies. */
  readonly reports: number;
  readonly balancedReports: number;
}

/** How many agencies and reports a balanced panel keeps (to say what "same agencies" leaves out). */
export function panelSummaryQuery(f: Filters, where: WhereOptions = {}): SqlQuery {
  return sql`WITH per AS (
      SELECT agency_id, count(DISTINCT ${col('year')}) AS y, count(*) AS r FROM reports WHERE ${filtersWhere(f, where)}
      GROUP BY agency_id
    ), span AS (SELECT count(DISTINCT ${col('year')}) AS years FROM reports WHERE ${filtersWhere(f, where)})
    SELECT span.years AS years, count(per.agency_id) AS agencies,
      count(per.agency_id) FILTER (WHERE per.y = span.years) AS balanced,
      coalesce(sum(per.r), 0) AS reports, coalesce(sum(per.r) FILTER (WHERE per.y = span.years), 0) AS balanced_reports
    FROM span LEFT JOIN per ON TRUE GROUP BY span.years`;
}

export function decodePanelSummary(rows: readonly Row[]): PanelSummary {
  requireColumns(rows, ['years', 'agencies', 'balanced', 'reports', 'balanced_reports'], 'panelSummary');
  const r = rows[0] ?? {};
  return {
    years: Number(r.years ?? 0),
    agencies: Number(r.agencies ?? 0),
    balanced: Number(r.balanced ?? 0),
    reports: Number(r.reports ?? 0),
    balancedReports: Number(r.balanced_reports ?? 0),
  };
}
