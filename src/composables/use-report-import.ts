/**
 * 导入年报 — the review queue: report documents parsed in the browser (a folder or hundreds of
 * files, with progress and cancel), reviewed one by one beside their source, corrected by hand
 * where needed (every edit logged), their identity confirmed once per agency, then appended to the
 * loaded data. The queue lives here (not in a store: documents, not selections), outlives a visit
 * to another view and is kept in the browser across reloads (see review-keep.ts); a refused append
 * keeps every file and form as it was.
 */
import { markRaw, ref, shallowRef, watch } from 'vue';
import { useDebounceFn } from '@vueuse/core';
import { DATASET_COLUMNS } from '@/domain/catalogue';
import { toCsv, type DataTable } from '@/domain/csv';
import type { CheckResult } from '@/domain/rules';
import { parseReport, readFailure, readSource, type ParsedReport } from '@/ingest';
import type { SourceDocument } from '@/ingest/types';
import { sourcePassage, type Passage } from '@/ingest/passage';
import { parseEditValue, recordEdit, withEdits, type CellEdit } from '@/ingest/review';
import {
  browserReviewStore,
  type ConfirmedIdentity,
  type KeptQueue,
  type KeptReview,
  type ReviewStore,
} from '@/composables/review-keep';
import { formatCsv, WARNING_COLUMNS, warningRows, type CsvValue } from '@/ingest/csv';
import {
  formRow,
  suggestMeta,
  validateMeta,
  type MetaField,
  type MetaProblem,
  type ReportMetaForm,
} from '@/ingest/meta';
import { reportRowsParquet } from '@/ingest/parquet';
import { checkParsedReport } from '@/ingest/rules';
import type { LoadIssue } from '@/data/load/issues';
import { decodeKnownAgencies, knownAgenciesQuery } from '@/data/queries/import';
import type { KnownAgency } from '@/data/queries/import';
import { useRunner, useWorkspace } from '@/composables/runner';
import { APPEND_FILE } from '@/workspace';
import { downloadHref, downloadText } from '@/composables/download';
import { BROWSER_PDF_OPTIONS } from '@/composables/pdf-assets';
import { useDatasetsStore } from '@/stores/datasets';

export type { ParsedReport, Provenance, IngestWarning } from '@/ingest';
export type { MetaField, MetaProblem, ReportMetaForm } from '@/ingest/meta';
export { META_FIELDS } from '@/ingest/meta';
export { ruleTallies } from '@/ingest/rules';

/** `ready` and `unreadable` are "to review"; `rejected` is left out on purpose (and can be taken back). */
export type ImportState = 'parsing' | 'ready' | 'unreadable' | 'accepted' | 'rejected';

export interface ImportItem {
  readonly key: number;
  readonly fileName: string;
  readonly size: number;
  state: ImportState;
  report: ParsedReport | null;
  form: ReportMetaForm;
  /** Fields filled by a suggestion rather than read from the document. */
  suggested: MetaField[];
  /** The loaded agency this report was matched to by name, if any. */
  known: KnownAgency | null;
  selected: boolean;
  /** Hand corrections of cells, in order (the report keeps the values as read). */
  edits: CellEdit[];
  /** The identity came from a confirmation for this agency (once per agency, not per year). */
  confirmed: boolean;
}

/** The fields confirmed once per agency: everything but what differs by year. */
const IDENTITY_FIELDS: readonly MetaField[] = [
  'agency_id',
  'agency_name',
  'level',
  'kind',
  'province',
  'city',
  'county',
  'sector',
];

export interface ImportFailure {
  readonly issues: readonly LoadIssue[];
  readonly total: number;
  /** CSV row number → the report file it came from. */
  readonly rowFiles: Readonly<Record<number, string>>;
}

export const REPORT_ACCEPT = '.html,.htm,.shtml,.xhtml,.txt,.pdf,.docx,.doc,.wps';

// Module state: the parsed files outlive the view, so a look at the Overview loses nothing.
const items = ref<ImportItem[]>([]);
const failure = shallowRef<ImportFailure | null>(null);
const busy = ref(false);
/** Parsing a batch: how many of how many; null when idle. */
const progress = ref<{ done: number; total: number } | null>(null);
let cancelRequested = false;
/** The batch being parsed (batches run one after another). */
let parsing: Promise<void> = Promise.resolve();
/** Identity confirmed per agency name (as the documents print it). */
const identities = ref<Record<string, ConfirmedIdentity>>({});
/** Where the queue is kept; null until the store answered. */
const keptIn = ref<'indexeddb' | 'memory' | null>(null);
let store: Promise<ReviewStore> | null = null;
let restoring: Promise<void> | null = null;
let nextKey = 1;
/** The document open in the queue, and the status shown: kept while another view is visited. */
const openKey = ref<number | null>(null);
const statusFilter = ref<'all' | 'review' | 'accepted' | 'rejected' | 'parsing'>('all');
/** The workspace generation our last append went into: a later one means the data was replaced. */
let appendedInto: number | null = null;

function emptyForm(): ReportMetaForm {
  return {
    agency_id: '',
    agency_name: '',
    year: '',
    template: '',
    level: '',
    kind: '',
    province: '',
    city: '',
    county: '',
    sector: '',
    source_url: '',
  };
}

function kept(i: ImportItem): KeptReview {
  const { key, fileName, size, state, report, form, suggested, known, selected, edits, confirmed } = i;
  return {
    key,
    fileName,
    size,
    state: state === 'parsing' ? 'unreadable' : state,
    report,
    form: { ...form },
    suggested: [...suggested],
    known,
    selected,
    edits: [...edits],
    confirmed,
  };
}

function revive(k: KeptReview): ImportItem {
  return {
    ...k,
    state: k.state as ImportState,
    report: k.report ? markRaw(k.report) : null,
    form: { ...k.form },
    suggested: [...k.suggested],
    known: k.known ? markRaw(k.known) : null,
    edits: [...k.edits],
  };
}

function keeper(): Promise<ReviewStore> {
  store ??= browserReviewStore().then((s) => {
    keptIn.value = s.kind;
    return s;
  });
  return store;
}

/** The kept queue, read once per page load before anything is added to it. */
function restore(): Promise<void> {
  restoring ??= keeper()
    .then((s) => s.load())
    .then((q) => {
      if (!q) return;
      const known = new Set(items.value.map((i) => i.key));
      items.value = [...q.items.filter((k) => !known.has(k.key)).map(revive), ...items.value];
      identities.value = { ...q.identities, ...identities.value };
      nextKey = Math.max(nextKey, ...items.value.map((i) => i.key + 1));
    })
    .catch(() => undefined);
  return restoring;
}

async function saveNow(): Promise<void> {
  await restore();
  const s = await keeper();
  // A plain copy: IndexedDB cannot clone the page's reactive proxies.
  const queue: KeptQueue = JSON.parse(
    JSON.stringify({ items: items.value.filter((i) => i.state !== 'parsing').map(kept), identities: identities.value }),
  );
  await s.save(queue).catch(() => undefined);
}

/** The source document of one item, read again from its kept bytes (the last few are cached). */
const sources = new Map<number, Promise<{ bytes: Uint8Array; doc: SourceDocument } | null>>();
function sourceOf(i: ImportItem): Promise<{ bytes: Uint8Array; doc: SourceDocument } | null> {
  let hit = sources.get(i.key);
  if (!hit) {
    hit = keeper()
      .then((s) => s.source(i.key))
      .then(async (bytes) =>
        bytes ? { bytes, doc: markRaw(await readSource({ name: i.fileName, bytes }, BROWSER_PDF_OPTIONS)) } : null,
      )
      .catch(() => null);
    sources.set(i.key, hit);
    for (const k of [...sources.keys()].slice(0, Math.max(0, sources.size - 4))) sources.delete(k);
  }
  return hit;
}

export function useReportImport() {
  const runner = useRunner();
  const workspace = useWorkspace();
  const datasets = useDatasetsStore();

  /** Loading another dataset drops appended reports: their files become acceptable again. */
  function reconcile(): void {
    if (appendedInto === null || datasets.generation === appendedInto) return;
    for (const i of items.value) if (i.state === 'accepted') i.state = 'ready';
    appendedInto = null;
  }
  reconcile();
  watch(() => datasets.generation, reconcile);
  void restore();
  const persist = useDebounceFn(saveNow, 300);

  function item(key: number): ImportItem | undefined {
    return items.value.find((i) => i.key === key);
  }

  /** Loaded agencies named like the parsed reports, or with the ids their forms hold. */
  async function knownAgencies(names: string[], ids: string[]): Promise<KnownAgency[]> {
    const q = knownAgenciesQuery(names, ids);
    if (!q) return [];
    return decodeKnownAgencies(await (await runner).query(q));
  }

  async function parseOne(file: File, key: number): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The source is kept for showing beside the table; a store that refuses loses only that view.
    void keeper().then((s) => s.putSource(key, bytes).catch(() => undefined));
    const report = await parseReport({ name: file.name, bytes, mime: file.type }, BROWSER_PDF_OPTIONS);
    const unreadable = report.warnings.some((w) => w.severity === 'error');
    let known: KnownAgency | null = null;
    // The view opens before the data is loaded: match against the loaded agencies once there are any.
    await workspace.settled();
    if (!unreadable && report.agencyName && workspace.state.activeId !== null) {
      known = (await knownAgencies([report.agencyName], [])).find((k) => k.name === report.agencyName) ?? null;
    }
    const target = item(key);
    if (!target) return;
    const { form, suggested } = suggestMeta(report, known);
    target.report = markRaw(report);
    target.form = form;
    target.suggested = [...suggested];
    target.known = known ? markRaw(known) : null;
    target.state = unreadable ? 'unreadable' : 'ready';
    target.selected = !unreadable;
    const confirmed = report.agencyName ? identities.value[report.agencyName] : undefined;
    if (confirmed && !unreadable) applyIdentity(target, confirmed);
  }

  function applyIdentity(target: ImportItem, identity: ConfirmedIdentity): void {
    for (const f of IDENTITY_FIELDS) {
      const v = identity[f];
      if (v !== undefined) target.form[f] = v;
    }
    target.suggested = target.suggested.filter((f) => !IDENTITY_FIELDS.includes(f));
    target.confirmed = true;
  }

  /**
   * Confirms the identity of `i`'s agency once: its identity fields go to every document of the
   * same agency (as printed) not yet accepted, and to any added later.
   */
  function confirmIdentity(i: ImportItem): number {
    const name = i.report?.agencyName;
    if (!name) return 0;
    const identity: ConfirmedIdentity = Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, i.form[f].trim()]));
    identities.value = { ...identities.value, [name]: identity };
    let n = 0;
    for (const o of items.value) {
      if (o.report?.agencyName !== name || o.state === 'accepted' || o.state === 'parsing') continue;
      applyIdentity(o, identity);
      n++;
    }
    void persist();
    return n;
  }

  /** How many documents of the same agency (as printed) the queue holds. */
  function sameAgency(i: ImportItem): number {
    const name = i.report?.agencyName;
    return name ? items.value.filter((o) => o.report?.agencyName === name).length : 0;
  }

  /**
   * Parses each file in turn (PDFs are the slow ones); each row fills in as its file is done. The
   * progress says how many of the batch are done; cancel stops before the next file and drops the
   * files not yet read (those already read stay).
   */
  async function addFiles(files: readonly File[]): Promise<void> {
    await restore();
    const added = files.map((f) => ({ file: f, key: nextKey++ }));
    progress.value = { done: progress.value?.done ?? 0, total: (progress.value?.total ?? 0) + added.length };
    items.value.push(
      ...added.map(({ file, key }): ImportItem => ({
        key,
        fileName: file.name,
        size: file.size,
        state: 'parsing',
        report: null,
        form: emptyForm(),
        suggested: [],
        known: null,
        selected: false,
        edits: [],
        confirmed: false,
      })),
    );
    // One batch at a time: a second drop waits for the first (its rows show at once).
    const run = parsing.then(() => parseBatch(added));
    parsing = run.catch(() => undefined);
    await run;
  }

  async function parseBatch(added: readonly { file: File; key: number }[]): Promise<void> {
    for (const { file, key } of added) {
      if (cancelRequested) break;
      if (!item(key)) continue;
      try {
        await parseOne(file, key);
      } catch (e) {
        // parseReport never throws for a bad document; this is a failure of the page itself.
        const target = item(key);
        if (target) {
          target.state = 'unreadable';
          const report: ParsedReport = {
            fileName: file.name,
            format: 'text',
            agencyName: null,
            year: null,
            template: null,
            cells: {},
            provenance: {},
            warnings: [readFailure(e, 'text')],
          };
          target.report = markRaw(report);
        }
      }
      if (progress.value) progress.value = { ...progress.value, done: progress.value.done + 1 };
      void persist();
    }
    if (cancelRequested) {
      // Cancel drops every file not read yet, of this batch and of any waiting behind it.
      items.value = items.value.filter((i) => i.state !== 'parsing');
      forgetSources(added.map((a) => a.key).filter((k) => !item(k)));
    }
    if (!items.value.some((i) => i.state === 'parsing')) {
      progress.value = null;
      cancelRequested = false;
    }
  }

  function cancel(): void {
    cancelRequested = true;
  }

  function forgetSources(keys: number[]): void {
    for (const k of keys) sources.delete(k);
    void keeper().then((s) => s.forget(keys).catch(() => undefined));
  }

  function remove(key: number): void {
    items.value = items.value.filter((i) => i.key !== key);
    forgetSources([key]);
    void persist();
  }

  function clearAccepted(): void {
    forgetSources(items.value.filter((i) => i.state === 'accepted').map((i) => i.key));
    items.value = items.value.filter((i) => i.state !== 'accepted');
    void persist();
  }

  /** Leaves a document out on purpose (it stays in the queue, marked), or takes it back. */
  function reject(i: ImportItem, on: boolean): void {
    if (i.state === 'accepted' || i.state === 'parsing') return;
    i.state = on
      ? 'rejected'
      : i.report && !i.report.warnings.some((w) => w.severity === 'error')
        ? 'ready'
        : 'unreadable';
    i.selected = !on && i.state === 'ready';
    void persist();
  }

  /** The report with the reviewer's corrections applied. */
  function edited(i: ImportItem): ParsedReport | null {
    return i.report ? withEdits(i.report, i.edits) : null;
  }

  /** A hand correction of one cell; false (nothing changes) when the text is not a count. */
  function editCell(i: ImportItem, key: string, text: string): boolean {
    if (!i.report || i.state === 'accepted') return false;
    const value = parseEditValue(text);
    if (value === undefined) return false;
    i.edits = recordEdit(i.report, i.edits, key, value);
    void persist();
    return true;
  }

  /**
   * The passage of the source a cell was read from, and for PDFs the bytes to draw its page;
   * `kept` false when the original is not in this browser's store.
   */
  async function passage(
    i: ImportItem,
    key: string,
  ): Promise<{ kept: boolean; passage: Passage | null; pdf: Uint8Array | null }> {
    const prov = i.report?.provenance[key];
    const src = await sourceOf(i);
    if (!src) return { kept: false, passage: null, pdf: null };
    if (!prov) return { kept: true, passage: null, pdf: null };
    return { kept: true, passage: sourcePassage(src.doc, prov), pdf: src.doc.format === 'pdf' ? src.bytes : null };
  }

  /** Every hand edit of the queue, one row each, for the CSV beside the data. */
  function editRows(): (string | number | null)[][] {
    return items.value.flatMap((i) =>
      i.edits.map((e) => [i.fileName, i.form.agency_id, i.form.year, e.key, e.old, e.value, e.at, i.state]),
    );
  }

  function downloadEdits(): void {
    const columns = ['file', 'agency_id', 'year', 'cell', 'old_value', 'new_value', 'edited_at', 'status'];
    downloadText(
      `\uFEFF${formatCsv(columns, editRows() as CsvValue[][])}`,
      'parsed-reports.edits.csv',
      'text/csv;charset=utf-8',
    );
  }

  function problems(i: ImportItem): Partial<Record<MetaField, MetaProblem>> {
    const others = items.value
      .filter((o) => o.key !== i.key && (o.state === 'accepted' || (o.state === 'ready' && o.selected)))
      .map((o) => o.form);
    const loaded = i.known && i.known.id === i.form.agency_id.trim() ? i.known.years : [];
    return validateMeta(i.form, i.report?.template ?? null, i.state === 'accepted' ? [] : others, loaded);
  }

  function checks(i: ImportItem): CheckResult[] | null {
    const report = edited(i);
    if (!report || i.state === 'unreadable') return null;
    return checkParsedReport(report, { agency_id: i.form.agency_id, year: i.form.year, template: i.form.template });
  }

  const selectable = (i: ImportItem) => i.state === 'ready' && i.selected;
  const readyToAccept = () => items.value.filter(selectable);
  const canAccept = () => {
    const chosen = readyToAccept();
    return chosen.length > 0 && chosen.every((i) => Object.keys(problems(i)).length === 0);
  };

  function table(chosen: readonly ImportItem[]): DataTable {
    return {
      columns: DATASET_COLUMNS,
      rows: chosen.map((i) => formRow(edited(i) as ParsedReport, i.form) as (string | number | null)[]),
    };
  }

  /** Appends the selected reports to the loaded data; on refusal nothing changes but the message. */
  async function accept(): Promise<boolean> {
    const chosen = readyToAccept();
    if (!chosen.length || busy.value) return false;
    busy.value = true;
    failure.value = null;
    const bytes = new TextEncoder().encode(toCsv(table(chosen), false));
    try {
      const refused = await workspace.append({ name: APPEND_FILE, bytes }, chosen.length);
      if (refused) {
        failure.value = {
          issues: refused.issues,
          total: refused.total,
          rowFiles: Object.fromEntries(chosen.map((i, n) => [n + 2, i.fileName])),
        };
        return false;
      }
      for (const i of chosen) {
        i.state = 'accepted';
        i.selected = false;
      }
      appendedInto = datasets.generation;
      void persist();
      return true;
    } finally {
      busy.value = false;
    }
  }

  /** The parsed reports worth keeping: readable ones, accepted or not. */
  const exportable = () =>
    items.value.filter((i) => i.report && i.state !== 'parsing' && i.state !== 'unreadable' && i.state !== 'rejected');

  function downloadCsv(): void {
    downloadText(toCsv(table(exportable())), 'parsed-reports.csv', 'text/csv;charset=utf-8');
  }

  function downloadParquet(): void {
    const rows: CsvValue[][] = exportable().map((i) => formRow(edited(i) as ParsedReport, i.form));
    const url = URL.createObjectURL(
      new Blob([reportRowsParquet(rows) as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.parquet' }),
    );
    downloadHref(url, 'parsed-reports.parquet');
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function downloadWarnings(): void {
    const rows = items.value.flatMap((i) => (i.report ? warningRows(i.report) : []));
    downloadText(`\uFEFF${formatCsv(WARNING_COLUMNS, rows)}`, 'parsed-reports.warnings.csv', 'text/csv;charset=utf-8');
  }

  return {
    items,
    failure,
    busy,
    progress,
    keptIn,
    openKey,
    statusFilter,
    restored: restore,
    addFiles,
    cancel,
    reject,
    edited,
    editCell,
    passage,
    confirmIdentity,
    sameAgency,
    downloadEdits,
    remove,
    clearAccepted,
    problems,
    checks,
    canAccept,
    readyToAccept,
    accept,
    exportable,
    downloadCsv,
    downloadParquet,
    downloadWarnings,
  };
}
