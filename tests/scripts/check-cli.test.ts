import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../support/engine';

function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', projectPath('scripts/check.ts'), ...args], {
    cwd: projectPath('.'),
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run check', () => {
  it('finds the real R4 failure of 洪泽区 2023, writes the results CSV and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const out = join(dir, 'results.csv');
    const { code, out: text } = check(projectPath('datasets/real.csv'), '--out', out);
    expect(code).toBe(1);
    expect(text).toContain('js-huaian-hongze-gov) 2023  R4.review [error]  expected 11, printed 0');
    expect(text).toContain('R4.suit_after_review');
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\r\n').filter((l) => l.includes(',fail,'))).toHaveLength(2);
  }, 60_000);

  it('checks every dataset file of a folder and exits 0 when nothing fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const [header, ...rows] = readFileSync(projectPath('datasets/real.csv'), 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'suqian.csv'), [header, ...rows.filter((r) => r.startsWith('js-suqian-gov'))].join('\n'));
    copyFileSync(projectPath('tests/fixtures/data/long.csv'), join(dir, 'other.csv'));
    const { code, out } = check(dir, '--out', join(dir, 'r.csv'));
    expect(out).toMatch(/4 reports of 3 agencies/);
    expect(code).toBe(0);
  }, 60_000);

  it('refuses a bad file with its row and column and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'agency_id,agency_name,year,level,kind,t3_new_total\nx,某局,2023,county,department,-4\n');
    const { code, out } = check(bad);
    expect(code).toBe(2);
    expect(out).toContain('row 2, column t3_new_total');
    expect(out).toContain('[negative]');
  }, 60_000);

  it('loads a long file with a template column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const file = join(dir, 'long.csv');
    writeFileSync(
      file,
      'agency_id,agency_name,year,template,level,kind,cell,value\n' +
        'x,某局,2023,2021,county,department,t3_new_person,3\n' +
        'x,某局,2023,2021,county,department,t3_new_total,3\n',
    );
    const { code, out } = check(file, '--out', join(dir, 'r.csv'));
    expect(out).toContain('1 reports of 1 agencies');
    expect(out).not.toMatch(/Binder Error|\n\s+at /);
    expect(code === 0 || code === 1).toBe(true);
  }, 60_000);

  it("exits 2 with a message in the user's words, never a stack trace, for a file the parser cannot read", () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const bad = join(dir, 'quote.csv');
    writeFileSync(bad, 'agency_id,agency_name,year,level,kind,t3_new_total\nx,"某局,2023,county,department,4\n');
    const { code, out } = check(bad);
    expect(code).toBe(2);
    expect(out).toContain('row 2: ');
    expect(out).toContain('[csv_unterminated_quote]');
    expect(out).not.toMatch(/Invalid Input Error|strict_mode|\n\s+at /);
  }, 60_000);

  it('exits 2 without a stack trace for a path that does not exist', () => {
    const { code, out } = check(join(tmpdir(), 'no-such-dataset-file.csv'));
    expect(code).toBe(2);
    expect(out).toContain('no-such-dataset-file.csv');
    expect(out).not.toMatch(/\n\s+at /);
  }, 60_000);
});
