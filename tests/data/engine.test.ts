import { describe, expect, it, beforeAll } from 'vitest';
import { createNodeRunner } from '@/data/engine-node';
import type { QueryRunner } from '@/data/query-runner';
import { sql } from '@/data/sql';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await createNodeRunner();
});

describe('node engine', () => {
  it('binds values and returns numbers, not BigInt', async () => {
    const rows = await runner.query(sql`SELECT CAST(${2} AS INTEGER) + 1 AS n, SUM(x) AS s FROM range(5) t(x)`);
    expect(rows).toEqual([{ n: 3, s: 10 }]);
  });
});
