import type { SqlQuery } from '@/data/sql';

/** One result row: DuckDB is opened with BigInt and Decimal cast to double. */
export type Row = Record<string, unknown>;

/**
 * The small surface the app needs from a database engine. The browser implementation talks to
 * DuckDB-WASM in a Web Worker; tests and the command line use DuckDB-WASM's blocking Node build.
 */
export interface QueryRunner {
  /** Runs a statement with bound parameters and returns its rows. */
  query(q: SqlQuery): Promise<Row[]>;
  /** Makes bytes readable by name in SQL (e.g. `read_csv(?)`). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /**
   * Makes a file at an absolute http(s) URL readable by name, read lazily with range requests (a
   * database to ATTACH). Engines without HTTP reads (Node) leave it out.
   */
  registerFileURL?(name: string, url: string): Promise<void>;
  /** Creates (or appends to) a table from an Arrow IPC stream. */
  insertArrowIPC(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
  /**
   * Settles when the engine is gone (its worker crashed or was stopped): every call after that, and
   * every call still waiting, rejects instead of hanging. Engines that cannot be lost leave it out.
   */
  readonly lost?: Promise<Error>;
  /** Stops the engine (the browser's worker), as a crash would. */
  stop?(): void;
  /** The files the engine was started from (the browser's wasm and worker), to keep for offline use. */
  readonly assets?: readonly string[];
}

/** What a call to a lost engine rejects with. */
export class EngineLostError extends Error {
  constructor(reason: string) {
    super(`the analysis engine stopped: ${reason}`);
    this.name = 'EngineLostError';
  }
}

/** Settings run right after connecting, on every engine. */
export const CONNECTION_SETUP: readonly string[] = [
  // Extensions (Parquet, JSON, httpfs) would be fetched from the network on first use: offline
  // that errors in the browser and hangs forever in Node, so never autoload anything.
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];
