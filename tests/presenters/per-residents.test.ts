import { describe, expect, it } from 'vitest';
import { perResidentsCard } from '@/presenters/per-residents';
import type { PerResidentsRow } from '@/data/queries/per-residents';
import { testLabels } from '../support/labels';

const row = (id: string, population: number | null, n: number | null): PerResidentsRow => ({
  agencyId: id,
  agencyName: `${id}人民政府`,
  level: 'county',
  regionCode: null,
  population,
  source: null,
  values: { new_requests: n },
  // Worked by hand: n / population × 10,000.
  perTenThousand: { new_requests: population !== null && n !== null ? (n / population) * 10_000 : null },
});

describe('requests per 10,000 residents', () => {
  const rows = [row('甲', 200_000, 50), row('乙', 100_000, 40), row('丙', null, 30), row('丁', 50_000, null)];

  it('ranks only governments with both a population and a count, highest first, and counts the rest', () => {
    const card = perResidentsCard(rows, 'new_requests', 2024, testLabels('zh'));
    // 乙: 40 / 100,000 × 10,000 = 4; 甲: 50 / 200,000 × 10,000 = 2.5.
    const series = (card.option as { series: { data: number[] }[] }).series[0]?.data;
    expect(series).toEqual([2.5, 4]); // drawn bottom-up
    expect(card.title).toBe('每万人新收申请（2024 年度，人民政府）');
    expect(card.note).toContain('4 个人民政府中 2 个可比');
    expect(card.note).toContain('缺人口数据 1 个，未填报该项 1 个');
    expect(card.table.rows).toHaveLength(4);
  });

  it('has no chart, never zeros, when nothing can be compared', () => {
    const card = perResidentsCard([row('丙', null, 30)], 'new_requests', 2024, testLabels('en'));
    expect(card.option).toBeNull();
    expect(card.note).toContain('0 of 1 governments');
  });
});
