import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import glossary from '@/i18n/features/glossary';
import { formatPercent } from '@/domain/format';
import { DEFAULT_MIN_DENOMINATOR, MIN_FUNNEL_PEERS, MIN_QUALITY_COVERAGE, wilsonInterval } from '@/domain/stats';

const KEYS = Object.keys(glossary.zh.methods);

describe('glossary: comparison methods', () => {
  it('renders every method in both languages with its parameters filled in', () => {
    const params = {
      min: DEFAULT_MIN_DENOMINATOR,
      coverage: formatPercent(MIN_QUALITY_COVERAGE, 'zh', 0),
      peers: MIN_FUNNEL_PEERS,
    };
    let checked = 0;
    for (const lang of ['zh', 'en'] as const) {
      i18n.global.locale.value = lang;
      for (const key of KEYS) {
        for (const part of ['name', 'text', 'formula']) {
          const s = i18n.global.t(`glossary.methods.${key}.${part}`, params);
          expect(s, `${lang} ${key}.${part}`).not.toMatch(/[{}]/);
          expect(s.length).toBeGreaterThan(3);
          checked++;
        }
      }
    }
    expect(KEYS).toEqual(['matched', 'balanced', 'wilson', 'funnel', 'minDenominator', 'quality']);
    expect(checked).toBe(36);
    i18n.global.locale.value = 'zh';
    expect(i18n.global.t('glossary.methods.minDenominator.formula', params)).toContain('n ≥ 10');
    expect(i18n.global.t('glossary.methods.quality.text', params)).toContain('50%');
    expect(i18n.global.t('glossary.methods.funnel.text', params)).toContain('少于 8 个机关');
  });

  it('quotes the Wilson example the code computes', () => {
    const a = wilsonInterval(1, 3);
    const b = wilsonInterval(0, 2);
    const text = glossary.zh.methods.wilson.text;
    expect(text).toContain(`${formatPercent(a?.low ?? null, 'zh')}–${formatPercent(a?.high ?? null, 'zh')}`);
    expect(text).toContain(`0–${formatPercent(b?.high ?? null, 'zh')}`);
  });
});
