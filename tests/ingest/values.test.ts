import { describe, expect, it } from 'vitest';
import { parseValue } from '@/ingest/values';
import { normalizeCell, toSimplified } from '@/ingest/normalize';

describe('parseValue', () => {
  it('reads "not reported" markers as null, never 0', () => {
    for (const t of ['/', '—', '-', '无', '——', '－'.normalize('NFKC')]) expect(parseValue(t)?.kind).toBe('null');
    expect(parseValue('')?.kind).toBe('blank');
  });

  it('reads signed 本年增/减 values', () => {
    expect(parseValue('+19')).toMatchObject({ kind: 'number', value: 19, signed: true });
    expect(parseValue('-4')).toMatchObject({ kind: 'number', value: -4, signed: true });
    expect(parseValue('减4')).toMatchObject({ kind: 'number', value: -4, signed: true });
    expect(parseValue('增 2')).toMatchObject({ kind: 'number', value: 2, signed: true });
  });

  it('keeps decimals and notes a printed unit', () => {
    expect(parseValue('12.3456')).toMatchObject({ kind: 'number', value: 12.3456, decimals: 4 });
    expect(parseValue('251000元')).toMatchObject({ kind: 'number', value: 251000, unit: '元' });
    expect(parseValue('1,234,567')).toMatchObject({ kind: 'number', value: 1234567 });
  });

  it('tells labels, numbering and garbled numbers apart', () => {
    expect(parseValue('规章')).toBeUndefined();
    expect(parseValue('1.')).toBeUndefined();
    expect(parseValue('2023年')).toBeUndefined();
    expect(parseValue('1O')?.kind).toBe('invalid');
    expect(parseValue('100%')?.kind).toBe('invalid');
    expect(parseValue('-----')?.kind).toBe('decoration');
  });
});

describe('normalize', () => {
  it('folds full-width digits and punctuation, spaces and control characters', () => {
    expect(normalizeCell('\u3000（二）部分公开\u00A0１２\u200B３\u0007')).toBe('(二)部分公开 123');
  });

  it('maps the traditional characters of the form and mirror-site words to simplified', () => {
    expect(toSimplified('行政規範性檔案')).toBe('行政规范性文件');
    expect(toSimplified('政府資訊公開申請數量')).toBe('政府信息公开申请数量');
    expect(toSimplified('結果維持 結果糾正 尚未審結 行政複議 行政訴訟')).toBe(
      '结果维持 结果纠正 尚未审结 行政复议 行政诉讼',
    );
  });

  it('folds Kangxi radicals that PDF text layers emit', () => {
    expect(normalizeCell('⾏政许可')).toBe('行政许可');
  });
});
