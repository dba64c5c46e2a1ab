import { computed, type ComputedRef } from 'vue';
import { storeToRefs } from 'pinia';
import { useUrlParams } from '@/composables/use-url-state';
import { useFilterOptions } from '@/composables/use-filter-options';
import { useFiltersStore } from '@/stores/filters';

/**
 * A view-specific choice kept in the URL (so a shared link restores it). Anything not among the
 * allowed values reads as the default, which is left out of the URL.
 */
export function useViewChoice<T extends string>(
  param: string,
  allowed: readonly T[],
  fallback: T,
): [ComputedRef<T>, (v: string) => void] {
  const url = useUrlParams();
  const value = computed<T>(() => allowed.find((a) => a === url.param(param)) ?? fallback);
  return [value, (v: string) => url.setParams({ [param]: v === fallback ? null : v })];
}

/** The filter's year range in words ("2019–2025", "2023"), from the loaded years when open. */
export function useRangeWords(): ComputedRef<string> {
  const { filters } = storeToRefs(useFiltersStore());
  const options = useFilterOptions();
  return computed(() => {
    const f = filters.value;
    const ys = options.data.value?.years ?? [];
    const from = f.yearFrom ?? ys[0];
    const to = f.yearTo ?? ys.at(-1);
    if (from === undefined || to === undefined) return '';
    return from === to ? `${from}` : `${from}–${to}`;
  });
}
