import type { InjectionKey } from 'vue';
import type { Workspace } from '@/workspace/workspace';

export {
  Workspace,
  APPEND_FILE,
  databaseDatasetId,
  fileDatasetId,
  urlDatasetId,
  readStream,
} from '@/workspace/workspace';
export { browserStore, memoryStore, type KeptDataset, type KeptStore } from '@/workspace/keep';
export type { LoadProgress, LoadStage } from '@/workspace/progress';
export { localChoiceStore, memoryChoiceStore } from '@/workspace/choices';
export type { DatasetChoices, DatasetStats, ResolvedConflict } from '@/workspace/choices';
export type {
  DatasetEntry,
  DatasetOrigin,
  KeepState,
  LoadFailure,
  WorkspaceState,
  WorkspaceStatus,
} from '@/workspace/workspace';

/** The app's one workspace, provided by main.ts. */
export const WORKSPACE_KEY: InjectionKey<Workspace> = Symbol('workspace');
