import { defineStore } from 'pinia';
import { ref } from 'vue';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';

/**
 * The filters the URL holds, shared by every view. Only the URL sync sets them
 * (`useUrlSync`); a user's change is written to the URL (`useAppUrl().setFilters`) and comes back here.
 */
export const useFiltersStore = defineStore('filters', () => {
  const filters = ref<Filters>(EMPTY_FILTERS);
  function set(next: Filters) {
    filters.value = next;
  }
  return { filters, set };
});
