import { describe, expect, it } from 'vitest';
import { indicator } from '@/domain/indicators';
import type { MatchedChangeResult } from '@/data/queries/matched';
import type { IndicatorsByYear } from '@/data/queries/overview';
import { changeTone, headlineKpis, leftOutParts, outcomesChart, topChart } from '@/presenters/overview';
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
    // −0.04 points is shown as −0.0: not coloured; −0.05 is shown as −0.1.
    expect(changeTone({ value: -0.04, kind: 'points' }, indicator('disclosure_rate'))).toBe('neutral');
    expect(changeTone({ value: -0.05, kind: 'points' }, indicator('disclosure_rate'))).toBe('bad');
    expect(changeTone({ value: -0.0004, kind: 'relative' }, indicator('completion_rate'))).toBe('neutral');
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

/** Three agencies in 2023, two of them in 2024 (the third reported only 2023). */
const matched = (patch: Partial<MatchedChangeResult> = {}): MatchedChangeResult => ({
  fromYear: 2023,
  toYear: 2024,
  reportsFrom: 3,
  reportsTo: 2,
  paired: 2,
  unpairedFrom: 1,
  unpairedTo: 0,
  partnerExcludedFrom: 0,
  partnerExcludedTo: 0,
  excludedFrom: 0,
  excludedTo: 0,
  figures: {
    new_requests: {
      matched: 2,
      matchedFrom: 2000,
      matchedTo: 2100,
      matchedParts: null,
      allFrom: 2500,
      allTo: 2100,
      allCountFrom: 3,
      allCountTo: 2,
      blankAgencies: 0,
    },
  },
  ...patch,
});

describe('headlineKpis, like for like', () => {
  const rows = [year(2023, 2500, null, 3), year(2024, 2100, null, 2)];

  it('gives the change over the matched set, what it leaves out, and the all-reports change apart', () => {
    const [k] = headlineKpis(rows, ['new_requests'], 2024, zh, matched());
    // 2100 / 2000 − 1 = +5.0% like for like; 2100 / 2500 − 1 = −16.0% over all reports.
    expect(k?.value).toBe('2,100');
    expect(k?.change).toBe('较 2023 年 +5.0%');
    expect(k?.lines).toEqual([
      { role: 'matched', text: '同口径：两年均有年报的 2 个机关，2,000 → 2,100' },
      { role: 'left-out', text: '未计入同口径：2023 年 1 份年报的机关另一年无年报' },
      { role: 'all-reports', text: '全部年报：较 2023 年 −16.0%' },
    ]);
  });

  it('says only the basis when the matched set is every report of both years', () => {
    const [k] = headlineKpis(rows, ['new_requests'], 2024, en, matched({ unpairedFrom: 0 }));
    expect(k?.lines).toEqual([
      { role: 'matched', text: 'Like for like: the 2 agencies with reports in both years, 2,000 → 2,100' },
    ]);
  });

  it('ignores a matched result of another year', () => {
    const [k] = headlineKpis(rows, ['new_requests'], 2024, zh, matched({ toYear: 2025, fromYear: 2024 }));
    expect(k?.change).toBe('较 2023 年 −16.0%');
    expect(k?.lines).toEqual([]);
  });

  it('names every reason a report is left out', () => {
    const m = matched({ unpairedTo: 2, partnerExcludedTo: 1 });
    const fig = m.figures.new_requests;
    if (!fig) throw new Error('fixture');
    const withBlank = { ...m, figures: { new_requests: { ...fig, blankAgencies: 3 } } };
    expect(leftOutParts(withBlank, 'new_requests', en)).toEqual([
      '2023: 1 report(s) whose agency has no report in the other year',
      '2024: 2 report(s) whose agency has no report in the other year',
      '1 of them because the other year fails an error rule and is excluded',
      '3 agency(ies) with this figure blank in one of the years',
    ]);
  });
});
