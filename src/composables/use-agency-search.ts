import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { Filters } from '@/domain/filters';
import { isPinyinQuery, matchPinyin, pinyinKeys, type PinyinEntry } from '@/domain/pinyin-match';
import {
  agencyNamesQuery,
  agencySearchQuery,
  allAgenciesQuery,
  decodeAgencyOptions,
  type AgencyOption,
} from '@/data/queries/dimensions';
import { useQuery } from '@/composables/use-query';

const HITS = 20;

/**
 * The pinyin of every loaded agency's name, built the first time somebody types Latin letters
 * (the pinyin library is loaded then, not at start-up) and again after each change of the data.
 */
function usePinyinIndex(wanted: () => boolean) {
  const active = ref(false);
  watch(wanted, (w) => void (w && (active.value = true)), { immediate: true });
  const agencies = useQuery(() => (active.value ? allAgenciesQuery() : null), decodeAgencyOptions);
  const index = shallowRef<PinyinEntry<AgencyOption>[] | null>(null);
  const building = ref(false);
  let latest = 0;
  watch(
    () => agencies.data.value,
    async (list) => {
      const ticket = ++latest;
      if (!list) {
        index.value = null;
        return;
      }
      building.value = true;
      const { pinyin } = await import('pinyin-pro');
      const toSyllables = (name: string) => pinyin(name, { toneType: 'none', type: 'array' });
      const built = list.map((a) => ({ item: a, name: a.name, ...pinyinKeys(a.name, toSyllables) }));
      if (ticket !== latest) return;
      index.value = built;
      building.value = false;
    },
  );
  return { index, loading: computed(() => agencies.loading.value || building.value) };
}

/**
 * The agency typeahead of the filter bar: hits for the typed text (in the name or id, and by
 * pinyin when the text is Latin letters), and names for the picked ids.
 */
export function useAgencySearch(filters: Ref<Filters>) {
  const text = ref('');
  const query = computed(() => text.value.trim());
  const hits = useQuery(() => (query.value ? agencySearchQuery(query.value, HITS) : null), decodeAgencyOptions);
  const byPinyin = usePinyinIndex(() => isPinyinQuery(query.value));
  const names = useQuery(() => agencyNamesQuery(filters.value.agencies), decodeAgencyOptions);
  /** Options offered so far: a pick shows its name at once, before the names query answers. */
  const offered = new Map<string, AgencyOption>();
  /** Picked agencies in the order picked; an id the data does not know keeps its id as name. */
  const picked = computed<AgencyOption[]>(() => {
    // By id in a Map: a link may pick thousands of agencies.
    const byId = new Map((names.data.value ?? []).map((a) => [a.id, a]));
    return filters.value.agencies.map((id) => byId.get(id) ?? offered.get(id) ?? { id, name: id, level: '', kind: '' });
  });
  /** Picked ids the loaded data does not know (a link made on another dataset); none while asking. */
  const absent = computed<string[]>(() => {
    const known = names.data.value;
    if (!known || names.loading.value) return [];
    const ids = new Set(known.map((a) => a.id));
    return filters.value.agencies.filter((id) => !ids.has(id));
  });
  const merged = computed<AgencyOption[]>(() => {
    if (!query.value) return [];
    const direct = hits.data.value ?? [];
    const index = byPinyin.index.value;
    if (!index || !isPinyinQuery(query.value)) return direct;
    const seen = new Set(direct.map((a) => a.id));
    return [...direct, ...matchPinyin(index, query.value, HITS).filter((a) => !seen.has(a.id))].slice(0, HITS);
  });
  watch(merged, (list) => list.forEach((a) => offered.set(a.id, a)));
  return {
    text,
    hits: merged,
    picked,
    absent,
    loading: computed(() => hits.loading.value || (isPinyinQuery(query.value) && byPinyin.loading.value)),
  };
}
