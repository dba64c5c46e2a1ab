/**
 * The workspace: the one owner of the loaded data. It holds the engine, runs every write to the
 * `reports` table (a bundled dataset, a URL, an uploaded file, imported documents) through one
 * serialised queue, and knows what is loaded and which `version` queries follow. Stores reflect
 * its snapshot; nothing else writes. Framework-free, so Node tests drive it on a real engine.
 */
import type { QueryRunner } from '@/data/query-runner';
import { detectFormat, fileSizeIssue, loadDataset, type DatasetFile } from '@/data/load/load-dataset';
import { decodeLoadedTotals, loadedTotalsQuery } from '@/data/queries/import';
import type { KeptDataset, KeptStore } from '@/workspace/keep';
import { dropPopulationQuery, loadPopulation } from '@/data/load/population';
import { dropLoadLeftovers, LoadTracker, type ByteTracker } from '@/workspace/progress';
import { REPORTS_TABLE } from '@/data/load/canonical';
import { refreshDerivedTables } from '@/data/quality';
import { buildUnion, copyTable, dropTable, tableStats, type AgencyLink, type UnionPart } from '@/data/union';
import {
  conflictKey,
  memoryChoiceStore,
  resolve,
  winners,
  type ChoiceStore,
  type DatasetChoices,
  type DatasetStats,
  type ResolvedConflict,
} from '@/workspace/choices';
import {
  attachDatabase,
  DATABASE_PREFIX,
  detachDatabase,
  manifestHash,
  parseManifest,
} from '@/data/load/attach-database';
import {
  type DatasetEntry,
  failureOf,
  type LoadFailure,
  type WorkspaceState,
  type WorkspaceStatus,
} from '@/workspace/state';
import { contentHashOf, defaultFetch, type ChosenFile, type Fetcher } from '@/workspace/fetching';
import { APPEND_FILE, fileDatasetId, isDatabaseId, POPULATION_ID, urlDatasetId } from '@/workspace/ids';

export * from '@/workspace/state';
export * from '@/workspace/fetching';
export * from '@/workspace/ids';

/** The first active dataset's own rows while `reports` is a union. */
const PRIMARY_TABLE = 'ds_primary';

export class Workspace {
  private current: WorkspaceState = {
    entries: [],
    activeId: null,
    contentHash: null,
    wantedId: null,
    status: 'idle',
    summary: null,
    failure: null,
    version: 0,
    generation: 0,
    appended: 0,
    keep: { kind: null, failure: null },
    kept: [],
    engine: { status: 'starting', error: null, restarts: 0 },
    population: null,
    populationFailure: null,
    progress: null,
    cancelled: null,
    wantedAlso: [],
    alsoIds: [],
    alsoMissing: [],
    conflicts: [],
    unresolved: 0,
    choices: { perConflict: {}, prefer: [], links: [], stats: {} },
  };
  /** Tables of the datasets active beside the first, by dataset id. */
  private readonly tables = new Map<string, string>();
  private tableCount = 0;
  /** `reports` is a union built from PRIMARY_TABLE and `tables` (else it holds the first dataset alone). */
  private composed = false;
  /** The datasets asked for beside the first, by the last `select`. */
  private wantedAlso: readonly string[] = [];
  private selects = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly listeners = new Set<(s: WorkspaceState) => void>();
  /** The bytes of files loaded in this session, so choosing one again reloads it. */
  private readonly files = new Map<string, Uint8Array>();
  /** What is kept in the browser, by dataset id (the user's files, and reports appended to any dataset). */
  private readonly kept = new Map<string, KeptDataset>();
  private store: KeptStore | null = null;
  /** The load under way, which `cancelLoad` stops. */
  private tracker: LoadTracker | null = null;

  private engine: Promise<QueryRunner>;

  constructor(
    /** Passed pending: a dataset is decoded while the engine is still starting. */
    runner: Promise<QueryRunner>,
    private readonly fetchBytes: Fetcher = defaultFetch,
    /** Starts a new engine after a failure; without it a failed engine stays failed. */
    private readonly startEngine: (() => Promise<QueryRunner>) | null = null,
    /** Where conflict choices and agency links are kept (localStorage in the app). */
    private readonly choiceStore: ChoiceStore = memoryChoiceStore(),
  ) {
    this.engine = runner;
    this.current = { ...this.current, choices: choiceStore.read() };
    this.watchEngine(runner);
  }

  /** The current engine (a new one after a restart): ask for it at each use, do not keep it. */
  get runner(): Promise<QueryRunner> {
    return this.engine;
  }

  private watchEngine(engine: Promise<QueryRunner>): void {
    engine.then(
      (r) => {
        if (engine !== this.engine) return;
        this.set({ engine: { ...this.current.engine, status: 'ready', error: null } });
        void r.lost?.then((e) => {
          if (engine !== this.engine) return;
          this.set({ engine: { ...this.current.engine, status: 'failed', error: e.message } });
          void this.restartEngine(); // a lost engine is started again at once, with the data it had
        });
      },
      (e: unknown) => {
        if (engine !== this.engine) return;
        this.set({ engine: { ...this.current.engine, status: 'failed', error: (e as Error)?.message ?? String(e) } });
      },
    );
  }

  /**
   * Starts a new engine and loads into it what was loaded (the dataset and the reports imported onto
   * it), without a page reload. Queries follow the new `version`.
   */
  restartEngine(): Promise<boolean> {
    const start = this.startEngine;
    if (!start) return Promise.resolve(false);
    const engine = start();
    this.engine = engine;
    this.set({ engine: { status: 'starting', error: null, restarts: this.current.engine.restarts + 1 } });
    this.watchEngine(engine);
    return this.enqueue(async () => {
      try {
        await engine;
      } catch {
        return false;
      }
      const population = this.files.get(POPULATION_ID);
      if (population && this.current.population) {
        await this.applyPopulation({ name: this.current.population.file, bytes: population });
      }
      const id = this.current.activeId ?? this.current.wantedId;
      if (!id || (!isDatabaseId(id) && !this.sourceOf(id))) return true;
      // The new engine holds none of the tables: every active dataset is loaded again.
      this.tables.clear();
      this.composed = false;
      // Not cancellable: the new engine holds nothing to go back to.
      const ok = await this.open(id, false);
      if (ok) await this.applyAlso(this.wantedAlso);
      return ok;
    });
  }

  /**
   * Brings back what the browser kept (the user's files, reports appended to any dataset) before
   * anything else is loaded: the first write in the queue, so a link to a kept file finds it.
   */
  restore(store: Promise<KeptStore>): Promise<void> {
    return this.enqueue(async () => {
      try {
        this.store = await store;
        for (const k of await this.store.list()) {
          this.kept.set(k.id, k);
          if (k.id === POPULATION_ID) {
            const bytes = await this.store.readFile(k.id);
            this.files.set(k.id, bytes);
            await this.applyPopulation({ name: k.fileName, bytes });
            continue;
          }
          if (k.hasFile)
            this.register({ id: k.id, fileName: k.fileName, generated: false, origin: 'file', loadedAt: k.loadedAt });
        }
        this.set({ keep: { kind: this.store.kind, failure: null }, kept: [...this.kept.values()] });
      } catch (e) {
        this.set({ keep: { kind: null, failure: (e as Error).message } });
      }
    });
  }

  /**
   * Loads the optional population table (a CSV: region or agency, year, population); a refused file
   * leaves the table loaded before. It is kept in the browser like a dataset.
   */
  loadPopulation(file: DatasetFile): Promise<boolean> {
    return this.enqueue(async () => {
      const ok = await this.applyPopulation(file);
      if (ok) {
        const meta: KeptDataset = {
          id: POPULATION_ID,
          fileName: file.name,
          loadedAt: new Date().toISOString(),
          hasFile: true,
          appends: 0,
          appendedReports: 0,
          bytes: file.bytes.byteLength,
        };
        this.kept.set(POPULATION_ID, meta);
        this.files.set(POPULATION_ID, file.bytes);
        await this.keepWith(async (store) => {
          await store.forget(POPULATION_ID);
          await store.putFile(meta, file.bytes);
        });
      }
      return ok;
    });
  }

  private async applyPopulation(file: DatasetFile): Promise<boolean> {
    try {
      const summary = await loadPopulation(await this.runner, file);
      this.set({
        population: { ...summary, file: file.name },
        populationFailure: null,
        version: this.current.version + 1,
      });
      return true;
    } catch (e) {
      this.set({ populationFailure: failureOf(e, file.name) });
      return false;
    }
  }

  /** Keeps something in the browser; a failure is said, and loses nothing already loaded. */
  private async keepWith(task: (s: KeptStore) => Promise<void>): Promise<void> {
    this.set({ kept: [...this.kept.values()] });
    if (!this.store) return;
    try {
      await task(this.store);
      this.set({ keep: { ...this.current.keep, failure: null } });
    } catch (e) {
      this.set({ keep: { ...this.current.keep, failure: (e as Error).message || String(e) } });
    }
  }

  /** Bytes this origin uses in the browser's storage, and its quota, where the browser says. */
  async storageUsage(): Promise<{ used: number; quota: number } | null> {
    return (await this.store?.usage().catch(() => null)) ?? null;
  }

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
    const { activeId, wantedId, alsoMissing } = this.current;
    if (wantedId !== null && !this.entry(wantedId)) return 'missing';
    if (alsoMissing.length > 0) return 'missing';
    return activeId === null ? 'error' : 'ready';
  }

  /**
   * Replaces `reports` with a file; on refusal or cancel the loaded data and `activeId` stay as they
   * were. Its progress is in `state.progress`; `cancelLoad()` stops it until it starts to write.
   */
  private async replace(
    id: string,
    file: (track: ByteTracker) => Promise<DatasetFile>,
    name: string,
    cancellable = true,
  ): Promise<boolean> {
    const tracker = this.startTracking(name, cancellable);
    try {
      performance.mark('dataset-load-start');
      const bytes = await file(tracker);
      tracker.read(bytes.bytes, detectFormat(bytes) === 'csv');
      // Hashed first: loading may hand the bytes over to the engine's worker.
      const contentHash = await contentHashOf(bytes.bytes);
      tracker.throwIfCancelled();
      let summary = await loadDataset(
        this.runner.then((r) => tracker.runner(r)),
        bytes,
      );
      performance.mark('dataset-loaded');
      const appended = await this.reapplyAppends(id);
      if (appended > 0) summary = { ...summary, ...(await this.totals()) };
      // `reports` now holds this dataset alone; a union is built again by `applyAlso`.
      this.composed = false;
      await this.noteStats(id, REPORTS_TABLE);
      const s = this.current;
      this.set({
        activeId: id,
        contentHash,
        summary,
        failure: null,
        appended,
        version: s.version + 1,
        generation: s.generation + 1,
      });
      return true;
    } catch (e) {
      if (tracker.signal.aborted) return this.wasCancelled(id, name);
      // A failed engine is said once, by the engine's state; it is no fault of the file.
      if (this.current.engine.status !== 'failed') this.set({ failure: failureOf(e, name) });
      return false;
    } finally {
      this.stopTracking(tracker);
    }
  }

  private startTracking(name: string, cancellable: boolean): LoadTracker {
    // Nothing loaded yet: a cancel would leave nothing to show, so the first load is not offered one.
    const tracker = new LoadTracker(name, cancellable && this.current.activeId !== null, (progress) => {
      if (this.tracker === tracker) this.set({ progress });
    });
    this.tracker = tracker;
    this.set({ progress: tracker.progress, cancelled: null });
    return tracker;
  }

  private stopTracking(tracker: LoadTracker): void {
    if (this.tracker !== tracker) return;
    this.tracker = null;
    this.set({ progress: null });
  }

  /** A cancelled load: said as such (not as a failure); the data loaded before stay active. */
  private async wasCancelled(id: string, name: string): Promise<false> {
    await this.runner.then(dropLoadLeftovers).catch(() => undefined);
    this.set({ cancelled: name, ...(this.current.wantedId === id ? { wantedId: this.current.activeId } : {}) });
    return false;
  }

  /**
   * Stops the dataset load under way at its next step; the data loaded before stay loaded and
   * active. False when there is none, or it is already writing `reports` (it then finishes).
   */
  cancelLoad(): boolean {
    return this.tracker?.cancel() ?? false;
  }

  /** Reports imported onto this dataset in an earlier session, appended again; how many. */
  private async reapplyAppends(id: string, table: string = REPORTS_TABLE): Promise<number> {
    const k = this.kept.get(id);
    if (!k || !this.store || k.appends === 0) return 0;
    const r = await this.runner;
    for (const bytes of await this.store.readAppends(id))
      await loadDataset(r, { name: APPEND_FILE, bytes }, 'append', table);
    return k.appendedReports;
  }

  private async totals() {
    return decodeLoadedTotals(await (await this.runner).query(loadedTotalsQuery()));
  }

  /**
   * Makes a registered dataset the loaded one (nothing to do when it already is). An id nobody
   * registered leaves the loaded data as it is and the status `missing`. A later request makes an
   * earlier one that has not started yet moot: only the last choice is loaded.
   */
  select(id: string, also: readonly string[] = []): Promise<boolean> {
    // A link to a database names where it is: it is known as soon as it is asked for.
    if (isDatabaseId(id) && !this.entry(id)) {
      const url = id.slice(DATABASE_PREFIX.length);
      const fileName = decodeURIComponent(url.split('?')[0]?.split('/').pop() || url).replace(/\.manifest\.json$/, '');
      this.register({ id, fileName, url, generated: false, origin: 'url' });
    }
    const want = [...new Set(also.filter((a) => a !== id))];
    const seq = ++this.selects;
    this.wantedAlso = want;
    this.set({ wantedId: id, wantedAlso: want });
    const s = this.current;
    const sameAlso =
      want.length === s.alsoIds.length + s.alsoMissing.length &&
      want.every((a) => s.alsoIds.includes(a) || s.alsoMissing.includes(a));
    if (s.activeId === id && sameAlso && this.pending === 0) {
      this.set({ status: this.settledStatus() });
      return Promise.resolve(true);
    }
    return this.enqueue(async () => {
      if (this.selects !== seq || this.current.wantedId !== id) return false; // superseded before it started
      // Looked up in turn: a restore before it may have brought it back.
      if (this.current.activeId !== id && !(await this.open(id))) return false;
      await this.applyAlso(want);
      return true;
    });
  }

  // --- several datasets at once -----------------------------------------------------------------

  /**
   * Makes `want` the datasets active beside the first: each is loaded into its own table (with
   * progress and cancel, like any load), those no longer wanted are dropped, and `reports` becomes
   * their union with conflicts settled by the user's choices (unsettled ones left out).
   */
  private async applyAlso(want: readonly string[]): Promise<void> {
    const r = await this.runner;
    for (const [id, table] of [...this.tables]) {
      if (want.includes(id)) continue;
      await dropTable(r, table);
      this.tables.delete(id);
    }
    const missing = want.filter((id) => !this.entry(id));
    for (const id of want) {
      if (this.tables.has(id) || !this.entry(id)) continue;
      await this.loadBeside(id);
    }
    const alsoIds = want.filter((id) => this.tables.has(id));
    this.set({ alsoIds, alsoMissing: missing });
    await this.compose();
  }

  /** Loads a dataset into its own table beside the first; false when refused or cancelled. */
  private async loadBeside(id: string): Promise<boolean> {
    const source = this.sourceOf(id);
    if (!source) return false;
    const name = this.entry(id)?.fileName ?? id;
    const table = `ds_beside_${++this.tableCount}`;
    const tracker = this.startTracking(name, true);
    try {
      const file = await source(tracker);
      tracker.read(file.bytes, detectFormat(file) === 'csv');
      tracker.throwIfCancelled();
      await loadDataset(
        this.runner.then((r) => tracker.runner(r)),
        file,
        'replace',
        table,
      );
      await this.reapplyAppends(id, table);
      this.tables.set(id, table);
      await this.noteStats(id, table);
      return true;
    } catch (e) {
      const r = await this.runner;
      await dropTable(r, table).catch(() => undefined);
      if (tracker.signal.aborted) {
        await dropLoadLeftovers(r).catch(() => undefined);
        this.set({ cancelled: name });
      } else if (this.current.engine.status !== 'failed') this.set({ failure: failureOf(e, name) });
      return false;
    } finally {
      this.stopTracking(tracker);
    }
  }

  /** Loads a registered dataset: a database is attached, anything else read and loaded. */
  private open(id: string, cancellable = true): Promise<boolean> {
    const entry = this.entry(id);
    if (entry?.url && isDatabaseId(id)) return this.attach(id, entry.url);
    const source = this.sourceOf(id);
    return source ? this.replace(id, source, entry?.fileName ?? id, cancellable) : Promise.resolve(false);
  }

  /**
   * Attaches a database file read-only over HTTP from its manifest (src/data/load/attach-database.ts):
   * only the manifest is downloaded whole; queries fetch the blocks they need. On failure the data
   * loaded before stay as they were, unless the engine had already given them up.
   */
  private async attach(id: string, manifestUrl: string): Promise<boolean> {
    const name = this.entry(id)?.fileName ?? id;
    const tracker = this.startTracking(name, false);
    try {
      performance.mark('dataset-load-start');
      // The engine's worker resolves no relative URL: both are made absolute against the page.
      const absolute = new URL(manifestUrl, globalThis.location?.href).href;
      const manifest = parseManifest(name, await this.fetchBytes(absolute, tracker));
      const summary = await attachDatabase(await this.runner, manifest, new URL(manifest.file, absolute).href);
      performance.mark('dataset-loaded');
      this.register({ id, fileName: manifest.name, url: manifestUrl, generated: manifest.generated, origin: 'url' });
      // `reports` now reads the database alone; a union is built again by `applyAlso`.
      this.composed = false;
      const s = this.current;
      this.set({
        activeId: id,
        contentHash: manifestHash(manifest),
        summary,
        failure: null,
        appended: 0,
        version: s.version + 1,
        generation: s.generation + 1,
      });
      return true;
    } catch (e) {
      if (this.current.engine.status !== 'failed') this.set({ failure: failureOf(e, name) });
      return false;
    } finally {
      this.stopTracking(tracker);
    }
  }

  /**
   * `reports` as the union of the active datasets (agency links applied), or the first dataset
   * alone when nothing else is active and no link is made. Conflicts are listed with their choice.
   */
  private async compose(): Promise<void> {
    const r = await this.runner;
    const first = this.current.activeId;
    const links = this.current.choices.links;
    if (!first) return;
    const needed = this.tables.size > 0 || links.length > 0;
    if (!needed) {
      if (this.composed) {
        await copyTable(r, PRIMARY_TABLE, REPORTS_TABLE);
        await dropTable(r, PRIMARY_TABLE);
        await refreshDerivedTables(r);
        this.composed = false;
        await this.afterCompose([]);
      }
      return;
    }
    if (!this.composed) {
      await copyTable(r, REPORTS_TABLE, PRIMARY_TABLE);
      // An attached database shows `reports` as views: with other datasets beside it, its rows are
      // copied into the engine (above) and its views give way to the union's tables.
      if (isDatabaseId(first)) await detachDatabase(r);
    }
    this.composed = true;
    const parts: UnionPart[] = [
      { id: first, table: PRIMARY_TABLE },
      ...this.current.alsoIds.flatMap((id) => {
        const table = this.tables.get(id);
        return table ? [{ id, table }] : [];
      }),
    ];
    const conflicts = await buildUnion(r, parts, (c) => winners(c, this.current.choices), links);
    await this.afterCompose(conflicts.map((c) => resolve(c, this.current.choices)));
  }

  private async afterCompose(conflicts: ResolvedConflict[]): Promise<void> {
    const s = this.current;
    const totals = await this.totals();
    this.set({
      conflicts,
      unresolved: conflicts.filter((c) => c.winner === null).length,
      summary: s.summary ? { ...s.summary, ...totals } : s.summary,
      version: s.version + 1,
      generation: s.generation + 1,
    });
  }

  /** Notes what a dataset's table holds (rows, agencies, years, templates, failing reports), kept. */
  private async noteStats(id: string, table: string): Promise<void> {
    try {
      const stats = await tableStats(await this.runner, table);
      const before = this.current.choices.stats[id];
      const entry: DatasetStats = { ...stats, loadedAt: before?.loadedAt ?? new Date().toISOString() };
      this.saveChoices({ ...this.current.choices, stats: { ...this.current.choices.stats, [id]: entry } });
    } catch {
      // Only a description: the data loaded either way.
    }
  }

  private saveChoices(choices: DatasetChoices): void {
    this.choiceStore.write(choices);
    this.set({ choices });
  }

  /** Rebuilds the union after a choice changed (nothing to do while one dataset and no link). */
  private recompose(): Promise<void> {
    return this.enqueue(async () => {
      if (this.current.activeId) await this.compose();
    });
  }

  /** Keeps `datasetId`'s report of one agency-year (null: no choice, it is left out again). */
  chooseForConflict(agencyId: string, year: number, datasetId: string | null): Promise<void> {
    const perConflict = { ...this.current.choices.perConflict };
    const key = conflictKey(agencyId, year);
    if (datasetId) perConflict[key] = datasetId;
    else delete perConflict[key];
    this.saveChoices({ ...this.current.choices, perConflict });
    return this.recompose();
  }

  /**
   * Prefers a dataset in every conflict it is part of (a choice made for one conflict still wins);
   * `on` false withdraws the preference.
   */
  preferDataset(datasetId: string, on = true): Promise<void> {
    const rest = this.current.choices.prefer.filter((p) => p !== datasetId);
    this.saveChoices({ ...this.current.choices, prefer: on ? [datasetId, ...rest] : rest });
    return this.recompose();
  }

  /** Reads agency `from` as agency `to` (the same body under a changed name); kept across reloads. */
  linkAgency(from: string, to: string): Promise<void> {
    if (from === to) return Promise.resolve();
    const links = [...this.current.choices.links.filter((l) => l.from !== from), { from, to }];
    this.saveChoices({ ...this.current.choices, links });
    return this.recompose();
  }

  unlinkAgency(from: string): Promise<void> {
    const links = this.current.choices.links.filter((l: AgencyLink) => l.from !== from);
    this.saveChoices({ ...this.current.choices, links });
    return this.recompose();
  }

  /** Where the bytes of a registered dataset come from: this session, the browser's store, or its URL. */
  private sourceOf(id: string): ((track: ByteTracker) => Promise<DatasetFile>) | null {
    const entry = this.entry(id);
    if (!entry) return null;
    const name = entry.fileName ?? id;
    const held = this.files.get(id);
    if (held) return async () => ({ name, bytes: held });
    const store = this.store;
    if (entry.origin === 'file' && store && this.kept.get(id)?.hasFile) {
      return () => store.readFile(id).then((bytes) => ({ name, bytes }));
    }
    const url = entry.url;
    return url ? async (track) => ({ name, bytes: await this.fetchBytes(url, track) }) : null;
  }

  /** Loads a file the user chose; it becomes a registered dataset once it loaded. */
  loadFile(chosen: DatasetFile | ChosenFile): Promise<boolean> {
    const tooLarge = 'size' in chosen ? fileSizeIssue(chosen.name, chosen.size) : null;
    if (tooLarge) {
      // Refused before a byte is read: a file over the limit would only run the page out of memory.
      this.set({ failure: { file: chosen.name, issues: [tooLarge], total: 1 } });
      return Promise.resolve(false);
    }
    this.set({ wantedId: fileDatasetId(chosen.name) });
    return this.enqueue(() =>
      this.loadBytes(chosen.name, 'read' in chosen ? (track) => chosen.read(track) : async () => chosen.bytes),
    );
  }

  private async loadBytes(name: string, read: (track: ByteTracker) => Promise<Uint8Array>): Promise<boolean> {
    const id = fileDatasetId(name);
    {
      let file: DatasetFile = { name, bytes: new Uint8Array() };
      const ok = await this.replace(id, async (track) => (file = { name, bytes: await read(track) }), name);
      if (ok) {
        this.files.set(id, file.bytes);
        const loadedAt = new Date().toISOString();
        this.register({ id, fileName: file.name, generated: false, origin: 'file', loadedAt });
        await this.applyAlso(this.wantedAlso.filter((a) => a !== id));
        // A new file under a name already kept replaces it, appended reports included.
        const meta: KeptDataset = {
          id,
          fileName: file.name,
          loadedAt,
          hasFile: true,
          appends: 0,
          appendedReports: 0,
          bytes: file.bytes.byteLength,
        };
        this.kept.set(id, meta);
        await this.keepWith(async (store) => {
          await store.forget(id);
          await store.putFile(meta, file.bytes);
        });
      }
      if (!ok && this.current.wantedId === id) this.set({ wantedId: this.current.activeId });
      return ok;
    }
  }

  /** Loads a dataset from a URL; it becomes a registered dataset once it loaded. */
  loadUrl(url: string, fileName: string): Promise<boolean> {
    const id = urlDatasetId(url);
    this.set({ wantedId: id });
    return this.enqueue(async () => {
      const ok = await this.replace(
        id,
        async (track) => ({ name: fileName, bytes: await this.fetchBytes(url, track) }),
        fileName,
      );
      if (ok) {
        this.register({ id, fileName, url, generated: false, origin: 'url' });
        await this.applyAlso(this.wantedAlso.filter((a) => a !== id));
      }
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
        // With several datasets active the reports join the first one's table, then the union is rebuilt.
        const table = this.composed ? PRIMARY_TABLE : REPORTS_TABLE;
        await loadDataset(r, file, 'append', table);
        // Its description changes with the reports added; the others' tables did not change.
        await this.noteStats(this.current.activeId, table);
        if (this.composed) await this.compose();
        const totals = await this.totals();
        await this.keepAppend(this.current.activeId, file.bytes, count);
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

  private async keepAppend(id: string, bytes: Uint8Array, count: number): Promise<void> {
    const entry = this.entry(id);
    const before = this.kept.get(id);
    const meta: KeptDataset = {
      id,
      fileName: entry?.fileName ?? id,
      loadedAt: before?.loadedAt ?? new Date().toISOString(),
      hasFile: before?.hasFile ?? false,
      appends: (before?.appends ?? 0) + 1,
      appendedReports: (before?.appendedReports ?? 0) + count,
      bytes: (before?.bytes ?? 0) + bytes.byteLength,
    };
    this.kept.set(id, meta);
    await this.keepWith((store) => store.putAppend(id, meta.appends - 1, bytes, meta));
  }

  /** What is kept for a dataset (its file, reports appended to it), if anything. */
  keptOf(id: string): KeptDataset | undefined {
    return this.kept.get(id);
  }

  /**
   * Forgets what the browser kept for a dataset: a user's file is removed from the list, and reports
   * appended to a bundled dataset are dropped (it is loaded again without them if it is shown).
   */
  forget(id: string): Promise<void> {
    return this.enqueue(async () => {
      const entry = this.entry(id);
      this.kept.delete(id);
      await this.keepWith(async (store) => store.forget(id));
      if (id === POPULATION_ID) {
        this.files.delete(id);
        await (await this.runner).query(dropPopulationQuery()).catch(() => undefined);
        this.set({ population: null, version: this.current.version + 1 });
      } else if (entry?.origin === 'file') {
        this.files.delete(id);
        this.set({ entries: this.current.entries.filter((e) => e.id !== id) });
        if (this.tables.has(id)) await this.applyAlso(this.wantedAlso.filter((a) => a !== id));
      } else if (entry && this.current.activeId === id && this.current.appended > 0 && entry.url) {
        const url = entry.url;
        const name = entry.fileName ?? id;
        if (await this.replace(id, async () => ({ name, bytes: await this.fetchBytes(url) }), name))
          await this.applyAlso(this.wantedAlso); // the union is built again over the dataset without them
      }
    });
  }

  /** Resolves once every write asked for so far has finished. */
  async settled(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }
}
