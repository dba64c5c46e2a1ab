import { inject } from 'vue';
import type { QueryRunner } from '@/data/query-runner';
import { WORKSPACE_KEY, type Workspace } from '@/workspace';

/** The app's workspace: the one place that loads, appends or replaces data. */
export function useWorkspace(): Workspace {
  const workspace = inject(WORKSPACE_KEY);
  if (!workspace) throw new Error('No workspace provided: main.ts must provide WORKSPACE_KEY');
  return workspace;
}

/**
 * The engine, resolved when DuckDB-WASM is ready (reads only: writes go through the workspace).
 * Each `await` asks the workspace anew, so a caller never keeps an engine that was replaced.
 */
export function useRunner(): PromiseLike<QueryRunner> {
  const workspace = useWorkspace();
  return { then: (ok, fail) => workspace.runner.then(ok, fail) };
}
