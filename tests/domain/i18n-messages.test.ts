import { describe, expect, it } from 'vitest';
import zh from '@/i18n/zh-CN';
import en from '@/i18n/en';
import { features as FEATURES } from '@/i18n';

/** Every message path of a message tree, e.g. "chart.source". */
function paths(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('has every Chinese message in English and no English message without a Chinese one', () => {
    expect(paths(en).sort()).toEqual(paths(zh).sort());
    // The app's own list of feature namespaces, so a new one is checked without being listed here.
    expect(Object.keys(FEATURES)).toEqual(expect.arrayContaining(['ingest', 'findings', 'briefing', 'feedback']));
    for (const [name, m] of Object.entries(FEATURES)) expect(paths(m.en).sort(), name).toEqual(paths(m.zh).sort());
  });

  it('uses no full-width punctuation in English', () => {
    const all = [en, ...Object.values(FEATURES).map((m) => m.en)];
    const values = all.flatMap((tree) =>
      paths(tree).map((p) => [p, p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], tree)]),
    );
    expect(values.length).toBeGreaterThan(all.length);
    expect(values.filter(([, v]) => /[，。；：、（）]/.test(String(v)))).toEqual([]);
  });
});
