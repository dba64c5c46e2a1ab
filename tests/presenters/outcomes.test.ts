import { describe, expect, it } from 'vitest';
import type { CompositionRow, OutcomeFlow, ReasonYear } from '@/data/queries/outcomes';
import { outcomeControls, presentComposition, presentFlow, presentReasons } from '@/presenters/outcomes';
import { testLabels } from '../support/labels';
import { seriesOf } from './option';

const zh = testLabels('zh');
const en = testLabels('en');

const groups = (granted: number, partial: number, denied: number, unable: number, rejected: number, other: number) => ({
  granted,
  partial,
  denied,
  unable,
  rejected,
  other,
});
const county: CompositionRow = { key: 'county', name: 'county', reports: 3, groups: groups(6, 1, 1, 0, 1, 1) };
const province: CompositionRow = { key: 'province', name: 'province', reports: 2, groups: groups(8, 0, 2, 0, 0, 0) };

describe('outcomes presenter', () => {
  it('offers the breakdowns, the drillable groups and the two modes', () => {
    const c = outcomeControls(['agency', 'level', 'kind', 'sector'], ['denied', 'other'], zh);
    expect(c.by.map((o) => o.label)).toEqual(['机关', '层级', '类型', '领域']);
    expect(c.reason).toEqual([
      { key: 'denied', label: '不予公开' },
      { key: 'other', label: '其他处理' },
    ]);
    expect(c.mode.map((o) => o.label)).toEqual(['件数', '占比']);
  });

  it('puts levels in catalogue order with their names, and counts the reports behind the bars', () => {
    const p = presentComposition([county, province], 'level', 0, 7, '2019–2025', zh);
    expect(p.title).toBe('各层级机关的办理结果构成（2019–2025）');
    expect(p.reports).toBe(5);
    expect(p.note).toContain('本选择 7 份中有 5 份，其余 2 份有空白，不按 0 计');
    expect(p.table.columns).toEqual([
      '',
      '年报数',
      '予以公开',
      '部分公开',
      '不予公开',
      '无法提供',
      '不予处理',
      '其他处理',
    ]);
    expect(p.table.rows).toEqual([
      ['省级', 2, 8, 0, 2, 0, 0, 0],
      ['县级', 3, 6, 1, 1, 0, 1, 1],
    ]);
    // 100% bars: the province's granted share is 8 of 10.
    const granted = seriesOf(p.option)[0]!;
    expect(granted.name).toBe('予以公开');
    // Horizontal bars list the first category on top, so the data run bottom-up: county, province.
    expect(granted.data).toEqual([0.6, 0.8]);
    expect(p.height).toBe(200);
  });

  it('keeps agencies in the order of the query and says whether they were picked', () => {
    const a = { ...county, key: 'a1', name: '甲局' };
    const b = { ...province, key: 'b1', name: '乙局' };
    expect(presentComposition([b, a], 'agency', 0, 2, '2024', zh).title).toBe(
      '办理量最多的 2 个机关的办理结果构成（2024）',
    );
    expect(presentComposition([b, a], 'agency', 2, 2, '2024', en).title).toBe(
      'How requests were answered: picked agencies (2024)',
    );
    expect(presentComposition([b, a], 'agency', 0, 2, '2024', zh).table.rows.map((r) => r[0])).toEqual([
      '乙局',
      '甲局',
    ]);
    const none = presentComposition([], 'kind', 0, 3, '2024', zh);
    expect(none.option).toBeNull();
    expect(none.reports).toBe(0);
    expect(none.note).toContain('本选择 3 份中有 0 份，其余 3 份');
  });

  it('splits by sector, largest first as the query gives them, reports naming no sector apart', () => {
    const rows = [
      { ...county, key: '', name: '' },
      { ...province, key: '教育', name: '教育' },
    ];
    const p = presentComposition(rows, 'sector', 0, 5, '2021', zh);
    expect(p.title).toBe('各领域机关的办理结果构成（2021）');
    expect(p.table.rows.map((r) => r[0])).toEqual(['未注明领域', '教育']);
    expect(presentComposition(rows, 'sector', 0, 5, '2021', en).table.rows[0]![0]).toBe('No sector named');
  });

  it('draws reasons over the years with data, a year inside nobody reported as 未报告, and counts the 其他处理 rows', () => {
    const other = (v: (number | null)[]) => ({
      other_single: v[0] ?? null,
      other_no_correction: v[1] ?? null,
      other_unpaid_fee: v[2] ?? null,
      other_misc: v[3] ?? null,
    });
    const years: ReasonYear[] = [
      // 2018: two reports, neither filled the rows: left off the chart, named in the note.
      { year: 2018, reports: 2, reported: 0, values: other([]), singleRow: 0, splitRows: 0 },
      { year: 2019, reports: 3, reported: 2, values: other([4]), singleRow: 2, splitRows: 0 },
      { year: 2021, reports: 1, reported: 1, values: other([1, 2, null, 3]), singleRow: 1, splitRows: 3 },
    ];
    const p = presentReasons(years, 'other', 'count', '2018–2025', zh);
    expect(p.title).toBe('“其他处理”的理由（按年度，2019–2021）');
    expect(p.table.columns).toEqual([
      '年度',
      '其他处理（单行）',
      '1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3. 其他',
    ]);
    expect(p.table.rows).toEqual([
      [2019, 4, null, null, null],
      [2020, null, null, null, null],
      [2021, 1, 2, null, 3],
    ]);
    expect(p.otherCounts).toEqual({ single: 3, single2021: 1, split: 3 });
    // 6 reports selected, 3 filled the rows.
    expect(p.note).toBe(
      '“其他处理”的理由只计填报了这些行的年报：本选择 6 份中有 3 份，其余 3 份未填报，不按 0 计；2018 年度没有年报填报，不画作 0：首尾的年度不显示，中间的年度标为“未报告”',
    );
    const series = seriesOf(p.option);
    expect(series[0]!.itemStyle?.color).toBe('#9aa5b1');
    // 2020 is a hatched bar as high as the highest year (2021: 1 + 2 + 3), not an empty slot.
    expect(series.at(-1)!.name).toBe('未报告');
    expect(series.at(-1)!.data).toEqual([null, 6, null]);
    expect(p.unit).toBe('单位：件');
    expect(presentReasons(years, 'other', 'share', '2019–2025', en).unit).toBe('Unit: % (hover for counts)');
    const none = presentReasons([years[0]!], 'denied', 'count', '2018', zh);
    expect(none.option).toBeNull();
    expect(none.title).toBe('“不予公开”的理由（按年度，2018）');
  });

  it('lays out the flow and its basis, and has nothing to draw without complete reports', () => {
    const flow: OutcomeFlow = {
      reports: 4,
      selected: 6,
      newRequests: 90,
      carriedIn: 10,
      handled: 95,
      carriedOut: 5,
      groups: groups(50, 10, 15, 10, 5, 5),
      review: 7,
      suitDirect: 3,
      suitAfterReview: 1,
    };
    const p = presentFlow(flow, zh);
    expect(p.basis).toBe('基于第三部分合计与六类结果均已填报的 4 份年报（所选共 6 份）；复议诉讼数为同一批年报之和。');
    expect(p.table?.rows).toEqual([
      ['本年新收', 90],
      ['上年结转', 10],
      ['本年办结', 95],
      ['予以公开', 50],
      ['部分公开', 10],
      ['不予公开', 15],
      ['无法提供', 10],
      ['不予处理', 5],
      ['其他处理', 5],
      ['结转下年度', 5],
      ['行政复议', 7],
      ['行政诉讼·未经复议直接起诉', 3],
      ['行政诉讼·复议后起诉', 1],
    ]);
    expect(p.option).not.toBeNull();
    expect(presentFlow({ ...flow, reports: 0 }, zh).option).toBeNull();
    const none = presentFlow(null, zh);
    expect(none.table).toBeNull();
    expect(none.option).toBeNull();
  });
});
