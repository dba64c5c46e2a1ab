import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Lang } from '@/domain/format';
import { createLabels, type Labels } from '@/presenters/labels';
import { useStartAnswers } from '@/composables/use-answers';
import { useFiltersStore } from '@/stores/filters';
import { useDatasetsStore } from '@/stores/datasets';

/** Language-aware helpers: messages, catalogue labels, glossary text, the source line under charts. */
export function useLabels() {
  const i18n = useI18n();
  const lang = computed<Lang>(() => (i18n.locale.value === 'en' ? 'en' : 'zh'));
  /** One value for pure presenters; a new one on each language change. */
  const labels = computed<Labels>(() => createLabels((key, params) => i18n.t(key, params), lang.value));
  const t: Labels['t'] = (key, params) => labels.value.t(key, params);
  const label: Labels['label'] = (l) => labels.value.label(l);
  const glossary: Labels['glossary'] = (key) => labels.value.glossary(key);
  const list: Labels['list'] = (items) => labels.value.list(items);
  const joinParts: Labels['joinParts'] = (items) => labels.value.joinParts(items);
  const start = useStartAnswers();
  const filters = useFiltersStore();
  const datasets = useDatasetsStore();

  const datasetName = computed(() => {
    // While the first figures come from build-time answers, they describe the dataset on its way.
    const e = start.shown.value;
    if (!e) return '';
    // Generated data is always named as such, wherever it is shown.
    const nameOf = (d: { generated: boolean; nameKey?: string; fileName?: string; id: string }) =>
      d.generated ? t('dataset.generatedBadge') : d.nameKey ? t(d.nameKey) : (d.fileName ?? d.id);
    // Several datasets in use: the figures are their union, and the source line names each.
    const beside = datasets.alsoIds.flatMap((id) => datasets.entries.filter((x) => x.id === id));
    return [e, ...beside].map(nameOf).join(' + ');
  });

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

  return { t, lang, label, glossary, datasetName, source, list, joinParts, labels };
}
