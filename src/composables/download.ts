import { toCsv, type DataTable } from '@/domain/csv';

/** Saves text or a data URL as a file through a temporary link. */
export function downloadHref(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadText(text: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  downloadHref(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(table: DataTable, fileName: string): void {
  downloadText(toCsv(table), fileName, 'text/csv;charset=utf-8');
}

/** A file name from a chart title: no characters file systems dislike. */
export function fileNameFrom(title: string, ext: string): string {
  return `${title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)}.${ext}`;
}
