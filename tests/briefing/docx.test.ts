import { describe, expect, it } from 'vitest';
import { addItem, EMPTY_BRIEFING, type BriefingItemInput, type BriefingState } from '@/domain/briefing';
import type { ExportTable } from '@/domain/export-table';
import {
  A4,
  buildBriefingDocx,
  CONTENT_WIDTH_PX,
  fitWidth,
  printScale,
  type DocxWords,
} from '@/composables/briefing-docx';
import { readDocx, solidPng } from '../support/docx';

const table: ExportTable = {
  columns: [
    { kind: 'text', label: '机关' },
    { kind: 'count', label: '新收申请', unit: '件' },
  ],
  rows: [
    ['市公安局', 1234],
    ['市教育局', null],
  ],
};
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="450"></svg>';
const inputs: BriefingItemInput[] = [
  {
    kind: 'chart',
    title: '申请数量',
    source: '来源：演示数据（生成）；全部',
    svg,
    width: 900,
    height: 450,
    link: 'http://x/#/overview',
  },
  { kind: 'table', title: '机构排名', unit: '单位：件', source: '来源：演示数据（生成）；2023', table },
  { kind: 'text', title: '主要发现', text: '申请量上升。\n公开率稳定。', source: '来源：演示数据（生成）；全部地区' },
  {
    kind: 'chart',
    title: 'Outcomes',
    source: 'Source: demo data; all',
    provenance: 'v2 · 2026-01-01',
    svg,
    width: 400,
    height: 300,
  },
];
const words: DocxWords = {
  number: (kind, n) => `${{ chart: '图', table: '表', text: '文' }[kind]} ${n}`,
  from: '来自页面',
  moreRows: (n) => `另有 ${n} 行`,
  tableNote: (rates) => (rates ? '括号内为分子/分母' : '“—”不是 0'),
};

function briefing(): BriefingState {
  let s = EMPTY_BRIEFING;
  for (const [n, i] of inputs.entries()) s = addItem(s, i, `i${n}`, '').state;
  return { ...s, items: s.items.map((i, n) => ({ ...i, caption: n === 1 ? '' : `说明第${n + 1}项 caption` })) };
}

describe('briefing as DOCX', () => {
  it('writes title, date, pictures, a Word table, captions, sources, page numbers on A4 with CJK fonts', async () => {
    const state = briefing();
    const drawn: string[] = [];
    const bytes = await buildBriefingDocx(
      { title: '政府信息公开年报简报', date: '2026年12月6日', items: state.items, lang: 'zh' },
      words,
      async (item) => {
        drawn.push(item.title);
        return { data: solidPng(item.width / 10, item.height / 10), width: item.width, height: item.height };
      },
    );
    const docx = readDocx(new Uint8Array(bytes));
    expect(drawn).toEqual(['申请数量', 'Outcomes']);

    expect(docx.paragraphs[0]).toBe('政府信息公开年报简报');
    expect(docx.paragraphs[1]).toBe('2026年12月6日');
    const all = docx.paragraphs.join('\n');
    for (const item of state.items) {
      if (item.caption) expect(all).toContain(item.caption);
      expect(all).toContain(item.source);
    }
    expect(all).toContain('v2 · 2026-01-01');
    expect(all).toContain('图 1');
    expect(all).toContain('图 2');
    expect(all).toContain('表 1');
    expect(all).toContain('申请量上升。');
    expect(all).toContain('来自页面');
    expect(all).toContain('“—”不是 0');

    // The table as a Word table: header, values, missing as —.
    expect(docx.cells).toEqual(['机关', '新收申请（件）', '市公安局', '1,234', '市教育局', '—']);

    // One PNG per chart, with the PNG signature.
    expect(docx.media).toHaveLength(2);
    expect(docx.media.every((m) => m.png && m.bytes > 50)).toBe(true);
    // A picture never wider than the text: 900 px is scaled down to the text width.
    expect(docx.documentXml).toMatch(new RegExp(`cx="${CONTENT_WIDTH_PX * 9525}"`));

    expect(docx.pageSizes).toEqual([{ w: A4.width, h: A4.height, orient: 'portrait' }]);
    expect(A4).toMatchObject({ width: 11906, height: 16838 });
    expect(docx.eastAsiaFonts).toContain('SimSun');
    expect(docx.eastAsiaFonts).toContain('SimHei');
    expect(docx.documentXml).toMatch(/w:ascii="Calibri"/);
    // Page numbers: the PAGE and NUMPAGES fields in the footer.
    expect(docx.footerXml).toMatch(/PAGE/);
    expect(docx.footerXml).toMatch(/NUMPAGES/);
  });

  it('fits a picture to the text width keeping its proportions, and never enlarges one', () => {
    expect(fitWidth(1286, 600, 643)).toEqual({ width: 643, height: 300 });
    expect(fitWidth(300, 200, 643)).toEqual({ width: 300, height: 200 });
  });

  it('draws charts for 300 dpi on the page: 3× for a narrow one, 2× for one wider than the text', () => {
    expect(printScale(600)).toBe(3);
    expect(printScale(1300)).toBe(2);
    expect(printScale(CONTENT_WIDTH_PX)).toBe(3);
  });
});
