import { columnLabel } from '@/i18n/catalogue-messages';

/** Messages of the review & litigation view, under the `litigation` namespace. */
export default {
  zh: {
    title: '行政复议与行政诉讼（{range}）',
    by: '分组',
    byOption: { year: columnLabel('year', 'zh'), level: columnLabel('level', 'zh'), kind: columnLabel('kind', 'zh') },
    byWord: { year: '年度', level: '层级', kind: '机关类型' },
    outcomesTitle: '{group}结果（按{by}，{range}）',
    ratesTitle: '复议纠错率与诉讼纠错率（按年度，{range}）',
    per100Title: '每百件申请的复议诉讼案件（按年度，{range}）',
    agencyTitle: '复议诉讼案件最多的 {n} 个机关（{range}）',
    agencyPicked: '所选机关的复议诉讼案件（{range}）',
    unitPer100: '单位：件/百件申请',
    unitCases: '单位：件',
    note: '纠错率 = 结果纠正 ÷（总计 − 尚未审结），已审结案件为 0 时不计算（—）；诉讼纠错率合并两类行政诉讼。每百件申请的案件数以（新收 + 上年结转）申请为分母，案件并非本年申请的子集。',
    basis: '第四部分只计填报了其中数字的年报：本选择 {total} 份中有 {n} 份，其余 {left} 份未填报，不按 0 计。',
    correction: '纠错率',
    reports: '年报数',
  },
  en: {
    title: 'Administrative review and litigation ({range})',
    by: 'Group by',
    byOption: { year: columnLabel('year', 'en'), level: columnLabel('level', 'en'), kind: columnLabel('kind', 'en') },
    byWord: { year: 'year', level: 'level', kind: 'kind of agency' },
    outcomesTitle: '{group}: results by {by}, {range}',
    ratesTitle: 'Correction rates of reviews and lawsuits, by year ({range})',
    per100Title: 'Review and litigation cases per 100 requests, by year ({range})',
    agencyTitle: 'The {n} agencies with most review and litigation cases ({range})',
    agencyPicked: 'Review and litigation cases of the picked agencies ({range})',
    unitPer100: 'Unit: cases per 100 requests',
    unitCases: 'Unit: cases',
    note: "Correction rate = corrected ÷ (total − pending), undefined (—) when no case was concluded; the lawsuit rate pools both kinds of lawsuit. Cases per 100 requests are set against requests received plus carried in; the cases are not a subset of this year's requests.",
    basis:
      'Section 4 counts only the reports that filled some of it: {n} of the {total} selected; the other {left} left it blank, never read as 0.',
    correction: 'correction rate',
    reports: 'Reports',
  },
};
