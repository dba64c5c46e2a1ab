import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as catalogue from '@/domain/catalogue';
import * as indicators from '@/domain/indicators';
import * as rules from '@/domain/rules';
import * as layout from '@/domain/report-layout';
import { IDENTITY_COLUMNS, KINDS, LEVELS, T3_COLS, type IdentityKey, type Label } from '@/domain/catalogue';
import { META_FIELDS } from '@/ingest/meta';
import { messages } from '@/i18n';

type Lang = 'zh' | 'en';
const LANGS: readonly Lang[] = ['zh', 'en'];

const columnName = (key: IdentityKey): Label => {
  const def = IDENTITY_COLUMNS.find((c) => c.key === key);
  if (!def) throw new Error(key);
  return def.label;
};

/**
 * Every message that names a catalogue thing, with the catalogue's label, written out here from
 * the catalogue itself (not through the module that builds the messages).
 */
function catalogueOwned(): Map<string, Label> {
  const owned = new Map<string, Label>();
  for (const l of LEVELS) owned.set(`level.${l.key}`, l.label);
  for (const k of KINDS) owned.set(`kind.${k.key}`, k.label);
  for (const c of T3_COLS) owned.set(`applicant.${c.key}`, c.label);
  for (const c of IDENTITY_COLUMNS) {
    const star = c.required ? ' *' : '';
    owned.set(`ingest.field.${c.key}`, { zh: c.label.zh + star, en: c.label.en + star });
  }
  const columnNames: [string, IdentityKey][] = [
    ['filters.year', 'year'],
    ['filters.level', 'level'],
    ['filters.kind', 'kind'],
    ['filters.sector', 'sector'],
    ['trends.byLevel', 'level'],
    ['trends.byKind', 'kind'],
    ['trends.bySector', 'sector'],
    ['outcomes.byOption.level', 'level'],
    ['outcomes.byOption.kind', 'kind'],
    ['outcomes.byOption.sector', 'sector'],
    ['applicants.byOption.level', 'level'],
    ['applicants.byOption.kind', 'kind'],
    ['litigation.byOption.year', 'year'],
    ['litigation.byOption.level', 'level'],
    ['litigation.byOption.kind', 'kind'],
    ['report.year', 'year'],
    ['quality.year', 'year'],
  ];
  for (const [path, key] of columnNames) owned.set(path, columnName(key));
  return owned;
}

/** Every leaf of a message tree by path ("level.county" → "县级"). */
function leaves(tree: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof tree !== 'object' || tree === null) return out.set(prefix, tree);
  for (const [k, v] of Object.entries(tree)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** Every `{ zh, en }` label reachable from the exports of the domain modules that own labels. */
function domainLabels(): Set<string> {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.zh === 'string' && typeof o.en === 'string') found.add(`${o.zh}\u0000${o.en}`);
    Object.values(o).forEach(walk);
  };
  for (const mod of [catalogue, indicators, rules, layout]) Object.values(mod).forEach(walk);
  return found;
}

describe('catalogue labels in the messages', () => {
  const owned = catalogueOwned();

  it('shows every catalogue-owned message exactly as the catalogue labels it', () => {
    for (const lang of LANGS) {
      const all = leaves(messages[lang]);
      const expected = Object.fromEntries([...owned].map(([path, label]) => [path, label[lang]]));
      const actual = Object.fromEntries([...owned.keys()].map((path) => [path, all.get(path)]));
      expect(actual, lang).toEqual(expected);
    }
    // The import form asks for these fields; each has its label.
    for (const f of META_FIELDS) expect(owned.has(`ingest.field.${f}`), f).toBe(true);
    expect(META_FIELDS.length).toBeGreaterThan(0);
  });

  it('keeps the Overview applicant series named as the applicants view names them', () => {
    // The wording the two views disagreed on; the catalogue's is kept.
    expect(leaves(messages.en).get('applicant.org_other')).toBe('Other organisations');
    expect(leaves(messages.en).get('applicant.person')).toBe('Natural persons');
  });

  it('names every allowed level and kind key in the messages that refuse a wrong one', () => {
    for (const lang of LANGS) {
      const all = leaves(messages[lang]);
      const named = (path: string, keys: readonly string[]) => keys.filter((k) => !String(all.get(path)).includes(k));
      expect(
        named(
          'issue.bad_level',
          LEVELS.map((l) => l.key),
        ),
        lang,
      ).toEqual([]);
      expect(
        named(
          'issue.bad_kind',
          KINDS.map((k) => k.key),
        ),
        lang,
      ).toEqual([]);
    }
    expect(leaves(messages.en).get('issue.bad_kind')).toBe(
      'Kind "{value}" is not valid: use government or department.',
    );
  });

  it('has no other message that repeats a catalogue label in both languages', () => {
    const labels = domainLabels();
    const zh = leaves(messages.zh);
    const en = leaves(messages.en);
    const repeating = [...zh.keys()].filter((path) =>
      labels.has(`${String(zh.get(path))}\u0000${String(en.get(path))}`),
    );
    expect(repeating.length).toBeGreaterThan(0);
    expect(repeating.filter((p) => !owned.has(p))).toEqual([]);
  });

  it('has no catalogue label retyped as a literal in a message file', () => {
    const dir = join(__dirname, '../../src/i18n');
    const files = [
      ...readdirSync(dir).map((f) => join(dir, f)),
      ...readdirSync(join(dir, 'features')).map((f) => join(dir, 'features', f)),
    ].filter((f) => f.endsWith('.ts') && !f.endsWith('catalogue-messages.ts'));
    expect(files.length).toBeGreaterThan(10);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Keyed by a catalogue key (level.county, ingest.field.year …): neither language may be a literal.
    // Column names in option lists: the English word; the Chinese one (年度, 层级) is also a word of
    // sentence fragments such as quality.by.year (按年度), which are not labels.
    const keyed = (path: string) => /^(level|kind|applicant|ingest\.field)\./.test(path);
    const patterns = [...owned].flatMap(([path, label]) => {
      const key = escape(path.split('.').at(-1) ?? '');
      return LANGS.filter((lang) => lang === 'en' || keyed(path)).map((lang) => ({
        path,
        re: new RegExp(`\\b${key}\\s*:\\s*(['"\`])${escape(label[lang])}\\1`),
      }));
    });
    // The check finds what it looks for.
    expect(patterns.some((p) => p.re.test(`level: { county: '县级' }`))).toBe(true);
    expect(patterns.some((p) => p.re.test(`applicant: { nonprofit: 'Non-profits' }`))).toBe(true);
    const hits = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return patterns.filter((p) => p.re.test(text)).map((p) => `${file}: ${p.path}`);
    });
    expect(hits).toEqual([]);
  });
});
