import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import {
  CELLS,
  DATASET_COLUMNS,
  DERIVED_GROUPS,
  T3_COLS,
  T3_ROWS,
  cellsOf,
  derivedGroupValue,
  findCell,
  templateForYear,
} from '@/domain/catalogue';
import { projectPath } from '../support/engine';

describe('the report catalogue', () => {
  it('has 25 × 7 section-三 cells for the 2021 template and 23 × 7 for 2019', () => {
    expect(cellsOf(3, '2021')).toHaveLength(25 * 7);
    expect(cellsOf(3, '2019')).toHaveLength(23 * 7);
    expect(T3_COLS.map((c) => c.key)).toEqual([
      'person',
      'business',
      'research',
      'nonprofit',
      'legal',
      'org_other',
      'total',
    ]);
  });

  it('has the 15 cells of section 四 in printed order', () => {
    expect(cellsOf(4).map((c) => c.key)).toEqual(
      ['review', 'suit_direct', 'suit_after_review'].flatMap((g) =>
        ['upheld', 'corrected', 'other', 'pending', 'total'].map((r) => `t4_${g}_${r}`),
      ),
    );
  });

  it('has the section-二 keys of both templates', () => {
    expect(cellsOf(2, '2021').map((c) => c.key)).toEqual([
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
    expect(cellsOf(2, '2019')).toHaveLength(22);
    expect(findCell('t2v19_licensing_change')?.valueKind).toBe('signed_count');
    expect(findCell('t2_fees')).toMatchObject({ valueKind: 'decimal', unit: 'wan_yuan' });
  });

  it('lists the dataset columns in exactly the order of the real-report file', () => {
    const shipped = readFileSync(projectPath('datasets/real.csv'), 'utf8').split('\n')[0]?.split(',');
    expect(DATASET_COLUMNS).toEqual(shipped);
  });

  // Reported as skipped, not passed, where the shared folder is not beside the project.
  const shared = projectPath('../shared/data/real-reports.csv');
  it.skipIf(!existsSync(shared))('lists the dataset columns in the order of the shared contract file', () => {
    const contract = readFileSync(shared, 'utf8').split(/\r?\n/)[0]?.split(',');
    expect(DATASET_COLUMNS).toEqual(contract);
  });

  it('gives every cell a unique key and unique Chinese and English labels', () => {
    expect(new Set(CELLS.map((c) => c.key)).size).toBe(CELLS.length);
    expect(new Set(CELLS.map((c) => c.label.zh)).size).toBe(CELLS.length);
    expect(new Set(CELLS.map((c) => c.label.en)).size).toBe(CELLS.length);
  });

  it('uses the printed labels of the template', () => {
    expect(T3_ROWS.find((r) => r.key === 'new')?.label.zh).toBe('本年新收政府信息公开申请数量');
    expect(findCell('t3_denied_secret_total')?.label.zh).toBe('不予公开·属于国家秘密（总计）');
    expect(findCell('t4_suit_after_review_corrected')?.label.zh).toBe('行政诉讼·复议后起诉·结果纠正');
  });

  it('infers the template from the report year', () => {
    expect([2019, 2020, 2021, 2025].map(templateForYear)).toEqual(['2019', '2019', '2021', '2021']);
  });

  it('derives group totals, with 其他处理 from either template and null when unreported', () => {
    expect(DERIVED_GROUPS.map((g) => g.key)).toEqual(['granted', 'partial', 'denied', 'unable', 'rejected', 'other']);
    const v2021: Record<string, number> = {
      t3_other_no_correction_total: 2,
      t3_other_unpaid_fee_total: 0,
      t3_other_misc_total: 3,
    };
    expect(derivedGroupValue('other', 'total', (k) => v2021[k])).toBe(5);
    expect(derivedGroupValue('other', 'total', (k) => (k === 't3_other_single_total' ? 4 : undefined))).toBe(4);
    const partial: Record<string, number | null> = {
      t3_unable_not_held_total: 3,
      t3_unable_needs_creation_total: null,
      t3_unable_unclear_total: 1,
    };
    expect(derivedGroupValue('unable', 'total', (k) => partial[k])).toBeNull();
  });
});
