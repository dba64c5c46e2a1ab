/**
 * The briefing (简报): charts, tables and written findings the reader gathered from the views, in
 * the order they chose, each with a caption, to print or save as a Word document. Pure data and
 * operations: the store keeps it, the page shows it, the DOCX builder writes it.
 */
import { flattenTable, type Cell, type ExportTable } from '@/domain/export-table';
import { NO_VALUE, type Lang } from '@/domain/format';

/** What every item says about where it came from. */
interface ItemOrigin {
  /** The card's title. */
  readonly title: string;
  /** The source line as the card shows it, "来源：" included (`useLabels().source`: dataset and filters in words). */
  readonly source: string;
  /** Dataset version and data date, when known. */
  readonly provenance?: string;
  /** The filters in words. */
  readonly filters?: string;
  /** The address of the view it came from (window.location.href). */
  readonly link?: string;
}

/** A chart: the framed standalone SVG (title, unit, source lines around the plot) and its figures. */
export interface ChartItemInput extends ItemOrigin {
  readonly kind: 'chart';
  readonly unit?: string;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly table?: ExportTable | null;
}

/** A table, written as a table (Word table in the DOCX). */
export interface TableItemInput extends ItemOrigin {
  readonly kind: 'table';
  readonly unit?: string;
  readonly table: ExportTable;
}

/** A paragraph of text, e.g. a view's written findings. */
export interface TextItemInput extends ItemOrigin {
  readonly kind: 'text';
  readonly text: string;
}

/** What a view hands to `useBriefing().add(…)`. */
export type BriefingItemInput = ChartItemInput | TableItemInput | TextItemInput;

/** An item as kept: the input plus an id, the reader's caption and when it was added. */
export type BriefingItem = BriefingItemInput & {
  readonly id: string;
  /** The reader's words under the item (empty until they write some). */
  readonly caption: string;
  /** ISO time of adding. */
  readonly addedAt: string;
};

export interface BriefingState {
  /** null: the default title in the page's language. */
  readonly title: string | null;
  /** null: today, in the page's language. */
  readonly date: string | null;
  readonly items: readonly BriefingItem[];
}

export const EMPTY_BRIEFING: BriefingState = { title: null, date: null, items: [] };

/** The default title, and the date as written in each language. */
export const DEFAULT_TITLE = {
  zh: '政府信息公开年报简报',
  en: 'Government information disclosure annual reports: briefing',
};

export function briefingDate(d: Date, lang: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long' }).format(d);
}

/**
 * The most a briefing may hold, in characters of its stored form: browsers keep about 5 million
 * characters per site in local storage, and the app keeps other choices there too.
 */
export const MAX_BRIEFING_CHARS = 4_000_000;
/** The most items a briefing holds. */
export const MAX_BRIEFING_ITEMS = 60;

export type AddOutcome =
  | { readonly ok: true; readonly count: number; readonly id: string }
  | { readonly ok: false; readonly reason: 'items' | 'size' | 'invalid'; readonly count: number };

/** The stored form (versioned, so a later shape can read an older one or drop it). */
export function serialiseBriefing(state: BriefingState): string {
  return JSON.stringify({ v: 1, ...state });
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isExportTable(v: unknown): v is ExportTable {
  return (
    isObj(v) &&
    Array.isArray(v.columns) &&
    v.columns.every((c) => isObj(c) && isStr(c.kind) && isStr(c.label)) &&
    Array.isArray(v.rows) &&
    v.rows.every((r) => Array.isArray(r))
  );
}

/** Whether a value (from storage or from a caller) is a well-formed item input. */
export function isItemInput(v: unknown): v is BriefingItemInput {
  if (!isObj(v) || !isStr(v.title) || !isStr(v.source)) return false;
  if (v.provenance !== undefined && !isStr(v.provenance)) return false;
  if (v.link !== undefined && !isStr(v.link)) return false;
  switch (v.kind) {
    case 'chart':
      return (
        isStr(v.svg) &&
        v.svg.includes('<svg') &&
        Number.isFinite(v.width) &&
        Number.isFinite(v.height) &&
        (v.width as number) > 0 &&
        (v.height as number) > 0 &&
        (v.table === undefined || v.table === null || isExportTable(v.table))
      );
    case 'table':
      return isExportTable(v.table);
    case 'text':
      return isStr(v.text);
    default:
      return false;
  }
}

/** Reads the stored form; anything unreadable gives the empty briefing, a bad item is left out. */
export function parseBriefing(text: string | null): BriefingState {
  if (!text) return EMPTY_BRIEFING;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return EMPTY_BRIEFING;
  }
  if (!isObj(raw) || raw.v !== 1 || !Array.isArray(raw.items)) return EMPTY_BRIEFING;
  const items = raw.items.filter(
    (i): i is BriefingItem => isItemInput(i) && isStr((i as BriefingItem).id) && isStr((i as BriefingItem).caption),
  );
  return {
    title: isStr(raw.title) ? raw.title : null,
    date: isStr(raw.date) ? raw.date : null,
    items: items.map((i) => ({ ...i, addedAt: isStr(i.addedAt) ? i.addedAt : '' })),
  };
}

/** A new id no item of the list has. */
export function newItemId(items: readonly BriefingItem[], now: number, random: () => number = Math.random): string {
  const taken = new Set(items.map((i) => i.id));
  for (;;) {
    const id = `b${now.toString(36)}${Math.floor(random() * 1e9).toString(36)}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The briefing with the item added at the end, or why it cannot be: not an item, too many items,
 * or too large to keep.
 */
export function addItem(
  state: BriefingState,
  input: BriefingItemInput,
  id: string,
  addedAt: string,
  maxChars = MAX_BRIEFING_CHARS,
): { state: BriefingState; outcome: AddOutcome } {
  const count = state.items.length;
  if (!isItemInput(input)) return { state, outcome: { ok: false, reason: 'invalid', count } };
  if (count >= MAX_BRIEFING_ITEMS) return { state, outcome: { ok: false, reason: 'items', count } };
  const item = { ...input, id, caption: '', addedAt } as BriefingItem;
  const next: BriefingState = { ...state, items: [...state.items, item] };
  if (serialiseBriefing(next).length > maxChars) return { state, outcome: { ok: false, reason: 'size', count } };
  return { state: next, outcome: { ok: true, count: count + 1, id } };
}

/** The items with one moved `by` places (−1 up, +1 down), clamped at the ends. */
export function moveItem(items: readonly BriefingItem[], id: string, by: number): BriefingItem[] {
  const from = items.findIndex((i) => i.id === id);
  const out = [...items];
  if (from < 0) return out;
  const to = Math.min(Math.max(from + by, 0), items.length - 1);
  out.splice(to, 0, ...out.splice(from, 1));
  return out;
}

/** The share of the size cap the briefing uses, 0–1. */
export function briefingFill(state: BriefingState, maxChars = MAX_BRIEFING_CHARS): number {
  return serialiseBriefing(state).length / maxChars;
}

/** Each item's number among those of its kind (图 1, 图 2, 表 1 …), in the briefing's order. */
export function itemNumbers(items: readonly BriefingItem[]): Map<string, number> {
  const seen = { chart: 0, table: 0, text: 0 };
  return new Map(items.map((i) => [i.id, (seen[i.kind] += 1)]));
}

/** The most rows of a table a briefing prints (the downloads carry them all). */
export const MAX_BRIEFING_ROWS = 60;

/** A table as the briefing prints it: labelled header, every cell as text, "—" for missing. */
export interface PrintedTable {
  readonly header: readonly string[];
  /** Which columns hold numbers (right-aligned). */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
  /** Rows left out beyond `MAX_BRIEFING_ROWS`. */
  readonly more: number;
  /** Some cell is a rate followed by its numerator/denominator in brackets (the reader is told so). */
  readonly ratios: boolean;
}

/**
 * The table for a page: the downloads' columns, except that a rate keeps its numerator and
 * denominator in its own cell ("41.7（723/1,734）") rather than in two more columns, so a table of
 * several rates still fits the width of A4.
 */
export function printedTable(table: ExportTable, lang: Lang, maxRows = MAX_BRIEFING_ROWS): PrintedTable {
  const flat = flattenTable(table, lang);
  const fmt = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 4 });
  const text = (v: Cell | undefined, year = false): string => {
    if (v === null || v === undefined || v === '') return NO_VALUE;
    if (typeof v === 'string') return v;
    if (!Number.isFinite(v)) return NO_VALUE;
    return year ? String(v) : fmt.format(v);
  };
  const [open, close] = lang === 'zh' ? ['（', '）'] : [' (', ')'];
  // Where each column starts among the written ones (a rate is written as three).
  const starts: number[] = [];
  let at = 0;
  for (const c of table.columns) {
    starts.push(at);
    at += c.kind === 'rate' ? 3 : 1;
  }
  const rows = flat.rows.slice(0, maxRows).map((r) =>
    table.columns.map((c, i) => {
      const k = starts[i] ?? 0;
      if (c.kind !== 'rate') return text(r[k], c.kind === 'year');
      const [num, den] = [r[k + 1], r[k + 2]];
      const parts = num === null && den === null ? '' : `${open}${text(num)}/${text(den)}${close}`;
      // Every rate of a column with the same decimals (59.0 beside 36.2, never 59).
      const digits = c.digits ?? (c.scale === 'percent' ? 1 : 2);
      const rate = r[k];
      const shown =
        typeof rate === 'number' && Number.isFinite(rate)
          ? new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
              minimumFractionDigits: digits,
              maximumFractionDigits: digits,
            }).format(rate)
          : text(rate);
      return `${shown}${parts}`;
    }),
  );
  return {
    header: table.columns.map((_, i) => flat.header[starts[i] ?? 0] ?? ''),
    numeric: table.columns.map((c) => c.kind !== 'text' && c.kind !== 'year'),
    rows,
    more: Math.max(0, flat.rows.length - maxRows),
    ratios: table.columns.some((c) => c.kind === 'rate'),
  };
}
