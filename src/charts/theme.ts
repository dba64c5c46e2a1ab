/** Colours and type shared by every chart; CJK-safe font stack first. */
export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif';

export const PALETTE = [
  '#1f5fa8',
  '#e07b39',
  '#3a9d6b',
  '#c44e52',
  '#8172b3',
  '#937860',
  '#da8bc3',
  '#64b5cd',
  '#8c8c8c',
];

/** Outcome groups keep the same colour everywhere: granted green, denied red, … */
export const OUTCOME_COLORS: Record<string, string> = {
  granted: '#3a9d6b',
  partial: '#9ccf7a',
  denied: '#c44e52',
  unable: '#e0a339',
  rejected: '#8172b3',
  other: '#9aa5b1',
};

export const APPLICANT_COLORS: Record<string, string> = {
  person: '#1f5fa8',
  business: '#e07b39',
  research: '#3a9d6b',
  nonprofit: '#8172b3',
  legal: '#c44e52',
  org_other: '#9aa5b1',
};

export const BASE_OPTION = {
  textStyle: { fontFamily: FONT_FAMILY, color: '#2b3440' },
  color: PALETTE,
  animation: true,
  animationDuration: 300,
} as const;

export const AXIS_LABEL = { color: '#5b6673', fontSize: 12 } as const;
export const SPLIT_LINE = { lineStyle: { color: '#e6e9ee' } } as const;

/** Results of review and litigation: upheld blue, corrected red, other grey, pending amber. */
export const T4_RESULT_COLORS: Record<string, string> = {
  upheld: '#1f5fa8',
  corrected: '#c44e52',
  other: '#9aa5b1',
  pending: '#e0a339',
};

/** The three kinds of case of section 四. */
export const T4_GROUP_COLORS: Record<string, string> = {
  review: '#1f5fa8',
  suit_direct: '#e07b39',
  suit_after_review: '#8172b3',
};

/** The reasons of 其他处理: the 2019 single row grey, the three 2021 rows in their own colours. */
export const OTHER_REASON_COLORS: Record<string, string> = {
  other_single: '#9aa5b1',
  other_no_correction: '#1f5fa8',
  other_unpaid_fee: '#e07b39',
  other_misc: '#8172b3',
};

/** Documents of section 二 (规章, 规范性文件): issued blue, repealed red, in force green. */
export const DOC_FLOW_COLORS: readonly string[] = ['#1f5fa8', '#c44e52', '#3a9d6b'];
