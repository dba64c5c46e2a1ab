import type { IngestWarning, WarningSeverity } from '@/ingest/types';

export function warning(
  code: string,
  zh: string,
  en: string,
  cells?: readonly string[],
  severity: WarningSeverity = 'warning',
): IngestWarning {
  return { code, message: { zh, en }, ...(cells && cells.length ? { cells: [...cells] } : {}), severity };
}

export function isFatal(w: IngestWarning): boolean {
  return w.severity === 'error';
}

/** "a, b, c" / "a、b、c" lists for messages. */
export function listZh(items: readonly string[]): string {
  return items.join('、');
}
export function listEn(items: readonly string[]): string {
  return items.join(', ');
}
