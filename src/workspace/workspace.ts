/**
 * The workspace: the one owner of the loaded data. It holds the engine, runs every write to the
 * `reports` table (a bundled dataset, a URL, an uploaded file, imported documents) through one
 * serialised queue, and knows what is loaded and which `version` queries follow. Stores reflect
 * its snapshot; nothing else writes. Framework-free, so Node tests drive it on a real engine.
 */
import type { QueryRunner } from '@/data/query-runner';
import { DatasetLoadError, type LoadIssue } from '@/data/load/issues';
import { loadDataset, type DatasetFile, type LoadSummary } from '@/data/load/load-dataset';
import { decodeLoadedTotals, loadedTotalsQuery } from '@/data/queries/import';

/** Where a dataset came from; every screen that names a dataset says this truthfully. */
export type DatasetOrigin = 'bundled' | 'file' | 'url';

export interface DatasetEntry {
  readonly id: string;
  /** i18n key of the name (bundled datasets), else the file name is shown. */
  readonly nameKey?: string;
  readonly fileName?: string;
  /** Where the bytes are fetched from (bundled datasets and URLs). */
  readonly url?: string;
  /** Generated data is labelled as such on every screen that shows it. */
  readonly generated: boolean;
  readonly origin: DatasetOrigin;
}

export interface LoadFailure {
  readonly file: string;
  readonly issues: readonly LoadIssue[];
  readonly total: number;
}

/**
 * idle: nothing asked yet; loading: a write is queued or running; ready: `reports` holds
 * `activeId`; error: the first load failed (nothing loaded); missing: the dataset asked for is not
 * known in this browser (e.g. a link to someone else's file).
 */
export type WorkspaceStatus = 'idle' | 'loading' | 'ready' | 'error' | 'missing';

export interface WorkspaceState {
  readonly entries: readonly DatasetEntry[];
  /** The dataset in `reports`, once a load succeeded. */
  readonly activeId: string | null;
  /** The dataset asked for last; differs from `activeId` while loading, missing or after a failure. */
  readonly wantedId: string | null;
  readonly status: WorkspaceStatus;
  readonly summary: LoadSummary | null;
  /** The last refused load (the loaded data stayed as it was). */
  readonly failure: LoadFailure | null;
  /** Bumped after every change to `reports`: queries follow it. */
  readonly version: number;
  /** Bumped when `reports` is replaced (not appended to): appended reports are gone then. */
  readonly generation: number;
  /** Reports appended from documents on top of the dataset. */
  readonly appended: number;
}

export type Fetcher = (url: string) => Promise<Uint8Array>;

const defaultFetch: Fetcher = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

function failureOf(e: unknown, file: string): LoadFailure {
  if (e instanceof DatasetLoadError) return { file: e.file, issues: e.issues, total: e.total };
  return { file, issues: [{ code: 'unreadable', file, detail: (e as Error).message }], total: 1 };
}

export const fileDatasetId = (name: string) => `file:${name}`;
export const urlDatasetId = (url: string) => `url:${url}`;

export class Workspace {
  private current: WorkspaceState = {
    entries: [],
    activeId: null,
    wantedId: null,
    status: 'idle',
    summary: null,
    failure: null,
    version: 0,
    generation: 0,
    appended: 0,
  };
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly listeners = new Set<(s: WorkspaceState) => void>();
  /** The bytes of files loaded in this session, so choosing one again reloads it. */
  private readonly files = new Map<string, Uint8Array>();

  constructor(
    /** Passed pending: a dataset is decoded while the engine is still starting. */
    readonly runner: Promise<QueryRunner>,
    private readonly fetchBytes: Fetcher = defaultFetch,
  ) {}

  get state(): WorkspaceState {
    return this.current;
  }

  subscribe(listener: (s: WorkspaceState) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<WorkspaceState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }

  register(entry: DatasetEntry): void {
    this.set({ entries: [...this.current.entries.filter((e) => e.id !== entry.id), entry] });
  }

  entry(id: string): DatasetEntry | undefined {
    return this.current.entries.find((e) => e.id === id);
  }

  /** Runs writes one at a time, in the order they were asked for. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pending += 1;
    this.set({ status: 'loading' });
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run.finally(() => {
      this.pending -= 1;
      if (this.pending === 0 && this.current.status === 'loading') this.set({ status: this.settledStatus() });
    });
  }

  private settledStatus(): WorkspaceStatus {
    const { activeId, wantedId } = this.current;
    if (wantedId !== null && !this.entry(wantedId)) return 'missing';
    return activeId === null ? 'error' : 'ready';
  }

  /** Replaces `reports` with a file; on refusal the loaded data and `activeId` stay as they were. */
  private async replace(id: string, file: () => Promise<DatasetFile>, name: string): Promise<boolean> {
    try {
      performance.mark('dataset-load-start');
      const summary = await loadDataset(this.runner, await file());
      performance.mark('dataset-loaded');
      const s = this.current;
      this.set({
        activeId: id,
        summary,
        failure: null,
        appended: 0,
        version: s.version + 1,
        generation: s.generation + 1,
      });
      return true;
    } catch (e) {
      this.set({ failure: failureOf(e, name) });
      return false;
    }
  }

  /**
   * Makes a registered dataset the loaded one (nothing to do when it already is). An id nobody
   * registered leaves the loaded data as it is and the status `missing`. A later request makes an
   * earlier one that has not started yet moot: only the last choice is loaded.
   */
  select(id: string): Promise<boolean> {
    this.set({ wantedId: id });
    const entry = this.entry(id);
    if (!entry) {
      if (this.pending === 0) this.set({ status: 'missing' });
      return Promise.resolve(false);
    }
    if (this.current.activeId === id && this.pending === 0) {
      this.set({ status: 'ready' });
      return Promise.resolve(true);
    }
    return this.enqueue(async () => {
      if (this.current.wantedId !== id) return false; // superseded before it started
      if (this.current.activeId === id) return true;
      const name = entry.fileName ?? id;
      const kept = this.files.get(id);
      if (kept) return this.replace(id, async () => ({ name, bytes: kept }), name);
      const url = entry.url;
      if (!url) return false;
      return this.replace(id, async () => ({ name, bytes: await this.fetchBytes(url) }), name);
    });
  }

  /** Loads a file the user chose; it becomes a registered dataset once it loaded. */
  loadFile(file: DatasetFile): Promise<boolean> {
    const id = fileDatasetId(file.name);
    this.set({ wantedId: id });
    return this.enqueue(async () => {
      const ok = await this.replace(id, async () => file, file.name);
      if (ok) {
        this.files.set(id, file.bytes);
        this.register({ id, fileName: file.name, generated: false, origin: 'file' });
      }
      if (!ok && this.current.wantedId === id) this.set({ wantedId: this.current.activeId });
      return ok;
    });
  }

  /** Loads a dataset from a URL; it becomes a registered dataset once it loaded. */
  loadUrl(url: string, fileName: string): Promise<boolean> {
    const id = urlDatasetId(url);
    this.set({ wantedId: id });
    return this.enqueue(async () => {
      const ok = await this.replace(id, async () => ({ name: fileName, bytes: await this.fetchBytes(url) }), fileName);
      if (ok) this.register({ id, fileName, url, generated: false, origin: 'url' });
      if (!ok && this.current.wantedId === id) this.set({ wantedId: this.current.activeId });
      return ok;
    });
  }

  /**
   * Appends reports (parsed documents) to the loaded dataset. Returns null when they joined, or
   * why they were refused; a refusal changes nothing, and is the caller's to show.
   */
  append(file: DatasetFile, count: number): Promise<LoadFailure | null> {
    return this.enqueue(async () => {
      if (this.current.activeId === null) return failureOf(new Error('no dataset loaded'), file.name);
      try {
        const r = await this.runner;
        await loadDataset(r, file, 'append');
        const totals = decodeLoadedTotals(await r.query(loadedTotalsQuery()));
        const s = this.current;
        this.set({
          summary: s.summary ? { ...s.summary, ...totals } : s.summary,
          appended: s.appended + count,
          version: s.version + 1,
        });
        return null;
      } catch (e) {
        return failureOf(e, file.name);
      }
    });
  }

  /** Resolves once every write asked for so far has finished. */
  async settled(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }
}
