import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '@/domain/filters';
import { canonicalQuery, globalQuery, readGlobal, readView, writeGlobal, writeView } from '@/url/codec';
import { GLOBAL_KEYS, URL_VERSION, VIEW_PARAMS, viewKeys, type ParamSpec, type ViewWithParams } from '@/url/schema';
import { LEGACY_URLS } from './legacy-urls';

const views = Object.keys(VIEW_PARAMS) as ViewWithParams[];
const specsOf = (v: ViewWithParams) => Object.entries(VIEW_PARAMS[v] as Record<string, ParamSpec<unknown>>);

/** A value other than the default for every kind of key, to round-trip. */
function sample(spec: ParamSpec<unknown>): unknown {
  if (spec.allowed) return spec.allowed.find((a) => a !== spec.default);
  if (typeof spec.default === 'boolean') return true;
  if (typeof spec.default === 'number') return 3;
  if (Array.isArray(spec.default)) return ['disclosure_rate', 'new_requests'];
  if (spec.key.endsWith('year') || spec.key.endsWith('base')) return 2023;
  return 'x-1';
}

describe('the URL schema', () => {
  it('namespaces every view key, so no two views share one and none is global', () => {
    const all = views.flatMap((v) => viewKeys(v));
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all).size).toBe(all.length);
    for (const k of all) expect(GLOBAL_KEYS).not.toContain(k);
    const prefixes = views.map((v) => new Set(viewKeys(v).map((k) => k.split('.')[0])));
    expect(prefixes.every((p) => p.size === 1)).toBe(true);
  });

  it('round-trips every key of every view, and leaves defaults out', () => {
    let checked = 0;
    for (const v of views) {
      const specs = specsOf(v);
      const state = Object.fromEntries(specs.map(([name, spec]) => [name, sample(spec)]));
      const q = writeView(v, state);
      expect(Object.keys(q).sort()).toEqual(viewKeys(v).sort());
      expect(readView(v, q)).toEqual(state);
      const defaults = Object.fromEntries(specs.map(([name, spec]) => [name, spec.default]));
      expect(writeView(v, defaults)).toEqual({});
      expect(readView(v, {})).toEqual(defaults);
      checked += specs.length;
    }
    expect(checked).toBe(views.flatMap((v) => viewKeys(v)).length);
  });

  it('round-trips the global keys with the version stamped', () => {
    const g = {
      dataset: 'real',
      also: ['file:a,b%.csv', 'demo'],
      lang: 'en' as const,
      noAnimation: true,
      embed: 'chart-requests',
      pin: 'a1b2c3d4e5f6',
      filters: { ...EMPTY_FILTERS, yearFrom: 2021, yearTo: 2024, levels: ['county' as const], agencies: ['a', 'b'] },
    };
    const q = writeGlobal(g);
    expect(q.v).toBe(String(URL_VERSION));
    expect(readGlobal(q)).toEqual(g);
    expect(writeGlobal(readGlobal({}))).toEqual({ v: String(URL_VERSION) });
  });

  it('reads odd values as the default, never as Infinity or a far year', () => {
    const q = canonicalQuery(
      { v: '1', 'cmp.page': '1e400', y: '0000-9999', 'q.fp': '-3', 'tr.base': '9999' },
      'compare',
    );
    expect(q).toEqual({ v: '1' });
    expect(readView('compare', { 'cmp.page': 'Infinity' }).page).toBe(1);
    expect(readView('quality', { 'q.sev': 'fatal' }).severity).toBeNull();
  });

  it("drops unknown keys and other views' keys, and tab links carry only global keys", () => {
    const q = { v: '1', ds: 'real', 'cmp.page': '2', 'out.by': 'level', junk: 'x', y: '2023' };
    expect(canonicalQuery(q, 'compare')).toEqual({ v: '1', ds: 'real', 'cmp.page': '2', y: '2023' });
    expect(globalQuery(q, 'compare')).toEqual({ v: '1', ds: 'real', y: '2023' });
  });
});

describe('several datasets at once (`with`)', () => {
  it('names further datasets after the primary one, any file name surviving', () => {
    const q = writeGlobal({ ...readGlobal({}), dataset: 'file:x.csv', also: ['real', 'file:2,3 %.csv'] });
    expect(q.with).toBe('real,file:2%2C3 %25.csv');
    expect(readGlobal(q).also).toEqual(['real', 'file:2,3 %.csv']);
    expect(readGlobal({ with: 'real,,real' }).also).toEqual(['real']);
  });

  it('leaves links without `with` meaning one dataset, as before', () => {
    expect(readGlobal({ v: '1', ds: 'real' }).also).toEqual([]);
    expect(canonicalQuery({ v: '1', ds: 'real' }, 'overview')).toEqual({ v: '1', ds: 'real' });
    expect(globalQuery({ v: '1', ds: 'real', with: 'demo' }, 'compare')).toEqual({ v: '1', ds: 'real', with: 'demo' });
  });
});

describe('links made before the schema (no version key)', () => {
  it('still mean the same choices: each old link reads as its declared new one', () => {
    expect(LEGACY_URLS.length).toBeGreaterThanOrEqual(8);
    const covered = new Set<string>();
    for (const { view, old, now } of LEGACY_URLS) {
      expect(canonicalQuery(old, view)).toEqual(now);
      covered.add(view);
    }
    // One old link per view that has choices.
    expect([...covered].sort()).toEqual(expect.arrayContaining(views));
  });

  it('reads an old key only on the view that owned it (old tab links copied every key)', () => {
    expect(canonicalQuery({ by: 'level', mode: 'share', ds: 'real' }, 'litigation')).toEqual({
      v: '1',
      ds: 'real',
      'lit.by': 'level',
    });
    expect(canonicalQuery({ by: 'level', tmode: 'share' }, 'overview')).toEqual({ v: '1' });
  });

  it('is not read as legacy once it carries the version', () => {
    expect(canonicalQuery({ v: '1', by: 'level' }, 'litigation')).toEqual({ v: '1' });
  });
});
