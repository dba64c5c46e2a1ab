import { describe, expect, it } from 'vitest';
import type { T3Col } from '@/domain/catalogue';
import type { ApplicantRow } from '@/data/queries/applicants';
import type { IndicatorsByYear } from '@/data/queries/overview';
import { applicantBasis, applicantKpis, presentApplicantCharts, presentOrgShare } from '@/presenters/applicants';
import { testLabels } from '../support/labels';
import { seriesOf } from './option';

const zh = testLabels('zh');
const en = testLabels('en');

const row = (key: string, reports: number, selected: number, v: number[] | null): ApplicantRow => {
  const cols: T3Col[] = ['person', 'business', 'research', 'nonprofit', 'legal', 'org_other'];
  return {
    key,
    reports,
    selected,
    values: Object.fromEntries(cols.map((c, i) => [c, v ? (v[i] ?? null) : null])) as ApplicantRow['values'],
  };
};
const y2019 = row('2019', 2, 3, [10, 1, 0, 0, 1, 2]);
const y2021 = row('2021', 1, 1, [20, 3, 1, 0, 0, 0]);

describe('applicants presenter', () => {
  it('counts the complete reports against the selected ones', () => {
    expect(applicantBasis([y2019, y2021])).toEqual({ complete: 3, selected: 4 });
  });

  it('gives the headline figures with the reports each rests on', () => {
    const kpis = applicantKpis(
      { reports: 4, values: { new_requests: 1234, org_share: 0.25 }, counts: { new_requests: 4, org_share: 3 } },
      [y2019, y2021],
      zh,
    );
    expect(kpis.map((k) => [k.key, k.label, k.value, k.note])).toEqual([
      ['new_requests', '新收申请', '1,234', '基于 4 份填报完整的年报'],
      ['persons', '自然人申请', '30', '基于 3 份填报完整的年报'],
      // 1 + 1 + 2 in 2019 and 3 + 1 in 2021.
      ['organisations', '法人或其他组织申请', '8', '基于 3 份填报完整的年报'],
      ['org_share', '法人申请占比', '25.0%', '基于 3 份填报完整的年报'],
    ]);
    // Before any answer: no figure, never 0.
    expect(applicantKpis(null, [], en).map((k) => k.value)).toEqual(['—', '—', '—', '—']);
  });

  it('keeps every year of the span, orders groups as the catalogue and leaves out groups with no complete report', () => {
    const p = presentApplicantCharts(
      [y2019, y2021],
      [row('department', 1, 2, [5, 0, 0, 0, 0, 1]), row('government', 2, 2, [1, 1, 1, 1, 1, 1]), row('x', 0, 1, null)],
      'count',
      'kind',
      '2019–2021',
      zh,
    );
    expect(p.years.table.rows.map((r) => r.slice(0, 3))).toEqual([
      ['2019', 2, 10],
      ['2020', 0, null],
      ['2021', 1, 20],
    ]);
    // The empty year is hatched as high as the highest year (2021: 20 + 3 + 1).
    expect(seriesOf(p.years.option).at(-1)).toMatchObject({ name: '未报告', data: [null, 24, null] });
    // The organisations' chart leaves natural persons out.
    expect(seriesOf(p.orgs.option).map((s) => s.name)).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '未报告',
    ]);
    expect(p.shownYears).toBe('2019–2021');
    expect(p.groups.title).toBe('新收申请的申请人构成（按机关类型，2019–2021）');
    expect(p.groups.table.rows.map((r) => r[0])).toEqual(['人民政府', '部门']);
    expect(p.unit).toBe('单位：件');
    expect(p.controls.by.map((o) => o.key)).toEqual(['level', 'kind']);
  });

  it('leaves off years at either end without a complete report and names the years shown', () => {
    const p = presentApplicantCharts(
      [row('2019', 0, 4, null), y2021, row('2022', 0, 1, null), row('2023', 1, 1, [1, 0, 0, 0, 0, 0])],
      [],
      'count',
      'level',
      '2019–2025',
      zh,
    );
    expect(p.years.table.rows.map((r) => r[0])).toEqual(['2021', '2022', '2023']);
    expect(p.shownYears).toBe('2021–2023');
    expect(seriesOf(p.years.option).at(-1)).toMatchObject({ name: '未报告', data: [null, 24, null] });
  });

  it('draws nothing while no report is complete', () => {
    const p = presentApplicantCharts([row('2020', 0, 5, null)], [], 'share', 'level', '2020', en);
    expect(p.years.option).toBeNull();
    expect(p.orgs.option).toBeNull();
    expect(p.groups.option).toBeNull();
    expect(p.unit).toBe('Unit: % (hover for counts)');
  });

  it("shows the organisations' share per year with its n", () => {
    const rows: IndicatorsByYear[] = [
      { year: 2023, reports: 3, values: { org_share: 0.2 }, counts: { org_share: 2 } },
      { year: 2024, reports: 1, values: { org_share: null }, counts: { org_share: 0 } },
    ];
    const p = presentOrgShare(rows, '2019–2025', en);
    expect(p.table).toEqual({
      columns: ['Year', 'Share from organisations', 'n'],
      rows: [
        [2023, 0.2, 2],
        [2024, null, 0],
      ],
    });
    expect(p.option).not.toBeNull();
    // 2024 has no value: the title names 2023 alone.
    expect(p.title).toBe('Share of new requests from organisations, by year (2023)');
    expect(presentOrgShare([rows[1]!], '2024', en).option).toBeNull();
  });
});
