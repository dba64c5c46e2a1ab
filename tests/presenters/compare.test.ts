import { describe, expect, it } from 'vitest';
import type { CompareDetailPage, CompareDetailRow, CompareRow, PeerPosition } from '@/data/queries/compare';
import {
  chosenGroup,
  compareBars,
  compareChoices,
  funnelChart,
  funnelGroups,
  intervalChart,
  outlierMarks,
  peerItems,
  rankingColumns,
  rankingLines,
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
  minN: 10,
  funnelGroup: null,
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
  const page = (patch: Partial<CompareDetailPage> = {}): CompareDetailPage => ({
    rows: [],
    total: 1234,
    comparable: 1234,
    missingYear: 0,
    tooSmall: 0,
    ...patch,
  });

  it('titles the table with the agency count, grouped', () => {
    expect(rankingTitle(page(), zh)).toBe('排名表（1,234 个机关）');
    expect(rankingTitle(null, en)).toBe('Ranking');
  });

  it('says how many agencies are comparable, how many miss a year, and how many are too small', () => {
    expect(rankingTitle(page({ total: 5, comparable: 3, missingYear: 2 }), zh)).toBe(
      '排名表（3 个机关可比，2 个缺年份）',
    );
    expect(rankingTitle(page({ total: 5, comparable: 3, missingYear: 2, tooSmall: 1 }), en)).toBe(
      'Ranking (3 agencies comparable, 2 missing a year); 1 too small a sample',
    );
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
    expect(marks).toEqual({ key: 'new_requests', basis: 'quartile', byAgency: { a: 'high', c: 'low' } });
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

const detail = (
  id: string,
  patch: Partial<CompareDetailRow> = {},
  end: [number, number] | null = null,
): CompareDetailRow => ({
  ...row(id, id, 1, 2),
  hasStart: true,
  hasEnd: true,
  smallN: false,
  parts: {
    disclosure_rate: {
      start: { numerator: null, denominator: null },
      end: { numerator: end?.[0] ?? null, denominator: end?.[1] ?? null },
    },
  },
  ...patch,
});

describe('compareBars of a rate', () => {
  it('gives numerator and denominator of both years in its table', () => {
    const bars = compareBars([detail('a', {}, [3, 12])], 'disclosure_rate', { from: 2019, to: 2025 }, 'all', en);
    expect(bars.table.columns).toEqual(['agency_id', 'Agency', '2019', '2025', '2019 x', '2019 n', '2025 x', '2025 n']);
    expect(bars.table.rows[0]?.slice(4)).toEqual([null, null, 3, 12]);
  });
});

describe('rankingLines', () => {
  it('ranks from the page offset, then lists small samples and agencies missing a year under headings', () => {
    const rows = [
      detail('a'),
      detail('b'),
      detail('c', { smallN: true }),
      detail('d', { hasStart: false }),
      detail('e', { hasEnd: false }),
    ];
    const lines = rankingLines(
      { rows, total: 45, comparable: 43, missingYear: 2, tooSmall: 1 },
      40,
      { sortKey: 'disclosure_rate', minN: 10, from: 2019, to: 2025 },
      zh,
    );
    expect(lines.map((l) => [l.row.agencyId, l.rank, l.section])).toEqual([
      ['a', 41, 'ranked'],
      ['b', 42, 'ranked'],
      ['c', null, 'small'],
      ['d', null, 'missing'],
      ['e', null, 'missing'],
    ]);
    expect(lines.map((l) => l.heading)).toEqual([
      null,
      null,
      '样本过小：公开率的分母（办理总计）不足 10，不参与排名',
      '缺年份：没有 2019 年或 2025 年年报，不参与排名',
      null,
    ]);
  });
});

describe('badges of a rate come from funnel limits', () => {
  const ratePeer = (id: string, x: number, n: number): PeerPosition => ({
    ...peer(id, x / n),
    numerator: x,
    denominator: n,
    pooled: { numerator: 50, denominator: 100 },
  });

  it('calls out 0 of 20 against a pooled 50%, not 0 of 2', () => {
    // Binomial(20, 0.5): P(X ≤ 5) ≈ 0.021 < 0.025, so the lower 95% limit is above 0.25; 0/20 is low.
    // Binomial(2, 0.5): P(X = 0) = 0.25, the lower limit is (0 + ½ − 0.9) / 2 < 0, clamped to 0: 0/2 is in line.
    const marks = outlierMarks([ratePeer('a', 0, 20), ratePeer('b', 0, 2), ratePeer('c', 10, 20)], 'disclosure_rate');
    expect(marks).toEqual({ key: 'disclosure_rate', basis: 'funnel', byAgency: { a: 'low' } });
  });
});

describe('intervalChart', () => {
  it('draws rates at or above the minimum denominator with their Wilson interval', () => {
    const rows = [detail('a', {}, [1, 3]), detail('b', {}, [0, 0]), detail('c', {}, [5, 9])];
    const c = intervalChart(rows, 'disclosure_rate', 2025, 3, zh);
    // design/comparisons.md: x = 1, n = 3 gives about [0.061, 0.792]; 0 of 0 has no rate.
    expect(c?.table.rows.map((r) => r.slice(0, 5))).toEqual([
      ['a', 'a', 1 / 3, 1, 3],
      ['c', 'c', 5 / 9, 5, 9],
    ]);
    expect(Number(c?.table.rows[0]?.[5])).toBeCloseTo(0.0615, 3);
    expect(Number(c?.table.rows[0]?.[6])).toBeCloseTo(0.7923, 3);
    expect(intervalChart(rows, 'disclosure_rate', 2025, 4, zh)?.table.rows.map((r) => r[0])).toEqual(['c']);
    expect(intervalChart(rows, 'new_requests', 2025, 3, zh)).toBeNull();
  });
});

describe('funnel', () => {
  it('offers the groups of the drawn agencies and keeps a valid choice', () => {
    const rows = [row('a', 'a', 1, 1), { ...row('b', 'b', 1, 1), kind: 'department' }, row('c', 'c', 1, 1)];
    const groups = funnelGroups(rows, zh);
    expect(groups.map((g) => [g.key, g.label])).toEqual([
      ['county.government', '县级·人民政府'],
      ['county.department', '县级·部门'],
    ]);
    expect(chosenGroup('county.department', groups)?.key).toBe('county.department');
    expect(chosenGroup('city.department', groups)?.key).toBe('county.government');
    expect(chosenGroup(null, [])).toBeNull();
  });

  it('judges each agency against exact limits around the pooled rate, and says what it leaves out', () => {
    const agency = (id: string, x: number, n: number) => ({
      id,
      agencyName: `局${id}`,
      level: 'county',
      kind: 'department',
      x,
      n,
    });
    const units = {
      agencies: [...'abcdefg'].map((id) => agency(id, 5, 10)).concat([agency('h', 0, 10), agency('z', 0, 0)]),
      unreported: 2,
    };
    const c = funnelChart(units, 'disclosure_rate', null, 2025, [], zh);
    // p0 = 35 / 80 = 0.4375. For n = 10: P(X ≤ 1) ≈ 0.0278 ≥ 0.025 > P(X = 0) ≈ 0.0032, so
    // the lower 95% limit is (1 + ½ − (0.0278 − 0.025) / 0.0247) / 10 ≈ 0.1385 and 0 of 10 is under it;
    // the lower 99.8% limit is (0 + ½ − (0.0032 − 0.001) / 0.0032) / 10 < 0 → 0, and 0 is not under it.
    const h = c.table.rows.find((r) => r[0] === 'h');
    expect(Number(h?.[5])).toBeCloseTo(0.1385, 3);
    expect(h?.[9]).toBe('低于 95% 控制限（提示）');
    expect(c.table.rows.filter((r) => r[9] === '在 95% 控制限内，与同组一致')).toHaveLength(7);
    expect(c.option).not.toBeNull();
    expect(c.notes[1]).toBe('未画出：2 份年报的分子或分母未填报、1 个机关分母为 0。');
  });
});
