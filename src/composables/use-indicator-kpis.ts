import { computed } from 'vue';
import { storeToRefs } from 'pinia';
import { decodeIndicatorTotals, indicatorTotalsQuery } from '@/data/queries/indicator-totals';
import { indicatorKpis } from '@/presenters/analysis';
import { useQuery } from '@/composables/use-query';
import { useLabels } from '@/composables/use-labels';
import { useFiltersStore } from '@/stores/filters';

/**
 * Headline figures of a view: each indicator pooled over the filtered reports, with its basis; and
 * why they failed, if they did, with a retry.
 */
export function useIndicatorKpis(keys: readonly string[]) {
  const { filters } = storeToRefs(useFiltersStore());
  const { labels } = useLabels();
  const totals = useQuery(
    () => indicatorTotalsQuery(filters.value, keys),
    (rows) => decodeIndicatorTotals(rows, keys),
  );
  const items = computed(() => indicatorKpis(totals.data.value, keys, labels.value, totals.loading.value));
  return { items, error: totals.error, retry: totals.retry };
}
