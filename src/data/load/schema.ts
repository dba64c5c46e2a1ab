import { CELLS, IDENTITY_COLUMNS, findCell, type IdentityKey } from '@/domain/catalogue';
import type { LoadIssue } from '@/data/load/issues';

/** How a file's columns map onto the contract. */
export interface ColumnMapping {
  readonly shape: 'wide' | 'long';
  /** contract key → staging column (`c3`). */
  readonly byKey: ReadonlyMap<string, string>;
  readonly issues: LoadIssue[];
}

const LONG_KEYS = ['cell', 'value'] as const;

/**
 * Header text → contract key. A header may be the key itself (`t3_new_total`) or its Chinese
 * label as in the downloadable template (`本年新收政府信息公开申请数量（总计）`).
 */
const HEADER_TO_KEY: ReadonlyMap<string, string> = new Map([
  ...IDENTITY_COLUMNS.flatMap((c) => [[c.key, c.key] as const, [c.label.zh, c.key] as const]),
  ...CELLS.flatMap((c) => [[c.key, c.key] as const, [c.label.zh, c.key] as const]),
  ...LONG_KEYS.map((k) => [k, k] as const),
  ['单元格', 'cell'] as const,
  ['数值', 'value'] as const,
]);

export function keyForHeader(header: string): string | undefined {
  return HEADER_TO_KEY.get(header.trim()) ?? HEADER_TO_KEY.get(header.trim().toLowerCase());
}

export function mapColumns(file: string, header: readonly string[], columns: readonly string[]): ColumnMapping {
  const issues: LoadIssue[] = [];
  const byKey = new Map<string, string>();
  header.forEach((h, i) => {
    const staged = columns[i] as string;
    if (h === '') return; // blank headers: refused by blankHeaderIssues if their column holds data
    const key = keyForHeader(h);
    if (!key) {
      issues.push({ code: 'unknown_column', file, row: 1, column: h });
    } else if (byKey.has(key)) {
      issues.push({ code: 'duplicate_column', file, row: 1, column: h, detail: key });
    } else {
      byKey.set(key, staged);
    }
  });
  const shape = byKey.has('cell') && byKey.has('value') ? 'long' : 'wide';
  if (shape === 'wide') {
    for (const k of LONG_KEYS) {
      if (byKey.has(k)) issues.push({ code: 'missing_column', file, row: 1, column: k === 'cell' ? 'value' : 'cell' });
    }
  }
  const required: IdentityKey[] = IDENTITY_COLUMNS.filter((c) => c.required).map((c) => c.key);
  for (const k of required) {
    if (!byKey.has(k)) issues.push({ code: 'missing_column', file, row: 1, column: k });
  }
  if (shape === 'wide' && ![...byKey.keys()].some((k) => findCell(k))) {
    issues.push({ code: 'missing_column', file, row: 1, column: 't3_new_total', detail: 'no_cells' });
  }
  return { shape, byKey, issues };
}
