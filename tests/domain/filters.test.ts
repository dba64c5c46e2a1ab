import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersFromQuery, filtersToQuery } from '@/domain/filters';

describe('filters in the URL', () => {
  it('round-trips every filter', () => {
    const f = {
      ...EMPTY_FILTERS,
      yearFrom: 2021,
      yearTo: 2024,
      levels: ['county', 'city'] as const,
      kinds: ['government'] as const,
      province: '示例省',
      city: '东川市',
      county: null,
      sectors: ['公安'],
      agencies: ['a-1', 'b-2'],
      excludeFailing: true,
    };
    expect(filtersFromQuery(filtersToQuery(f))).toEqual(f);
  });

  it('keeps a single year short and drops what it does not know', () => {
    expect(filtersToQuery({ ...EMPTY_FILTERS, yearFrom: 2023, yearTo: 2023 })).toEqual({ y: '2023' });
    const f = filtersFromQuery({ y: '20x3', level: 'county,galaxy', kind: 'alien' });
    expect(f).toMatchObject({ yearFrom: null, levels: ['county'], kinds: [] });
  });
});
