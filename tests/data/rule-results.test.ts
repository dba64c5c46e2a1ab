import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from '@/data/engine-node';
import type { QueryRunner } from '@/data/query-runner';
import { sql } from '@/data/sql';
import {
  agencyScoreQuery,
  decodeAgencyScoreRows,
  decodeFlaggedReportRow,
  decodeRuleResultRow,
  decodeRuleSummaryRow,
  flaggedReportsQuery,
  ruleResultsQuery,
  ruleSummaryQuery,
  ruleCountsTableSql,
  type RuleQueryOptions,
  type RuleResultsOptions,
} from '@/data/queries/rule-results';
import { evaluateReports, rule, type CheckResult, type ReportRow } from '@/domain/rules';
import { consistentReport, createReportsTable, type ReportObject } from '../support/report-rows';
import { loadCanonicalCsv } from '../../scripts/lib/reports-table';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await createNodeRunner();
});

const comparable = (r: CheckResult) => ({
  agencyId: r.agencyId,
  year: r.year,
  rule: r.rule,
  check: r.check,
  severity: r.severity,
  status: r.status,
  expected: r.expected,
  actual: r.actual,
  difference: r.difference,
  cells: r.cells,
  blankCells: r.blankCells,
  reason: r.reason,
  blankAsZero: r.blankAsZero,
});
const order = (a: CheckResult, b: CheckResult) =>
  a.agencyId.localeCompare(b.agencyId) || a.year - b.year || a.check.localeCompare(b.check);

async function sqlResults(options: RuleResultsOptions = {}): Promise<CheckResult[]> {
  const q = ruleResultsQuery(options);
  if (!q) return [];
  return (await runner.query(q)).map((row) => decodeRuleResultRow(row, options));
}

/** What the SQL evaluates by default: every assessed rule but those the loader enforces (S1). */
const tsResults = (rows: ReportRow[], options: RuleQueryOptions = {}) =>
  evaluateReports(rows, options).filter((r) => !rule(r.rule).enforcedAtLoad);

async function reportRows(): Promise<ReportRow[]> {
  return runner.query(sql`SELECT * FROM reports`);
}

/** Both templates, every rule passing, failing and not assessable, and a gap between years. */
function handBuilt(): ReportObject[] {
  const a2022 = consistentReport({ agency: 'a', year: 2022, carriedOut: 3, inForce: { rules: 9, normative: 37 } });
  const a2023 = consistentReport({ agency: 'a', year: 2023, carriedIn: 3 });
  const b2019 = consistentReport({ agency: 'b', year: 2019, carriedOut: 1 });
  const b2020 = {
    ...consistentReport({ agency: 'b', year: 2020, carriedIn: 2 }),
    t4_review_total: 0,
    t3_granted_legal: null,
  };
  const b2021 = { ...consistentReport({ agency: 'b', year: 2021, singleOther: true }), t2_fees: -3 };
  const c2023 = { ...consistentReport({ agency: 'c', year: 2023 }), t3_other_misc_person: null, t3_new_person: 20 };
  const c2025 = { ...consistentReport({ agency: 'c', year: 2025 }), t3_carried_out_total: 99 };
  const d2024 = {
    ...consistentReport({ agency: 'd', year: 2024 }),
    t4_suit_direct_pending: null,
    t2_rules_in_force: null,
  };
  const d2023 = { ...consistentReport({ agency: 'd', year: 2023, carriedOut: 2 }), t2_normative_in_force: 1 };
  return [a2022, a2023, b2019, b2020, b2021, c2023, c2025, d2023, d2024];
}

describe('rule SQL against the TypeScript evaluator', () => {
  beforeAll(async () => {
    await createReportsTable(runner, handBuilt());
  });

  it.each([{}, { blankAsZero: true }])(
    'gives exactly the same results as evaluateReports (%o)',
    async (options: RuleQueryOptions) => {
      const expected = tsResults(await reportRows(), options)
        .sort(order)
        .map(comparable);
      const actual = (await sqlResults(options)).sort(order).map(comparable);
      expect(actual.length).toBe(expected.length);
      expect(actual).toEqual(expected);
      expect(expected.some((r) => r.status === 'fail')).toBe(true);
      expect(expected.some((r) => r.status === 'not_assessable')).toBe(true);
    },
  );

  it('evaluates S1 when asked by name, like the TypeScript evaluator', async () => {
    const expected = evaluateReports(await reportRows())
      .filter((r) => r.rule === 'S1')
      .sort(order)
      .map(comparable);
    const actual = (await sqlResults({ rules: ['S1'] })).sort(order).map(comparable);
    expect(actual).toEqual(expected);
    expect(actual.filter((r) => r.status === 'fail').map((r) => r.check)).toEqual(['S1.t2_fees']);
  });

  it('reads materialised counts and evaluates only the problem reports, with the same results', async () => {
    await runner.query(ruleCountsTableSql('counts_test'));
    const options = { countsTable: 'counts_test', statuses: ['fail', 'not_assessable'] as const };
    expect(await sqlResults(options)).toEqual(await sqlResults({ statuses: ['fail', 'not_assessable'] }));
    const summary = (opts: RuleQueryOptions) => runner.query(ruleSummaryQuery(opts)!);
    expect(await summary({ countsTable: 'counts_test' })).toEqual(await summary({}));
    const flagged = (opts: RuleQueryOptions) => runner.query(flaggedReportsQuery(opts)!);
    expect(await flagged({ countsTable: 'counts_test' })).toEqual(await flagged({}));
  });

  it('filters by status and rule, in agency, year and declaration order', async () => {
    const fails = await sqlResults({ statuses: ['fail'] });
    const ts = tsResults(await reportRows()).filter((r) => r.status === 'fail');
    expect(fails.map((r) => `${r.agencyId} ${r.year} ${r.check}`).sort()).toEqual(
      ts.map((r) => `${r.agencyId} ${r.year} ${r.check}`).sort(),
    );
    expect(fails.map((r) => r.agencyId)).toEqual([...fails.map((r) => r.agencyId)].sort());
    const r4 = await sqlResults({ rules: ['R4'], statuses: ['fail', 'not_assessable'] });
    expect(r4.map((r) => `${r.agencyId} ${r.year} ${r.check} ${r.status}`)).toEqual([
      'b 2020 R4.review fail',
      'd 2024 R4.suit_direct not_assessable',
    ]);
    expect(await sqlResults({ statuses: ['fail'], limit: 2, offset: 1 })).toEqual(fails.slice(1, 3));
    expect(ruleResultsQuery({ statuses: [] })).toBeNull();
  });

  it('summarises the share of reports passing each rule', async () => {
    const options = { by: ['year'] as const };
    const q = ruleSummaryQuery(options);
    const rows = (await runner.query(q!)).flatMap((r) => decodeRuleSummaryRow(r, options));
    const ts = tsResults(await reportRows());
    // Every rule and year the evaluator has results for has a row, so the loop compares each of them.
    const summarised = new Set(rows.map((s) => `${s.rule} ${s.year}`));
    expect(ts.length).toBeGreaterThan(0);
    expect([...new Set(ts.map((r) => `${r.rule} ${r.year}`))].filter((k) => !summarised.has(k))).toEqual([]);
    for (const s of rows) {
      const mine = ts.filter((r) => r.rule === s.rule && r.year === s.year);
      const byReport = new Map<string, string[]>();
      for (const r of mine) byReport.set(r.agencyId, [...(byReport.get(r.agencyId) ?? []), r.status]);
      const statuses = [...byReport.values()];
      expect(s.reports).toBe(statuses.length);
      expect(s.failing).toBe(statuses.filter((x) => x.includes('fail')).length);
      expect(s.passing).toBe(statuses.filter((x) => !x.includes('fail') && x.includes('pass')).length);
      expect(s.checksFail).toBe(mine.filter((r) => r.status === 'fail').length);
      expect(s.checksNotAssessable).toBe(mine.filter((r) => r.status === 'not_assessable').length);
    }
    const r4in2020 = rows.find((r) => r.rule === 'R4' && r.year === 2020);
    expect(r4in2020).toMatchObject({ reports: 1, failing: 1, sharePassing: 0 });
  });

  it('scores each agency by the share of its assessable checks that pass, and ranks them', async () => {
    const rows = decodeAgencyScoreRows(await runner.query(agencyScoreQuery()!));
    const ts = tsResults(await reportRows()).filter((r) => r.rule !== 'S1');
    // Every agency is scored, so the comparisons below run once per agency.
    expect(rows.map((r) => r.agencyId).sort()).toEqual([...new Set(ts.map((r) => r.agencyId))].sort());
    for (const row of rows) {
      const mine = ts.filter((r) => r.agencyId === row.agencyId);
      const pass = mine.filter((r) => r.status === 'pass').length;
      const fail = mine.filter((r) => r.status === 'fail').length;
      expect(row.checksPass).toBe(pass);
      expect(row.checksFail).toBe(fail);
      expect(row.score).toBeCloseTo(pass / (pass + fail), 12);
    }
    expect(rows[0]?.agencyId).toBe('a');
    expect(rows[0]?.rank).toBe(1);
    expect(rows.map((r) => r.score)).toEqual([...rows.map((r) => r.score)].sort((x, y) => (y ?? -1) - (x ?? -1)));
  });

  it('lists the reports that fail an error-level rule', async () => {
    const rows = (await runner.query(flaggedReportsQuery()!)).map(decodeFlaggedReportRow);
    const ts = tsResults(await reportRows()).filter((r) => r.status === 'fail' && r.severity === 'error');
    expect(ts.length).toBeGreaterThan(0);
    expect(rows.map((r) => `${r.agencyId} ${r.year}`)).toEqual(
      [...new Set(ts.map((r) => `${r.agencyId} ${r.year}`))].sort(),
    );
    expect(rows.find((r) => r.agencyId === 'd' && r.year === 2023)).toBeUndefined();
  });

  it('fails loudly when a result row lacks a column', () => {
    expect(() => decodeRuleResultRow({ agency_id: 'x', rule: 'R1', check_id: 'R1.person' })).toThrow(/lacks column/);
  });
});

describe('real published reports', () => {
  const shipped = fileURLToPath(new URL('../../datasets/real.csv', import.meta.url));
  const path = existsSync(shipped) ? shipped : '/work/shared/data/real-reports.csv';
  let results: CheckResult[] = [];

  beforeAll(async () => {
    await loadCanonicalCsv(runner, [{ name: 'real.csv', bytes: new Uint8Array(readFileSync(path)) }]);
    results = await sqlResults();
  });

  const of = (agency: string, year: number, rule?: string) =>
    results.filter((r) => r.agencyId === agency && r.year === year && (!rule || r.rule === rule));

  it('finds 洪泽区 2023’s section-四 totals printed as 0 where the parts add to 11 and 5, and nothing else', () => {
    const fails = results.filter((r) => r.status === 'fail');
    expect(fails.map((r) => [r.agencyId, r.year, r.check, r.expected, r.actual])).toEqual([
      ['js-huaian-hongze-gov', 2023, 'R4.review', 11, 0],
      ['js-huaian-hongze-gov', 2023, 'R4.suit_after_review', 5, 0],
    ]);
  });

  it('reports R5 and R6 as passing for 宿迁市 2023→2024', () => {
    const cross = [...of('js-suqian-gov', 2024, 'R5'), ...of('js-suqian-gov', 2024, 'R6')];
    expect(cross).toHaveLength(9);
    expect(cross.every((r) => r.status === 'pass')).toBe(true);
    expect(of('js-suqian-gov', 2023, 'R5')).toHaveLength(7);
    expect(of('js-suqian-gov', 2023, 'R5').every((r) => r.reason === 'no_previous_report')).toBe(true);
  });

  it('reports 上海 2019’s blank 总计 cells as not assessable, not as failures', () => {
    const sh = of('sh-gov', 2019);
    expect(sh.some((r) => r.status === 'fail')).toBe(false);
    const granted = sh.find((r) => r.check === 'R3.granted');
    expect(granted?.status).toBe('not_assessable');
    expect(granted?.blankCells.map((c) => c.key)).toContain('t3_granted_total');
    expect(sh.find((r) => r.check === 'R1.person')?.status).toBe('pass');
    expect(sh.find((r) => r.check === 'R2.total')?.status).toBe('not_assessable');
  });

  it('agrees with the TypeScript evaluator on the real figures', async () => {
    const ts = tsResults(await reportRows())
      .sort(order)
      .map(comparable);
    expect([...results].sort(order).map(comparable)).toEqual(ts);
  });
});
