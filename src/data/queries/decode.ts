import type { Row } from '@/data/query-runner';

/** Fails loudly when a query's result lacks a column its decoder needs. */
export function requireColumns(rows: readonly Row[], columns: readonly string[], query: string): void {
  const first = rows[0];
  if (!first) return;
  const missing = columns.filter((c) => !(c in first));
  if (missing.length) throw new Error(`${query}: result lacks column(s) ${missing.join(', ')}`);
}

export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
