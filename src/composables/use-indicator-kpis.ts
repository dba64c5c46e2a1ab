import { computed } from 'vue';
import { storeToRefs } from 'pinia';
import { indicator } from '@/domain/indicators';
import { formatValue } from '@/domain/format';
import { decodeIndicatorTotals, indicatorTotalsQuery } from '@/data/queries/indicator-totals';
import { useQuery } from '@/composables/use-query';
import { useLabels } from '@/composables/use-labels';
import { useFiltersStore } from '@/stores/filters';

/**
 * Headline figures of a view: each indicator pooled over the filtered reports, with its basis; and
 * why they failed, if they did, with a retry.
 */
export function useIndicatorKpis(keys: readonly string[]) {
  const { filters } = storeToRefs(useFiltersStore());
  const { t, lang, label, glossary } = useLabels();
  const totals = useQuery(
    () => indicatorTotalsQuery(filters.value, keys),
    (rows) => decodeIndicatorTotals(rows, keys),
  );
  const items = computed(() =>
    keys.map((key) => {
      const def = indicator(key);
      return {
        key,
        label: label(def.name),
        value: formatValue(totals.data.value?.values[key] ?? null, def.unit, lang.value),
        note: t('overview.basis', { n: totals.data.value?.counts[key] ?? 0 }),
        glossary: glossary(key),
      };
    }),
  );
  return { items, error: totals.error, retry: totals.retry };
}
