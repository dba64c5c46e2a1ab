import type { Row } from '@/data/query-runner';

/** The part of an Arrow table the engines read: rows as plain objects. */
interface ArrowLike {
  toArray(): { toJSON(): Row }[];
}

export function arrowRows(table: ArrowLike): Row[] {
  return table.toArray().map((r) => ({ ...r.toJSON() }));
}

/** Options every DuckDB-WASM instance is opened with: counts arrive as JS numbers. */
export const OPEN_CONFIG = {
  query: { castBigIntToDouble: true, castDecimalToDouble: true },
} as const;
