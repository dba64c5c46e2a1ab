import type { Label } from '@/domain/catalogue';
import { formulaText, indicator } from '@/domain/indicators';
import { formatCount, type Lang } from '@/domain/format';

/**
 * What a presenter needs to put words on figures, in the page's language: the app passes
 * `useLabels().labels`, tests pass `testLabels('zh' | 'en')`; both are made by `createLabels`
 * over the same messages.
 */
export interface Labels {
  readonly lang: Lang;
  /** A message, counts in its parameters grouped as on the page ("5,393"). */
  t(key: string, params?: Record<string, unknown>): string;
  /** A catalogue label in the page's language. */
  label(l: Label): string;
  /** An indicator's name, formula and explanation (the glossary tooltip). */
  glossary(key: string): string;
  /** Items of a list ("省级、市级" / "Province, City"). */
  list(items: readonly string[]): string;
  /** Parts of a sentence ("…；…" / "…; …"). */
  joinParts(items: readonly string[]): string;
}

/** Message parameters that hold counts (never years): grouped like every figure on the page. */
const COUNT_PARAMS = ['n', 'total', 'shown'] as const;

/** The helpers over a message function (vue-i18n's `t` in the app, the same messages in tests). */
export function createLabels(translate: (key: string, params: Record<string, unknown>) => string, lang: Lang): Labels {
  const t = (key: string, params: Record<string, unknown> = {}): string => {
    const shown: Record<string, unknown> = { ...params };
    for (const p of COUNT_PARAMS) {
      const v = shown[p];
      if (typeof v === 'number') shown[p] = formatCount(v, lang);
    }
    return translate(key, shown);
  };
  const label = (l: Label) => l[lang];
  const glossary = (key: string): string => {
    const def = indicator(key);
    const sep = lang === 'zh' ? '：' : ': ';
    return `${label(def.name)}${sep}${formulaText(def, lang)}。${label(def.explanation)}`;
  };
  return {
    lang,
    t,
    label,
    glossary,
    list: (items) => items.join(t('sep.list')),
    joinParts: (items) => items.join(t('sep.parts')),
  };
}
