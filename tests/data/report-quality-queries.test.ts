import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';
import { evaluatePair, evaluateReport } from '@/domain/rules';
import { agencyYearsQuery, decodeAgencyYears, decodeReportRows, reportRowsQuery } from '@/data/queries/report';
import {
  decodeFailureCounts,
  decodeFailures,
  decodeScores,
  decodeSummary,
  exportResultsQuery,
  failureCountsQuery,
  failuresQuery,
  poolSummary,
  scoresQuery,
  summaryOptions,
  summaryQuery,
} from '@/data/queries/quality';
import { RULE_COUNTS_TABLE, ruleCountsTableSql } from '@/data/queries/rule-results';
import { consistentReport, createReportsTable } from '../support/report-rows';
import { freshRunner } from '../support/engine';

let runner: QueryRunner;

/**
 * a (county department): 2022 fine, 2023 with an R4 failure in 行政复议;
 * b (city government): 2023 with a blank 部分公开 总计 (not assessable) and R1 failures (自然人, 总计);
 * c (county department): 2023 fine.
 */
beforeAll(async () => {
  runner = await freshRunner();
  const a2022 = consistentReport({ agency: 'a', year: 2022, carriedOut: 2 });
  const a2023 = {
    ...consistentReport({ agency: 'a', year: 2023, carriedIn: 2, inForce: { rules: 11, normative: 43 } }),
    t4_review_total: 0,
  };
  const b2023 = {
    ...consistentReport({ agency: 'b', year: 2023 }),
    level: 'city',
    kind: 'government',
    t3_new_person: 20,
    t3_new_total: 21,
    t3_partial_total: null,
  };
  const c2023 = { ...consistentReport({ agency: 'c', year: 2023 }), kind: 'department', t2_fees: 7730.28 };
  await createReportsTable(runner, [a2022, a2023, b2023, c2023]);
  await runner.query(ruleCountsTableSql(RULE_COUNTS_TABLE));
});

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
/** Every agency's score on one page. */
const ALL = { limit: 1000, offset: 0 };
async function run<T>(q: { text: string; params: readonly unknown[] } | null, decode: (rows: never[]) => T) {
  if (!q) throw new Error('no query');
  return decode((await runner.query(q as never)) as never[]);
}

describe('report rows', () => {
  it('lists the years of an agency and returns whole rows with blanks as null and decimals kept', async () => {
    const years = await run(agencyYearsQuery('a'), decodeAgencyYears);
    expect(years.map((y) => y.year)).toEqual([2022, 2023]);
    expect(agencyYearsQuery(null)).toBeNull();
    expect(reportRowsQuery('a', [])).toBeNull();
    const [b] = await run(reportRowsQuery('b', [2022, 2023]), decodeReportRows);
    expect(b?.t3_partial_total).toBeNull();
    expect(b?.t3_new_person).toBe(20);
    expect(b?.agency_name).toBe('测试区人民政府');
    const [c] = await run(reportRowsQuery('c', [2023]), decodeReportRows);
    expect(c?.t2_fees).toBe(7730.28);
  });

  it('feeds the pure evaluator: the R4 failure and the R5 pass of agency a', async () => {
    const [prev, cur] = await run(reportRowsQuery('a', [2022, 2023]), decodeReportRows);
    if (!prev || !cur) throw new Error('rows missing');
    const fails = [...evaluateReport(cur), ...evaluatePair(prev, cur)].filter((r) => r.status === 'fail');
    expect(fails.map((r) => r.check)).toEqual(['R4.review']);
    expect(
      evaluatePair(prev, cur)
        .filter((r) => r.rule === 'R5')
        .every((r) => r.status === 'pass'),
    ).toBe(true);
  });
});

describe('quality queries under the global filters', () => {
  it('lists failures of the filtered reports, a page at a time', async () => {
    const all = await run(failuresQuery(EMPTY_FILTERS, {}, 50, 0), (rows) => decodeFailures(rows, {}));
    expect(all.map((r) => `${r.agencyId} ${r.year} ${r.check}`)).toEqual([
      'a 2023 R4.review',
      'b 2023 R1.person',
      'b 2023 R1.total',
    ]);
    const r4 = all[0];
    expect([r4?.expected, r4?.actual, r4?.difference]).toEqual([5, 0, -5]);
    expect(r4?.cells.map((c) => c.key)).toContain('t4_review_total');
    const city = await run(failuresQuery(f({ levels: ['city'] }), {}, 50, 0), (rows) => decodeFailures(rows, {}));
    expect(city.map((r) => r.agencyId)).toEqual(['b', 'b']);
    const page2 = await run(failuresQuery(EMPTY_FILTERS, {}, 2, 2), (rows) => decodeFailures(rows, {}));
    expect(page2.map((r) => r.check)).toEqual(['R1.total']);
    const onlyR4 = await run(failuresQuery(EMPTY_FILTERS, { rules: ['R4'] }, 50, 0), (rows) =>
      decodeFailures(rows, {}),
    );
    expect(onlyR4.map((r) => r.check)).toEqual(['R4.review']);
    expect(failuresQuery(EMPTY_FILTERS, { rules: [] }, 50, 0)).toBeNull();
  });

  it('counts failures per rule and the reports they touch', async () => {
    const counts = await run(failureCountsQuery(EMPTY_FILTERS, {}), decodeFailureCounts);
    expect(counts).toEqual({
      perRule: [
        { rule: 'R1', failures: 2, reports: 1 },
        { rule: 'R4', failures: 1, reports: 1 },
      ],
      failures: 3,
      reports: 2,
    });
    const y2022 = await run(failureCountsQuery(f({ yearFrom: 2022, yearTo: 2022 }), {}), decodeFailureCounts);
    expect(y2022).toEqual({ perRule: [], failures: 0, reports: 0 });
  });

  it('treats blank as 0 only when asked', async () => {
    const strict = await run(failuresQuery(f({ agencies: ['b'] }), {}, 50, 0), (rows) => decodeFailures(rows, {}));
    const lenient = await run(failuresQuery(f({ agencies: ['b'] }), { blankAsZero: true }, 50, 0), (rows) =>
      decodeFailures(rows, { blankAsZero: true }),
    );
    expect(strict.some((r) => r.check === 'R2.total')).toBe(false);
    expect(lenient.find((r) => r.check === 'R2.total')?.blankAsZero).toBe(true);
  });

  it('summarises the share of reports passing each rule within the filter', async () => {
    const opts = summaryOptions(EMPTY_FILTERS, {});
    const rows = await run(summaryQuery(EMPTY_FILTERS, {}), (r) => decodeSummary(r, opts));
    const byYear = poolSummary(rows, 'year');
    expect(byYear.map((g) => g.group)).toEqual(['2022', '2023']);
    const r4in2023 = byYear[1]?.rules.find((x) => x.rule === 'R4');
    expect(r4in2023).toMatchObject({ passing: 2, failing: 1 });
    expect(r4in2023?.share).toBeCloseTo(2 / 3);
    const cityOpts = summaryOptions(f({ levels: ['city'] }), {});
    const city = await run(summaryQuery(f({ levels: ['city'] }), {}), (r) => decodeSummary(r, cityOpts));
    const pooled = poolSummary(city, null)[0]?.rules.find((x) => x.rule === 'R1');
    expect(pooled).toMatchObject({ passing: 0, failing: 1, share: 0 });
  });

  it('applies every filter to the summary, the agency choice included', async () => {
    const only = async (filters: Filters, fast = false) => {
      const o = fast ? { countsTable: RULE_COUNTS_TABLE } : {};
      const opts = summaryOptions(filters, o);
      return poolSummary(await run(summaryQuery(filters, o), (r) => decodeSummary(r, opts)), null)[0]?.rules;
    };
    // Agency a alone: two reports, R4 fails in one of them.
    const a = await only(f({ agencies: ['a'] }));
    expect(a?.find((x) => x.rule === 'R4')).toMatchObject({ passing: 1, failing: 1 });
    expect(await only(f({ agencies: ['a'] }), true)).toEqual(a);
    // Agencies c and b in 2023: R1 fails in b only.
    const bc = await only(f({ agencies: ['b', 'c'] }));
    expect(bc?.find((x) => x.rule === 'R1')).toMatchObject({ passing: 1, failing: 1 });
    expect(await only(f({ agencies: ['nobody'] }))).toBeUndefined();
  });

  it('scores and ranks the agencies the filter selects', async () => {
    const all = await run(scoresQuery(EMPTY_FILTERS, {}, ALL), decodeScores);
    expect(all.rows.map((s) => s.agencyId)).toEqual(['c', 'a', 'b']);
    expect(all.rows[0]?.rank).toBe(1);
    expect(all.total).toBe(3);
    const city = await run(scoresQuery(f({ levels: ['city'] }), {}, ALL), decodeScores);
    expect(city.rows.map((s) => [s.agencyId, s.rank])).toEqual([['b', 1]]);
    expect(city.total).toBe(1);
  });

  it('pages the scores in SQL, best or worst first, with ranks over every page', async () => {
    const all = (await run(scoresQuery(EMPTY_FILTERS, {}, ALL), decodeScores)).rows;
    const page = (offset: number, worstFirst = false) =>
      run(scoresQuery(EMPTY_FILTERS, {}, { limit: 2, offset, worstFirst }), decodeScores);
    const [p1, p2] = [await page(0), await page(2)];
    expect([...p1.rows, ...p2.rows]).toEqual(all);
    expect([p1.total, p2.total]).toEqual([3, 3]);
    // Worst first: the same agencies and ranks in reverse (none of them lacks a score here).
    const worst = [...(await page(0, true)).rows, ...(await page(2, true)).rows];
    expect(worst).toEqual([...all].reverse());
    expect(worst[0]?.rank).toBe(3);
    expect((await page(3)).rows).toEqual([]);
  });

  it('gives the same answers from the counts materialised after the load', async () => {
    const fast = { countsTable: RULE_COUNTS_TABLE };
    for (const filters of [EMPTY_FILTERS, f({ levels: ['city'] }), f({ yearFrom: 2023, yearTo: 2023 })]) {
      const a = await run(failuresQuery(filters, {}, 50, 0), (rows) => decodeFailures(rows, {}));
      const b = await run(failuresQuery(filters, fast, 50, 0), (rows) => decodeFailures(rows, fast));
      expect(b).toEqual(a);
      expect(await run(failureCountsQuery(filters, fast), decodeFailureCounts)).toEqual(
        await run(failureCountsQuery(filters, {}), decodeFailureCounts),
      );
      expect(await run(scoresQuery(filters, fast, ALL), decodeScores)).toEqual(
        await run(scoresQuery(filters, {}, ALL), decodeScores),
      );
      const so = summaryOptions(filters, fast);
      expect(await run(summaryQuery(filters, fast), (r) => decodeSummary(r, so))).toEqual(
        await run(summaryQuery(filters, {}), (r) => decodeSummary(r, summaryOptions(filters, {}))),
      );
    }
    const r4 = await run(failuresQuery(EMPTY_FILTERS, { ...fast, rules: ['R4'] }, 50, 0), (rows) =>
      decodeFailures(rows, fast),
    );
    expect(r4.map((r) => r.check)).toEqual(['R4.review']);
  });

  it('exports problems or every result of the filtered reports', async () => {
    const problems = await runner.query(exportResultsQuery(f({ agencies: ['b'] }), {}, true, 1000, 0) as never);
    expect(problems.every((r) => r.status !== 'pass')).toBe(true);
    expect(problems.some((r) => r.status === 'not_assessable')).toBe(true);
    const every = await runner.query(exportResultsQuery(f({ agencies: ['b'] }), {}, false, 100000, 0) as never);
    expect(every.length).toBeGreaterThan(problems.length);
    expect(new Set(every.map((r) => r.agency_id))).toEqual(new Set(['b']));
  });
});
