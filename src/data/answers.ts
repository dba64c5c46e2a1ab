import type { Row } from '@/data/query-runner';
import type { SqlQuery } from '@/data/sql';

/**
 * Answers computed at build time (`npm run build:datasets`) for the queries the default state of
 * every analytical view asks of a bundled dataset, so that its first figures are shown before the
 * engine has started. They are written by the app's own views and query code against DuckDB-WASM
 * in Node, and shown only until the live engine answers the same question.
 */
export interface AnswerBook {
  /** The bundled dataset's id (`demo`, `real`). */
  readonly dataset: string;
  /** The content hash of the Parquet file they were computed from (first 12 hex of its SHA-256). */
  readonly contentHash: string;
  /** Rows by query key (see `queryKey`), as plain JSON. */
  readonly answers: Readonly<Record<string, readonly Row[]>>;
}

/**
 * What each key of a book stands for: the statement and its bound values. Kept beside the book
 * (`<id>.answers.queries.json`, not shipped) so the tests can ask the live engine the same.
 */
export type AnswerQueries = Readonly<Record<string, { readonly sql: string; readonly params: readonly unknown[] }>>;

/** Two 32-bit FNV-1a style hashes over the text, mixed: a short key for a long statement. */
function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x2545f491;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h1) + hex(h2);
}

/** A stable key for a statement and its bound values: the same question gives the same key. */
export function queryKey(q: SqlQuery): string {
  return `${hash64(q.text)}-${hash64(JSON.stringify(q.params))}`;
}

/**
 * Rows as plain JSON values: DuckDB lists arrive as Arrow vectors in the browser and as arrays in
 * Node; both serialise to the same JSON, which is what is stored and compared.
 */
export function rowsJson(rows: readonly Row[]): string {
  return JSON.stringify(rows);
}

/** Whether a value read from a file is an answer book (a damaged or foreign file is ignored). */
export function isAnswerBook(v: unknown): v is AnswerBook {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Record<string, unknown>;
  return (
    typeof b.dataset === 'string' &&
    typeof b.contentHash === 'string' &&
    typeof b.answers === 'object' &&
    b.answers !== null
  );
}

/** The first 12 hex digits of the SHA-256 of a file: the workspace's content hash. */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
