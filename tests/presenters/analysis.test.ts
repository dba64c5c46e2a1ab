import { describe, expect, it } from 'vitest';
import {
  barsHeight,
  groupLabel,
  inCatalogueOrder,
  noneReported,
  partsTable,
  shownYears,
  stackedBars,
  yearSlots,
  yearsWithData,
} from '@/presenters/analysis';
import { testLabels } from '../support/labels';
import { seriesOf } from './option';

const zh = testLabels('zh');
const en = testLabels('en');

describe('shared pieces of the analysis views', () => {
  it('orders levels and kinds as the catalogue does and names them in the page language', () => {
    const rows = [{ key: 'county' }, { key: 'mystery' }, { key: 'province' }, { key: 'city' }];
    expect(inCatalogueOrder(rows, 'level').map((r) => r.key)).toEqual(['province', 'city', 'county', 'mystery']);
    expect(inCatalogueOrder([{ key: 'department' }, { key: 'government' }], 'kind').map((r) => r.key)).toEqual([
      'government',
      'department',
    ]);
    expect(groupLabel('level', 'county', zh)).toBe('县级');
    expect(groupLabel('kind', 'department', en)).toBe('Department');
    expect(groupLabel('kind', 'mystery', en)).toBe('mystery');
  });

  it('keeps every year of a span, a year without a row empty', () => {
    const slots = yearSlots([{ y: 2019 }, { y: 2022 }], (r) => r.y);
    expect(slots.map((s) => s.year)).toEqual([2019, 2020, 2021, 2022]);
    expect(slots.map((s) => s.row?.y ?? null)).toEqual([2019, null, null, 2022]);
    expect(yearSlots([], () => 0)).toEqual([]);
  });

  it('names the years that have a value, not the range asked for', () => {
    const series = [{ values: [null, 3, null, 0] }, { values: [null, null, null, null] }];
    expect(yearsWithData([2019, 2020, 2021, 2022], series)).toEqual([2020, 2022]);
    expect(shownYears([2019, 2020, 2021, 2022], series, '2019–2025')).toBe('2020–2022');
    expect(shownYears([2019, 2020], [{ values: [null, 5] }], '2019–2025')).toBe('2020');
    // Nothing shown: the card says "no data" and the title keeps the range asked for.
    expect(shownYears([2019], [{ values: [null] }], '2019–2025')).toBe('2019–2025');
  });

  it('draws no chart when nothing is reported and marks a category nobody reported as 未报告', () => {
    expect(noneReported([{ values: [null] }, { values: [] }])).toBe(true);
    expect(noneReported([{ values: [null, 0] }])).toBe(false);
    const input = { categories: ['2019', '2020'], mode: 'count' as const, lang: 'zh' as const };
    expect(stackedBars({ ...input, series: [{ key: 'a', name: 'A', values: [null, null] }] })).toBeNull();
    const option = stackedBars({
      ...input,
      series: [
        { key: 'a', name: 'A', values: [2, null] },
        { key: 'b', name: 'B', values: [3, null] },
      ],
    });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['A', 'B', '未报告']);
    // The hatched bar fills the unreported year to the highest total (2 + 3), and only that year.
    expect(series[2]!.data).toEqual([null, 5]);
  });

  it('tabulates the parts of each category with its reports', () => {
    const series = [
      { key: 'a', name: 'A', values: [1, null] },
      { key: 'b', name: 'B', values: [2, 4] },
    ];
    expect(partsTable('', 'Reports', ['x', 'y'], series, [3, 0])).toEqual({
      columns: ['', 'Reports', 'A', 'B'],
      rows: [
        ['x', 3, 1, 2],
        ['y', 0, null, 4],
      ],
    });
    expect(partsTable('Year', null, ['x'], series).rows).toEqual([['x', 1, 2]]);
    expect(barsHeight(2)).toBe(200);
    expect(barsHeight(10)).toBe(370);
  });
});
