import { describe, expect, it } from 'vitest';
import {
  exportCsv,
  flattenTable,
  fromDataTable,
  notesRows,
  ratioValue,
  roundTo,
  workbookSheets,
  type ExportTable,
} from '@/domain/export-table';
import { parseCsv } from '@/ingest/csv';

const disclosure: ExportTable = {
  columns: [
    { kind: 'text', label: '机关' },
    { kind: 'year', label: '年度' },
    { kind: 'count', label: '新收申请', unit: '件' },
    {
      kind: 'rate',
      label: '公开率',
      scale: 'percent',
      numeratorLabel: '予以公开+部分公开',
      denominatorLabel: '办理结果总计',
      countUnit: '件',
    },
  ],
  rows: [
    ['甲局', 2024, 148, { numerator: 2, denominator: 148 }],
    ['乙局', 2024, 8, { numerator: 5, denominator: 8 }],
    ['丙局', 2024, 0, { numerator: 0, denominator: 0 }],
    ['丁局', 2024, null, { numerator: null, denominator: 12 }],
  ],
};

describe('rates in downloads', () => {
  it('writes a rate as a percentage to one decimal, beside its numerator and denominator', () => {
    const flat = flattenTable(disclosure, 'zh');
    expect(flat.header).toEqual([
      '机关',
      '年度',
      '新收申请（件）',
      '公开率（%）',
      '公开率·分子：予以公开+部分公开（件）',
      '公开率·分母：办理结果总计（件）',
    ]);
    // 2 ÷ 148 = 1.3513…% → 1.4; 5 ÷ 8 = 62.5%; 0 ÷ 0 and a missing numerator are blank, not 0.
    expect(flat.rows).toEqual([
      ['甲局', 2024, 148, 1.4, 2, 148],
      ['乙局', 2024, 8, 62.5, 5, 8],
      ['丙局', 2024, 0, null, 0, 0],
      ['丁局', 2024, null, null, null, 12],
    ]);
  });

  it('says the unit in English headers too, and writes per-100 rates to two decimals', () => {
    const flat = flattenTable(
      {
        columns: [
          { kind: 'text', label: 'Agency' },
          {
            kind: 'rate',
            label: 'Cases per 100 requests',
            scale: 'per_100',
            numeratorLabel: 'review and litigation cases',
            denominatorLabel: 'requests received',
          },
        ],
        rows: [['A', { numerator: 7, denominator: 300 }]],
      },
      'en',
    );
    expect(flat.header).toEqual([
      'Agency',
      'Cases per 100 requests (per 100)',
      'Cases per 100 requests numerator: review and litigation cases',
      'Cases per 100 requests denominator: requests received',
    ]);
    // 7 ÷ 300 × 100 = 2.333… → 2.33
    expect(flat.rows).toEqual([['A', 2.33, 7, 300]]);
  });

  it('rounds half away from zero on the decimal value, as the percentages on screen', () => {
    expect(roundTo(0.125 * 100, 1)).toBe(12.5);
    expect(ratioValue({ numerator: 1, denominator: 1600 }, 'percent', 1)).toBe(0.1); // 0.0625%
    expect(ratioValue({ numerator: 1, denominator: 3 }, 'percent', 1)).toBe(33.3);
    expect(ratioValue({ numerator: 2, denominator: 3 }, 'percent', 1)).toBe(66.7);
    expect(ratioValue({ numerator: -1, denominator: 3 }, 'percent', 0)).toBe(-33);
    expect(roundTo(-0.01, 1)).toBe(0);
    expect(Object.is(roundTo(-0.01, 1), 0)).toBe(true);
  });
});

describe('CSV download', () => {
  const csv = exportCsv(disclosure, 'zh');

  it('is UTF-8 with a BOM, one header row and CRLF lines, readable back as the same table', () => {
    expect(csv.startsWith('\uFEFF机关,年度,新收申请（件）,公开率（%）,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const back = parseCsv(csv);
    expect(back).toHaveLength(1 + disclosure.rows.length);
    expect(back[1]).toEqual(['甲局', '2024', '148', '1.4', '2', '148']);
    expect(back[3]).toEqual(['丙局', '2024', '0', '', '0', '0']);
    expect(back.every((r) => r.length === 6)).toBe(true);
    expect(csv).not.toMatch(/^\uFEFF?#/m);
  });

  it('neutralises formula-like text in cells and headers, and quotes what needs it', () => {
    const text = exportCsv(
      {
        columns: [
          { kind: 'text', label: '=cmd' },
          { kind: 'count', label: 'n' },
        ],
        rows: [
          ['=1+1', 1],
          ['+SUM(A1)', 2],
          ['-2+3', 3],
          ['@A1', 4],
          ['\tTAB', 5],
          ['\rCR', 6],
          ['甲,"乙"', -7],
          ['安全文本', 8],
        ],
      },
      'zh',
    );
    const back = parseCsv(text);
    expect(back.map((r) => r[0])).toEqual([
      "'=cmd",
      "'=1+1",
      "'+SUM(A1)",
      "'-2+3",
      "'@A1",
      "'\tTAB",
      "'\rCR",
      '甲,"乙"',
      '安全文本',
    ]);
    // A negative number is a number, not text that looks like a formula.
    expect(back[7]?.[1]).toBe('-7');
  });

  it('names a blank header instead of leaving it empty, and reads a plain view table as counts and years', () => {
    const plain = { columns: ['', '年度', '件数'], rows: [['予以公开', 2023, 12] as (string | number | null)[]] };
    const t = fromDataTable(plain);
    expect(t.columns.map((c) => c.kind)).toEqual(['text', 'year', 'count']);
    expect(parseCsv(exportCsv(plain, 'zh'))[0]).toEqual(['项目', '年度', '件数']);
    expect(parseCsv(exportCsv(plain, 'en'))[0]?.[0]).toBe('Item');
    // Numbers that are not years stay counts even under a "year" heading.
    expect(fromDataTable({ columns: ['year'], rows: [[12]] }).columns[0]?.kind).toBe('count');
    // A share the view did not declare as a rate: four decimals, not seventeen digits.
    const share = {
      columns: ['年度', '占比'],
      rows: [
        [2024, 0.013513513513513514],
        [2025, null],
      ],
    };
    expect(fromDataTable(share).columns.map((c) => c.kind)).toEqual(['year', 'number']);
    expect(parseCsv(exportCsv(share, 'zh')).slice(1)).toEqual([
      ['2024', '0.0135'],
      ['2025', ''],
    ]);
    // A non-finite number is written blank, never "NaN" or "Infinity".
    expect(parseCsv(exportCsv({ columns: ['a', 'b'], rows: [['x', Number.NaN]] }, 'zh'))[1]).toEqual(['x', '']);
  });
});

describe('XLSX sheets', () => {
  const meta = {
    title: '公开率',
    unit: '单位：%',
    filters: '2024、市级',
    source: '来源：演示数据（生成）；2024、市级',
    provenance: '版本 demo-1 · 数据截至 2025-01-01',
  };

  it('holds the same table as the CSV, then notes with title, filters, source and every column', () => {
    const [data, notes] = workbookSheets(disclosure, meta, 'zh', '2026-11-30 08:00');
    expect(data?.name).toBe('数据');
    expect(data?.rows).toEqual(
      parseCsv(exportCsv(disclosure, 'zh')).map((r, i) =>
        i === 0 ? r : r.map((c, j) => (j === 0 ? c : c === '' ? null : Number(c))),
      ),
    );
    expect(notes?.name).toBe('说明');
    const byKey = new Map((notes?.rows ?? []).map((r) => [r[0], r[1]]));
    expect(byKey.get('标题')).toBe('公开率');
    expect(byKey.get('筛选条件')).toBe('2024、市级');
    expect(byKey.get('来源')).toBe('来源：演示数据（生成）；2024、市级');
    expect(byKey.get('数据版本')).toBe('版本 demo-1 · 数据截至 2025-01-01');
    expect(byKey.get('导出时间')).toBe('2026-11-30 08:00');
    const header = data?.rows[0] ?? [];
    expect(header).toHaveLength(6);
    for (const h of header) expect(String(byKey.get(h) ?? '')).not.toBe('');
    expect(byKey.get('公开率（%）')).toBe(
      '予以公开+部分公开 ÷ 办理结果总计 × 100（%），保留 1 位小数；分母为 0 或未填报时留空。',
    );
  });

  it('leaves out lines it has nothing for', () => {
    const flat = flattenTable(disclosure, 'en');
    const rows = notesRows({ title: 'T', source: 'S' }, flat, 'en', 'now');
    expect(rows.map((r) => r[0]).slice(0, 4)).toEqual(['Item', 'Title', 'Source', 'Exported']);
    expect(rows.filter((r) => flat.header.includes(String(r[0])))).toHaveLength(flat.header.length);
  });
});
