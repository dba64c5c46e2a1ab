import { describe, expect, it } from 'vitest';
import type { ProactiveYear } from '@/data/queries/proactive';
import { present2019, present2021, proactiveBasis, proactiveKpis } from '@/presenters/proactive';
import { testLabels } from '../support/labels';
import { seriesOf } from './option';

const zh = testLabels('zh');
const en = testLabels('en');

const year = (
  y: number,
  reports: number,
  values: Record<string, number>,
  counts: Record<string, number>,
): ProactiveYear => ({
  year: y,
  reports,
  values,
  counts,
});

describe('proactive disclosure presenter', () => {
  it('takes the headline figures from the latest 2021-template year, with the reports behind each', () => {
    const rows = [
      year(2022, 2, { t2_licensing: 9 }, { t2_licensing: 2 }),
      year(
        2023,
        3,
        { t2_licensing: 120, t2_penalty: 1500, t2_fees: 12.345 },
        { t2_licensing: 3, t2_penalty: 2, t2_fees: 1 },
      ),
    ];
    const kpis = proactiveKpis(rows, zh);
    expect(kpis.map((k) => [k.key, k.value, k.note])).toEqual([
      ['t2_licensing', '120', '2023 年度，3 份年报填报'],
      ['t2_penalty', '1,500', '2023 年度，2 份年报填报'],
      ['t2_coercion', '—', '2023 年度，0 份年报填报'],
      ['t2_fees', '12.35', '2023 年度，1 份年报填报'],
      ['t2_normative_in_force', '—', '2023 年度，0 份年报填报'],
    ]);
    expect(kpis[0]!.label).toBe('行政许可 · 本年处理决定数量');
    expect(proactiveKpis([], en).map((k) => k.note)).toEqual(Array(5).fill('no 2021-template report in the selection'));
  });

  it('draws documents, decisions and fees of the 2021 template; a chart with nothing reported is empty', () => {
    const rows = [
      year(2023, 2, { t2_rules_issued: 1, t2_rules_in_force: 10, t2_licensing: 5 }, { t2_rules_issued: 2 }),
    ];
    const p = present2021(rows, '2019–2025', zh);
    expect(p.docs.map((d) => d.key)).toEqual(['rules', 'normative']);
    expect(p.docs[0]!.title).toBe('规章：本年制发、废止与现行有效件数（2023）');
    expect(p.docs[0]!.option).not.toBeNull();
    expect(p.docs[1]!.option).toBeNull();
    expect(p.docs[0]!.table).toEqual({
      columns: ['年度', '年报数', '规章·本年制发件数', '规章·本年废止件数', '规章·现行有效件数'],
      rows: [[2023, 2, 1, null, 10]],
    });
    expect(p.docs[0]!.glossary).toBe(
      '规章·本年制发件数、规章·本年废止件数、规章·现行有效件数：所选年报中该栏已填报数值之和（空白不计，不按 0 计）。',
    );
    expect(seriesOf(p.decisions.option).map((s) => s.name)).toEqual(['行政许可', '行政处罚', '行政强制']);
    expect(p.fees.option).toBeNull();
    // Titles name the years with figures, not the filter's range; nothing shown keeps the range.
    expect(p.decisions.title).toBe('行政许可、行政处罚、行政强制的本年处理决定数量（2023）');
    expect(p.fees.title).toBe('行政事业性收费金额（2019–2025）');
  });

  it('says how many reports of the template the figures rest on', () => {
    const rows = [year(2021, 1200, {}, {}), year(2022, 3, {}, {})];
    expect(proactiveBasis(rows, zh)).toBe(
      '本选择有 1,203 份该模板的年报；每个数只计填报了该栏的年报（悬停可见 n），未填报的不按 0 计。',
    );
    expect(proactiveBasis([], en)).toContain('The selection has 0 reports on this template');
  });

  it('lists the 2019 template as printed: every year of the span, signed changes, amounts not summed', () => {
    const rows = [
      year(2019, 2, { t2v19_licensing_change: 3, t2v19_licensing_decisions: 40 }, {}),
      year(2020, 1, { t2v19_licensing_change: -2, t2v19_licensing_decisions: 7 }, {}),
    ];
    const p = present2019(rows, '2019–2020', zh);
    expect(p.headers.years).toEqual(['2019 年度', '2020 年度']);
    const byKey = (k: string) => p.table.find((r) => r.key === k);
    expect(byKey('t2v19_licensing_change')?.values).toEqual(['+3', '-2']);
    expect(byKey('t2v19_licensing_decisions')?.values).toEqual(['40', '7']);
    expect(byKey('t2v19_licensing_prev')).toMatchObject({ item: '行政许可', span: 3, values: ['—', '—'] });
    expect(byKey('t2v19_licensing_change')?.span).toBe(0);
    expect(byKey('t2v19_procurement_amount')?.values).toEqual(['单位不一，不汇总', '单位不一，不汇总']);
    expect(p.decisions.title).toBe('2019 模板：各类事项的处理决定数量（2019–2020）');
    expect(p.decisions.option).not.toBeNull();
  });
});
