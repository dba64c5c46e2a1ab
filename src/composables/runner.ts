import { inject, type InjectionKey } from 'vue';
import type { QueryRunner } from '@/data/query-runner';

/** The engine, created once by main.ts and resolved when DuckDB-WASM is ready. */
export const RUNNER_KEY: InjectionKey<Promise<QueryRunner>> = Symbol('query-runner');

export function useRunner(): Promise<QueryRunner> {
  const runner = inject(RUNNER_KEY);
  if (!runner) throw new Error('No query runner provided: main.ts must provide RUNNER_KEY');
  return runner;
}
