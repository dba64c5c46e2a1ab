import { describe, expect, it } from 'vitest';
import { INDICATORS, formulaText, indicator, indicatorCells, indicatorValue } from '@/domain/indicators';
import { isCellKey } from '@/domain/catalogue';

const report = (cells: Record<string, number | null>) => (k: string) => cells[k];

describe('indicators', () => {
  it('computes the disclosure rate from granted and partial over the total handled', () => {
    const v = report({ t3_granted_total: 30, t3_partial_total: 10, t3_total_total: 80 });
    expect(indicatorValue(indicator('disclosure_rate'), v)).toBe(0.5);
  });

  it('is undefined (null), never 0, when the denominator is 0 or not reported', () => {
    const zero = report({ t3_granted_total: 0, t3_partial_total: 0, t3_total_total: 0 });
    expect(indicatorValue(indicator('disclosure_rate'), zero)).toBeNull();
    const blank = report({ t3_granted_total: 3, t3_partial_total: 1 });
    expect(indicatorValue(indicator('disclosure_rate'), blank)).toBeNull();
  });

  it('computes the review correction rate over concluded reviews only', () => {
    const v = report({ t4_review_corrected: 1, t4_review_total: 12, t4_review_pending: 2 });
    expect(indicatorValue(indicator('review_correction_rate'), v)).toBe(0.1);
  });

  it('computes the share from organisations as (total − persons) ÷ total', () => {
    const v = report({ t3_new_total: 40, t3_new_person: 38 });
    expect(indicatorValue(indicator('org_share'), v)).toBeCloseTo(0.05);
  });

  it('reads only catalogue cells and writes each formula out in labels', () => {
    const cells = INDICATORS.map((def) => [def.key, indicatorCells(def)] as const);
    expect(cells.filter(([, keys]) => keys.length === 0)).toEqual([]);
    expect(cells.flatMap(([, keys]) => keys.filter((k) => !isCellKey(k)))).toEqual([]);
    expect(cells.length).toBeGreaterThan(0);
    expect(formulaText(indicator('completion_rate'), 'zh')).toBe(
      '总计（总计） ÷ （本年新收政府信息公开申请数量（总计） + 上年结转政府信息公开申请数量（总计））',
    );
    expect(formulaText(indicator('disclosure_rate'), 'en')).toBe('(Granted + Partly granted) ÷ Total handled (Total)');
  });
});
