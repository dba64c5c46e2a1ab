/**
 * 导入年报: report documents parsed in the browser, their metadata confirmed, then appended to the
 * loaded data. The parsed files live here (not in a store: they are documents, not selections)
 * and survive a visit to another view; a refused append keeps every file and form as it was.
 */
import { markRaw, ref, shallowRef, watch } from 'vue';
import { DATASET_COLUMNS } from '@/domain/catalogue';
import { toCsv, type DataTable } from '@/domain/csv';
import type { CheckResult } from '@/domain/rules';
import { parseReport, readFailure, type ParsedReport } from '@/ingest';
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

export type ImportState = 'parsing' | 'ready' | 'unreadable' | 'accepted';

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
}

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
let nextKey = 1;
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
    const report = await parseReport(
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), mime: file.type },
      BROWSER_PDF_OPTIONS,
    );
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
  }

  /** Parses each file in turn (PDFs are the slow ones); each card fills in as its file is done. */
  async function addFiles(files: readonly File[]): Promise<void> {
    const added = files.map((f) => ({ file: f, key: nextKey++ }));
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
      })),
    );
    for (const { file, key } of added) {
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
    }
  }

  function remove(key: number): void {
    items.value = items.value.filter((i) => i.key !== key);
  }

  function clearAccepted(): void {
    items.value = items.value.filter((i) => i.state !== 'accepted');
  }

  function problems(i: ImportItem): Partial<Record<MetaField, MetaProblem>> {
    const others = items.value
      .filter((o) => o.key !== i.key && (o.state === 'accepted' || (o.state === 'ready' && o.selected)))
      .map((o) => o.form);
    const loaded = i.known && i.known.id === i.form.agency_id.trim() ? i.known.years : [];
    return validateMeta(i.form, i.report?.template ?? null, i.state === 'accepted' ? [] : others, loaded);
  }

  function checks(i: ImportItem): CheckResult[] | null {
    if (!i.report || i.state === 'unreadable') return null;
    return checkParsedReport(i.report, { agency_id: i.form.agency_id, year: i.form.year, template: i.form.template });
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
      rows: chosen.map((i) => formRow(i.report as ParsedReport, i.form) as (string | number | null)[]),
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
      return true;
    } finally {
      busy.value = false;
    }
  }

  /** The parsed reports worth keeping: readable ones, accepted or not. */
  const exportable = () => items.value.filter((i) => i.report && i.state !== 'parsing' && i.state !== 'unreadable');

  function downloadCsv(): void {
    downloadText(toCsv(table(exportable())), 'parsed-reports.csv', 'text/csv;charset=utf-8');
  }

  function downloadParquet(): void {
    const rows: CsvValue[][] = exportable().map((i) => formRow(i.report as ParsedReport, i.form));
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
    addFiles,
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
