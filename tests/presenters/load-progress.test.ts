import { describe, expect, it } from 'vitest';
import {
  loadProgressView,
  progressFraction,
  showLoadingBanner,
  SHOW_PROGRESS_AFTER_MS,
} from '@/presenters/load-progress';
import type { LoadProgress } from '@/workspace/progress';
import { testLabels } from '../support/labels';

const base: LoadProgress = {
  file: 'big.csv',
  stage: 'read',
  startedAt: 10_000,
  bytes: { done: 5 * 1024 * 1024, total: 20 * 1024 * 1024 },
  rows: null,
  cancellable: true,
};

describe('the load progress bar', () => {
  it('is not shown while a load is younger than a second', () => {
    expect(loadProgressView(base, base.startedAt + SHOW_PROGRESS_AFTER_MS - 1, testLabels('zh'))).toBeNull();
    expect(loadProgressView(null, 0, testLabels('zh'))).toBeNull();
  });

  it('says the file, the stage and the bytes read, in both languages', () => {
    const now = base.startedAt + SHOW_PROGRESS_AFTER_MS;
    const zh = loadProgressView(base, now, testLabels('zh'));
    expect(zh).toMatchObject({ title: '正在载入 big.csv', stage: '读取文件', cancellable: true });
    expect(zh?.detail).toMatch(/^已读取 5(\.0)? MB \/ 20(\.0)? MB$/);
    const en = loadProgressView({ ...base, stage: 'parse', rows: 100000 }, now, testLabels('en'));
    expect(en).toMatchObject({ title: 'Loading big.csv', stage: 'Parsing', detail: 'about 100,000 rows' });
    expect(loadProgressView({ ...base, stage: 'check', rows: 100000 }, now, testLabels('zh'))?.detail).toBe(
      '约 100,000 行',
    );
  });

  it('fills by bytes while reading, then by stage, never going back', () => {
    const steps: LoadProgress[] = [
      { ...base, bytes: { done: 0, total: 100 } },
      { ...base, bytes: { done: 50, total: 100 } },
      { ...base, bytes: { done: 100, total: 100 } },
      { ...base, stage: 'parse' },
      { ...base, stage: 'check' },
      { ...base, stage: 'write' },
    ];
    const f = steps.map(progressFraction);
    expect(f[0]).toBe(0);
    expect(f).toEqual([...f].sort((a, b) => a - b));
    expect(f.at(-1)).toBeLessThan(1);
  });
});

describe('the loading banner beside the progress bar', () => {
  const now = base.startedAt + SHOW_PROGRESS_AFTER_MS;
  it('gives way to the bar once the bar is shown: one or the other, never both', () => {
    const bar = loadProgressView(base, now, testLabels('zh'));
    expect(bar).not.toBeNull();
    let checked = 0;
    for (const status of ['idle', 'loading'] as const) {
      expect(showLoadingBanner(status, false, bar)).toBe(false);
      expect(showLoadingBanner(status, false, null)).toBe(true);
      checked++;
    }
    expect(checked).toBe(2);
    // A young load shows no bar yet: the banner says the data is on its way.
    const young = loadProgressView(base, base.startedAt + 10, testLabels('zh'));
    expect(young).toBeNull();
    expect(showLoadingBanner('loading', false, young)).toBe(true);
  });

  it('is not shown once the data is there, failed or missing, nor over a preview from stored answers', () => {
    for (const status of ['ready', 'error', 'missing'] as const)
      expect(showLoadingBanner(status, false, null)).toBe(false);
    expect(showLoadingBanner('loading', true, null)).toBe(false);
  });
});
