import { describe, expect, it } from 'vitest';
import { indicator } from '@/domain/indicators';
import type { IndicatorsByYear } from '@/data/queries/overview';
import { changeTone, headlineKpis, outcomesChart, topChart } from '@/presenters/overview';
import { testLabels } from '../support/labels';

const zh = testLabels('zh');
const en = testLabels('en');

const year = (y: number, newRequests: number | null, rate: number | null, n: number): IndicatorsByYear => ({
  year: y,
  reports: n,
  values: { new_requests: newRequests, disclosure_rate: rate },
  counts: { new_requests: n, disclosure_rate: n },
});

describe('changeTone', () => {
  it('follows the indicator direction', () => {
    expect(changeTone({ value: 0.1, kind: 'relative' }, indicator('new_requests'))).toBe('neutral');
    expect(changeTone({ value: 2, kind: 'points' }, indicator('disclosure_rate'))).toBe('good');
    expect(changeTone({ value: -2, kind: 'points' }, indicator('disclosure_rate'))).toBe('bad');
    expect(changeTone(null, indicator('disclosure_rate'))).toBe('neutral');
  });
});

describe('headlineKpis', () => {
  it('shows the year’s figure with its change against the year before', () => {
    const rows = [year(2023, 200, 0.5, 3), year(2024, 250, 0.45, 2)];
    const [req, rate] = headlineKpis(rows, ['new_requests', 'disclosure_rate'], 2024, zh);
    expect(req).toMatchObject({
      value: '250',
      change: '较 2023 年 +25.0%',
      tone: 'neutral',
      note: '基于 2 份填报完整的年报',
    });
    expect(rate).toMatchObject({ value: '45.0%', change: '较 2023 年 −5.0 个百分点', tone: 'bad' });
  });

  it('says there is no previous year', () => {
    const [req] = headlineKpis([year(2024, 250, 0.45, 2)], ['new_requests'], 2024, en);
    expect(req?.change).toBe(en.t('overview.noPrev'));
  });
});

describe('charts', () => {
  it('has no outcome chart when nothing was answered, and a table of every group', () => {
    const empty = outcomesChart(null, zh);
    expect(empty.option).toBeNull();
    expect(empty.table.rows.map((r) => r[0])).toEqual([
      '予以公开',
      '部分公开',
      '不予公开',
      '无法提供',
      '不予处理',
      '其他处理',
    ]);
  });

  it('tabulates the top agencies', () => {
    const c = topChart([{ agencyId: 'a', agencyName: '甲局', value: 12 }], en);
    expect(c.option).not.toBeNull();
    expect(c.table).toEqual({ columns: ['agency_id', '', 'Unit: requests'], rows: [['a', '甲局', 12]] });
  });
});
