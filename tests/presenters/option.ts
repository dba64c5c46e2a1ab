/** The series of a chart option, as a chart builder wrote them (for presenter tests). */
export const seriesOf = (option: unknown) =>
  (option as { series: { name: string; data: (number | null)[]; stack?: string; itemStyle?: { color?: string } }[] })
    .series;
