/**
 * The command-line tools give the corpus's outcomes too: `check` loads dataset files with the
 * browser's loader, `ingest` reads report documents with the browser's parser. Both exit 0 when
 * all is well and 2 on refused input, and never print a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_CASES, DOCUMENT_CASES } from '../../scripts/lib/hostile-corpus';
import { projectPath } from '../support/engine';

const STACK = /^\s+at |Error: .*\n\s+at |node:internal|\.ts:\d+:\d+/m;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: 'check' | 'ingest', ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', projectPath(`scripts/${script}.ts`), ...args], {
    cwd: projectPath('.'),
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Writes a case's file into the temporary folder and returns its path. */
function written(c: { file: string; make: () => Uint8Array }, sub = ''): string {
  const path = join(dir, sub, c.file);
  writeFileSync(path, c.make());
  return path;
}
const dataset = (id: string) => DATASET_CASES.find((c) => c.id === id) as (typeof DATASET_CASES)[number];

describe('npm run check on the corpus', () => {
  it.each(['xss-names', 'year-fraction', 'xlsx-bomb'])(
    'gives %s the outcome the app gives',
    (id) => {
      const c = dataset(id);
      const { code, out } = run('check', written(c), '--out', join(dir, `${id}.csv`));
      expect(out).not.toMatch(STACK);
      if (c.expect.outcome === 'accepted') {
        expect(code).toBe(0);
        expect(out).toContain(`${c.expect.rows.length} reports`);
      } else {
        expect(code).toBe(2);
        expect(out).toContain(`[${c.expect.issue.code}]`);
        if (c.expect.issue.row) expect(out).toContain(`row ${c.expect.issue.row}`);
        expect(out).toContain(c.expect.fix);
      }
    },
    60_000,
  );
});

describe('npm run ingest on the corpus', () => {
  it('reads and refuses each committed document as the import page does, and exits 2', () => {
    const cases = DOCUMENT_CASES.filter((c) => c.committed);
    const paths = cases.map((c) => written(c));
    const { code, out } = run('ingest', ...paths, '--out', join(dir, 'docs.csv'));
    expect(out).not.toMatch(STACK);
    expect(code).toBe(2);
    expect(cases.length).toBeGreaterThan(8);
    for (const c of cases) {
      const line = out.split('\n').find((l) => l.startsWith(`${c.file} `)) ?? '';
      expect(line, c.file).not.toBe('');
      if (c.expect.outcome === 'refused') expect(line).toContain('UNREADABLE');
      else expect(line).toMatch(/ ok$/);
    }
  }, 60_000);

  it('exits 0 for a readable document and 2 for a DOCX zip bomb, in words', () => {
    const good = DOCUMENT_CASES.find((c) => c.id === 'html-script');
    const bomb = DOCUMENT_CASES.find((c) => c.id === 'docx-bomb-lying');
    if (!good || !bomb) throw new Error('corpus cases missing');
    const ok = run('ingest', written(good), '--out', join(dir, 'good.csv'));
    expect(ok.code).toBe(0);
    const refused = run('ingest', written(bomb), '--out', join(dir, 'bomb.csv'));
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('over the 256 MB that can be read');
    for (const r of [ok, refused]) expect(r.out).not.toMatch(STACK);
  }, 60_000);

  it('exits 2 without a stack trace for a path that does not exist', () => {
    const { code, out } = run('ingest', join(dir, 'no-such-report.html'), '--out', join(dir, 'x.csv'));
    expect(code).toBe(2);
    expect(out).toContain('cannot read');
    expect(out).not.toMatch(STACK);
  });
});
