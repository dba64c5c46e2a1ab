import { describe, expect, it } from 'vitest';
import { keepWarning, keptRows, provenanceText, storageText } from '@/presenters/data';
import type { DatasetEntry, KeptDataset } from '@/workspace';
import { testLabels } from '../support/labels';

const file: DatasetEntry = { id: 'file:a.csv', fileName: 'a.csv', generated: false, origin: 'file' };
const demo: DatasetEntry = { id: 'demo', nameKey: 'dataset.demo', generated: true, origin: 'bundled' };
const real: DatasetEntry = { id: 'real', nameKey: 'dataset.real', generated: false, origin: 'bundled' };

describe('the Data view, in words', () => {
  it('never calls a user file published reports, and names generated data as such', () => {
    const zh = testLabels('zh');
    expect(provenanceText(file, zh)).toContain('a.csv');
    expect(provenanceText(file, zh)).not.toBe(provenanceText(real, zh));
    expect(provenanceText(real, zh)).toContain('公开发布的年报');
    expect(provenanceText(demo, zh)).toContain('程序生成');
    expect(provenanceText(null, zh)).toBe('');
  });

  it('lists kept datasets with size, date and imported reports', () => {
    const kept: KeptDataset[] = [
      {
        id: 'file:a.csv',
        fileName: 'a.csv',
        loadedAt: '2026-11-30T08:05:00Z',
        hasFile: true,
        appends: 0,
        appendedReports: 0,
        bytes: 2048,
      },
      {
        id: 'demo',
        fileName: 'demo.parquet',
        loadedAt: '2026-11-30T09:00:00Z',
        hasFile: false,
        appends: 2,
        appendedReports: 3,
        bytes: 900,
      },
    ];
    const rows = keptRows(kept, [file, demo], 'demo', testLabels('en'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: 'file:a.csv', active: false });
    expect(rows[0]?.text).toMatch(/^a\.csv, loaded .*2026.*, 2(\.0)? KB$/);
    expect(rows[1]).toEqual({ id: 'demo', text: 'Demo data; plus 3 imported reports', active: true });
  });

  it('says why nothing is kept, and how much storage is used', () => {
    const zh = testLabels('zh');
    expect(keepWarning({ kind: 'opfs', failure: null }, zh)).toBeNull();
    expect(keepWarning({ kind: 'memory', failure: null }, zh)).toContain('隐私模式');
    expect(keepWarning({ kind: 'opfs', failure: 'QuotaExceededError' }, zh)).toContain('QuotaExceededError');
    expect(storageText({ used: 3 * 1024 * 1024, quota: 10 * 1024 ** 3 }, zh)).toBe('本站已用存储 3 MB（上限约 10 GB）');
    expect(storageText(null, zh)).toBeNull();
  });
});

describe('the population table, in words', () => {
  it('names the file, rows, years, the catalogue label of the key, and the sources', async () => {
    const { populationText } = await import('@/presenters/data');
    const p = {
      file: 'pop.csv',
      rows: 1234,
      keyedBy: 'region_code' as const,
      years: [2019, 2024],
      sources: ['统计年鉴'],
    };
    expect(populationText(p, testLabels('zh'))).toBe(
      '已载入 pop.csv：1,234 行，2019–2024 年度，按行政区划代码对应；来源：统计年鉴',
    );
    expect(populationText(null, testLabels('zh'))).toBeNull();
  });
});
