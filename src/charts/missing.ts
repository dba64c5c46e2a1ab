import type { Lang } from '@/domain/format';

/** The mark of a category nobody reported: hatched grey, never a bar of height 0. */
export const NOT_REPORTED_COLOR = '#c3c9d1';

export const notReportedLabel = (lang: Lang): string => (lang === 'zh' ? '未报告' : 'Not reported');

/** For each category, whether no series has a value there (nothing reported, not zero). */
export function unreportedCategories(series: readonly { values: readonly (number | null)[] }[], n: number): boolean[] {
  return Array.from({ length: n }, (_, i) => series.every((s) => (s.values[i] ?? null) === null));
}

/**
 * A bar series drawing a hatched, labelled bar of height `fill` (the top of the value axis) in
 * each unreported category, so an empty year reads as "未报告" with its own legend entry rather
 * than as 0. It shares `stack` with the real bars (whose values are all null there) so it takes
 * their slot. Null when every category has a value.
 */
export function notReportedBarSeries(
  missing: readonly boolean[],
  fill: number,
  lang: Lang,
  stack: string | undefined,
  label = notReportedLabel(lang),
) {
  if (!missing.some(Boolean)) return null;
  return {
    type: 'bar' as const,
    name: label,
    stack,
    silent: true,
    barMaxWidth: 40,
    itemStyle: {
      color: '#f3f4f6',
      borderColor: NOT_REPORTED_COLOR,
      borderWidth: 1,
      borderType: 'dashed' as const,
      decal: {
        symbol: 'rect',
        dashArrayX: [1, 0],
        dashArrayY: [2, 5],
        rotation: -Math.PI / 4,
        color: NOT_REPORTED_COLOR,
      },
    },
    label: { show: true, position: 'inside' as const, formatter: label, color: '#5b6673', fontSize: 11 },
    data: missing.map((m) => (m ? fill : null)),
  };
}
