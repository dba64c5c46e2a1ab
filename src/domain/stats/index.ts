/**
 * Methods for comparing agencies on rates honestly (design/comparisons.md): a rate with its
 * interval, funnel-plot control limits around a peer group's pooled rate, a minimum denominator
 * for rankings, and a quality score that cannot be won by being unreadable.
 */
import { binomialCdf, binomialPmf, binomialQuantile } from '@/domain/stats/binomial';

export { binomialCdf, binomialPmf, binomialQuantile, logGamma, regularizedBeta } from '@/domain/stats/binomial';

/** Two-sided 95%: the 0.975 quantile of the standard normal. */
export const Z95 = 1.959964;
/** Two-sided 99.8%: the 0.999 quantile of the standard normal. */
export const Z998 = 3.090232;

/** Rankings of rates leave out agencies whose denominator is below this (handled requests). */
export const DEFAULT_MIN_DENOMINATOR = 10;

/** Funnel limits need at least this many agencies with a denominator (design/comparisons.md §4). */
export const MIN_FUNNEL_PEERS = 8;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval for x successes out of n (95% by default):
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
 * Null when n is 0 (no rate).
 */
export function wilsonInterval(x: number, n: number, z = Z95): Interval | null {
  if (!(n > 0) || x < 0 || x > n) return null;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Clamp the rounding error at the ends (x = 0 gives exactly 0 in exact arithmetic).
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

// ---------------------------------------------------------------------------------------------
// Funnel plot
// ---------------------------------------------------------------------------------------------

/**
 * How the limits are computed. `exact` (the default): binomial limits from Binomial(n, p₀). With r
 * the smallest count whose cumulative probability P(X ≤ r) reaches q, the q-limit is
 *   α = (P(X ≤ r) − q) / P(X = r),  limit = (r + ½ − α) / n,
 * the inverse of the binomial distribution function drawn as straight lines through the points
 * (r + ½, P(X ≤ r)). This is Spiegelhalter's interpolation (2005, Appendix A.1.1) placed at the
 * middle of each whole count, which makes the limits symmetric for p₀ = ½ and gives them a plain
 * meaning: a count x lies outside the 95% limits exactly when its mid-p tail probability
 * (P(X > x) + ½·P(X = x) above, P(X < x) + ½·P(X = x) below) is under 2.5%, and outside the 99.8%
 * limits when it is under 0.1%. (Spiegelhalter's curve through (r, P(X ≤ r)) lies half a case
 * lower, calling high rates out sooner than low ones.)
 * `normal`: p₀ ± z·√(p₀(1−p₀)/n), z = 1.959964 and 3.090232; wrong where n·p₀ is small.
 */
export type FunnelMethod = 'exact' | 'normal';

export interface FunnelLimits {
  readonly n: number;
  /** 95% limits (2.5% and 97.5% points). */
  readonly low95: number;
  readonly high95: number;
  /** 99.8% limits (0.1% and 99.9% points). */
  readonly low998: number;
  readonly high998: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** The interpolated binomial q-limit of a proportion (see `FunnelMethod`). */
export function exactProportionLimit(q: number, n: number, p0: number): number {
  if (p0 <= 0) return 0;
  if (p0 >= 1) return 1;
  const r = binomialQuantile(q, n, p0);
  const mass = binomialPmf(r, n, p0);
  const alpha = mass > 0 ? (binomialCdf(r, n, p0) - q) / mass : 0;
  return clamp01((r + 0.5 - alpha) / n);
}

/** The 95% and 99.8% control limits of a proportion at denominator n around the pooled rate p₀. */
export function funnelLimits(n: number, p0: number, method: FunnelMethod = 'exact'): FunnelLimits {
  if (!(n > 0)) throw new Error(`funnel limits need a positive denominator, got ${n}`);
  if (method === 'normal') {
    const se = Math.sqrt((p0 * (1 - p0)) / n);
    return {
      n,
      low95: clamp01(p0 - Z95 * se),
      high95: clamp01(p0 + Z95 * se),
      low998: clamp01(p0 - Z998 * se),
      high998: clamp01(p0 + Z998 * se),
    };
  }
  return {
    n,
    low95: exactProportionLimit(0.025, n, p0),
    high95: exactProportionLimit(0.975, n, p0),
    low998: exactProportionLimit(0.001, n, p0),
    high998: exactProportionLimit(0.999, n, p0),
  };
}

/**
 * Where a rate lies against its limits: `in_line` inside the 95% limits; `high95`/`low95` outside
 * them but inside the 99.8% ones (a warning); `high998`/`low998` outside the 99.8% limits (unlikely
 * to be chance alone).
 */
export type FunnelVerdict = 'in_line' | 'high95' | 'low95' | 'high998' | 'low998';

export function funnelVerdict(p: number, limits: FunnelLimits): FunnelVerdict {
  if (p > limits.high998) return 'high998';
  if (p < limits.low998) return 'low998';
  if (p > limits.high95) return 'high95';
  if (p < limits.low95) return 'low95';
  return 'in_line';
}

/** The badge of a verdict: 偏高/偏低 only outside the 95% limits. */
export function verdictDirection(v: FunnelVerdict): 'high' | 'low' | null {
  return v === 'high95' || v === 'high998' ? 'high' : v === 'low95' || v === 'low998' ? 'low' : null;
}

/**
 * The funnel verdict of one agency's rate x/n against its peer group (pooled Σx/Σn over `peers`
 * agencies, the agency among them): null when the group is under MIN_FUNNEL_PEERS, the agency
 * has no denominator, or nothing is pooled. The badge of a rate (偏高/偏低) is
 * `verdictDirection` of this, not a quartile fence.
 */
export function rateVerdict(
  x: number | null,
  n: number | null,
  pooled: { readonly numerator: number; readonly denominator: number } | null,
  peers: number,
  opts: { method?: FunnelMethod; minPeers?: number } = {},
): FunnelVerdict | null {
  if (x === null || n === null || !(n > 0) || pooled === null || !(pooled.denominator > 0)) return null;
  if (peers < (opts.minPeers ?? MIN_FUNNEL_PEERS)) return null;
  const limits = funnelLimits(n, pooled.numerator / pooled.denominator, opts.method ?? 'exact');
  return funnelVerdict(x / n, limits);
}

/** One agency's rate on a funnel plot: x of n. */
export interface FunnelUnit {
  readonly id: string;
  readonly x: number;
  readonly n: number;
}

export interface FunnelPoint extends FunnelUnit {
  readonly p: number;
  /** Null when the peer group is too small for limits (the value is shown, not judged). */
  readonly limits: FunnelLimits | null;
  readonly verdict: FunnelVerdict | null;
}

export interface FunnelData {
  /** Pooled rate Σx ÷ Σn over the agencies with n > 0; null when there is none. */
  readonly p0: number | null;
  readonly method: FunnelMethod;
  /** Agencies with a denominator above 0, each with its limits and verdict (null when too few peers). */
  readonly points: readonly FunnelPoint[];
  /** Agencies left off the plot because their denominator is 0 (no rate). */
  readonly noDenominator: readonly FunnelUnit[];
  /** The limit lines: limits at denominators spread over the plotted range; empty without limits. */
  readonly curve: readonly FunnelLimits[];
  /** False when fewer than `minPeers` agencies have a rate: the values are shown, no limits. */
  readonly hasLimits: boolean;
  readonly overdispersion: OverdispersionNote | null;
}

/** Denominators along the plotted range, spaced evenly on a log scale (whole numbers, ascending). */
export function curveDenominators(minN: number, maxN: number, steps = 60): number[] {
  const lo = Math.max(1, Math.floor(minN));
  const hi = Math.max(lo, Math.ceil(maxN));
  const set = new Set<number>([lo, hi]);
  const a = Math.log(lo);
  const b = Math.log(hi);
  for (let i = 1; i < steps; i++) set.add(Math.round(Math.exp(a + ((b - a) * i) / steps)));
  return [...set].sort((x, y) => x - y);
}

/**
 * Everything a funnel plot needs: the pooled rate, each agency's verdict and the limit curves.
 * Agencies whose denominator is 0 have no rate and are listed apart.
 */
export function funnelData(
  units: readonly FunnelUnit[],
  opts: { method?: FunnelMethod; minPeers?: number; steps?: number } = {},
): FunnelData {
  const method = opts.method ?? 'exact';
  const rated = units.filter((u) => u.n > 0);
  const noDenominator = units.filter((u) => !(u.n > 0));
  const sumX = rated.reduce((a, u) => a + u.x, 0);
  const sumN = rated.reduce((a, u) => a + u.n, 0);
  const p0 = sumN > 0 ? sumX / sumN : null;
  const hasLimits = p0 !== null && rated.length >= (opts.minPeers ?? MIN_FUNNEL_PEERS);
  if (!hasLimits || p0 === null) {
    const points = rated.map((u) => ({ ...u, p: u.x / u.n, limits: null, verdict: null }));
    return { p0, method, points, noDenominator, curve: [], hasLimits: false, overdispersion: null };
  }
  const points = rated.map((u) => {
    const limits = funnelLimits(u.n, p0, method);
    return { ...u, p: u.x / u.n, limits, verdict: funnelVerdict(u.x / u.n, limits) };
  });
  const ns = rated.map((u) => u.n);
  const curve = curveDenominators(Math.min(...ns), Math.max(...ns), opts.steps).map((n) => funnelLimits(n, p0, method));
  return { p0, method, points, noDenominator, curve, hasLimits, overdispersion: overdispersionNote(points) };
}

// ---------------------------------------------------------------------------------------------
// Over-dispersion
// ---------------------------------------------------------------------------------------------

export interface OverdispersionNote {
  /** Agencies on the plot. */
  readonly units: number;
  /** Agencies outside their 95% limits. */
  readonly outside95: number;
  /** About 5% of the units would fall outside by chance alone. */
  readonly expected95: number;
  /** Chance of at least `outside95` outside if every agency matched the pooled rate. */
  readonly pValue: number;
  /** True when that chance is under 1%: the agencies differ more than chance explains. */
  readonly overdispersed: boolean;
}

/**
 * Whether many more agencies lie outside the 95% limits than chance would put there. If every
 * agency had the pooled rate, the number outside would be about Binomial(k, 0.05); when seeing at
 * least as many as observed has a probability under 1%, the data are over-dispersed and the limits
 * flag more agencies than deserve it (a note says so; no adjustment is made).
 */
export function overdispersionNote(
  points: readonly { verdict: FunnelVerdict }[],
  threshold = 0.01,
): OverdispersionNote {
  const k = points.length;
  const outside = points.filter((p) => p.verdict !== null && p.verdict !== 'in_line').length;
  const pValue = outside === 0 ? 1 : 1 - binomialCdf(outside - 1, k, 0.05);
  return { units: k, outside95: outside, expected95: 0.05 * k, pValue, overdispersed: k > 0 && pValue < threshold };
}

// ---------------------------------------------------------------------------------------------
// Minimum denominator
// ---------------------------------------------------------------------------------------------

export interface DenominatorSplit<T> {
  /** n ≥ the minimum: ranked. */
  readonly ranked: T[];
  /** 0 ≤ n < the minimum (a rate on too few cases, or none): listed apart as 样本过小. */
  readonly tooSmall: T[];
  /** No denominator reported at all. */
  readonly unreported: T[];
}

/** Splits rates into those that may be ranked and those resting on too small a denominator. */
export function splitByDenominator<T>(
  items: readonly T[],
  denominator: (item: T) => number | null,
  min = DEFAULT_MIN_DENOMINATOR,
): DenominatorSplit<T> {
  const out: DenominatorSplit<T> = { ranked: [], tooSmall: [], unreported: [] };
  for (const item of items) {
    const n = denominator(item);
    if (n === null || !Number.isFinite(n)) out.unreported.push(item);
    else if (n >= min) out.ranked.push(item);
    else out.tooSmall.push(item);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quality score
// ---------------------------------------------------------------------------------------------

/** Agencies whose checks could be assessed for less than this share are listed apart, unranked. */
export const MIN_QUALITY_COVERAGE = 0.5;

export interface CheckCounts {
  readonly id: string;
  readonly pass: number;
  readonly fail: number;
  /** Checks that could not be assessed (a blank cell they need). */
  readonly notAssessable: number;
}

export interface QualityRank<T extends CheckCounts> {
  readonly item: T;
  /** Checks assessed ÷ all checks; null without any check. */
  readonly coverage: number | null;
  /** Passes ÷ checks assessed (the plain pass rate); null when none was assessed. */
  readonly passRate: number | null;
  /** Wilson 95% lower bound of passes over all checks (an unassessable check counts as not passed). */
  readonly lowerBound: number | null;
  /** 1 = best among the ranked; equal lower bounds share a rank; null for those listed apart. */
  readonly rank: number | null;
}

export interface QualityRanking<T extends CheckCounts> {
  readonly ranked: QualityRank<T>[];
  /** Coverage under the threshold (or no checks): shown with their figures, not ranked. */
  readonly apart: QualityRank<T>[];
}

/**
 * Ranks agencies by the Wilson lower bound of passes over all their checks, so a report that
 * could barely be checked cannot outrank a fully checked one: a check that cannot be assessed
 * counts as not passed, and few checks widen the interval. Agencies whose coverage is under
 * `minCoverage` are listed apart.
 */
export function rankQuality<T extends CheckCounts>(
  items: readonly T[],
  minCoverage = MIN_QUALITY_COVERAGE,
): QualityRanking<T> {
  const scored = items.map((item) => {
    const assessed = item.pass + item.fail;
    const all = assessed + item.notAssessable;
    return {
      item,
      coverage: all > 0 ? assessed / all : null,
      passRate: assessed > 0 ? item.pass / assessed : null,
      lowerBound: wilsonInterval(item.pass, all)?.low ?? null,
    };
  });
  const eligible = (s: (typeof scored)[number]) => s.coverage !== null && s.coverage >= minCoverage;
  const sorted = scored
    .filter(eligible)
    .sort((a, b) => (b.lowerBound ?? 0) - (a.lowerBound ?? 0) || a.item.id.localeCompare(b.item.id));
  const ranked = sorted.map((s, i) => {
    const tieWith = sorted.findIndex((o) => o.lowerBound === s.lowerBound);
    return { ...s, rank: (tieWith < 0 ? i : tieWith) + 1 };
  });
  const apart = scored
    .filter((s) => !eligible(s))
    .sort((a, b) => (b.coverage ?? -1) - (a.coverage ?? -1) || a.item.id.localeCompare(b.item.id))
    .map((s) => ({ ...s, rank: null }));
  return { ranked, apart };
}
