import { changeBetween, formatValue } from '@/domain/format';
import { indicator } from '@/domain/indicators';
import type { PanelSummary } from '@/data/queries/matched';
import type { TrendLine } from '@/data/queries/trends';
import { lineName, orderLines, type TrendChoices } from '@/presenters/trends';
import { changeWords, inSentence, paragraph, sentence } from '@/presenters/findings/common';
import type { Labels } from '@/presenters/labels';

/** Lines described in words per indicator; the others are in the chart. */
export const TREND_FINDING_LINES = 3;

export interface TrendFindingsInput {
  readonly lines: readonly TrendLine[];
  readonly choices: TrendChoices;
  readonly picks: readonly string[];
  readonly years: readonly number[];
  readonly range: string;
  /** What the balanced panel keeps (null while on its way, or when it is not chosen). */
  readonly panel: PanelSummary | null;
  /** The lines or the panel are on their way. */
  readonly pending?: boolean;
}

/**
 * The trends in a paragraph: each line's first and last year with data. A change is stated only
 * over the same agencies on both sides (design/comparisons.md §1): a balanced panel, or a line that
 * is one agency; otherwise the two values are given and the paragraph says why there is no change.
 */
export function trendFindings(input: TrendFindingsInput, labels: Labels): string | null {
  const { t, label, lang } = labels;
  const { choices, years, range, panel } = input;
  if (input.pending || (choices.balanced && !panel)) return null;
  if (!years.length || !input.lines.length) return t('findings.none');
  if (choices.balanced && panel && panel.balanced === 0) return t('findings.trends.noBalanced', { range });
  const matched = choices.balanced || choices.by === 'agency';
  const ordered = orderLines(input.lines, choices.by, input.picks);
  const shown = ordered.slice(0, TREND_FINDING_LINES);

  const sentences = choices.keys.map((key, i) => {
    const def = indicator(key);
    const name = inSentence(label(def.name), labels);
    const clauses = shown.map((l) => {
      const points = years.flatMap((y) => {
        const v = l.points.find((p) => p.year === y)?.values[key] ?? null;
        return v === null ? [] : [{ year: y, v }];
      });
      const line = lineName(l, choices.by, labels);
      const a = points[0];
      const b = points.at(-1);
      if (!a || !b) return t('findings.trends.lineNone', { name: line, indicator: name });
      if (a === b) {
        return t('findings.trends.lineOne', {
          name: line,
          indicator: name,
          year: a.year,
          value: formatValue(a.v, def.unit, lang),
        });
      }
      const text = t('findings.trends.line', {
        name: line,
        indicator: name,
        from: a.year,
        to: b.year,
        start: formatValue(a.v, def.unit, lang),
        end: formatValue(b.v, def.unit, lang),
      });
      const change = matched ? changeBetween(a.v, b.v, def.unit) : null;
      return change ? `${text}${t('findings.sep.clause')}${changeWords(change, 'findings.trends', labels)}` : text;
    });
    const more = ordered.length - shown.length;
    const tail = [
      ...(more > 0 ? [t('findings.trends.more', { n: more })] : []),
      ...(!matched && i === choices.keys.length - 1 ? [t('findings.trends.notMatched')] : []),
    ];
    const lead =
      i > 0
        ? null
        : choices.balanced && panel
          ? t('findings.trends.balanced', { range, n: panel.balanced })
          : t('findings.trends.all', { range });
    return sentence(lead, [...clauses, ...tail], labels);
  });
  return paragraph(sentences, labels);
}
