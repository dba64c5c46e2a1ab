/**
 * CSV in and out for report rows. Output escapes text fields against formula injection
 * (a leading = + - @ tab or CR gets a leading '), numbers are written as numbers.
 */
import { DATASET_COLUMNS, IDENTITY_COLUMNS } from '@/domain/catalogue';
import type { CsvValue } from '@/domain/csv';
import type { ParsedReport } from '@/ingest/types';

// The writer is shared with chart and table downloads: one escaping rule for every CSV the app writes.
export { csvField, formatCsv, type CsvValue } from '@/domain/csv';

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

/** CSV rows → objects keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}

export type ReportMeta = Partial<Record<(typeof IDENTITY_COLUMNS)[number]['key'], string>>;

/** One dataset row in contract column order: metadata first, then every cell (null = empty). */
export function reportRow(report: ParsedReport, meta: ReportMeta = {}): CsvValue[] {
  return DATASET_COLUMNS.map((col) => {
    if (col === 'agency_name') return meta.agency_name || report.agencyName;
    if (col === 'year') return meta.year ? Number(meta.year) : report.year;
    if (col === 'template') return meta.template || report.template;
    if (IDENTITY_COLUMNS.some((c) => c.key === col)) return meta[col as keyof ReportMeta] ?? null;
    return report.cells[col] ?? null;
  });
}

export const WARNING_COLUMNS = [
  'file',
  'agency_name',
  'year',
  'severity',
  'code',
  'message_zh',
  'message_en',
  'cells',
] as const;

export function warningRows(report: ParsedReport): CsvValue[][] {
  return report.warnings.map((w) => [
    report.fileName,
    report.agencyName,
    report.year,
    w.severity ?? 'warning',
    w.code,
    w.message.zh,
    w.message.en,
    (w.cells ?? []).join(' '),
  ]);
}
