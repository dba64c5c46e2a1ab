import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '@/ingest';
import { checkParsedReport, ruleTallies, ruleTallyText } from '@/ingest/rules';
import { editLines, filterRows, queueRow, statusCounts, type QueueDoc } from '@/presenters/review';
import { testLabels } from '../support/labels';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'ingest');

async function doc(file: string, state: string, key: number): Promise<QueueDoc> {
  const report = await parseReport({ name: file, bytes: new Uint8Array(readFileSync(join(DIR, file))) });
  return {
    key,
    fileName: file,
    state,
    report,
    form: { agency_name: '', agency_id: '', year: '' },
    edits: [],
    confirmed: false,
  };
}

describe('review queue rows', () => {
  it('counts cells read, flagged cells and failing checks from the report and its checks', async () => {
    const d = await doc('flat-2022.txt', 'ready', 1);
    const checks = checkParsedReport(d.report as never, {});
    const row = queueRow(d, checks, checks ? ruleTallyText(ruleTallies(checks)) : '—', testLabels('zh'));
    const cells = Object.values(d.report?.cells ?? {});
    expect(row.read).toBe(`${cells.filter((v) => v !== null).length}/${cells.length}`);
    expect(row.flagged).toBe(new Set(d.report?.warnings.flatMap((w) => w.cells ?? [])).size);
    expect(row.flagged).toBeGreaterThan(0);
    expect(row.failing).toBe((checks ?? []).filter((c) => c.status === 'fail').length);
    expect(row.agency).toBe(d.report?.agencyName);
    expect(row.year).toBe(String(d.report?.year));
    expect(row.status).toBe('review');
  });

  it('puts documents needing attention first, and counts each status', async () => {
    const clean = await doc('report-2021.html', 'ready', 1);
    const noted = await doc('flat-2022.txt', 'ready', 2);
    const done = await doc('report-2021.html', 'accepted', 3);
    const out = await doc('report-2021.html', 'rejected', 4);
    const labels = testLabels('en');
    const rows = [clean, noted, done, out].map((d) =>
      queueRow(d, checkParsedReport(d.report as never, {}), '', labels),
    );
    expect(filterRows(rows, 'all').map((r) => r.key)).toEqual([2, 1, 3, 4]);
    expect(filterRows(rows, 'review').map((r) => r.key)).toEqual([2, 1]);
    expect(statusCounts(rows)).toEqual({ all: 4, review: 2, accepted: 1, rejected: 1, parsing: 0 });
  });

  it('words the edit log: blank as blank, counts grouped', () => {
    const lines = editLines(
      [{ key: 'k', old: 12345, value: null, at: '2026-12-06T10:00:00.000Z' }],
      testLabels('zh'),
      (k) => `label ${k}`,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ cell: 'label k', old: '12,345', value: '（空）' });
    expect(lines[0]?.at).toMatch(/2026/);
  });
});
