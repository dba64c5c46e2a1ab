import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import { loadDataset } from '@/data/load/load-dataset';
import { EMPTY_FILTERS } from '@/domain/filters';
import { indicator } from '@/domain/indicators';
import {
  decodeAgencyValues,
  decodeIndicatorsByYear,
  decodeOutcomeComposition,
  decodeRequestsByApplicant,
  indicatorsByYearQuery,
  outcomeCompositionQuery,
  requestsByApplicantQuery,
  topAgenciesQuery,
} from '@/data/queries/overview';
import { decodeFilterOptions, filterOptionsQuery } from '@/data/queries/dimensions';
import { fixtureFile, freshRunner } from '../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
  await loadDataset(runner, fixtureFile('data/wide.csv'));
});

// Hand-computed from tests/fixtures/data/wide.csv (2023: a-gov, b-hrss, c-city).
describe('overview queries', () => {
  it('pools rates over the reports that report both parts', async () => {
    const rows = decodeIndicatorsByYear(
      await runner.query(
        indicatorsByYearQuery(
          EMPTY_FILTERS,
          ['new_requests', 'disclosure_rate', 'review_correction_rate'],
          [2022, 2023],
        )!,
      ),
      ['new_requests', 'disclosure_rate', 'review_correction_rate'],
    );
    const y2023 = rows.find((r) => r.year === 2023);
    expect(y2023?.values.new_requests).toBe(20 + 0 + 315);
    // granted + partial are reported in the fixture; (8 + 2 + 0 + 0 + 150 + 30) ÷ (18 + 0 + 310)
    expect(y2023?.values.disclosure_rate).toBeCloseTo(190 / 328);
    // corrected ÷ (total − pending): (0 + 0 + 2) ÷ ((3 − 1) + (0 − 0) + (20 − 1))
    expect(y2023?.values.review_correction_rate).toBeCloseTo(2 / 21);
    expect(y2023?.counts.disclosure_rate).toBe(3);
  });

  it('applies the filters (level, kind, region) with bound values', async () => {
    const q = indicatorsByYearQuery(
      { ...EMPTY_FILTERS, levels: ['county'], kinds: ['department'] },
      ['new_requests'],
      null,
    )!;
    expect(decodeIndicatorsByYear(await runner.query(q), ['new_requests'])).toEqual([
      { year: 2023, reports: 1, values: { new_requests: 0 }, counts: { new_requests: 1 } },
    ]);
    const city = indicatorsByYearQuery({ ...EMPTY_FILTERS, city: '乙市' }, ['new_requests'], [2023])!;
    expect(decodeIndicatorsByYear(await runner.query(city), ['new_requests'])[0]?.values.new_requests).toBe(315);
  });

  it('splits new requests by applicant per year', async () => {
    const rows = decodeRequestsByApplicant(await runner.query(requestsByApplicantQuery(EMPTY_FILTERS)));
    expect(rows.map((r) => [r.year, r.values.person, r.values.business, r.values.research])).toEqual([
      [2020, 280, 12, null],
      [2022, 10, 2, null],
      [2023, 320, 15, null],
    ]);
  });

  it('sums outcome groups, leaving unreported groups null', async () => {
    const c = decodeOutcomeComposition(await runner.query(outcomeCompositionQuery(EMPTY_FILTERS)));
    expect(c.granted).toBe(5 + 8 + 0 + 150 + 140);
    expect(c.denied).toBeNull();
  });

  it('ranks agencies by an indicator within a year', async () => {
    const top = decodeAgencyValues(
      await runner.query(topAgenciesQuery(EMPTY_FILTERS, indicator('new_requests'), 2023, 2)),
    );
    expect(top).toEqual([
      { agencyId: 'c-city', agencyName: '乙市人民政府', value: 315 },
      { agencyId: 'a-gov', agencyName: '甲县人民政府', value: 20 },
    ]);
  });

  it('offers the filter values in catalogue order', async () => {
    const o = decodeFilterOptions(await runner.query(filterOptionsQuery()));
    expect(o).toMatchObject({
      years: [2020, 2022, 2023],
      levels: ['city', 'county'],
      kinds: ['government', 'department'],
      reports: 5,
    });
    expect(o.regions).toContainEqual({ province: '示例省', city: '甲市', county: '甲县' });
  });
});
