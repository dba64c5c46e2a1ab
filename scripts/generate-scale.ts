/**
 * Generates a large GENERATED dataset (演示数据（生成）) as a DuckDB database file the browser reads
 * lazily over HTTP range requests: `<out>/generated-<N>-s<seed>.duckdb`, its manifest
 * (`.manifest.json`, open it with `?ds=db:<manifest-url>`), the answer book of its default views
 * (`.answers.json`, first figures before the engine has read the file) and its listed deliberate
 * violations (`.violations.csv`). The same N and seed give the same reports. The output folder is git-ignored:
 * generated files are never committed. README "Serving large datasets"; format: datasets/README.md.
 *
 *   npx tsx scripts/generate-scale.ts --reports 100000 [--seed 1] [--out datasets/generated]
 *     [--no-answers]     skip recording the answer book
 *     [--answers-only]   record the book of a file already written (same N and seed)
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './build-real-dataset';
import { datasetName, writeDatabaseAnswers, writeScaleDatabase } from './lib/scale-database';

const { values } = parseArgs({
  options: {
    reports: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'datasets/generated' },
    'no-answers': { type: 'boolean', default: false },
    'answers-only': { type: 'boolean', default: false },
  },
});
const reports = Number(values.reports);
const seed = Number(values.seed);
if (!Number.isInteger(reports) || reports < 1 || !Number.isInteger(seed) || seed < 0) {
  console.error(
    'usage: tsx scripts/generate-scale.ts --reports N [--seed S] [--out datasets/generated] [--no-answers | --answers-only]',
  );
  process.exit(2);
}
const started = performance.now();
const out = resolve(projectRoot, values.out);
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
if (!values['answers-only']) {
  const { manifest, path } = await writeScaleDatabase(reports, seed, out, (s) => console.log(s));
  console.log(
    `${relative(projectRoot, path)}: ${manifest.rows} reports of ${manifest.agencies} agencies, ` +
      `${(manifest.bytes / 2 ** 20).toFixed(1)} MiB, ${seconds()}`,
  );
}
const manifestPath = resolve(out, `${datasetName(reports, seed)}.manifest.json`);
if (!values['no-answers']) {
  await writeDatabaseAnswers(manifestPath, (s) => console.log(s));
  console.log(`answer book recorded, ${seconds()}`);
}
console.log(`${relative(projectRoot, manifestPath)}: open with ?ds=db:<its URL>`);
