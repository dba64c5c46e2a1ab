/**
 * Every dataset file of the hostile-input corpus through the loader the browser uses, on the real
 * DuckDB-WASM engine: accepted with exactly the rows the corpus lists, or refused with the issue it
 * lists, in words naming the file, row, column and fix — and the data loaded before left as it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { QueryRunner } from '@/data/query-runner';
import { loadDataset } from '@/data/load/load-dataset';
import { DatasetLoadError, type LoadIssue } from '@/data/load/issues';
import { i18n } from '@/i18n';
import { committedPath, DATASET_CASES, type DatasetCase } from '../../scripts/lib/hostile-corpus';
import { fixtureFile, freshRunner, projectPath } from '../support/engine';
import { RAW_ENGINE_TEXT, snapshotOf } from './support';

let runner: QueryRunner;
const BASELINE = fixtureFile('data/wide.csv');
let baseline: string;

beforeAll(async () => {
  runner = await freshRunner();
  await loadDataset(runner, BASELINE);
  baseline = await snapshotOf(runner);
});

/** The bytes of a case: the committed file when there is one (so the files on disk are what is tested). */
function bytesOf(c: DatasetCase): Uint8Array {
  return c.committed ? new Uint8Array(readFileSync(projectPath(committedPath(c)))) : c.make();
}

/** The issue's message as the Data view shows it, in one language: file, row, column, then the words. */
function shown(issue: LoadIssue, locale: 'zh' | 'en'): string {
  i18n.global.locale.value = locale;
  const t = i18n.global.t;
  const params = { column: issue.column ?? '', value: issue.value ?? '', detail: issue.detail ?? '' };
  const line = [
    issue.file,
    issue.row !== undefined ? t('data.row', { row: issue.row }) : '',
    issue.column ? t('data.column', { column: issue.column }) : '',
    t(`issue.${issue.code}`, params),
  ].join(' ');
  i18n.global.locale.value = 'zh';
  return line;
}

/** The message without what the file itself said (a value "NaN" or a column "Error:" is the user's own). */
const ownWords = (text: string, issue: LoadIssue) =>
  [issue.value, issue.column, issue.file].reduce<string>((t, v) => (v ? t.replaceAll(v, '«»') : t), text);

const refused = DATASET_CASES.filter((c) => c.expect.outcome === 'refused');
const accepted = DATASET_CASES.filter((c) => c.expect.outcome === 'accepted');

describe('the hostile dataset corpus', () => {
  it('covers encodings, separators, numbers, years, identity text, sizes, Parquet, XLSX and long files', () => {
    expect(DATASET_CASES.length).toBeGreaterThanOrEqual(45);
    expect(refused.length).toBeGreaterThan(20);
    expect(accepted.length).toBeGreaterThan(10);
    expect(new Set(DATASET_CASES.map((c) => c.id)).size).toBe(DATASET_CASES.length);
  });

  it.each(refused.map((c) => [c.id, c] as const))(
    'refuses %s in the user’s words and keeps the loaded data',
    async (_, c) => {
      if (c.expect.outcome !== 'refused') throw new Error('unreachable');
      let error: unknown = null;
      try {
        await loadDataset(runner, { name: c.file, bytes: bytesOf(c) });
      } catch (e) {
        error = e;
      }
      expect(error, c.about).toBeInstanceOf(DatasetLoadError);
      const issues = (error as DatasetLoadError).issues;
      expect(issues.length).toBeGreaterThan(0);
      const first = issues[0] as LoadIssue;
      expect({ code: first.code, row: first.row, column: first.column }).toEqual({
        code: c.expect.issue.code,
        row: c.expect.issue.row,
        column: c.expect.issue.column,
      });
      for (const issue of issues) {
        expect(issue.file).toBe(c.file);
        for (const locale of ['zh', 'en'] as const) {
          const text = shown(issue, locale);
          expect(text).toContain(c.file);
          expect(ownWords(text, issue), text).not.toMatch(RAW_ENGINE_TEXT);
          expect(text).not.toMatch(/\{\w+\}/);
        }
      }
      expect(shown(first, 'zh')).toContain(c.expect.fix);
      expect(await snapshotOf(runner)).toBe(baseline);
    },
  );

  it.each(accepted.map((c) => [c.id, c] as const))('accepts %s with exactly the rows listed', async (_, c) => {
    if (c.expect.outcome !== 'accepted') throw new Error('unreachable');
    expect(c.expect.normalisations.length).toBeGreaterThan(0);
    await loadDataset(runner, { name: c.file, bytes: bytesOf(c) });
    const columns = Object.keys(c.expect.rows[0] ?? {});
    expect(columns.length).toBeGreaterThan(0);
    const rows = await runner.query({
      // Column names from the corpus's own table, checked against the loaded table's columns below.
      text: `SELECT ${columns.map((k) => `"${k.replace(/"/g, '')}"`).join(', ')} FROM reports ORDER BY agency_id, year`,
      params: [],
    });
    expect(rows.map((r) => Object.fromEntries(columns.map((k) => [k, r[k] ?? null])))).toEqual(c.expect.rows);
    // The next case starts from the baseline again.
    await loadDataset(runner, BASELINE);
    expect(await snapshotOf(runner)).toBe(baseline);
  });
});
