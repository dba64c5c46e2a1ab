import { Float64, Int32, Table, Utf8, tableToIPC, type Vector } from 'apache-arrow';
import { vectorOf } from '@/data/load/arrow-vector';
import { CELLS, IDENTITY_COLUMNS, KINDS, LEVELS, TEMPLATES, type CellValueKind } from '@/domain/catalogue';
import { MAX_LISTED_ISSUES, type LoadIssue, type LoadIssueCode } from '@/data/load/issues';

/** Columns already typed by their file (Parquet): numbers as numbers, text as text. */
export type TypedColumns = ReadonlyMap<string, readonly unknown[]>;

const KIND_OF = new Map<string, CellValueKind>(CELLS.map((c) => [c.key, c.valueKind]));
const LEVEL_KEYS = new Set<string>(LEVELS.map((l) => l.key));
const KIND_KEYS = new Set<string>(KINDS.map((k) => k.key));
const TEMPLATE_KEYS = new Set<string>(TEMPLATES);

const asNumber = (v: unknown): number | null | undefined =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
const asText = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  // As the text path: the apostrophe a CSV export puts before = + - @ is not part of the text.
  const s = String(v)
    .trim()
    .replace(/^'(?=[=+\-@\t\r])/, '');
  return s === '' ? null : s;
};

/**
 * Whether a file's columns are typed as the contract expects (every cell numeric). Only then can
 * the typed path be used; otherwise the file goes through the text staging path.
 */
export function isTypedWide(columns: TypedColumns): boolean {
  for (const [key, values] of columns) {
    if (!KIND_OF.has(key)) continue;
    if (values.some((v) => asNumber(v) === undefined)) return false;
  }
  return true;
}

/** The value checks of the text path (validate.ts), over typed columns: a plain loop. */
function numericProblem(v: number, kind: CellValueKind): LoadIssueCode | null {
  if (!Number.isFinite(v)) return 'not_finite';
  if (Math.abs(v) >= 1e15) return 'too_large';
  if (kind !== 'decimal' && v !== Math.floor(v)) return 'not_integer';
  if (kind !== 'signed_count' && v < 0) return 'negative';
  return null;
}

function identityProblem(key: string, v: unknown): LoadIssueCode | null {
  const text = asText(v);
  switch (key) {
    case 'agency_id':
    case 'agency_name':
      return text === null ? 'empty_identity' : null;
    case 'year': {
      const n = Number(text);
      return text === null || !Number.isInteger(n) || n < 2000 || n > 2100 ? 'bad_year' : null;
    }
    case 'template':
      return text !== null && !TEMPLATE_KEYS.has(text) ? 'bad_template' : null;
    case 'level':
      return text === null || !LEVEL_KEYS.has(text) ? 'bad_level' : null;
    case 'kind':
      return text === null || !KIND_KEYS.has(text) ? 'bad_kind' : null;
    default:
      return null;
  }
}

/** Every problem of typed wide columns, in row order (row 1 = first record). */
export function typedIssues(
  file: string,
  columns: TypedColumns,
  rowCount: number,
): { issues: LoadIssue[]; total: number } {
  const found: (LoadIssue & { ord: number })[] = [];
  let ord = 0;
  for (const [key, values] of columns) {
    ord++;
    const kind = KIND_OF.get(key);
    values.forEach((v, i) => {
      const code = kind
        ? (() => {
            const n = asNumber(v);
            return n === null || n === undefined ? null : numericProblem(n, kind);
          })()
        : identityProblem(key, v);
      if (code) found.push({ code, file, row: i + 1, column: key, value: String(v), ord });
    });
  }
  const ids = columns.get('agency_id') ?? [];
  const years = columns.get('year') ?? [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rowCount; i++) {
    const k = `${asText(ids[i]) ?? ''}\u0000${String(years[i])}`;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i + 1);
    else
      found.push({
        code: 'duplicate_report',
        file,
        row: i + 1,
        column: 'agency_id',
        value: String(ids[i]),
        detail: String(first),
        ord: 1e6,
      });
  }
  found.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.ord - b.ord);
  return { total: found.length, issues: found.slice(0, MAX_LISTED_ISSUES).map(({ ord: _ord, ...issue }) => issue) };
}

/** Typed columns → an Arrow IPC stream (text as Utf8, year Int32, cells Float64). Pure JavaScript. */
export function typedColumnsIpc(columns: TypedColumns): Uint8Array {
  const identity = new Set<string>(IDENTITY_COLUMNS.map((c) => c.key));
  const vectors: Record<string, Vector> = {};
  for (const [key, values] of columns) {
    if (key === 'year')
      vectors[key] = vectorOf(
        values.map((v) => (v === null ? null : Number(v))),
        new Int32(),
      );
    else if (identity.has(key)) vectors[key] = vectorOf(values.map(asText), new Utf8());
    else
      vectors[key] = vectorOf(
        values.map((v) => asNumber(v) ?? null),
        new Float64(),
      );
  }
  return tableToIPC(new Table(vectors), 'stream');
}
