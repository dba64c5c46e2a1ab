import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { LoadIssue } from '@/data/load/issues';
import type { LoadSummary } from '@/data/load/load-dataset';

export interface DatasetEntry {
  readonly id: string;
  /** i18n key of the name, or the file name for uploads. */
  readonly nameKey?: string;
  readonly fileName?: string;
  readonly url?: string;
  /** Generated data is labelled as such on every screen that shows it. */
  readonly generated: boolean;
}

export interface LoadFailure {
  readonly file: string;
  readonly issues: readonly LoadIssue[];
  readonly total: number;
}

/** Which datasets exist, which one is loaded, and how the last load went. Never query results. */
export const useDatasetsStore = defineStore('datasets', () => {
  const entries = ref<DatasetEntry[]>([]);
  const activeId = ref<string | null>(null);
  const summary = shallowRef<LoadSummary | null>(null);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const failure = shallowRef<LoadFailure | null>(null);
  /** Bumped after every change to the loaded data, so that queries re-run. */
  const version = ref(0);
  /** Rows added from parsed reports on top of the dataset. */
  const appended = ref(0);

  const active = computed(() => entries.value.find((e) => e.id === activeId.value) ?? null);

  function register(entry: DatasetEntry) {
    entries.value = [...entries.value.filter((e) => e.id !== entry.id), entry];
  }

  function markLoaded(id: string, s: LoadSummary) {
    activeId.value = id;
    summary.value = s;
    status.value = 'ready';
    failure.value = null;
    appended.value = 0;
    version.value += 1;
  }

  /** Reports were added on top of the loaded dataset (imported documents). */
  function markAppended(count: number, totals: Partial<LoadSummary>) {
    if (summary.value) summary.value = { ...summary.value, ...totals };
    appended.value += count;
    version.value += 1;
  }

  function markFailed(f: LoadFailure) {
    failure.value = f;
    status.value = summary.value ? 'ready' : 'error';
  }

  return {
    entries,
    activeId,
    active,
    summary,
    status,
    failure,
    version,
    appended,
    register,
    markLoaded,
    markAppended,
    markFailed,
  };
});
