/**
 * The one CSV writer of the app, used by chart and table downloads, the report importer and the
 * command-line scripts. Text that a spreadsheet would run as a formula (= + - @, tab or CR first)
 * gets a leading apostrophe; numbers are written as numbers; lines end in CRLF (RFC 4180).
 */

/** A table as a chart or view shows it, ready to download. */
export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

export type CsvValue = string | number | null | undefined;

/** One CSV field: formula-like text neutralised, quoted when it holds a comma, quote or line break. */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header and rows as CSV text, without a byte-order mark. */
export function formatCsv(header: readonly CsvValue[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** UTF-8 CSV with a BOM so that Excel on Chinese Windows opens it as UTF-8. */
export function toCsv(table: DataTable, bom = true): string {
  return `${bom ? '\uFEFF' : ''}${formatCsv(table.columns, table.rows)}`;
}
