// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HEADER } from '../../scripts/lib/report-model';
import {
  compare,
  evaluate,
  field,
  IDENTITY,
  reportKey,
  structuralBlank,
  type Row,
} from '../../scripts/lib/report-rules';
import { generateScale, MAX_PROVINCES, shapeFor, type ScaleChunk } from '../../scripts/lib/scale-model';

function collect(reports: number, seed: number): { records: string[][]; findings: string[][] } {
  const chunks: ScaleChunk[] = [...generateScale(reports, seed)];
  return { records: chunks.flatMap((c) => c.records), findings: chunks.flatMap((c) => c.findings) };
}

const digest = (records: string[][]): string =>
  createHash('sha256')
    .update(records.map((r) => r.join('\u001f')).join('\n'))
    .digest('hex');

describe('generated datasets (scripts/generate-scale.ts)', () => {
  const sample = collect(4000, 11);
  const rows: Row[] = sample.records.map((r) => new Map(HEADER.map((key, i) => [key, r[i] ?? ''])));

  it('gives exactly the reports asked for, each agency and year once, in the contract columns', () => {
    expect(sample.records).toHaveLength(4000);
    expect(sample.records.every((r) => r.length === HEADER.length)).toBe(true);
    expect(new Set(rows.map(reportKey)).size).toBe(4000);
    for (const n of [1, 7, 999]) expect(collect(n, 2).records).toHaveLength(n);
  });

  it('fails rules R1–R6 and S exactly where its list of violations says, and nowhere else', () => {
    const listed = sample.findings.filter((f) => f[2] !== 'null');
    expect(listed.length).toBeGreaterThan(20); // about as many per report as the demo
    const problems: string[] = [];
    const outcome = evaluate(rows);
    compare(outcome.failures, new Set(listed.map((f) => f.slice(0, 4).join('|'))), problems);
    expect(problems).toEqual([]);
    expect(outcome.failures.size).toBeGreaterThan(0);
  });

  it('leaves blank only what the template leaves blank and what it lists as blank', () => {
    const blanks = new Set(sample.findings.filter((f) => f[2] === 'null').map((f) => `${f[0]}|${f[1]}|${f[3]}`));
    expect(blanks.size).toBeGreaterThan(0);
    let cells = 0;
    const wrong: string[] = [];
    for (const row of rows) {
      for (const [cell, text] of row) {
        if (IDENTITY.has(cell)) continue;
        cells++;
        const expected = structuralBlank(cell, field(row, 'template')) || blanks.has(`${reportKey(row)}|${cell}`);
        if ((text === '') !== expected) wrong.push(`${reportKey(row)} ${cell}`);
      }
    }
    expect(cells).toBeGreaterThan(4000 * 200);
    expect(wrong).toEqual([]);
  });

  it('marks its rows as generated, with fictional regions coded above the real ones', () => {
    for (const row of rows) {
      expect(field(row, 'agency_id')).toMatch(/^gen-p\d\d/);
      expect(field(row, 'region_code')).toMatch(/^(9[0-9]|[6-8][0-9])\d{4}$/);
      expect(Number(field(row, 'region_code').slice(0, 2))).toBeGreaterThanOrEqual(99 - MAX_PROVINCES + 1);
      expect(field(row, 'template')).toBe(Number(field(row, 'year')) < 2021 ? '2019' : '2021');
      expect(field(row, 'source_url')).toBe('');
    }
    const levels = new Set(rows.map((r) => field(r, 'level')));
    expect([...levels].sort()).toEqual(['city', 'county', 'province']);
  });

  it('gives the same rows for the same seed, and other rows for another seed', () => {
    expect(digest(collect(4000, 11).records)).toBe(digest(sample.records));
    expect(digest(collect(4000, 12).records)).not.toBe(digest(sample.records));
  });

  it('lays out 10^4, 10^5 and 10^6 reports within the codes it may use', () => {
    for (const n of [10_000, 100_000, 1_000_000]) {
      const shape = shapeFor(n);
      expect(shape.provinces).toBeLessThanOrEqual(MAX_PROVINCES);
      expect(shape.citiesPerProvince).toBeLessThanOrEqual(99);
      expect(shape.countiesPerCity).toBeLessThanOrEqual(99);
      // Room for n reports: agencies of a layout × 7 years, with 5% to spare for gaps.
      const agencies = shape.provinces * (26 + shape.citiesPerProvince * (27 + shape.countiesPerCity * 18.8));
      expect(agencies * 7 * 0.95).toBeGreaterThan(n);
    }
  });
});
