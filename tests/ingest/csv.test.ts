import { describe, expect, it } from 'vitest';
import { csvField, csvRecords, formatCsv } from '@/ingest/csv';

describe('csv output', () => {
  it('escapes text fields against formula injection but writes numbers as numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-4')).toBe("'-4");
    expect(csvField('@a')).toBe("'@a");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField(-4)).toBe('-4');
    expect(csvField(null)).toBe('');
  });

  it('round-trips quoted fields with commas and newlines', () => {
    const text = formatCsv(['a', 'b'], [['x,y', 'line\nbreak']]);
    expect(csvRecords(text)).toEqual([{ a: 'x,y', b: 'line\nbreak' }]);
  });
});
