import { formatCompact, formatDecimal, formatValue, type Lang } from '@/domain/format';
import type { IndicatorUnit } from '@/domain/indicators';

/** Short tick labels for a value axis in an indicator's unit. */
export function axisTick(v: number, unit: IndicatorUnit, lang: Lang): string {
  if (unit === 'percent') return `${Math.round(v * 1000) / 10}%`;
  if (unit === 'per_100') return formatDecimal(v * 100, lang, 2);
  return formatCompact(v, lang);
}

/** Full value in a tooltip or a bar label. */
export const shownValue = (v: number | null, unit: IndicatorUnit, lang: Lang): string => formatValue(v, unit, lang);

export const yearLabel = (y: number, lang: Lang): string => (lang === 'zh' ? `${y}年` : String(y));

/** Keeps long names from data readable on a category axis (axis labels are plain text). */
export const shorten = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
