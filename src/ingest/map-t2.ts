/** Section 二 主动公开政府信息情况 → t2_* / t2v19_* cells. */
import { cellsOf, T2_ROWS_2019, T2_ROWS_2021, type CellDef, type Template } from '@/domain/catalogue';
import type { Token } from '@/ingest/tokens';
import { labelCore, matchLabel, type LabelCandidate } from '@/ingest/labels';
import { collectRows, isBlank, setCell, trimTrailingBlanks, type MapState } from '@/ingest/map-cells';
import { listEn, listZh, warning } from '@/ingest/warnings';

// Rows of both templates by key, with every printed label the catalogue knows for that key.
const CANDIDATES: readonly LabelCandidate<string>[] = (() => {
  const m = new Map<string, Set<string>>();
  for (const r of [...T2_ROWS_2021, ...T2_ROWS_2019]) {
    const s = m.get(r.row) ?? new Set<string>();
    s.add(labelCore(r.label.zh));
    m.set(r.row, s);
  }
  return [...m].map(([key, cores]) => ({ key, cores: [...cores] }));
})();

// Column headers and sub-headings of the section: known words, not extra rows.
const HEADER_WORDS = new Set(
  [...T2_ROWS_2021, ...T2_ROWS_2019].flatMap((r) => r.cols.map((c) => labelCore(c.label.zh))).concat(['信息内容']),
);

function isHeaderWord(text: string): boolean {
  const c = labelCore(text);
  return HEADER_WORDS.has(c) || /^第二十条第\(.\)项/.test(c);
}

export function mapSection2(
  tokens: readonly Token[],
  range: readonly [number, number],
  template: Template,
  state: MapState,
): void {
  const rows = template === '2021' ? T2_ROWS_2021 : T2_ROWS_2019;
  const defs = cellsOf(2, template);
  const hits = collectRows(
    tokens,
    range[0],
    range[1],
    (l) => matchLabel(l, CANDIDATES),
    (m) => m.keys[0] as string,
  );
  const seen = new Set<string>();
  const missing: CellDef[] = [];
  for (const hit of hits) {
    if (hit.key === null) {
      const shown = hit.values.filter((v) => !isBlank(v));
      if (shown.length && !isHeaderWord(hit.labelText)) {
        state.warnings.push(
          warning(
            'extra_row_ignored',
            `第二部分的“${hit.labelText.slice(0, 30)}”不是全国模板的行，其 ${shown.length} 个数值未读取`,
            `section 二 row "${hit.labelText.slice(0, 30)}" is not a row of the national template; its ${shown.length} values were ignored`,
            undefined,
            'info',
          ),
        );
      }
      continue;
    }
    const row = rows.find((r) => r.row === hit.key);
    const rowDefs = defs.filter((d) => d.row === hit.key);
    if (!row) {
      if (hit.values.some((v) => !isBlank(v))) {
        state.warnings.push(
          warning(
            't2_row_other_template',
            `第二部分的“${hit.labelText.slice(0, 30)}”属于另一模板，未读取`,
            `section 二 row "${hit.labelText.slice(0, 30)}" belongs to the other template; ignored`,
          ),
        );
      }
      continue;
    }
    if (seen.has(row.row) && hit.values.length) {
      for (const d of rowDefs) state.cells[d.key] = null;
      state.warnings.push(
        warning(
          'duplicate_row',
          `第二部分“${row.label.zh}”出现两次，数值未读取`,
          `section 二 row ${row.label.en} appears twice; left empty`,
          rowDefs.map((d) => d.key),
        ),
      );
      continue;
    }
    if (!hit.values.length) continue;
    seen.add(row.row);
    const k = rowDefs.length;
    const vals = trimTrailingBlanks(hit.values, k);
    const shown = vals.filter((v) => !isBlank(v));
    let placed: (Token | undefined)[] | undefined;
    if (vals.length === k) placed = vals;
    else if (shown.length === k) placed = shown;
    else if (shown.length === 0) placed = [];
    if (!placed) {
      for (const d of rowDefs) state.cells[d.key] = null;
      state.warnings.push(
        warning(
          't2_row_count_mismatch',
          `第二部分“${row.label.zh}”有 ${shown.length} 个数值，模板为 ${k} 个；未读取`,
          `section 二 row ${row.label.en} shows ${shown.length} values where the template has ${k}; left empty`,
          rowDefs.map((d) => d.key),
        ),
      );
      continue;
    }
    rowDefs.forEach((d, i) => setCell(state, d, placed[i]));
  }
  for (const r of rows) if (!seen.has(r.row)) missing.push(...defs.filter((d) => d.row === r.row));
  if (missing.length) {
    const rowsZh = [...new Set(missing.map((d) => d.rowLabel.zh))];
    const rowsEn = [...new Set(missing.map((d) => d.rowLabel.en))];
    state.warnings.push(
      warning(
        't2_rows_missing',
        `第二部分未见以下行的数值：${listZh(rowsZh)}`,
        `section 二 shows no values for: ${listEn(rowsEn)}`,
        missing.map((d) => d.key),
      ),
    );
  }
}
