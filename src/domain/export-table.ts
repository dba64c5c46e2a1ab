/**
 * The table behind a chart or a view, as it is downloaded (CSV, XLSX): labelled columns, each with
 * a kind that decides how its cells are written and described. A rate is kept as its numerator
 * and denominator, so a download always shows both beside the rate and the three agree.
 */
import { formatCsv, type DataTable } from '@/domain/csv';
import type { Lang } from '@/domain/format';

export type Cell = string | number | null;

/** A rate cell: value = numerator ÷ denominator, blank when the denominator is 0 or missing. */
export interface Ratio {
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export type ColumnSpec =
  | { readonly kind: 'text' | 'year'; readonly label: string; readonly definition?: string }
  | {
      readonly kind: 'count';
      readonly label: string;
      /** e.g. "件" / "requests"; written in the header. */
      readonly unit?: string;
      readonly definition?: string;
    }
  | {
      readonly kind: 'number';
      readonly label: string;
      readonly unit?: string;
      /** Decimals kept (default 2). */
      readonly digits?: number;
      readonly definition?: string;
    }
  | {
      readonly kind: 'rate';
      readonly label: string;
      /** Written as a percentage (×100) or per 100 of the denominator. */
      readonly scale: 'percent' | 'per_100';
      readonly numeratorLabel: string;
      readonly denominatorLabel: string;
      /** Unit of numerator and denominator, e.g. "件". */
      readonly countUnit?: string;
      /** Decimals kept (default 1 for percent, 2 per 100). */
      readonly digits?: number;
      readonly definition?: string;
    };

export interface ExportTable {
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly (Cell | Ratio)[])[];
}

/** The table as written to a file: one header row, plain cells, and what every column means. */
export interface FlatTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly definitions: readonly { readonly column: string; readonly definition: string }[];
}

const WORDS = {
  zh: {
    item: '项目',
    value: '数值',
    unit: (label: string, unit: string) => `${label}（${unit}）`,
    numerator: (rate: string, what: string) => `${rate}·分子：${what}`,
    denominator: (rate: string, what: string) => `${rate}·分母：${what}`,
    per100: '每百',
    rateDef: (num: string, den: string, scale: string, digits: number) =>
      `${num} ÷ ${den}${scale}，保留 ${digits} 位小数；分母为 0 或未填报时留空。`,
    timesPercent: ' × 100（%）',
    timesPer100: ' × 100（每百）',
    numDef: (rate: string) => `计算“${rate}”所用的分子。`,
    denDef: (rate: string) => `计算“${rate}”所用的分母。`,
    text: '文字。',
    year: '年报年度。',
    count: '件数（合计）；空白表示未填报，不是 0。',
    number: (digits: number) => `数值，保留 ${digits} 位小数。`,
  },
  en: {
    item: 'Item',
    value: 'Value',
    unit: (label: string, unit: string) => `${label} (${unit})`,
    numerator: (rate: string, what: string) => `${rate} numerator: ${what}`,
    denominator: (rate: string, what: string) => `${rate} denominator: ${what}`,
    per100: 'per 100',
    rateDef: (num: string, den: string, scale: string, digits: number) =>
      `${num} ÷ ${den}${scale}, ${digits} decimal(s); blank when the denominator is 0 or not reported.`,
    timesPercent: ' × 100 (%)',
    timesPer100: ' × 100 (per 100)',
    numDef: (rate: string) => `The numerator used for “${rate}”.`,
    denDef: (rate: string) => `The denominator used for “${rate}”.`,
    text: 'Text.',
    year: 'Report year.',
    count: 'Count (sum); blank means not reported, not 0.',
    number: (digits: number) => `Number, ${digits} decimal(s).`,
  },
} as const;

/** Rounds like the percentages on screen (decimal rounding of the exact value, half away from 0). */
export function roundTo(v: number, digits: number): number {
  const text = new Intl.NumberFormat('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
    useGrouping: false,
  }).format(v);
  const n = Number(text);
  return Object.is(n, -0) ? 0 : n;
}

/** numerator ÷ denominator, scaled and rounded; null when it is not defined. */
export function ratioValue(r: Ratio, scale: 'percent' | 'per_100', digits: number): number | null {
  if (r.numerator === null || r.denominator === null || r.denominator === 0) return null;
  const v = r.numerator / r.denominator;
  return Number.isFinite(v) ? roundTo(v * 100, digits) : null;
}

function isRatio(v: Cell | Ratio | undefined): v is Ratio {
  return typeof v === 'object' && v !== null;
}

const finite = (v: Cell | Ratio | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Flattens the table: a rate becomes three columns (rate, numerator, denominator). */
export function flattenTable(table: ExportTable, lang: Lang): FlatTable {
  const w = WORDS[lang];
  const header: string[] = [];
  const definitions: { column: string; definition: string }[] = [];
  const writers: ((row: readonly (Cell | Ratio)[]) => Cell[])[] = [];
  table.columns.forEach((col, i) => {
    const label = col.label.trim() || (i === 0 ? w.item : `${w.value} ${i + 1}`);
    switch (col.kind) {
      case 'text':
      case 'year': {
        header.push(label);
        definitions.push({ column: label, definition: col.definition ?? (col.kind === 'year' ? w.year : w.text) });
        writers.push((row) => {
          const v = row[i];
          return [isRatio(v) || v === undefined ? null : v];
        });
        break;
      }
      case 'count': {
        const name = col.unit ? w.unit(label, col.unit) : label;
        header.push(name);
        definitions.push({ column: name, definition: col.definition ?? w.count });
        writers.push((row) => [finite(row[i])]);
        break;
      }
      case 'number': {
        const digits = col.digits ?? 2;
        const name = col.unit ? w.unit(label, col.unit) : label;
        header.push(name);
        definitions.push({ column: name, definition: col.definition ?? w.number(digits) });
        writers.push((row) => {
          const v = finite(row[i]);
          return [v === null ? null : roundTo(v, digits)];
        });
        break;
      }
      case 'rate': {
        const digits = col.digits ?? (col.scale === 'percent' ? 1 : 2);
        const name = w.unit(label, col.scale === 'percent' ? '%' : w.per100);
        const numName = col.countUnit
          ? w.unit(w.numerator(label, col.numeratorLabel), col.countUnit)
          : w.numerator(label, col.numeratorLabel);
        const denName = col.countUnit
          ? w.unit(w.denominator(label, col.denominatorLabel), col.countUnit)
          : w.denominator(label, col.denominatorLabel);
        header.push(name, numName, denName);
        const times = col.scale === 'percent' ? w.timesPercent : w.timesPer100;
        definitions.push(
          {
            column: name,
            definition: `${col.definition ? `${col.definition} ` : ''}${w.rateDef(col.numeratorLabel, col.denominatorLabel, times, digits)}`,
          },
          { column: numName, definition: w.numDef(label) },
          { column: denName, definition: w.denDef(label) },
        );
        writers.push((row) => {
          const v = row[i];
          const r: Ratio = isRatio(v) ? v : { numerator: null, denominator: null };
          return [ratioValue(r, col.scale, digits), r.numerator, r.denominator];
        });
        break;
      }
    }
  });
  return { header, rows: table.rows.map((row) => writers.flatMap((write) => write(row))), definitions };
}

/**
 * A plain table from a view (labels and cells only) as an export table: a blank header gets a
 * name, a column of years named as such is a year, other columns of whole numbers are counts,
 * columns with fractions are numbers kept to four decimals, the rest text. Rates, to be written as
 * percentages beside their numerator and denominator, need an `ExportTable`.
 */
export function fromDataTable(table: DataTable): ExportTable {
  const numeric = table.columns.map((_, i) =>
    table.rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number'),
  );
  const years = table.columns.map(
    (label, i) =>
      /年|year/i.test(label) &&
      table.rows.length > 0 &&
      table.rows.every((r) => Number.isInteger(r[i]) && Number(r[i]) >= 1900 && Number(r[i]) <= 2100),
  );
  return {
    columns: table.columns.map((label, i): ColumnSpec => {
      if (years[i]) return { kind: 'year', label };
      if (!numeric[i]) return { kind: 'text', label };
      // Fractions (a rate or share the view did not declare) keep four decimals, not seventeen.
      const whole = table.rows.every((r) => r[i] === null || r[i] === undefined || Number.isInteger(r[i]));
      return whole ? { kind: 'count', label } : { kind: 'number', label, digits: 4 };
    }),
    rows: table.rows,
  };
}

export function isExportTable(t: DataTable | ExportTable): t is ExportTable {
  return t.columns.every((c) => typeof c === 'object');
}

/** What the downloaded figures are: the lines of the notes sheet and the card's own words. */
export interface ExportMeta {
  readonly title: string;
  readonly unit?: string;
  /** The filters in words. */
  readonly filters?: string;
  /** The source line as the card shows it (dataset, and "演示数据（生成）" for generated data). */
  readonly source: string;
  /** Dataset version and data date, when known. */
  readonly provenance?: string;
}

const NOTE_WORDS = {
  zh: {
    head: ['项目', '内容'],
    title: '标题',
    unit: '单位',
    filters: '筛选条件',
    source: '来源',
    provenance: '数据版本',
    exported: '导出时间',
    columns: '各列含义',
  },
  en: {
    head: ['Item', 'Content'],
    title: 'Title',
    unit: 'Unit',
    filters: 'Filters',
    source: 'Source',
    provenance: 'Data version',
    exported: 'Exported',
    columns: 'Columns',
  },
} as const;

/** The notes sheet of an XLSX download: title, filters, source, then a definition per column. */
export function notesRows(meta: ExportMeta, flat: FlatTable, lang: Lang, exportedAt: string): Cell[][] {
  const w = NOTE_WORDS[lang];
  const rows: Cell[][] = [[...w.head], [w.title, meta.title]];
  if (meta.unit) rows.push([w.unit, meta.unit]);
  if (meta.filters) rows.push([w.filters, meta.filters]);
  rows.push([w.source, meta.source]);
  if (meta.provenance) rows.push([w.provenance, meta.provenance]);
  rows.push([w.exported, exportedAt], [], [w.columns, '']);
  for (const d of flat.definitions) rows.push([d.column, d.definition]);
  return rows;
}

/** The table as CSV (UTF-8 with BOM): one header row, then data; nothing else, so it stays machine-readable. */
export function exportCsv(table: ExportTable | DataTable, lang: Lang): string {
  const flat = flattenTable(isExportTable(table) ? table : fromDataTable(table), lang);
  return `\uFEFF${formatCsv(flat.header, flat.rows)}`;
}

export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * The sheets of an XLSX download: the same table as the CSV, then the notes (title, filters,
 * source, a definition per column). Any XLSX writer takes these rows as they are.
 */
export function workbookSheets(
  table: ExportTable | DataTable,
  meta: ExportMeta,
  lang: Lang,
  exportedAt: string,
): readonly Sheet[] {
  const flat = flattenTable(isExportTable(table) ? table : fromDataTable(table), lang);
  return [
    { name: lang === 'zh' ? '数据' : 'Data', rows: [flat.header, ...flat.rows] },
    { name: lang === 'zh' ? '说明' : 'Notes', rows: notesRows(meta, flat, lang, exportedAt) },
  ];
}
