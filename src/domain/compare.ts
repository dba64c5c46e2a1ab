import { formatChange, formatCount, formatDecimal, NO_VALUE, type Lang } from '@/domain/format';
import { isIndicatorKey, type IndicatorUnit } from '@/domain/indicators';

/** What a ranking column shows for an indicator over a year range. */
export type CompareField = 'start' | 'end' | 'delta' | 'pct';
export const COMPARE_FIELDS: readonly CompareField[] = ['start', 'end', 'delta', 'pct'];

export interface CompareSort {
  /** An indicator key, or `name` for the agency name. */
  readonly key: string;
  readonly field: CompareField;
  readonly dir: 'asc' | 'desc';
}

/** Peer groups smaller than this get no quartiles and no outlier verdict. */
export const MIN_PEERS = 8;

/** `key.field.dir` in the URL; anything unknown falls back to the default. */
export function sortFromParam(p: string | undefined, fallback: CompareSort): CompareSort {
  const [key, field, dir] = (p ?? '').split('.');
  if (!key || (key !== 'name' && !isIndicatorKey(key))) return fallback;
  return {
    key,
    field: COMPARE_FIELDS.includes(field as CompareField) ? (field as CompareField) : 'end',
    dir: dir === 'asc' ? 'asc' : 'desc',
  };
}

export function sortToParam(s: CompareSort): string {
  return `${s.key}.${s.field}.${s.dir}`;
}

/** Δ between two values: signed count, percentage points for rates, cases for per-100 ratios. */
export function formatDelta(v: number | null, unit: IndicatorUnit, lang: Lang): string {
  if (v === null || !Number.isFinite(v)) return NO_VALUE;
  if (unit === 'percent') return formatChange({ value: v * 100, kind: 'points' }, lang);
  const abs = Math.abs(v);
  const shown =
    unit === 'count' ? formatCount(abs, lang) : formatDecimal(unit === 'per_100' ? abs * 100 : abs, lang, 2);
  // A difference that rounds to nothing shows as ±0, never as −0.
  const sign = /^[0.,]+$/.test(shown) ? '±' : v > 0 ? '+' : '−';
  return `${sign}${shown}`;
}

/** Δ% (relative change); null when the start is 0 or missing. */
export function formatRelative(v: number | null, lang: Lang): string {
  if (v === null || !Number.isFinite(v)) return NO_VALUE;
  return formatChange({ value: v, kind: 'relative' }, lang);
}

export interface PeerStats {
  readonly n: number;
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
  /** Whisker ends: the most extreme values within 1.5 IQR of the quartiles. */
  readonly low: number | null;
  readonly high: number | null;
}

/** Where a value lies in its peer group: null when the group is too small (or the value missing). */
export function peerVerdict(
  value: number | null,
  s: PeerStats,
  minPeers = MIN_PEERS,
): 'low' | 'high' | 'within' | null {
  if (value === null || s.n < minPeers || s.q1 === null || s.q3 === null) return null;
  const iqr = s.q3 - s.q1;
  if (value < s.q1 - 1.5 * iqr) return 'low';
  if (value > s.q3 + 1.5 * iqr) return 'high';
  return 'within';
}
