import { describe, expect, it } from 'vitest';
import { conflictViews, datasetRows, unresolvedText } from '@/presenters/datasets';
import { formerNamesText } from '@/presenters/report';
import type { DatasetEntry, KeptDataset } from '@/workspace';
import { resolve, NO_CHOICES, type DatasetStats } from '@/workspace/choices';
import { testLabels } from '../support/labels';

const file: DatasetEntry = { id: 'file:a.csv', fileName: 'a.csv', generated: false, origin: 'file' };
const demo: DatasetEntry = { id: 'demo', nameKey: 'dataset.demo', generated: true, origin: 'bundled' };
const real: DatasetEntry = { id: 'real', nameKey: 'dataset.real', generated: false, origin: 'bundled' };
const stats: DatasetStats = {
  reports: 1200,
  agencies: 40,
  firstYear: 2021,
  lastYear: 2023,
  templates: [{ template: '2021', reports: 1200 }],
  failing: 3,
  loadedAt: '2026-12-01T08:00:00Z',
};
const kept: KeptDataset = {
  id: 'file:a.csv',
  fileName: 'a.csv',
  loadedAt: '2026-12-01T08:00:00Z',
  hasFile: true,
  appends: 1,
  appendedReports: 4,
  bytes: 100,
};

describe('the datasets manager, in words', () => {
  it('labels every origin truthfully, with what each holds and whether it is in use', () => {
    const input = {
      entries: [demo, real, file],
      kept: [kept],
      stats: { 'file:a.csv': stats },
      activeId: 'demo',
      alsoIds: ['file:a.csv'],
      prefer: ['file:a.csv'],
    };
    const zh = datasetRows(input, testLabels('zh'));
    expect(zh.map((r) => [r.name, r.origin, r.state])).toEqual([
      ['演示数据（生成）', '程序生成的演示数据', 'primary'],
      ['真实年报样本', '随应用发布的真实年报', 'off'],
      ['a.csv', '您载入的文件', 'beside'],
    ]);
    const a = zh[2];
    expect(a?.facts).toBe('1,200 份年报 · 40 个机关 · 2021–2023 年度');
    expect(a?.templates).toBe('2021 年版模板 1,200 份');
    expect(a?.validation).toBe('3 份年报未通过错误级校验规则');
    expect(a?.imported).toBe('含从文档导入的年报 4 份');
    expect(a?.preferred).toBe(true);
    expect(zh[1]?.facts).toBe('尚未在此浏览器中载入，载入后显示其内容');
    const en = datasetRows(input, testLabels('en'));
    expect(en[0]?.origin).toBe('Generated demo data');
    expect(en[2]?.facts).toBe('1,200 reports · 40 agencies · 2021–2023');
  });

  it('says a dataset asked for is on its way, not "not in use", while it loads', () => {
    const input = { entries: [demo, real], kept: [], stats: {}, activeId: null, alsoIds: [], prefer: [] };
    const rows = datasetRows({ ...input, loadingIds: ['demo'] }, testLabels('zh'));
    expect(rows.map((r) => [r.state, r.stateText])).toEqual([
      ['loading', '正在载入…'],
      ['off', '未使用'],
    ]);
    expect(datasetRows({ ...input, loadingIds: ['demo'] }, testLabels('en'))[0]?.stateText).toBe('Loading…');
  });

  it('lists a conflict with both headline figures, and says what the views do until it is settled', () => {
    const conflict = {
      agencyId: 'x1',
      year: 2023,
      sides: [
        { datasetId: 'demo', agencyName: '甲局', newRequests: 12, granted: 5, total: 12 },
        { datasetId: 'file:a.csv', agencyName: '甲局', newRequests: 30, granted: null, total: 30 },
      ],
    };
    const open = conflictViews([resolve(conflict, NO_CHOICES)], [demo, file], testLabels('zh'));
    expect(open[0]?.title).toBe('甲局（x1）2023 年度');
    expect(open[0]?.sides.map((s) => s.figures)).toEqual([
      '新收申请 12 · 予以公开 5 · 办理结果总计 12',
      '新收申请 30 · 予以公开 — · 办理结果总计 30',
    ]);
    expect(open[0]?.open).toBe(true);
    expect(unresolvedText(1, testLabels('zh'))).toContain('1 处冲突');
    expect(unresolvedText(0, testLabels('zh'))).toBeNull();
    const chosen = conflictViews(
      [resolve(conflict, { ...NO_CHOICES, prefer: ['file:a.csv'] })],
      [demo, file],
      testLabels('en'),
    );
    expect(chosen[0]?.status).toBe('Settled by preferring “a.csv”');
    expect(chosen[0]?.sides.map((s) => s.chosen)).toEqual([false, true]);
  });
});

describe('an agency renamed in a reform', () => {
  it('shows its former names with the years published under them, and nothing when it kept its name', () => {
    const years = [
      { year: 2021, agencyName: '某县文化广电体育局' },
      { year: 2022, agencyName: '某县文化广电体育局' },
      { year: 2023, agencyName: '某县文化和旅游局' },
    ];
    expect(formerNamesText(years, '某县文化和旅游局', testLabels('zh'))).toBe(
      '原名：某县文化广电体育局（2021、2022 年度的年报以原名发布）',
    );
    expect(formerNamesText(years.slice(2), '某县文化和旅游局', testLabels('en'))).toBeNull();
  });
});
