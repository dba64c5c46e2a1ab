/**
 * The three statistical tables of a report laid out as the form prints them: rows and columns
 * with catalogue labels and the cell key at each crossing (null where the form has no cell).
 */
import {
  cellsOf,
  OUTCOME_GROUPS,
  T3_COLS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  t3Key,
  t4Key,
  type Label,
  type Section,
  type Template,
} from '@/domain/catalogue';

export interface GridRow {
  readonly key: string;
  readonly label: Label;
  /** Numbering as printed (（一）, 1.); empty where the form has none. */
  readonly number: string;
  /** A heading row of a group (（三）不予公开) has no cells. */
  readonly heading: boolean;
  readonly cells: readonly (string | null)[];
}

export interface GridBlock {
  readonly columns: readonly { key: string; label: Label }[];
  readonly rows: readonly GridRow[];
}

export interface SectionGrid {
  readonly section: Section;
  readonly blocks: readonly GridBlock[];
}

/** Section 二: consecutive rows sharing their columns form one block, as on the printed form. */
function section2(template: Template): GridBlock[] {
  const rows: { key: string; label: Label; cols: { key: string; label: Label; cell: string }[] }[] = [];
  for (const c of cellsOf(2, template)) {
    let row = rows.find((r) => r.key === c.row);
    if (!row) rows.push((row = { key: c.row, label: c.rowLabel, cols: [] }));
    row.cols.push({ key: c.col, label: c.colLabel, cell: c.key });
  }
  const blocks: { columns: { key: string; label: Label }[]; rows: GridRow[] }[] = [];
  let signature = '';
  for (const r of rows) {
    const sig = r.cols.map((c) => c.key).join('|');
    if (sig !== signature || !blocks.length) {
      blocks.push({ columns: r.cols.map((c) => ({ key: c.key, label: c.label })), rows: [] });
      signature = sig;
    }
    blocks[blocks.length - 1]?.rows.push({
      key: r.key,
      label: r.label,
      number: '',
      heading: false,
      cells: r.cols.map((c) => c.cell),
    });
  }
  return blocks;
}

const GROUPED = new Set(['denied', 'unable', 'rejected']);

/**
 * Section 三: the applicant columns, the outcome rows with their group headings. A 2021 report
 * printed with a single （六）其他处理 row (`singleOther`) shows that row instead of its three.
 */
function section3(template: Template, singleOther: boolean): GridBlock[] {
  const rows: GridRow[] = [];
  const headed = new Set<string>();
  const shown = T3_ROWS.filter((x) =>
    singleOther && template === '2021'
      ? x.key === 'other_single' || (x.templates.includes(template) && x.group !== 'other')
      : x.templates.includes(template),
  );
  for (const r of shown) {
    const multi = r.group && (GROUPED.has(r.group) || (r.group === 'other' && r.key !== 'other_single'));
    if (multi && r.group && !headed.has(r.group)) {
      headed.add(r.group);
      const g = OUTCOME_GROUPS.find((o) => o.key === r.group);
      if (g) rows.push({ key: `group_${g.key}`, label: g.label, number: g.number, heading: true, cells: [] });
    }
    rows.push({
      key: r.key,
      label: r.label,
      number: r.number,
      heading: false,
      cells: T3_COLS.map((c) => t3Key(r.key, c.key)),
    });
  }
  return [{ columns: T3_COLS.map((c) => ({ key: c.key, label: c.label })), rows }];
}

/** Section 四: review and the two kinds of lawsuit by result. */
function section4(): GridBlock[] {
  return [
    {
      columns: T4_RESULTS.map((r) => ({ key: r.key, label: r.label })),
      rows: T4_GROUPS.map((g) => ({
        key: g.key,
        label: g.label,
        number: '',
        heading: false,
        cells: T4_RESULTS.map((r) => t4Key(g.key, r.key)),
      })),
    },
  ];
}

export function reportGrids(template: Template, singleOther = false): SectionGrid[] {
  return [
    { section: 2, blocks: section2(template) },
    { section: 3, blocks: section3(template, singleOther) },
    { section: 4, blocks: section4() },
  ];
}
