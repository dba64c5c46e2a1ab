import { computed, type Ref } from 'vue';
import { storeToRefs } from 'pinia';
import { indicator } from '@/domain/indicators';
import { decodePerResidents, perResidentsQuery } from '@/data/queries/per-residents';
import { perResidentsCard, type PerResidentsCard } from '@/presenters/per-residents';
import { useQuery } from '@/composables/use-query';
import { useLabels } from '@/composables/use-labels';
import { useDatasetsStore } from '@/stores/datasets';
import { useFiltersStore } from '@/stores/filters';

/**
 * A count per 10,000 residents for the 人民政府 of a year, once the user has loaded a population
 * table (数据 → 人口表); null when there is none, or the indicator is a rate (rates need no size).
 */
export function usePerResidentsCard(key: Ref<string>, year: Ref<number | null>) {
  const datasets = useDatasetsStore();
  const { filters } = storeToRefs(useFiltersStore());
  const { labels } = useLabels();
  const wanted = computed(
    () => datasets.population !== null && year.value !== null && !indicator(key.value).denominator,
  );
  const rows = useQuery(
    () => (wanted.value ? perResidentsQuery(filters.value, [key.value], year.value as number) : null),
    (r) => decodePerResidents(r, [key.value]),
  );
  const card = computed<PerResidentsCard | null>(() =>
    wanted.value && rows.data.value
      ? perResidentsCard(rows.data.value, key.value, year.value as number, labels.value)
      : null,
  );
  return { card, loading: rows.loading };
}
