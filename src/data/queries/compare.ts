import type { CompareSort, PeerStats } from '@/domain/compare';
import type { Filters } from '@/domain/filters';
import { indicator } from '@/domain/indicators';
import type { Row } from '@/data/query-runner';
import { col, join, name, sql, type Fragment, type SqlQuery } from '@/data/sql';
import { filtersWhere, type WhereOptions } from '@/data/queries/filters';
import { indicatorRowSql, termsSql } from '@/data/queries/terms';
import { num, requireColumns, str } from '@/data/queries/decode';

export interface CompareRequest {
  readonly filters: Filters;
  readonly keys: readonly string[];
  readonly from: number;
  readonly to: number;
  /** `picked`: the agencies of the global pick; `all`: every agency matching the other filters. */
  readonly scope: 'picked' | 'all';
  readonly sort: CompareSort;
  readonly limit: number;
  readonly offset: number;
  readonly where?: WhereOptions;
  /**
   * Keep agencies that reported within the range but lack the start or the end year (their
   * start/end is null), sorted after the comparable ones, instead of leaving those without either
   * year out. Default false (the ranking as before).
   */
  readonly keepMissingYears?: boolean;
  /**
   * When the sort is on a rate: agencies with both years whose denominator at the sorted year (the
   * smaller of the two for Δ and Δ%) is under this are not ranked but follow the ranked ones
   * (`small_n`, listed apart as 样本过小), before the agencies missing a year. Absent: no minimum.
   */
  readonly minDenominator?: number;
}

export interface CompareValues {
  readonly start: number | null;
  readonly end: number | null;
  readonly delta: number | null;
  readonly pct: number | null;
}

export interface CompareRow {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly level: string;
  readonly kind: string;
  readonly values: Record<string, CompareValues>;
}

export interface ComparePage {
  readonly rows: CompareRow[];
  /** Agencies in the whole ranking, not just this page. */
  readonly total: number;
}

const FIELD_PREFIX = { start: 's', end: 'e', delta: 'd', pct: 'p' } as const;
const alias = (field: keyof typeof FIELD_PREFIX, key: string) => name(`${FIELD_PREFIX[field]}_${key}`);

function scopeWhere(r: CompareRequest): Fragment {
  return filtersWhere(r.filters, { ...r.where, ignoreYears: true, ignoreAgencies: r.scope === 'all' });
}

/**
 * One row per agency with a report in the start or end year (with `keepMissingYears`: in any year
 * of the range): each indicator at the start and the end of the range, Δ (end − start) and Δ%
 * (Δ ÷ start, undefined when the start is 0), sorted and paged in SQL so a national dataset stays a
 * page of rows. Every row also carries, for rates, the numerator and denominator at the start and
 * the end (`sx_`, `sn_`, `ex_`, `en_`), whether the agency reported each end year, and the counts
 * of comparable agencies (both years) and of agencies missing one of them over the whole ranking.
 * With `keepMissingYears` the comparable agencies come first whatever the sort.
 */
export function compareTableQuery(r: CompareRequest): SqlQuery | null {
  if (r.keys.length === 0 || (r.scope === 'picked' && r.filters.agencies.length === 0)) return null;
  const defs = r.keys.map(indicator);
  const at = (y: number) => sql`${col('year')} = ${y}`;
  const yearCols = defs.flatMap((d) => [
    sql`max(${indicatorRowSql(d)}) FILTER (WHERE ${at(r.from)}) AS ${alias('start', d.key)}`,
    sql`max(${indicatorRowSql(d)}) FILTER (WHERE ${at(r.to)}) AS ${alias('end', d.key)}`,
    ...(d.denominator
      ? [
          sql`max(${termsSql(d.numerator)}) FILTER (WHERE ${at(r.from)}) AS ${name(`sx_${d.key}`)}`,
          sql`max(${termsSql(d.denominator)}) FILTER (WHERE ${at(r.from)}) AS ${name(`sn_${d.key}`)}`,
          sql`max(${termsSql(d.numerator)}) FILTER (WHERE ${at(r.to)}) AS ${name(`ex_${d.key}`)}`,
          sql`max(${termsSql(d.denominator)}) FILTER (WHERE ${at(r.to)}) AS ${name(`en_${d.key}`)}`,
        ]
      : []),
  ]);
  const changeCols = defs.flatMap((d) => [
    sql`${alias('end', d.key)} - ${alias('start', d.key)} AS ${alias('delta', d.key)}`,
    sql`(${alias('end', d.key)} - ${alias('start', d.key)}) / NULLIF(${alias('start', d.key)}, 0) AS ${alias('pct', d.key)}`,
  ]);
  const sortCol = r.sort.key === 'name' ? name('agency_name') : alias(r.sort.field, indicator(r.sort.key).key);
  const dir = r.sort.dir === 'asc' ? sql`ASC` : sql`DESC`;
  const years = r.keepMissingYears
    ? sql`${col('year')} BETWEEN ${Math.min(r.from, r.to)} AND ${Math.max(r.from, r.to)}`
    : sql`${col('year')} IN (${[r.from, r.to]})`;
  const comparableFirst = r.keepMissingYears ? sql`(has_start AND has_end) DESC, ` : sql``;
  const sortDef = r.sort.key === 'name' ? null : indicator(r.sort.key);
  const den = (p: 'sn' | 'en') => name(`${p}_${sortDef?.key ?? ''}`);
  const sortDen =
    r.sort.field === 'start'
      ? sql`${den('sn')}`
      : r.sort.field === 'end'
        ? sql`${den('en')}`
        : sql`least(${den('sn')}, ${den('en')})`;
  const small =
    r.minDenominator !== undefined && sortDef?.denominator && r.keys.includes(sortDef.key)
      ? sql`coalesce(has_start AND has_end AND ${sortDen} < ${r.minDenominator}, FALSE)`
      : sql`FALSE`;
  return sql`WITH base AS (
      SELECT agency_id, arg_max(agency_name, year) AS agency_name, any_value(level) AS level, any_value(kind) AS kind,
        count(*) FILTER (WHERE ${at(r.from)}) > 0 AS has_start, count(*) FILTER (WHERE ${at(r.to)}) > 0 AS has_end,
        ${join(yearCols)}
      FROM reports WHERE ${scopeWhere(r)} AND ${years}
      GROUP BY agency_id
    ), sized AS (SELECT *, ${small} AS small_n FROM base),
    -- Counted once in an aggregate: as FILTERed window counts OVER () DuckDB 1.4 took quadratic
    -- time (46 s for 146,351 agencies).
    counts AS (SELECT count(*) AS total_rows,
      count(*) FILTER (WHERE has_start AND has_end) AS comparable_rows,
      count(*) FILTER (WHERE NOT (has_start AND has_end)) AS missing_rows,
      count(*) FILTER (WHERE small_n AND has_start AND has_end) AS small_rows FROM sized)
    SELECT sized.*, ${join(changeCols)}, counts.*
    FROM sized CROSS JOIN counts ORDER BY ${comparableFirst}small_n, ${sortCol} ${dir} NULLS LAST, agency_id LIMIT ${r.limit} OFFSET ${r.offset}`;
}

export function decodeComparePage(rows: readonly Row[], keys: readonly string[]): ComparePage {
  requireColumns(
    rows,
    [
      'agency_id',
      'agency_name',
      'level',
      'kind',
      'total_rows',
      ...keys.flatMap((k) => ['s', 'e', 'd', 'p'].map((p) => `${p}_${k}`)),
    ],
    'compareTable',
  );
  return {
    total: Number(rows[0]?.total_rows ?? 0),
    rows: rows.map((r) => ({
      agencyId: String(r.agency_id),
      agencyName: str(r.agency_name) ?? '',
      level: String(r.level),
      kind: String(r.kind),
      values: Object.fromEntries(
        keys.map((k) => [
          k,
          { start: num(r[`s_${k}`]), end: num(r[`e_${k}`]), delta: num(r[`d_${k}`]), pct: num(r[`p_${k}`]) },
        ]),
      ),
    })),
  };
}

/** Numerator and denominator of a rate in one report (both null for a count or an absent report). */
export interface RateParts {
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface CompareDetailRow extends CompareRow {
  /** Whether the agency reported in the start year and in the end year. */
  readonly hasStart: boolean;
  readonly hasEnd: boolean;
  /** For rates: numerator and denominator at the start and the end (absent for counts). */
  readonly parts: Record<string, { readonly start: RateParts; readonly end: RateParts }>;
  /** Below the request's minimum denominator on the sorted rate: listed apart, not ranked. */
  readonly smallN: boolean;
}

export interface CompareDetailPage {
  readonly rows: CompareDetailRow[];
  readonly total: number;
  /** Agencies of the whole ranking with both years, and with one of them missing. */
  readonly comparable: number;
  readonly missingYear: number;
  /** Comparable agencies below the minimum denominator of the sorted rate (listed apart). */
  readonly tooSmall: number;
}

/** Rows of `compareTableQuery` with the denominators of rates and the agencies missing a year. */
export function decodeCompareDetail(rows: readonly Row[], keys: readonly string[]): CompareDetailPage {
  const rates = keys.filter((k) => indicator(k).denominator !== undefined);
  requireColumns(
    rows,
    [
      'has_start',
      'has_end',
      'comparable_rows',
      'missing_rows',
      'small_rows',
      'small_n',
      ...rates.flatMap((k) => ['sx', 'sn', 'ex', 'en'].map((p) => `${p}_${k}`)),
    ],
    'compareDetail',
  );
  const page = decodeComparePage(rows, keys);
  return {
    total: page.total,
    comparable: Number(rows[0]?.comparable_rows ?? 0),
    missingYear: Number(rows[0]?.missing_rows ?? 0),
    tooSmall: Number(rows[0]?.small_rows ?? 0),
    rows: page.rows.map((row, i) => {
      const r = rows[i] ?? {};
      return {
        ...row,
        hasStart: r.has_start === true,
        hasEnd: r.has_end === true,
        smallN: r.small_n === true,
        parts: Object.fromEntries(
          rates.map((k) => [
            k,
            {
              start: { numerator: num(r[`sx_${k}`]), denominator: num(r[`sn_${k}`]) },
              end: { numerator: num(r[`ex_${k}`]), denominator: num(r[`en_${k}`]) },
            },
          ]),
        ),
      };
    }),
  };
}

export interface PeerPosition {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly level: string;
  readonly kind: string;
  readonly value: number | null;
  /** For a rate: the agency's numerator and denominator that year (null for a count). */
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly stats: PeerStats;
  /**
   * For a rate: Σ numerator and Σ denominator over the peers with a rate (`stats.n` of them), whose
   * ratio is the pooled rate p₀ of the funnel limits (domain/stats `rateVerdict`); null for a count.
   */
  readonly pooled: { readonly numerator: number; readonly denominator: number } | null;
}

/**
 * For each given agency, its indicator value in `year` and the distribution of the same indicator
 * over its peers: the agencies of the same level and kind reporting that year within the other
 * filters (so within the chosen sector when one is set). Quartiles by linear interpolation
 * (quantile_cont); whiskers at the most extreme values within 1.5 IQR.
 */
export function peerPositionQuery(
  f: Filters,
  key: string,
  year: number,
  agencyIds: readonly string[],
  where: WhereOptions = {},
): SqlQuery | null {
  if (agencyIds.length === 0) return null;
  const def = indicator(key);
  const v = indicatorRowSql(def);
  const x = def.denominator ? termsSql(def.numerator) : sql`CAST(NULL AS DOUBLE)`;
  const den = def.denominator ? termsSql(def.denominator) : sql`CAST(NULL AS DOUBLE)`;
  return sql`WITH vals AS (
      SELECT agency_id, level, kind, ${v} AS v, ${x} AS x, ${den} AS den FROM reports
      WHERE ${filtersWhere(f, { ...where, ignoreYears: true, ignoreAgencies: true })} AND ${col('year')} = ${year} AND ${v} IS NOT NULL
    ), stats AS (
      SELECT level, kind, count(*) AS n, quantile_cont(v, 0.25) AS q1, quantile_cont(v, 0.5) AS median,
        quantile_cont(v, 0.75) AS q3, sum(x) AS pooled_x, sum(den) AS pooled_n
      FROM vals GROUP BY level, kind
    ), fenced AS (
      SELECT s.level, s.kind, any_value(s.n) AS n, any_value(s.q1) AS q1, any_value(s.median) AS median, any_value(s.q3) AS q3,
        any_value(s.pooled_x) AS pooled_x, any_value(s.pooled_n) AS pooled_n,
        min(x.v) FILTER (WHERE x.v >= s.q1 - 1.5 * (s.q3 - s.q1)) AS low,
        max(x.v) FILTER (WHERE x.v <= s.q3 + 1.5 * (s.q3 - s.q1)) AS high
      FROM stats s JOIN vals x ON x.level = s.level AND x.kind = s.kind GROUP BY s.level, s.kind
    ), chosen AS (
      SELECT agency_id, agency_name, level, kind, ${v} AS value, ${x} AS x, ${den} AS den FROM reports
      WHERE ${col('agency_id')} IN (${agencyIds}) AND ${col('year')} = ${year}
    )
    SELECT c.agency_id, c.agency_name, c.level, c.kind, c.value, c.x, c.den, coalesce(f.n, 0) AS n, f.q1, f.median, f.q3, f.low, f.high,
      f.pooled_x, f.pooled_n
    FROM chosen c LEFT JOIN fenced f ON f.level = c.level AND f.kind = c.kind`;
}

export function decodePeerPositions(rows: readonly Row[], order: readonly string[]): PeerPosition[] {
  requireColumns(
    rows,
    [
      'agency_id',
      'agency_name',
      'level',
      'kind',
      'value',
      'x',
      'den',
      'n',
      'q1',
      'median',
      'q3',
      'low',
      'high',
      'pooled_x',
      'pooled_n',
    ],
    'peerPosition',
  );
  const decoded = rows.map((r) => ({
    agencyId: String(r.agency_id),
    agencyName: str(r.agency_name) ?? '',
    level: String(r.level),
    kind: String(r.kind),
    value: num(r.value),
    numerator: num(r.x),
    denominator: num(r.den),
    pooled:
      r.pooled_x === null || r.pooled_x === undefined || r.pooled_n === null || r.pooled_n === undefined
        ? null
        : { numerator: Number(r.pooled_x), denominator: Number(r.pooled_n) },
    stats: {
      n: Number(r.n),
      q1: num(r.q1),
      median: num(r.median),
      q3: num(r.q3),
      low: num(r.low),
      high: num(r.high),
    },
  }));
  // In the order of the ranking the agencies were taken from.
  return decoded.sort((a, b) => order.indexOf(a.agencyId) - order.indexOf(b.agencyId));
}

/** One agency on a funnel plot: numerator x of denominator n in one year. */
export interface FunnelAgency {
  readonly id: string;
  readonly agencyName: string;
  readonly level: string;
  readonly kind: string;
  readonly x: number;
  readonly n: number;
}

export interface FunnelUnits {
  /** Agencies with numerator and denominator reported (n may be 0: no rate, listed apart by the plot). */
  readonly agencies: FunnelAgency[];
  /** Reports of the year in the peer group whose numerator or denominator is blank. */
  readonly unreported: number;
}

/**
 * The input of a funnel plot for a rate: every report of `year` in the peer group (the other
 * filters, optionally one level and kind) with its numerator and denominator. Null for a count,
 * which has no denominator (counts keep the quartile view).
 */
export function funnelUnitsQuery(
  f: Filters,
  key: string,
  year: number,
  peer: { readonly level?: string; readonly kind?: string } = {},
  where: WhereOptions = {},
): SqlQuery | null {
  const def = indicator(key);
  if (!def.denominator) return null;
  const x = termsSql(def.numerator);
  const n = termsSql(def.denominator);
  const level = peer.level === undefined ? sql`` : sql` AND ${col('level')} = ${peer.level}`;
  const kind = peer.kind === undefined ? sql`` : sql` AND ${col('kind')} = ${peer.kind}`;
  return sql`SELECT agency_id, agency_name, level, kind, ${x} AS x, ${n} AS n FROM reports
    WHERE ${filtersWhere(f, { ...where, ignoreYears: true, ignoreAgencies: true })} AND ${col('year')} = ${year}${level}${kind}
    ORDER BY agency_id`;
}

export function decodeFunnelUnits(rows: readonly Row[]): FunnelUnits {
  requireColumns(rows, ['agency_id', 'agency_name', 'level', 'kind', 'x', 'n'], 'funnelUnits');
  const agencies: FunnelAgency[] = [];
  let unreported = 0;
  for (const r of rows) {
    const x = num(r.x);
    const n = num(r.n);
    if (x === null || n === null) {
      unreported++;
      continue;
    }
    agencies.push({
      id: String(r.agency_id),
      agencyName: str(r.agency_name) ?? '',
      level: String(r.level),
      kind: String(r.kind),
      x,
      n,
    });
  }
  return { agencies, unreported };
}
