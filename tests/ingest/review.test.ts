import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, readSource, type ParsedReport } from '@/ingest';
import { sourcePassage } from '@/ingest/passage';
import { attentionCells, parseEditValue, recordEdit, withEdits } from '@/ingest/review';
import { checkParsedReport } from '@/ingest/rules';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const bytes = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

describe('the passage a figure was read from', () => {
  for (const file of ['report-2021.html', 'report-2021.docx', 'report-2021.pdf', 'flat-2022.txt', 'v2019-2020.txt']) {
    it(`finds every read cell of ${file} in its source, with the printed text at the marked place`, async () => {
      const report = await parseReport({ name: file, bytes: bytes(file) });
      const doc = await readSource({ name: file, bytes: bytes(file) });
      const keys = Object.keys(report.provenance);
      expect(keys.length).toBeGreaterThan(100);
      let found = 0;
      for (const key of keys) {
        const prov = report.provenance[key];
        if (!prov) continue;
        const p = sourcePassage(doc, prov);
        expect(p, `${file} ${key}`).not.toBeNull();
        const line = p?.lines.find((l) => l.hit !== null);
        expect(line?.cells[line.hit ?? -1]).toBe(prov.text.trim());
        // Context lines around it, never more than 3 each side.
        expect(p?.lines.length).toBeLessThanOrEqual(7);
        found++;
      }
      expect(found).toBe(keys.length);
    });
  }

  it('keeps the passage inside the table the cell is in', async () => {
    const file = 'report-2021.html';
    const report = await parseReport({ name: file, bytes: bytes(file) });
    const doc = await readSource({ name: file, bytes: bytes(file) });
    const prov = report.provenance['t3_new_person'];
    expect(prov?.table).toBeDefined();
    const p = sourcePassage(doc, prov!);
    const shown = (cells: readonly { text: string }[]) => cells.map((c) => c.text.trim()).join('|');
    const ofTable = new Set(doc.lines.filter((l) => l.table === prov?.table).map((l) => shown(l.cells)));
    expect(p?.lines.length).toBeGreaterThan(1);
    for (const line of p?.lines ?? []) expect(ofTable.has(line.cells.join('|'))).toBe(true);
    expect(p?.where.table).toBe(prov?.table);
  });

  it('says null when the document no longer holds the cell', async () => {
    const file = 'flat-2022.txt';
    const doc = await readSource({ name: file, bytes: bytes(file) });
    expect(sourcePassage(doc, { format: 'text', text: '1', line: 99999, start: 0, end: 1 })).toBeNull();
  });
});

describe('hand edits', () => {
  let report: ParsedReport;
  const load = async () =>
    (report ??= await parseReport({ name: 'report-2021.html', bytes: bytes('report-2021.html') }));

  it('reads typed values as counts or blank, and refuses anything else', () => {
    expect(parseEditValue(' 1,234 ')).toBe(1234);
    expect(parseEditValue('１２')).toBe(12);
    expect(parseEditValue('')).toBeNull();
    for (const bad of ['-1', '1.5', '1e3', 'abc', '=1+1', 'NaN', '99999999999999'])
      expect(parseEditValue(bad)).toBeUndefined();
  });

  it('records old and new value with the time, applies them in order, and skips no-op edits', async () => {
    const r = await load();
    const key = 't3_new_person';
    const read = r.cells[key];
    expect(typeof read).toBe('number');
    const at = new Date('2026-12-06T10:00:00Z');
    let edits = recordEdit(r, [], key, (read as number) + 5, at);
    edits = recordEdit(r, edits, key, (read as number) + 5, at);
    expect(edits).toHaveLength(1);
    edits = recordEdit(r, edits, key, null, at);
    expect(edits).toEqual([
      { key, old: read, value: (read as number) + 5, at: at.toISOString() },
      { key, old: (read as number) + 5, value: null, at: at.toISOString() },
    ]);
    expect(withEdits(r, edits).cells[key]).toBeNull();
    // The report as read is untouched.
    expect(r.cells[key]).toBe(read);
    expect(recordEdit(r, [], 'not_a_cell', 1)).toEqual([]);
  });

  it('lists a failing check’s cells for attention once it fails, and not before', async () => {
    const r = await load();
    const row = { agency_id: 'x', year: 2021, template: '2021' };
    const before = attentionCells(r, checkParsedReport(r, row));
    expect(before.filter((c) => c.reasons.includes('failing'))).toEqual([]);
    const broken = withEdits(r, recordEdit(r, [], 't3_new_person', (r.cells.t3_new_person as number) + 7));
    const after = attentionCells(broken, checkParsedReport(broken, row));
    const failing = after.filter((c) => c.reasons.includes('failing')).map((c) => c.key);
    expect(failing).toContain('t3_new_person');
  });
});
