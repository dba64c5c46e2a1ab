import type { InjectionKey } from 'vue';
import type { Workspace } from '@/workspace/workspace';

export { Workspace, fileDatasetId, urlDatasetId } from '@/workspace/workspace';
export type { DatasetEntry, DatasetOrigin, LoadFailure, WorkspaceState, WorkspaceStatus } from '@/workspace/workspace';

/** The app's one workspace, provided by main.ts. */
export const WORKSPACE_KEY: InjectionKey<Workspace> = Symbol('workspace');
