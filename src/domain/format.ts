import type { IndicatorUnit } from '@/domain/indicators';

export type Lang = 'zh' | 'en';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');

/** Placeholder for a value that is not reported or not defined (zero denominator). */
export const NO_VALUE = '—';

export function formatCount(v: number | null, lang: Lang): string {
  if (v === null || !Number.isFinite(v)) return NO_VALUE;
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(v);
}

/** Axis-friendly count: 3.5万 / 1.2亿 in Chinese, 35K / 120M in English. */
export function formatCompact(v: number | null, lang: Lang): string {
  if (v === null || !Number.isFinite(v)) return NO_VALUE;
  return new Intl.NumberFormat(locale(lang), { notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

export function formatPercent(v: number | null, lang: Lang, digits = 1): string {
  if (v === null || !Number.isFinite(v)) return NO_VALUE;
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);
}

/**
 * A part's share of a whole, rounded once from the exact ratio by `formatPercent`: the one path
 * for a share wherever it is shown (a donut label must not round the chart library's rounded
 * percent again and print 19.1% beside a headline's 19.0%). "—" when the whole is 0 or missing.
 */
export function formatShare(part: number | null, whole: number | null, lang: Lang, digits = 1): string {
  if (part === null || whole === null || whole === 0) return NO_VALUE;
  return formatPercent(part / whole, lang, digits);
}

export function formatDecimal(v: number | null, lang: Lang, digits = 2): string {
  if (v === null || !Number.isFinite(v)) return NO_VALUE;
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(v);
}

/** A ratio shown per 100 (e.g. cases per 100 requests): 0.0123 → "1.23". */
export function formatPer100(v: number | null, lang: Lang): string {
  return formatDecimal(v === null ? null : v * 100, lang, 2);
}

export function formatValue(v: number | null, unit: IndicatorUnit, lang: Lang): string {
  if (unit === 'percent') return formatPercent(v, lang);
  if (unit === 'per_100') return formatPer100(v, lang);
  if (unit === 'wan_yuan') return formatDecimal(v, lang, 2);
  return formatCount(v, lang);
}

export interface Change {
  /** Relative change for counts, absolute difference (in percentage points) for rates. */
  readonly value: number;
  readonly kind: 'relative' | 'points';
}

/** Change against the previous year; null when either side is missing or the base is 0. */
export function changeBetween(prev: number | null, cur: number | null, unit: IndicatorUnit): Change | null {
  if (prev === null || cur === null) return null;
  if (unit === 'percent') return { value: (cur - prev) * 100, kind: 'points' };
  if (prev === 0) return null;
  return { value: cur / prev - 1, kind: 'relative' };
}

/** A number of percentage points, one decimal, no sign or unit: 10.4. */
export function formatPoints(v: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(v);
}

/** Whether a change shows as 0 at one decimal (of a percentage point, or of a percent). */
export function changeRoundsToZero(c: Change): boolean {
  return Math.round(Math.abs(c.value) * (c.kind === 'points' ? 10 : 1000)) === 0;
}

export function formatChange(c: Change | null, lang: Lang): string {
  if (!c || !Number.isFinite(c.value)) return NO_VALUE;
  const abs = Math.abs(c.value);
  // A change that rounds to nothing shows as ±0.0, never as −0.0 or +0.0.
  const sign = changeRoundsToZero(c) ? '±' : c.value > 0 ? '+' : '−';
  if (c.kind === 'points') {
    const n = formatPoints(abs, lang);
    return lang === 'zh' ? `${sign}${n} 个百分点` : `${sign}${n} pp`;
  }
  return `${sign}${formatPercent(abs, lang)}`;
}

/** Escapes text from data before it reaches HTML (ECharts tooltips render HTML). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The years a chart actually shows, for its title: "2023–2024" from the first to the last year
 * with data (not the filter's range), one year alone, "" when there is none.
 */
export function yearSpan(yearsWithData: readonly number[]): string {
  const ys = yearsWithData.filter((y) => Number.isFinite(y));
  if (ys.length === 0) return '';
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** A size in bytes as people read it: "1.2 MB", "830 KB". */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${formatDecimal(v, lang, u === 0 || v >= 100 ? 0 : 1)} ${units[u]}`;
}

/** A moment as zh-CN writes it ("2026/11/30 08:05"), or in English ("11/30/2026, 08:05"). */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return NO_VALUE;
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}
