// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';
import type { FilterOptions } from '@/data/queries/dimensions';
import FilterBar from '@/components/filters/FilterBar.vue';

/** What a small dataset offers: two years, one province, counties only, no sectors. */
const options: FilterOptions = {
  years: [2023, 2024],
  levels: ['county'],
  kinds: ['government'],
  sectors: [],
  regions: [{ province: '江苏省', city: '淮安市', county: '洪泽区' }],
  reports: 2,
};

function mountWith(filters: Filters) {
  return mount(FilterBar, { props: { filters, options }, global: { plugins: [i18n] } });
}
const selectValue = (w: ReturnType<typeof mountWith>, id: string) =>
  (w.get(`[data-testid="${id}"]`).element as HTMLSelectElement).value;

describe('FilterBar', () => {
  it('shows the filter the URL holds even where the loaded data lacks its value (never "all")', () => {
    // A link made on another dataset: years, level, kind, region and sector this one does not have.
    const w = mountWith({
      ...EMPTY_FILTERS,
      yearFrom: 2019,
      yearTo: 2020,
      levels: ['province'],
      kinds: ['department'],
      province: '示例省',
      city: '示例市',
      sectors: ['公安'],
    });
    expect(selectValue(w, 'year-from')).toBe('2019');
    expect(selectValue(w, 'year-to')).toBe('2020');
    expect(selectValue(w, 'province')).toBe('示例省');
    expect(selectValue(w, 'city')).toBe('示例市');
    expect(selectValue(w, 'sector')).toBe('公安');
    const pressed = (id: string) =>
      w.findAll(`[data-testid="${id}"] button[aria-pressed="true"]`).map((b) => b.attributes('data-key'));
    expect(pressed('level')).toEqual(['province']);
    expect(pressed('kind')).toEqual(['department']);
    // The years stay in order, the held ones among the loaded.
    const years = w.findAll('[data-testid="year-from"] option').map((o) => o.attributes('value'));
    expect(years).toEqual(['', '2019', '2020', '2023', '2024']);
  });

  it('lists only the loaded values when the filter is within them', () => {
    const w = mountWith({ ...EMPTY_FILTERS, province: '江苏省' });
    expect(selectValue(w, 'province')).toBe('江苏省');
    expect(w.findAll('[data-testid="province"] option').map((o) => o.attributes('value'))).toEqual(['', '江苏省']);
    expect(w.find('[data-testid="sector"]').exists()).toBe(false);
    expect(w.findAll('[data-testid="level"] button').map((b) => b.attributes('data-key'))).toEqual(['county']);
  });
});
