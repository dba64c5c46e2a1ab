// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import CompareControls from '@/components/compare/CompareControls.vue';

const props = {
  indicators: [
    { key: 'new_requests', label: '新收申请' },
    { key: 'disclosure_rate', label: '公开率' },
  ],
  selected: ['new_requests'],
  picked: 0,
  scope: 'all' as const,
  minN: 10,
};

describe('CompareControls', () => {
  it('emits a whole minimum denominator, and nothing for anything else', async () => {
    const w = mount(CompareControls, { props, global: { plugins: [i18n] } });
    const input = w.get('[data-testid="compare-min-n"]');
    expect((input.element as HTMLInputElement).value).toBe('10');
    await input.setValue('25');
    await input.setValue('-3');
    await input.setValue('2.5');
    await input.setValue('0');
    expect(w.emitted('minN')).toEqual([[25], [0]]);
  });

  it('shows the scope choice only with agencies picked, and emits the choice', async () => {
    const none = mount(CompareControls, { props, global: { plugins: [i18n] } });
    expect(none.find('[data-testid="compare-scope"]').exists()).toBe(false);
    const some = mount(CompareControls, {
      props: { ...props, picked: 2, scope: 'picked' },
      global: { plugins: [i18n] },
    });
    await some.get('[data-testid="compare-scope"] [data-key="all"]').trigger('click');
    expect(some.emitted('scope')).toEqual([['all']]);
  });
});
