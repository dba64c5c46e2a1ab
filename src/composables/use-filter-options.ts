import { computed, type ComputedRef } from 'vue';
import { storeToRefs } from 'pinia';
import { createSharedComposable } from '@vueuse/core';
import { decodeFilterOptions, filterOptionsQuery } from '@/data/queries/dimensions';
import { useQuery } from '@/composables/use-query';
import { useFiltersStore } from '@/stores/filters';

/** What the loaded data offers to filter on; one query shared by the filter bar and the views. */
export const useFilterOptions = createSharedComposable(() => useQuery(filterOptionsQuery, decodeFilterOptions));

export interface YearSpan {
  /** First and last year of the filter; an open end is the first or last loaded year. */
  readonly from: ComputedRef<number | null>;
  readonly to: ComputedRef<number | null>;
  /** The loaded years are still on their way: a question that needs the span is PENDING. */
  readonly pending: ComputedRef<boolean>;
  /** The span in words: "2019–2025", "2023", or '' while unknown. */
  readonly words: ComputedRef<string>;
}

/** The years the views describe: the filter's range, its open ends filled from the loaded data. */
export function useYearSpan(): YearSpan {
  const { filters } = storeToRefs(useFiltersStore());
  const options = useFilterOptions();
  const from = computed(() => filters.value.yearFrom ?? options.data.value?.years[0] ?? null);
  const to = computed(() => filters.value.yearTo ?? options.data.value?.years.at(-1) ?? null);
  return {
    from,
    to,
    pending: computed(() => options.data.value === null),
    words: computed(() => {
      if (from.value === null || to.value === null) return '';
      return from.value === to.value ? `${from.value}` : `${from.value}–${to.value}`;
    }),
  };
}
