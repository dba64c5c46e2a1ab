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
});
