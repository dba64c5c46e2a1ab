/**
 * Cell text → value. A published table writes "not reported" as blank, "/", "—", "-" or "无";
 * those are null, never 0. 2019 本年增/减 cells may be signed ("+19", "-4", "减4"). Fees carry
 * decimals; procurement amounts may carry a unit ("251000元").
 */

export type ValueToken =
  | { readonly kind: 'blank' }
  | { readonly kind: 'null'; readonly text: string }
  | {
      readonly kind: 'number';
      readonly value: number;
      /** An explicit sign or 增/减 was printed. */
      readonly signed: boolean;
      readonly decimals: number;
      readonly unit?: string;
    }
  /** Looks like a number but is not one (e.g. "1O", "12.3.4", "100%"): never guess a value. */
  | { readonly kind: 'invalid'; readonly text: string }
  /** Table rules drawn with characters ("-----", "====="): not a cell. */
  | { readonly kind: 'decoration' };

const NULL_MARKERS = new Set(['/', '\\', '-', '—', '——', '–', '－', '无', '無', '空', 'N/A', 'n/a', '／', '-/-']);
const UNITS = '(万元|元|件|条|个|项|次|宗|篇|人次|人)';
const NUMBER = new RegExp(`^(增加|减少|增|减|[+-])?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*${UNITS}?$`);

/**
 * Parse a normalised cell text. Returns undefined when the text is a label (contains words), so
 * that callers can tell labels from values.
 */
export function parseValue(text: string): ValueToken | undefined {
  const t = text.trim();
  if (t === '') return { kind: 'blank' };
  if (NULL_MARKERS.has(t)) return { kind: 'null', text: t };
  if (/^[-=_—~·.]{3,}$/.test(t)) return { kind: 'decoration' };
  const m = NUMBER.exec(t);
  if (m) {
    const sign = m[1] ?? '';
    const negative = sign === '-' || sign.startsWith('减');
    const intPart = (m[2] ?? '0').replace(/,/g, '');
    const frac = m[3] ?? '';
    const value = Number(intPart + frac) * (negative ? -1 : 1);
    const unit = m[4];
    return {
      kind: 'number',
      value: Object.is(value, -0) ? 0 : value,
      signed: sign !== '',
      decimals: frac ? frac.length - 1 : 0,
      ...(unit ? { unit } : {}),
    };
  }
  // Row numbering ("1.", "2、") is part of a label, not a value.
  if (/^\d{1,2}[.、)]$/.test(t)) return undefined;
  if (/^[\d.,+\-%OolI×x*]+$/.test(t) && /\d/.test(t)) return { kind: 'invalid', text: t };
  return undefined;
}

/** True when the text is a value (including the null markers and invalid number-like text). */
export function isValueText(text: string): boolean {
  const v = parseValue(text);
  return v !== undefined && v.kind !== 'decoration';
}
