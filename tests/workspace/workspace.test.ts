import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore, Workspace, type KeptStore, type WorkspaceState } from '@/workspace';
import { sql } from '@/data/sql';
import type { QueryRunner } from '@/data/query-runner';
import { fixtureFile, freshRunner, textFile } from '../support/engine';

/** The reports the engine holds, by an independent count (not the workspace's own summary). */
async function loaded(runner: QueryRunner): Promise<string[]> {
  const rows = await runner.query(sql`SELECT agency_id || '/' || CAST(year AS VARCHAR) AS k FROM reports ORDER BY k`);
  return rows.map((r) => String(r.k));
}

const wide = fixtureFile('data/wide.csv');
const compare = fixtureFile('data/compare.csv');
const bad = textFile(
  'bad.csv',
  'agency_id,agency_name,year,level,kind,t3_new_total\nx,某局,2023,county,department,十二\n',
);

let runner: QueryRunner;
let fetched: string[];
let workspace: Workspace;
let states: WorkspaceState[];

// One engine for the file (instantiating takes a while); every test starts with a load that replaces `reports`.
beforeAll(async () => {
  runner = await freshRunner();
});

beforeEach(() => {
  fetched = [];
  // A fetcher over fixtures: the "bundled" datasets of these tests.
  workspace = new Workspace(Promise.resolve(runner), async (url) => {
    fetched.push(url);
    return (url === 'wide' ? wide : compare).bytes;
  });
  workspace.register({
    id: 'demo',
    nameKey: 'dataset.demo',
    fileName: 'wide.csv',
    url: 'wide',
    generated: true,
    origin: 'bundled',
  });
  workspace.register({
    id: 'real',
    nameKey: 'dataset.real',
    fileName: 'compare.csv',
    url: 'compare',
    generated: false,
    origin: 'bundled',
  });
  states = [];
  workspace.subscribe((s) => states.push(s));
});

describe('the workspace, the one writer of the loaded data', () => {
  it('loads the dataset chosen, and says so only once it is in the engine', async () => {
    const done = workspace.select('demo');
    expect(workspace.state.status).toBe('loading');
    expect(workspace.state.activeId).toBeNull();
    expect(await done).toBe(true);
    expect(workspace.state).toMatchObject({ activeId: 'demo', status: 'ready', version: 1, generation: 1 });
    const want = (await runner.query(sql`SELECT COUNT(*) AS n FROM reports`))[0]?.n;
    expect(workspace.state.summary?.reports).toBe(want);
    expect(await loaded(runner)).toContain('a-gov/2023');
  });

  it('runs writes in the order asked, and only the last choice of several queued is loaded', async () => {
    const first = workspace.select('demo');
    const second = workspace.select('real');
    expect(await first).toBe(false); // superseded before it started
    expect(await second).toBe(true);
    expect(fetched).toEqual(['compare']);
    expect(workspace.state.activeId).toBe('real');
    expect(await loaded(runner)).not.toContain('a-gov/2022');
  });

  it('keeps the loaded data and its identity when a load is refused', async () => {
    await workspace.select('demo');
    const before = await loaded(runner);
    expect(before.length).toBeGreaterThan(0);
    expect(await workspace.loadFile(bad)).toBe(false);
    expect(await loaded(runner)).toEqual(before);
    expect(workspace.state).toMatchObject({ activeId: 'demo', wantedId: 'demo', status: 'ready', version: 1 });
    expect(workspace.state.failure?.file).toBe('bad.csv');
    expect(workspace.state.failure?.issues[0]).toMatchObject({ row: 2, column: 't3_new_total' });
  });

  it('loads the default dataset again after a file (the upload-then-default case)', async () => {
    await workspace.select('demo');
    const demo = await loaded(runner);
    expect(await workspace.loadFile(compare)).toBe(true);
    expect(workspace.state.activeId).toBe('file:compare.csv');
    expect(await loaded(runner)).not.toEqual(demo);
    expect(await workspace.select('demo')).toBe(true);
    expect(workspace.state.activeId).toBe('demo');
    expect(await loaded(runner)).toEqual(demo);
    // The file stays available in this session: choosing it again reloads it without asking for it.
    expect(await workspace.select('file:compare.csv')).toBe(true);
    expect(workspace.state.activeId).toBe('file:compare.csv');
    expect(workspace.state.entries.find((e) => e.id === 'file:compare.csv')).toMatchObject({ origin: 'file' });
  });

  it('says a dataset is missing, without replacing the data, when nobody registered it', async () => {
    await workspace.select('demo');
    const before = await loaded(runner);
    expect(await workspace.select('file:elsewhere.csv')).toBe(false);
    expect(workspace.state).toMatchObject({ status: 'missing', wantedId: 'file:elsewhere.csv', activeId: 'demo' });
    expect(await loaded(runner)).toEqual(before);
    expect(await workspace.select('demo')).toBe(true);
    expect(workspace.state.status).toBe('ready');
  });

  it('appends reports on top of the dataset, and a new load drops them', async () => {
    await workspace.select('demo');
    const head = 'agency_id,agency_name,year,level,kind,t3_new_total\n';
    const refused = await workspace.append(textFile('more.csv', `${head}z,某局,2023,county,department,-1\n`), 1);
    expect(refused?.issues.length).toBeGreaterThan(0);
    expect(workspace.state.appended).toBe(0);
    expect(await workspace.append(textFile('more.csv', `${head}z,某局,2023,county,department,4\n`), 1)).toBeNull();
    expect(workspace.state).toMatchObject({ appended: 1, version: 2, generation: 1 });
    expect(workspace.state.summary?.reports).toBe((await loaded(runner)).length);
    expect(await loaded(runner)).toContain('z/2023');
    await workspace.select('real');
    expect(workspace.state).toMatchObject({ appended: 0, generation: 2 });
    expect(await loaded(runner)).not.toContain('z/2023');
  });

  it('tells every subscriber each change, ending ready', async () => {
    await workspace.select('demo');
    expect(states.length).toBeGreaterThan(2);
    expect(states.map((s) => s.status)).toContain('loading');
    expect(states.at(-1)?.status).toBe('ready');
  });
});

describe('what the browser keeps across a reload', () => {
  /** A reload: a new workspace on the same engine and the same kept store, restored first. */
  function reloaded(store: KeptStore): Workspace {
    const w = new Workspace(Promise.resolve(runner), async () => compare.bytes);
    w.register({
      id: 'demo',
      nameKey: 'dataset.demo',
      fileName: 'wide.csv',
      url: 'wide',
      generated: true,
      origin: 'bundled',
    });
    void w.restore(Promise.resolve(store));
    return w;
  }

  it('brings back a loaded file and its imported reports, before a link naming it is answered', async () => {
    const store = memoryStore();
    const first = reloaded(store);
    expect(await first.loadFile(compare)).toBe(true);
    const head = 'agency_id,agency_name,year,level,kind,t3_new_total\n';
    expect(await first.append(textFile('more.csv', `${head}z,某局,2023,county,department,4\n`), 1)).toBeNull();
    const before = await loaded(runner);
    expect(before).toContain('z/2023');

    const second = reloaded(store);
    // Asked at once, as the URL sync does on start-up: the restore ahead of it in the queue finds the file.
    expect(await second.select('file:compare.csv')).toBe(true);
    expect(second.state).toMatchObject({ activeId: 'file:compare.csv', status: 'ready', appended: 1 });
    expect(second.state.entries.find((e) => e.id === 'file:compare.csv')?.loadedAt).toBeTruthy();
    expect(await loaded(runner)).toEqual(before);
    expect(second.state.summary?.reports).toBe(before.length);
  });

  it('forgets a kept file: gone from the list and from the next session', async () => {
    const store = memoryStore();
    const first = reloaded(store);
    expect(await first.loadFile(compare)).toBe(true);
    await first.forget('file:compare.csv');
    expect(first.state.entries.some((e) => e.id === 'file:compare.csv')).toBe(false);
    expect(await store.list()).toEqual([]);
    const second = reloaded(store);
    expect(await second.select('file:compare.csv')).toBe(false);
    expect(second.state.status).toBe('missing');
  });

  it('says plainly when the browser refuses to keep a file, and keeps the data loaded', async () => {
    const full: KeptStore = {
      ...memoryStore(),
      putFile: async () => {
        throw new Error('QuotaExceededError: the quota has been exceeded');
      },
    };
    const w = reloaded(full);
    expect(await w.loadFile(compare)).toBe(true);
    expect(w.state.activeId).toBe('file:compare.csv');
    expect(w.state.keep.failure).toMatch(/quota/i);
    expect((await loaded(runner)).length).toBeGreaterThan(0);
  });
});

describe('the population table', () => {
  const population = fixtureFile('../../datasets/population-illustrative.csv');

  it('loads through the queue, is kept across a reload, and a refused file keeps the table before it', async () => {
    const store = memoryStore();
    const w = new Workspace(Promise.resolve(runner), async () => wide.bytes);
    void w.restore(Promise.resolve(store));
    expect(await w.loadPopulation(population)).toBe(true);
    const rows = await runner.query(sql`SELECT COUNT(*) AS n FROM population`);
    expect(w.state.population?.rows).toBe(Number(rows[0]?.n));
    expect(w.state.population?.keyedBy).toBe('region_code');

    expect(await w.loadPopulation(textFile('bad-pop.csv', 'region_code,year,population\n990000,2019,-5\n'))).toBe(
      false,
    );
    expect(w.state.populationFailure?.issues[0]).toMatchObject({ row: 2, column: 'population' });
    expect(w.state.population?.file).toBe('population-illustrative.csv');

    const again = new Workspace(Promise.resolve(runner), async () => wide.bytes);
    await again.restore(Promise.resolve(store));
    expect(again.state.population?.rows).toBe(Number(rows[0]?.n));
    expect(again.state.entries.some((e) => e.id === 'population')).toBe(false);
    await again.forget('population');
    expect(again.state.population).toBeNull();
    expect(await store.list()).toEqual([]);
  });
});
