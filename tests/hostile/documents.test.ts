/**
 * Every report document of the hostile-input corpus through `parseReport`, the reader the import
 * page uses: read to exactly the cells of the clean report it was made from, or refused with an
 * error-level warning in the user's words — never the reader's error, and within the test timeout
 * however its size or nesting was meant to slow it down.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseReport, type ParsedReport } from '@/ingest';
import { committedPath, DOCUMENT_CASES, type DocumentCase } from '../../scripts/lib/hostile-corpus';
import { projectPath } from '../support/engine';
import { RAW_ENGINE_TEXT } from './support';

const bytesOf = (c: DocumentCase) =>
  c.committed ? new Uint8Array(readFileSync(projectPath(committedPath(c)))) : c.make();
const parse = (c: DocumentCase) => parseReport({ name: c.file, bytes: bytesOf(c) });

const clean = new Map<string, ParsedReport>();
beforeAll(async () => {
  for (const c of DOCUMENT_CASES.filter((d) => d.expect.outcome === 'read' && !d.expect.sameAs)) {
    clean.set(c.id, await parse(c));
  }
});

const read = DOCUMENT_CASES.filter((c) => c.expect.outcome === 'read');
const refused = DOCUMENT_CASES.filter((c) => c.expect.outcome === 'refused');

describe('the hostile document corpus', () => {
  it('holds HTML, text, PDF and DOCX cases, read and refused', () => {
    expect(DOCUMENT_CASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(DOCUMENT_CASES.map((c) => c.file.split('.').pop())).size).toBeGreaterThanOrEqual(4);
    expect(read.length).toBeGreaterThan(3);
    expect(refused.length).toBeGreaterThan(8);
    // Each read case with a clean original has that original in the corpus.
    for (const c of read)
      if (c.expect.outcome === 'read' && c.expect.sameAs) expect(clean.has(c.expect.sameAs)).toBe(true);
  });

  it.each(read.map((c) => [c.id, c] as const))('reads %s', async (_, c) => {
    if (c.expect.outcome !== 'read') throw new Error('unreachable');
    const report = c.expect.sameAs ? await parse(c) : (clean.get(c.id) as ParsedReport);
    expect(report.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    const codes = report.warnings.map((w) => w.code);
    for (const code of c.expect.warnings ?? []) expect(codes).toContain(code);
    const cells = Object.values(report.cells).filter((v) => v !== null);
    if (c.expect.empty) expect(cells).toEqual([]);
    else expect(cells.length).toBeGreaterThan(20);
    if (c.expect.sameAs) {
      const original = clean.get(c.expect.sameAs) as ParsedReport;
      expect(original).toBeDefined();
      expect(report.cells).toEqual(original.cells);
      expect(report.year).toBe(original.year);
    }
    // Whatever the document held, nothing of its markup becomes a cell or a warning's words.
    for (const w of report.warnings) {
      expect(`${w.message.zh} ${w.message.en}`).not.toMatch(/<script|onerror|javascript:/i);
    }
  });

  it.each(refused.map((c) => [c.id, c] as const))('refuses %s in the user’s words', async (_, c) => {
    const expected = c.expect;
    if (expected.outcome !== 'refused') throw new Error('unreachable');
    const report = await parse(c);
    const errors = report.warnings.filter((w) => w.severity === 'error');
    expect(errors.map((w) => w.code)).toContain(expected.code);
    expect(Object.values(report.cells).filter((v) => v !== null)).toEqual([]);
    const error = errors.find((w) => w.code === expected.code);
    expect(error?.message.zh).toContain(expected.fix);
    for (const w of report.warnings) {
      expect(w.message.zh).not.toMatch(RAW_ENGINE_TEXT);
      expect(w.message.en).not.toMatch(RAW_ENGINE_TEXT);
    }
  });
});
