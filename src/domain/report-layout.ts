/**
 * The statistical tables of one annual report laid out as the template prints them: rows, the
 * printed numbering, merged header cells (colspan/rowspan) and merged row-group labels. Derived
 * from the catalogue, so every label and cell key is the catalogue's own; only the few printed
 * headings that are not labels of a cell (第二十条第（一）项, 申请人情况, 三、本年度办理结果 …)
 * are written here.
 */
import {
  OUTCOME_GROUPS,
  T2_ROWS_2019,
  T2_ROWS_2021,
  T3_COLS,
  T3_ORG_COLS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  cellsOf,
  t3Key,
  t4Key,
  type CellDef,
  type Label,
  type T3RowDef,
  type Template,
} from '@/domain/catalogue';

/** One cell of the printed grid: a header, a row label (stub) or a value slot. */
export type GridCell =
  | { readonly type: 'head'; readonly label: Label; readonly colspan: number; readonly rowspan: number }
  | {
      readonly type: 'stub';
      readonly label: Label;
      /** Printed numbering (一、 / （一） / 1.), empty when the template prints none. */
      readonly number: string;
      readonly colspan: number;
      readonly rowspan: number;
    }
  | { readonly type: 'value'; readonly key: string; readonly colspan: number; readonly rowspan: 1 };

export type ValueCell = Extract<GridCell, { type: 'value' }>;

export interface TableLayout {
  readonly section: 2 | 3 | 4;
  /** Width of the grid in columns (every row fills it, counting spans from rows above). */
  readonly columns: number;
  /** Header rows (a <thead>). */
  readonly head: readonly (readonly GridCell[])[];
  /** Body rows, each with the cells that start in it. Section 二 has header bands inside the body. */
  readonly body: readonly (readonly GridCell[])[];
}

export interface ReportLayout {
  readonly template: Template;
  /** 2021 template printed with a single （六）其他处理 row (recorded as other_single). */
  readonly singleOther: boolean;
  readonly section2: TableLayout;
  readonly section3: TableLayout;
  readonly section4: TableLayout;
}

/** Printed headings that are not labels of any cell. */
export const LAYOUT_TEXT = {
  infoContent: { zh: '信息内容', en: 'Item' },
  applicants: { zh: '申请人情况', en: 'Applicants' },
  legalPersons: { zh: '法人或其他组织', en: 'Legal persons and other organisations' },
  results: { zh: '本年度办理结果', en: 'Outcomes this year' },
  resultsNumber: '三、',
  t3Note: {
    zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    en: '(In each column: item I + item II = item III + item IV)',
  },
  litigation: { zh: '行政诉讼', en: 'Administrative litigation' },
  suitDirect: { zh: '未经复议直接起诉', en: 'Filed directly' },
  suitAfterReview: { zh: '复议后起诉', en: 'Filed after review' },
} as const;

/** Article 20 items under which section 二 prints its rows. */
const ARTICLE_OF_ROW: Readonly<Record<string, string>> = {
  rules: '一',
  normative: '一',
  licensing: '五',
  services: '五',
  penalty: '六',
  coercion: '六',
  fees: '八',
  procurement: '九',
};

export function articleLabel(item: string): Label {
  const en: Record<string, string> = { 一: '1', 五: '5', 六: '6', 八: '8', 九: '9' };
  return { zh: `第二十条第（${item}）项`, en: `Article 20, item (${en[item] ?? item})` };
}

const head = (label: Label, colspan = 1, rowspan = 1): GridCell => ({ type: 'head', label, colspan, rowspan });
const stub = (label: Label, number: string, colspan = 1, rowspan = 1): GridCell => ({
  type: 'stub',
  label,
  number,
  colspan,
  rowspan,
});
const value = (key: string, colspan = 1): GridCell => ({ type: 'value', key, colspan, rowspan: 1 });

// ---------------------------------------------------------------------------------------------
// Section 二
// ---------------------------------------------------------------------------------------------

/** Value columns of section 二 (the widest row: three). */
const T2_VALUE_COLS = 3;

function section2(template: Template): TableLayout {
  const rows = template === '2021' ? T2_ROWS_2021 : T2_ROWS_2019;
  const cells = cellsOf(2, template);
  const cellOf = (row: string, col: string): CellDef => {
    const c = cells.find((x) => x.row === row && x.col === col);
    if (!c) throw new Error(`No section-二 cell ${row}/${col} in the ${template} template`);
    return c;
  };
  const body: GridCell[][] = [];
  let article: string | null = null;
  for (const r of rows) {
    const item = ARTICLE_OF_ROW[r.row];
    if (!item) throw new Error(`Section-二 row ${r.row} has no article`);
    // The last printed column stretches to the full width when a row has fewer than three.
    const span = (i: number) => (i === r.cols.length - 1 ? T2_VALUE_COLS - i : 1);
    if (item !== article) {
      article = item;
      body.push([head(articleLabel(item), 1 + T2_VALUE_COLS)]);
      body.push([head(LAYOUT_TEXT.infoContent), ...r.cols.map((c, i) => head(c.label, span(i)))]);
    }
    body.push([stub(r.label, ''), ...r.cols.map((c, i) => value(cellOf(r.row, c.col).key, span(i)))]);
  }
  return { section: 2, columns: 1 + T2_VALUE_COLS, head: [], body };
}

// ---------------------------------------------------------------------------------------------
// Section 三
// ---------------------------------------------------------------------------------------------

/** Three label columns (三、 | （三）不予公开 | 1.属于国家秘密), then the seven applicant columns. */
const T3_STUB_COLS = 3;

/** The rows of section 三 as printed by a template (2021 with a single （六） row when asked). */
export function t3RowsFor(template: Template, singleOther = false): T3RowDef[] {
  return T3_ROWS.filter((r) => {
    if (r.key === 'other_single') return template === '2019' || singleOther;
    if (r.group === 'other') return template === '2021' && !singleOther;
    return r.templates.includes(template);
  });
}

function section3(template: Template, singleOther: boolean): TableLayout {
  const rows = t3RowsFor(template, singleOther);
  const outcomeRows = rows.filter((r) => r.group);
  const values = (row: string) => T3_COLS.map((c) => value(t3Key(row, c.key)));
  const body: GridCell[][] = [];
  for (const r of rows) {
    if (!r.group) {
      // 一、 二、 四、 span the three label columns; （七）总计 spans the last two.
      const isTotal = r.key === 'total';
      body.push([stub(r.label, r.number, isTotal ? 2 : T3_STUB_COLS), ...values(r.key)]);
      continue;
    }
    const first: GridCell[] =
      r === outcomeRows[0] ? [stub(LAYOUT_TEXT.results, LAYOUT_TEXT.resultsNumber, 1, outcomeRows.length + 1)] : [];
    const siblings = rows.filter((x) => x.group === r.group);
    if (siblings.length === 1) {
      body.push([...first, stub(r.label, r.number, 2), ...values(r.key)]);
      continue;
    }
    const group = OUTCOME_GROUPS.find((g) => g.key === r.group);
    if (!group) throw new Error(`Unknown outcome group ${String(r.group)}`);
    const groupCell = r === siblings[0] ? [stub(group.label, group.number, 1, siblings.length)] : [];
    body.push([...first, ...groupCell, stub(r.label, r.number), ...values(r.key)]);
  }
  const orgCount = T3_ORG_COLS.length;
  const colLabel = (key: string) => {
    const c = T3_COLS.find((x) => x.key === key);
    if (!c) throw new Error(`Unknown applicant column ${key}`);
    return c.label;
  };
  const headRows: GridCell[][] = [
    [head(LAYOUT_TEXT.t3Note, T3_STUB_COLS, 3), head(LAYOUT_TEXT.applicants, T3_COLS.length)],
    [head(colLabel('person'), 1, 2), head(LAYOUT_TEXT.legalPersons, orgCount), head(colLabel('total'), 1, 2)],
    T3_ORG_COLS.map((c) => head(colLabel(c))),
  ];
  return { section: 3, columns: T3_STUB_COLS + T3_COLS.length, head: headRows, body };
}

// ---------------------------------------------------------------------------------------------
// Section 四
// ---------------------------------------------------------------------------------------------

function section4(): TableLayout {
  const results = T4_RESULTS;
  const n = results.length;
  const groupLabel = (key: string): Label => {
    const g = T4_GROUPS.find((x) => x.key === key);
    if (!g) throw new Error(`Unknown section-四 group ${key}`);
    return g.label;
  };
  const suits = T4_GROUPS.filter((g) => g.key !== 'review');
  const subLabel = (key: string): Label =>
    key === 'suit_direct' ? LAYOUT_TEXT.suitDirect : LAYOUT_TEXT.suitAfterReview;
  return {
    section: 4,
    columns: n * T4_GROUPS.length,
    head: [
      [head(groupLabel('review'), n), head(LAYOUT_TEXT.litigation, n * suits.length)],
      [...results.map((r) => head(r.label, 1, 2)), ...suits.map((g) => head(subLabel(g.key), n))],
      suits.flatMap(() => results.map((r) => head(r.label))),
    ],
    body: [T4_GROUPS.flatMap((g) => results.map((r) => value(t4Key(g.key, r.key))))],
  };
}

/** The three tables of a report of `template` (2021 printed with one （六） row when `singleOther`). */
export function reportLayout(template: Template, singleOther = false): ReportLayout {
  const single = template === '2021' && singleOther;
  return {
    template,
    singleOther: single,
    section2: section2(template),
    section3: section3(template, single),
    section4: section4(),
  };
}

/**
 * Whether a 2021-template report was printed with a single （六） row: it reports other_single and
 * none of the three 2021 （六） rows.
 */
export function usesSingleOther(report: Readonly<Record<string, unknown>>): boolean {
  const reported = (row: string) => T3_COLS.some((c) => report[t3Key(row, c.key)] != null);
  return reported('other_single') && !['other_no_correction', 'other_unpaid_fee', 'other_misc'].some(reported);
}

/** Every value slot of a table, in reading order. */
export function valueCells(table: TableLayout): ValueCell[] {
  return [...table.head, ...table.body].flat().filter((c): c is ValueCell => c.type === 'value');
}

/** Every cell key shown by a report layout. */
export function layoutKeys(layout: ReportLayout): string[] {
  return [layout.section2, layout.section3, layout.section4].flatMap((t) => valueCells(t).map((c) => c.key));
}

/**
 * A figure as the form prints it: counts as plain digits, decimals (万元) with up to four
 * places, blank for not reported.
 */
export function formatCellValue(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return String(Number.isInteger(v) ? v : Number(v.toFixed(4)));
}

const EN_NUMBERS: Readonly<Record<string, string>> = {
  '一、': 'I.',
  '二、': 'II.',
  '三、': 'III.',
  '四、': 'IV.',
  '（一）': '(1)',
  '（二）': '(2)',
  '（三）': '(3)',
  '（四）': '(4)',
  '（五）': '(5)',
  '（六）': '(6)',
  '（七）': '(7)',
};

/** The printed numbering in the reader's language: 一、/（三）/2. in Chinese, I./(3)/2. in English. */
export function numberText(number: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh' || number === '') return number;
  return EN_NUMBERS[number] ?? number;
}
