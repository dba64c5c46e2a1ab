import { computed, ref, type Ref } from 'vue';
import type { Filters } from '@/domain/filters';
import { agencyNamesQuery, agencySearchQuery, decodeAgencyOptions, type AgencyOption } from '@/data/queries/dimensions';
import { useQuery } from '@/composables/use-query';

/** The agency typeahead of the filter bar: hits for the typed text, and names for the picked ids. */
export function useAgencySearch(filters: Ref<Filters>) {
  const text = ref('');
  const hits = useQuery(() => (text.value.trim() ? agencySearchQuery(text.value.trim()) : null), decodeAgencyOptions);
  const names = useQuery(() => agencyNamesQuery(filters.value.agencies), decodeAgencyOptions);
  /** Picked agencies in the order picked; an id the data does not know keeps its id as name. */
  const picked = computed<AgencyOption[]>(() =>
    filters.value.agencies.map(
      (id) => names.data.value?.find((a) => a.id === id) ?? { id, name: id, level: '', kind: '' },
    ),
  );
  return {
    text,
    hits: computed(() => (text.value.trim() ? (hits.data.value ?? []) : [])),
    picked,
    loading: hits.loading,
  };
}
