// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { i18n } from '@/i18n';
import ImportActions from '@/components/import/ImportActions.vue';

const base = {
  chosen: 2,
  blocked: false,
  busy: false,
  loading: false,
  exportable: true,
  items: true,
  accepted: false,
  lastAccepted: 0,
  appended: 0,
  failure: null as { total: number; shown: number } | null,
  issues: [],
};

function mountWith(props: Partial<typeof base> = {}) {
  i18n.global.locale.value = 'zh';
  return mount(ImportActions, { props: { ...base, ...props }, global: { plugins: [createPinia(), i18n] } });
}

describe('ImportActions', () => {
  it('asks for each download and for accepting by what the button says', async () => {
    const w = mountWith();
    await w.get('[data-testid="import-download-parquet"]').trigger('click');
    await w.get('[data-testid="import-download-csv"]').trigger('click');
    await w.get('[data-testid="import-download-warnings"]').trigger('click');
    expect(w.emitted('download')).toEqual([['parquet'], ['csv'], ['warnings']]);
    await w.get('[data-testid="import-accept"]').trigger('click');
    expect(w.emitted('accept')).toHaveLength(1);
  });

  it('cannot accept while blocked, busy or loading, and says how the last append went', () => {
    for (const p of [{ blocked: true }, { busy: true }, { loading: true }, { chosen: 0 }]) {
      expect(mountWith(p).get('[data-testid="import-accept"]').attributes('disabled')).toBeDefined();
    }
    expect(mountWith().get('[data-testid="import-accept"]').attributes('disabled')).toBeUndefined();
    const ok = mountWith({ lastAccepted: 2, appended: 1234 });
    expect(ok.get('[data-testid="import-ok"]').text()).toContain('1,234');
    const failed = mountWith({ failure: { total: 3, shown: 1 } });
    expect(failed.find('[data-testid="import-failure"]').exists()).toBe(true);
    expect(failed.find('[data-testid="import-ok"]').exists()).toBe(false);
  });
});
