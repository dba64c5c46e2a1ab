import type { QueryRunner } from '@/data/query-runner';

/**
 * Text that must never reach a user: the engine's and readers' own error names, stack frames, and
 * numbers printed as JavaScript prints what is not one.
 */
export const RAW_ENGINE_TEXT =
  /Binder Error|Parser Error|Conversion Error|Invalid Input Error|Out of Memory|Exception|Error:|\bat \S+ \(|\bat file:|node_modules|NaN|Infinity|undefined|\[object /;

/** Everything `reports` holds, as one string: equal before and after a refused load. */
export async function snapshotOf(runner: QueryRunner): Promise<string> {
  const rows = await runner.query({ text: 'SELECT * FROM reports ORDER BY agency_id, year', params: [] });
  return JSON.stringify(rows, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
