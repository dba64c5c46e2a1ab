/**
 * Source lines → a stream of label and value tokens. A structured cell (table cell, pipe cell) is
 * one token, blank or not. Free text cells are split further at single spaces where a value
 * stands between words, so "规章 0 0 0 规范性文件 0 0 0" yields a label, three values, a label,
 * three values; a new label also starts at printed numbering ("1.", "（三）", "三、").
 */
import type { Provenance, SourceCell, SourceDocument } from '@/ingest/types';
import { normalizeCell } from '@/ingest/normalize';
import { parseValue, type ValueToken } from '@/ingest/values';

export interface Token {
  readonly kind: 'label' | 'value';
  /** Normalised text. */
  readonly text: string;
  readonly value?: ValueToken;
  readonly x?: number;
  readonly x2?: number;
  readonly structured: boolean;
  readonly prov: Provenance;
  /** Index of the source line. */
  readonly line: number;
}

export const NUMBERING = /^(\d{1,2}\s*[.、)]|[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/;

function subProv(cell: SourceCell, from: number, to: number, text: string): Provenance {
  const p = cell.prov;
  if (p.start !== undefined) return { ...p, text, start: p.start + from, end: p.start + to };
  return { ...p, text };
}

function subX(cell: SourceCell, from: number, len: number): { x?: number; x2?: number } {
  if (cell.x === undefined || cell.x2 === undefined || len === 0) return {};
  const w = cell.x2 - cell.x;
  return { x: cell.x + (w * from) / len };
}

export function tokenize(doc: SourceDocument): Token[] {
  const out: Token[] = [];
  doc.lines.forEach((line, li) => {
    for (const cell of line.cells) {
      const text = normalizeCell(cell.text);
      const whole = parseValue(text);
      if (whole?.kind === 'decoration') continue;
      if (cell.structured || whole !== undefined || !text.includes(' ')) {
        if (!cell.structured && whole?.kind === 'blank') continue;
        out.push({
          kind: whole ? 'value' : 'label',
          text,
          ...(whole ? { value: whole } : {}),
          ...(cell.x !== undefined ? { x: cell.x } : {}),
          ...(cell.x2 !== undefined ? { x2: cell.x2 } : {}),
          structured: cell.structured,
          prov: cell.prov,
          line: li,
        });
        continue;
      }
      // Free text with spaces: words, values split out.
      const words: { w: string; at: number }[] = [];
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) words.push({ w: m[0], at: m.index });
      let buf: { w: string; at: number }[] = [];
      const flush = (): void => {
        if (!buf.length) return;
        const first = buf[0] as { w: string; at: number };
        const lastW = buf[buf.length - 1] as { w: string; at: number };
        const end = lastW.at + lastW.w.length;
        const t = text.slice(first.at, end);
        out.push({
          kind: 'label',
          text: t,
          ...subX(cell, first.at, text.length),
          ...(cell.x !== undefined && cell.x2 !== undefined
            ? { x2: cell.x + ((cell.x2 - cell.x) * end) / text.length }
            : {}),
          structured: false,
          prov: subProv(cell, first.at, end, t),
          line: li,
        });
        buf = [];
      };
      for (const word of words) {
        const v = parseValue(word.w);
        if (v?.kind === 'decoration') continue;
        if (v) {
          flush();
          const end = word.at + word.w.length;
          out.push({
            kind: 'value',
            text: word.w,
            value: v,
            ...subX(cell, word.at, text.length),
            ...(cell.x !== undefined && cell.x2 !== undefined
              ? { x2: cell.x + ((cell.x2 - cell.x) * end) / text.length }
              : {}),
            structured: false,
            prov: subProv(cell, word.at, end, word.w),
            line: li,
          });
          continue;
        }
        if (buf.length && NUMBERING.test(word.w)) flush();
        buf.push(word);
      }
      flush();
    }
  });
  return out;
}
