import { indicator } from '@/domain/indicators';
import { formatDecimal } from '@/domain/format';
import { buildRankingOption } from '@/charts/ranking';
import type { PerResidentsRow } from '@/data/queries/per-residents';
import type { ExportTable } from '@/domain/export-table';
import type { Labels } from '@/presenters/labels';

/** The ranking shows this many 人民政府 at most; the table holds them all. */
const SHOWN = 20;

export interface PerResidentsCard {
  readonly title: string;
  readonly unit: string;
  readonly option: ReturnType<typeof buildRankingOption> | null;
  readonly table: ExportTable;
  /** How many governments are left out for want of a population figure or a reported count. */
  readonly note: string;
}

/**
 * 人民政府 ranked on a count per 10,000 residents (the population table loaded by the user): the
 * governments without a population or a reported count are left out and counted, never drawn as 0.
 */
export function perResidentsCard(
  rows: readonly PerResidentsRow[],
  key: string,
  year: number,
  l: Labels,
): PerResidentsCard {
  const name = l.label(indicator(key).name);
  const ranked = rows
    .filter((r) => r.perTenThousand[key] !== null && r.perTenThousand[key] !== undefined)
    .sort((a, b) => (b.perTenThousand[key] as number) - (a.perTenThousand[key] as number));
  const noPopulation = rows.filter((r) => r.population === null).length;
  const noValue = rows.filter((r) => r.population !== null && r.values[key] === null).length;
  const fmt = (v: number) => formatDecimal(v, l.lang, 2);
  return {
    title: l.t('compare.perResidentsTitle', { indicator: name, year }),
    unit: l.t('compare.perResidentsUnit'),
    option: ranked.length
      ? buildRankingOption({
          items: ranked.slice(0, SHOWN).map((r) => ({
            id: r.agencyId,
            name: r.agencyName,
            value: r.perTenThousand[key] as number,
          })),
          unit: 'count',
          valueName: l.t('compare.perResidentsUnit'),
          lang: l.lang,
          format: fmt,
        })
      : null,
    table: {
      columns: [
        { kind: 'text', label: l.t('compare.agency') },
        { kind: 'count', label: name },
        { kind: 'count', label: l.t('compare.population') },
        { kind: 'number', label: l.t('compare.perResidentsUnit'), digits: 2 },
      ],
      rows: rows.map((r) => [r.agencyName, r.values[key] ?? null, r.population, r.perTenThousand[key] ?? null]),
    },
    note: l.t('compare.perResidentsNote', { n: ranked.length, total: rows.length, noPopulation, noValue }),
  };
}
