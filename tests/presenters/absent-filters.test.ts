import { describe, expect, it } from 'vitest';
import { absentFilters, filterCounts, MAX_LISTED_AGENCIES } from '@/presenters/absent-filters';
import { EMPTY_FILTERS, filtersFromQuery, type Filters } from '@/domain/filters';
import type { FilterOptions } from '@/data/queries/dimensions';
import { testLabels } from '../support/labels';

const options: FilterOptions = {
  years: [2022, 2023],
  levels: ['county'],
  kinds: ['department'],
  sectors: ['教育'],
  regions: [
    { province: '示例省', city: '甲市', county: '甲县' },
    { province: '示例省', city: '乙市', county: null },
  ],
  reports: 10,
};
const zh = testLabels('zh');
const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });

describe('filter values the loaded dataset lacks', () => {
  it('are none for filters the dataset has, or none set', () => {
    expect(absentFilters(EMPTY_FILTERS, options, [], zh)).toEqual([]);
    const present = f({
      yearFrom: 2022,
      yearTo: 2023,
      levels: ['county'],
      kinds: ['department'],
      province: '示例省',
      city: '甲市',
      county: '甲县',
      sectors: ['教育'],
      agencies: ['a1'],
    });
    expect(absentFilters(present, options, [], zh)).toEqual([]);
  });

  it('are not judged while the options are still loading', () => {
    expect(absentFilters(f({ province: '别省' }), null, [], zh)).toEqual([]);
  });

  it('name each absent value of every kind, with a clear that removes only it', () => {
    const link = filtersFromQuery({
      y: '2010-2023',
      level: 'county,province',
      kind: 'government',
      prov: '别省',
      city: '某市',
      sector: '教育,公安',
      ag: 'a1,gone',
    });
    const absent = absentFilters(link, options, ['gone'], zh);
    expect(absent.map((a) => [a.param, a.value])).toEqual([
      ['y', '2010'],
      ['level', 'province'],
      ['kind', 'government'],
      ['prov', '别省'],
      ['sector', '公安'],
      ['ag', 'gone'],
    ]);
    const by = Object.fromEntries(absent.map((a) => [a.param, a]));
    expect(by.y?.clear).toEqual({ yearFrom: null, yearTo: null });
    expect(by.level?.clear).toEqual({ levels: ['county'] });
    expect(by.kind?.clear).toEqual({ kinds: [] });
    expect(by.prov).toMatchObject({ text: '地区：别省 / 某市', clear: { province: null, city: null, county: null } });
    expect(by.sector?.clear).toEqual({ sectors: ['教育'] });
    expect(by.ag?.clear).toEqual({ agencies: ['a1'] });
    expect(by.level?.text).toBe('层级：省级');
  });

  it('mark the first absent level of a region, clearing what lies under it', () => {
    expect(absentFilters(f({ province: '示例省', city: '丙市', county: '丙县' }), options, [], zh)).toEqual([
      { param: 'city', value: '丙市', text: '地区：丙市 / 丙县', clear: { city: null, county: null } },
    ]);
    const county = absentFilters(
      f({ province: '示例省', city: '甲市', county: '乙县' }),
      options,
      [],
      testLabels('en'),
    );
    expect(county).toEqual([{ param: 'county', value: '乙县', text: 'Region: 乙县', clear: { county: null } }]);
  });
});

describe('many absent agencies (a link picking thousands)', () => {
  const ids = Array.from({ length: 6_000 }, (_, i) => `ag-${String(i).padStart(5, '0')}`);

  it('are one entry naming the first few and how many more, whose clear keeps the known ones', () => {
    const link = f({ agencies: ['a1', ...ids] });
    const started = performance.now();
    const absent = absentFilters(link, options, ids, zh);
    expect(performance.now() - started).toBeLessThan(200);
    expect(absent).toHaveLength(1);
    const [entry] = absent;
    expect(entry?.param).toBe('ag');
    expect(entry?.text).toBe(`机关：${ids.slice(0, MAX_LISTED_AGENCIES).join('、')} 等另 5,997 个`);
    expect(entry?.clear).toEqual({ agencies: ['a1'] });
    const en = absentFilters(link, options, ids, testLabels('en'));
    expect(en[0]?.text).toBe(`Agency: ${ids.slice(0, MAX_LISTED_AGENCIES).join(', ')} and 5,997 more`);
  });

  it('up to the limit are named one by one', () => {
    const few = ids.slice(0, MAX_LISTED_AGENCIES);
    const absent = absentFilters(f({ agencies: ['a1', ...few] }), options, few, zh);
    expect(absent.map((a) => a.value)).toEqual(few);
    expect(absent[0]?.clear).toEqual({ agencies: ['a1', ...few.slice(1)] });
  });
});

describe('the folded filter bar’s count', () => {
  it('counts set filter groups, and how many of them the dataset lacks, from the same absent list', () => {
    expect(filterCounts(EMPTY_FILTERS, [])).toEqual({ set: 0, absent: 0 });
    const link = filtersFromQuery({
      y: '2010-2023',
      level: 'county,province',
      prov: '别省',
      city: '某市',
      ag: 'a1,gone',
    });
    const absent = absentFilters(link, options, ['gone'], zh);
    expect(absent.map((a) => a.param)).toEqual(['y', 'level', 'prov', 'ag']);
    // year, level, region, agency set; each holds a value the dataset lacks (a region once, however deep).
    expect(filterCounts(link, absent)).toEqual({ set: 4, absent: 4 });
    const present = f({ yearFrom: 2022, yearTo: 2023, sectors: ['教育'], excludeFailing: true });
    expect(filterCounts(present, absentFilters(present, options, [], zh))).toEqual({ set: 3, absent: 0 });
  });

  it('counts a region set below the province, and an absent value whichever field holds it', () => {
    const cityOnly = f({ city: '丙市' });
    const absent = absentFilters(f({ province: '示例省', city: '丙市' }), options, [], zh);
    expect(absent.map((a) => a.param)).toEqual(['city']);
    expect(filterCounts(cityOnly, [])).toEqual({ set: 1, absent: 0 });
    expect(filterCounts(EMPTY_FILTERS, absent)).toEqual({ set: 1, absent: 1 });
  });
});
