/**
 * Plain text → source lines: text copied from a page, or extracted from a PDF with or without
 * layout. Columns are separated by tabs, runs of two or more spaces (or an ideographic space), or
 * by "|" when the text is a pipe-table dump. Page numbers ("-2-", "第2页 共5页") are dropped.
 * Each cell keeps its character offsets and its display column (CJK counts two), which lets
 * layout text be aligned by position like a PDF.
 */
import type { SourceCell, SourceDocument, SourceFormat, SourceLine } from '@/ingest/types';
import { isWide } from '@/ingest/normalize';

export type TextMode = 'plain' | 'pipe';

const PAGE_NUMBER = [
  /^\s*[-－—–]\s*\d{1,3}\s*[-－—–]\s*$/,
  /^\s*第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?\s*$/,
  /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/,
  /^\s*page\s*\d+(\s*of\s*\d+)?\s*$/i,
];

export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER.some((re) => re.test(line));
}

function displayColumns(line: string): number[] {
  const cols: number[] = [];
  let x = 0;
  for (let i = 0; i < line.length; i++) {
    cols.push(x);
    const ch = line[i] as string;
    if (ch === '\t') x = (Math.floor(x / 8) + 1) * 8;
    else x += isWide(ch) ? 2 : 1;
  }
  cols.push(x);
  return cols;
}

/**
 * Split one line into cells. `offset` is the line's offset in the whole text, `lineNo` 1-based.
 */
export function splitTextLine(
  line: string,
  offset: number,
  lineNo: number,
  mode: TextMode = 'plain',
  format: SourceFormat = 'text',
): SourceCell[] {
  if (!line.trim() || isPageNumberLine(line)) return [];
  const cols = displayColumns(line);
  const cells: SourceCell[] = [];
  const push = (start: number, end: number, structured: boolean): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(line[s] as string)) s++;
    while (e > s && /\s/.test(line[e - 1] as string)) e--;
    const text = line.slice(s, e);
    if (!structured && !text) return;
    cells.push({
      text,
      x: cols[s] ?? 0,
      x2: cols[e] ?? cols[s] ?? 0,
      structured,
      prov: { format, text, start: offset + s, end: offset + e, line: lineNo },
    });
  };
  if (mode === 'pipe') {
    if (/^\s*\|{2,}\s*$/.test(line)) return [];
    let start = 0;
    const bounds: [number, number][] = [];
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || line[i] === '|') {
        bounds.push([start, i]);
        start = i + 1;
      }
    }
    const last = bounds[bounds.length - 1];
    if (bounds.length > 1 && last && !line.slice(last[0], last[1]).trim()) bounds.pop();
    for (const [s, e] of bounds) push(s, e, true);
    return cells;
  }
  const sep = /\t|[ \u00A0]{2,}|\u3000+/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = sep.exec(line))) {
    push(start, m.index, false);
    start = m.index + m[0].length;
  }
  push(start, line.length, false);
  return cells;
}

/** Pipe-table dumps ("a | b | c |") have blank cells that mean something; detect them. */
export function detectTextMode(text: string): TextMode {
  const lines = text.split('\n').filter((l) => l.trim());
  if (!lines.length) return 'plain';
  const piped = lines.filter((l) => /\|\s*$/.test(l) || / \| /.test(l)).length;
  return piped / lines.length >= 0.2 ? 'pipe' : 'plain';
}

/** Decode bytes as UTF-8, falling back to GB18030 (common for older Chinese text files). */
/**
 * UTF-16 (Notepad's "Unicode", Excel's "Unicode text") by its byte-order mark, or by the NUL byte
 * that every other byte of its ASCII characters (digits, spaces, line breaks) carries.
 */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (n >= 4 && odd >= (n / 2) * 0.2 && even <= odd * 0.25) return 'utf-16le';
  if (n >= 4 && even >= (n / 2) * 0.2 && odd <= even * 0.25) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array | string): string {
  if (typeof bytes === 'string') return bytes;
  const utf16 = utf16Encoding(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes).replace(/^\uFEFF/, '');
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = (utf8.match(/\uFFFD/g) ?? []).length;
  if (bad > 2) {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return utf8;
    }
  }
  return utf8.replace(/^\uFEFF/, '');
}

/** Plain text → source lines. */
export function readText(text: string, format: SourceFormat = 'text'): SourceDocument {
  const normalised = text.replace(/\r\n?/g, '\n');
  const mode = detectTextMode(normalised);
  const lines: SourceLine[] = [];
  let offset = 0;
  let preamble = true;
  const kept: string[] = [];
  normalised.split('\n').forEach((line, i) => {
    // Collections annotate saved pages with leading "# key: value" lines; they are not report text.
    if (preamble && /^#\s/.test(line)) {
      kept.push('');
      offset += line.length + 1;
      return;
    }
    if (line.trim()) preamble = false;
    kept.push(line);
    const cells = splitTextLine(line, offset, i + 1, mode, format);
    if (cells.length) lines.push({ cells });
    offset += line.length + 1;
  });
  return { format, lines, text: kept.join('\n'), warnings: [] };
}
