import { INDICATORS, formulaText } from '@/domain/indicators';
import { bridgesTemplates, indicatorTemplates } from '@/domain/comparability';
import { RULES, type Severity } from '@/domain/rules';
import { formatPercent } from '@/domain/format';
import { DEFAULT_MIN_DENOMINATOR, MIN_FUNNEL_PEERS, MIN_QUALITY_COVERAGE } from '@/domain/stats';
import type { Labels } from '@/presenters/labels';

/** Items of a list in running text: "2019、2021" / "2019, 2021". */
const inline = (items: readonly string[], labels: Labels) => items.join(labels.lang === 'zh' ? '、' : ', ');

export interface IndicatorRow {
  readonly key: string;
  readonly name: string;
  /** The name in the other language, so a reader can match both. */
  readonly otherName: string;
  readonly formula: string;
  readonly unit: string;
  readonly explanation: string;
  readonly direction: string;
  readonly templates: string;
}

/** Every indicator with its formula, unit and the templates it can be computed from. */
export function indicatorRows(labels: Labels): IndicatorRow[] {
  const other = labels.lang === 'zh' ? 'en' : 'zh';
  return INDICATORS.map((d) => ({
    key: d.key,
    name: labels.label(d.name),
    otherName: d.name[other],
    formula: formulaText(d, labels.lang),
    unit: labels.t(`glossary.unit.${d.unit}`),
    explanation: labels.label(d.explanation),
    direction: labels.t(`glossary.direction.${d.direction}`),
    templates: bridgesTemplates(d)
      ? `${inline(indicatorTemplates(d), labels)}（${labels.t('glossary.bridged')}）`
      : inline(indicatorTemplates(d), labels),
  }));
}

export interface RuleRow {
  readonly id: string;
  readonly name: string;
  readonly severity: Severity;
  readonly severityLabel: string;
  readonly scope: string;
  readonly explanation: string;
}

/** Every rule with its severity and scope (one report or across years, templates, in the score or not). */
export function ruleRows(labels: Labels): RuleRow[] {
  return RULES.map((r) => ({
    id: r.id,
    name: labels.label(r.name),
    severity: r.severity,
    severityLabel: labels.t(`glossary.severity.${r.severity}`),
    scope: [
      r.crossYear ? labels.t('glossary.crossYear') : labels.t('glossary.oneReport'),
      inline(r.templates, labels),
      ...(r.assessed ? [] : [labels.t('glossary.notAssessed')]),
      ...(r.assessed && !r.inScore ? [labels.t('glossary.notInScore')] : []),
    ].join(labels.lang === 'zh' ? '；' : '; '),
    explanation: labels.label(r.explanation),
  }));
}

/** The comparison methods the glossary explains, in the order of the messages `glossary.methods.*`. */
export const METHOD_KEYS = ['matched', 'balanced', 'wilson', 'funnel', 'minDenominator', 'quality'] as const;

export interface MethodRow {
  readonly key: (typeof METHOD_KEYS)[number];
  readonly name: string;
  readonly text: string;
  readonly formula: string;
}

/**
 * Each comparison method in plain words with its formula, its thresholds filled in from the
 * statistics the views use (minimum denominator, coverage threshold, fewest peers for limits).
 */
export function methodRows(labels: Labels): MethodRow[] {
  const params = {
    min: DEFAULT_MIN_DENOMINATOR,
    coverage: formatPercent(MIN_QUALITY_COVERAGE, labels.lang, 0),
    peers: MIN_FUNNEL_PEERS,
  };
  return METHOD_KEYS.map((key) => ({
    key,
    name: labels.t(`glossary.methods.${key}.name`, params),
    text: labels.t(`glossary.methods.${key}.text`, params),
    formula: labels.t(`glossary.methods.${key}.formula`, params),
  }));
}
