/**
 * Progress and cancel of one dataset load. The workspace starts a `LoadTracker` for each load that
 * replaces `reports`; the tracker says which stage the load is in (reading the bytes, parsing,
 * checking, writing) and stops the load at its next step when cancelled. The loader itself knows
 * nothing of this: it is handed a runner that reports its calls and refuses them once cancelled.
 * A load is cancellable until it starts to write `reports`: from then on it finishes, so the loaded
 * data are never half replaced.
 */
import type { QueryRunner } from '@/data/query-runner';
import { REPORTS_TABLE } from '@/data/load/canonical';
import { name, sql } from '@/data/sql';

/** read: the file's bytes; parse: the engine reads them into rows; check: validation; write: `reports` is replaced. */
export type LoadStage = 'read' | 'parse' | 'check' | 'write';

export interface LoadProgress {
  /** The file as the user knows it. */
  readonly file: string;
  readonly stage: LoadStage;
  /** When the load started (ms since the epoch): the page shows progress once it has taken a second. */
  readonly startedAt: number;
  /** Bytes read so far and in all (null when the source does not say). */
  readonly bytes: { readonly done: number; readonly total: number | null } | null;
  /** Data rows in the file (lines after the header of a text file), once its bytes are in. */
  readonly rows: number | null;
  /** False once `reports` is being written (or when nothing would be left to go back to). */
  readonly cancellable: boolean;
}

/** Thrown inside a load that was cancelled; the workspace says "cancelled", not "failed". */
export class LoadCancelled extends Error {
  constructor() {
    super('load cancelled');
    this.name = 'LoadCancelled';
  }
}

/** What a byte source (a fetch, a chosen file) is handed: where to report, and when to stop. */
export interface ByteTracker {
  readonly signal: AbortSignal;
  bytes(done: number, total: number | null): void;
}

/** The stages in the order a load goes through them. */
export const LOAD_STAGES: readonly LoadStage[] = ['read', 'parse', 'check', 'write'];

/** Lines after the first in a text file: an upper bound of its data rows (cheap: one pass over bytes). */
export function textRows(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) n++;
  return Math.max(0, n - 1);
}

const WRITES_REPORTS = new RegExp(`^\\s*CREATE\\s+OR\\s+REPLACE\\s+TABLE\\s+"?${REPORTS_TABLE}"?\\s`, 'i');
/** Cleaning up (temp tables, registered files) is always allowed, cancelled or not. */
const CLEANUP = /^\s*DROP\s/i;

export class LoadTracker implements ByteTracker {
  private readonly controller = new AbortController();
  private current: LoadProgress;

  constructor(
    file: string,
    cancellable: boolean,
    private readonly report: (p: LoadProgress) => void,
  ) {
    this.current = { file, stage: 'read', startedAt: Date.now(), bytes: null, rows: null, cancellable };
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get progress(): LoadProgress {
    return this.current;
  }

  private update(patch: Partial<LoadProgress>): void {
    this.current = { ...this.current, ...patch };
    this.report(this.current);
  }

  bytes(done: number, total: number | null): void {
    this.update({ bytes: { done, total } });
  }

  /** The bytes are in: the engine's work starts. */
  read(bytes: Uint8Array, text: boolean): void {
    this.throwIfCancelled();
    this.update({
      stage: 'parse',
      bytes: { done: bytes.byteLength, total: bytes.byteLength },
      rows: text ? textRows(bytes) : null,
    });
  }

  /** Stops the load at its next step; false when it is past the point of no return. */
  cancel(): boolean {
    if (!this.current.cancellable) return false;
    this.controller.abort();
    return true;
  }

  throwIfCancelled(): void {
    if (this.controller.signal.aborted) throw new LoadCancelled();
  }

  /** Stages only move forward (a step of an earlier kind later on does not move the bar back). */
  private stage(stage: LoadStage): void {
    if (LOAD_STAGES.indexOf(stage) > LOAD_STAGES.indexOf(this.current.stage)) this.update({ stage });
  }

  /** The engine as the loader sees it: each call reports its stage, and none starts once cancelled. */
  runner(inner: QueryRunner): QueryRunner {
    const step = async <T>(call: () => Promise<T>, cleanup = false): Promise<T> => {
      if (!cleanup) this.throwIfCancelled();
      return call();
    };
    return {
      query: async (q) => {
        if (WRITES_REPORTS.test(q.text)) {
          this.throwIfCancelled();
          this.update({ stage: 'write', cancellable: false });
        }
        const parsing = /\bread_csv\s*\(/i.test(q.text);
        if (parsing) this.stage('parse');
        const rows = await step(() => inner.query(q), CLEANUP.test(q.text));
        if (parsing) this.stage('check');
        return rows;
      },
      registerFile: (name, bytes) => step(() => inner.registerFile(name, bytes)),
      dropFile: (name) => step(() => inner.dropFile(name), true),
      insertArrowIPC: async (table, ipc, create) => {
        const rows = await step(() => inner.insertArrowIPC(table, ipc, create));
        if (this.current.stage === 'parse') this.stage('check');
        return rows;
      },
      lost: inner.lost,
    };
  }
}

/**
 * Drops the temporary tables a cancelled load may have left between two of its steps (its staging,
 * raw and next tables); `reports` and the tables derived from it are not temporary and stay.
 */
export async function dropLoadLeftovers(runner: QueryRunner): Promise<void> {
  const rows = await runner.query(
    sql`SELECT table_name AS t FROM duckdb_tables() WHERE temporary AND regexp_matches(table_name, '^(raw|staging|next)_[a-z0-9_]+$')`,
  );
  for (const r of rows) await runner.query(sql`DROP TABLE IF EXISTS ${name(String(r.t))}`);
}
