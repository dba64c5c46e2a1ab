import { EngineLostError } from '@/data/query-runner';

/**
 * Why a view's query gave no answer, in terms a message can be chosen from: the engine stopped
 * (it is being started again), or this one question failed. The engine's own text is kept in
 * `detail` for the console and support, never shown to the user.
 */
export interface QueryFailure {
  readonly kind: 'engine' | 'query';
  readonly detail: string;
}

export function queryFailureOf(e: unknown): QueryFailure {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { kind: e instanceof EngineLostError ? 'engine' : 'query', detail };
}
