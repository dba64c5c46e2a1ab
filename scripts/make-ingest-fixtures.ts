/**
 * Writes the ingest test fixtures under tests/fixtures/ingest/: the main made-up report as HTML
 * (merged cells), DOCX, layout PDF text, raw PDF text and a PDF printed by headless Chromium, a
 * scanned-style PDF without text, and the truth CSV (canonical keys) of every fixture, including
 * the hand-written ones. Run: npx tsx scripts/make-ingest-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_COLUMNS, T3_COLS, t3Key, t4Key, T4_GROUPS, T4_RESULTS } from '@/domain/catalogue';
import { gridCells } from '@/ingest/html';
import { isWide } from '@/ingest/normalize';
import { formatCsv } from '@/ingest/csv';
import { zipStore } from './fixtures/zip';
import {
  AGENCY,
  PROSE,
  TITLE,
  YEAR,
  table2,
  table3,
  table4,
  truthCells,
  type TableSpec,
  type V,
} from './fixtures/main-report';

const OUT = join(import.meta.dirname, '..', 'tests', 'fixtures', 'ingest');
mkdirSync(OUT, { recursive: true });

// ------------------------------------------------------------------------------------- helpers

function placed(spec: TableSpec) {
  const grid = gridCells({
    rows: spec.map((r) => r.map((c) => ({ text: c.text, rowspan: c.rs ?? 1, colspan: c.cs ?? 1 }))),
  });
  return grid.map((row, r) => row.map((g, i) => ({ ...g, value: spec[r]?.[i]?.value ?? false })));
}

const width = (s: string): number => [...s].reduce((a, c) => a + (isWide(c) ? 2 : 1), 0);

function wrap(text: string, w: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let cur = '';
    for (const ch of para) {
      if (width(cur + ch) > w) {
        out.push(cur);
        cur = '';
      }
      cur += ch;
    }
    out.push(cur);
  }
  return out.filter((l, i) => l !== '' || i === 0);
}

function put(line: string, x: number, text: string): string {
  const w = width(line);
  return (w < x ? line + ' '.repeat(x - w) : line + '  ') + text;
}

// ---------------------------------------------------------------------------------------- HTML

function htmlTable(spec: TableSpec, blankStyles = true): string {
  let blank = 0;
  const blanks = ['&nbsp;', '', '<p>&nbsp;</p>'];
  const rows = spec.map(
    (r) =>
      '<tr>' +
      r
        .map((c) => {
          const attrs = `${c.rs ? ` rowspan="${c.rs}"` : ''}${c.cs ? ` colspan="${c.cs}"` : ''}${c.value ? ' align="center"' : ''}`;
          const body =
            c.text === '' ? (blankStyles ? blanks[blank++ % 3] : '') : `<p>${c.text.replace(/\n/g, '<br />')}</p>`;
          return `<td${attrs}>${body}</td>`;
        })
        .join('') +
      '</tr>',
  );
  return `<table border="1" cellspacing="0" cellpadding="2">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function mainHtml(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLE}</title>
<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:10pt;margin:18mm}
table{border-collapse:collapse;width:100%;margin:6pt 0}td{border:1px solid #000;padding:2pt;font-size:9pt}
td p{margin:0}.t4 td{width:6.6%}</style></head>
<body>
<h1 style="font-size:15pt;text-align:center">${TITLE}</h1>
<p>${PROSE.s1}</p><p>${PROSE.s1text}</p>
<p>${PROSE.s2}</p>
${htmlTable(table2())}
<p>${PROSE.s3}</p>
${htmlTable(table3({ breakPartial: true }))}
<p>${PROSE.s4}</p>
${htmlTable(table4()).replace('<table ', '<table class="t4" ')}
<p>${PROSE.s5}</p><p>${PROSE.s5text}</p>
<p>${PROSE.s6}</p><p>${PROSE.s6text}</p>
</body></html>
`;
}

// ---------------------------------------------------------------------------------------- DOCX

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function docxPara(text: string): string {
  const runs = text
    .split('\n')
    .map((t, i) => `${i ? '<w:r><w:br/></w:r>' : ''}<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`)
    .join('');
  return `<w:p>${runs}</w:p>`;
}

function docxTable(spec: TableSpec): string {
  const cells = placed(spec);
  const ncols = Math.max(...cells.flatMap((r) => r.map((c) => c.col + c.colspan)));
  const covering = (r: number, c: number) =>
    cells.flat().find((x) => x.row < r && x.row + x.rowspan > r && x.col === c);
  const rows = cells.map((row, r) => {
    let out = '';
    for (let c = 0; c < ncols;) {
      const origin = row.find((x) => x.col === c);
      const cover = origin ? undefined : covering(r, c);
      const cell = origin ?? cover;
      if (!cell) {
        c++;
        continue;
      }
      const props = `<w:tcPr>${cell.colspan > 1 ? `<w:gridSpan w:val="${cell.colspan}"/>` : ''}${
        cell.rowspan > 1 ? (origin ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : ''
      }</w:tcPr>`;
      out += `<w:tc>${props}${origin ? docxPara(cell.text) : '<w:p/>'}</w:tc>`;
      c += cell.colspan;
    }
    return `<w:tr>${out}</w:tr>`;
  });
  const grid = `<w:tblGrid>${'<w:gridCol w:w="600"/>'.repeat(ncols)}</w:tblGrid>`;
  return `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/><w:bottom w:val="single"/><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr>${grid}${rows.join('')}</w:tbl>`;
}

function mainDocx(): Uint8Array {
  const body = [
    docxPara(TITLE),
    docxPara(PROSE.s1),
    docxPara(PROSE.s1text),
    docxPara(PROSE.s2),
    docxTable(table2()),
    docxPara(PROSE.s3),
    docxTable(table3({ breakPartial: true })),
    docxPara(PROSE.s4),
    docxTable(table4()),
    docxPara(PROSE.s5),
    docxPara(PROSE.s5text),
    docxPara(PROSE.s6),
    docxPara(PROSE.s6text),
  ].join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipStore([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    },
  ]);
}

// ------------------------------------------------------------------------- layout and raw text

interface TextOpts {
  widths: number[];
  /** Grid row index after which a page break (page number, running title, repeated header) comes. */
  breakAfter?: number;
  headerRows?: number;
  page?: number;
}

function layoutTable(spec: TableSpec, o: TextOpts): string[] {
  const cells = placed(spec);
  const xs = o.widths.reduce<number[]>((a, w, i) => [...a, (a[i] ?? 0) + w], [0]);
  const render = (r: number): string[] => {
    const row = cells[r] ?? [];
    const parts = row.map((c) => {
      const w = (xs[c.col + c.colspan] ?? 0) - (xs[c.col] ?? 0) - 2;
      return { c, lines: wrap(c.text, w), w };
    });
    const n = Math.max(1, ...parts.map((p) => p.lines.length));
    const out: string[] = [];
    for (let k = 0; k < n; k++) {
      let line = '';
      for (const p of parts) {
        const t = p.lines[k];
        if (!t) continue;
        const centred = p.c.value || p.c.row < (o.headerRows ?? 0);
        const x = (xs[p.c.col] ?? 0) + (centred ? Math.max(0, Math.floor((p.w - width(t)) / 2)) : 0);
        line = put(line, x, t);
      }
      out.push(line);
    }
    return out;
  };
  const lines: string[] = [];
  for (let r = 0; r < cells.length; r++) {
    lines.push(...render(r));
    if (o.breakAfter === r) {
      lines.push('', `${' '.repeat(40)}- ${o.page ?? 2} -`, `\f${' '.repeat(20)}${TITLE}`, '');
      for (let h = 0; h < (o.headerRows ?? 0); h++) lines.push(...render(h));
    }
  }
  return lines;
}

function rawTable(spec: TableSpec, o: TextOpts & { stackHeader?: boolean }): string[] {
  const cells = placed(spec);
  const lines: string[] = [];
  const renderRow = (r: number) => {
    for (const c of cells[r] ?? []) {
      if (!c.text) continue;
      if (o.stackHeader && !c.value && c.colspan === 1) lines.push(...[...c.text]);
      else lines.push(...c.text.split('\n'));
    }
  };
  for (let r = 0; r < cells.length; r++) {
    renderRow(r);
    if (o.breakAfter === r) {
      lines.push(`-${o.page ?? 2}-`, TITLE);
      for (let h = 0; h < (o.headerRows ?? 0); h++) renderRow(h);
    }
  }
  return lines;
}

const T3_WIDTHS = [20, 16, 30, 12, 12, 12, 14, 14, 10, 10];
const T3_BREAK = 12; // after 6.属于四类过程性信息 (grid row 12)

function mainLayoutText(): string {
  return [
    `${' '.repeat(10)}${TITLE}`,
    '',
    PROSE.s1,
    `    ${PROSE.s1text}`,
    PROSE.s2,
    ...layoutTable(table2(), { widths: [24, 16, 16, 16], headerRows: 0 }),
    PROSE.s3,
    ...layoutTable(table3(), { widths: T3_WIDTHS, headerRows: 3, breakAfter: T3_BREAK }),
    PROSE.s4,
    ...layoutTable(table4(), { widths: Array(15).fill(6), headerRows: 3 }),
    PROSE.s5,
    `    ${PROSE.s5text}`,
    PROSE.s6,
    `    ${PROSE.s6text}`,
    '',
    `${' '.repeat(40)}- 3 -`,
  ].join('\n');
}

function mainRawText(): string {
  return [
    TITLE,
    PROSE.s1,
    PROSE.s1text,
    PROSE.s2,
    ...rawTable(table2(), { widths: [] }),
    PROSE.s3,
    ...rawTable(table3(), { widths: [], headerRows: 3, breakAfter: T3_BREAK }),
    PROSE.s4,
    ...rawTable(table4(), { widths: [], stackHeader: true }),
    PROSE.s5,
    PROSE.s5text,
    PROSE.s6,
    PROSE.s6text,
  ].join('\n');
}

// ----------------------------------------------------------------------------------------- PDF

function chromium(): string | undefined {
  for (const c of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [c]).toString().trim() || undefined;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

function printPdf(htmlFile: string, pdfFile: string): boolean {
  const bin = chromium();
  if (!bin) {
    console.warn(`chromium not found: ${pdfFile} not written`);
    return false;
  }
  execFileSync(
    bin,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdfFile}`,
      `file://${htmlFile}`,
    ],
    { stdio: 'ignore' },
  );
  return existsSync(pdfFile);
}

const SCANNED_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<svg width="600" height="800" xmlns="http://www.w3.org/2000/svg">
${Array.from({ length: 30 }, (_, i) => `<rect x="40" y="${40 + i * 24}" width="${200 + ((i * 37) % 300)}" height="10" fill="#333"/>`).join('\n')}
</svg></body></html>`;

// --------------------------------------------------------------------------------------- truth

function truthCsv(agency: string | null, year: number, template: string, cells: Record<string, V>): string {
  const row = DATASET_COLUMNS.map((c) => {
    if (c === 'agency_name') return agency;
    if (c === 'year') return year;
    if (c === 'template') return template;
    return c in cells ? (cells[c] ?? null) : null;
  });
  return formatCsv(DATASET_COLUMNS, [row]);
}

function t3(row: string, vals: V[]): Record<string, V> {
  return Object.fromEntries(T3_COLS.map((c, i) => [t3Key(row, c.key), vals[i] ?? null]));
}
function t4(vals: V[]): Record<string, V> {
  return Object.fromEntries(
    T4_GROUPS.flatMap((g, gi) => T4_RESULTS.map((r, ri) => [t4Key(g.key, r.key), vals[gi * 5 + ri] ?? null])),
  );
}
const zeros = (n: number): V[] => Array(n).fill(0);

// Truth of the hand-written fixtures: what each source shows (blank/"/" = null).
const HAND: Record<string, { agency: string | null; year: number; template: string; cells: Record<string, V> }> = {
  'flat-2022.txt': {
    agency: '示例市统计局',
    year: 2022,
    template: '2021',
    cells: {
      t2_rules_issued: null,
      t2_rules_repealed: null,
      t2_rules_in_force: null,
      t2_normative_issued: 1,
      t2_normative_repealed: 0,
      t2_normative_in_force: 6,
      t2_licensing: 0,
      t2_penalty: 3,
      t2_coercion: 0,
      t2_fees: 0,
      // The flattened text shows five of seven applicant columns; the rest is not in the source.
      ...Object.fromEntries(
        [
          'new',
          'carried_in',
          'granted',
          'partial',
          'denied_secret',
          'denied_law',
          'denied_safety',
          'denied_third_party',
          'denied_internal',
          'denied_process',
          'denied_enforcement',
          'denied_inquiry',
          'unable_not_held',
          'unable_needs_creation',
          'unable_unclear',
          'rejected_petition',
          'rejected_duplicate',
          'rejected_publication',
          'rejected_excessive',
          'rejected_confirmation',
          'other_no_correction',
          'other_unpaid_fee',
          'other_misc',
          'total',
          'carried_out',
        ].flatMap((r) => {
          const v: Record<string, number[]> = {
            new: [7, 1, 0, 0, 1],
            granted: [3, 1, 0, 0, 0],
            partial: [1, 0, 0, 0, 0],
            unable_not_held: [2, 0, 0, 0, 1],
            rejected_duplicate: [1, 0, 0, 0, 0],
            total: [7, 1, 0, 0, 1],
          };
          const vals = v[r] ?? [0, 0, 0, 0, 0];
          return ['person', 'business', 'research', 'nonprofit', 'legal'].map((c, i) => [
            t3Key(r, c as 'person'),
            vals[i] ?? 0,
          ]);
        }),
      ),
    },
  },
  'trad-2022.txt': {
    agency: '示例市自然资源局',
    year: 2022,
    template: '2021',
    cells: {
      t2_rules_issued: 0,
      t2_rules_repealed: 0,
      t2_rules_in_force: 0,
      t2_normative_issued: 2,
      t2_normative_repealed: 0,
      t2_normative_in_force: 11,
      t2_licensing: 64,
      t2_penalty: 5,
      t2_coercion: 1,
      t2_fees: 8.75,
      ...t3('new', [4, 2, 0, 0, 0, 0, 6]),
      ...t3('carried_in', zeros(7)),
      ...t3('granted', [2, 1, 0, 0, 0, 0, 3]),
      ...t3('partial', zeros(7)),
      ...Object.assign(
        {},
        ...[
          'denied_secret',
          'denied_law',
          'denied_safety',
          'denied_third_party',
          'denied_internal',
          'denied_process',
          'denied_enforcement',
          'denied_inquiry',
          'unable_needs_creation',
          'unable_unclear',
          'rejected_petition',
          'rejected_duplicate',
          'rejected_publication',
          'rejected_excessive',
          'rejected_confirmation',
          'other_no_correction',
          'other_unpaid_fee',
          'other_misc',
        ].map((r) => t3(r, zeros(7))),
      ),
      ...t3('unable_not_held', [2, 1, 0, 0, 0, 0, 3]),
      ...t3('total', [4, 2, 0, 0, 0, 0, 6]),
      ...t3('carried_out', zeros(7)),
      ...t4([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    },
  },
  'v2019-2020.txt': {
    agency: '示例镇人民政府',
    year: 2020,
    template: '2019',
    cells: {
      t2v19_rules_made: 0,
      t2v19_rules_published: 0,
      t2v19_rules_total: 0,
      t2v19_normative_made: 2,
      t2v19_normative_published: 2,
      t2v19_normative_total: 9,
      t2v19_licensing_prev: 21,
      t2v19_licensing_change: 19,
      t2v19_licensing_decisions: 40,
      t2v19_services_prev: 12,
      t2v19_services_change: -4,
      t2v19_services_decisions: 8,
      t2v19_penalty_prev: 3,
      t2v19_penalty_change: -3,
      t2v19_penalty_decisions: 0,
      t2v19_coercion_prev: 0,
      t2v19_coercion_change: 0,
      t2v19_coercion_decisions: 0,
      t2v19_fees_prev: 1,
      t2v19_fees_change: 0,
      t2v19_procurement_items: 3,
      t2v19_procurement_amount: 251000,
      ...t3('new', [5, 1, 0, 0, 0, 0, 6]),
      ...t3('carried_in', [1, 0, 0, 0, 0, 0, 1]),
      ...t3('granted', [3, 1, 0, 0, 0, 0, 4]),
      ...t3('partial', zeros(7)),
      ...Object.assign(
        {},
        ...[
          'denied_secret',
          'denied_law',
          'denied_safety',
          'denied_third_party',
          'denied_internal',
          'denied_process',
          'denied_enforcement',
          'denied_inquiry',
          'unable_needs_creation',
          'unable_unclear',
          'rejected_petition',
          'rejected_duplicate',
          'rejected_publication',
          'rejected_excessive',
          'rejected_confirmation',
        ].map((r) => t3(r, zeros(7))),
      ),
      ...t3('unable_not_held', [1, 0, 0, 0, 0, 0, 1]),
      ...t3('other_single', [1, 0, 0, 0, 0, 0, 1]),
      ...t3('total', [5, 1, 0, 0, 0, 0, 6]),
      ...t3('carried_out', [1, 0, 0, 0, 0, 0, 1]),
      ...t4(zeros(15)),
    },
  },
  'single-other-2021.html': {
    agency: '示例区住房和城乡建设局',
    year: 2021,
    template: '2021',
    cells: {
      t2_rules_issued: 0,
      t2_rules_repealed: 0,
      t2_rules_in_force: 0,
      t2_normative_issued: 4,
      t2_normative_repealed: 2,
      t2_normative_in_force: 30,
      t2_licensing: 2210,
      t2_penalty: 17,
      t2_coercion: 0,
      t2_fees: null,
      ...t3('new', [18, 3, 0, 0, 1, 0, 22]),
      ...t3('carried_in', [2, 0, 0, 0, 0, 0, 2]),
      ...t3('granted', [9, 2, 0, 0, 1, 0, 12]),
      ...t3('partial', [1, 0, 0, 0, 0, 0, 1]),
      ...Object.assign(
        {},
        ...[
          'denied_secret',
          'denied_law',
          'denied_safety',
          'denied_third_party',
          'denied_internal',
          'denied_process',
          'denied_enforcement',
          'denied_inquiry',
          'unable_needs_creation',
          'unable_unclear',
          'rejected_petition',
          'rejected_publication',
          'rejected_excessive',
          'rejected_confirmation',
        ].map((r) => t3(r, zeros(7))),
      ),
      ...t3('unable_not_held', [6, 1, 0, 0, 0, 0, 7]),
      ...t3('rejected_duplicate', [1, 0, 0, 0, 0, 0, 1]),
      ...t3('other_single', [2, 0, 0, 0, 0, 0, 2]),
      ...t3('total', [19, 3, 0, 0, 1, 0, 23]),
      ...t3('carried_out', [1, 0, 0, 0, 0, 0, 1]),
      ...t4([0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]),
    },
  },
};

// ---------------------------------------------------------------------------------------- main

const mainTruth = truthCsv(AGENCY, YEAR, '2021', truthCells());
const write = (name: string, data: string | Uint8Array) => writeFileSync(join(OUT, name), data);

write('report-2021.html', mainHtml());
write('report-2021.docx', mainDocx());
write('report-2021.layout.txt', mainLayoutText());
write('report-2021.raw.txt', mainRawText());
// Truth files are named by base name: report-2021.truth.csv serves the .html, .docx and .pdf.
for (const base of ['report-2021', 'report-2021.layout', 'report-2021.raw']) write(`${base}.truth.csv`, mainTruth);
const pdfOk = printPdf(join(OUT, 'report-2021.html'), join(OUT, 'report-2021.pdf'));
const scannedHtml = join(OUT, '_scanned.html');
writeFileSync(scannedHtml, SCANNED_HTML);
printPdf(scannedHtml, join(OUT, 'scanned.pdf'));
rmSync(scannedHtml);
for (const [name, t] of Object.entries(HAND)) {
  if (!existsSync(join(OUT, name))) console.warn(`hand-written fixture missing: ${name}`);
  write(`${name.replace(/\.[a-z]+$/, '')}.truth.csv`, truthCsv(t.agency, t.year, t.template, t.cells));
}
console.log(`fixtures written to ${OUT}${pdfOk ? '' : ' (without PDFs)'}`);
void readFileSync;
