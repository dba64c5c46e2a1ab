import { defineStore } from 'pinia';
import { computed, inject, shallowRef } from 'vue';
import { WORKSPACE_KEY, type WorkspaceState } from '@/workspace';

export type { DatasetEntry, LoadFailure } from '@/workspace';

/**
 * What is loaded, as the workspace says: a read-only reflection of its snapshot, so that
 * templates and computed values follow it. It has no actions: every change goes through the
 * workspace (`useWorkspace()`), which is the only writer of the loaded data.
 */
export const useDatasetsStore = defineStore('datasets', () => {
  const workspace = inject(WORKSPACE_KEY);
  if (!workspace) throw new Error('No workspace provided: main.ts must provide WORKSPACE_KEY');
  const state = shallowRef<WorkspaceState>(workspace.state);
  workspace.subscribe((s) => (state.value = s));

  const entries = computed(() => state.value.entries);
  const activeId = computed(() => state.value.activeId);
  const wantedId = computed(() => state.value.wantedId);
  const status = computed(() => state.value.status);
  const summary = computed(() => state.value.summary);
  const failure = computed(() => state.value.failure);
  const version = computed(() => state.value.version);
  const generation = computed(() => state.value.generation);
  const appended = computed(() => state.value.appended);
  const keep = computed(() => state.value.keep);
  const kept = computed(() => state.value.kept);
  const engine = computed(() => state.value.engine);
  const contentHash = computed(() => state.value.contentHash);
  const population = computed(() => state.value.population);
  const populationFailure = computed(() => state.value.populationFailure);
  const progress = computed(() => state.value.progress);
  const cancelled = computed(() => state.value.cancelled);
  const wantedAlso = computed(() => state.value.wantedAlso);
  const alsoIds = computed(() => state.value.alsoIds);
  const alsoMissing = computed(() => state.value.alsoMissing);
  const conflicts = computed(() => state.value.conflicts);
  const unresolved = computed(() => state.value.unresolved);
  const choices = computed(() => state.value.choices);
  const active = computed(() => entries.value.find((e) => e.id === activeId.value) ?? null);

  return {
    entries,
    activeId,
    wantedId,
    status,
    summary,
    failure,
    version,
    generation,
    appended,
    keep,
    kept,
    engine,
    contentHash,
    population,
    populationFailure,
    progress,
    cancelled,
    active,
    wantedAlso,
    alsoIds,
    alsoMissing,
    conflicts,
    unresolved,
    choices,
  };
});
