import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Workspace, type LoadStage, type WorkspaceState } from '@/workspace';
import { textRows, type LoadProgress } from '@/workspace/progress';
import { progressFraction } from '@/presenters/load-progress';
import { sql } from '@/data/sql';
import type { QueryRunner } from '@/data/query-runner';
import { fixtureFile, freshRunner, textFile } from '../support/engine';

/** The reports the engine holds, by an independent count (not the workspace's own summary). */
async function loaded(runner: QueryRunner): Promise<string[]> {
  const rows = await runner.query(sql`SELECT agency_id || '/' || CAST(year AS VARCHAR) AS k FROM reports ORDER BY k`);
  return rows.map((r) => String(r.k));
}

async function tempTables(runner: QueryRunner): Promise<number> {
  const rows = await runner.query(sql`SELECT count(*) AS n FROM duckdb_tables() WHERE temporary`);
  return Number(rows[0]?.n);
}

/** A valid wide file of `n` reports, none of which is in the demo fixture. */
function bigFile(n: number) {
  const lines = ['agency_id,agency_name,year,level,kind,province,t3_new_total,t3_granted_total'];
  for (let i = 0; i < n; i++) lines.push(`g${i},某局${i},2023,county,department,示例省,${i % 50},${i % 20}`);
  return textFile('big.csv', lines.join('\n') + '\n');
}

const wide = fixtureFile('data/wide.csv');
let runner: QueryRunner;
let workspace: Workspace;
let seen: LoadProgress[];

beforeAll(async () => {
  runner = await freshRunner();
});

beforeEach(async () => {
  workspace = new Workspace(Promise.resolve(runner), async () => wide.bytes);
  workspace.register({ id: 'demo', fileName: 'wide.csv', url: 'wide', generated: true, origin: 'bundled' });
  seen = [];
  workspace.subscribe((s) => {
    if (s.progress && s.progress !== seen.at(-1)) seen.push(s.progress);
  });
  expect(await workspace.select('demo')).toBe(true);
});

/** Cancels the next load as soon as it reaches `stage` (from the workspace's own progress report). */
function cancelAt(stage: LoadStage): { asked: boolean[] } {
  const asked: boolean[] = [];
  const off = workspace.subscribe((s: WorkspaceState) => {
    if (s.progress?.stage === stage && asked.length === 0) {
      asked.push(workspace.cancelLoad());
      off();
    }
  });
  return { asked };
}

describe('progress and cancel of a dataset load', () => {
  it('reports the stages of a load in order, ending with no load under way', () => {
    const stages = seen.map((p) => p.stage);
    expect(stages[0]).toBe('read');
    expect(stages).toContain('parse');
    expect(stages).toContain('write');
    const order: LoadStage[] = ['read', 'parse', 'check', 'write'];
    const ranks = stages.map((s) => order.indexOf(s));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(seen.find((p) => p.stage === 'parse')?.rows).toBe(textRows(wide.bytes));
    expect(workspace.state.progress).toBeNull();
    // Nothing was loaded before the first load: there was nothing to go back to, so no cancel.
    expect(seen.every((p) => !p.cancellable)).toBe(true);
  });

  it.each(['read', 'parse', 'check'] as const)(
    'stops a load cancelled while it is at %s: the data before stay loaded and active',
    async (stage) => {
      const before = await loaded(runner);
      const temps = await tempTables(runner);
      const { version, generation } = workspace.state;
      const { asked } = cancelAt(stage);
      expect(await workspace.loadFile(bigFile(2000))).toBe(false);
      expect(asked).toEqual([true]);
      expect(await loaded(runner)).toEqual(before);
      expect(await tempTables(runner)).toBe(temps);
      expect(workspace.state).toMatchObject({
        activeId: 'demo',
        wantedId: 'demo',
        status: 'ready',
        cancelled: 'big.csv',
        failure: null,
        progress: null,
        version,
        generation,
      });
      expect(workspace.state.entries.map((e) => e.id)).toEqual(['demo']);
      // The next load goes ahead, and the cancel is no longer said.
      expect(await workspace.loadFile(bigFile(30))).toBe(true);
      expect(workspace.state.cancelled).toBeNull();
      expect(await loaded(runner)).toHaveLength(30);
    },
  );

  it('lets a load that is writing the data finish: cancel is refused then', async () => {
    const { asked } = cancelAt('write');
    expect(await workspace.loadFile(bigFile(40))).toBe(true);
    expect(asked).toEqual([false]);
    expect(workspace.state).toMatchObject({ activeId: 'file:big.csv', cancelled: null, progress: null });
    expect(await loaded(runner)).toHaveLength(40);
  });

  it('cancels a switch of dataset (ds=) read from a URL, keeping the one shown', async () => {
    workspace.register({ id: 'other', fileName: 'big.csv', url: 'big', generated: false, origin: 'bundled' });
    const before = await loaded(runner);
    const { asked } = cancelAt('check');
    expect(await workspace.select('other')).toBe(false);
    expect(asked).toEqual([true]);
    expect(workspace.state).toMatchObject({
      activeId: 'demo',
      wantedId: 'demo',
      status: 'ready',
      cancelled: 'big.csv',
    });
    expect(await loaded(runner)).toEqual(before);
  });

  it('says nothing to cancel when no load is under way', () => {
    expect(workspace.cancelLoad()).toBe(false);
  });

  it('reads a chosen file in chunks, reporting bytes, and fills the bar in stage order', async () => {
    const file = bigFile(500);
    const half = Math.floor(file.bytes.length / 2);
    seen = [];
    const ok = await workspace.loadFile({
      name: file.name,
      size: file.bytes.length,
      read: async (track) => {
        track?.bytes(half, file.bytes.length);
        track?.bytes(file.bytes.length, file.bytes.length);
        return file.bytes;
      },
    });
    expect(ok).toBe(true);
    const reads = seen.filter((p) => p.stage === 'read' && p.bytes);
    expect(reads.map((p) => p.bytes?.done)).toEqual([half, file.bytes.length]);
    const fractions = seen.map(progressFraction);
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(seen.some((p) => p.cancellable)).toBe(true);
  });
});
