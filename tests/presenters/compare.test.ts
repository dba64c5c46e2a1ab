import { describe, expect, it } from 'vitest';
import type { CompareRow, PeerPosition } from '@/data/queries/compare';
import {
  compareBars,
  compareChoices,
  outlierMarks,
  peerItems,
  rankingColumns,
  rankingTitle,
} from '@/presenters/compare';
import type { ViewState } from '@/url/schema';
import { testLabels } from '../support/labels';

const zh = testLabels('zh');
const en = testLabels('en');

const choice = (patch: Partial<ViewState<'compare'>> = {}): ViewState<'compare'> => ({
  cols: [],
  sort: null,
  page: 1,
  scope: 'picked',
  ...patch,
});

const row = (id: string, name: string, start: number | null, end: number | null): CompareRow => ({
  agencyId: id,
  agencyName: name,
  level: 'county',
  kind: 'government',
  values: { new_requests: { start, end, delta: null, pct: null } },
});

const peer = (id: string, value: number | null, n = 8): PeerPosition => ({
  agencyId: id,
  agencyName: id,
  level: 'county',
  kind: 'government',
  value,
  numerator: null,
  denominator: null,
  pooled: null,
  stats: { n, q1: 10, median: 15, q3: 20, low: 5, high: 30 },
});

describe('compareChoices', () => {
  it('falls back to the default columns, sorted by the first one at its end year, over all agencies', () => {
    const c = compareChoices(choice(), false);
    expect(c.columns).toEqual(['new_requests', 'disclosure_rate', 'denial_rate']);
    expect(c.sort).toEqual({ key: 'new_requests', field: 'end', dir: 'desc' });
    expect(c.scope).toBe('all');
    expect(c.chartKey).toBe('new_requests');
  });

  it('keeps a sort on a chosen column and draws that column; a sort on a dropped column falls back', () => {
    const c = compareChoices(choice({ cols: ['denial_rate', 'new_requests'], sort: 'new_requests.pct.asc' }), true);
    expect(c.sort).toEqual({ key: 'new_requests', field: 'pct', dir: 'asc' });
    expect(c.chartKey).toBe('new_requests');
    expect(c.scope).toBe('picked');
    const d = compareChoices(choice({ cols: ['denial_rate'], sort: 'new_requests.pct.asc' }), true);
    expect(d.sort).toEqual({ key: 'denial_rate', field: 'end', dir: 'desc' });
  });

  it('draws the first column when sorted by name, and ranks all when asked even with a pick', () => {
    const c = compareChoices(choice({ cols: ['disclosure_rate'], sort: 'name.end.asc', scope: 'all' }), true);
    expect(c.chartKey).toBe('disclosure_rate');
    expect(c.scope).toBe('all');
  });
});

describe('ranking words', () => {
  it('titles the table with the agency count, grouped', () => {
    expect(rankingTitle(1234, zh)).toBe('排名表（1,234 个机关）');
    expect(rankingTitle(null, en)).toBe('Ranking');
  });

  it('labels columns from the catalogue', () => {
    const [c] = rankingColumns(['disclosure_rate'], en);
    expect(c?.label).toBe('Disclosure rate');
    expect(c?.unit).toBe('percent');
    expect(c?.glossary.startsWith('Disclosure rate: ')).toBe(true);
  });
});

describe('outlierMarks', () => {
  it('marks values beyond 1.5 IQR of a large enough peer group', () => {
    // IQR 10: fences at 10 − 15 = −5 and 20 + 15 = 35.
    const marks = outlierMarks(
      [peer('a', 36), peer('b', 35), peer('c', -6), peer('d', 50, 7), peer('e', null)],
      'new_requests',
    );
    expect(marks).toEqual({ key: 'new_requests', byAgency: { a: 'high', c: 'low' } });
  });
});

describe('compareBars', () => {
  const rows = [row('x', '甲局', 4, 9), row('y', '乙局', null, 3)];

  it('titles the chart with both years and who is drawn, and tabulates start and end', () => {
    const bars = compareBars(rows, 'new_requests', { from: 2019, to: 2025 }, 'all', zh);
    expect(bars.title).toBe('新收申请：2019 与 2025 年度对比 · 当前排序前 10 个机关');
    expect(bars.unit).toBe('单位：件');
    expect(bars.option).not.toBeNull();
    expect(bars.table).toEqual({
      columns: ['agency_id', '机关', '2019', '2025'],
      rows: [
        ['x', '甲局', 4, 9],
        ['y', '乙局', null, 3],
      ],
    });
  });

  it('says one year when the range is one year, and has no chart without rows', () => {
    const bars = compareBars([], 'new_requests', { from: 2024, to: 2024 }, 'picked', en);
    expect(bars.title).toBe('New requests: 2024 · picked agencies');
    expect(bars.option).toBeNull();
  });
});

describe('peerItems', () => {
  it('keeps the drawn agencies, with their group in words', () => {
    const items = peerItems([peer('x', 5), peer('z', 7)], [row('x', '甲局', 1, 2)], zh);
    expect(items.map((i) => [i.id, i.group])).toEqual([['x', '县级·人民政府']]);
  });
});
