import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import { storeToRefs } from 'pinia';
import type { Row } from '@/data/query-runner';
import type { SqlQuery } from '@/data/sql';
import { useRunner } from '@/composables/runner';
import { useDatasetsStore } from '@/stores/datasets';
import { queryFailureOf, type QueryFailure } from '@/data/query-failure';
import { takeQueryFault } from '@/composables/query-faults';

export type { QueryFailure } from '@/data/query-failure';

export interface QueryState<T> {
  readonly data: ShallowRef<T | null>;
  readonly loading: Ref<boolean>;
  /** Why the last question failed (its card says so in the user's words), or null. */
  readonly error: Ref<QueryFailure | null>;
  /** Asks the same question again (the card's retry button); other queries are not touched. */
  readonly retry: () => void;
}

/**
 * What a builder returns while an input it needs is still on its way (e.g. the loaded years):
 * the state stays "loading", so a view never says "no data" for a question not yet asked.
 */
export const PENDING: unique symbol = Symbol('pending');

/**
 * Runs a query whenever its builder's inputs or the loaded data change, and decodes the rows.
 * A newer request makes older responses irrelevant: they are dropped, never shown. A builder that
 * returns null means "nothing to ask" (e.g. an empty selection) and yields null data; one that
 * returns PENDING keeps the state loading until its inputs arrive.
 */
export function useQuery<T>(build: () => SqlQuery | null | typeof PENDING, decode: (rows: Row[]) => T): QueryState<T> {
  const runner = useRunner();
  const { version, status } = storeToRefs(useDatasetsStore());
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = ref<QueryFailure | null>(null);
  const attempt = ref(0);
  let latest = 0;

  watch(
    [build, version, status, attempt],
    async ([q]) => {
      const ticket = ++latest;
      if (q === PENDING) {
        loading.value = true;
        return;
      }
      if (!q || version.value === 0) {
        data.value = null;
        loading.value = false;
        return;
      }
      loading.value = true;
      try {
        takeQueryFault(q.text);
        const rows = await (await runner).query(q);
        if (ticket !== latest) return;
        data.value = decode(rows);
        error.value = null;
      } catch (e) {
        if (ticket !== latest) return;
        error.value = queryFailureOf(e);
        data.value = null;
        console.warn('query failed:', error.value.detail);
      } finally {
        if (ticket === latest) loading.value = false;
      }
    },
    { immediate: true },
  );

  const retry = () => {
    error.value = null;
    attempt.value += 1;
  };
  return { data, loading, error, retry };
}
