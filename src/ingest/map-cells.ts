/**
 * Shared pieces of the table mappers: collecting rows (a label and the values that follow it),
 * checking a value against its catalogue cell, placing values by position or by x-coordinate.
 */
import type { CellDef } from '@/domain/catalogue';
import type { IngestWarning, Provenance } from '@/ingest/types';
import type { Token } from '@/ingest/tokens';
import { FRAGMENT, WITH_NOTE, type LabelMatch } from '@/ingest/labels';
import { warning } from '@/ingest/warnings';

export interface Hit<K extends string> {
  key: K | null;
  labelText: string;
  label: Token;
  values: Token[];
}

export interface MapState {
  readonly cells: Record<string, number | null>;
  readonly provenance: Record<string, Provenance>;
  readonly warnings: IngestWarning[];
}

/**
 * Walk tokens [from, to): each label opens a row, the values after it belong to it. A label that
 * directly follows a label with no values is first tried as the continuation of a wrapped label.
 */
export function collectRows<K extends string>(
  tokens: readonly Token[],
  from: number,
  to: number,
  match: (label: string) => LabelMatch<K> | undefined,
  pick: (m: LabelMatch<K>) => K,
): Hit<K>[] {
  const hits: Hit<K>[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'value') {
      const cur = hits[hits.length - 1];
      if (cur) cur.values.push(t);
      continue;
    }
    // The row this label may continue: the last one without values, skipping over label pieces
    // of other cells that a PDF interleaves (rowspan headings printed beside the wrapped label).
    let ti = hits.length - 1;
    while (ti > 0 && hits.length - ti <= 3) {
      const h = hits[ti] as Hit<K>;
      if (h.key !== null || h.values.length) break;
      ti--;
    }
    const target = hits[ti];
    if (target && target.values.length === 0) {
      const combined = `${target.labelText} ${t.text}`;
      const m = match(combined);
      if (m) {
        const key = pick(m);
        const same = target.key !== null && key === target.key && (m.quality >= WITH_NOTE || m.quality === FRAGMENT);
        if (same || (m.quality >= WITH_NOTE && (target.key === null || key === target.key) && ti === hits.length - 1)) {
          target.key = key;
          target.labelText = combined;
          hits.splice(ti, 1);
          hits.push(target);
          continue;
        }
      }
    }
    const m = match(t.text);
    hits.push({ key: m ? pick(m) : null, labelText: t.text, label: t, values: [] });
  }
  return hits;
}

const COUNT_UNITS = new Set(['件', '条', '个', '项', '次', '宗', '篇', '人次', '人']);

/**
 * Put one value into a cell. Blank and "/"-style markers are null (the source shows no figure);
 * anything that does not fit the cell (a decimal count, a sign where none belongs, a foreign unit)
 * is null with a warning — never coerced.
 */
export function setCell(state: MapState, def: CellDef, tok: Token | undefined): void {
  if (!tok) {
    state.cells[def.key] = null;
    return;
  }
  const v = tok.value;
  const prov: Provenance = tok.prov;
  state.provenance[def.key] = prov;
  if (!v || v.kind === 'blank' || v.kind === 'null' || v.kind === 'decoration') {
    state.cells[def.key] = null;
    return;
  }
  const bad = (why: { zh: string; en: string }): void => {
    state.cells[def.key] = null;
    state.warnings.push(
      warning(
        'bad_value',
        `${def.label.zh}：“${tok.text}”${why.zh}，未读取`,
        `${def.label.en}: "${tok.text}" ${why.en}; left empty`,
        [def.key],
      ),
    );
  };
  if (v.kind === 'invalid') return bad({ zh: '不是可读的数字', en: 'is not a readable number' });
  if (def.valueKind === 'count') {
    if (v.decimals > 0) return bad({ zh: '不是整数', en: 'is not a whole number' });
    if (v.value < 0 || /^[增减]/.test(tok.text))
      return bad({ zh: '带有正负号，而此格为件数', en: 'carries a sign in a count cell' });
    if (v.unit && !COUNT_UNITS.has(v.unit))
      return bad({ zh: `单位“${v.unit}”不符`, en: `has an unexpected unit "${v.unit}"` });
  } else if (def.valueKind === 'signed_count') {
    if (v.decimals > 0) return bad({ zh: '不是整数', en: 'is not a whole number' });
    if (v.unit && !COUNT_UNITS.has(v.unit))
      return bad({ zh: `单位“${v.unit}”不符`, en: `has an unexpected unit "${v.unit}"` });
  } else {
    if (v.value < 0) return bad({ zh: '为负数', en: 'is negative' });
    if (def.unit === 'wan_yuan' && v.unit && v.unit !== '万元') {
      return bad({ zh: `单位为“${v.unit}”而非万元`, en: `is in ${v.unit}, not 万元` });
    }
    if (def.unit === 'as_printed' && v.unit) {
      state.provenance[def.key] = { ...prov, unit: v.unit };
      state.warnings.push(
        warning(
          'unit_recorded',
          `${def.label.zh} 印为“${tok.text}”，记录数值 ${v.value}，单位“${v.unit}”`,
          `${def.label.en} printed as "${tok.text}": recorded ${v.value} with unit ${v.unit}`,
          [def.key],
          'info',
        ),
      );
    }
  }
  state.cells[def.key] = v.value;
}

export function isBlank(t: Token): boolean {
  return t.value?.kind === 'blank';
}

/** Structured sources pad rows with blank cells; drop blanks beyond `n` at the end. */
export function trimTrailingBlanks(vals: readonly Token[], n: number): Token[] {
  const out = [...vals];
  while (out.length > n && out.length && isBlank(out[out.length - 1] as Token)) out.pop();
  return out;
}

export interface XColumn<C extends string> {
  readonly key: C;
  readonly center: number;
}

export function center(t: { x?: number; x2?: number }): number | undefined {
  if (t.x === undefined) return undefined;
  return t.x2 !== undefined ? (t.x + t.x2) / 2 : t.x;
}

/**
 * Place values under header columns by horizontal position. Each value goes to the nearest column
 * centre if it is clearly closer to it than to any other; two values under one column, or a value
 * between columns, make the whole row unplaceable (undefined).
 */
export function alignByX<C extends string>(
  values: readonly Token[],
  cols: readonly XColumn<C>[],
): Map<C, Token> | undefined {
  if (cols.length === 0) return undefined;
  const sorted = [...cols].sort((a, b) => a.center - b.center);
  let minGap = Infinity;
  for (let i = 1; i < sorted.length; i++)
    minGap = Math.min(minGap, (sorted[i] as XColumn<C>).center - (sorted[i - 1] as XColumn<C>).center);
  const tol = Number.isFinite(minGap) ? minGap * 0.5 : Infinity;
  const out = new Map<C, Token>();
  for (const v of values) {
    const c = center(v);
    if (c === undefined) return undefined;
    let best: XColumn<C> | undefined;
    let bestD = Infinity;
    for (const col of sorted) {
      const d = Math.abs(col.center - c);
      if (d < bestD) {
        bestD = d;
        best = col;
      }
    }
    if (!best || bestD >= tol || out.has(best.key)) return undefined;
    out.set(best.key, v);
  }
  return out;
}
