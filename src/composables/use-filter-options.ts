import { createSharedComposable } from '@vueuse/core';
import { decodeFilterOptions, filterOptionsQuery } from '@/data/queries/dimensions';
import { useQuery } from '@/composables/use-query';

/** What the loaded data offers to filter on; one query shared by the filter bar and the views. */
export const useFilterOptions = createSharedComposable(() => useQuery(filterOptionsQuery, decodeFilterOptions));
