import { describe, expect, it } from 'vitest';
import { LEVELS } from '@/domain/catalogue';
import { testLabels } from '../support/labels';

describe('labels for presenters', () => {
  it('groups counts in messages and speaks the language asked for, on the app messages', () => {
    expect(testLabels('zh').t('dataset.reports', { n: 5393 })).toBe('5,393 份年报');
    expect(testLabels('en').t('dataset.reports', { n: 5393 })).toBe('5,393 reports');
  });

  it('takes catalogue labels and list separators per language', () => {
    const county = LEVELS.find((l) => l.key === 'county');
    expect(county).toBeDefined();
    const zh = testLabels('zh');
    const en = testLabels('en');
    expect(zh.label(county!.label)).toBe(county!.label.zh);
    expect(en.label(county!.label)).toBe(county!.label.en);
    expect(zh.list(['甲', '乙'])).toBe('甲、乙');
    expect(en.list(['a', 'b'])).toBe('a, b');
  });
});
