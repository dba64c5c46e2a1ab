/**
 * The passage of a source document a figure was read from: the source line holding the cell the
 * parser kept as the figure's provenance, with a few lines either side, so a reviewer can compare
 * the number with what the document prints. Works for every format (a PDF's text lines, an HTML or
 * DOCX table's rows, a text file's lines); PDFs also get their page drawn (see the review view).
 */
import type { Provenance, SourceDocument } from '@/ingest/types';

export interface PassageLine {
  readonly cells: readonly string[];
  /** The index of the cell the figure was read from, on the line that holds it; else null. */
  readonly hit: number | null;
}

export interface Passage {
  readonly lines: readonly PassageLine[];
  /** Where it is, for the caption: page (PDF), table and row (HTML/DOCX), line (text). */
  readonly where: Pick<Provenance, 'page' | 'table' | 'row' | 'col' | 'line'>;
}

/** The location fields of a provenance: two provenances at the same spot name the same source cell. */
const SPOT: readonly (keyof Provenance)[] = ['page', 'x', 'y', 'table', 'row', 'col', 'line', 'start', 'end'];

function sameSpot(a: Provenance, b: Provenance): boolean {
  return SPOT.every((k) => a[k] === b[k]);
}

/**
 * The lines around the cell `prov` names, `context` either side (within the same table where the
 * cell is in one). Null when the document no longer holds that cell.
 */
export function sourcePassage(doc: SourceDocument, prov: Provenance, context = 3): Passage | null {
  const lines = doc.lines;
  let at = -1;
  let hit = -1;
  for (let i = 0; i < lines.length && at < 0; i++) {
    const cells = lines[i]?.cells ?? [];
    const c = cells.findIndex((cell) => sameSpot(cell.prov, prov));
    if (c >= 0) {
      at = i;
      hit = c;
    }
  }
  if (at < 0) return null;
  const table = lines[at]?.table;
  const inScope = (i: number) => table === undefined || lines[i]?.table === table;
  let from = at;
  while (from > 0 && at - from < context && inScope(from - 1)) from--;
  let to = at;
  while (to < lines.length - 1 && to - at < context && inScope(to + 1)) to++;
  const out: PassageLine[] = [];
  for (let i = from; i <= to; i++) {
    const line = lines[i];
    if (!line) continue;
    out.push({ cells: line.cells.map((c) => c.text.trim()), hit: i === at ? hit : null });
  }
  const { page, table: t, row, col, line } = prov;
  return { lines: out, where: { page, table: t, row, col, line } };
}
