import { toCsv, type DataTable } from '@/domain/csv';
import { exportCsv, workbookSheets, type ExportMeta, type ExportTable } from '@/domain/export-table';
import type { Lang } from '@/domain/format';

/** Saves text or a data URL as a file through a temporary link. */
export function downloadHref(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  downloadHref(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(text: string, fileName: string, mime: string): void {
  downloadBlob(new Blob([text], { type: mime }), fileName);
}

export function downloadCsv(table: DataTable, fileName: string): void {
  downloadText(toCsv(table), fileName, 'text/csv;charset=utf-8');
}

/**
 * A chart's table as CSV: labelled headers, rates as percentages beside their numerator and
 * denominator (see `exportCsv`).
 */
export function downloadTableCsv(table: DataTable | ExportTable, lang: Lang, fileName: string): void {
  downloadText(exportCsv(table, lang), fileName, 'text/csv;charset=utf-8');
}

/**
 * The table as an Excel workbook: the same table as the CSV, and a notes sheet with the title,
 * filters, source and a definition of every column. The writer is loaded on first use.
 */
export async function downloadTableXlsx(
  table: DataTable | ExportTable,
  meta: ExportMeta,
  lang: Lang,
  fileName: string,
): Promise<void> {
  downloadBlob(await xlsxBlob(table, meta, lang, new Date().toISOString()), fileName);
}

export async function xlsxBlob(
  table: DataTable | ExportTable,
  meta: ExportMeta,
  lang: Lang,
  exportedAt: string,
): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const sheets = workbookSheets(table, meta, lang, exportedAt);
  // Cells are values, never formulas: a text starting with "=" stays text in a string cell.
  return writeXlsxFile(sheets.map((s) => ({ sheet: s.name, data: s.rows.map((r) => [...r]) }))).toBlob();
}

/** Draws an SVG document onto a canvas `scale` times its size and returns it as PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the exported SVG could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Puts a PNG on the clipboard; false where the browser does not allow it. */
export async function copyPng(png: Promise<Blob>): Promise<boolean> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
  try {
    // The item takes the promise, so that Safari still counts the click as the user's gesture.
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return true;
  } catch {
    return false;
  }
}

/** Today as YYYY-MM-DD in local time, for file names. */
export function today(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
