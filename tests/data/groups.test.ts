import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import { loadDataset } from '@/data/load/load-dataset';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';
import {
  decodeIndicatorsByYear,
  decodeOutcomeComposition,
  decodeRequestsByApplicant,
  HEADLINE_INDICATORS,
  indicatorsByYearQuery,
  outcomeCompositionQuery,
  requestsByApplicantQuery,
} from '@/data/queries/overview';
import { GROUPS_TABLE, groupsServe } from '@/data/queries/groups';
import { INDICATORS } from '@/domain/indicators';
import type { WhereOptions } from '@/data/queries/filters';
import { fixtureFile, freshRunner, projectPath } from '../support/engine';
import { readFileSync } from 'node:fs';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
});

const ALL_INDICATORS = INDICATORS.map((d) => d.key);

/** The three group-level figures of the Overview, read from the groups and from every report. */
async function both(f: Filters) {
  const ask = async (opts: WhereOptions) => ({
    byYear: decodeIndicatorsByYear(
      await runner.query(indicatorsByYearQuery(f, ALL_INDICATORS, null, opts) ?? { text: '', params: [] }),
      ALL_INDICATORS,
    ),
    headline: decodeIndicatorsByYear(
      await runner.query(indicatorsByYearQuery(f, HEADLINE_INDICATORS, [2023, 2024], opts) ?? { text: '', params: [] }),
      HEADLINE_INDICATORS,
    ),
    applicants: decodeRequestsByApplicant(await runner.query(requestsByApplicantQuery(f, opts))),
    outcomes: decodeOutcomeComposition(await runner.query(outcomeCompositionQuery(f, opts))),
  });
  return { groups: await ask({}), reports: await ask({ groups: false }) };
}

const filters = (over: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...over });

describe('per-group sums (reports_groups)', () => {
  it('are read only where the filters are groups the table keeps', () => {
    expect(groupsServe(EMPTY_FILTERS)).toBe(true);
    expect(
      groupsServe(filters({ levels: ['city'], kinds: ['government'], yearFrom: 2020, province: 'p', city: 'c' })),
    ).toBe(true);
    expect(groupsServe(filters({ county: 'x' }))).toBe(false);
    expect(groupsServe(filters({ sectors: ['education'] }))).toBe(false);
    expect(groupsServe(filters({ agencies: ['a'] }))).toBe(false);
    expect(groupsServe(filters({ agencies: ['a'] }), { ignoreAgencies: true })).toBe(true);
    expect(groupsServe(filters({ excludeFailing: true }))).toBe(false);
    expect(groupsServe(EMPTY_FILTERS, { groups: false })).toBe(false);
    // The builders name the table they read.
    expect(outcomeCompositionQuery(EMPTY_FILTERS).text).toContain(GROUPS_TABLE);
    expect(outcomeCompositionQuery(filters({ county: 'x' })).text).not.toContain(GROUPS_TABLE);
  });

  it('give every indicator, count and total exactly as the reports do, blank cells included (fixture)', async () => {
    await loadDataset(runner, fixtureFile('data/wide.csv'));
    const { groups, reports } = await both(EMPTY_FILTERS);
    expect(groups.byYear.length).toBeGreaterThan(0);
    expect(groups).toEqual(reports);
    // The fixture has blanks: some indicator used fewer reports than the year has.
    expect(reports.byYear.some((y) => Object.values(y.counts).some((n) => n < y.reports))).toBe(true);
  });

  it('give the same figures as the reports on the demo, for every kind of filter they serve', async () => {
    const demo = { name: 'demo.parquet', bytes: new Uint8Array(readFileSync(projectPath('datasets/demo.parquet'))) };
    await loadDataset(runner, demo);
    const states = [
      EMPTY_FILTERS,
      filters({ levels: ['county'] }),
      filters({ kinds: ['government'] }),
      filters({ yearFrom: 2021, yearTo: 2023 }),
      filters({ province: '示例省', city: '西岭市' }),
      filters({ levels: ['city', 'province'], kinds: ['department'], yearFrom: 2022 }),
      filters({ city: '没有这个市' }),
    ];
    let compared = 0;
    for (const f of states) {
      const { groups, reports } = await both(f);
      expect(groups, JSON.stringify(f)).toEqual(reports);
      compared += 1;
    }
    expect(compared).toBe(states.length);
    // Not vacuous: the unfiltered demo has every year and a non-zero total.
    const all = await both(EMPTY_FILTERS);
    expect(all.groups.byYear.length).toBeGreaterThanOrEqual(5);
    expect(all.groups.outcomes.granted).toBeGreaterThan(0);
  });
});
