// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { byteRange } from '../../scripts/lib/serve-generated';
import { parseManifest } from '@/data/load/attach-database';
import { DatasetLoadError } from '@/data/load/issues';

describe('serving generated databases with ranges', () => {
  it('answers the ranges DuckDB-WASM asks for, and refuses impossible ones', () => {
    expect(byteRange(undefined, 100)).toBeNull();
    expect(byteRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(byteRange('bytes=0-0', 100)).toEqual({ start: 0, end: 0 });
    expect(byteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(byteRange('bytes=90-200', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    for (const bad of ['bytes=100-', 'bytes=20-10', 'bytes=-', 'items=0-1', 'bytes=0-1,5-6'])
      expect(byteRange(bad, 100)).toBe('invalid');
  });
});

describe('database manifests as the app reads them', () => {
  const good = {
    format: 'duckdb',
    name: 'generated-10-s1',
    file: 'generated-10-s1.duckdb',
    bytes: 1,
    contentHash: `sha256:${'ab'.repeat(32)}`,
    generated: true,
    rows: 10,
    agencies: 2,
    years: [2024, 2025],
    columns: [{ name: 'agency_id' }],
  };
  const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

  it('accepts a manifest the generator writes, with or without its answer book', () => {
    expect(parseManifest('m.json', bytes(good)).file).toBe('generated-10-s1.duckdb');
    expect(parseManifest('m.json', bytes({ ...good, answers: 'generated-10-s1.answers.json' })).answers).toBe(
      'generated-10-s1.answers.json',
    );
  });

  it('refuses what is not one, and a file name that would leave its folder', () => {
    const refused = [
      'not json',
      { ...good, format: 'parquet' },
      { ...good, file: '../secret.duckdb' },
      { ...good, contentHash: 'sha256:xyz' },
      { ...good, rows: 'ten' },
      { ...good, answers: '../other.answers.json' },
      { ...good, answers: 42 },
    ];
    for (const m of refused) {
      expect(() => parseManifest('m.json', typeof m === 'string' ? new TextEncoder().encode(m) : bytes(m))).toThrow(
        DatasetLoadError,
      );
    }
  });
});
