/** Section 三 收到和处理政府信息公开申请情况 → t3_<row>_<col> cells. */
import { cell, T3_COLS, T3_ROWS, t3Key, type T3Col, type T3RowDef, type Template } from '@/domain/catalogue';
import type { Token } from '@/ingest/tokens';
import { labelCore, matchLabel, type LabelCandidate, type LabelMatch } from '@/ingest/labels';
import {
  alignByX,
  center,
  collectRows,
  isBlank,
  setCell,
  trimTrailingBlanks,
  type Hit,
  type MapState,
  type XColumn,
} from '@/ingest/map-cells';
import { listEn, listZh, warning } from '@/ingest/warnings';

type HeadingKey = 'h_results' | 'h_denied' | 'h_unable' | 'h_rejected' | 'h_columns';
type Key = string;

const ROW_INDEX = new Map(T3_ROWS.map((r, i) => [r.key, i]));

// Headings printed in the form that are not rows themselves.
const HEADINGS: readonly LabelCandidate<HeadingKey>[] = [
  { key: 'h_results', cores: ['本年度办理结果'] },
  { key: 'h_denied', cores: ['不予公开'] },
  { key: 'h_unable', cores: ['无法提供'] },
  { key: 'h_rejected', cores: ['不予处理'] },
  {
    key: 'h_columns',
    cores: [
      '申请人情况',
      '法人或其他组织',
      ...T3_COLS.filter((c) => c.key !== 'total' && c.key !== 'org_other').map((c) => labelCore(c.label.zh)),
    ],
  },
];

const ROW_CANDIDATES: readonly LabelCandidate<Key>[] = [
  ...T3_ROWS.map((r) => ({ key: r.key, cores: [labelCore(r.label.zh)] })),
  ...HEADINGS,
];

const GROUP_LABEL = '法人或其他组织';
const COL_CORES: readonly { key: T3Col; core: string }[] = T3_COLS.map((c) => ({
  key: c.key,
  core: labelCore(c.label.zh),
}));

/** Applicant columns named in one header label, left to right (a flattened header may name several). */
function columnsIn(text: string): T3Col[] {
  const whole = labelCore(text);
  const exact = COL_CORES.find((c) => c.core === whole);
  if (exact) return [exact.key];
  let s = whole
    .replace(/\([^)]*\)?/g, '')
    .replaceAll(GROUP_LABEL, '|')
    .replaceAll('申请人情况', '|');
  if (s.includes('勾稽')) s = '';
  const found: T3Col[] = [];
  let i = 0;
  while (i < s.length) {
    const c = COL_CORES.filter((cc) => s.startsWith(cc.core, i)).sort((a, b) => b.core.length - a.core.length)[0];
    if (c) {
      found.push(c.key);
      i += c.core.length;
    } else i++;
  }
  return found;
}

/** A piece of a column name, as left by a header wrapped inside a narrow cell ("自然" / "人"). */
function isColumnFragment(text: string): boolean {
  const c = labelCore(text);
  return c.length > 0 && COL_CORES.some((cc) => cc.core.includes(c) && cc.core !== c);
}

function overlaps(a: Token, b: Token): boolean {
  if (a.x === undefined || a.x2 === undefined || b.x === undefined || b.x2 === undefined) return false;
  const o = Math.min(a.x2, b.x2) - Math.max(a.x, b.x);
  return o > 0 && o >= 0.5 * Math.min(a.x2 - a.x, b.x2 - b.x);
}

/**
 * Column names wrapped over several lines: pieces under one another (overlapping x) are joined
 * top to bottom; without usable x (raw text), consecutive pieces are joined while they spell a
 * column name.
 */
function stackedColumns(fragments: readonly Token[]): { col: T3Col; x?: number }[] {
  const out: { col: T3Col; x?: number }[] = [];
  const used = new Set<Token>();
  for (const f of fragments) {
    if (used.has(f)) continue;
    const group = [f, ...fragments.filter((g) => g !== f && !used.has(g) && overlaps(f, g))];
    const core = group.map((g) => labelCore(g.text)).join('');
    const col = COL_CORES.find((c) => c.core === core);
    if (col && group.length > 1) {
      group.forEach((g) => used.add(g));
      const x = Math.min(...group.map((g) => g.x ?? 0));
      const x2 = Math.max(...group.map((g) => g.x2 ?? 0));
      out.push({ col: col.key, x: (x + x2) / 2 });
    }
  }
  let run = '';
  for (const f of fragments) {
    if (used.has(f)) continue;
    run += labelCore(f.text);
    const col = COL_CORES.find((c) => c.core === run);
    if (col) {
      out.push({ col: col.key });
      run = '';
    } else if (!COL_CORES.some((c) => c.core.startsWith(run))) run = labelCore(f.text);
  }
  return out;
}

interface Placement {
  readonly byCol: Map<T3Col, Token | undefined>;
  readonly mode: 'full' | 'subset' | 'x';
  /** Columns that the (structured) source row has no cell for at all. */
  readonly absent: T3Col[];
}

export function mapSection3(
  tokens: readonly Token[],
  range: readonly [number, number],
  template: Template,
  state: MapState,
): void {
  // Header phase: everything before the first row 一、本年新收….
  let firstRow = -1;
  for (let i = range[0]; i < range[1]; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'label') continue;
    const m = matchLabel(t.text, ROW_CANDIDATES, { fragments: true });
    if (m?.keys.includes('new')) {
      firstRow = i;
      break;
    }
  }
  if (firstRow < 0) {
    state.warnings.push(
      warning(
        't3_not_found',
        '第三部分未找到“本年新收政府信息公开申请数量”一行，未读取',
        'section 三: the row 本年新收… was not found; nothing read',
        cellsOfTemplate(template),
      ),
    );
    return;
  }
  const detected: T3Col[] = [];
  const headerX = new Map<T3Col, number>();
  const fragments: Token[] = [];
  for (let i = range[0]; i < firstRow; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'label') continue;
    const cols = columnsIn(t.text);
    for (const c of cols) if (!detected.includes(c)) detected.push(c);
    const cx = center(t);
    if (cols.length === 1 && cx !== undefined && !headerX.has(cols[0] as T3Col)) headerX.set(cols[0] as T3Col, cx);
    if (!cols.length && isColumnFragment(t.text)) fragments.push(t);
  }
  for (const { col, x } of stackedColumns(fragments)) {
    if (!detected.includes(col)) detected.push(col);
    if (x !== undefined && !headerX.has(col)) headerX.set(col, x);
  }
  const detectedOrdered = T3_COLS.map((c) => c.key).filter((k) => detected.includes(k));
  const xCols = usableXColumns(detectedOrdered, headerX);

  // Rows phase.
  let cursor = 0;
  const pick = (m: LabelMatch<Key>): Key => {
    const rows = m.keys.filter((k) => ROW_INDEX.has(k));
    if (!rows.length) return m.keys[0] as Key;
    const ahead = rows
      .filter((k) => (ROW_INDEX.get(k) ?? 0) >= cursor)
      .sort((a, b) => (ROW_INDEX.get(a) ?? 0) - (ROW_INDEX.get(b) ?? 0));
    const k = ahead[0] ?? (rows[0] as Key);
    return k;
  };
  const hits: Hit<Key>[] = [];
  // collectRows is used with a cursor-aware picker; advance the cursor as rows are matched.
  const rawHits = collectRows(
    tokens,
    firstRow,
    range[1],
    (l) => matchLabel(l, ROW_CANDIDATES, { fragments: true }),
    (m) => {
      const k = pick(m);
      const idx = ROW_INDEX.get(k);
      if (idx !== undefined) cursor = idx + 1;
      return k;
    },
  );
  hits.push(...rawHits);

  const byRow = new Map<string, Hit<Key>[]>();
  let unplacedGroup: string[] = [];
  for (const h of hits) {
    if (h.key === null) continue;
    if (!ROW_INDEX.has(h.key)) {
      // A heading followed directly by values: the sub-row labels are missing.
      if (h.values.some((v) => !isBlank(v))) unplacedGroup.push(h.labelText);
      continue;
    }
    if (!h.values.length) continue;
    const list = byRow.get(h.key) ?? [];
    list.push(h);
    byRow.set(h.key, list);
  }

  const usesOtherSingle = (byRow.get('other_single')?.length ?? 0) > 0;
  const relevant = T3_ROWS.filter((r) =>
    r.key === 'other_single'
      ? template === '2019' || usesOtherSingle
      : r.templates.includes(template) || (r.key.startsWith('other_') && byRow.has(r.key)),
  ).filter(
    (r) =>
      !(usesOtherSingle && template === '2021' && r.group === 'other' && r.key !== 'other_single' && !byRow.has(r.key)),
  );

  let subsetUsed = false;
  const absentCells: string[] = [];
  const missingRows: T3RowDef[] = [];
  for (const row of relevant) {
    const list = byRow.get(row.key);
    const rowKeys = T3_COLS.map((c) => t3Key(row.key, c.key));
    if (!list?.length) {
      missingRows.push(row);
      continue;
    }
    if (list.length > 1) {
      for (const k of rowKeys) state.cells[k] = null;
      state.warnings.push(
        warning(
          'duplicate_row',
          `第三部分“${row.label.zh}”出现 ${list.length} 次，数值未读取`,
          `section 三 row ${row.label.en} appears ${list.length} times with values; left empty`,
          rowKeys,
        ),
      );
      continue;
    }
    const hit = list[0] as Hit<Key>;
    const placement = placeRow(hit.values, detectedOrdered, xCols);
    if (!placement) {
      for (const k of rowKeys) state.cells[k] = null;
      const shown = hit.values.filter((v) => !isBlank(v)).length;
      state.warnings.push(
        warning(
          't3_row_unplaced',
          `第三部分“${row.label.zh}”有 ${shown} 个数值，无法对应到 7 个申请人列；未读取`,
          `section 三 row ${row.label.en} shows ${shown} values that cannot be placed in the 7 applicant columns; left empty`,
          rowKeys,
        ),
      );
      continue;
    }
    if (placement.mode === 'subset') subsetUsed = true;
    for (const c of T3_COLS) {
      if (!placement.byCol.has(c.key)) continue;
      setCell(state, cell(t3Key(row.key, c.key)), placement.byCol.get(c.key));
    }
    for (const c of placement.absent) absentCells.push(t3Key(row.key, c));
  }

  if (subsetUsed) {
    const missingCols = T3_COLS.filter((c) => !detectedOrdered.includes(c.key));
    state.warnings.push(
      warning(
        't3_missing_columns',
        `第三部分只显示 7 个申请人列中的 ${detectedOrdered.length} 个；${listZh(missingCols.map((c) => c.label.zh))} 留空`,
        `section 三 shows ${detectedOrdered.length} of 7 applicant columns; ${listEn(missingCols.map((c) => c.label.zh))} left empty`,
        relevant.flatMap((r) => missingCols.map((c) => t3Key(r.key, c.key))),
      ),
    );
  }
  if (absentCells.length) {
    state.warnings.push(
      warning(
        't3_cells_absent',
        `第三部分有 ${absentCells.length} 个单元格在原表中缺失（行不完整），留空`,
        `section 三: ${absentCells.length} cells have no cell at all in the source rows (incomplete rows); left empty`,
        absentCells,
      ),
    );
  }
  if (unplacedGroup.length) {
    unplacedGroup = [...new Set(unplacedGroup)];
    state.warnings.push(
      warning(
        't3_group_values_unplaced',
        `第三部分“${listZh(unplacedGroup)}”后直接跟数值而缺少分项行名，这些数值未读取`,
        `section 三: values follow "${listEn(unplacedGroup)}" without the sub-row labels; not read`,
      ),
    );
  }
  if (missingRows.length) {
    state.warnings.push(
      warning(
        't3_rows_missing',
        `第三部分未见以下行的数值：${listZh(missingRows.map((r) => r.number + r.label.zh))}`,
        `section 三 shows no values for: ${listEn(missingRows.map((r) => r.label.en))}`,
        missingRows.flatMap((r) => T3_COLS.map((c) => t3Key(r.key, c.key))),
      ),
    );
  }
  if (usesOtherSingle && template === '2021') {
    state.warnings.push(
      warning(
        't3_single_other_row',
        '按 2021 年格式填报，但“（六）其他处理”只有一行；记为 other_single，三个分项留空',
        '2021 layout with a single （六）其他处理 row: recorded as other_single, its three sub-rows left empty',
        ['other_single', 'other_no_correction', 'other_unpaid_fee', 'other_misc'].flatMap((r) =>
          T3_COLS.map((c) => t3Key(r, c.key)),
        ),
        'info',
      ),
    );
  }
}

function cellsOfTemplate(template: Template): string[] {
  return T3_ROWS.filter((r) => r.templates.includes(template)).flatMap((r) => T3_COLS.map((c) => t3Key(r.key, c.key)));
}

/** Header x positions are usable when every detected column has one and they run left to right. */
function usableXColumns(detected: readonly T3Col[], headerX: ReadonlyMap<T3Col, number>): XColumn<T3Col>[] | undefined {
  if (detected.length < 2) return undefined;
  const cols: XColumn<T3Col>[] = [];
  for (const k of detected) {
    const x = headerX.get(k);
    if (x === undefined) return undefined;
    const prev = cols[cols.length - 1];
    if (prev && x <= prev.center) return undefined;
    cols.push({ key: k, center: x });
  }
  return cols;
}

function placeRow(
  values: readonly Token[],
  detected: readonly T3Col[],
  xCols: XColumn<T3Col>[] | undefined,
): Placement | undefined {
  const all = T3_COLS.map((c) => c.key);
  const structured = values.some((v) => v.structured);
  const shown = values.filter((v) => !isBlank(v));
  const positional = (cols: readonly T3Col[], vals: readonly Token[], mode: Placement['mode']): Placement => ({
    byCol: new Map(cols.map((c, i) => [c, vals[i]])),
    mode,
    absent: [],
  });
  if (structured) {
    const vals = trimTrailingBlanks(values, 7);
    if (vals.length === 7) return positional(all, vals, 'full');
  }
  if (shown.length === 7) return positional(all, shown, 'full');
  if (xCols) {
    const placedShown = alignByX(structured ? values : shown, xCols);
    if (placedShown) {
      const byCol = new Map<T3Col, Token | undefined>();
      const absent: T3Col[] = [];
      for (const c of xCols) {
        const tok = placedShown.get(c.key);
        byCol.set(c.key, tok);
        if (structured && !tok) absent.push(c.key);
      }
      return { byCol, mode: xCols.length === 7 ? 'x' : 'subset', absent };
    }
  }
  if (detected.length < 7 && detected.length > 0) {
    if (structured) {
      const vals = trimTrailingBlanks(values, detected.length);
      if (vals.length === detected.length) return positional(detected, vals, 'subset');
    }
    if (shown.length === detected.length) return positional(detected, shown, 'subset');
  }
  return undefined;
}
