import { describe, expect, it } from 'vitest';
import { col, join, name, sql } from '@/data/sql';

describe('the sql tag', () => {
  it('binds values as parameters and expands lists', () => {
    const q = sql`SELECT ${col('year')} FROM reports WHERE level IN (${['county', 'city']}) AND agency_name = ${"x'; DROP TABLE reports; --"}`;
    expect(q.text).toBe('SELECT "year" FROM reports WHERE level IN (?, ?) AND agency_name = ?');
    expect(q.params).toEqual(['county', 'city', "x'; DROP TABLE reports; --"]);
  });

  it('accepts only catalogue columns and app-made names as identifiers', () => {
    expect(() => col('t3_new_total; DROP')).toThrow();
    expect(() => name('a"b')).toThrow();
    expect(sql`${name('staging_1')}`.text).toBe('"staging_1"');
  });

  it('refuses an empty list rather than writing invalid SQL', () => {
    expect(() => sql`IN (${[]})`).toThrow();
  });

  it('nests fragments with their parameters in order', () => {
    const q = sql`SELECT 1 WHERE ${join([sql`a = ${1}`, sql`b = ${2}`], sql` AND `)} AND c = ${3}`;
    expect(q.text).toBe('SELECT 1 WHERE a = ? AND b = ? AND c = ?');
    expect(q.params).toEqual([1, 2, 3]);
  });
});
