import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import { loadDataset } from '@/data/load/load-dataset';
import { sql } from '@/data/sql';
import { fixturePath, freshRunner, projectPath } from '../support/engine';

const FILES = ['report-2021.html', 'v2019-2020.txt', 'flat-2022.txt', 'report-2021.pdf'].map((f) =>
  fixturePath(`ingest/${f}`),
);
let dir: string;
let runner: QueryRunner;

function ingest(...args: string[]): { stdout: string; status: number } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', projectPath('scripts/ingest.ts'), ...args], {
      cwd: projectPath('.'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout, status: 0 };
  } catch (e) {
    const err = e as { stdout: string; status: number };
    return { stdout: err.stdout, status: err.status };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
  runner = await freshRunner();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run ingest', () => {
  it('writes a CSV that the app loader accepts, and prints rule results per file', async () => {
    const out = join(dir, 'reports.csv');
    // The PDF repeats the HTML report: three distinct reports are loaded.
    const run = ingest(...FILES.slice(0, 3), '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/report-2021\.html .*R1 ✓ R2 ✓ R3 ✓ R4 ✓ S1 ✓ S2 ✓/);
    expect(run.stdout).toMatch(/flat-2022\.txt .*R3 \?/);
    const summary = await loadDataset(runner, { name: 'reports.csv', bytes: new Uint8Array(readFileSync(out)) });
    expect(summary.reports).toBe(3);
    const rows = await runner.query(
      sql`SELECT agency_name, year, template, level, kind, t3_new_total, t2v19_licensing_change FROM reports ORDER BY year`,
    );
    expect(rows.map((r) => [r.agency_name, Number(r.year), r.template, r.level, r.kind])).toEqual([
      ['示例镇人民政府', 2020, '2019', 'township', 'government'],
      ['示例市统计局', 2022, '2021', 'city', 'department'],
      ['示例县市场监督管理局', 2023, '2021', 'county', 'department'],
    ]);
    expect(Number(rows[2]?.t3_new_total)).toBe(50);
    // The 2019 fixture prints 本年增/减 "+19" for licensing (see the fixture and fixtures.test.ts).
    expect(Number(rows[0]?.t2v19_licensing_change)).toBe(19);
  });

  it('writes Parquet that the loader accepts, and says when the same report is given twice', async () => {
    const out = join(dir, 'reports.parquet');
    const run = ingest(FILES[0] as string, FILES[3] as string, '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 row(s) share agency_id and year');
    const pq = join(dir, 'one.parquet');
    expect(ingest(FILES[3] as string, '--out', pq).status).toBe(0);
    const summary = await loadDataset(runner, { name: 'one.parquet', bytes: new Uint8Array(readFileSync(pq)) });
    expect(summary).toMatchObject({ reports: 1, format: 'parquet' });
    const [row] = await runner.query(sql`SELECT t3_new_total, t4_review_total FROM reports`);
    expect([Number(row?.t3_new_total), Number(row?.t4_review_total)]).toEqual([50, 4]);
  });

  it('exits 2 (refused input, as check does) and names the file when a report cannot be read', () => {
    const run = ingest(fixturePath('ingest/scanned.pdf'), '--out', join(dir, 'none.csv'));
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/scanned\.pdf .*UNREADABLE: scanned PDF, no text layer/);
  });

  it('reads 645 KB of unclosed tags and a 2 MB table of huge spans without stalling or running out of memory', () => {
    // Before the HTML reader was linear and capped, the first took ~51 s and the second ran out of memory.
    const unclosed = join(dir, 'unclosed.html');
    writeFileSync(unclosed, '<div class="x" '.repeat(43_000));
    const spans = join(dir, 'spans.html');
    const row = '<tr>' + '<td rowspan="200" colspan="200">1</td>'.repeat(50) + '</tr>';
    writeFileSync(spans, '<table>' + row.repeat(1_100) + '</table>');
    const out = join(dir, 'hostile.csv');
    const { status } = ingest(unclosed, spans, '--out', out);
    // Neither holds a report, so both are unreadable (exit 2), each with its reason: the tags hold no
    // table; the spans pass the grid limit with nothing readable left, and the limit is named.
    expect(status).toBe(2);
    const warnings = readFileSync(out.replace(/\.csv$/, '.warnings.csv'), 'utf8');
    const lines = warnings.split(/\r?\n/);
    expect(lines.filter((l) => l.includes('unclosed.html') && l.includes('no_tables'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('spans.html') && l.includes('grid_too_large'))).toHaveLength(1);
  }, 30_000);
});
