/** A table as a chart or view shows it, ready to download. */
export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/**
 * One CSV field. Text that a spreadsheet would run as a formula (= + - @, tab, CR first) gets a
 * leading apostrophe; numbers are written as numbers.
 */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 CSV with a BOM so that Excel on Chinese Windows opens it as UTF-8. */
export function toCsv(table: DataTable, bom = true): string {
  const lines = [table.columns.map(csvField).join(','), ...table.rows.map((r) => r.map(csvField).join(','))];
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
