/**
 * Soak test of the built app: a seeded random walk of N steps in headless Chromium (tabs, filters,
 * the agency picker, dataset and language switches, back/forward, view controls, reloads), with a
 * checkpoint every `--every` steps at which every control and headline figure must equal what the
 * URL says, figures checked against an independent DuckDB query of the same dataset file. Measures
 * the JS heap after a forced GC after the first render and after the walk.
 *
 * Usage: npm run soak -- [--steps 500] [--seed 7] [--every 25] [--build] [--max-heap-ratio 1.2]
 * Serves `dist/` (or E2E_DIST), building it first when missing or with --build. Exits 1 when a
 * figure or control contradicts the URL, the page logs an error, or the heap grows past the ratio.
 * Writes bench-results/soak-<seed>-<steps>.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness } from '../tests/e2e/harness';
import { runSoak, soakFailures } from '../tests/e2e/soak-core';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`soak: --${name} needs a positive number`);
    process.exit(2);
  }
  return v;
}

const steps = Math.floor(option('steps', 500));
const seed = Math.floor(option('seed', 7));
const every = Math.floor(option('every', 25));
const maxRatio = option('max-heap-ratio', 1.2);
const dist = process.env.E2E_DIST ?? 'dist';

if (process.argv.includes('--build') || !existsSync(resolve(root, dist, 'index.html'))) {
  console.log(`soak: building into ${dist}/ …`);
  execFileSync('npx', ['vite', 'build', '--outDir', dist], { cwd: root, stdio: 'inherit' });
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const h = await startHarness();
let code = 0;
try {
  console.log(`soak: ${steps} steps, seed ${seed}, a checkpoint every ${every} steps, serving ${dist}/`);
  const r = await runSoak(h, { steps, seed, checkEvery: every, log: (l) => console.log(l) });
  const failures = soakFailures(r, maxRatio);
  const table: [string, string][] = [
    ['steps', String(r.steps)],
    ['seed', String(r.seed)],
    ['checkpoints', String(r.checkpoints)],
    ['comparisons', String(r.comparisons)],
    ['mismatches', String(r.mismatches.length)],
    ['page errors', String(r.pageErrors.length)],
    ['actions skipped (nothing to act on)', String(Object.values(r.skipped).reduce((a, b) => a + b, 0))],
    ['heap after first render', mib(r.memory.firstRender)],
    ['heap after every view once (baseline)', mib(r.memory.baseline)],
    ['heap after the soak', mib(r.memory.after)],
    ['after ÷ baseline (limit)', `${r.memory.ratio.toFixed(2)} (${maxRatio})`],
    ['after ÷ first render', r.memory.ratioFirst.toFixed(2)],
    ['steps since the last reload', String(r.stepsSinceReload)],
    ['duration', `${(r.durationMs / 1000).toFixed(0)} s`],
    ['machine', `${cpus().length} cores`],
  ];
  const w = Math.max(...table.map(([k]) => k.length));
  console.log('\n' + table.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n'));
  console.log(
    `actions: ${Object.entries(r.actions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `skipped: ${Object.entries(r.skipped)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `checkpoints by view: ${Object.entries(r.views)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  mkdirSync(resolve(root, 'bench-results'), { recursive: true });
  const out = resolve(root, 'bench-results', `soak-${seed}-${steps}.json`);
  const when = new Date().toISOString();
  writeFileSync(out, JSON.stringify({ when, cores: cpus().length, maxHeapRatio: maxRatio, ...r }, null, 2));
  console.log(`written ${out}`);
  if (failures.length) {
    console.error(`\nsoak: ${failures.length} problem(s):\n${failures.map((f) => `  ${f}`).join('\n')}`);
    code = 1;
  }
} finally {
  await h.close();
}
process.exit(code);
