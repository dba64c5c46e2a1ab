import type { Rule } from 'eslint';
import pluginVue from 'eslint-plugin-vue';
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript';
import prettier from 'eslint-config-prettier';

type Restriction = { group: string[]; message: string; allowTypeImports?: boolean };

const NO_PARENT: Restriction = { group: ['../*', '../**'], message: 'Import across folders with @/…, not ../' };
const UI = ['vue', 'vue-router', 'vue-i18n', 'pinia', '@vueuse/*', 'vue-echarts'];

/** A `group` glob as a RegExp: `*` one path segment, `**` any; a match also covers what lies below it. */
function globRegExp(glob: string): RegExp {
  const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const body = glob
    .split('**')
    .map((part) => part.split('*').map(escape).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${body}(/.*)?$`);
}

/** Whether a specifier falls under a group, read as no-restricted-imports reads it: the last match wins, `!` allows. */
function inGroup(specifier: string, group: readonly string[]): boolean {
  let restricted = false;
  for (const g of group) {
    const allow = g.startsWith('!');
    if (globRegExp(allow ? g.slice(1) : g).test(specifier)) restricted = !allow;
  }
  return restricted;
}

/**
 * `import('…')` with a literal source, checked against the same restrictions as static imports
 * (no-restricted-imports does not look at dynamic imports). A dynamic import is a value import,
 * so `allowTypeImports` does not apply.
 */
const noRestrictedDynamicImport: Rule.RuleModule = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { patterns: { type: 'array' } }, additionalProperties: false }],
    messages: { restricted: "'{{specifier}}' import is restricted from being used by a pattern. {{message}}" },
  },
  create(context) {
    const patterns = ((context.options[0] as { patterns?: Restriction[] } | undefined)?.patterns ??
      []) as Restriction[];
    return {
      ImportExpression(node) {
        const src = node.source;
        const specifier =
          src.type === 'Literal' && typeof src.value === 'string'
            ? src.value
            : src.type === 'TemplateLiteral' && src.expressions.length === 0
              ? src.quasis[0]?.value.cooked
              : undefined;
        if (specifier === undefined || specifier === null) return;
        const hit = patterns.find((p) => inGroup(specifier, p.group));
        if (hit) context.report({ node, messageId: 'restricted', data: { specifier, message: hit.message } });
      },
    };
  },
};

/** Static and dynamic imports, restricted by the same patterns. */
const restrict = (...patterns: Restriction[]) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_PARENT, ...patterns] }] as ['error', unknown],
  'layers/no-restricted-dynamic-import': ['error', { patterns: [NO_PARENT, ...patterns] }] as ['error', unknown],
});

/** What no component may reach: the engine, the query runner and whatever loads data. */
const NOT_IN_COMPONENTS: Restriction[] = [
  { group: ['@/data', '@/data/**'], message: 'components get data by props (types only)', allowTypeImports: true },
  { group: ['@/stores/**', '@/views/**'], message: 'components are presentational: no stores or views' },
  {
    group: ['@/engine', '@/workspace', '@/workspace/**', '@/composables/use-query', '@/composables/use-dataset-loader'],
    message: 'components get data by props: no engine, workspace, useQuery or dataset loading',
  },
];

/**
 * The layer table of the README's Architecture section, enforced: an arrow there is an import
 * allowed here, so the architecture cannot rot silently.
 */
/** Writes to `reports` go through the workspace's queue only. */
const ONLY_THE_WORKSPACE_LOADS: Restriction = {
  group: ['@/data/load/load-dataset', '@/data/load/staging', '@/data/load/typed-columns'],
  message: 'only the workspace (src/workspace/) loads data: call useWorkspace()',
  allowTypeImports: true,
};

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
      { group: ['@/ingest', '@/ingest/**'], message: 'stores/ hold selections: reading documents is not theirs' },
    ),
  },
  {
    files: ['src/i18n/**'],
    rules: restrict({
      group: [
        '@/*',
        '!@/domain',
        '!@/domain/**',
        '!@/i18n',
        '!@/i18n/**',
        ...UI.filter((p) => p !== 'vue-i18n'),
        'echarts',
        'echarts/*',
        '@duckdb/*',
      ],
      message: 'i18n/ holds messages: it may import domain/ (catalogue labels) and vue-i18n only',
    }),
  },
  {
    files: ['src/workspace/**'],
    rules: restrict({
      group: [
        '@/*',
        '!@/domain',
        '!@/domain/**',
        '!@/data',
        '!@/data/**',
        '!@/ingest',
        '!@/ingest/**',
        '!@/workspace',
        '!@/workspace/**',
        '*.vue',
        'vue-router',
        'vue-i18n',
        'pinia',
        'vue-echarts',
        'echarts',
        'echarts/*',
      ],
      message:
        'workspace/ owns the loaded data: it may import domain/, data/ and ingest/, no components, views, stores or composables',
    }),
  },
  {
    files: ['src/url/**'],
    rules: restrict(
      {
        group: ['@/*', '!@/domain', '!@/domain/**', '!@/data', '!@/data/**', '!@/url', '!@/url/**', ...UI],
        message: 'url/ declares the URL schema: pure, over domain/ and data/ constants',
      },
      { group: ['@/data/load', '@/data/load/**', '@/data/engine-*'], message: 'url/ never loads or runs anything' },
    ),
  },
  {
    files: ['src/presenters/**'],
    rules: restrict(
      {
        group: [
          '@/*',
          '!@/domain',
          '!@/domain/**',
          '!@/charts',
          '!@/charts/**',
          '!@/url',
          '!@/url/**',
          '!@/presenters',
          '!@/presenters/**',
          '!@/workspace',
          '!@/workspace/**',
          ...UI,
          'echarts',
          'echarts/*',
        ],
        message: 'presenters/ are pure: domain/, charts/, url/ and data/ types only',
      },
      {
        group: ['@/data', '@/data/**', '@/workspace', '@/workspace/**'],
        message: 'presenters/ get query results and workspace state as input (types only)',
        allowTypeImports: true,
      },
    ),
  },
  {
    files: ['src/composables/**'],
    rules: restrict(
      {
        group: ['@/components/**', '@/views/**'],
        message: 'composables/ may not import components or views',
      },
      ONLY_THE_WORKSPACE_LOADS,
    ),
  },
  {
    files: ['src/components/**'],
    rules: restrict(...NOT_IN_COMPONENTS, {
      group: ['echarts', 'echarts/*', 'vue-echarts'],
      message: 'only components/chart/ uses the echarts runtime',
      allowTypeImports: true,
    }),
  },
  {
    files: ['src/components/chart/**'],
    rules: restrict(...NOT_IN_COMPONENTS),
  },
  {
    files: ['src/views/**', 'src/App.vue'],
    rules: restrict(
      { group: ['@/data/engine-*'], message: 'only main.ts creates the engine' },
      ONLY_THE_WORKSPACE_LOADS,
    ),
  },
];

export default defineConfigWithVueTs(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'bench-results/**',
      'node_modules/**',
      'screenshots/**',
      'coverage/**',
      'tests/fixtures/**',
    ],
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    plugins: { layers: { rules: { 'no-restricted-dynamic-import': noRestrictedDynamicImport } } },
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
