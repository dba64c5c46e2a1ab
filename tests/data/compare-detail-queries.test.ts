import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import type { SqlQuery } from '@/data/sql';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';
import { loadDataset } from '@/data/load/load-dataset';
import {
  compareTableQuery,
  decodeCompareDetail,
  decodeComparePage,
  decodeFunnelUnits,
  decodePeerPositions,
  funnelUnitsQuery,
  peerPositionQuery,
  type CompareRequest,
} from '@/data/queries/compare';
import { freshRunner, textFile } from '../support/engine';

/*
 * County bodies 2021–2023 (new requests / handled / granted / partial):
 *   c1 department 2021: 10/10/5/0   2022: 15/15/5/0   2023: 20/20/10/0
 *   c2 department 2021: 40/40/40/0  2022: 40/40/20/0  (no 2023)
 *   c3 department 2022: 5/5/1/0 only (neither end year)
 *   c4 department 2023: 8/8/2/0 only
 *   c5 government 2021: 30/30/3/0   2023: 60/50/25/0
 *   c6 department 2023: 5/5/blank/0 only (granted blank: no disclosure rate)
 */
const CSV = [
  'agency_id,agency_name,year,template,level,kind,t3_new_total,t3_total_total,t3_granted_total,t3_partial_total',
  'c1,一局,2021,2021,county,department,10,10,5,0',
  'c1,一局,2022,2021,county,department,15,15,5,0',
  'c1,一局,2023,2021,county,department,20,20,10,0',
  'c2,二局,2021,2021,county,department,40,40,40,0',
  'c2,二局,2022,2021,county,department,40,40,20,0',
  'c3,三局,2022,2021,county,department,5,5,1,0',
  'c4,四局,2023,2021,county,department,8,8,2,0',
  'c5,某县人民政府,2021,2021,county,government,30,30,3,0',
  'c5,某县人民政府,2023,2021,county,government,60,50,25,0',
  'c6,六局,2023,2021,county,department,5,5,,0',
].join('\n');

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
  await loadDataset(runner, textFile('detail.csv', CSV));
});

const run = async (q: SqlQuery | null) => {
  if (!q) throw new Error('expected a query');
  return runner.query(q);
};
const filters = (patch: Partial<Filters> = {}): Filters => ({ ...EMPTY_FILTERS, ...patch });
const KEYS = ['new_requests', 'disclosure_rate'];
const request = (patch: Partial<CompareRequest> = {}): CompareRequest => ({
  filters: filters(),
  keys: KEYS,
  from: 2021,
  to: 2023,
  scope: 'all',
  sort: { key: 'new_requests', field: 'end', dir: 'desc' },
  limit: 20,
  offset: 0,
  ...patch,
});

describe('compare table: agencies missing a year, and denominators', () => {
  it('counts comparable agencies and those missing one end year in the default ranking', async () => {
    const detail = decodeCompareDetail(await run(compareTableQuery(request())), KEYS);
    // With a 2021 or a 2023 report: c1, c2, c4, c5, c6; both years: c1, c5.
    expect(detail.total).toBe(5);
    expect(detail.comparable).toBe(2);
    expect(detail.missingYear).toBe(3);
    expect(detail.rows.map((r) => r.agencyId)).not.toContain('c3');
  });

  it('keeps agencies lacking the start or the end year, after the comparable ones', async () => {
    const detail = decodeCompareDetail(await run(compareTableQuery(request({ keepMissingYears: true }))), KEYS);
    // Comparable by 2023 new requests, descending: c5 60, c1 20; then the rest: c4 8, c6 5, and
    // c2, c3 without a 2023 value (ties by id).
    expect(detail.rows.map((r) => r.agencyId)).toEqual(['c5', 'c1', 'c4', 'c6', 'c2', 'c3']);
    expect(detail).toMatchObject({ total: 6, comparable: 2, missingYear: 4 });
    const byId = Object.fromEntries(detail.rows.map((r) => [r.agencyId, r]));
    expect([byId.c3?.hasStart, byId.c3?.hasEnd]).toEqual([false, false]);
    expect([byId.c4?.hasStart, byId.c4?.hasEnd]).toEqual([false, true]);
    expect([byId.c1?.hasStart, byId.c1?.hasEnd]).toEqual([true, true]);
    expect(byId.c3?.values.new_requests).toEqual({ start: null, end: null, delta: null, pct: null });
    // Denominators: c5 2021 3 of 30, 2023 25 of 50; c2 2021 40 of 40, no 2023.
    expect(byId.c5?.parts.disclosure_rate).toEqual({
      start: { numerator: 3, denominator: 30 },
      end: { numerator: 25, denominator: 50 },
    });
    expect(byId.c2?.parts.disclosure_rate).toEqual({
      start: { numerator: 40, denominator: 40 },
      end: { numerator: null, denominator: null },
    });
    expect(byId.c5?.parts.new_requests).toBeUndefined();
    // Ascending sort still puts the comparable agencies first.
    const asc = decodeCompareDetail(
      await run(
        compareTableQuery(request({ keepMissingYears: true, sort: { key: 'new_requests', field: 'end', dir: 'asc' } })),
      ),
      KEYS,
    );
    expect(asc.rows.map((r) => r.agencyId)).toEqual(['c1', 'c5', 'c6', 'c4', 'c2', 'c3']);
  });

  it('holds agencies under the minimum denominator of the sorted rate apart, after the ranked ones', async () => {
    const sort = { key: 'disclosure_rate', field: 'end', dir: 'desc' } as const;
    const detail = decodeCompareDetail(
      await run(compareTableQuery(request({ keepMissingYears: true, sort, minDenominator: 30 }))),
      KEYS,
    );
    // Both years: c5 25 of 50 (ranked), c1 10 of 20 (20 < 30: too small). Then the agencies missing
    // a year, never called too small: c4 2 of 8 = 25%, then c2, c3, c6 without a 2023 rate (by id).
    expect(detail.rows.map((r) => [r.agencyId, r.smallN])).toEqual([
      ['c5', false],
      ['c1', true],
      ['c4', false],
      ['c2', false],
      ['c3', false],
      ['c6', false],
    ]);
    expect(detail.tooSmall).toBe(1);
    // Δ is held to the smaller denominator of the two years: c5 has 30 in 2021, c1 10.
    const delta = decodeCompareDetail(
      await run(
        compareTableQuery(request({ sort: { ...sort, field: 'delta' }, minDenominator: 30, keepMissingYears: true })),
      ),
      KEYS,
    );
    expect(delta.rows.slice(0, 2).map((r) => [r.agencyId, r.smallN])).toEqual([
      ['c5', false],
      ['c1', true],
    ]);
    const strict = decodeCompareDetail(await run(compareTableQuery(request({ sort, minDenominator: 51 }))), KEYS);
    expect(strict.tooSmall).toBe(2);
    // On a count, or without a minimum, nobody is held apart.
    const counts = decodeCompareDetail(await run(compareTableQuery(request({ minDenominator: 1000 }))), KEYS);
    expect(counts.tooSmall).toBe(0);
    const none = decodeCompareDetail(await run(compareTableQuery(request({ sort }))), KEYS);
    expect(none.rows.some((r) => r.smallN)).toBe(false);
  });

  it('leaves the existing decoder unchanged', async () => {
    const page = decodeComparePage(await run(compareTableQuery(request())), KEYS);
    expect(page.rows[0]?.values.new_requests).toEqual({ start: 30, end: 60, delta: 30, pct: 1 });
  });
});

describe('peer positions and funnel input carry numerator and denominator', () => {
  it('gives the chosen agency its numerator and denominator beside the rate', async () => {
    const [c5] = decodePeerPositions(await run(peerPositionQuery(filters(), 'disclosure_rate', 2023, ['c5'])), ['c5']);
    expect(c5).toMatchObject({ value: 0.5, numerator: 25, denominator: 50 });
    // c5 is the only county government with a rate: its pool is itself.
    expect(c5?.pooled).toEqual({ numerator: 25, denominator: 50 });
    // County departments in 2023 with a rate: c1 10 of 20, c4 2 of 8 (c6 blank) → pooled 12 of 28.
    const [c1] = decodePeerPositions(await run(peerPositionQuery(filters(), 'disclosure_rate', 2023, ['c1'])), ['c1']);
    expect(c1?.pooled).toEqual({ numerator: 12, denominator: 28 });
    expect(c1?.stats.n).toBe(2);
    const [count] = decodePeerPositions(await run(peerPositionQuery(filters(), 'new_requests', 2023, ['c5'])), ['c5']);
    expect(count).toMatchObject({ value: 60, numerator: null, denominator: null, pooled: null });
  });

  it('lists the peer group of a year with x and n, counting blanks apart', async () => {
    const all = decodeFunnelUnits(await run(funnelUnitsQuery(filters(), 'disclosure_rate', 2023)));
    // 2023: c1 10 of 20, c4 2 of 8, c5 25 of 50; c6 has its granted cell blank.
    expect(all.agencies.map((a) => [a.id, a.x, a.n])).toEqual([
      ['c1', 10, 20],
      ['c4', 2, 8],
      ['c5', 25, 50],
    ]);
    expect(all.unreported).toBe(1);
    const departments = decodeFunnelUnits(
      await run(funnelUnitsQuery(filters(), 'disclosure_rate', 2023, { level: 'county', kind: 'department' })),
    );
    expect(departments.agencies.map((a) => a.id)).toEqual(['c1', 'c4']);
    expect(funnelUnitsQuery(filters(), 'new_requests', 2023)).toBeNull();
  });
});
