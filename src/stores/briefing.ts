import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import {
  addItem,
  EMPTY_BRIEFING,
  moveItem,
  newItemId,
  parseBriefing,
  serialiseBriefing,
  type AddOutcome,
  type BriefingItemInput,
  type BriefingState,
} from '@/domain/briefing';

/** Where the briefing is kept in the browser (local storage: it survives reloads and restarts). */
export const BRIEFING_STORAGE_KEY = 'disclosure-dashboard.briefing';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * The briefing the reader is putting together. Every change is written to local storage at once,
 * so a reload (or another tab opened later) finds it as it was; a change the browser refuses to
 * keep (storage full) is undone and reported, never kept only in memory.
 */
export const useBriefingStore = defineStore('briefing', () => {
  const state = ref<BriefingState>(parseBriefing(storage()?.getItem(BRIEFING_STORAGE_KEY) ?? null));
  /** The last change could not be kept (storage refused it). */
  const saveFailed = ref(false);

  function commit(next: BriefingState): boolean {
    const s = storage();
    try {
      s?.setItem(BRIEFING_STORAGE_KEY, serialiseBriefing(next));
    } catch {
      saveFailed.value = true;
      return false;
    }
    saveFailed.value = false;
    state.value = next;
    return true;
  }

  /** Adds an item at the end; says how many there are now, or why it was not added. */
  function add(input: BriefingItemInput): AddOutcome {
    const { state: next, outcome } = addItem(
      state.value,
      input,
      newItemId(state.value.items, Date.now()),
      new Date().toISOString(),
    );
    if (!outcome.ok) return outcome;
    return commit(next) ? outcome : { ok: false, reason: 'size', count: state.value.items.length };
  }
  function remove(id: string) {
    commit({ ...state.value, items: state.value.items.filter((i) => i.id !== id) });
  }
  function move(id: string, by: number) {
    commit({ ...state.value, items: moveItem(state.value.items, id, by) });
  }
  function setCaption(id: string, caption: string) {
    commit({ ...state.value, items: state.value.items.map((i) => (i.id === id ? { ...i, caption } : i)) });
  }
  function setTitle(title: string | null) {
    commit({ ...state.value, title });
  }
  function setDate(date: string | null) {
    commit({ ...state.value, date });
  }
  function clear() {
    commit(EMPTY_BRIEFING);
  }
  /** Reads the stored briefing again (another tab may have changed it). */
  function reload() {
    state.value = parseBriefing(storage()?.getItem(BRIEFING_STORAGE_KEY) ?? null);
  }

  const items = computed(() => state.value.items);
  const count = computed(() => state.value.items.length);
  return { state, items, count, saveFailed, add, remove, move, setCaption, setTitle, setDate, clear, reload };
});
