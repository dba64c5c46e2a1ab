import { describe, expect, it } from 'vitest';
import { INDICATORS } from '@/domain/indicators';
import { RULES } from '@/domain/rules';
import { indicatorRows, methodRows, ruleRows } from '@/presenters/glossary';
import { testLabels } from '../support/labels';

const zh = testLabels('zh');
const en = testLabels('en');

describe('glossary presenter', () => {
  it('gives every indicator its formula in the page language and its name in the other', () => {
    const rows = indicatorRows(zh);
    expect(rows).toHaveLength(INDICATORS.length);
    const rate = rows.find((r) => r.key === 'disclosure_rate');
    // Written out by hand from the report template.
    expect(rate?.formula).toBe('（予以公开 + 部分公开） ÷ 总计（总计）');
    expect(rate?.otherName).toBe('Disclosure rate');
    expect(rate?.templates).toBe('2019、2021');
    const en1 = indicatorRows(en).find((r) => r.key === 'disclosure_rate');
    expect(en1?.formula).toBe('(Granted + Partly granted) ÷ Total handled (Total)');
    expect(en1?.templates).toBe('2019, 2021');
    // 其他处理 bridges the two templates and says how.
    expect(indicatorRows(zh).find((r) => r.key === 'other_rate')?.templates).toBe(
      '2019、2021（其他处理取 2019 模板单行或 2021 模板三项之和）',
    );
  });

  it('gives every rule its severity and scope', () => {
    const rows = ruleRows(zh);
    expect(rows).toHaveLength(RULES.length);
    expect(rows.find((r) => r.id === 'R1')).toMatchObject({
      severity: 'error',
      severityLabel: '错误',
      scope: '单份年报；2019、2021',
    });
    expect(ruleRows(en).find((r) => r.id === 'R1')?.scope).toBe('one report; 2019, 2021');
  });
});

describe('glossary methods', () => {
  it('explains each comparison method with the thresholds the views use', () => {
    const zhRows = methodRows(zh);
    expect(zhRows.map((m) => m.key)).toEqual(['matched', 'balanced', 'wilson', 'funnel', 'minDenominator', 'quality']);
    expect(zhRows.map((m) => m.name)).toEqual([
      '同口径比较（匹配集合）',
      '平衡面板（各年相同机关）',
      '威尔逊区间',
      '漏斗图与控制限',
      '最小分母',
      '质量得分与覆盖率',
    ]);
    const byKey = (rows: typeof zhRows, k: string) => rows.find((m) => m.key === k)!;
    // Minimum denominator 10, coverage threshold 50%, limits from 8 peers: the defaults of domain/stats.
    expect(byKey(zhRows, 'minDenominator').formula).toBe('参与排名：分母 n ≥ 10（默认 10 件办理总计）');
    expect(byKey(zhRows, 'quality').text).toContain('覆盖率低于 50% 的机关不参与排名');
    expect(byKey(zhRows, 'funnel').text).toContain('同组少于 8 个机关时不画控制限');
    const enRows = methodRows(en);
    expect(byKey(enRows, 'wilson').name).toBe('Wilson interval');
    expect(byKey(enRows, 'quality').text).toContain('under 50% are listed apart');
    for (const m of [...zhRows, ...enRows]) expect(`${m.name}${m.text}${m.formula}`).not.toMatch(/[{}]/);
  });
});
