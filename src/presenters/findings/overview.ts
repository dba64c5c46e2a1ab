import { changeBetween, formatValue } from '@/domain/format';
import { indicator } from '@/domain/indicators';
import type { MatchedChangeResult } from '@/data/queries/matched';
import type { IndicatorsByYear } from '@/data/queries/overview';
import { leftOutParts } from '@/presenters/overview';
import { changeWords, figureClause, paragraph, sentence } from '@/presenters/findings/common';
import type { Labels } from '@/presenters/labels';

/** The headline figures the Overview's paragraph speaks of (a subset of its cards, in their order). */
export const OVERVIEW_FINDING_KEYS = ['new_requests', 'disclosure_rate', 'review_cases', 'litigation_cases'] as const;

export interface OverviewFindingsInput {
  /** The headline rows of the year and the year before (what the KPI cards read). */
  readonly rows: readonly IndicatorsByYear[];
  readonly year: number | null;
  /** The like-for-like change between the two years (the cards' change); null while on its way. */
  readonly matched: MatchedChangeResult | null;
  readonly keys?: readonly string[];
  /** The figures are on their way (nothing to say yet, rather than "no reports"). */
  readonly pending?: boolean;
}

/**
 * The Overview in a paragraph: the year's figures over its reports, each change like for like
 * (design/comparisons.md §1) over the agencies with the figure in both years, how many agencies
 * that is, and what it leaves out. Null while the figures are on their way.
 */
export function overviewFindings(input: OverviewFindingsInput, labels: Labels): string | null {
  const { t, lang } = labels;
  const { rows, year, matched } = input;
  const keys = input.keys ?? OVERVIEW_FINDING_KEYS;
  if (input.pending) return null;
  const cur = year === null ? undefined : rows.find((r) => r.year === year);
  if (year === null || !cur || cur.reports === 0) return t('findings.none');
  const hasPrev = rows.some((r) => r.year === year - 1 && r.reports > 0);
  const m = matched && matched.toYear === year ? matched : null;
  // Without an earlier year there is nothing to wait for; with one, the change is still on its way.
  if (hasPrev && !m) return null;

  let baseN: number | null = null;
  const clauses = keys.map((key) => {
    const def = indicator(key);
    const v = cur.values[key] ?? null;
    const value = formatValue(v, def.unit, lang);
    const figure = figureClause(
      { label: labels.label(def.name), value, basis: cur.counts[key] ?? 0 },
      def.unit,
      labels,
    );
    if (v === null) return figure;
    const fig = hasPrev ? m?.figures[key] : undefined;
    let change: string;
    if (!fig || fig.matched === 0 || fig.matchedFrom === null || fig.matchedTo === null) {
      change = t('findings.change.noPrev');
    } else {
      const like = changeBetween(fig.matchedFrom, fig.matchedTo, def.unit);
      // The first change says "like for like" in full; the later ones say only how much.
      const words = baseN === null ? 'findings.change' : 'findings.changeShort';
      change = like ? changeWords(like, words, labels) : t('findings.change.zeroBase');
      baseN ??= fig.matched;
      if (fig.matched !== baseN) change += t('findings.change.matchedOther', { n: fig.matched });
    }
    return `${figure}${t('findings.sep.clause')}${change}`;
  });

  const lead = t('findings.overview.lead', { year, n: cur.reports });
  const left = m && baseN !== null ? leftOutParts(m, keys[0] as string, labels) : [];
  return paragraph(
    [
      sentence(lead, clauses, labels),
      m && baseN !== null ? sentence(t('findings.overview.matched', { n: baseN }), [], labels) : '',
      left.length ? sentence(t('findings.overview.leftOut', { parts: labels.list(left) }), [], labels) : '',
    ],
    labels,
  );
}
