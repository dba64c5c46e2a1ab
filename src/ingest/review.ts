/**
 * Reviewing a parsed report by hand: corrections to single cells, each recorded (old value, new
 * value, when), and the cells a reviewer should look at (flagged by the parser, used by a failing
 * rule, or left blank).
 */
import type { CheckResult } from '@/domain/rules';
import type { ParsedReport } from '@/ingest/types';

/** One hand correction of one cell. */
export interface CellEdit {
  readonly key: string;
  /** The value before this edit (as read, or as a previous edit left it); null for blank. */
  readonly old: number | null;
  readonly value: number | null;
  /** ISO 8601 time of the edit. */
  readonly at: string;
}

/** Where a review stands: still to look at, taken into the data, or left out on purpose. */
export type ReviewStatus = 'review' | 'accepted' | 'rejected';

/** The report with every edit applied in order (the last edit of a cell wins). */
export function withEdits(report: ParsedReport, edits: readonly CellEdit[]): ParsedReport {
  if (!edits.length) return report;
  const cells = { ...report.cells };
  for (const e of edits) if (e.key in cells) cells[e.key] = e.value;
  return { ...report, cells };
}

/**
 * A value typed by the reviewer: blank → null, digits (with thousands separators or full-width
 * digits) → a non-negative integer; anything else → undefined (refused).
 */
export function parseEditValue(text: string): number | null | undefined {
  const s = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (s === '') return null;
  if (!/^\d{1,12}$/.test(s)) return undefined;
  return Number(s);
}

/** Records an edit of `key` to `value`; no entry when the value does not change. */
export function recordEdit(
  report: ParsedReport,
  edits: readonly CellEdit[],
  key: string,
  value: number | null,
  at: Date = new Date(),
): CellEdit[] {
  const old = withEdits(report, edits).cells[key];
  if (old === undefined || old === value) return [...edits];
  return [...edits, { key, old, value, at: at.toISOString() }];
}

export type AttentionReason = 'flagged' | 'failing' | 'blank';

/**
 * Cells to look at, in the order of the report's cells: flagged by a parser note, used by a
 * failing check, or blank. Each cell once, with every reason that applies.
 */
export function attentionCells(
  report: ParsedReport,
  checks: readonly CheckResult[] | null,
): { key: string; reasons: AttentionReason[] }[] {
  const flagged = new Set(report.warnings.flatMap((w) => w.cells ?? []));
  const failing = new Set(
    (checks ?? []).filter((c) => c.status === 'fail').flatMap((c) => c.cells.map((cell) => cell.key)),
  );
  return Object.keys(report.cells).flatMap((key) => {
    const reasons: AttentionReason[] = [];
    if (flagged.has(key)) reasons.push('flagged');
    if (failing.has(key)) reasons.push('failing');
    if (report.cells[key] === null) reasons.push('blank');
    return reasons.length ? [{ key, reasons }] : [];
  });
}
