import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, effectScope, nextTick, ref } from 'vue';
import { createPinia } from 'pinia';
import { PENDING, useQuery, type QueryState } from '@/composables/use-query';
import { armQueryFault } from '@/composables/query-faults';
import { Workspace, WORKSPACE_KEY } from '@/workspace';
import { sql } from '@/data/sql';
import { fixtureFile, freshRunner } from '../support/engine';

let workspace: Workspace;
beforeAll(async () => {
  workspace = new Workspace(freshRunner());
  expect(await workspace.loadFile(fixtureFile('data/wide.csv'))).toBe(true);
});

/** Runs the composable as a view would: inside an app with the workspace and a loaded dataset. */
function mount<T>(setup: () => QueryState<T>): QueryState<T> {
  const app = createApp({});
  app.provide(WORKSPACE_KEY, workspace);
  app.use(createPinia());
  return app.runWithContext(() => effectScope().run(setup) as QueryState<T>);
}

const settled = async <T>(q: QueryState<T>) => {
  await expect.poll(() => q.loading.value).toBe(false);
  return q.data.value;
};

describe('useQuery', () => {
  it('stays loading while an input is pending, then asks and decodes', async () => {
    const input = ref<number | null>(null);
    const q = mount(() =>
      useQuery(
        () => (input.value === null ? PENDING : sql`SELECT ${input.value} * 2 AS v`),
        (rows) => Number(rows[0]?.v),
      ),
    );
    await nextTick();
    expect(q.loading.value).toBe(true);
    expect(q.data.value).toBeNull();
    input.value = 21;
    expect(await settled(q)).toBe(42);
  });

  it('says "nothing to ask" for a null builder: not loading, no data', async () => {
    const q = mount(() =>
      useQuery(
        () => null,
        (rows) => rows.length,
      ),
    );
    await nextTick();
    expect(q.loading.value).toBe(false);
    expect(q.data.value).toBeNull();
  });

  it('shows only the newest answer when inputs change faster than the engine answers', async () => {
    const input = ref(1);
    const q = mount(() =>
      useQuery(
        () => sql`SELECT ${input.value} AS v`,
        (rows) => Number(rows[0]?.v),
      ),
    );
    input.value = 2;
    await nextTick();
    input.value = 3;
    expect(await settled(q)).toBe(3);
    await new Promise((r) => setTimeout(r, 400));
    expect(q.data.value).toBe(3);
  });

  it('keeps the error of a failing query and no data', async () => {
    const q = mount(() =>
      useQuery(
        () => sql`SELECT * FROM no_such_table`,
        (rows) => rows.length,
      ),
    );
    await settled(q);
    expect(q.error.value?.kind).toBe('query');
    expect(q.error.value?.detail).toMatch(/no_such_table/);
    expect(q.data.value).toBeNull();
  });

  it('recovers on retry once the failing question can be answered, touching no other query', async () => {
    const runner = await workspace.runner;
    await runner.query(sql`DROP TABLE IF EXISTS retry_probe`);
    await runner.query(sql`CREATE TABLE retry_probe (a INTEGER)`);
    await runner.query(sql`INSERT INTO retry_probe VALUES (20), (22)`);
    let otherRuns = 0;
    const failing = mount(() =>
      useQuery(
        () => sql`SELECT sum(b) AS v FROM retry_probe`,
        (rows) => Number(rows[0]?.v),
      ),
    );
    const other = mount(() =>
      useQuery(
        () => sql`SELECT sum(a) AS v FROM retry_probe`,
        (rows) => {
          otherRuns += 1;
          return Number(rows[0]?.v);
        },
      ),
    );
    await settled(failing);
    expect(await settled(other)).toBe(42);
    // A missing column: the engine's own words stay in `detail`, never in what a card says.
    expect(failing.error.value).toMatchObject({ kind: 'query' });
    expect(failing.error.value?.detail).toMatch(/\bb\b/);
    expect(failing.data.value).toBeNull();

    await runner.query(sql`ALTER TABLE retry_probe ADD COLUMN b INTEGER DEFAULT 5`);
    failing.retry();
    await nextTick();
    expect(failing.loading.value).toBe(true);
    expect(failing.error.value).toBeNull();
    expect(await settled(failing)).toBe(10);
    expect(failing.error.value).toBeNull();
    expect(otherRuns).toBe(1);
    expect(other.data.value).toBe(42);
  });

  it('fails a query an armed fault names, once; a retry then answers', async () => {
    armQueryFault('fault_probe_\\d+');
    const q = mount(() =>
      useQuery(
        () => sql`SELECT 7 AS fault_probe_1`,
        (rows) => Number(rows[0]?.fault_probe_1),
      ),
    );
    await settled(q);
    expect(q.error.value?.kind).toBe('query');
    q.retry();
    expect(await settled(q)).toBe(7);
    expect(q.error.value).toBeNull();
  });
});
