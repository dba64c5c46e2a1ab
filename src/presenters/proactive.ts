import { T2_ROWS_2019, T2_ROWS_2021, cellsOf, type CellDef } from '@/domain/catalogue';
import type { DataTable } from '@/domain/csv';
import { formatCount, formatDecimal, formatValue } from '@/domain/format';
import { buildFlowStockOption } from '@/charts/flow-stock';
import { buildYearLinesOption, fillYears } from '@/charts/year-lines';
import { DOC_FLOW_COLORS, PALETTE } from '@/charts/theme';
import type { ProactiveYear } from '@/data/queries/proactive';
import { noneReported, shownYears, type ChartOption, type KpiItem } from '@/presenters/analysis';
import type { Labels } from '@/presenters/labels';

const CELLS_2021 = cellsOf(2, '2021');
const CELLS_2019 = cellsOf(2, '2019');
const cellOf = (cells: readonly CellDef[], row: string, col: string) =>
  cells.find((c) => c.row === row && c.col === col);
const rowLabel = (rows: readonly { row: string; label: { zh: string; en: string } }[], c: CellDef | undefined) =>
  rows.find((r) => r.row === c?.row)?.label ?? { zh: '', en: '' };

/** A series of one cell over the years of the rows, each value with the reports it rests on. */
function seriesFor(rows: readonly ProactiveYear[], c: CellDef | undefined, name: string) {
  return {
    key: c?.key ?? '',
    name,
    values: rows.map((r) => (c ? (r.values[c.key] ?? null) : null)),
    notes: rows.map((r) => (c ? `n = ${r.counts[c.key] ?? 0}` : null)),
  };
}

/** The glossary tip of a chart of section 二 cells: which cells, summed how. */
export function cellGlossary(cells: readonly (CellDef | undefined)[], labels: Labels): string {
  return labels.t('proactive.cellGlossary', {
    cells: cells
      .filter((c): c is CellDef => !!c)
      .map((c) => labels.label(c.label))
      .join(labels.lang === 'zh' ? '、' : '; '),
  });
}

/** The table behind a chart: year, reports of the template, then each cell. */
export function cellsTable(
  rows: readonly ProactiveYear[],
  cells: readonly (CellDef | undefined)[],
  labels: Labels,
): DataTable {
  return {
    columns: [
      labels.t('filters.year'),
      labels.t('proactive.reports'),
      ...cells.map((c) => (c ? labels.label(c.label) : '')),
    ],
    rows: rows.map((r) => [r.year, r.reports, ...cells.map((c) => (c ? (r.values[c.key] ?? null) : null))]),
  };
}

/**
 * How many reports of a template the charts rest on; each figure counts only the reports that
 * filled its cell (the tooltips give that n), so the others are left out, never read as 0.
 */
export function proactiveBasis(rows: readonly ProactiveYear[], labels: Labels): string {
  return labels.t('proactive.basis', { n: rows.reduce((a, r) => a + r.reports, 0) });
}

/** The latest 2021-template year's licensing, penalty, coercion, fees and normative documents in force. */
export function proactiveKpis(rows2021: readonly ProactiveYear[], labels: Labels): KpiItem[] {
  const r = rows2021.at(-1) ?? null;
  const item = (row: string, col: string, unit: 'count' | 'wan_yuan'): KpiItem => {
    const c = cellOf(CELLS_2021, row, col);
    const rowDef = T2_ROWS_2021.find((x) => x.row === row);
    return {
      key: c?.key ?? row,
      label: c && rowDef ? `${labels.label(rowDef.label)} · ${labels.label(c.colLabel)}` : row,
      value: formatValue(r && c ? (r.values[c.key] ?? null) : null, unit, labels.lang),
      note:
        r && c
          ? labels.t('proactive.kpiNote', { year: r.year, n: r.counts[c.key] ?? 0 })
          : labels.t('proactive.kpiNone'),
    };
  };
  return [
    item('licensing', 'decisions', 'count'),
    item('penalty', 'decisions', 'count'),
    item('coercion', 'decisions', 'count'),
    item('fees', 'amount', 'wan_yuan'),
    item('normative', 'in_force', 'count'),
  ];
}

export interface ProactiveChart {
  readonly key: string;
  readonly title: string;
  readonly glossary: string;
  readonly option: ChartOption | null;
  readonly table: DataTable;
}

/** Charts of the 2021 template: documents issued / repealed / in force, decisions, fees. */
export function present2021(rows: readonly ProactiveYear[], range: string, labels: Labels) {
  const years = rows.map((r) => r.year);
  const docs: ProactiveChart[] = T2_ROWS_2021.filter((r) => r.cols.length === 3).map((r) => {
    const [issued, repealed, inForce] = ['issued', 'repealed', 'in_force'].map((c) => cellOf(CELLS_2021, r.row, c));
    const colName = (c: CellDef | undefined) => (c ? labels.label(c.colLabel) : '');
    const flows = [issued, repealed].map((c) => seriesFor(rows, c, colName(c)));
    const stock = seriesFor(rows, inForce, colName(inForce));
    return {
      key: r.row,
      title: labels.t('proactive.docsTitle', {
        row: labels.label(r.label),
        range: shownYears(years, [...flows, stock], range),
      }),
      glossary: cellGlossary([issued, repealed, inForce], labels),
      option: noneReported([...flows, stock])
        ? null
        : buildFlowStockOption({ years, flows, stock, colors: DOC_FLOW_COLORS, lang: labels.lang }),
      table: cellsTable(rows, [issued, repealed, inForce], labels),
    };
  });
  const decisionCells = ['licensing', 'penalty', 'coercion'].map((r) => cellOf(CELLS_2021, r, 'decisions'));
  const decisions = decisionCells.map((c) => seriesFor(rows, c, labels.label(rowLabel(T2_ROWS_2021, c))));
  const feesCell = cellOf(CELLS_2021, 'fees', 'amount');
  const fees = seriesFor(rows, feesCell, feesCell ? labels.label(feesCell.label) : '');
  return {
    docs,
    decisions: {
      key: 'decisions',
      title: labels.t('proactive.decisionsTitle', { range: shownYears(years, decisions, range) }),
      glossary: cellGlossary(decisionCells, labels),
      option: noneReported(decisions)
        ? null
        : buildYearLinesOption({ years, series: decisions, unit: 'count', type: 'bar', lang: labels.lang }),
      table: cellsTable(rows, decisionCells, labels),
    } satisfies ProactiveChart,
    fees: {
      key: 'fees',
      title: labels.t('proactive.feesTitle', { range: shownYears(years, [fees], range) }),
      glossary: cellGlossary([feesCell], labels),
      option: noneReported([fees])
        ? null
        : buildYearLinesOption({
            years,
            series: [fees],
            unit: 'wan_yuan',
            type: 'bar',
            colors: { [fees.key]: PALETTE[5] as string },
            lang: labels.lang,
          }),
      table: cellsTable(rows, [feesCell], labels),
    } satisfies ProactiveChart,
  };
}

/** A row of the 2019 template's section 二 as printed, one shown value per year. */
export interface TemplateRow {
  readonly key: string;
  readonly item: string;
  readonly span: number;
  readonly column: string;
  readonly values: readonly string[];
}

/** The 2019 template in its own columns (a table) and its decisions over years (a chart). */
export function present2019(rows: readonly ProactiveYear[], range: string, labels: Labels) {
  const years = fillYears(rows.map((r) => r.year));
  const byYear = years.map((y) => rows.find((r) => r.year === y) ?? null);
  const table: TemplateRow[] = T2_ROWS_2019.flatMap((r) =>
    r.cols.map((c, i) => {
      const def = cellOf(CELLS_2019, r.row, c.col);
      const values = byYear.map((row) => {
        if (def?.unit === 'as_printed') return labels.t('proactive.notSummed');
        const v = row && def ? (row.values[def.key] ?? null) : null;
        if (def?.valueKind === 'signed_count' && v !== null && v > 0) return `+${formatCount(v, labels.lang)}`;
        return def?.valueKind === 'decimal' ? formatDecimal(v, labels.lang, 4) : formatCount(v, labels.lang);
      });
      return {
        key: def?.key ?? `${r.row}_${c.col}`,
        item: labels.label(r.label),
        span: i === 0 ? r.cols.length : 0,
        column: labels.label(c.label),
        values,
      };
    }),
  );
  const decisionCells = T2_ROWS_2019.filter((r) => r.cols.some((c) => c.col === 'decisions')).map((r) =>
    cellOf(CELLS_2019, r.row, 'decisions'),
  );
  const decisions = decisionCells.map((c) => seriesFor(rows, c, labels.label(rowLabel(T2_ROWS_2019, c))));
  return {
    headers: {
      item: labels.t('proactive.item'),
      column: labels.t('proactive.column'),
      years: years.map((y) => labels.t('proactive.yearCol', { year: y })),
    },
    table,
    decisions: {
      key: 'v19-decisions',
      title: labels.t('proactive.v19DecisionsTitle', {
        range: shownYears(
          rows.map((r) => r.year),
          decisions,
          range,
        ),
      }),
      glossary: cellGlossary(decisionCells, labels),
      option: noneReported(decisions)
        ? null
        : buildYearLinesOption({
            years: rows.map((r) => r.year),
            series: decisions,
            unit: 'count',
            type: 'bar',
            lang: labels.lang,
          }),
      table: cellsTable(rows, decisionCells, labels),
    } satisfies ProactiveChart,
  };
}
