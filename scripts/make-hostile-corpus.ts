/**
 * Writes the small cases of the hostile-input corpus (scripts/lib/hostile-corpus.ts) to
 * tests/fixtures/hostile/, with a manifest.csv of every case — committed or made at test time —
 * and its expected outcome. Large cases (zip bombs, files over the limits, megabytes of HTML) are
 * made by the tests themselves from the same functions and never written here.
 *
 *   npm run hostile:corpus            write the files
 *   npm run hostile:corpus -- --check exit 1 when the committed files differ from what the corpus makes
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCsv } from '@/ingest/csv';
import { committedPath, HOSTILE_CASES, HOSTILE_DIR, type HostileCase } from './lib/hostile-corpus';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

/** Long values (a 20,000-character name, a 60,000-character link) shortened for the table. */
const short = (s: string) =>
  s.length > 120 ? `${s.slice(0, 100)}… (${s.length.toLocaleString('en-US')} characters)` : s;

function outcome(c: HostileCase): string {
  if (c.kind === 'url')
    return `opens ${c.view}; reads as ${new URLSearchParams(c.canonical).toString() || '(defaults)'}`;
  if (c.kind === 'document') {
    const e = c.expect;
    return e.outcome === 'refused' ? `refused: ${e.code}` : `read: ${e.normalisations.join('; ')}`;
  }
  const e = c.expect;
  if (e.outcome === 'refused') {
    const where = [e.issue.row ? `row ${e.issue.row}` : '', e.issue.column ? `column ${e.issue.column}` : '']
      .filter(Boolean)
      .join(', ');
    return `refused: ${e.issue.code}${where ? ` (${where})` : ''}`;
  }
  return `accepted: ${e.normalisations.join('; ')}`;
}

const manifest = formatCsv(
  ['id', 'kind', 'file', 'committed', 'about', 'expected'],
  HOSTILE_CASES.map((c) => [
    c.id,
    c.kind,
    c.kind === 'url' ? `#${c.path}` : c.file,
    c.kind === 'url' ? 'n/a' : c.committed ? 'yes' : 'made at test time',
    c.about,
    short(outcome(c)),
  ]),
);

const files = new Map<string, Uint8Array>([[`${HOSTILE_DIR}/manifest.csv`, new TextEncoder().encode(manifest)]]);
for (const c of HOSTILE_CASES) if (c.kind !== 'url' && c.committed) files.set(committedPath(c), c.make());

let stale = 0;
if (check) {
  for (const [rel, bytes] of files) {
    const path = join(root, rel);
    if (!existsSync(path) || !Buffer.from(readFileSync(path)).equals(Buffer.from(bytes))) {
      console.error(`stale: ${rel}`);
      stale++;
    }
  }
} else {
  rmSync(join(root, HOSTILE_DIR), { recursive: true, force: true });
  for (const [rel, bytes] of files) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), bytes);
  }
}
const counts = ['dataset', 'document', 'url'].map((k) => HOSTILE_CASES.filter((c) => c.kind === k).length);
console.log(
  `${HOSTILE_CASES.length} cases (${counts[0]} datasets, ${counts[1]} documents, ${counts[2]} links); ` +
    `${files.size - 1} files ${check ? 'checked' : 'written'} to ${HOSTILE_DIR}/`,
);
if (stale) process.exit(1);
