/**
 * Ingest speed in Node: reports per second for HTML, plain text and PDF, on the test fixtures.
 *   npx tsx scripts/bench-ingest.ts [seconds per format, default 3]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '@/ingest';
import { nodePdfOptions } from './lib/ingest-files';

const DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'ingest');
const seconds = Number(process.argv[2] ?? 3);

const CASES: { label: string; files: string[] }[] = [
  { label: 'HTML', files: ['report-2021.html', 'single-other-2021.html'] },
  {
    label: 'text',
    files: ['report-2021.layout.txt', 'report-2021.raw.txt', 'flat-2022.txt', 'trad-2022.txt', 'v2019-2020.txt'],
  },
  { label: 'DOCX', files: ['report-2021.docx'] },
  { label: 'PDF', files: ['report-2021.pdf'] },
];

for (const c of CASES) {
  const inputs = c.files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(DIR, f))) }));
  for (const i of inputs) await parseReport(i, nodePdfOptions()); // warm up
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    await parseReport(inputs[n % inputs.length]!, nodePdfOptions());
    n++;
  }
  const s = (performance.now() - t0) / 1000;
  const kb = inputs.reduce((a, i) => a + i.bytes.length, 0) / inputs.length / 1024;
  console.log(
    `${c.label.padEnd(5)} ${(n / s).toFixed(1).padStart(8)} reports/s  (${n} parses in ${s.toFixed(1)} s, mean input ${kb.toFixed(0)} KB)`,
  );
}
