import { describe, expect, it } from 'vitest';
import { CELLS, T3_COLS, t3Key, type Template } from '@/domain/catalogue';
import {
  formatCellValue,
  layoutKeys,
  reportLayout,
  usesSingleOther,
  valueCells,
  type GridCell,
  type TableLayout,
} from '@/domain/report-layout';

/**
 * Places every cell of a table on a grid, honouring colspan/rowspan, and fails when a row does not
 * fill the width exactly or two cells overlap: what a browser would silently render askew.
 */
function place(rows: readonly (readonly GridCell[])[], columns: number): (GridCell | null)[][] {
  const grid: (GridCell | null)[][] = rows.map(() => Array<GridCell | null>(columns).fill(null));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < columns && grid[r]?.[c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) {
          const line = grid[r + dr];
          if (!line) throw new Error(`row span past the table at row ${r}`);
          if (c + dc >= columns) throw new Error(`row ${r} is wider than ${columns}`);
          if (line[c + dc]) throw new Error(`overlap at ${r + dr},${c + dc}`);
          line[c + dc] = cell;
        }
      c += cell.colspan;
    }
  });
  grid.forEach((line, r) => {
    if (line.some((x) => x === null)) throw new Error(`row ${r} leaves a gap`);
  });
  return grid;
}

const stubText = (cells: readonly GridCell[]) =>
  cells
    .filter((c) => c.type === 'stub')
    .map((c) => (c.type === 'stub' ? `${c.number}${c.label.zh}` : ''))
    .join('|');

function checkGrid(t: TableLayout) {
  place(t.head, t.columns);
  place(t.body, t.columns);
}

describe('report layout: section 三', () => {
  it('prints 25 rows × 7 columns for 2021 with the template numbering and merged labels', () => {
    const t = reportLayout('2021').section3;
    checkGrid(t);
    expect(t.columns).toBe(10);
    expect(t.body).toHaveLength(25);
    for (const row of t.body) expect(row.filter((c) => c.type === 'value')).toHaveLength(7);
    expect(t.body.map(stubText)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果|（一）予以公开',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（三）不予公开|1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项',
      '（四）无法提供|1.本机关不掌握相关政府信息',
      '2.没有现成信息需要另行制作',
      '3.补正后申请内容仍不明确',
      '（五）不予处理|1.信访举报投诉类申请',
      '2.重复申请',
      '3.要求提供公开出版物',
      '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
      '（六）其他处理|1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
      '（七）总计',
      '四、结转下年度继续办理',
    ]);
    const spans = t.body.flat().filter((c) => c.type === 'stub' && c.rowspan > 1);
    expect(spans.map((c) => (c.type === 'stub' ? [c.label.zh, c.rowspan] : null))).toEqual([
      ['本年度办理结果', 22],
      ['不予公开', 8],
      ['无法提供', 3],
      ['不予处理', 5],
      ['其他处理', 3],
    ]);
    // The first value row is 本年新收, in the template's column order.
    expect(t.body[0]?.filter((c) => c.type === 'value').map((c) => (c.type === 'value' ? c.key : ''))).toEqual(
      T3_COLS.map((c) => t3Key('new', c.key)),
    );
  });

  it('prints 23 rows for 2019 with a single （六） row', () => {
    const t = reportLayout('2019').section3;
    checkGrid(t);
    expect(t.body).toHaveLength(23);
    for (const row of t.body) expect(row.filter((c) => c.type === 'value')).toHaveLength(7);
    expect(t.body.map(stubText)[20]).toBe('（六）其他处理');
    expect(t.body.flat().find((c) => c.type === 'stub' && c.label.zh === '本年度办理结果')?.rowspan).toBe(20);
  });

  it('prints a 2021 report that uses one （六） row with 23 rows', () => {
    const layout = reportLayout('2021', true);
    checkGrid(layout.section3);
    expect(layout.singleOther).toBe(true);
    expect(layout.section3.body).toHaveLength(23);
    expect(layoutKeys(layout)).toContain('t3_other_single_total');
    expect(layoutKeys(layout)).not.toContain('t3_other_misc_total');
    expect(reportLayout('2019', true).singleOther).toBe(false);
  });

  it('has the merged applicant header: 申请人情况 over 自然人, 法人或其他组织 (five), 总计', () => {
    const t = reportLayout('2021').section3;
    const grid = place(t.head, t.columns);
    expect(t.head).toHaveLength(3);
    const label = (r: number, c: number) => {
      const x = grid[r]?.[c];
      return x && x.type !== 'value' ? x.label.zh : null;
    };
    expect(label(0, 0)).toContain('勾稽关系');
    expect(label(2, 2)).toContain('勾稽关系');
    expect(label(0, 3)).toBe('申请人情况');
    expect(label(0, 9)).toBe('申请人情况');
    expect([label(1, 3), label(2, 3)]).toEqual(['自然人', '自然人']);
    expect(label(1, 4)).toBe('法人或其他组织');
    expect(label(1, 8)).toBe('法人或其他组织');
    expect([4, 5, 6, 7, 8].map((c) => label(2, c))).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(label(2, 9)).toBe('总计');
  });
});

describe('report layout: section 四', () => {
  it('has 15 cells under 行政复议 | 行政诉讼（未经复议直接起诉 | 复议后起诉）', () => {
    const t = reportLayout('2021').section4;
    checkGrid(t);
    const keys = valueCells(t).map((c) => c.key);
    expect(keys).toHaveLength(15);
    expect(keys.slice(0, 5)).toEqual([
      't4_review_upheld',
      't4_review_corrected',
      't4_review_other',
      't4_review_pending',
      't4_review_total',
    ]);
    expect(keys[5]).toBe('t4_suit_direct_upheld');
    expect(keys[14]).toBe('t4_suit_after_review_total');
    const grid = place(t.head, t.columns);
    const label = (r: number, c: number) => {
      const x = grid[r]?.[c];
      return x && x.type !== 'value' ? x.label.zh : null;
    };
    expect([label(0, 0), label(0, 4), label(0, 5), label(0, 14)]).toEqual([
      '行政复议',
      '行政复议',
      '行政诉讼',
      '行政诉讼',
    ]);
    expect([label(1, 0), label(2, 0), label(1, 4)]).toEqual(['结果维持', '结果维持', '总计']);
    expect([label(1, 5), label(1, 10), label(2, 5), label(2, 14)]).toEqual([
      '未经复议直接起诉',
      '复议后起诉',
      '结果维持',
      '总计',
    ]);
    expect(reportLayout('2019').section4).toEqual(t);
  });
});

describe('report layout: section 二', () => {
  it('prints the 2021 rows under their article headings', () => {
    const t = reportLayout('2021').section2;
    checkGrid(t);
    const heads = t.body
      .filter((r) => r.length === 1 && r[0]?.type === 'head')
      .map((r) => r[0]?.type === 'head' && r[0].label.zh);
    expect(heads).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(valueCells(t).map((c) => c.key)).toEqual([
      't2_rules_issued',
      't2_rules_repealed',
      't2_rules_in_force',
      't2_normative_issued',
      't2_normative_repealed',
      't2_normative_in_force',
      't2_licensing',
      't2_penalty',
      't2_coercion',
      't2_fees',
    ]);
    // A single-column row's figure spans the three value columns.
    expect(valueCells(t).find((c) => c.key === 't2_fees')?.colspan).toBe(3);
  });

  it('prints the 2019 layout with its own cells', () => {
    const t = reportLayout('2019').section2;
    checkGrid(t);
    const keys = valueCells(t).map((c) => c.key);
    const all2019 = CELLS.filter((c) => c.section === 2 && c.templates.includes('2019')).map((c) => c.key);
    expect(keys).toEqual(all2019);
    expect(keys).toHaveLength(22);
    expect(valueCells(t).find((c) => c.key === 't2v19_fees_change')?.colspan).toBe(2);
    expect(valueCells(t).find((c) => c.key === 't2v19_procurement_amount')?.colspan).toBe(2);
  });

  it('shows every cell of its template exactly once', () => {
    for (const template of ['2019', '2021'] as Template[]) {
      const keys = layoutKeys(reportLayout(template));
      expect(new Set(keys).size).toBe(keys.length);
      const expected = CELLS.filter((c) => c.templates.includes(template)).map((c) => c.key);
      expect([...keys].sort()).toEqual([...expected].sort());
    }
  });
});

describe('report figures', () => {
  it('are blank when not reported, 0 when printed 0, decimals up to four places', () => {
    expect(formatCellValue(null)).toBe('');
    expect(formatCellValue(undefined)).toBe('');
    expect(formatCellValue(0)).toBe('0');
    expect(formatCellValue(1808595)).toBe('1808595');
    expect(formatCellValue(59237.2449)).toBe('59237.2449');
    expect(formatCellValue(7730.28)).toBe('7730.28');
    expect(formatCellValue(-4)).toBe('-4');
  });

  it('recognises a 2021 report printed with one （六） row', () => {
    expect(usesSingleOther({ t3_other_single_total: 0 })).toBe(true);
    expect(usesSingleOther({ t3_other_single_total: 0, t3_other_misc_person: 1 })).toBe(false);
    expect(usesSingleOther({ t3_other_misc_total: 1 })).toBe(false);
  });
});

describe('numbering', () => {
  it('keeps the printed numbering in Chinese and gives an English equivalent', async () => {
    const { numberText } = await import('@/domain/report-layout');
    expect(numberText('（三）', 'zh')).toBe('（三）');
    expect(numberText('（三）', 'en')).toBe('(3)');
    expect(numberText('四、', 'en')).toBe('IV.');
    expect(numberText('2.', 'en')).toBe('2.');
  });
});
