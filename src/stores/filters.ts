import { defineStore } from 'pinia';
import { ref } from 'vue';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';

/** The user's current filter selection, shared by every view (synced with the URL elsewhere). */
export const useFiltersStore = defineStore('filters', () => {
  const filters = ref<Filters>(EMPTY_FILTERS);

  function update(patch: Partial<Filters>) {
    filters.value = { ...filters.value, ...patch };
  }

  function reset() {
    filters.value = EMPTY_FILTERS;
  }

  return { filters, update, reset };
});
