import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { QueryRunner } from '@/data/query-runner';
import type { SqlValue } from '@/data/sql';
import { loadDataset } from '@/data/load/load-dataset';
import { contentHash, isAnswerBook, queryKey, rowsJson, type AnswerQueries } from '@/data/answers';
import { BUNDLED_ANSWERS, BUNDLED_DATASETS } from '@/workspace/bundled';
import { freshRunner, projectPath } from '../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
});

const bytes = (file: string) => new Uint8Array(readFileSync(projectPath(`datasets/${file}`)));
const json = (file: string): unknown => JSON.parse(readFileSync(projectPath(`datasets/${file}`), 'utf8'));

describe('queryKey', () => {
  it('is the same for the same statement and values, and differs when either differs', () => {
    const q = { text: 'SELECT ? AS v', params: [1] as SqlValue[] };
    expect(queryKey(q)).toBe(queryKey({ text: 'SELECT ? AS v', params: [1] }));
    expect(queryKey(q)).not.toBe(queryKey({ text: 'SELECT ? AS v', params: ['1'] }));
    expect(queryKey(q)).not.toBe(queryKey({ text: 'SELECT ? AS w', params: [1] }));
  });
});

it('every bundled dataset has a book', () => {
  expect(Object.keys(BUNDLED_ANSWERS).sort()).toEqual(BUNDLED_DATASETS.map((d) => d.id).sort());
});

describe.each(BUNDLED_DATASETS.map((d) => d.id))('the build-time answers of %s', (id) => {
  const book = json(`${id}.answers.json`);
  const queries = json(`${id}.answers.queries.json`) as AnswerQueries;

  it('were computed from the Parquet file shipped beside them (else: npm run build:datasets)', async () => {
    expect(isAnswerBook(book)).toBe(true);
    if (!isAnswerBook(book)) return;
    expect(book.dataset).toBe(id);
    expect(book.contentHash).toBe(await contentHash(bytes(`${id}.parquet`)));
  });

  it('name each statement by its key', () => {
    if (!isAnswerBook(book)) throw new Error('not a book');
    expect(Object.keys(queries).sort()).toEqual(Object.keys(book.answers).sort());
    expect(Object.keys(queries).length).toBeGreaterThan(10);
    for (const [key, q] of Object.entries(queries)) {
      expect(queryKey({ text: q.sql, params: q.params as SqlValue[] })).toBe(key);
    }
  });

  it('equal what the live engine answers, for every stored key', async () => {
    if (!isAnswerBook(book)) throw new Error('not a book');
    await loadDataset(runner, { name: `${id}.parquet`, bytes: bytes(`${id}.parquet`) });
    let asked = 0;
    for (const [key, q] of Object.entries(queries)) {
      const live = await runner.query({ text: q.sql, params: q.params as SqlValue[] });
      expect(rowsJson(live), key).toBe(rowsJson(book.answers[key] ?? []));
      asked += 1;
    }
    expect(asked).toBe(Object.keys(book.answers).length);
  });
});
