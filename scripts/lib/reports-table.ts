import { CELLS, IDENTITY_COLUMNS } from '@/domain/catalogue';
import type { QueryRunner } from '@/data/query-runner';
import { col, join, sql, type Fragment } from '@/data/sql';

/**
 * The canonical `reports` table built straight from the catalogue, and a plain CSV import into it
 * without validation: for synthetic benchmark data and tests that need rows the validating loader
 * (src/data/load/) would refuse.
 */
export function reportsTableDdl(table = 'reports'): Fragment {
  const identity = IDENTITY_COLUMNS.map(
    (c) => sql`${col(c.key)} ${c.type === 'integer' ? sql`INTEGER` : sql`VARCHAR`}`,
  );
  const cells = CELLS.map((c) => sql`${col(c.key)} ${c.valueKind === 'decimal' ? sql`DOUBLE` : sql`BIGINT`}`);
  if (table !== 'reports') throw new Error('Only the canonical reports table is supported');
  return sql`CREATE OR REPLACE TABLE reports (${join([...identity, ...cells])})`;
}

/** Loads canonical wide CSV files (header = dataset column keys) into a fresh `reports` table. */
export async function loadCanonicalCsv(
  runner: QueryRunner,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<void> {
  await runner.query(reportsTableDdl());
  for (const [i, f] of files.entries()) {
    const registered = `rules_input_${i}.csv`;
    await runner.registerFile(registered, f.bytes);
    try {
      await runner.query(
        sql`INSERT INTO reports BY NAME SELECT * FROM read_csv(${registered}, header = true, all_varchar = true)`,
      );
    } finally {
      await runner.dropFile(registered);
    }
  }
}
