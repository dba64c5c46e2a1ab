import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '@/workspace';
import { memoryChoiceStore, type ChoiceStore } from '@/workspace/choices';
import { sql } from '@/data/sql';
import type { QueryRunner } from '@/data/query-runner';
import { freshRunner, textFile } from '../support/engine';

const HEAD = 'agency_id,agency_name,year,level,kind,t3_new_total,t3_granted_total,t3_total_total';
const files: Record<string, Uint8Array> = {
  a: textFile(
    'a.csv',
    `${HEAD}\nx1,甲局,2022,county,department,10,4,10\nx1,甲局,2023,county,department,12,5,12\nx2,乙局,2023,county,department,7,3,7\n`,
  ).bytes,
  b: textFile('b.csv', `${HEAD}\nx1,甲局,2023,county,department,30,9,30\nx3,丙局,2023,county,department,5,2,5\n`).bytes,
  c: textFile('c.csv', `${HEAD}\nold1,甲局（改革前）,2021,county,department,8,2,8\n`).bytes,
};

/** The rows `reports` holds, by an independent query: agency/year → new requests. */
async function figures(runner: QueryRunner): Promise<Record<string, number>> {
  const rows = await runner.query(
    sql`SELECT agency_id || '/' || CAST(year AS VARCHAR) AS k, t3_new_total AS n FROM reports ORDER BY k`,
  );
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
}

let runner: QueryRunner;
let choices: ChoiceStore;

function workspaceWith(store: ChoiceStore): Workspace {
  const w = new Workspace(Promise.resolve(runner), async (url) => files[url] as Uint8Array, null, store);
  for (const id of ['a', 'b', 'c'])
    w.register({ id, fileName: `${id}.csv`, url: id, generated: false, origin: 'bundled' });
  return w;
}

beforeAll(async () => {
  runner = await freshRunner();
});
beforeEach(() => {
  choices = memoryChoiceStore();
});

describe('several datasets active at once', () => {
  it('shows their union in `reports`, and an agency-year in both is a conflict left out until chosen', async () => {
    const w = workspaceWith(choices);
    expect(await w.select('a', ['b'])).toBe(true);
    expect(w.state).toMatchObject({ activeId: 'a', alsoIds: ['b'], status: 'ready', unresolved: 1 });
    expect(await figures(runner)).toEqual({ 'x1/2022': 10, 'x2/2023': 7, 'x3/2023': 5 });
    const [conflict] = w.state.conflicts;
    expect(w.state.conflicts).toHaveLength(1);
    expect(conflict).toMatchObject({ agencyId: 'x1', year: 2023, winner: null, by: null });
    expect(conflict?.sides.map((s) => [s.datasetId, s.newRequests, s.granted])).toEqual([
      ['a', 12, 5],
      ['b', 30, 9],
    ]);
    expect(w.state.summary?.reports).toBe(3);
    // Each dataset is described from its own table.
    expect(w.state.choices.stats.b).toMatchObject({ reports: 2, agencies: 2, firstYear: 2023, lastYear: 2023 });
    expect(w.state.choices.stats.a?.templates.reduce((n, t) => n + t.reports, 0)).toBe(3);
  });

  it('resolves a conflict by a choice for it, or by a preferred dataset, never by load order', async () => {
    const w = workspaceWith(choices);
    await w.select('b', ['a']); // loaded the other way round: still nothing chosen
    expect(w.state.unresolved).toBe(1);
    expect((await figures(runner))['x1/2023']).toBeUndefined();

    await w.chooseForConflict('x1', 2023, 'b');
    expect(w.state.unresolved).toBe(0);
    expect(w.state.conflicts[0]).toMatchObject({ winner: 'b', by: 'conflict' });
    expect((await figures(runner))['x1/2023']).toBe(30);

    await w.chooseForConflict('x1', 2023, null);
    await w.preferDataset('a');
    expect(w.state.conflicts[0]).toMatchObject({ winner: 'a', by: 'dataset' });
    expect((await figures(runner))['x1/2023']).toBe(12);
    // A choice for the one conflict wins over the preferred dataset.
    await w.chooseForConflict('x1', 2023, 'b');
    expect((await figures(runner))['x1/2023']).toBe(30);
    const [n] = await runner.query(sql`SELECT count(*) AS n FROM reports`);
    expect(Number(n?.n)).toBe(4);
  });

  it('keeps the choices across a reload (a new workspace on the same store)', async () => {
    const first = workspaceWith(choices);
    await first.select('a', ['b']);
    await first.preferDataset('b');
    const again = workspaceWith(choices);
    await again.select('a', ['b']);
    expect(again.state.unresolved).toBe(0);
    expect((await figures(runner))['x1/2023']).toBe(30);
  });

  it('goes back to the first dataset alone when the others are dropped, and says an unknown one is missing', async () => {
    const w = workspaceWith(choices);
    await w.select('a', ['b']);
    await w.select('a', []);
    expect(w.state).toMatchObject({ alsoIds: [], conflicts: [], status: 'ready' });
    expect(await figures(runner)).toEqual({ 'x1/2022': 10, 'x1/2023': 12, 'x2/2023': 7 });
    await w.select('a', ['file:elsewhere.csv']);
    expect(w.state).toMatchObject({ alsoMissing: ['file:elsewhere.csv'], status: 'missing' });
  });

  it('links an agency across a change of name, kept, and undone', async () => {
    const w = workspaceWith(choices);
    await w.select('a', ['c']);
    expect(Object.keys(await figures(runner))).toContain('old1/2021');
    await w.linkAgency('old1', 'x1');
    const rows = await runner.query(sql`SELECT year, agency_name FROM reports WHERE agency_id = ${'x1'} ORDER BY year`);
    expect(rows.map((r) => [Number(r.year), String(r.agency_name)])).toEqual([
      [2021, '甲局（改革前）'],
      [2022, '甲局'],
      [2023, '甲局'],
    ]);
    const again = workspaceWith(choices);
    await again.select('c');
    expect(Object.keys(await figures(runner))).toEqual(['x1/2021']); // a link applies to one dataset too
    await again.unlinkAgency('old1');
    expect(Object.keys(await figures(runner))).toEqual(['old1/2021']);
  });

  it('shows the progress of each load beside the first, and a cancel leaves the data shown before', async () => {
    const w = workspaceWith(choices);
    await w.select('a');
    const seen: string[] = [];
    let asked: boolean | null = null;
    w.subscribe((s) => {
      if (!s.progress) return;
      seen.push(`${s.progress.file}:${s.progress.stage}`);
      if (s.progress.file === 'b.csv' && s.progress.stage === 'check' && asked === null) asked = w.cancelLoad();
    });
    await w.select('a', ['b']);
    expect(seen.some((p) => p.startsWith('b.csv:'))).toBe(true);
    expect(asked).toBe(true);
    expect(w.state).toMatchObject({ activeId: 'a', alsoIds: [], cancelled: 'b.csv', progress: null, unresolved: 0 });
    expect(await figures(runner)).toEqual({ 'x1/2022': 10, 'x1/2023': 12, 'x2/2023': 7 });
  });

  it('builds the same union again in a new engine after the engine stopped', async () => {
    const w = new Workspace(
      Promise.resolve(runner),
      async (url) => files[url] as Uint8Array,
      () => freshRunner(),
      choices,
    );
    for (const id of ['a', 'b'])
      w.register({ id, fileName: `${id}.csv`, url: id, generated: false, origin: 'bundled' });
    await w.select('a', ['b']);
    await w.chooseForConflict('x1', 2023, 'b');
    expect(await w.restartEngine()).toBe(true);
    const fresh = await w.runner;
    expect(fresh).not.toBe(runner);
    expect(await figures(fresh)).toEqual({ 'x1/2022': 10, 'x1/2023': 30, 'x2/2023': 7, 'x3/2023': 5 });
    expect(w.state).toMatchObject({ alsoIds: ['b'], unresolved: 0 });
  });
});
