import { describe, expect, it } from 'vitest';
import {
  changeBetween,
  escapeHtml,
  formatChange,
  formatCompact,
  formatCount,
  formatPercent,
  yearSpan,
} from '@/domain/format';
import { csvField, toCsv } from '@/domain/csv';

describe('formatting in zh-CN conventions', () => {
  it('groups thousands and shows 万 for compact counts', () => {
    expect(formatCount(1234567, 'zh')).toBe('1,234,567');
    expect(formatCompact(35000, 'zh')).toBe('3.5万');
    expect(formatCompact(35000, 'en')).toBe('35K');
  });

  it('shows an undefined value as —', () => {
    expect(formatCount(null, 'zh')).toBe('—');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatChange(changeBetween(0, 5, 'count'), 'zh')).toBe('—');
  });

  it('states rate changes in percentage points and count changes in percent', () => {
    expect(formatChange(changeBetween(0.4, 0.45, 'percent'), 'zh')).toBe('+5.0 个百分点');
    expect(formatChange(changeBetween(200, 150, 'count'), 'en')).toBe('−25.0%');
  });

  it('shows a change that rounds to nothing as ±0.0, never −0.0', () => {
    // 0.54 → 0.5399: −0.01 points; 10,000 → 9,999.9: −0.001%.
    expect(formatChange(changeBetween(0.54, 0.5399, 'percent'), 'zh')).toBe('±0.0 个百分点');
    expect(formatChange(changeBetween(0.54, 0.5401, 'percent'), 'en')).toBe('±0.0 pp');
    expect(formatChange(changeBetween(10000, 9999.9, 'count'), 'zh')).toBe('±0.0%');
    expect(formatChange({ value: -0, kind: 'points' }, 'zh')).toBe('±0.0 个百分点');
    // Just past the rounding edge the sign shows.
    expect(formatChange(changeBetween(0.54, 0.5394, 'percent'), 'zh')).toBe('−0.1 个百分点');
    expect(formatChange({ value: Number.NaN, kind: 'relative' }, 'en')).toBe('—');
  });

  it('escapes text from data before it reaches HTML', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">&')).toBe('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#38;');
  });
});

describe('CSV export', () => {
  it('neutralises formulas in text but keeps numbers as numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });

  it('writes a BOM and CRLF lines', () => {
    expect(toCsv({ columns: ['机关', 'n'], rows: [['甲,乙', 1]] })).toBe('\uFEFF机关,n\r\n"甲,乙",1\r\n');
  });
});

describe('year span of a title', () => {
  it('states the years with data, not the filter range', () => {
    expect(yearSpan([2024, 2023, 2023])).toBe('2023–2024');
    expect(yearSpan([2019])).toBe('2019');
    expect(yearSpan([])).toBe('');
  });
});
