import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { runSoak, soakFailures } from './soak-core';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a short soak: a seeded random walk through the app', () => {
  it('keeps every checked control and figure equal to what the URL says, without errors or a growing heap', async () => {
    const r = await runSoak(h, { steps: 40, seed: 11, checkEvery: 10 });
    // The walk did what it says: steps taken, checkpoints reached, figures compared.
    expect(Object.values(r.actions).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(35);
    expect(r.checkpoints).toBe(5);
    expect(r.comparisons).toBeGreaterThan(r.checkpoints * 5);
    expect(r.memory.firstRender).toBeGreaterThan(0);
    expect(soakFailures(r)).toEqual([]);
  }, 600_000);
});
