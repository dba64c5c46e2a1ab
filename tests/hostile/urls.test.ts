/**
 * The tampered links of the hostile-input corpus, read through the URL schema: each means only
 * what the schema allows — odd numbers and years fall back to the default, unknown keys go — and
 * text (agency ids, a dataset name) is kept as text for the page to show escaped.
 */
import { describe, expect, it } from 'vitest';
import { canonicalQuery, readGlobal } from '@/url/codec';
import { URL_CASES } from '../../scripts/lib/hostile-corpus';

describe('the hostile link corpus', () => {
  it('holds links for pages, years, datasets, script and size', () => {
    expect(URL_CASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(URL_CASES.map((c) => c.id)).size).toBe(URL_CASES.length);
  });

  it.each(URL_CASES.map((c) => [c.id, c] as const))('reads %s as its canonical form', (_, c) => {
    const { v, ...rest } = canonicalQuery({ ...c.query }, c.view);
    expect(v).toBe('1');
    expect(rest).toEqual(c.canonical);
    const g = readGlobal({ ...c.query });
    // No number read from the link is anything but a plain year.
    for (const y of [g.filters.yearFrom, g.filters.yearTo]) if (y !== null) expect(y).toBeLessThan(2100);
    expect(['zh', 'en']).toContain(g.lang);
  });
});
