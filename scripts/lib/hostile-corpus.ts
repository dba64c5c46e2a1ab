/**
 * The hostile-input corpus: dataset files, report documents and links built to break the app —
 * odd encodings and separators, numbers and years that are not what they seem, names carrying
 * script, files that lie about their size, documents that are slow to read — each with the outcome
 * the app must give. `npm run hostile:corpus` writes the small files to tests/fixtures/hostile/;
 * large ones (zip bombs, files over the limits, megabytes of HTML) are made here on the fly by the
 * tests, never committed.
 *
 * An accepted case lists every way the app changes what it read (its normalisations, in words) and
 * the rows it must hold; a refused case gives the issue (code, row, column) and words of the fix
 * its message must contain.
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { datasetParquet } from '@/domain/parquet';
import { LOAD_LIMITS, type LoadIssueCode } from '@/data/load/issues';
import { ZIP_LIMITS } from '@/domain/zip';
import { crc32 } from '../fixtures/zip';

// --- what a case expects --------------------------------------------------------------------------

export type Row = Readonly<Record<string, string | number | null>>;

export type DatasetExpect =
  | {
      readonly outcome: 'accepted';
      /** Every way the loaded data differs from the file's text, in words ("none" when it does not). */
      readonly normalisations: readonly string[];
      /** The rows `reports` holds afterwards (the columns named in the first row, ordered by agency and year). */
      readonly rows: readonly Row[];
    }
  | {
      readonly outcome: 'refused';
      /** The first issue: its code and, where the file allows, its row and column. */
      readonly issue: { readonly code: LoadIssueCode; readonly row?: number; readonly column?: string };
      /** Words of the fix that the Chinese message must contain. */
      readonly fix: string;
    };

export interface DatasetCase {
  readonly id: string;
  readonly kind: 'dataset';
  /** The file name the user would load (every message names it). */
  readonly file: string;
  readonly about: string;
  /** Small enough to commit under tests/fixtures/hostile/ (otherwise made at test time). */
  readonly committed: boolean;
  readonly make: () => Uint8Array;
  readonly expect: DatasetExpect;
}

export type DocumentExpect =
  | {
      readonly outcome: 'read';
      readonly normalisations: readonly string[];
      /** Cells that must be read as these numbers (a sample; the tests compare with the clean report). */
      readonly cells?: Readonly<Record<string, number>>;
      /** The clean document whose cells this one must match exactly. */
      readonly sameAs?: string;
      /** Warning codes the report must carry. */
      readonly warnings?: readonly string[];
      /** Read, but nothing in it is a report's table: no cells, and the warnings say why. */
      readonly empty?: boolean;
    }
  | {
      readonly outcome: 'refused';
      /** The error-level warning the report carries instead of cells. */
      readonly code: string;
      readonly fix: string;
    };

export interface DocumentCase {
  readonly id: string;
  readonly kind: 'document';
  readonly file: string;
  readonly about: string;
  readonly committed: boolean;
  readonly make: () => Uint8Array;
  readonly expect: DocumentExpect;
}

export interface UrlCase {
  readonly id: string;
  readonly kind: 'url';
  readonly about: string;
  /** The route's view as the router names it. */
  readonly view: string;
  /** The hash path opened, e.g. `/compare`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The canonical query the link reads as (what the app writes back), without `v`. */
  readonly canonical: Readonly<Record<string, string>>;
  /** The dataset the link names and the app cannot show: it says so and shows no figures instead. */
  readonly missingDataset?: boolean;
}

export type HostileCase = DatasetCase | DocumentCase | UrlCase;

// --- builders -------------------------------------------------------------------------------------

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (rel: string) => new Uint8Array(readFileSync(`${root}tests/fixtures/${rel}`));
const utf8 = (s: string) => new TextEncoder().encode(s);

const HEAD = 'agency_id,agency_name,year,level,kind,t3_new_total';
/** A wide CSV of the head above: one line per row, written as given. */
const wide = (...lines: string[]) => utf8(`${HEAD}\n${lines.join('\n')}\n`);
/** A CSV field: quoted (quotes doubled) when it holds a separator, quote or line break. */
const q = (field: string) => (/[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
const ok = (value: string, id = 'a', name = '甲局', year = '2021') =>
  `${q(id)},${q(name)},${year},county,department,${value}`;

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = `${bom ? '\uFEFF' : ''}${text}`;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = c & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** GBK bytes of ASCII and the few characters the corpus uses (Node has no GBK encoder). */
const GBK: Record<string, readonly number[]> = {
  甲: [0xbc, 0xd7],
  乙: [0xd2, 0xd2],
  局: [0xbe, 0xd6],
  办: [0xb0, 0xec],
  某: [0xc4, 0xb3],
  市: [0xca, 0xd0],
  统: [0xcd, 0xb3],
  计: [0xbc, 0xc6],
};
function gbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else if (GBK[ch]) out.push(...(GBK[ch] as number[]));
    else throw new Error(`no GBK bytes for ${ch}`);
  }
  return new Uint8Array(out);
}

/** One entry of a ZIP: plain data (deflated here), or raw deflate data with the size it says it has. */
type ZipPart =
  | { readonly name: string; readonly data: string | Uint8Array }
  | { readonly name: string; readonly deflated: Uint8Array; readonly declaredSize: number };

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A ZIP of deflated entries (as Excel and Word write them). */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = utf8(part.name);
    let data: Uint8Array;
    let size: number;
    let crc: number;
    if ('data' in part) {
      const plain = typeof part.data === 'string' ? utf8(part.data) : part.data;
      data = new Uint8Array(deflateRawSync(plain));
      size = plain.length;
      crc = crc32(plain);
    } else {
      data = part.deflated;
      size = part.declaredSize;
      crc = 0; // a bomb's checksum is never reached: it is refused before
    }
    const header = (central_: boolean) => {
      const h = new DataView(new ArrayBuffer(central_ ? 46 : 30));
      const o = central_ ? 2 : 0;
      h.setUint32(0, central_ ? 0x02014b50 : 0x04034b50, true);
      if (central_) h.setUint16(4, 20, true);
      h.setUint16(4 + o, 20, true);
      h.setUint16(6 + o, 0x0800, true);
      h.setUint16(8 + o, 8, true);
      h.setUint32(14 + o, crc, true);
      h.setUint32(18 + o, data.length, true);
      h.setUint32(22 + o, size, true);
      h.setUint16(26 + o, name.length, true);
      if (central_) h.setUint32(42, offset, true);
      return new Uint8Array(h.buffer);
    };
    local.push(header(false), name, data);
    central.push(header(true), name);
    offset += 30 + name.length + data.length;
  }
  const cdSize = central.reduce((a, c) => a + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  return concat([...local, ...central, new Uint8Array(end.buffer)]);
}

/**
 * Raw deflate data that inflates to `head`, then `mib` MiB of spaces, then `tail`: made of blocks
 * compressed apart and joined (each ends byte-aligned and not final), so a gigabyte costs a
 * megabyte and a fraction of a second to make.
 */
export function deflateBomb(head: string, mib: number, tail: string): Uint8Array {
  const flush = (b: Uint8Array) => new Uint8Array(deflateRawSync(b, { finishFlush: 2 /* Z_SYNC_FLUSH */ }));
  const block = flush(new Uint8Array(1024 * 1024).fill(0x20));
  const parts = [flush(utf8(head))];
  for (let i = 0; i < mib; i++) parts.push(block);
  parts.push(new Uint8Array(deflateRawSync(utf8(tail))));
  return concat(parts);
}

const NS = 'http://schemas.openxmlformats.org';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colName = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + colName(i % 26);

type XlsxValue = string | number | null | { readonly formula: string };

function sheetXml(rows: readonly (readonly XlsxValue[])[]): string {
  const body = rows
    .map((r, i) => {
      const cells = r.map((v, j) => {
        const ref = `${colName(j)}${i + 1}`;
        if (v === null) return '';
        if (typeof v === 'object') return `<c r="${ref}"><f>${esc(v.formula)}</f></c>`;
        if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
        return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
      });
      return `<row r="${i + 1}">${cells.join('')}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** Every part of a one-sheet workbook except the sheet itself. */
const XLSX_FRAME: readonly ZipPart[] = [
  {
    name: '[Content_Types].xml',
    data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  },
  {
    name: '_rels/.rels',
    data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  },
  {
    name: 'xl/workbook.xml',
    data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="reports" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  },
];

const xlsxOf = (rows: readonly (readonly XlsxValue[])[]) =>
  zipOf([...XLSX_FRAME, { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows) }]);

const XLSX_HEAD = ['agency_id', 'agency_name', 'year', 'level', 'kind', 't3_new_total'];

/** A workbook whose sheet inflates to `mib` MiB; its directory says so, or (lying) says 1 KB. */
function xlsxBomb(mib: number, lying: boolean): Uint8Array {
  const head = sheetXml([XLSX_HEAD, ['a', '甲局', 2021, 'county', 'department', 1]]).replace('</sheetData>', '');
  const deflated = deflateBomb(head, mib, '</sheetData></worksheet>');
  const size = head.length + mib * 1024 * 1024 + 24;
  return zipOf([
    ...XLSX_FRAME,
    { name: 'xl/worksheets/sheet1.xml', deflated, declaredSize: lying ? 1024 : Math.min(size, 0xfffffffe) },
  ]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DOCX_FRAME: readonly ZipPart[] = [
  {
    name: '[Content_Types].xml',
    data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  },
  {
    name: '_rels/.rels',
    data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  },
];
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const docXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${NS}/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${body}</w:body></w:document>`;

/** A DOCX whose document inflates to `mib` MiB (its directory says so, or lies). */
function docxBomb(mib: number, lying: boolean): Uint8Array {
  const head = docXml(para('示例局2021年政府信息公开工作年度报告')).replace('</w:body></w:document>', '');
  const deflated = deflateBomb(head, mib, '</w:body></w:document>');
  const size = head.length + mib * 1024 * 1024 + 22;
  return zipOf([
    ...DOCX_FRAME,
    { name: 'word/document.xml', deflated, declaredSize: lying ? 2048 : Math.min(size, 0xfffffffe) },
  ]);
}

/** A DOCX of the lines of a text report, with a picture of `imageMib` MiB in the middle. */
function docxWithImage(lines: readonly string[], imageMib: number): Uint8Array {
  const drawing =
    '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="big"/>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    '<pic:nvPicPr><pic:cNvPr id="1" name="big.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>' +
    '</wp:inline></w:drawing></w:r></w:p>';
  const half = Math.floor(lines.length / 2);
  const body = [...lines.slice(0, half).map(para), drawing, ...lines.slice(half).map(para)].join('');
  // Not a picture anyone could see: PNG's signature, then noise that does not compress.
  const image = new Uint8Array(imageMib * 1024 * 1024);
  let x = 2463534242;
  for (let i = 0; i < image.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    image[i] = x & 0xff;
  }
  image.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return zipOf([
    ...DOCX_FRAME,
    {
      name: 'word/_rels/document.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rIdImg" Type="${NS}/officeDocument/2006/relationships/image" Target="media/big.png"/></Relationships>`,
    },
    { name: 'word/document.xml', data: docXml(body) },
    { name: 'word/media/big.png', data: image },
  ]);
}

/** A minimal PDF of the given objects, with a correct cross-reference table. */
function pdfOf(objects: readonly string[], trailer: string): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}
const hex = (n: number) => `<${'ab'.repeat(n)}>`;

const REPORT_HTML = () => new TextDecoder().decode(fixture('ingest/report-2021.html'));
const REPORT_TEXT = () => new TextDecoder().decode(fixture('ingest/flat-2022.txt'));

/** Script, event handlers and active content spread through a real report page. */
function withPayloads(html: string): string {
  const payload =
    '<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)></svg>' +
    '<iframe src="javascript:alert(1)"></iframe><object data="x.swf"></object><embed src="x.swf">' +
    '<a href="javascript:alert(1)" onclick="alert(1)">链接</a><style>body{background:url(javascript:alert(1))}</style>';
  return html
    .replace(/<body[^>]*>/i, (m) => `${m}${payload}`)
    .replace(/<td/gi, '<td onmouseover="alert(1)"')
    .replace(/<\/table>/i, `</table>${payload}`);
}

const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_SCRIPT = '<script>alert(1)</script>';

// --- the cases ------------------------------------------------------------------------------------

export const DATASET_CASES: readonly DatasetCase[] = [
  // Encodings
  ...(
    [
      ['utf16le-bom', true, true],
      ['utf16le-nobom', true, false],
      ['utf16be-bom', false, true],
      ['utf16be-nobom', false, false],
    ] as const
  ).map(([id, le, bom]): DatasetCase => ({
    id,
    kind: 'dataset',
    file: `${id}.csv`,
    about: `UTF-16 ${le ? 'little' : 'big'}-endian ${bom ? 'with' : 'without'} a byte-order mark`,
    committed: true,
    make: () => utf16(`${HEAD}\n${ok('12')}\n`, le, bom),
    expect: {
      outcome: 'accepted',
      normalisations: ['decoded from UTF-16'],
      rows: [{ agency_id: 'a', agency_name: '甲局', t3_new_total: 12 }],
    },
  })),
  {
    id: 'gbk',
    kind: 'dataset',
    file: 'gbk.csv',
    about: 'GBK bytes, as Excel in Chinese saves "CSV"',
    committed: true,
    make: () => gbk(`${HEAD}\n${ok('7', 'a', '某市统计局')}\n${ok('8', 'b', '乙办')}\n`),
    expect: {
      outcome: 'accepted',
      normalisations: ['decoded from GB18030'],
      rows: [
        { agency_id: 'a', agency_name: '某市统计局', t3_new_total: 7 },
        { agency_id: 'b', agency_name: '乙办', t3_new_total: 8 },
      ],
    },
  },
  {
    id: 'utf8-bom',
    kind: 'dataset',
    file: 'utf8-bom.csv',
    about: 'UTF-8 with a byte-order mark before the first header',
    committed: true,
    make: () => utf8(`\uFEFF${HEAD}\n${ok('3')}\n`),
    expect: {
      outcome: 'accepted',
      normalisations: ['byte-order mark dropped (agency_id is still found)'],
      rows: [{ agency_id: 'a', t3_new_total: 3 }],
    },
  },
  // Separators
  {
    id: 'semicolon',
    kind: 'dataset',
    file: 'semicolon.csv',
    about: 'semicolon-separated, as European spreadsheets write CSV',
    committed: true,
    make: () => utf8(`${HEAD}\n${ok('5')}\n`.replaceAll(',', ';')),
    expect: {
      outcome: 'accepted',
      normalisations: ['separator ; detected'],
      rows: [{ agency_id: 'a', t3_new_total: 5 }],
    },
  },
  {
    id: 'tab',
    kind: 'dataset',
    file: 'tab.tsv',
    about: 'tab-separated',
    committed: true,
    make: () => utf8(`${HEAD}\n${ok('6')}\n`.replaceAll(',', '\t')),
    expect: {
      outcome: 'accepted',
      normalisations: ['separator tab detected'],
      rows: [{ agency_id: 'a', t3_new_total: 6 }],
    },
  },
  // Numbers
  ...(
    [
      ['nan', 'NaN', 'not_finite', '请填写数字'],
      ['infinity', 'Infinity', 'not_finite', '请填写数字'],
      ['minus-infinity', '-Infinity', 'not_finite', '请填写数字'],
      ['huge-exponent', '1e400', 'not_finite', '请填写数字'],
      ['negative', '-3', 'negative', '不能为负'],
      ['decimal', '12.5', 'not_integer', '必须为整数'],
      ['thousands', q('1,234'), 'not_a_number', '请填写数字'],
      ['full-width-digits', '１２', 'not_a_number', '请填写数字'],
      ['word-number', '十二', 'not_a_number', '请填写数字'],
      ['too-large', '1e16', 'too_large', '检查'],
    ] as const
  ).map(([id, value, code, fix]): DatasetCase => ({
    id,
    kind: 'dataset',
    file: `${id}.csv`,
    about: `a count written as ${value}`,
    committed: true,
    make: () => wide(ok('1', 'a'), ok(value, 'b', '乙局')),
    expect: { outcome: 'refused', issue: { code, row: 3, column: 't3_new_total' }, fix },
  })),
  {
    id: 'zero-and-blank',
    kind: 'dataset',
    file: 'zero-and-blank.csv',
    about: 'a 0 and a blank count: the blank stays "not reported", never 0',
    committed: true,
    make: () => wide(ok('0', 'a'), ok('', 'b', '乙局')),
    expect: {
      outcome: 'accepted',
      normalisations: ['blank cell kept as null (not reported)'],
      rows: [
        { agency_id: 'a', t3_new_total: 0 },
        { agency_id: 'b', t3_new_total: null },
      ],
    },
  },
  // Years
  ...(
    [
      ['year-fraction', '2021.6'],
      ['year-zero', '0000'],
      ['year-far', '9999'],
      ['year-blank', ''],
      ['year-text', '二〇二一'],
    ] as const
  ).map(([id, year]): DatasetCase => ({
    id,
    kind: 'dataset',
    file: `${id}.csv`,
    about: `the year written as "${year}"`,
    committed: true,
    make: () => wide(ok('1'), ok('2', 'b', '乙局', year)),
    expect: { outcome: 'refused', issue: { code: 'bad_year', row: 3, column: 'year' }, fix: '四位年份' },
  })),
  {
    id: 'year-spreadsheet',
    kind: 'dataset',
    file: 'year-spreadsheet.csv',
    about: 'a year a spreadsheet wrote as 2021.0',
    committed: true,
    make: () => wide(ok('1', 'a', '甲局', '2021.0')),
    expect: {
      outcome: 'accepted',
      normalisations: ['year 2021.0 read as 2021'],
      rows: [{ agency_id: 'a', year: 2021 }],
    },
  },
  // Identity text
  {
    id: 'comma-in-name',
    kind: 'dataset',
    file: 'comma-in-name.csv',
    about: 'a quoted name with a comma inside',
    committed: true,
    make: () => wide(ok('1', 'a,1', '某局,某办')),
    expect: {
      outcome: 'accepted',
      normalisations: ['comma kept in id and name'],
      rows: [{ agency_id: 'a,1', agency_name: '某局,某办' }],
    },
  },
  {
    id: 'formula-names',
    kind: 'dataset',
    file: 'formula-names.csv',
    about: 'names starting with = + - @ (formula injection in a spreadsheet)',
    committed: true,
    make: () =>
      wide(
        ok('1', 'f1', '=HYPERLINK("http://x","点我")'),
        ok('2', 'f2', '+1+1'),
        ok('3', 'f3', '-2+3'),
        ok('4', 'f4', '@SUM(A1)'),
      ),
    expect: {
      outcome: 'accepted',
      normalisations: ['none: kept as written (CSV exports put an apostrophe before them)'],
      rows: [
        { agency_id: 'f1', agency_name: '=HYPERLINK("http://x","点我")' },
        { agency_id: 'f2', agency_name: '+1+1' },
        { agency_id: 'f3', agency_name: '-2+3' },
        { agency_id: 'f4', agency_name: '@SUM(A1)' },
      ],
    },
  },
  {
    id: 'xss-names',
    kind: 'dataset',
    file: 'xss-names.csv',
    about: 'names and ids carrying HTML and script',
    committed: true,
    make: () =>
      wide(
        ok('1', 'x1', XSS_IMG),
        ok('2', 'x2', XSS_SCRIPT),
        ok('3', '<b>x3</b>', '"><svg onload=alert(1)>'),
        ok('4', 'x4', 'javascript:alert(1)'),
      ),
    expect: {
      outcome: 'accepted',
      normalisations: ['none: kept as text, shown escaped'],
      rows: [
        { agency_id: '<b>x3</b>', agency_name: '"><svg onload=alert(1)>' },
        { agency_id: 'x1', agency_name: XSS_IMG },
        { agency_id: 'x2', agency_name: XSS_SCRIPT },
        { agency_id: 'x4', agency_name: 'javascript:alert(1)' },
      ],
    },
  },
  {
    id: 'long-name',
    kind: 'dataset',
    file: 'long-name.csv',
    about: 'a name of 20,000 characters',
    committed: false,
    make: () => wide(ok('1', 'long', '局'.repeat(20_000))),
    expect: {
      outcome: 'accepted',
      normalisations: ['none: kept whole'],
      rows: [{ agency_id: 'long', agency_name: '局'.repeat(20_000) }],
    },
  },
  {
    id: 'control-chars',
    kind: 'dataset',
    file: 'control-chars.csv',
    about: 'control characters (bell, escape, backspace) inside a name',
    committed: true,
    make: () => wide(ok('1', 'c', '甲\u0007局\u001b[31m\u0008')),
    expect: {
      outcome: 'accepted',
      normalisations: ['none: kept as written'],
      rows: [{ agency_id: 'c', agency_name: '甲\u0007局\u001b[31m\u0008' }],
    },
  },
  {
    id: 'rtl-marks',
    kind: 'dataset',
    file: 'rtl-marks.csv',
    about: 'right-to-left override and zero-width characters in a name',
    committed: true,
    make: () => wide(ok('1', 'r', '\u202e局甲\u202c\u200b')),
    expect: {
      outcome: 'accepted',
      normalisations: ['none: kept as written'],
      rows: [{ agency_id: 'r', agency_name: '\u202e局甲\u202c\u200b' }],
    },
  },
  {
    id: 'blank-identity',
    kind: 'dataset',
    file: 'blank-identity.csv',
    about: 'a row without an agency id',
    committed: true,
    make: () => wide(ok('1'), ok('2', '', '乙局')),
    expect: { outcome: 'refused', issue: { code: 'empty_identity', row: 3, column: 'agency_id' }, fix: 'agency_id' },
  },
  {
    id: 'duplicate-report',
    kind: 'dataset',
    file: 'duplicate-report.csv',
    about: 'the same agency and year twice',
    committed: true,
    make: () => wide(ok('1'), ok('2')),
    expect: {
      outcome: 'refused',
      issue: { code: 'duplicate_report', row: 3, column: 'agency_id' },
      fix: '每年只能有一行',
    },
  },
  // CSV structure
  {
    id: 'unterminated-quote',
    kind: 'dataset',
    file: 'unterminated-quote.csv',
    about: 'a quote opened and never closed',
    committed: true,
    make: () => wide(ok('1'), 'b,"乙局,2021,county,department,2'),
    expect: { outcome: 'refused', issue: { code: 'csv_unterminated_quote', row: 3 }, fix: '补上或删除' },
  },
  {
    id: 'extra-columns',
    kind: 'dataset',
    file: 'extra-columns.csv',
    about: 'a row with more fields than the header',
    committed: true,
    make: () => wide(ok('1'), `${ok('2', 'b', '乙局')},3,4`),
    expect: { outcome: 'refused', issue: { code: 'csv_too_many_columns', row: 3 }, fix: '分隔符' },
  },
  {
    id: 'unknown-column',
    kind: 'dataset',
    file: 'unknown-column.csv',
    about: 'a column that is not in the contract, named with script',
    committed: true,
    make: () => utf8(`${HEAD},<script>x</script>\n${ok('1')},9\n`),
    expect: {
      outcome: 'refused',
      issue: { code: 'unknown_column', row: 1, column: '<script>x</script>' },
      fix: '删除该列',
    },
  },
  {
    id: 'empty',
    kind: 'dataset',
    file: 'empty.csv',
    about: 'a file of zero bytes',
    committed: true,
    make: () => new Uint8Array(0),
    expect: { outcome: 'refused', issue: { code: 'empty' }, fix: '没有数据行' },
  },
  {
    id: 'header-only',
    kind: 'dataset',
    file: 'header-only.csv',
    about: 'a header and no rows',
    committed: true,
    make: () => utf8(`${HEAD}\n`),
    expect: { outcome: 'refused', issue: { code: 'empty' }, fix: '没有数据行' },
  },
  {
    id: 'binary-garbage',
    kind: 'dataset',
    file: 'binary-garbage.csv',
    about: 'NUL bytes and noise named .csv',
    committed: true,
    make: () => {
      const b = new Uint8Array(4096);
      for (let i = 0; i < b.length; i++) b[i] = (i * 131 + 7) % 256;
      return b;
    },
    // Its first line ends with a bare CR; the first bare LF (row 2) is where the reader stops.
    expect: { outcome: 'refused', issue: { code: 'csv_malformed', row: 2 }, fix: '分隔符与引号' },
  },
  {
    id: 'docx-as-dataset',
    kind: 'dataset',
    file: 'report.docx',
    about: 'a Word file chosen as a dataset',
    committed: true,
    make: () => zipOf([...DOCX_FRAME, { name: 'word/document.xml', data: docXml(para('x')) }]),
    expect: { outcome: 'refused', issue: { code: 'unsupported_format' }, fix: '.csv' },
  },
  // Sizes (made at test time)
  {
    id: 'blank-header-columns',
    kind: 'dataset',
    file: 'blank-header-columns.csv',
    about: '5,000 columns without a header, one of them holding a value',
    committed: false,
    make: () => {
      const blanks = 5_000;
      const row = (at: number) => `${Array.from({ length: blanks }, (_, k) => (k === at ? '7' : '')).join(',')}`;
      return utf8(`${HEAD}${','.repeat(blanks)}\n${ok('1')},${row(-1)}\n${ok('2', 'b', '乙局')},${row(4_320)}\n`);
    },
    // Column 6 + 4,321 = 4,327 → letters F, J, K.
    expect: { outcome: 'refused', issue: { code: 'blank_header', row: 3, column: 'FJK' }, fix: '填上列名' },
  },
  {
    id: 'too-many-rows',
    kind: 'dataset',
    file: 'too-many-rows.csv',
    about: `${(LOAD_LIMITS.maxRows + 1).toLocaleString('en-US')} rows, one over the limit`,
    committed: false,
    make: () => utf8(`${HEAD}\n${'a,甲局,2021,county,department,1\n'.repeat(LOAD_LIMITS.maxRows + 1)}`),
    expect: { outcome: 'refused', issue: { code: 'too_many_rows' }, fix: '拆成几个较小的文件' },
  },
  {
    id: 'too-many-bytes',
    kind: 'dataset',
    file: 'too-many-bytes.csv',
    about: 'one byte over the file size limit',
    committed: false,
    make: () => new Uint8Array(LOAD_LIMITS.maxBytes + 1).fill(0x30),
    expect: { outcome: 'refused', issue: { code: 'file_too_large' }, fix: '拆成几个较小的文件' },
  },
  // Parquet
  {
    id: 'parquet-ok',
    kind: 'dataset',
    file: 'parquet-ok.parquet',
    about: 'a valid Parquet file of the contract, with a script-carrying name',
    committed: true,
    make: () =>
      datasetParquet(
        1,
        (_, k) =>
          ({
            agency_id: 'p',
            agency_name: XSS_IMG,
            year: 2021,
            template: '2021',
            level: 'county',
            kind: 'department',
            t3_new_total: 4,
          })[k] ?? null,
      ),
    expect: {
      outcome: 'accepted',
      normalisations: ['none'],
      rows: [{ agency_id: 'p', agency_name: XSS_IMG, t3_new_total: 4 }],
    },
  },
  {
    id: 'parquet-truncated',
    kind: 'dataset',
    file: 'parquet-truncated.parquet',
    about: 'a Parquet file cut in half',
    committed: true,
    make: () => {
      const b = fixtureParquet();
      return b.slice(0, Math.floor(b.length / 2));
    },
    expect: { outcome: 'refused', issue: { code: 'unreadable' }, fix: '重新导出' },
  },
  {
    id: 'parquet-bad-magic',
    kind: 'dataset',
    file: 'parquet-bad-magic.parquet',
    about: 'a Parquet file whose magic bytes are wrong',
    committed: true,
    make: () => {
      const b = fixtureParquet();
      b.set(utf8('PAR2'), 0);
      b.set(utf8('PAR2'), b.length - 4);
      return b;
    },
    expect: { outcome: 'refused', issue: { code: 'unreadable' }, fix: '重新导出' },
  },
  {
    id: 'parquet-nan',
    kind: 'dataset',
    file: 'parquet-nan.parquet',
    about: 'a typed Parquet file with NaN in a count',
    committed: true,
    make: () =>
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'agency_id', type: 'STRING', data: ['a', 'b'] },
            { name: 'agency_name', type: 'STRING', data: ['甲局', '乙局'] },
            { name: 'year', type: 'INT32', data: [2021, 2021] },
            { name: 'level', type: 'STRING', data: ['county', 'county'] },
            { name: 'kind', type: 'STRING', data: ['department', 'department'] },
            { name: 't3_new_total', type: 'DOUBLE', data: [1, Number.NaN] },
          ],
        }),
      ),
    expect: { outcome: 'refused', issue: { code: 'not_finite', row: 2, column: 't3_new_total' }, fix: '请填写数字' },
  },
  // XLSX
  {
    id: 'xlsx-ok',
    kind: 'dataset',
    file: 'xlsx-ok.xlsx',
    about: 'a valid workbook with a script-carrying name',
    committed: true,
    make: () => xlsxOf([XLSX_HEAD, ['x', XSS_SCRIPT, 2021, 'county', 'department', 9]]),
    expect: {
      outcome: 'accepted',
      normalisations: ['none'],
      rows: [{ agency_id: 'x', agency_name: XSS_SCRIPT, t3_new_total: 9 }],
    },
  },
  {
    id: 'xlsx-not-zip',
    kind: 'dataset',
    file: 'xlsx-not-zip.xlsx',
    about: 'text named .xlsx',
    committed: true,
    make: () => utf8(`${HEAD}\n${ok('1')}\n`),
    expect: { outcome: 'refused', issue: { code: 'unreadable' }, fix: '重新导出' },
  },
  {
    id: 'xlsx-no-sheet',
    kind: 'dataset',
    file: 'xlsx-no-sheet.xlsx',
    about: 'a ZIP with a workbook but no sheet',
    committed: true,
    make: () => zipOf(XLSX_FRAME),
    expect: { outcome: 'refused', issue: { code: 'unreadable' }, fix: '重新导出' },
  },
  {
    id: 'xlsx-formula',
    kind: 'dataset',
    file: 'xlsx-formula.xlsx',
    about: 'a formula cell saved without its result',
    committed: true,
    make: () =>
      xlsxOf([
        XLSX_HEAD,
        ['a', '甲局', 2021, 'county', 'department', 1],
        ['b', '乙局', 2021, 'county', 'department', { formula: 'F2*2' }],
      ]),
    expect: {
      outcome: 'refused',
      issue: { code: 'formula_without_value', row: 3, column: 't3_new_total' },
      fix: '粘贴为数值',
    },
  },
  {
    id: 'xlsx-bomb',
    kind: 'dataset',
    file: 'xlsx-bomb.xlsx',
    about: 'a 1 MB workbook whose sheet inflates to 1 GB, and says so',
    committed: false,
    make: () => xlsxBomb(1024, false),
    expect: { outcome: 'refused', issue: { code: 'zip_too_large' }, fix: '另存为 CSV' },
  },
  {
    id: 'xlsx-bomb-lying',
    kind: 'dataset',
    file: 'xlsx-bomb-lying.xlsx',
    about: 'a workbook whose sheet inflates to 1 GB while its directory says 1 KB',
    committed: false,
    make: () => xlsxBomb(1024, true),
    expect: { outcome: 'refused', issue: { code: 'zip_too_large' }, fix: '另存为 CSV' },
  },
  // Long files
  {
    id: 'long-template',
    kind: 'dataset',
    file: 'long-template.csv',
    about: 'a long file (one row per cell) with a template column',
    committed: true,
    make: () =>
      utf8(
        'agency_id,agency_name,year,template,level,kind,cell,value\n' +
          'a,甲局,2023,2019,county,department,t2v19_rules_made,4\n' +
          'a,甲局,2023,2019,county,department,t3_new_total,\n',
      ),
    expect: {
      outcome: 'accepted',
      normalisations: ['template taken from its column, not the year', 'blank value kept as null'],
      rows: [{ agency_id: 'a', year: 2023, template: '2019', t2v19_rules_made: 4, t3_new_total: null }],
    },
  },
  {
    id: 'long-duplicate-cell',
    kind: 'dataset',
    file: 'long-duplicate-cell.csv',
    about: 'a long file giving one cell twice',
    committed: true,
    make: () =>
      utf8(
        'agency_id,agency_name,year,level,kind,cell,value\n' +
          'a,甲局,2023,county,department,t3_new_total,4\n' +
          'a,甲局,2023,county,department,t3_new_total,5\n',
      ),
    expect: { outcome: 'refused', issue: { code: 'duplicate_cell', row: 3, column: 'agency_id' }, fix: '重复' },
  },
  {
    id: 'long-unknown-cell',
    kind: 'dataset',
    file: 'long-unknown-cell.csv',
    about: 'a long file naming a cell with script',
    committed: true,
    make: () =>
      utf8(
        'agency_id,agency_name,year,level,kind,cell,value\na,甲局,2023,county,department,<img src=x onerror=alert(1)>,4\n',
      ),
    expect: { outcome: 'refused', issue: { code: 'unknown_cell', row: 2, column: 'cell' }, fix: 'datasets/README.md' },
  },
];

function fixtureParquet(): Uint8Array {
  return datasetParquet(
    3,
    (r, k) =>
      ({
        agency_id: `q${r}`,
        agency_name: '甲局',
        year: 2021,
        template: '2021',
        level: 'county',
        kind: 'department',
        t3_new_total: r,
      })[k] ?? null,
  );
}

export const DOCUMENT_CASES: readonly DocumentCase[] = [
  {
    id: 'html-clean',
    kind: 'document',
    file: 'report-2021.html',
    about: 'the clean report page the others are made from',
    committed: false,
    make: () => fixture('ingest/report-2021.html'),
    expect: { outcome: 'read', normalisations: ['none'] },
  },
  {
    id: 'html-script',
    kind: 'document',
    file: 'script-2021.html',
    about: 'a report page with script tags, event handlers, iframes, objects and javascript: links',
    committed: true,
    make: () => utf8(withPayloads(REPORT_HTML())),
    expect: {
      outcome: 'read',
      normalisations: ['scripts, styles and event handlers ignored; only text is read'],
      sameAs: 'html-clean',
    },
  },
  {
    id: 'html-script-name',
    kind: 'document',
    file: 'script-name-2021.html',
    about: 'a report whose title carries markup meant to run',
    committed: true,
    make: () =>
      utf8(
        REPORT_HTML().replace(
          /<title>[^<]*<\/title>/i,
          `<title>&lt;img src=x onerror=alert(1)&gt;示例局2021年报</title>`,
        ),
      ),
    expect: { outcome: 'read', normalisations: ['entities decoded to text, never markup'], sameAs: 'html-clean' },
  },
  {
    id: 'html-unclosed',
    kind: 'document',
    file: 'unclosed.html',
    about: '645 KB of unclosed tags',
    committed: false,
    make: () => utf8('<td><div class="x" <tr '.repeat(28_000)),
    expect: { outcome: 'refused', code: 'no_tables', fix: '统计表' },
  },
  {
    id: 'html-spans',
    kind: 'document',
    file: 'spans.html',
    about: 'a 2 MB table of cells spanning 200 rows and 200 columns',
    committed: false,
    make: () => {
      const row = `<tr>${'<td rowspan=200 colspan=200>1</td>'.repeat(200)}</tr>`;
      return utf8(`<html><body><p>二、主动公开政府信息情况</p><table>${row.repeat(290)}</table></body></html>`);
    },
    // Read unmerged past the limit, no report's table is left: refused naming the file, not a blank row.
    expect: { outcome: 'refused', code: 'grid_too_large', fix: '另存为 PDF' },
  },
  {
    id: 'html-data-image',
    kind: 'document',
    file: 'data-image-2021.html',
    about: 'a report page with a 4 MB inline image',
    committed: false,
    make: () =>
      utf8(
        REPORT_HTML().replace(
          /<body[^>]*>/i,
          (m) => `${m}<img src="data:image/png;base64,${'A'.repeat(4 * 1024 * 1024)}">`,
        ),
      ),
    expect: { outcome: 'read', normalisations: ['image ignored'], sameAs: 'html-clean' },
  },
  {
    id: 'text-utf16',
    kind: 'document',
    file: 'flat-2022-utf16.txt',
    about: 'a text report in UTF-16 with a byte-order mark',
    committed: true,
    make: () => utf16(REPORT_TEXT(), true, true),
    expect: { outcome: 'read', normalisations: ['decoded from UTF-16'], sameAs: 'text-clean' },
  },
  {
    id: 'text-clean',
    kind: 'document',
    file: 'flat-2022.txt',
    about: 'the clean text report',
    committed: false,
    make: () => fixture('ingest/flat-2022.txt'),
    expect: { outcome: 'read', normalisations: ['none'] },
  },
  {
    id: 'text-empty',
    kind: 'document',
    file: 'empty.txt',
    about: 'an empty text file',
    committed: true,
    make: () => new Uint8Array(0),
    expect: { outcome: 'refused', code: 'no_tables', fix: '统计表' },
  },
  {
    id: 'pdf-encrypted',
    kind: 'document',
    file: 'encrypted.pdf',
    about: 'a password-protected PDF',
    committed: true,
    make: () =>
      pdfOf(
        [
          '<< /Type /Catalog /Pages 2 0 R >>',
          '<< /Type /Pages /Kids [] /Count 0 >>',
          `<< /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -4 >>`,
        ],
        `/Root 1 0 R /Encrypt 3 0 R /ID [${hex(16)} ${hex(16)}]`,
      ),
    expect: { outcome: 'refused', code: 'pdf_encrypted', fix: '另存为不加密' },
  },
  {
    id: 'pdf-corrupt',
    kind: 'document',
    file: 'corrupt.pdf',
    about: 'a PDF header followed by garbage',
    committed: true,
    make: () => utf8(`%PDF-1.7\n${'garbage '.repeat(50)}`),
    expect: { outcome: 'refused', code: 'pdf_invalid', fix: '重新下载' },
  },
  {
    id: 'pdf-truncated',
    kind: 'document',
    file: 'truncated.pdf',
    about: 'a real report PDF cut to its first 2 KB',
    committed: true,
    make: () => fixture('ingest/report-2021.pdf').slice(0, 2048),
    expect: { outcome: 'refused', code: 'pdf_invalid', fix: '重新下载' },
  },
  {
    id: 'docx-corrupt',
    kind: 'document',
    file: 'corrupt.docx',
    about: 'ZIP magic followed by garbage',
    committed: true,
    make: () => new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]),
    expect: { outcome: 'refused', code: 'docx_invalid', fix: '另存为 .docx' },
  },
  {
    id: 'docx-no-document',
    kind: 'document',
    file: 'no-document.docx',
    about: 'a ZIP without word/document.xml',
    committed: true,
    make: () => zipOf(DOCX_FRAME),
    expect: { outcome: 'refused', code: 'docx_invalid', fix: '另存为 .docx' },
  },
  {
    id: 'docx-bomb',
    kind: 'document',
    file: 'bomb.docx',
    about: `a 1 MB DOCX whose document inflates to 1 GB (limit ${ZIP_LIMITS.maxUncompressedBytes / 1024 / 1024} MB), and says so`,
    committed: false,
    make: () => docxBomb(1024, false),
    expect: { outcome: 'refused', code: 'docx_too_large', fix: '另存为 PDF' },
  },
  {
    id: 'docx-bomb-lying',
    kind: 'document',
    file: 'bomb-lying.docx',
    about: 'a DOCX whose document inflates to 1 GB while its directory says 2 KB',
    committed: false,
    make: () => docxBomb(1024, true),
    expect: { outcome: 'refused', code: 'docx_too_large', fix: '另存为 PDF' },
  },
  {
    id: 'docx-big-image',
    kind: 'document',
    file: 'big-image-2022.docx',
    about: 'the text report as DOCX with a 16 MB picture in the middle',
    committed: false,
    make: () => docxWithImage(REPORT_TEXT().split('\n'), 16),
    expect: { outcome: 'read', normalisations: ['picture never read'], sameAs: 'text-clean' },
  },
  {
    id: 'doc-ole',
    kind: 'document',
    file: 'old.doc',
    about: 'an old binary Word file',
    committed: true,
    make: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]),
    expect: { outcome: 'refused', code: 'unsupported_format', fix: '.docx' },
  },
];

/** Links tampered with by hand or by an attacker; each opens a working page and means no more than it can. */
export const URL_CASES: readonly UrlCase[] = [
  {
    id: 'page-exponent',
    kind: 'url',
    about: 'a page number of 1e400',
    view: 'compare',
    path: '/compare',
    query: { v: '1', 'cmp.page': '1e400' },
    canonical: {},
  },
  {
    id: 'page-huge',
    kind: 'url',
    about: 'a page number of 30 digits',
    view: 'compare',
    path: '/compare',
    query: { v: '1', 'cmp.page': '9'.repeat(30), 'cmp.min': '-5' },
    canonical: {},
  },
  {
    id: 'year-range',
    kind: 'url',
    about: 'years 0000–9999',
    view: 'overview',
    path: '/overview',
    query: { v: '1', y: '0000-9999' },
    canonical: {},
  },
  {
    id: 'year-fraction',
    kind: 'url',
    about: 'year 2021.6 and a base year 1e400',
    view: 'trends',
    path: '/trends',
    query: { v: '1', y: '2021.6', 'tr.base': '1e400' },
    canonical: {},
  },
  {
    id: 'unknown-dataset',
    kind: 'url',
    about: 'a dataset this browser does not have',
    view: 'overview',
    path: '/overview',
    query: { v: '1', ds: 'no-such-dataset' },
    canonical: { ds: 'no-such-dataset' },
    missingDataset: true,
  },
  {
    id: 'file-dataset',
    kind: 'url',
    about: 'someone else’s uploaded file, named with script',
    view: 'overview',
    path: '/overview',
    query: { v: '1', ds: `file:${XSS_IMG}.csv` },
    canonical: { ds: `file:${XSS_IMG}.csv` },
    missingDataset: true,
  },
  {
    id: 'javascript-dataset',
    kind: 'url',
    about: 'a dataset address of javascript:',
    view: 'data',
    path: '/data',
    query: { v: '1', ds: 'url:javascript:alert(1)' },
    canonical: { ds: 'url:javascript:alert(1)' },
    missingDataset: true,
  },
  {
    id: 'remote-dataset',
    kind: 'url',
    about: 'a dataset address on another host',
    view: 'overview',
    path: '/overview',
    query: { v: '1', ds: 'url:https://evil.example/x.csv' },
    canonical: { ds: 'url:https://evil.example/x.csv' },
    missingDataset: true,
  },
  {
    id: 'script-agencies',
    kind: 'url',
    about: 'picked agencies carrying script',
    view: 'compare',
    path: '/compare',
    query: { v: '1', ag: `${XSS_SCRIPT},${XSS_IMG}` },
    canonical: { ag: `${XSS_SCRIPT},${XSS_IMG}` },
  },
  {
    id: 'script-report-agency',
    kind: 'url',
    about: 'a report page for an agency named with script',
    view: 'report',
    path: '/report',
    query: { v: '1', 'rep.agency': XSS_IMG, 'rep.year': '9999', 'rep.check': XSS_SCRIPT },
    canonical: { 'rep.agency': XSS_IMG, 'rep.check': XSS_SCRIPT },
  },
  {
    id: 'script-lang',
    kind: 'url',
    about: 'a language and filters that are markup',
    view: 'overview',
    path: '/overview',
    query: { v: '1', lang: '<svg onload=alert(1)>', level: XSS_IMG, kind: 'x', prov: XSS_SCRIPT },
    canonical: { prov: XSS_SCRIPT },
  },
  {
    id: 'sql-rule',
    kind: 'url',
    about: 'a rule id written as SQL',
    view: 'quality',
    path: '/quality',
    query: { v: '1', 'q.rule': "R1' OR 1=1--", 'q.fp': '-1', 'q.sp': '0' },
    canonical: { 'q.rule': "R1' OR 1=1--" },
  },
  {
    id: 'unknown-route',
    kind: 'url',
    about: 'a path no view has',
    view: 'overview',
    path: '/no-such-view/<script>',
    query: { v: '1' },
    canonical: {},
  },
  {
    id: 'huge-value',
    kind: 'url',
    about: 'a picked-agency list of 60,000 characters',
    view: 'trends',
    path: '/trends',
    query: { v: '1', ag: Array.from({ length: 6_000 }, (_, i) => `ag-${String(i).padStart(5, '0')}`).join(',') },
    canonical: { ag: Array.from({ length: 6_000 }, (_, i) => `ag-${String(i).padStart(5, '0')}`).join(',') },
  },
  {
    id: 'legacy-exponent',
    kind: 'url',
    about: 'a link made before the schema with a page of 1e400',
    view: 'compare',
    path: '/compare',
    query: { cpage: '1e400', cscope: '<b>' },
    canonical: {},
  },
  {
    id: 'embed-script',
    kind: 'url',
    about: 'an embed of a card named with script and a pinned hash that is markup',
    view: 'overview',
    path: '/overview',
    query: { v: '1', embed: XSS_IMG, h: XSS_SCRIPT },
    canonical: { embed: XSS_IMG, h: XSS_SCRIPT },
  },
];

export const HOSTILE_CASES: readonly HostileCase[] = [...DATASET_CASES, ...DOCUMENT_CASES, ...URL_CASES];

/** Where committed cases live, relative to the project root. */
export const HOSTILE_DIR = 'tests/fixtures/hostile';
export const committedPath = (c: DatasetCase | DocumentCase) =>
  `${HOSTILE_DIR}/${c.kind === 'dataset' ? 'datasets' : 'documents'}/${c.file}`;
