import { describe, expect, it } from 'vitest';
import { cellsOf } from '@/domain/catalogue';
import { reportGrids } from '@/domain/report-grid';

describe('report grids', () => {
  it.each(['2019', '2021'] as const)('lays out every cell of the %s template exactly once', (template) => {
    const keys = reportGrids(template).flatMap((g) =>
      g.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells.filter((c): c is string => c !== null))),
    );
    const expected = [2, 3, 4].flatMap((s) => cellsOf(s as 2 | 3 | 4, template).map((c) => c.key));
    expect([...keys].sort()).toEqual([...expected].sort());
  });

  it('groups section 二 rows sharing columns as the printed form does', () => {
    const [s2] = reportGrids('2021');
    expect(s2?.blocks.map((b) => b.rows.map((r) => r.key))).toEqual([
      ['rules', 'normative'],
      ['licensing', 'penalty', 'coercion'],
      ['fees'],
    ]);
  });

  it('puts group headings above the reasons of section 三', () => {
    const s3 = reportGrids('2021')[1]?.blocks[0];
    const headings = s3?.rows.filter((r) => r.heading).map((r) => `${r.number}${r.label.zh}`);
    expect(headings).toEqual(['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
    const s3v19 = reportGrids('2019')[1]?.blocks[0];
    expect(s3v19?.rows.find((r) => r.key === 'other_single')?.heading).toBe(false);
    expect(s3v19?.rows.some((r) => r.key === 'group_other')).toBe(false);
  });

  it('shows the single （六） row of a 2021 report printed that way, instead of its three', () => {
    const rows = reportGrids('2021', true)[1]?.blocks[0]?.rows.map((r) => r.key) ?? [];
    expect(rows).toContain('other_single');
    expect(rows).not.toContain('other_misc');
    expect(rows).not.toContain('group_other');
  });
});
