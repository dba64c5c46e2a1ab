import { describe, expect, it } from 'vitest';
import { CELLS, T3_COLS, T3_ROWS } from '@/domain/catalogue';
import {
  RULES,
  checkDef,
  checkFormula,
  describeCheck,
  evaluatePair,
  evaluateReport,
  evaluateReports,
  type CheckResult,
} from '@/domain/rules';
import { csvText, ruleResultsCsv } from '@/domain/rule-results-csv';
import { consistentReport, type ReportObject } from '../support/report-rows';

const find = (results: readonly CheckResult[], check: string) => results.find((r) => r.check === check);
const problems = (results: readonly CheckResult[]) => results.filter((r) => r.status !== 'pass');
const with_ = (r: ReportObject, changes: ReportObject): ReportObject => ({ ...r, ...changes });

const r2021 = consistentReport({ year: 2023 });
const r2021single = consistentReport({ year: 2023, singleOther: true });
const r2019 = consistentReport({ year: 2019 });

describe('rule declarations', () => {
  it('declares every rule once with the checks the brief lists', () => {
    const count = (id: string) => RULES.find((r) => r.id === id)?.checks.length;
    expect(RULES.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'S1', 'S2']);
    expect(count('R1')).toBe(T3_COLS.length);
    expect(count('R2')).toBe(T3_COLS.length);
    expect(count('R3')).toBe(T3_ROWS.length);
    expect(count('R4')).toBe(3);
    expect(count('R5')).toBe(T3_COLS.length);
    expect(count('R6')).toBe(2);
    expect(count('S1')).toBe(CELLS.filter((c) => c.valueKind !== 'signed_count').length);
    expect(RULES.find((r) => r.id === 'R6')?.severity).toBe('warning');
    for (const id of ['R7', 'R8']) {
      const r = RULES.find((x) => x.id === id);
      expect(r?.assessed).toBe(false);
      expect(r?.explanation.en).toMatch(/not assessed by this engine yet/i);
    }
  });

  it('writes each check as an equation over catalogue cells', () => {
    expect(checkFormula(checkDef('R1.person'))).toBe(
      't3_total_person + t3_carried_out_person = t3_new_person + t3_carried_in_person',
    );
    expect(checkFormula(checkDef('R6.rules'))).toBe(
      't2_rules_in_force = t2_rules_in_force[Y-1] + t2_rules_issued - t2_rules_repealed',
    );
    expect(checkFormula(checkDef('R2.total'))).toContain(
      '(t3_other_single_total | t3_other_no_correction_total + t3_other_unpaid_fee_total + t3_other_misc_total)',
    );
    expect(describeCheck(checkDef('R4.review'), 'zh')).toBe(
      '行政复议·总计 = 行政复议·结果维持 + 行政复议·结果纠正 + 行政复议·其他结果 + 行政复议·尚未审结',
    );
    expect(describeCheck(checkDef('S2.total'), 'en')).toContain('≤');
  });
});

describe('evaluateReport', () => {
  it.each([
    ['2021 template, three （六） rows', r2021],
    ['2021 template, single （六） row', r2021single],
    ['2019 template, single （六） row', r2019],
  ])('passes every within-year check of a consistent report (%s)', (_, report) => {
    const results = evaluateReport(report);
    expect(problems(results)).toEqual([]);
    expect(results.some((r) => r.rule === 'R2')).toBe(true);
  });

  it('uses the （六） rows the report has and skips R3 on the other layout’s rows', () => {
    const a = evaluateReport(r2021);
    expect(find(a, 'R3.other_single')).toBeUndefined();
    expect(find(a, 'R3.other_misc')?.status).toBe('pass');
    expect(find(a, 'R2.person')?.cells.map((c) => c.key)).toContain('t3_other_misc_person');
    const b = evaluateReport(r2019);
    expect(find(b, 'R3.other_misc')).toBeUndefined();
    expect(find(b, 'R2.person')?.cells.map((c) => c.key)).toContain('t3_other_single_person');
  });

  it('R1 fails with expected, actual, difference and the cells involved', () => {
    const results = evaluateReport(with_(r2021, { t3_new_person: 14 }));
    const r1 = find(results, 'R1.person');
    expect(r1).toMatchObject({
      status: 'fail',
      expected: 16,
      actual: 13,
      difference: -3,
      severity: 'error',
      year: 2023,
    });
    expect(r1?.cells).toEqual([
      { key: 't3_total_person', year: 2023 },
      { key: 't3_carried_out_person', year: 2023 },
      { key: 't3_new_person', year: 2023 },
      { key: 't3_carried_in_person', year: 2023 },
    ]);
    expect(find(results, 'R3.new')?.status).toBe('fail');
  });

  it('R1 is not assessable when a cell is blank, and names the blank cell', () => {
    const r1 = find(evaluateReport(with_(r2019, { t3_carried_in_person: null })), 'R1.person');
    expect(r1).toMatchObject({ status: 'not_assessable', expected: null, actual: null, reason: 'blank_cells' });
    expect(r1?.blankCells).toEqual([{ key: 't3_carried_in_person', year: 2019 }]);
  });

  it('R2 fails on both templates when the outcomes do not add up to 总计', () => {
    expect(find(evaluateReport(with_(r2021, { t3_other_misc_person: 4 })), 'R2.person')).toMatchObject({
      status: 'fail',
      actual: 12,
      expected: 15,
    });
    expect(find(evaluateReport(with_(r2019, { t3_other_single_person: 0 })), 'R2.person')).toMatchObject({
      status: 'fail',
      difference: 2,
    });
  });

  it('R2 is not assessable when a 2021 （六） row is blank, and "blank as 0" assesses it and says so', () => {
    const report = with_(r2021, { t3_other_misc_person: null });
    const strict = find(evaluateReport(report), 'R2.person');
    expect(strict?.status).toBe('not_assessable');
    expect(strict?.blankCells).toEqual([{ key: 't3_other_misc_person', year: 2023 }]);
    const lenient = find(evaluateReport(report, { blankAsZero: true }), 'R2.person');
    expect(lenient).toMatchObject({ status: 'fail', expected: 11, actual: 12, blankAsZero: true });
    expect(lenient?.blankCells).toEqual([{ key: 't3_other_misc_person', year: 2023 }]);
    expect(find(evaluateReport(r2021, { blankAsZero: true }), 'R2.person')?.blankAsZero).toBe(false);
  });

  it('R3 passes, fails and is not assessable per row', () => {
    expect(find(evaluateReport(r2019), 'R3.granted')?.status).toBe('pass');
    expect(find(evaluateReport(with_(r2019, { t3_granted_total: 7 })), 'R3.granted')).toMatchObject({
      status: 'fail',
      actual: 7,
      expected: 6,
    });
    expect(find(evaluateReport(with_(r2021, { t3_granted_legal: null })), 'R3.granted')?.status).toBe('not_assessable');
  });

  it('R4 passes, fails (总计 0 where the parts add to 5) and is not assessable', () => {
    expect(find(evaluateReport(r2021), 'R4.review')?.status).toBe('pass');
    expect(find(evaluateReport(with_(r2019, { t4_review_total: 0 })), 'R4.review')).toMatchObject({
      status: 'fail',
      expected: 5,
      actual: 0,
      difference: -5,
    });
    const na = find(evaluateReport(with_(r2021, { t4_suit_direct_pending: null })), 'R4.suit_direct');
    expect(na?.blankCells).toEqual([{ key: 't4_suit_direct_pending', year: 2023 }]);
  });

  it('S1 fails on a negative count, skips blank cells and the signed 2019 change cells', () => {
    const results = evaluateReport(with_(r2021, { t2_penalty: -1, t2_coercion: null }));
    expect(find(results, 'S1.t2_penalty')).toMatchObject({ status: 'fail', actual: -1, expected: 0 });
    expect(find(results, 'S1.t2_coercion')).toBeUndefined();
    expect(find(evaluateReport(r2019), 'S1.t2v19_licensing_change')).toBeUndefined();
  });

  it('S2 fails when more is carried over than was received', () => {
    const report = with_(r2021, { t3_carried_out_person: 30, t3_total_person: 0 });
    expect(find(evaluateReport(report), 'S2.person')).toMatchObject({ status: 'fail', actual: 30, expected: 13 });
    expect(find(evaluateReport(r2019), 'S2.total')?.status).toBe('pass');
  });
});

describe('evaluatePair (R5, R6)', () => {
  const prev = consistentReport({ year: 2022, carriedOut: 3, inForce: { rules: 9, normative: 37 } });
  const cur = consistentReport({ year: 2023, carriedIn: 3 });

  it('passes when carried-in equals last year’s carried-over and documents in force carry over', () => {
    const results = evaluatePair(prev, cur);
    expect(results.filter((r) => r.rule === 'R5')).toHaveLength(7);
    expect(problems(results)).toEqual([]);
    expect(find(results, 'R5.person')?.cells).toEqual([
      { key: 't3_carried_in_person', year: 2023 },
      { key: 't3_carried_out_person', year: 2022 },
    ]);
  });

  it('fails R5 and R6 with the numbers', () => {
    const results = evaluatePair(
      with_(prev, { t3_carried_out_person: 4, t3_carried_out_total: 4, t2_normative_in_force: 30 }),
      cur,
    );
    expect(find(results, 'R5.person')).toMatchObject({ status: 'fail', actual: 3, expected: 4 });
    expect(find(results, 'R6.normative')).toMatchObject({
      status: 'fail',
      severity: 'warning',
      actual: 40,
      expected: 33,
    });
  });

  it('is not assessable without last year’s report, or with a blank cell in it', () => {
    const none = evaluatePair(null, cur);
    expect(none.every((r) => r.status === 'not_assessable' && r.reason === 'no_previous_report')).toBe(true);
    expect(none).toHaveLength(9);
    const blank = find(evaluatePair(with_(prev, { t3_carried_out_legal: null }), cur), 'R5.legal');
    expect(blank).toMatchObject({ status: 'not_assessable', reason: 'blank_cells' });
    expect(blank?.blankCells).toEqual([{ key: 't3_carried_out_legal', year: 2022 }]);
  });

  it('applies R6 only when both years use the 2021 template; R5 across the template change', () => {
    const from2020 = evaluatePair(
      consistentReport({ year: 2020, carriedOut: 3 }),
      consistentReport({ year: 2021, carriedIn: 3 }),
    );
    expect(from2020.filter((r) => r.rule === 'R6')).toEqual([]);
    expect(find(from2020, 'R5.total')?.status).toBe('pass');
    expect(evaluatePair(consistentReport({ year: 2018 }), r2019).filter((r) => r.rule === 'R6')).toEqual([]);
  });

  it('evaluateReports pairs each report with the agency’s year before', () => {
    const results = evaluateReports([prev, cur]);
    const r5 = (year: number) => results.filter((r) => r.rule === 'R5' && r.year === year);
    // One R5 check per applicant column (7), in each year.
    expect(r5(2023)).toHaveLength(7);
    expect(r5(2023).every((r) => r.status === 'pass')).toBe(true);
    expect(r5(2022)).toHaveLength(7);
    expect(r5(2022).every((r) => r.reason === 'no_previous_report')).toBe(true);
  });
});

describe('results CSV', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const s of ['+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(csvText(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvText('洪泽区人民政府')).toBe('洪泽区人民政府');
    expect(csvText('a,b')).toBe('"a,b"');
  });

  it('writes one line per result with numbers left as numbers', () => {
    const results = evaluateReport(with_(r2021, { agency_name: '=cmd|calc', t4_review_total: 0 }))
      .filter((r) => r.status === 'fail')
      .map((r) => ({ ...r, agencyName: '=cmd|calc' }));
    const csv = ruleResultsCsv(results, { bom: false });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",'=cmd|calc,");
    expect(lines[1]).toContain(',5,0,-5,');
    expect(lines[1]).toContain('t4_review_total@2023');
    expect(ruleResultsCsv([]).startsWith('\uFEFF')).toBe(true);
  });
});
