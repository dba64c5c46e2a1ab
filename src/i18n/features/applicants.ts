import { columnLabel } from '@/i18n/catalogue-messages';

/** Messages of the applicants view, under the `applicants` namespace. */
export default {
  zh: {
    title: '申请人（{range}）',
    persons: '自然人申请',
    organisations: '法人或其他组织申请',
    basis: '基于 {n} 份填报完整的年报',
    mode: '显示',
    modeOption: { count: '件数', share: '占比' },
    by: '分组',
    byOption: { level: columnLabel('level', 'zh'), kind: columnLabel('kind', 'zh') },
    yearsTitle: '新收申请的申请人构成（按年度，{range}）',
    groupTitle: {
      level: '新收申请的申请人构成（按层级，{range}）',
      kind: '新收申请的申请人构成（按机关类型，{range}）',
    },
    shareTitle: '法人或其他组织申请占比（按年度，{range}）',
    orgsTitle: '五类法人或其他组织的新收申请（按年度，{range}）',
    note: '申请人分为自然人与五类法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。只计“本年新收”一行六类申请人均已填报的年报：本选择 {total} 份中有 {n} 份；其余年报的空白不按 0 计。',
    unitShare: '单位：%（悬停可见件数）',
    reports: '年报数',
  },
  en: {
    title: 'Applicants ({range})',
    persons: 'Requests from natural persons',
    organisations: 'Requests from organisations',
    basis: 'from {n} complete reports',
    mode: 'Show',
    modeOption: { count: 'Counts', share: 'Shares' },
    by: 'Group by',
    byOption: { level: columnLabel('level', 'en'), kind: columnLabel('kind', 'en') },
    yearsTitle: 'New requests by type of applicant, by year ({range})',
    groupTitle: {
      level: 'New requests by type of applicant, by level ({range})',
      kind: 'New requests by type of applicant, by kind of agency ({range})',
    },
    shareTitle: 'Share of new requests from organisations, by year ({range})',
    orgsTitle: 'New requests from the five kinds of organisation, by year ({range})',
    note: 'Applicants are natural persons or one of five kinds of legal persons and other organisations (businesses, research institutions, non-profits, legal services, others). Only reports with all six applicant columns of "new requests" filled in are counted: {n} of the {total} selected; blanks elsewhere are never read as 0.',
    unitShare: 'Unit: % (hover for counts)',
    reports: 'Reports',
  },
};
