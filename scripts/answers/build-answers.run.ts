/**
 * Writes datasets/<id>.answers.json (and the statements behind its keys, <id>.answers.queries.json) for the bundled datasets (ANSWERS_DATASETS, default all):
 * the default views' answers the app shows before its engine is ready. Part of
 * `npm run build:datasets`; run alone with `npm run build:answers`.
 *
 * With ANSWERS_DATABASE=<manifest path> it records a database file's book instead
 * (`<name>.answers.json` beside it) and names it in the manifest (`answers`): `generate:scale` does
 * this after writing the file.
 */
import { it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BUNDLED_DATASETS } from '@/workspace/bundled';
import { recordAnswers, recordDatabaseAnswers } from './record';

// No canvas here: the chart component draws nothing (what is recorded is asked before drawing).
vi.mock('@/components/chart/EChart.vue', async () => {
  const { defineComponent, h } = await import('vue');
  return { default: defineComponent({ name: 'EChart', render: () => h('div') }) };
});

const database = process.env.ANSWERS_DATABASE;
const wanted = database ? [] : (process.env.ANSWERS_DATASETS ?? BUNDLED_DATASETS.map((d) => d.id).join(',')).split(',');
// Vitest runs from the project's root (the DOM environment has no file URL to go by).
const path = (file: string) => resolve(process.cwd(), 'datasets', file);

it.each(wanted)('records the default views of %s', async (id) => {
  const { book, queries } = await recordAnswers(id, path(`${id}.parquet`));
  const json = `${JSON.stringify(book)}\n`;
  writeFileSync(path(`${id}.answers.json`), json);
  writeFileSync(path(`${id}.answers.queries.json`), `${JSON.stringify(queries, null, 1)}\n`);
  console.log(
    `datasets/${id}.answers.json: ${Object.keys(book.answers).length} answers, ${(json.length / 1024).toFixed(0)} KiB`,
  );
});

it.runIf(database)(
  'records the default views of a database file',
  async () => {
    const manifestPath = resolve(database as string);
    const { book, queries } = await recordDatabaseAnswers(manifestPath);
    const file = basename(manifestPath).replace(/\.manifest\.json$/, '.answers.json');
    const json = `${JSON.stringify(book)}\n`;
    writeFileSync(join(dirname(manifestPath), file), json);
    writeFileSync(
      join(dirname(manifestPath), file.replace(/\.json$/, '.queries.json')),
      `${JSON.stringify(queries, null, 1)}\n`,
    );
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, answers: file }, null, 2)}\n`);
    console.log(`${file}: ${Object.keys(book.answers).length} answers, ${(json.length / 1024).toFixed(0)} KiB`);
  },
  3_600_000,
);
