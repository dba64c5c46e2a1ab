import { describe, expect, it } from 'vitest';
import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { xlsxBlob } from '@/composables/download';
import type { ExportTable } from '@/domain/export-table';

const table: ExportTable = {
  columns: [
    { key: 'name', label: '机关', kind: 'text' },
    { key: 'n', label: '新收申请', kind: 'count', unit: '件' },
  ],
  rows: [
    ['=HYPERLINK("x")', 12],
    ['乙局', null],
  ],
} as unknown as ExportTable;

describe('the Excel download', () => {
  it('holds the table and a notes sheet with title, filters and source, readable by another reader', async () => {
    const blob = await xlsxBlob(
      table,
      { title: '新收申请排名', unit: '件', filters: '2024；县级', source: '来源：演示数据（生成）' },
      'zh',
      '2026-11-30T08:00:00Z',
    );
    const bytes = Buffer.from(await blob.arrayBuffer());
    expect((await readXlsxFile(bytes)).map((s) => s.sheet)).toEqual(['数据', '说明']);
    const data = await readSheet(bytes, '数据');
    expect(data.length).toBe(3);
    // A formula-like text stays text: it is a string cell, never a formula.
    expect(data[1]?.[0]).toBe('=HYPERLINK("x")');
    expect(data[1]?.[1]).toBe(12);
    expect(data[2]?.[1]).toBeNull();
    const notes = (await readSheet(bytes, '说明')).map((r) => r.join('|'));
    expect(notes).toContain('标题|新收申请排名');
    expect(notes).toContain('筛选条件|2024；县级');
    expect(notes).toContain('来源|来源：演示数据（生成）');
    expect(notes.some((r) => r.startsWith('机关|'))).toBe(true);
  });
});
