import { formatDelta, formatRelative, type CompareSort } from '@/domain/compare';
import { NO_VALUE, formatCount, formatValue } from '@/domain/format';
import { denominatorName, indicator } from '@/domain/indicators';
import type { CompareDetailPage } from '@/data/queries/compare';
import { figureClause, inSentence, paragraph, sentence } from '@/presenters/findings/common';
import type { Labels } from '@/presenters/labels';

export interface CompareFindingsInput {
  /** The first rows of the ranking, in the table's order (what the table's first page shows). */
  readonly page: CompareDetailPage | null;
  readonly sort: CompareSort;
  readonly from: number | null;
  readonly to: number | null;
  /** The minimum denominator below which a rate is listed apart. */
  readonly minN: number;
  /** The filter's years in words (the view's title). */
  readonly range: string;
  /** The table is on its way (nothing to say yet, rather than "no agencies"). */
  readonly pending?: boolean;
}

/**
 * The comparison in a paragraph: how many agencies can be compared (both years reported) and how
 * many are listed apart and why, then the first of the ranking with its end value, the
 * denominator of a rate, and its change over the same agency. Null while the table is
 * on its way.
 */
export function compareFindings(input: CompareFindingsInput, labels: Labels): string | null {
  const { t, label, lang } = labels;
  const { page, sort, from, to, minN, range } = input;
  if (input.pending) return null;
  if (!page || from === null || to === null || page.total === 0) return t('findings.none');
  const sortDef = sort.key === 'name' ? null : indicator(sort.key);

  const apart = [
    ...(page.missingYear > 0 ? [t('findings.compare.missing', { n: page.missingYear })] : []),
    ...(page.tooSmall > 0 && sortDef
      ? [
          t('findings.compare.small', {
            n: page.tooSmall,
            denominator: inSentence(denominatorName(sortDef, lang) ?? '', labels),
            min: formatCount(minN, lang),
          }),
        ]
      : []),
  ];
  if (page.comparable === 0) return paragraph([t('findings.compare.none'), sentence(null, apart, labels)], labels);
  const lead =
    from === to
      ? t('findings.compare.comparableOne', { n: page.comparable, to })
      : t('findings.compare.comparable', { n: page.comparable, range, from, to });
  const first = paragraph([sentence(lead, [], labels), sentence(null, apart, labels)], labels);

  if (!sortDef) return paragraph([first, sentence(t('findings.compare.byName'), [], labels)], labels);
  const top = page.rows.find((r) => r.hasStart && r.hasEnd && !r.smallN);
  if (!top) return first;
  const key = sort.key;
  const v = top.values[key];
  const end = formatValue(v?.end ?? null, sortDef.unit, lang);
  const field =
    sort.field === 'delta'
      ? t('findings.compare.fieldDelta')
      : sort.field === 'pct'
        ? t('findings.compare.fieldPct')
        : t('findings.compare.fieldYear', { year: sort.field === 'start' ? from : to });
  const indicatorName = inSentence(label(sortDef.name), labels);
  if (v?.end === null || v?.end === undefined) {
    const none = figureClause({ label: label(sortDef.name), value: end }, sortDef.unit, labels);
    return paragraph([first, sentence(`${top.agencyName}${t('findings.sep.clause')}${none}`, [], labels)], labels);
  }
  const denominator = top.parts[key]?.end.denominator ?? null;
  let text = t('findings.compare.top', {
    indicator: indicatorName,
    field,
    dir: t(`findings.compare.dir.${sort.dir}`),
    agency: top.agencyName,
    to,
    end,
  });
  if (denominator !== null) text += t('findings.compare.n', { n: denominator });
  const rest: string[] = [];
  if (from !== to && v.start !== null) {
    const delta = sort.field === 'pct' ? formatRelative(v.pct, lang) : formatDelta(v.delta, sortDef.unit, lang);
    const start = formatValue(v.start, sortDef.unit, lang);
    rest.push(
      delta === NO_VALUE
        ? t('findings.compare.sinceOnly', { from, start })
        : t('findings.compare.since', { from, start, delta }),
    );
  }
  return paragraph([first, sentence(text, rest, labels)], labels);
}
