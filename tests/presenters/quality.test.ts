import { describe, expect, it } from 'vitest';
import { rule } from '@/domain/rules';
import type { RuleResultRow } from '@/data/queries/rule-results';
import type { AgencyScoreRow } from '@/data/queries/rule-results/score';
import {
  exportFileName,
  failureRows,
  pageCount,
  qualityKpis,
  ruleChoice,
  scoreTables,
  summaryColumns,
  summaryRows,
} from '@/presenters/quality';
import { testLabels } from '../support/labels';

const zh = testLabels('zh');
const en = testLabels('en');
const RULES = [rule('R4'), rule('R6'), rule('S2')];

describe('quality rule choice', () => {
  it('keeps a rule the engine evaluates, filters by severity, and asks for every rule otherwise', () => {
    expect(ruleChoice({ rule: null, severity: null }, RULES)).toEqual({
      rule: null,
      severity: null,
      picked: ['R4', 'R6', 'S2'],
      restrict: undefined,
    });
    expect(ruleChoice({ rule: 'R4', severity: null }, RULES).restrict).toEqual(['R4']);
    expect(ruleChoice({ rule: null, severity: 'warning' }, RULES).picked).toEqual(['R6']);
    expect(ruleChoice({ rule: null, severity: 'error' }, RULES).picked).toEqual(['R4', 'S2']);
    // R7 is a rule, but not one the engine evaluates; "R9" is none.
    expect(ruleChoice({ rule: 'R7', severity: null }, RULES).rule).toBeNull();
    expect(ruleChoice({ rule: 'R9', severity: null }, RULES).picked).toEqual(['R4', 'R6', 'S2']);
    // An error rule with the warning severity: nothing to ask for.
    expect(ruleChoice({ rule: 'R4', severity: 'warning' }, RULES).restrict).toEqual([]);
  });
});

describe('quality KPIs', () => {
  it('splits failed checks by severity and waits with "…"', () => {
    const counts = {
      failures: 9,
      reports: 4,
      perRule: [
        { rule: 'R4' as const, failures: 5, reports: 3 },
        { rule: 'R6' as const, failures: 3, reports: 2 },
        { rule: 'S2' as const, failures: 1, reports: 1 },
      ],
    };
    expect(qualityKpis(counts, zh).map((k) => [k.key, k.label, k.value])).toEqual([
      ['failures', '未通过的核对项', '9'],
      ['errors', '其中错误级', '6'],
      ['warnings', '其中提示级', '3'],
      ['reports', '涉及年报', '4'],
    ]);
    expect(qualityKpis(null, en).map((k) => k.value)).toEqual(['…', '…', '…', '…']);
  });
});

describe('quality pass-rate table', () => {
  const share = (rule: 'R4' | 'R6', passing: number, failing: number, notAssessable: number) => ({
    rule,
    passing,
    failing,
    notAssessable,
    share: passing / (passing + failing),
  });

  it('orders levels as the catalogue does and names them; shares as percentages with counts in the tooltip', () => {
    const columns = summaryColumns(RULES, ['R4', 'R6'], zh);
    expect(columns).toEqual([
      { id: 'R4', name: '复议诉讼合计' },
      { id: 'R6', name: '现行有效件数衔接' },
    ]);
    const rows = summaryRows(
      [
        { group: 'county', rules: [share('R4', 3, 1, 0)] },
        { group: 'province', rules: [share('R4', 1, 0, 2), share('R6', 0, 2, 0)] },
      ],
      'level',
      columns,
      zh,
    );
    expect(rows.map((r) => r.group)).toEqual(['省级', '县级']);
    expect(rows[0]?.cells.map((c) => c.text)).toEqual(['100.0%', '0.0%']);
    expect(rows[0]?.cells[0]?.title).toBe('R4 · 省级: 1 ✓ / 0 ✗ / 2 ?');
    // 3 of 4 pass; R6 has no row for the counties: "—", no tooltip.
    expect(rows[1]?.cells.map((c) => [c.text, c.share, c.title])).toEqual([
      ['75.0%', 0.75, 'R4 · 县级: 3 ✓ / 1 ✗ / 0 ?'],
      ['—', null, ''],
    ]);
  });
});

describe('quality failure list', () => {
  const failure: RuleResultRow = {
    agencyId: 'x-bureau',
    agencyName: '某局',
    level: 'county',
    kind: 'department',
    template: '2021',
    year: 2023,
    rule: 'R4',
    check: 'R4.review',
    severity: 'error',
    status: 'fail',
    expected: 11,
    actual: 0,
    difference: -11,
    cells: ['total', 'upheld', 'corrected', 'other', 'pending'].map((r) => ({ key: `t4_review_${r}`, year: 2023 })),
    blankCells: [],
    reason: null,
    blankAsZero: false,
  };

  it('names three cells and counts the rest', () => {
    const [row] = failureRows([failure], zh);
    expect(row).toMatchObject({
      key: 'x-bureau|2023|R4.review',
      ruleName: '复议诉讼合计',
      severityLabel: '错误',
      checkLabel: '行政复议',
      expected: '11',
      actual: '0',
      difference: '−11',
      cells: '行政复议·总计；行政复议·结果维持；行政复议·结果纠正 及另外 2 个单元格',
    });
    expect(row?.cellsTitle.split('\n')).toHaveLength(5);
  });

  it('gives the year of a cell from last year', () => {
    const cross = { ...failure, cells: [{ key: 't3_carried_out_person', year: 2022 }] };
    expect(failureRows([cross], en)[0]?.cells).toMatch(/ \(2022\)$/);
  });
});

describe('quality scores', () => {
  const score = (over: Partial<AgencyScoreRow>): AgencyScoreRow => ({
    agencyId: 'a',
    agencyName: '甲',
    level: 'county',
    kind: 'government',
    reports: 2,
    firstYear: 2023,
    lastYear: 2024,
    checksPass: 90,
    checksFail: 10,
    checksNotAssessable: 0,
    errorFailures: 4,
    score: 0.9,
    rank: 1,
    coverage: 1,
    scoreLower: 0.8256,
    fairRank: 1,
    ...over,
  });

  // The seed's bureau of the issue: 12 checks passed, none failed, 46 not assessable.
  const seed = score({
    agencyId: 'seed',
    reports: 1,
    firstYear: 2023,
    lastYear: 2023,
    checksPass: 12,
    checksFail: 0,
    checksNotAssessable: 46,
    errorFailures: 0,
    score: 1,
    coverage: 12 / 58,
    scoreLower: 0.1226,
    fairRank: null,
  });

  it('ranks by the lower bound and lists an agency with too few checks assessable apart', () => {
    const t = scoreTables(
      { rows: [score({}), score({ agencyId: 'b', lastYear: 2023, fairRank: 2 }), seed], total: 31, apart: 1 },
      zh,
    );
    expect(t.ranked.map((r) => [r.agencyId, r.rank, r.score, r.coverage, r.lower, r.years, r.lowCoverage])).toEqual([
      ['a', '1', '90.0%', '100.0%', '82.6%', '2023–2024', false],
      ['b', '2', '90.0%', '100.0%', '82.6%', '2023', false],
    ]);
    // 12 of 58 checks assessable: 20.7% coverage, under the 50% threshold; its pass rate is 100%.
    expect(t.apart.map((r) => [r.agencyId, r.rank, r.score, r.coverage, r.lowCoverage])).toEqual([
      ['seed', '—', '100.0%', '20.7%', true],
    ]);
    expect(t.title).toBe('机关数据质量排名（31 个机关）');
    expect(t.apartNote).toBe('共 31 个机关，其中 1 个可判断的核对项不足 50%，不参与排名，列在排名之后。');
    expect(scoreTables({ rows: [seed], total: 1200, apart: 1001 }, en).apartNote).toBe(
      'Not ranked: 1,001 of the 1,200 agencies, which had under 50% of their checks assessable; they are listed after the ranking.',
    );
  });

  it('says when every agency is ranked', () => {
    const t = scoreTables({ rows: [score({})], total: 1, apart: 0 }, en);
    expect(t.apart).toEqual([]);
    expect(t.apartNote).toBe('Every agency had at least 50% of its checks assessable: all are ranked.');
    expect(scoreTables(null, zh).ranked).toEqual([]);
  });
});

describe('quality helpers', () => {
  it('counts pages and names the export', () => {
    expect([pageCount(0, 25), pageCount(25, 25), pageCount(26, 25)]).toEqual([1, 1, 2]);
    expect(exportFileName('real', true)).toBe('real-rule-results-problems.csv');
    expect(exportFileName('real', false)).toBe('real-rule-results.csv');
  });
});
