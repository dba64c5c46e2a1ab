import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '@/ingest';
import { csvRecords } from '@/ingest/csv';
import { evaluateReport } from '@/ingest/evaluate';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'ingest');

async function parse(name: string): Promise<ParsedReport> {
  return parseReport({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });
}

function truth(base: string): Record<string, string> {
  return csvRecords(readFileSync(join(DIR, `${base}.truth.csv`), 'utf8'))[0] ?? {};
}

const codes = (r: ParsedReport) => r.warnings.map((w) => w.code).sort();

// file → truth base name, expected warning codes (sorted), cells read exactly
const CASES: [string, string, string[], number][] = [
  ['report-2021.html', 'report-2021', [], 155],
  ['report-2021.docx', 'report-2021', [], 155],
  ['report-2021.pdf', 'report-2021', ['t2_rows_missing'], 155],
  ['report-2021.layout.txt', 'report-2021.layout', ['t2_rows_missing'], 155],
  ['flat-2022.txt', 'flat-2022', ['t3_missing_columns', 't4_count_mismatch'], 132],
  ['trad-2022.txt', 'trad-2022', ['extra_row_ignored'], 200],
  ['v2019-2020.txt', 'v2019-2020', ['unit_recorded'], 198],
  ['single-other-2021.html', 'single-other-2021', ['t3_single_other_row'], 185],
];

describe('ingest fixtures', () => {
  for (const [file, base, expected, correct] of CASES) {
    it(`reads ${file} exactly, with no invented or silently dropped cell`, async () => {
      const r = await parse(file);
      const e = evaluateReport(r, truth(base));
      expect(e.wrongCells).toEqual([]);
      expect(e.missingCells).toEqual([]);
      expect(e.correct).toBe(correct);
      expect(e.identity).toEqual({ agency: true, year: true, template: true });
      expect(codes(r)).toEqual(expected);
    });
  }

  it('flags, never guesses, the rows of raw PDF text whose blank cells vanished', async () => {
    const r = await parse('report-2021.raw.txt');
    const e = evaluateReport(r, truth('report-2021.raw'));
    expect(e.wrong).toBe(0);
    expect(e.missing).toBe(0);
    expect(e.flagged).toBe(105);
    // Rows printed in full (no blank cells) are still read, across the page break.
    expect(r.cells.t3_new_total).toBe(50);
    expect(r.cells.t3_carried_out_person).toBe(2);
    // The vertically stacked section 四 header does not disturb its 15 numbers.
    expect(r.cells.t4_review_total).toBe(4);
    expect(r.cells.t4_suit_direct_total).toBe(2);
    expect(codes(r).filter((c) => c === 't3_row_unplaced')).toHaveLength(21);
  });

  it('places layout-text values by column position across a page break with a repeated header', async () => {
    const r = await parse('report-2021.layout.txt');
    expect(r.cells.t3_denied_enforcement_person).toBe(0);
    expect(r.cells.t3_unable_not_held_legal).toBe(1);
    expect(r.cells.t3_unable_not_held_research).toBeNull();
    expect(r.provenance.t3_unable_not_held_total).toMatchObject({ format: 'text', text: '12' });
  });

  it('records provenance: grid position for HTML, page and coordinates for PDF', async () => {
    const html = await parse('report-2021.html');
    expect(html.provenance.t3_new_total).toMatchObject({ format: 'html', table: 2, row: 4, col: 10, text: '50' });
    const pdf = await parse('report-2021.pdf');
    const p = pdf.provenance.t3_new_total;
    expect(p?.format).toBe('pdf');
    expect(p?.page).toBe(1);
    expect(typeof p?.x).toBe('number');
    expect(typeof p?.y).toBe('number');
  });

  it('reads 2019 本年增/减 values with their sign and the procurement amount with its unit', async () => {
    const r = await parse('v2019-2020.txt');
    expect(r.cells.t2v19_licensing_change).toBe(19);
    expect(r.cells.t2v19_services_change).toBe(-4);
    expect(r.cells.t2v19_penalty_change).toBe(-3);
    expect(r.cells.t2v19_procurement_amount).toBe(251000);
    expect(r.provenance.t2v19_procurement_amount?.unit).toBe('元');
    expect(r.cells.t3_other_single_total).toBe(1);
  });

  it('says a scanned PDF has no text layer', async () => {
    const r = await parse('scanned.pdf');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'pdf_no_text_layer', severity: 'error' });
    expect(r.warnings[0]?.message.en).toContain('scanned PDF, no text layer');
    expect(Object.keys(r.cells)).toHaveLength(0);
  });

  it('rejects an old binary .doc with a clear message', async () => {
    const r = await parseReport({ name: 'x.doc', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) });
    expect(r.warnings[0]).toMatchObject({ code: 'unsupported_format', severity: 'error' });
  });

  it('has every fixture it tests', () => {
    for (const [file] of CASES) expect(existsSync(join(DIR, file))).toBe(true);
  });
});
