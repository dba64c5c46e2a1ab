/**
 * The review queue's table: one row per document (agency, year, cells read, cells flagged, rule
 * results, status), the counts per status for the filter, and the edit log as the user reads it.
 */
import type { CheckResult } from '@/domain/rules';
import type { Labels } from '@/presenters/labels';
import { formatCount } from '@/domain/format';

/** One hand edit as the queue shows it (a structural view of the import's edit record). */
export interface QueueEdit {
  readonly key: string;
  readonly old: number | null;
  readonly value: number | null;
  readonly at: string;
}

/** What the queue knows of one document (a structural view of the import's item). */
export interface QueueDoc {
  readonly key: number;
  readonly fileName: string;
  readonly state: string;
  readonly report: {
    readonly agencyName: string | null;
    readonly year: number | null;
    readonly cells: Readonly<Record<string, number | null>>;
    readonly warnings: readonly { readonly cells?: readonly string[] }[];
  } | null;
  readonly form: { readonly agency_name: string; readonly agency_id: string; readonly year: string };
  readonly edits: readonly QueueEdit[];
  readonly confirmed: boolean;
}

/** How the queue groups documents: still to review, accepted, left out, being read. */
export type QueueStatus = 'review' | 'accepted' | 'rejected' | 'parsing';
export type QueueFilter = QueueStatus | 'all';

export function queueStatus(state: string): QueueStatus {
  if (state === 'accepted' || state === 'rejected' || state === 'parsing') return state;
  return 'review';
}

export interface QueueRow {
  readonly key: number;
  readonly fileName: string;
  readonly agency: string;
  readonly year: string;
  /** "58/62", or "—" when nothing could be read. */
  readonly read: string;
  readonly flagged: number;
  readonly failing: number;
  readonly rules: string;
  readonly edits: number;
  readonly status: QueueStatus;
  readonly state: string;
  readonly confirmed: boolean;
}

/**
 * `checks` are the document's rule results with its edits applied; `rules` their summary
 * ("R1 ✓ R2 ✗2"), made where the rule engine is.
 */
export function queueRow(
  doc: QueueDoc,
  checks: readonly CheckResult[] | null,
  rules: string,
  labels: Labels,
): QueueRow {
  const r = doc.report;
  const cells = r ? Object.values(r.cells) : [];
  const read = cells.filter((v) => v !== null).length;
  const flagged = new Set((r?.warnings ?? []).flatMap((w) => w.cells ?? [])).size;
  const failing = (checks ?? []).filter((c) => c.status === 'fail').length;
  return {
    key: doc.key,
    fileName: doc.fileName,
    agency: doc.form.agency_name.trim() || r?.agencyName || labels.t('ingest.unknownAgency'),
    year: doc.form.year.trim() || (r?.year ? String(r.year) : '—'),
    read: cells.length ? `${formatCount(read, labels.lang)}/${formatCount(cells.length, labels.lang)}` : '—',
    flagged,
    failing,
    rules,
    edits: doc.edits.length,
    status: queueStatus(doc.state),
    state: doc.state,
    confirmed: doc.confirmed,
  };
}

export function statusCounts(rows: readonly QueueRow[]): Record<QueueFilter, number> {
  const out: Record<QueueFilter, number> = { all: rows.length, review: 0, accepted: 0, rejected: 0, parsing: 0 };
  for (const r of rows) out[r.status]++;
  return out;
}

/** Rows to look at first: failing or flagged documents, then the rest, each in the order added. */
export function filterRows(rows: readonly QueueRow[], filter: QueueFilter): QueueRow[] {
  const shown = filter === 'all' ? [...rows] : rows.filter((r) => r.status === filter);
  const weight = (r: QueueRow) => (r.status === 'review' ? (r.failing || r.flagged ? 0 : 1) : 2);
  return shown.sort((a, b) => weight(a) - weight(b) || a.key - b.key);
}

export interface EditLine {
  readonly cell: string;
  readonly old: string;
  readonly value: string;
  readonly at: string;
}

/** The edit log in the page's words: blank as "（空）", times in the page's locale. */
export function editLines(edits: readonly QueueEdit[], labels: Labels, cellLabel: (key: string) => string): EditLine[] {
  const shown = (v: number | null) => (v === null ? labels.t('ingest.review.blank') : formatCount(v, labels.lang));
  const locale = labels.lang === 'zh' ? 'zh-CN' : 'en-GB';
  return edits.map((e) => ({
    cell: cellLabel(e.key),
    old: shown(e.old),
    value: shown(e.value),
    at: new Date(e.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium', hour12: false }),
  }));
}
