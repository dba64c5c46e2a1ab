import { describe, expect, it } from 'vitest';
import { INDICATORS } from '@/domain/indicators';
import { RULES } from '@/domain/rules';
import { indicatorRows, ruleRows } from '@/presenters/glossary';
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
