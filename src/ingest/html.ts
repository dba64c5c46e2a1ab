/**
 * A small, tolerant, DOM-free HTML reader: tables become grids with rowspan/colspan expanded,
 * text outside tables becomes lines. Works in Node and in the browser; copes with unclosed
 * cells and rows, `<br>` inside labels, entities and attributes with backslash-escaped quotes
 * (as found in pages copied out of JSON or CMS exports).
 */
import type { SourceCell, SourceDocument, SourceFormat, SourceLine } from '@/ingest/types';
import { splitTextLine } from '@/ingest/text';

const NAMED: Record<string, string> = {
  nbsp: '\u00A0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  middot: '·',
  mdash: '—',
  ndash: '–',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  times: '×',
  yen: '¥',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

interface RawCell {
  text: string;
  rowspan: number;
  colspan: number;
}

interface RawTable {
  rows: RawCell[][];
}

type Block = { kind: 'text'; text: string } | { kind: 'table'; table: RawTable };

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'title',
  'blockquote',
  'pre',
  'hr',
  'caption',
  'body',
  'html',
]);

function spanAttr(attrs: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*\\\\?["']?\\s*(\\d+)`, 'i').exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 200) : 1;
}

/** Tokenise HTML into text blocks and raw tables (nested tables are read as separate tables). */
export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const stack: { table: RawTable; row: RawCell[] | null; cell: RawCell | null }[] = [];
  let text = '';
  const flushText = (): void => {
    if (text.trim()) blocks.push({ kind: 'text', text });
    text = '';
  };
  const top = (): (typeof stack)[number] | undefined => stack[stack.length - 1];
  const closeCell = (): void => {
    const t = top();
    if (t?.cell) t.cell = null;
  };
  const closeRow = (): void => {
    const t = top();
    if (!t) return;
    closeCell();
    if (t.row) t.table.rows.push(t.row);
    t.row = null;
  };
  const append = (s: string): void => {
    const t = top();
    if (!t) {
      text += s;
      return;
    }
    if (t.cell) t.cell.text += s;
    // Text directly inside <tr> or <table> but outside cells is dropped, as browsers do not show it
    // inside the table either.
  };

  const re =
    /<!--[\s\S]*?-->|<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const [, , closing, rawTag, attrs = '', chunk] = m;
    if (chunk !== undefined) {
      append(decodeEntities(chunk));
      continue;
    }
    if (!rawTag) continue;
    const tag = rawTag.toLowerCase();
    const isClose = closing === '/';
    if (tag === 'table') {
      if (isClose) {
        const t = stack.pop();
        if (t) {
          if (t.cell) t.cell = null;
          if (t.row) t.table.rows.push(t.row);
          blocks.push({ kind: 'table', table: t.table });
        }
      } else {
        if (!top()) flushText();
        stack.push({ table: { rows: [] }, row: null, cell: null });
      }
      continue;
    }
    const t = top();
    if (t) {
      if (tag === 'tr') {
        closeRow();
        if (!isClose) t.row = [];
        continue;
      }
      if (tag === 'td' || tag === 'th') {
        closeCell();
        if (!isClose) {
          if (!t.row) t.row = [];
          const cell: RawCell = { text: '', rowspan: spanAttr(attrs, 'rowspan'), colspan: spanAttr(attrs, 'colspan') };
          t.row.push(cell);
          t.cell = cell;
        }
        continue;
      }
      if (tag === 'br' || tag === 'p' || tag === 'div' || tag === 'li') append('\n');
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      if (tag === 'br') text += '\n';
      else flushText();
    }
  }
  while (stack.length) {
    const t = stack.pop();
    if (t) {
      if (t.row) t.table.rows.push(t.row);
      blocks.push({ kind: 'table', table: t.table });
    }
  }
  flushText();
  return blocks;
}

/** Place the cells of a raw table on a grid; returns the origin cells with their grid position. */
export function gridCells(
  table: RawTable,
): { row: number; col: number; rowspan: number; colspan: number; text: string }[][] {
  const occupied: boolean[][] = [];
  const out: { row: number; col: number; rowspan: number; colspan: number; text: string }[][] = [];
  table.rows.forEach((cells, r) => {
    const line: { row: number; col: number; rowspan: number; colspan: number; text: string }[] = [];
    const occ = (occupied[r] ??= []);
    let c = 0;
    for (const cell of cells) {
      while (occ[c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        const o = (occupied[r + dr] ??= []);
        for (let dc = 0; dc < cell.colspan; dc++) o[c + dc] = true;
      }
      line.push({ row: r, col: c, rowspan: cell.rowspan, colspan: cell.colspan, text: cell.text });
      c += cell.colspan;
    }
    out.push(line);
  });
  return out;
}

/** HTML (a page or a fragment) → source lines. */
export function readHtml(html: string, format: SourceFormat = 'html'): SourceDocument {
  const lines: SourceLine[] = [];
  const textParts: string[] = [];
  let tableNo = 0;
  let para = 0;
  for (const block of htmlBlocks(html)) {
    if (block.kind === 'text') {
      for (const raw of block.text.split('\n')) {
        para++;
        textParts.push(raw);
        const cells = splitTextLine(raw, 0, para).map((c) => ({
          ...c,
          prov: { format, text: c.prov.text, row: para },
        }));
        if (cells.length) lines.push({ cells });
      }
      continue;
    }
    tableNo++;
    for (const row of gridCells(block.table)) {
      const cells: SourceCell[] = row.map((c) => ({
        text: c.text,
        x: c.col,
        x2: c.col + c.colspan,
        structured: true,
        prov: { format, text: c.text.trim(), table: tableNo, row: c.row + 1, col: c.col + 1 },
      }));
      textParts.push(row.map((c) => c.text.trim()).join('\t'));
      if (cells.length) lines.push({ cells, table: tableNo });
    }
  }
  return { format, lines, text: textParts.join('\n'), warnings: [] };
}
