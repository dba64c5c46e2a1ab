import { columnLabel } from '@/i18n/catalogue-messages';

/** Messages of the outcomes view, under the `outcomes` namespace. */
export default {
  zh: {
    title: '办理结果（{range}）',
    by: '构成单位',
    byOption: {
      agency: '机关',
      level: columnLabel('level', 'zh'),
      kind: columnLabel('kind', 'zh'),
      sector: columnLabel('sector', 'zh'),
    },
    compositionTitle: {
      agency: '办理量最多的 {n} 个机关的办理结果构成（{range}）',
      picked: '所选机关的办理结果构成（{range}）',
      level: '各层级机关的办理结果构成（{range}）',
      kind: '各类型机关的办理结果构成（{range}）',
      sector: '各领域机关的办理结果构成（{range}）',
    },
    compositionNote:
      '每条合计为 100%：六类办理结果各占其合计的比例，悬停可见件数。只计六类结果均已填报的年报：本选择 {total} 份中有 {n} 份，其余 {left} 份有空白，不按 0 计。其他处理取 2019 模板的单行或 2021 模板三项之和。',
    noSector: '未注明领域',
    pickHint: '可在筛选栏的“机关”框中选择机关；未选择时显示办理量最多的 {n} 个机关。',
    reports: '年报数',
    reason: '细分',
    mode: '显示',
    modeOption: { count: '件数', share: '占比' },
    reasonTitle: '“{group}”的理由（按年度，{range}）',
    reasonNote: '“{group}”的理由只计填报了这些行的年报：本选择 {total} 份中有 {n} 份，其余 {left} 份未填报，不按 0 计',
    reasonNoYears: '{years} 年度没有年报填报，不画作 0：首尾的年度不显示，中间的年度标为“未报告”',
    singleRow: '其他处理（单行）',
    otherNote:
      '其他处理在两种模板中口径不同：2019 模板（2019、2020 年度）只有一行“其他处理”；2021 模板分为“逾期不补正”“逾期未缴费”“其他”三项。单行与三项之间不可比，只有合计可比。本选择中 {single} 份年报只填单行（含 {single2021} 份 2021 模板年报），{split} 份分三项填报。',
    flowTitle: '申请的流向：收到 → 办理结果 → 复议、诉讼（{range}）',
    flowNote:
      '虚线：行政复议与行政诉讼案件并不是本年申请的子集（可能针对往年的答复，复议后起诉也可能源自其他机关的复议），此处仅作为后续流向并列展示。',
    flowBasis: '基于第三部分合计与六类结果均已填报的 {n} 份年报（所选共 {total} 份）；复议诉讼数为同一批年报之和。',
    flowNode: {
      new: '本年新收',
      carried_in: '上年结转',
      received: '收到申请合计',
      handled: '本年办结',
      carried_out: '结转下年度',
    },
    unitShare: '单位：%（悬停可见件数）',
  },
  en: {
    title: 'Outcomes ({range})',
    by: 'Bars per',
    byOption: {
      agency: 'Agency',
      level: columnLabel('level', 'en'),
      kind: columnLabel('kind', 'en'),
      sector: columnLabel('sector', 'en'),
    },
    compositionTitle: {
      agency: 'How requests were answered: the {n} agencies handling most ({range})',
      picked: 'How requests were answered: picked agencies ({range})',
      level: 'How requests were answered, by level ({range})',
      kind: 'How requests were answered, by kind of agency ({range})',
      sector: 'How requests were answered, by sector ({range})',
    },
    compositionNote:
      'Each bar adds up to 100%: the share of each of the six outcome groups; hover for counts. Only reports with all six groups reported are counted: {n} of the {total} selected; the other {left} have blanks, never read as 0. Other handling is the 2019 single row or the sum of the three 2021 rows.',
    noSector: 'No sector named',
    pickHint:
      'Pick agencies in the "Agencies" box of the filter bar; without a pick the {n} agencies handling most requests are shown.',
    reports: 'Reports',
    reason: 'Reasons of',
    mode: 'Show',
    modeOption: { count: 'Counts', share: 'Shares' },
    reasonTitle: 'Reasons for "{group}", by year ({range})',
    reasonNote:
      'Reasons for "{group}" count only the reports that filled these rows: {n} of the {total} selected; the other {left} left them blank, never read as 0',
    reasonNoYears:
      'no report of {years} filled them, and they are not drawn as 0: years at either end are left off, years in between are marked "Not reported"',
    singleRow: 'Other handling (single row)',
    otherNote:
      'Other handling differs between the templates: the 2019 template (report years 2019 and 2020) has a single "other handling" row; the 2021 template splits it into "no correction in time", "fee not paid in time" and "other". The single row and the three rows are not comparable; only their total is. In this selection {single} reports used the single row (including {single2021} on the 2021 template) and {split} the three rows.',
    flowTitle: 'Where requests went: received → outcomes → review and litigation ({range})',
    flowNote:
      "Dashed: administrative review and litigation cases are not a subset of this year's requests (they may concern earlier answers, and a lawsuit after review may follow another organ's review); they are shown alongside as the onward flow.",
    flowBasis:
      'From the {n} reports (of {total} selected) whose section 3 totals and six outcome groups are all reported; review and litigation cases are summed over the same reports.',
    flowNode: {
      new: 'New requests',
      carried_in: 'Carried in',
      received: 'Received in total',
      handled: 'Handled this year',
      carried_out: 'Carried over',
    },
    unitShare: 'Unit: % (hover for counts)',
  },
};
