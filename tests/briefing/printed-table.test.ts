import { describe, expect, it } from 'vitest';
import { printedTable } from '@/domain/briefing';
import type { ExportTable } from '@/domain/export-table';

const table: ExportTable = {
  columns: [
    { kind: 'text', label: '机关' },
    {
      kind: 'rate',
      label: '公开率',
      scale: 'percent',
      numeratorLabel: '予以公开',
      denominatorLabel: '办结',
      countUnit: '件',
    },
  ],
  rows: [
    ['甲局', { numerator: 164, denominator: 278 }],
    ['乙局', { numerator: 59, denominator: 100 }],
    ['丙局', { numerator: 1, denominator: 0 }],
  ],
};

describe('a printed briefing table', () => {
  it('writes every rate of a column with the same decimals, its numerator and denominator beside it', () => {
    const zh = printedTable(table, 'zh');
    expect(zh.rows.map((r) => r[1])).toEqual(['59.0（164/278）', '59.0（59/100）', '—（1/0）']);
    const en = printedTable(table, 'en');
    expect(en.rows[1]?.[1]).toBe('59.0 (59/100)');
  });
});
