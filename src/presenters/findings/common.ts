import { NO_VALUE, changeRoundsToZero, formatPercent, formatPoints, type Change } from '@/domain/format';
import { indicator, isIndicatorKey, type IndicatorUnit } from '@/domain/indicators';
import type { Labels } from '@/presenters/labels';

/*
 * Written findings: a short paragraph per analytical view, built only from the figures its cards
 * show and formatted by the same helpers, so every number in a sentence is one on the page. A
 * missing figure is said in words ("无可计算的公开率"), never as NaN, 0 or "—" inside a sentence.
 */

/** A label inside an English sentence: "Disclosure rate" → "disclosure rate" (acronyms kept). */
export function inSentence(label: string, labels: Labels): string {
  if (labels.lang !== 'en' || label.length < 2) return label;
  const [first, second] = [label.charAt(0), label.charAt(1)];
  return second === second.toLowerCase() ? first.toLowerCase() + label.slice(1) : label;
}

/** Clauses of one sentence: "a；b；c。" / "a; b; c." (nothing for no clause). */
export function sentence(lead: string | null, items: readonly string[], labels: Labels): string {
  const { t } = labels;
  const body = items.filter(Boolean).join(t('findings.sep.item'));
  if (!body) return lead ? capitalised(`${lead}${t('findings.sep.end')}`, labels) : '';
  return capitalised(`${lead ? `${lead}${t('findings.sep.clause')}` : ''}${body}${t('findings.sep.end')}`, labels);
}

/** An English sentence starts with a capital. */
export function capitalised(s: string, labels: Labels): string {
  return labels.lang === 'en' ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** Sentences of a paragraph: Chinese runs them together, English puts a space between them. */
export function paragraph(sentences: readonly string[], labels: Labels): string {
  return sentences.filter(Boolean).join(labels.lang === 'zh' ? '' : ' ');
}

/** The unit of a figure: an indicator's own, else a plain value. */
export function unitOf(key: string): IndicatorUnit | null {
  return isIndicatorKey(key) ? indicator(key).unit : null;
}

export const isRateUnit = (unit: IndicatorUnit | null): boolean => unit === 'percent' || unit === 'per_100';

/**
 * A figure in words: "新收申请 3,525 件", "公开率 54.0%（1,204 份年报可计算）" with the basis a
 * rate rests on, or "无可计算的公开率" when the card shows "—".
 */
export function figureClause(
  fig: { readonly label: string; readonly value: string; readonly basis?: number | string | null },
  unit: IndicatorUnit | null,
  labels: Labels,
): string {
  const { t } = labels;
  const label = inSentence(fig.label, labels);
  if (fig.value === NO_VALUE || fig.value === '' || fig.value === '…') {
    return t(isRateUnit(unit) ? 'findings.noRate' : 'findings.noCount', { label });
  }
  if (isRateUnit(unit) && fig.basis !== undefined && fig.basis !== null) {
    return t('findings.rate', { label, value: fig.value, n: fig.basis });
  }
  return t(unit === 'count' ? 'findings.count' : 'findings.plain', { label, value: fig.value });
}

/** The number of a change without its sign or unit, as the cards round it: 0.4% / 10.4. */
export function changeMagnitude(c: Change, lang: Labels['lang']): string {
  const abs = Math.abs(c.value);
  return c.kind === 'points' ? formatPoints(abs, lang) : formatPercent(abs, lang);
}

/**
 * A change in words under a message prefix holding up/down/flat/pointsUp/pointsDown/pointsFlat:
 * "较上年同口径增长 0.4%", "提高 10.4 个百分点", "持平" for a change shown as ±0.0.
 */
export function changeWords(c: Change, prefix: string, labels: Labels): string {
  const points = c.kind === 'points';
  if (changeRoundsToZero(c)) return labels.t(`${prefix}.${points ? 'pointsFlat' : 'flat'}`);
  const dir = c.value > 0 ? 'Up' : 'Down';
  const key = points ? `points${dir}` : dir.toLowerCase();
  return labels.t(`${prefix}.${key}`, { change: changeMagnitude(c, labels.lang) });
}
