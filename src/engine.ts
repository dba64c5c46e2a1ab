import { createBrowserRunner } from '@/data/engine-browser';
import type { QueryRunner } from '@/data/query-runner';

/** Starts DuckDB-WASM in a worker; the workspace calls it again when the engine fails or is lost. */
export function startEngine(): Promise<QueryRunner> {
  const runner = createBrowserRunner();
  // Marks read when measuring start-up (README, "Speed").
  void runner.then(
    () => performance.mark('engine-ready'),
    () => undefined,
  );
  return runner;
}

/**
 * The engine starts here, in the first module main.ts imports: ES modules run their imports
 * before their own body, so starting it in main.ts would wait for the whole app to evaluate.
 * DuckDB-WASM's download and compilation is the longest step of start-up.
 */
export const runner = startEngine();
