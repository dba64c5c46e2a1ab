/**
 * Writes datasets/<name>.parquet from datasets/<name>.csv for the bundled datasets. The CSV goes
 * through the app's own validating loader first, so a Parquet file exists only for valid data.
 * Usage: tsx scripts/build-parquet.ts [name…]   (default: demo real)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createNodeRunner } from '@/data/engine-node';
import { loadDataset } from '@/data/load/load-dataset';
import { reportsToParquet } from '@/data/parquet-export';

const names = process.argv.slice(2).length ? process.argv.slice(2) : ['demo', 'real'];
const runner = await createNodeRunner();
for (const n of names) {
  const csv = fileURLToPath(new URL(`../datasets/${n}.csv`, import.meta.url));
  const summary = await loadDataset(runner, { name: `${n}.csv`, bytes: new Uint8Array(readFileSync(csv)) });
  const bytes = await reportsToParquet(runner);
  writeFileSync(csv.replace(/\.csv$/, '.parquet'), bytes);
  console.log(`datasets/${n}.parquet: ${summary.reports} reports, ${(bytes.length / 1024).toFixed(0)} KiB`);
}
