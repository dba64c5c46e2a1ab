import { cell, derivedGroup, derivedGroupValue, type Label, type OutcomeGroup, type T3Col } from '@/domain/catalogue';

/** One addend of an indicator formula: a cell, or an outcome group of section 三 in a column. */
export type Term =
  | { readonly cell: string; readonly sign?: 1 | -1 }
  | { readonly group: OutcomeGroup; readonly col: T3Col; readonly sign?: 1 | -1 };

/**
 * `percent` and `per_100` are both stored as the plain ratio (numerator ÷ denominator); they differ
 * only in how the ratio is shown (× 100 with "%", or × 100 as "per 100 requests").
 */
export type IndicatorUnit = 'count' | 'percent' | 'per_100' | 'wan_yuan';

export interface IndicatorDef {
  readonly key: string;
  readonly name: Label;
  readonly unit: IndicatorUnit;
  /** Sum of terms; a term that is null makes the whole value null (never read as 0). */
  readonly numerator: readonly Term[];
  /** Present for rates: value = numerator ÷ denominator, undefined when the denominator is 0. */
  readonly denominator?: readonly Term[];
  readonly explanation: Label;
  /** Whether a higher value is, for an oversight reader, good, bad or neither. */
  readonly direction: 'up_good' | 'up_bad' | 'neutral';
}

const c = (key: string, sign: 1 | -1 = 1): Term => ({ cell: key, sign });
const g = (group: OutcomeGroup, col: T3Col = 'total'): Term => ({ group, col });

const RECEIVED = [c('t3_new_total'), c('t3_carried_in_total')];

export const INDICATORS: readonly IndicatorDef[] = [
  {
    key: 'new_requests',
    name: { zh: '新收申请', en: 'New requests' },
    unit: 'count',
    numerator: [c('t3_new_total')],
    explanation: {
      zh: '本年新收政府信息公开申请数量（总计列）。',
      en: 'Information-disclosure requests received this year (total column).',
    },
    direction: 'neutral',
  },
  {
    key: 'handled',
    name: { zh: '办理总计', en: 'Requests handled' },
    unit: 'count',
    numerator: [c('t3_total_total')],
    explanation: { zh: '本年度办理结果（七）总计。', en: 'All requests answered this year (row （七）).' },
    direction: 'neutral',
  },
  {
    key: 'disclosure_rate',
    name: { zh: '公开率', en: 'Disclosure rate' },
    unit: 'percent',
    numerator: [g('granted'), g('partial')],
    denominator: [c('t3_total_total')],
    explanation: {
      zh: '予以公开与部分公开之和占办理总计的比例。',
      en: 'Share of handled requests granted in full or in part.',
    },
    direction: 'up_good',
  },
  {
    key: 'denial_rate',
    name: { zh: '不予公开率', en: 'Denial rate' },
    unit: 'percent',
    numerator: [g('denied')],
    denominator: [c('t3_total_total')],
    explanation: {
      zh: '不予公开（8 项理由合计）占办理总计的比例。',
      en: 'Share of handled requests denied (all 8 reasons).',
    },
    direction: 'up_bad',
  },
  {
    key: 'unable_rate',
    name: { zh: '无法提供率', en: 'Cannot-provide rate' },
    unit: 'percent',
    numerator: [g('unable')],
    denominator: [c('t3_total_total')],
    explanation: {
      zh: '无法提供（3 项理由合计）占办理总计的比例。',
      en: 'Share of handled requests the agency could not provide.',
    },
    direction: 'neutral',
  },
  {
    key: 'rejected_rate',
    name: { zh: '不予处理率', en: 'Not-processed rate' },
    unit: 'percent',
    numerator: [g('rejected')],
    denominator: [c('t3_total_total')],
    explanation: {
      zh: '不予处理（5 项理由合计）占办理总计的比例。',
      en: 'Share of handled requests not processed (5 reasons).',
    },
    direction: 'up_bad',
  },
  {
    key: 'other_rate',
    name: { zh: '其他处理率', en: 'Other-handling rate' },
    unit: 'percent',
    numerator: [g('other')],
    denominator: [c('t3_total_total')],
    explanation: {
      zh: '其他处理占办理总计的比例。2019 模板只有一行“其他处理”，2021 模板分为三项，这里取单行或三项之和，因此只有合计可跨模板比较。',
      en: 'Share of handled requests closed as other handling. The 2019 template has one row, the 2021 template three; the single row or the sum of the three is used, so only the total compares across templates.',
    },
    direction: 'neutral',
  },
  {
    key: 'completion_rate',
    name: { zh: '办结率', en: 'Completion rate' },
    unit: 'percent',
    numerator: [c('t3_total_total')],
    denominator: RECEIVED,
    explanation: {
      zh: '办理总计占（新收 + 上年结转）的比例。',
      en: 'Requests handled as a share of requests received plus carried in.',
    },
    direction: 'up_good',
  },
  {
    key: 'carryover_rate',
    name: { zh: '结转率', en: 'Carry-over rate' },
    unit: 'percent',
    numerator: [c('t3_carried_out_total')],
    denominator: RECEIVED,
    explanation: {
      zh: '结转下年度继续办理的申请占（新收 + 上年结转）的比例。',
      en: 'Requests carried over to next year as a share of requests received plus carried in.',
    },
    direction: 'up_bad',
  },
  {
    key: 'org_share',
    name: { zh: '法人申请占比', en: 'Share from organisations' },
    unit: 'percent',
    numerator: [c('t3_new_total'), c('t3_new_person', -1)],
    denominator: [c('t3_new_total')],
    explanation: {
      zh: '法人或其他组织提出的新收申请占新收申请总计的比例。',
      en: 'New requests from legal persons and other organisations as a share of all new requests.',
    },
    direction: 'neutral',
  },
  {
    key: 'review_cases',
    name: { zh: '行政复议', en: 'Reviews' },
    unit: 'count',
    numerator: [c('t4_review_total')],
    explanation: { zh: '政府信息公开行政复议案件总计。', en: 'Administrative review cases on disclosure.' },
    direction: 'neutral',
  },
  {
    key: 'litigation_cases',
    name: { zh: '行政诉讼', en: 'Lawsuits' },
    unit: 'count',
    numerator: [c('t4_suit_direct_total'), c('t4_suit_after_review_total')],
    explanation: {
      zh: '行政诉讼案件总计（未经复议直接起诉 + 复议后起诉）。',
      en: 'Lawsuits on disclosure, filed directly or after review.',
    },
    direction: 'neutral',
  },
  {
    key: 'review_correction_rate',
    name: { zh: '复议纠错率', en: 'Review correction' },
    unit: 'percent',
    numerator: [c('t4_review_corrected')],
    denominator: [c('t4_review_total'), c('t4_review_pending', -1)],
    explanation: {
      zh: '行政复议结果纠正的案件占已审结复议案件（总计 − 尚未审结）的比例。',
      en: 'Reviews whose result corrected the agency, as a share of concluded reviews (total − pending).',
    },
    direction: 'up_bad',
  },
  {
    key: 'litigation_correction_rate',
    name: { zh: '诉讼纠错率', en: 'Lawsuit correction' },
    unit: 'percent',
    numerator: [c('t4_suit_direct_corrected'), c('t4_suit_after_review_corrected')],
    denominator: [
      c('t4_suit_direct_total'),
      c('t4_suit_after_review_total'),
      c('t4_suit_direct_pending', -1),
      c('t4_suit_after_review_pending', -1),
    ],
    explanation: {
      zh: '两类行政诉讼中结果纠正的案件占已审结诉讼案件的比例。',
      en: 'Lawsuits whose result corrected the agency, as a share of concluded lawsuits.',
    },
    direction: 'up_bad',
  },
  {
    key: 'dispute_rate',
    name: { zh: '复议诉讼发生率', en: 'Dispute rate' },
    unit: 'percent',
    numerator: [c('t4_review_total'), c('t4_suit_direct_total')],
    denominator: RECEIVED,
    explanation: {
      zh: '（行政复议 + 直接起诉的行政诉讼）占（新收 + 上年结转）申请的比例。',
      en: 'Reviews and direct lawsuits as a share of requests received plus carried in.',
    },
    direction: 'up_bad',
  },
  {
    key: 'cases_per_100',
    name: { zh: '每百件申请的复议诉讼案件', en: 'Cases per 100 requests' },
    unit: 'per_100',
    numerator: [c('t4_review_total'), c('t4_suit_direct_total'), c('t4_suit_after_review_total')],
    denominator: RECEIVED,
    explanation: {
      zh: '行政复议与两类行政诉讼案件之和，折算为每 100 件（新收 + 上年结转）申请对应的案件数。复议后又起诉的争议在两处各计一次；案件并非本年申请的子集，只是与申请量对照。',
      en: "Administrative reviews plus both kinds of lawsuits per 100 requests received or carried in. A dispute reviewed and then taken to court counts in both; the cases are not a subset of this year's requests, only set against their volume.",
    },
    direction: 'up_bad',
  },
];

const BY_KEY = new Map(INDICATORS.map((i) => [i.key, i]));

export function indicator(key: string): IndicatorDef {
  const def = BY_KEY.get(key);
  if (!def) throw new Error(`Unknown indicator: ${key}`);
  return def;
}

export function isIndicatorKey(key: string): boolean {
  return BY_KEY.has(key);
}

export function termLabel(t: Term): Label {
  if ('cell' in t) return cell(t.cell).label;
  const grp = derivedGroup(t.group).label;
  return t.col === 'total' ? grp : { zh: `${grp.zh}（${t.col}）`, en: `${grp.en} (${t.col})` };
}

/** A sum of terms in words (e.g. the denominator of a rate: 办理总计). */
export function sumLabel(terms: readonly Term[], lang: 'zh' | 'en'): string {
  return terms
    .map((t, i) => {
      const sign = (t.sign ?? 1) === -1 ? ' − ' : i === 0 ? '' : ' + ';
      return `${sign}${termLabel(t)[lang]}`;
    })
    .join('');
}

/** The formula as a reader sees it in a tooltip or the glossary. */
export function formulaText(def: IndicatorDef, lang: 'zh' | 'en'): string {
  const num = sumLabel(def.numerator, lang);
  if (!def.denominator) return num;
  const wrap = (s: string, n: number) => (n <= 1 ? s : lang === 'zh' ? `（${s}）` : `(${s})`);
  const ratio = `${wrap(num, def.numerator.length)} ÷ ${wrap(sumLabel(def.denominator, lang), def.denominator.length)}`;
  return def.unit === 'per_100' ? `${ratio} × 100` : ratio;
}

/** Value of a term sum for one report; null as soon as one term is not reported. */
export function termsValue(
  terms: readonly Term[],
  value: (cellKey: string) => number | null | undefined,
): number | null {
  let total = 0;
  for (const t of terms) {
    const v = 'cell' in t ? (value(t.cell) ?? null) : derivedGroupValue(t.group, t.col, value);
    if (v === null) return null;
    total += (t.sign ?? 1) * v;
  }
  return total;
}

/** Indicator value for one report. Rates with a zero or unreported denominator are null ("—"). */
export function indicatorValue(
  def: IndicatorDef,
  value: (cellKey: string) => number | null | undefined,
): number | null {
  const num = termsValue(def.numerator, value);
  if (!def.denominator) return num;
  const den = termsValue(def.denominator, value);
  if (num === null || den === null || den === 0) return null;
  return num / den;
}

/** Every cell key an indicator reads (for column pruning and null explanations). */
export function indicatorCells(def: IndicatorDef): string[] {
  const keys = new Set<string>();
  for (const t of [...def.numerator, ...(def.denominator ?? [])]) {
    if ('cell' in t) keys.add(t.cell);
    else for (const alt of derivedGroup(t.group).alternatives) for (const r of alt) keys.add(`t3_${r}_${t.col}`);
  }
  return [...keys];
}

const sameTerms = (a: readonly Term[], b: readonly Term[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The denominator of a rate in words: the name of the count indicator that is exactly that sum
 * (办理总计 for the disclosure rate), else the sum of its terms. Null for a count.
 */
export function denominatorName(def: IndicatorDef, lang: 'zh' | 'en'): string | null {
  if (!def.denominator) return null;
  const den = def.denominator;
  const named = INDICATORS.find((d) => !d.denominator && sameTerms(d.numerator, den));
  return named ? named.name[lang] : sumLabel(den, lang);
}

/** The numerator of a rate in words, the same way. */
export function numeratorName(def: IndicatorDef, lang: 'zh' | 'en'): string {
  const named = INDICATORS.find((d) => !d.denominator && d.key !== def.key && sameTerms(d.numerator, def.numerator));
  return named ? named.name[lang] : sumLabel(def.numerator, lang);
}
