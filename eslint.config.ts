import pluginVue from 'eslint-plugin-vue';
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript';
import prettier from 'eslint-config-prettier';

type Restriction = { group: string[]; message: string; allowTypeImports?: boolean };

const NO_PARENT: Restriction = { group: ['../*', '../**'], message: 'Import across folders with @/…, not ../' };
const UI = ['vue', 'vue-router', 'vue-i18n', 'pinia', '@vueuse/*', 'vue-echarts'];
const restrict = (...patterns: Restriction[]) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_PARENT, ...patterns] }] as ['error', unknown],
});

/**
 * The layer table of the README's Architecture section, enforced: an arrow there is an import
 * allowed here, so the architecture cannot rot silently.
 */
const layers = [
  {
    files: ['src/domain/**'],
    rules: restrict({
      group: ['@/*', '!@/domain', '!@/domain/**', ...UI, 'echarts', 'echarts/*', '@duckdb/*'],
      message: 'domain/ is the centre: it imports nothing else from src/ and no framework',
    }),
  },
  {
    files: ['src/ingest/**'],
    rules: restrict({
      group: ['@/*', '!@/domain', '!@/domain/**', '!@/ingest', '!@/ingest/**', ...UI, 'echarts', 'echarts/*'],
      message: 'ingest/ may import domain/ only',
    }),
  },
  {
    files: ['src/data/**'],
    rules: restrict({
      group: ['@/*', '!@/domain', '!@/domain/**', '!@/data', '!@/data/**', ...UI, 'echarts', 'echarts/*'],
      message: 'data/ may import domain/ only',
    }),
  },
  {
    files: ['src/charts/**'],
    rules: restrict(
      {
        group: ['echarts', 'echarts/*'],
        message: 'charts/ builds options: import type from echarts only',
        allowTypeImports: true,
      },
      {
        group: ['@/*', '!@/domain', '!@/domain/**', '!@/charts', '!@/charts/**', ...UI],
        message: 'charts/ may import domain/ only',
      },
    ),
  },
  {
    files: ['src/stores/**'],
    rules: restrict(
      { group: ['@/data', '@/data/**'], message: 'stores/ may use data/ types only', allowTypeImports: true },
      {
        group: ['@/components/**', '@/views/**', '@/stores/**', '@/composables/**', '@/charts/**'],
        message: 'stores/ hold selections: no components, views or other stores',
      },
    ),
  },
  {
    files: ['src/composables/**'],
    rules: restrict({
      group: ['@/components/**', '@/views/**'],
      message: 'composables/ may not import components or views',
    }),
  },
  {
    files: ['src/components/**'],
    rules: restrict(
      { group: ['@/data', '@/data/**'], message: 'components get data by props (types only)', allowTypeImports: true },
      { group: ['@/stores/**', '@/views/**'], message: 'components are presentational: no stores or views' },
      {
        group: ['echarts', 'echarts/*', 'vue-echarts'],
        message: 'only components/chart/ uses the echarts runtime',
        allowTypeImports: true,
      },
    ),
  },
  {
    files: ['src/components/chart/**'],
    rules: restrict(
      { group: ['@/data', '@/data/**'], message: 'components get data by props (types only)', allowTypeImports: true },
      { group: ['@/stores/**', '@/views/**'], message: 'components are presentational: no stores or views' },
    ),
  },
  {
    files: ['src/views/**', 'src/App.vue'],
    rules: restrict({ group: ['@/data/engine-*'], message: 'only main.ts creates the engine' }),
  },
];

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'node_modules/**', 'screenshots/**', 'coverage/**', 'tests/fixtures/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'vue/multi-word-component-names': 'off',
    },
  },
  ...layers,
  prettier,
);
