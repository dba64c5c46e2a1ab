import { i18n } from '@/i18n';
import { createLabels, type Labels } from '@/presenters/labels';

/** The app's own messages, for presenters under test (no component, no store). */
export function testLabels(lang: 'zh' | 'en'): Labels {
  const t = i18n.global.t as (key: string, params: Record<string, unknown>) => string;
  return createLabels((key, params) => {
    i18n.global.locale.value = lang;
    return t(key, params);
  }, lang);
}
