import { describe, expect, it } from 'vitest';
import type { ReportRow } from '@/domain/rules';
import {
  cellMarks,
  checkAtCell,
  checkItems,
  checksSummary,
  focusNote,
  notAssessableItems,
  pickReportYear,
  reportChecks,
  reportPage,
  signedCellValue,
  sourceLink,
} from '@/presenters/report';
import { testLabels } from '../support/labels';

const zh = testLabels('zh');
const en = testLabels('en');

/**
 * A 2021-template report that prints 行政复议 总计 0 although its parts add up to 5 + 3 + 2 + 1 = 11
 * (R4.review fails), and 直接起诉 2 = 1 + 1 + 0 + 0 (R4.suit_direct passes). Every other cell is blank.
 */
const report: ReportRow = {
  agency_id: 'x-bureau',
  agency_name: '某局',
  year: 2023,
  template: '2021',
  t4_review_total: 0,
  t4_review_upheld: 5,
  t4_review_corrected: 3,
  t4_review_other: 2,
  t4_review_pending: 1,
  t4_suit_direct_total: 2,
  t4_suit_direct_upheld: 1,
  t4_suit_direct_corrected: 1,
  t4_suit_direct_other: 0,
  t4_suit_direct_pending: 0,
};
const REVIEW = ['t4_review_total', 't4_review_upheld', 't4_review_corrected', 't4_review_other', 't4_review_pending'];
const DIRECT = REVIEW.map((k) => k.replace('review', 'suit_direct'));

describe('report cell marks', () => {
  it('marks every cell of the failing R4 check, and nothing else', () => {
    const checks = reportChecks(report, null, { blankAsZero: false, focus: null });
    expect(checks.failing.map((r) => r.check)).toEqual(['R4.review']);
    const marks = cellMarks(checks, zh);
    expect(Object.keys(marks).sort()).toEqual([...REVIEW].sort());
    for (const key of REVIEW)
      expect(marks[key], key).toEqual({
        fail: true,
        focus: false,
        prevFail: false,
        prevFocus: false,
        titles: ['R4 复议诉讼合计 · 行政复议'],
      });
    expect(cellMarks(checks, en).t4_review_total?.titles).toEqual([
      'R4 Review and litigation add up · Administrative review',
    ]);
  });

  it('marks the cells of the check in focus, even when it passes', () => {
    const checks = reportChecks(report, null, { blankAsZero: false, focus: 'R4.suit_direct' });
    expect(checks.focus?.status).toBe('pass');
    const marks = cellMarks(checks, zh);
    expect(Object.keys(marks).sort()).toEqual([...REVIEW, ...DIRECT].sort());
    for (const key of DIRECT)
      expect(marks[key], key).toEqual({ fail: false, focus: true, prevFail: false, prevFocus: false, titles: [] });
    expect(marks.t4_review_pending?.focus).toBe(false);
  });

  it('marks last year’s cell of a failing cross-year check apart from this year’s', () => {
    // R5: this year's 上年结转 of natural persons (3) must equal last year's 结转下年度继续办理 (4).
    const prev: ReportRow = {
      agency_id: 'x-bureau',
      agency_name: '某局',
      year: 2022,
      template: '2021',
      t3_carried_out_person: 4,
    };
    const cur: ReportRow = { ...report, t3_carried_in_person: 3 };
    const checks = reportChecks(cur, prev, { blankAsZero: false, focus: 'R5.person' });
    expect(checks.failing.map((r) => r.check).sort()).toEqual(['R4.review', 'R5.person']);
    const marks = cellMarks(checks, zh);
    expect(marks.t3_carried_in_person).toMatchObject({ fail: true, focus: true, prevFail: false, prevFocus: false });
    expect(marks.t3_carried_out_person).toMatchObject({ fail: false, focus: false, prevFail: true, prevFocus: true });
    expect(checkAtCell(checks, 't3_carried_in_person')).toBe('R5.person');
    // Last year's cell is not this year's: clicking this year's figure of it opens nothing.
    expect(checkAtCell(checks, 't3_carried_out_person')).toBeNull();
    expect(checkAtCell(checks, 't4_suit_direct_total')).toBeNull();
  });
});

describe('report check list', () => {
  it('explains the failure with printed and expected figures, focus first', () => {
    const checks = reportChecks(report, null, { blankAsZero: false, focus: null });
    const [item] = checkItems(checks, null, zh);
    expect(item).toMatchObject({
      id: 'R4.review',
      rule: 'R4',
      ruleName: '复议诉讼合计',
      severity: 'error',
      severityLabel: '错误',
      label: '行政复议',
      expected: '11',
      actual: '0',
      difference: '−11',
      focus: false,
    });
    expect(item?.cells).toBe(
      '行政复议·总计；行政复议·结果维持；行政复议·结果纠正；行政复议·其他结果；行政复议·尚未审结',
    );
  });

  // Cells in the check's order: the printed side (总计), then the parts.
  it('counts the checks: one failure, ten cells passing S1 and one R4 passing, the rest blank', () => {
    const checks = reportChecks(report, null, { blankAsZero: false, focus: null });
    const total = checks.results.length;
    expect(checksSummary(checks, zh)).toBe(`共核对 ${total} 项：1 项未通过，11 项通过，${total - 12} 项无法判断。`);
    const na = notAssessableItems(checks, en);
    expect(na).toHaveLength(total - 12);
    expect(na.find((x) => x.check === 'R4.suit_after_review')?.text).toBe(
      'R4 Review and litigation add up · Lawsuits after review — blank: Lawsuits after review · Total, Lawsuits after review · Upheld, Lawsuits after review · Corrected, Lawsuits after review · Other result, Lawsuits after review · Pending',
    );
    expect(na.find((x) => x.check === 'R5.person')?.text).toContain('no report for the previous year');
  });
});

describe('report focus note', () => {
  it('says when the check named in the link is not failing, or not in the report', () => {
    const at = (focus: string | null) => reportChecks(report, null, { blankAsZero: false, focus });
    expect(focusNote(at(null), null, zh)).toBeNull();
    // A failure is explained in the list, not in a note.
    expect(focusNote(at('R4.review'), 'R4.review', zh)).toBeNull();
    expect(focusNote(at('R4.suit_direct'), 'R4.suit_direct', zh)).toEqual({
      kind: 'status',
      name: 'R4 复议诉讼合计 · 行政诉讼·未经复议直接起诉',
      text: '该核对项在此报告中通过。',
    });
    expect(focusNote(at('R4.suit_after_review'), 'R4.suit_after_review', en)?.kind).toBe('status');
    expect(focusNote(at('R9.nothing'), 'R9.nothing', zh)).toEqual({
      kind: 'unknown',
      text: '链接中的核对项“R9.nothing”不适用于此报告。',
    });
  });
});

describe('report page', () => {
  const years = [2021, 2023].map((year) => ({ year, template: '2021', agencyName: '某局' }));

  it('shows the year asked for when there is one, else the latest and says so', () => {
    expect(pickReportYear(years, 2021)).toEqual({ year: 2021, missing: false });
    expect(pickReportYear(years, null)).toEqual({ year: 2023, missing: false });
    expect(pickReportYear(years, 2022)).toEqual({ year: 2023, missing: true });
    expect(pickReportYear(null, 2022)).toEqual({ year: null, missing: false });
  });

  it('puts last year beside section 二 only when both years use the same template', () => {
    const prev2019: ReportRow = { agency_id: 'x-bureau', year: 2022, template: '2019' };
    const page = reportPage(report, prev2019, true, zh);
    expect(page.template).toBe('2021');
    expect(page.prevTemplate).toBe('2019');
    expect(page.sections.map((s) => [s.key, s.prev === prev2019])).toEqual([
      ['s2', false],
      ['s3', true],
      ['s4', true],
    ]);
    expect(page.sections[0]?.title).toBe('二、主动公开政府信息情况');
    expect(reportPage(report, prev2019, false, zh).sections.every((s) => s.prev === null)).toBe(true);
  });

  it('links only to http(s) sources and signs differences', () => {
    expect(sourceLink({ source_url: ' https://example.gov.cn/a ' })).toBe('https://example.gov.cn/a');
    expect(sourceLink({ source_url: 'javascript:alert(1)' })).toBeNull();
    expect(sourceLink(null)).toBeNull();
    expect([signedCellValue(3), signedCellValue(-1200), signedCellValue(0), signedCellValue(null)]).toEqual([
      '+3',
      '−1200', // report figures as printed, ungrouped
      '0',
      '',
    ]);
  });
});
