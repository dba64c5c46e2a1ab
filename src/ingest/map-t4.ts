/**
 * Section 四 政府信息公开行政复议、行政诉讼情况 → t4_* cells. The form is one row of 15 numbers
 * under a two- or three-level header (复议 5, 直接起诉 5, 复议后起诉 5); PDF extraction often
 * stacks the header characters vertically, so only the numbers are used and their count must be 15.
 */
import { cell, T4_GROUPS, T4_RESULTS, t4Key } from '@/domain/catalogue';
import type { Token } from '@/ingest/tokens';
import { setCell, trimTrailingBlanks, isBlank, type MapState } from '@/ingest/map-cells';
import { warning } from '@/ingest/warnings';

export const T4_KEYS: readonly string[] = T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => t4Key(g.key, r.key)));

export function mapSection4(tokens: readonly Token[], range: readonly [number, number], state: MapState): void {
  // Only lines that carry a number are data rows; blank cells elsewhere pad the header.
  const all = tokens.slice(range[0], range[1]).filter((t) => t.kind === 'value');
  const dataLines = new Set(all.filter((t) => !isBlank(t)).map((t) => t.line));
  const values = all.filter((t) => dataLines.has(t.line));
  const n = T4_KEYS.length;
  const structured = values.some((v) => v.structured);
  const vals = structured ? trimTrailingBlanks(values, n) : values.filter((v) => !isBlank(v));
  if (vals.length === n) {
    T4_KEYS.forEach((k, i) => setCell(state, cell(k), vals[i]));
    return;
  }
  for (const k of T4_KEYS) state.cells[k] = null;
  if (vals.length === 0) {
    state.warnings.push(
      warning(
        't4_no_values',
        '第四部分未见数值，15 个单元格留空',
        'section 四 shows no numbers; its 15 cells left empty',
        T4_KEYS,
      ),
    );
    return;
  }
  state.warnings.push(
    warning(
      't4_count_mismatch',
      `第四部分有 ${vals.length} 个数值，而模板为 ${n} 个；无法确定对应关系，全部留空`,
      `section 四 has ${vals.length} numbers where the template has ${n}; they cannot be placed, all left empty`,
      T4_KEYS,
    ),
  );
}
