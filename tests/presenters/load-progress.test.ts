import { describe, expect, it } from 'vitest';
import { loadProgressView, progressFraction, SHOW_PROGRESS_AFTER_MS } from '@/presenters/load-progress';
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
