// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import QualityControls from '@/components/quality/QualityControls.vue';

function mountControls(props: Partial<InstanceType<typeof QualityControls>['$props']> = {}) {
  i18n.global.locale.value = 'zh';
  return mount(QualityControls, {
    props: {
      rules: [
        { id: 'R4', name: '复议诉讼合计' },
        { id: 'R6', name: '现行有效件数衔接' },
      ],
      rule: null,
      severity: null,
      blankAsZero: false,
      exporting: null,
      ...props,
    },
    global: { plugins: [i18n] },
  });
}

describe('QualityControls', () => {
  it('asks for the rule, severity and blank-as-0 chosen, each from the first page of failures', async () => {
    const w = mountControls();
    await w.get('[data-testid="quality-rule"]').setValue('R6');
    await w.get('[data-testid="quality-severity"]').setValue('warning');
    await w.get('[data-testid="quality-blank0"]').setValue(true);
    await w.get('[data-testid="quality-rule"]').setValue('');
    expect(w.emitted('change')).toEqual([
      [{ rule: 'R6', failurePage: 1 }],
      [{ severity: 'warning', failurePage: 1 }],
      [{ blankAsZero: true, failurePage: 1 }],
      [{ rule: null, failurePage: 1 }],
    ]);
  });

  it('exports problems or everything, and not twice at once', async () => {
    const w = mountControls();
    const [problems, all] = w.findAll('button');
    await problems?.trigger('click');
    await all?.trigger('click');
    expect(w.emitted('export')).toEqual([[true], [false]]);
    const busy = mountControls({ exporting: 2 });
    expect(busy.findAll('button').every((b) => b.attributes('disabled') !== undefined)).toBe(true);
    expect(busy.text()).toContain('正在导出…（第 2 批）');
  });
});
