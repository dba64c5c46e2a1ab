import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import type { SqlQuery } from '@/data/sql';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';
import type { CompareSort } from '@/domain/compare';
import { loadDataset } from '@/data/load/load-dataset';
import {
  compareTableQuery,
  decodeComparePage,
  decodePeerPositions,
  peerPositionQuery,
  type CompareRequest,
} from '@/data/queries/compare';
import { agencyTrendsQuery, decodeTrendLines, groupTrendsQuery } from '@/data/queries/trends';
import { fixtureFile, freshRunner } from '../support/engine';

/*
 * tests/fixtures/data/compare.csv: nine county departments d1–d9 (教育 d1–d5, 公安 d6–d9) and two
 * county governments, 2022–2023. New requests 2023: 10, 20, 30, …, 80 and 500 (d9); d2 did not
 * report 2022; d3 handled 0 requests in 2023 (disclosure rate undefined).
 */
let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
  await loadDataset(runner, fixtureFile('data/compare.csv'));
});

const run = async (q: SqlQuery | null) => {
  if (!q) throw new Error('expected a query');
  return runner.query(q);
};
const filters = (patch: Partial<Filters> = {}): Filters => ({ ...EMPTY_FILTERS, ...patch });
const request = (patch: Partial<CompareRequest> = {}): CompareRequest => ({
  filters: filters(),
  keys: ['new_requests', 'disclosure_rate'],
  from: 2022,
  to: 2023,
  scope: 'all',
  sort: { key: 'new_requests', field: 'end', dir: 'desc' },
  limit: 20,
  offset: 0,
  ...patch,
});
const page = async (patch: Partial<CompareRequest> = {}) => {
  const r = request(patch);
  return decodeComparePage(await run(compareTableQuery(r)), r.keys);
};

describe('compareTableQuery', () => {
  it('gives start, end, Δ and Δ% per agency, sorted, with the ranking size', async () => {
    const p = await page();
    expect(p.total).toBe(11);
    expect(p.rows.map((r) => r.agencyId).slice(0, 3)).toEqual(['d9', 'g1', 'g2']);
    expect(p.rows[0]?.values.new_requests).toEqual({ start: 100, end: 500, delta: 400, pct: 4 });
    expect(p.rows[1]?.values.new_requests).toEqual({ start: 200, end: 300, delta: 100, pct: 0.5 });
  });

  it('leaves Δ and Δ% undefined when the start year was not reported, and rates undefined at a zero denominator', async () => {
    const p = await page({ limit: 50 });
    const d2 = p.rows.find((r) => r.agencyId === 'd2');
    expect(d2?.values.new_requests).toEqual({ start: null, end: 20, delta: null, pct: null });
    const d3 = p.rows.find((r) => r.agencyId === 'd3');
    expect(d3?.values.disclosure_rate).toEqual({ start: 0.5, end: null, delta: null, pct: null });
    expect(d3?.values.new_requests?.pct).toBe(0);
  });

  it('sorts by any field with missing values last, and pages', async () => {
    const sort: CompareSort = { key: 'new_requests', field: 'pct', dir: 'desc' };
    const all = await page({ sort, limit: 50 });
    // Δ%: d9 4, then d4–d8 all 1 (ties by id), …; d2 and g2 (no 2022 report) last.
    expect(all.rows.slice(0, 4).map((r) => r.agencyId)).toEqual(['d9', 'd4', 'd5', 'd6']);
    expect(all.rows.slice(-2).map((r) => r.agencyId)).toEqual(['d2', 'g2']);
    const second = await page({ sort, limit: 3, offset: 3 });
    expect(second.rows.map((r) => r.agencyId)).toEqual(all.rows.slice(3, 6).map((r) => r.agencyId));
    expect(second.total).toBe(11);
    const byName = await page({ sort: { key: 'name', field: 'end', dir: 'asc' }, limit: 2 });
    expect(byName.rows.map((r) => r.agencyName)).toEqual(['乙县人民政府', '甲县人民政府']);
  });

  it('keeps to the picked agencies unless asked for all matching the filter', async () => {
    const f = filters({ agencies: ['d1', 'g2'] });
    expect((await page({ filters: f, scope: 'picked' })).rows.map((r) => r.agencyId)).toEqual(['g2', 'd1']);
    expect((await page({ filters: f, scope: 'all' })).total).toBe(11);
    expect(compareTableQuery(request({ scope: 'picked' }))).toBeNull();
    expect(compareTableQuery(request({ keys: [] }))).toBeNull();
  });

  it('applies the other filters', async () => {
    const p = await page({ filters: filters({ sectors: ['教育'] }) });
    expect(p.total).toBe(5);
  });
});

describe('peerPositionQuery', () => {
  it('gives quartiles, whiskers and n of the same level and kind', async () => {
    const rows = await run(peerPositionQuery(filters(), 'new_requests', 2023, ['g1', 'd9']));
    const [d9, g1] = decodePeerPositions(rows, ['d9', 'g1']);
    // d1–d9 in 2023: 10 20 30 40 50 60 70 80 500 → Q1 30, median 50, Q3 70; fences −30 / 130.
    expect(d9).toMatchObject({
      agencyId: 'd9',
      value: 500,
      stats: { n: 9, q1: 30, median: 50, q3: 70, low: 10, high: 80 },
    });
    expect(g1).toMatchObject({ agencyId: 'g1', value: 300, stats: { n: 2, median: 200 } });
  });

  it('keeps peers within the chosen sector and leaves out agencies without a value', async () => {
    const [d1] = decodePeerPositions(
      await run(peerPositionQuery(filters({ sectors: ['教育'] }), 'disclosure_rate', 2023, ['d1'])),
      ['d1'],
    );
    // 教育 2023: d1 0.5, d2 0.5, d3 undefined (0 handled), d4 0.5, d5 0.5 → n = 4.
    expect(d1?.stats.n).toBe(4);
    expect(d1?.stats.median).toBe(0.5);
    expect(peerPositionQuery(filters(), 'new_requests', 2023, [])).toBeNull();
  });
});

describe('trend queries', () => {
  it('gives each picked agency its reported years only (a missing year is no row) and its share of the total', async () => {
    const lines = decodeTrendLines(
      await run(agencyTrendsQuery(filters({ agencies: ['d2', 'g1'] }), ['new_requests', 'disclosure_rate'])),
      ['new_requests', 'disclosure_rate'],
    );
    const d2 = lines.find((l) => l.id === 'd2');
    const g1 = lines.find((l) => l.id === 'g1');
    expect(d2?.points.map((p) => p.year)).toEqual([2023]);
    expect(g1?.agencyName).toBe('甲县人民政府');
    expect(g1?.points.map((p) => p.values.new_requests)).toEqual([200, 300]);
    // 2023 total over all eleven agencies: 10+20+…+80 + 500 + 300 + 100 = 1260.
    expect(g1?.points[1]?.shares.new_requests).toBeCloseTo(300 / 1260, 10);
    expect(g1?.points[1]?.shares.disclosure_rate).toBeNull();
    expect(agencyTrendsQuery(filters(), ['new_requests'])).toBeNull();
  });

  it('pools groups by level and kind: sums for counts, ratio of sums for rates', async () => {
    const lines = decodeTrendLines(
      await run(groupTrendsQuery(filters(), ['new_requests', 'disclosure_rate'], 'level_kind')),
      ['new_requests', 'disclosure_rate'],
    );
    expect(lines.map((l) => l.id)).toEqual(['county|department|', 'county|government|']);
    const dep2023 = lines[0]?.points.find((p) => p.year === 2023);
    expect(dep2023?.values.new_requests).toBe(860);
    expect(dep2023?.shares.new_requests).toBeCloseTo(860 / 1260, 10);
    // Σ(granted + partial) = 415 over Σ handled = 830 (d3's 0 handled counts in both sums).
    expect(dep2023?.values.disclosure_rate).toBe(0.5);
    expect(dep2023?.counts.disclosure_rate).toBe(9);
  });

  it('groups by sector and by nothing at all', async () => {
    const bySector = decodeTrendLines(await run(groupTrendsQuery(filters(), ['new_requests'], 'sector')), [
      'new_requests',
    ]);
    expect(bySector.map((l) => l.sector)).toEqual(['公安', '教育', null]);
    const all = decodeTrendLines(await run(groupTrendsQuery(filters(), ['new_requests'], 'all')), ['new_requests']);
    expect(all).toHaveLength(1);
    expect(all[0]?.points.map((p) => [p.year, p.values.new_requests, p.shares.new_requests])).toEqual([
      [2022, 8 + 30 + 20 + 25 + 30 + 35 + 40 + 100 + 200, 1],
      [2023, 1260, 1],
    ]);
  });
});
