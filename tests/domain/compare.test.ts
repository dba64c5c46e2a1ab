import { describe, expect, it } from 'vitest';
import { formatDelta, formatRelative, peerVerdict, sortFromParam, sortToParam } from '@/domain/compare';
import { bridgesTemplates, comparableAcrossTemplates, indicatorTemplates } from '@/domain/comparability';
import { indicator, type IndicatorDef } from '@/domain/indicators';

describe('compare sort in the URL', () => {
  const fallback = { key: 'new_requests', field: 'end', dir: 'desc' } as const;
  it('round-trips and drops anything unknown', () => {
    const s = { key: 'disclosure_rate', field: 'pct', dir: 'asc' } as const;
    expect(sortFromParam(sortToParam(s), fallback)).toEqual(s);
    expect(sortFromParam('name.end.asc', fallback)).toEqual({ key: 'name', field: 'end', dir: 'asc' });
    expect(sortFromParam('drop table.end.asc', fallback)).toEqual(fallback);
    expect(sortFromParam('handled.bogus.x', fallback)).toEqual({ key: 'handled', field: 'end', dir: 'desc' });
    expect(sortFromParam(undefined, fallback)).toEqual(fallback);
  });
});

describe('formatDelta and formatRelative', () => {
  it('signs counts, gives rates in percentage points and undefined as —', () => {
    expect(formatDelta(400, 'count', 'zh')).toBe('+400');
    expect(formatDelta(-1200, 'count', 'en')).toBe('−1,200');
    expect(formatDelta(0.052, 'percent', 'zh')).toBe('+5.2 个百分点');
    expect(formatDelta(null, 'count', 'zh')).toBe('—');
    expect(formatRelative(4, 'en')).toBe('+400.0%');
    expect(formatRelative(null, 'en')).toBe('—');
  });

  it('shows a difference that rounds to nothing as ±0, never −0', () => {
    expect(formatDelta(-0.00001, 'per_100', 'zh')).toBe('±0');
    expect(formatDelta(-0.0004, 'percent', 'en')).toBe('±0.0 pp');
    expect(formatRelative(-0.00001, 'zh')).toBe('±0.0%');
    expect(formatDelta(-0.0002, 'per_100', 'zh')).toBe('−0.02');
  });
});

describe('peerVerdict', () => {
  const s = { n: 9, q1: 30, median: 50, q3: 70, low: 10, high: 80 };
  it('flags values beyond 1.5 IQR of the quartiles', () => {
    expect(peerVerdict(131, s)).toBe('high');
    expect(peerVerdict(130, s)).toBe('within');
    expect(peerVerdict(-31, s)).toBe('low');
  });
  it('gives no verdict for a small group or a missing value', () => {
    expect(peerVerdict(500, { ...s, n: 7 })).toBeNull();
    expect(peerVerdict(null, s)).toBeNull();
  });
});

describe('template comparability', () => {
  it('finds every catalogue indicator of sections 三 and 四 comparable across templates', () => {
    expect(comparableAcrossTemplates(indicator('new_requests'))).toBe(true);
    expect(comparableAcrossTemplates(indicator('disclosure_rate'))).toBe(true);
  });
  it('sees that 其他处理 bridges the templates only through its derived group', () => {
    const other: IndicatorDef = {
      key: 'other_rate',
      name: { zh: '其他处理率', en: 'Other' },
      unit: 'percent',
      numerator: [{ group: 'other', col: 'total' }],
      denominator: [{ cell: 't3_total_total' }],
      explanation: { zh: '', en: '' },
      direction: 'neutral',
    };
    expect(comparableAcrossTemplates(other)).toBe(true);
    expect(bridgesTemplates(other)).toBe(true);
    expect(bridgesTemplates(indicator('disclosure_rate'))).toBe(false);
  });
  it('keeps section 二 cells to their own template', () => {
    const fees: IndicatorDef = {
      key: 'fees',
      name: { zh: '收费', en: 'Fees' },
      unit: 'wan_yuan',
      numerator: [{ cell: 't2_fees' }],
      explanation: { zh: '', en: '' },
      direction: 'neutral',
    };
    expect(indicatorTemplates(fees)).toEqual(['2021']);
    expect(comparableAcrossTemplates(fees)).toBe(false);
    const single: IndicatorDef = { ...fees, numerator: [{ cell: 't3_other_single_total' }] };
    expect(indicatorTemplates(single)).toEqual(['2019']);
  });
});
