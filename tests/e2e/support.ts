import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createNodeRunner } from '@/data/engine-node';
import type { QueryRunner, Row } from '@/data/query-runner';

/**
 * An independent view of a shipped dataset: the raw CSV read by DuckDB's own CSV reader into a
 * table `raw`, with hand-written SQL in the tests — none of the app's loader or query builders.
 */
export async function rawDataset(
  file: string,
): Promise<(text: string, params?: (string | number)[]) => Promise<Row[]>> {
  const runner: QueryRunner = await createNodeRunner();
  const path = fileURLToPath(new URL(`../../datasets/${file}`, import.meta.url));
  await runner.registerFile(file, new Uint8Array(readFileSync(path)));
  await runner.query({ text: `CREATE TABLE raw AS SELECT * FROM read_csv('${file}', header = true)`, params: [] });
  const violations = fileURLToPath(new URL('../../datasets/demo-violations.csv', import.meta.url));
  await runner.registerFile('violations.csv', new Uint8Array(readFileSync(violations)));
  const population = fileURLToPath(new URL('../../datasets/population-illustrative.csv', import.meta.url));
  await runner.registerFile('pop.csv', new Uint8Array(readFileSync(population)));
  return (text, params = []) => runner.query({ text, params });
}

/** Digits of a figure as shown ("3,511" → 3511, "45.2%" → 45.2). */
export function shownNumber(text: string): number {
  const cleaned = text.replace(/[^\d.\-−]/g, '').replace('−', '-');
  return Number(cleaned);
}
