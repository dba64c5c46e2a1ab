/**
 * The tables of the views that are not behind a chart (the comparison ranking, the quality
 * ranking) as export tables, for the briefing: labelled columns, counts as numbers, rates as
 * their numerator and denominator so the printed table shows both beside the rate.
 */
import { denominatorName, indicator, numeratorName } from '@/domain/indicators';
import type { ColumnSpec, ExportTable, Ratio } from '@/domain/export-table';
import type { RankingColumn, RankingLine } from '@/presenters/compare';
import type { ScoreRow } from '@/presenters/quality';
import type { Labels } from '@/presenters/labels';

/** The comparison ranking as shown (one page): rank, agency, group, each indicator at the start and end year. */
export function rankingExportTable(
  lines: readonly RankingLine[],
  columns: readonly RankingColumn[],
  span: { from: number; to: number },
  labels: Labels,
): ExportTable {
  const { t, lang } = labels;
  const years = span.from === span.to ? (['end'] as const) : (['start', 'end'] as const);
  const year = (f: 'start' | 'end') => String(f === 'start' ? span.from : span.to);
  const specs: ColumnSpec[] = [
    { kind: 'text', label: '#' },
    { kind: 'text', label: t('compare.agency') },
    { kind: 'text', label: t('compare.group') },
  ];
  for (const c of columns) {
    const def = indicator(c.key);
    for (const f of years) {
      const label = `${c.label} ${year(f)}`;
      if (def.denominator)
        specs.push({
          kind: 'rate',
          label,
          scale: def.unit === 'per_100' ? 'per_100' : 'percent',
          numeratorLabel: numeratorName(def, lang),
          denominatorLabel: denominatorName(def, lang) ?? '',
        });
      else if (def.unit === 'count') specs.push({ kind: 'count', label });
      else specs.push({ kind: 'number', label, digits: 2 });
    }
  }
  const rows = lines.map((l) => [
    l.rank === null ? '—' : String(l.rank),
    l.row.agencyName,
    `${t(`level.${l.row.level}`)}${lang === 'zh' ? '·' : ' · '}${t(`kind.${l.row.kind}`)}`,
    ...columns.flatMap((c) =>
      years.map((f): number | null | Ratio => {
        const parts = l.row.parts[c.key]?.[f];
        if (indicator(c.key).denominator) return parts ?? { numerator: null, denominator: null };
        return l.row.values[c.key]?.[f] ?? null;
      }),
    ),
  ]);
  return { columns: specs, rows };
}

/** The quality ranking as shown: rank, agency, pass rate, coverage, lower bound, reports and checks. */
export function scoreExportTable(rows: readonly ScoreRow[], labels: Labels): ExportTable {
  const { t } = labels;
  const text = (key: string): ColumnSpec => ({ kind: 'text', label: t(`quality.${key}`) });
  const count = (key: string): ColumnSpec => ({ kind: 'count', label: t(`quality.${key}`) });
  return {
    columns: [
      text('rank'),
      text('agency'),
      text('score'),
      text('coverage'),
      text('lower'),
      count('reports'),
      text('years'),
      count('checksPass'),
      count('checksFail'),
      count('checksNa'),
      count('errorFailures'),
    ],
    rows: rows.map((r) => [
      r.rank,
      r.agencyName,
      r.score,
      r.coverage,
      r.lower,
      r.reports,
      r.years,
      r.checksPass,
      r.checksFail,
      r.checksNotAssessable,
      r.errorFailures,
    ]),
  };
}
