/**
 * A small, tolerant, DOM-free HTML reader: tables become grids with rowspan/colspan expanded,
 * text outside tables becomes lines. Works in Node and in the browser; copes with unclosed
 * cells and rows, `<br>` inside labels, entities and attributes with backslash-escaped quotes
 * (as found in pages copied out of JSON or CMS exports).
 */
import type { SourceCell, SourceDocument, SourceFormat, SourceLine } from '@/ingest/types';
import { splitTextLine } from '@/ingest/text';
import { warning } from '@/ingest/warnings';

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

/**
 * A rowspan/colspan value: `name`, spaces, `=`, spaces, an optional backslash and quote, spaces,
 * digits. Read by hand after the name, as a regular expression with two `\s*` around optional
 * characters backtracks quadratically over a long run of spaces.
 */
function spanAttr(attrs: string, name: string): number {
  const re = new RegExp(`\\b${name}\\s*=`, 'gi');
  for (let at = re.exec(attrs); at; at = re.exec(attrs)) {
    let i = at.index + at[0].length;
    while (i < attrs.length && /\s/.test(attrs[i] as string)) i++;
    if (attrs[i] === '\\') i++;
    if (attrs[i] === '"' || attrs[i] === "'") i++;
    while (i < attrs.length && /\s/.test(attrs[i] as string)) i++;
    const digits = /^\d+/.exec(attrs.slice(i, i + 12))?.[0];
    if (!digits) continue; // e.g. data-rowspan="x": a later rowspan= may still say it
    const n = Number(digits);
    return n >= 1 ? Math.min(n, MAX_SPAN) : 1;
  }
  return 1;
}

/** The largest rowspan or colspan read; larger values are read as this. */
export const MAX_SPAN = 200;

/**
 * How many grid positions the tables of one document may cover once rowspan/colspan are expanded
 * (the three tables of a report cover about 2,000). Past it, further cells keep span 1 and the
 * document carries a `grid_capped` warning, so a hostile table of spans cannot exhaust memory.
 */
export const MAX_GRID_CELLS = 250_000;

export type HtmlToken = { kind: 'text'; text: string } | { kind: 'tag'; name: string; closing: boolean; attrs: string };

const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template']);
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 58 || c === 45;
const isWord = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 95;

/**
 * Split HTML into text runs and tags in time linear in its length, whatever is left unclosed
 * (comments, quotes, tags, scripts). It reads what the regular expression
 * `<!--…-->|<(script|style|noscript|template)\b…</\1\s*>|<(/?)(name)\b(attrs)>|[^<]+|<` would, but
 * remembers every scan, so text that never closes is scanned once rather than once per `<` (that
 * regular expression took ~40 s on 645 KB of unclosed tags).
 */
export function* htmlTokens(html: string): Generator<HtmlToken> {
  const n = html.length;
  // Where the attribute scan from a position ends: the index of its '>', -1 for none, -2 not known yet.
  const tagEnd = new Int32Array(n + 1).fill(-2);
  const quoteNext = new Map<number, number>();
  let commentFailFrom = n + 1;
  const rawFailFrom = new Map<string, number>();

  const nextQuote = (p: number): number => {
    let q = quoteNext.get(p);
    if (q === undefined) {
      q = html.indexOf(html[p] as string, p + 1);
      quoteNext.set(p, q);
    }
    return q;
  };
  /** The index of the '>' that ends attributes starting at `from` (quotes respected), or -1. */
  const attrsEnd = (from: number): number => {
    const path: number[] = [];
    let p = from;
    let result: number;
    for (;;) {
      if (p >= n) {
        result = -1;
        break;
      }
      const known = tagEnd[p] as number;
      if (known !== -2) {
        result = known;
        break;
      }
      path.push(p);
      const c = html.charCodeAt(p);
      if (c === 62) {
        result = p;
        break;
      }
      if (c === 34 || c === 39) {
        const q = nextQuote(p);
        if (q < 0) {
          result = -1;
          break;
        }
        p = q + 1;
      } else p++;
    }
    for (const v of path) tagEnd[v] = result;
    return result;
  };
  /** The end of `</name\s*>` at or after `from`, or -1; a failed search is not repeated. */
  const rawClose = (name: string, from: number): number => {
    if (from >= (rawFailFrom.get(name) ?? n + 1)) return -1;
    const re = new RegExp(`</${name}\\s*>`, 'gi');
    re.lastIndex = from;
    const m = re.exec(html);
    if (!m) {
      rawFailFrom.set(name, from);
      return -1;
    }
    return m.index + m[0].length;
  };

  let i = 0;
  while (i < n) {
    if (html.charCodeAt(i) !== 60) {
      const lt = html.indexOf('<', i);
      const end = lt < 0 ? n : lt;
      yield { kind: 'text', text: html.slice(i, end) };
      i = end;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const close = i + 4 >= commentFailFrom ? -1 : html.indexOf('-->', i + 4);
      if (close >= 0) {
        i = close + 3;
        continue;
      }
      commentFailFrom = Math.min(commentFailFrom, i + 4);
    }
    const closing = html.charCodeAt(i + 1) === 47;
    const nameStart = i + (closing ? 2 : 1);
    let nameEnd = -1;
    if (isLetter(html.charCodeAt(nameStart))) {
      let e = nameStart + 1;
      while (e < n && isNameChar(html.charCodeAt(e))) e++;
      // The name must end on a word boundary: "<a-b_c>" is the tag "a-", "<ab_c>" no tag at all.
      while (e > nameStart && e < n && isWord(html.charCodeAt(e)) === isWord(html.charCodeAt(e - 1))) e--;
      if (e > nameStart) nameEnd = e;
    }
    if (nameEnd < 0) {
      yield { kind: 'text', text: '<' };
      i++;
      continue;
    }
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    if (!closing && RAW_TEXT.has(name)) {
      const close = rawClose(name, nameEnd);
      if (close >= 0) {
        i = close;
        continue;
      }
    }
    const gt = attrsEnd(nameEnd);
    if (gt < 0) {
      yield { kind: 'text', text: '<' };
      i++;
      continue;
    }
    yield { kind: 'tag', name, closing, attrs: html.slice(nameEnd, gt) };
    i = gt + 1;
  }
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

  for (const tok of htmlTokens(html)) {
    if (tok.kind === 'text') {
      append(decodeEntities(tok.text));
      continue;
    }
    const { name: tag, attrs } = tok;
    const isClose = tok.closing;
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

/** What is left of a document's grid allowance (`MAX_GRID_CELLS`), shared by its tables. */
export interface GridBudget {
  left: number;
  /** Set once a cell had its spans read as 1 because the allowance ran out. */
  capped: boolean;
}

/**
 * Place the cells of a raw table on a grid; returns the origin cells with their grid position.
 * Each cell takes rowspan × colspan positions from `budget`; a cell that would overdraw it is
 * placed with span 1.
 */
export function gridCells(
  table: RawTable,
  budget: GridBudget = { left: MAX_GRID_CELLS, capped: false },
): { row: number; col: number; rowspan: number; colspan: number; text: string }[][] {
  const occupied: boolean[][] = [];
  const out: { row: number; col: number; rowspan: number; colspan: number; text: string }[][] = [];
  table.rows.forEach((cells, r) => {
    const line: { row: number; col: number; rowspan: number; colspan: number; text: string }[] = [];
    const occ = (occupied[r] ??= []);
    let c = 0;
    for (const cell of cells) {
      while (occ[c]) c++;
      let { rowspan, colspan } = cell;
      if (rowspan * colspan > budget.left) {
        if (rowspan * colspan > 1) budget.capped = true;
        rowspan = 1;
        colspan = 1;
      }
      budget.left -= rowspan * colspan;
      for (let dr = 0; dr < rowspan; dr++) {
        const o = (occupied[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) o[c + dc] = true;
      }
      line.push({ row: r, col: c, rowspan, colspan, text: cell.text });
      c += colspan;
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
  const budget: GridBudget = { left: MAX_GRID_CELLS, capped: false };
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
    for (const row of gridCells(block.table, budget)) {
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
  const warnings = budget.capped
    ? [
        warning(
          'grid_capped',
          `表格的合并单元格超过上限（全文共 ${MAX_GRID_CELLS.toLocaleString('en-US')} 个格位），超出部分按未合并读取；请核对表格`,
          `the tables' merged cells exceed the limit (${MAX_GRID_CELLS.toLocaleString('en-US')} grid positions per document); the rest were read as unmerged — check the tables`,
        ),
      ]
    : [];
  return { format, lines, text: textParts.join('\n'), warnings };
}
