import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { projectPath } from '../support/engine';

/** The layer rules of eslint.config.ts, run on snippets placed (by path only) in each folder. */
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: projectPath(''), overrideConfigFile: projectPath('eslint.config.ts') });
});

const STATIC = '@typescript-eslint/no-restricted-imports';
const DYNAMIC = 'layers/no-restricted-dynamic-import';

/** The layer rules a snippet breaks, by rule id (other rules, e.g. unused variables, are ignored). */
async function broken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: projectPath(file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message).filter((id) => id === STATIC || id === DYNAMIC);
}
const staticImport = (file: string, specifier: string) => broken(file, `import '${specifier}';\n`);
const dynamicImport = (file: string, specifier: string) =>
  broken(file, `export const load = () => import('${specifier}');\n`);

/** [folder file, specifier, restricted?] — each new rule, and an allowed import beside it. */
const CASES: [string, string, boolean][] = [
  ['src/components/probe/probe.ts', '@/engine', true],
  ['src/components/probe/probe.ts', '@/composables/use-query', true],
  ['src/components/probe/probe.ts', '@/composables/use-dataset-loader', true],
  ['src/components/probe/probe.ts', '@/workspace', true],
  ['src/components/probe/probe.ts', '@/workspace/queue', true],
  ['src/components/probe/probe.ts', '@/composables/use-labels', false],
  ['src/components/chart/probe.ts', '@/engine', true],
  ['src/components/chart/probe.ts', '@/workspace/queue', true],
  ['src/stores/probe.ts', '@/ingest', true],
  ['src/stores/probe.ts', '@/ingest/html', true],
  ['src/stores/probe.ts', '@/domain/filters', false],
  ['src/i18n/probe.ts', '@/data/sql', true],
  ['src/i18n/probe.ts', '@/composables/use-labels', true],
  ['src/i18n/probe.ts', 'vue', true],
  ['src/i18n/probe.ts', 'pinia', true],
  ['src/i18n/probe.ts', '@/domain/catalogue', false],
  ['src/i18n/probe.ts', '@/i18n/catalogue-messages', false],
  ['src/i18n/probe.ts', 'vue-i18n', false],
  ['src/workspace/probe.ts', '@/components/chart/EChart.vue', true],
  ['src/workspace/probe.ts', '@/views/DataView.vue', true],
  ['src/workspace/probe.ts', '@/stores/datasets', true],
  ['src/workspace/probe.ts', '@/composables/use-query', true],
  ['src/workspace/probe.ts', 'pinia', true],
  ['src/workspace/probe.ts', '@/domain/catalogue', false],
  ['src/workspace/probe.ts', '@/data/load/load-dataset', false],
  ['src/workspace/probe.ts', '@/ingest', false],
  ['src/workspace/probe.ts', '@/workspace/queue', false],
  ['src/url/probe.ts', '@/composables/use-url-state', true],
  ['src/url/probe.ts', 'vue-router', true],
  ['src/url/probe.ts', '@/data/load/load-dataset', true],
  ['src/url/probe.ts', '@/data/queries/trends', false],
  ['src/presenters/probe.ts', '@/composables/use-labels', true],
  ['src/presenters/probe.ts', 'vue', true],
  ['src/presenters/probe.ts', '@/stores/filters', true],
  ['src/presenters/probe.ts', '@/charts/trend', false],
  ['src/presenters/probe.ts', '@/url/schema', false],
  // Only the workspace writes to `reports`.
  ['src/composables/probe.ts', '@/data/load/load-dataset', true],
  ['src/views/probe.ts', '@/data/load/load-dataset', true],
  ['src/composables/probe.ts', '@/data/queries/import', false],
  // Rules that were there before, now also for import().
  ['src/domain/probe.ts', '@/data/sql', true],
  ['src/domain/probe.ts', '../data/sql', true],
  ['src/domain/probe.ts', '@/domain/catalogue', false],
  ['src/data/probe.ts', 'vue', true],
  ['src/ingest/probe.ts', 'mammoth', false],
  ['src/views/probe.ts', '@/data/engine-browser', true],
];

describe('the layer rules', () => {
  it.each(CASES)('%s importing %s: restricted %s (static import)', async (file, specifier, restricted) => {
    expect(await staticImport(file, specifier)).toEqual(restricted ? [STATIC] : []);
  });

  it.each(CASES)('%s importing %s: restricted %s (dynamic import())', async (file, specifier, restricted) => {
    expect(await dynamicImport(file, specifier)).toEqual(restricted ? [DYNAMIC] : []);
  });

  it('checks a template-literal import() too, and leaves a computed one alone', async () => {
    expect(await broken('src/components/probe/probe.ts', 'export const f = () => import(`@/engine`);\n')).toEqual([
      DYNAMIC,
    ]);
    expect(await broken('src/components/probe/probe.ts', 'export const f = (m: string) => import(m);\n')).toEqual([]);
  });
});
