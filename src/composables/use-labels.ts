import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Label } from '@/domain/catalogue';
import { formulaText, indicator } from '@/domain/indicators';
import { formatCount, type Lang } from '@/domain/format';
import { useDatasetsStore } from '@/stores/datasets';
import { useFiltersStore } from '@/stores/filters';

/** Message parameters that hold counts (never years): grouped like every figure on the page. */
const COUNT_PARAMS = ['n', 'total', 'shown'] as const;

/** Language-aware helpers: messages, catalogue labels, glossary text, the source line under charts. */
export function useLabels() {
  const i18n = useI18n();
  const lang = computed<Lang>(() => (i18n.locale.value === 'en' ? 'en' : 'zh'));
  /** vue-i18n's `t`, with counts in the message ({n}, {total}, {shown}) written "5,393", not "5393". */
  const t = (key: string, params: Record<string, unknown> = {}): string => {
    const shown: Record<string, unknown> = { ...params };
    for (const p of COUNT_PARAMS) {
      const v = shown[p];
      if (typeof v === 'number') shown[p] = formatCount(v, lang.value);
    }
    return i18n.t(key, shown);
  };
  const datasets = useDatasetsStore();
  const filters = useFiltersStore();

  const label = (l: Label) => l[lang.value];

  function glossary(key: string): string {
    const def = indicator(key);
    const sep = lang.value === 'zh' ? '：' : ': ';
    return `${label(def.name)}${sep}${formulaText(def, lang.value)}。${label(def.explanation)}`;
  }

  const datasetName = computed(() => {
    const e = datasets.active;
    if (!e) return '';
    // Generated data is always named as such, wherever it is shown.
    if (e.generated) return t('dataset.generatedBadge');
    return e.nameKey ? t(e.nameKey) : (e.fileName ?? e.id);
  });

  /** Items of a list ("省级、市级" / "Province, City") and parts of a sentence, per language. */
  const list = (items: readonly string[]) => items.join(t('sep.list'));
  const joinParts = (items: readonly string[]) => items.join(t('sep.parts'));

  /** What the filters select, in words: the second half of every source line. */
  const filterWords = computed(() => {
    const f = filters.filters;
    const parts: string[] = [];
    if (f.yearFrom !== null) parts.push(f.yearFrom === f.yearTo ? `${f.yearFrom}` : `${f.yearFrom}–${f.yearTo}`);
    if (f.county ?? f.city ?? f.province) parts.push([f.province, f.city, f.county].filter(Boolean).join(' '));
    if (f.levels.length) parts.push(list(f.levels.map((l) => t(`level.${l}`))));
    if (f.kinds.length) parts.push(list(f.kinds.map((k) => t(`kind.${k}`))));
    if (f.sectors.length) parts.push(list(f.sectors));
    if (f.agencies.length) parts.push(t('chart.pickedAgencies', { n: f.agencies.length }));
    if (f.excludeFailing) parts.push(t('chart.excludingFailing'));
    return parts.length ? joinParts(parts) : t('chart.allFilters');
  });

  const source = computed(() => t('chart.source', { dataset: datasetName.value, filters: filterWords.value }));

  return { t, lang, label, glossary, datasetName, source, list, joinParts };
}
