/** Messages of the glossary view, under the `glossary` namespace. */
export default {
  zh: {
    title: '指标与规则说明',
    intro:
      '看板中的每个比率、每条勾稽规则都在这里给出公式与含义。本页内容直接取自程序的指标目录与规则目录，与图表、表格和数据质量检查所用的完全一致。',
    indicators: '指标（{n} 个）',
    rules: '勾稽规则（{n} 条）',
    col: {
      name: '指标',
      formula: '公式',
      unit: '单位',
      explanation: '说明',
      templates: '适用模板',
      id: '编号',
      rule: '规则',
      severity: '级别',
      scope: '范围',
    },
    unit: { count: '件', percent: '%', per_100: '件/百件申请', wan_yuan: '万元' },
    direction: { up_good: '越高越好', up_bad: '越高越需关注', neutral: '不作好坏判断' },
    bridged: '其他处理取 2019 模板单行或 2021 模板三项之和',
    severity: { error: '错误', warning: '提示' },
    crossYear: '跨年度（与上一年度报告比较）',
    oneReport: '单份年报',
    notAssessed: '本引擎暂未评估',
    notInScore: '不计入质量得分',
    nullTitle: '空值约定',
    nullItems: [
      '空白表示“未填报”，从不按 0 计算；年报中印作“/”“—”“-”“无”的单元格也视为未填报，只有印出的 0 才是 0。',
      '比率的分母为 0 或未填报时，比率无定义，显示为“—”，而不是 0%。',
      '汇总多份年报时，件数为已填报数值之和；比率为“分子之和 ÷ 分母之和”，只计分子、分母都已填报的年报，图表旁注明所用年报数 n。',
      '某机关某年度没有年报时，趋势图在该年留空（断开），不补 0。',
    ],
    methodsTitle: '比较方法',
    methodsIntro: '比较机关时，每个变化、排名和“偏高/偏低”标记都按下列方法计算，并注明所依据的机关数和分母。',
    methods: {
      matched: {
        name: '同口径比较（匹配集合）',
        text: '比较两个年度（较上年、起止年份）时，只计两年都有年报、且该指标所需单元格两年都已填报的机关。只有一年年报的机关，或某年该单元格空白的机关，不计入变化，并注明排除了多少份年报及原因。全部年报的合计回答的是另一个问题（报告量本身的变化），另行标注。',
        formula:
          '变化率 = 本年合计 ÷ 上年合计 − 1，两个合计都只计两年均已填报的 N 个机关；比率为同一组机关的 Σ分子 ÷ Σ分母',
      },
      balanced: {
        name: '平衡面板（各年相同机关）',
        text: '趋势可选“各年相同机关”：只保留在所选范围内每一个有年报的年度都有年报的机关，使每一年比较的是同一组机关；同时注明保留与排除的机关数。',
        formula: '保留的机关：在范围内每个有年报的年度均有年报',
      },
      wilson: {
        name: '威尔逊区间',
        text: '比率 p = x ÷ n（x 为分子，n 为分母）。分母很小时，比率的高低多半出于偶然；95% 威尔逊区间给出与数据相容的范围，n 越小区间越宽，p 接近 0 或 1 时也可靠。例：x = 1、n = 3 时区间约为 6.1%–79.2%；x = 0、n = 2 时为 0–65.8%。',
        formula: '中心 = (p + z²/2n) ÷ (1 + z²/n)；半宽 = z × √(p(1 − p)/n + z²/4n²) ÷ (1 + z²/n)；z = 1.959964',
      },
      funnel: {
        name: '漏斗图与控制限',
        text: '把同组每个机关的比率画在它的分母上。中线是同组合并比率 p₀；两组曲线是 95% 与 99.8% 控制限：假如一个机关的真实比率就是 p₀，它的比率落在限内的概率分别约为 95% 与 99.8%。控制限按精确二项分布计算（整数件数之间取中点插值，相当于 mid-p 检验），小分母时也准确。在 95% 限内为“与同组相符”；超出 95% 限才标“偏高/偏低”；超出 99.8% 限则很难用偶然解释。同组少于 {peers} 个机关时不画控制限，只列数值。若超出 95% 限的机关远多于约 5% 的预期，说明机关之间的差异超出偶然（过度离散），图旁会注明。件数类指标仍用四分位比较。',
        formula:
          'p₀ = Σx ÷ Σn；q 分位的控制限 = (r + ½ − α) ÷ n，其中 r 为 Binomial(n, p₀) 累计概率首次达到 q 的件数，α = (P(X ≤ r) − q) ÷ P(X = r)；95% 取 q = 2.5% 与 97.5%，99.8% 取 q = 0.1% 与 99.9%',
      },
      minDenominator: {
        name: '最小分母',
        text: '按比率排名时，分母少于 {min} 件的机关不参与排名，单独列为“样本过小”，仍给出其比率与分母。门槛可以调整，并保存在网址中。',
        formula: '参与排名：分母 n ≥ {min}（默认 10 件办理总计）',
      },
      quality: {
        name: '质量得分与覆盖率',
        text: '每份年报的勾稽检查分为通过、未通过、无法判断（所需单元格空白）三种。覆盖率是能判断的检查所占的比例。只看能判断的检查，一份大部分无法核对的年报也能得到 100%；因此排名改用“通过的检查 ÷ 全部检查”的 95% 威尔逊下限：无法判断的检查按未通过计，检查少时下限更低，看不清的年报排不到前面。覆盖率低于 {coverage} 的机关不参与排名，单独列出。',
        formula:
          '覆盖率 = (通过 + 未通过) ÷ 全部检查；通过率 = 通过 ÷ (通过 + 未通过)；排名依据 = 通过 ÷ 全部检查 的威尔逊下限；覆盖率 < {coverage} 时单列',
      },
    },
    templatesTitle: '2019 模板与 2021 模板',
    templatesItems: [
      '2019、2020 年度的年报使用 2019 模板，2021 年度起使用 2021 模板。',
      '第三部分（六）其他处理：2019 模板只有一行；2021 模板分为“逾期不补正”“逾期未缴费”“其他”三项。只有其合计可跨模板比较，三项细分与单行之间不可比。部分 2021 年度年报仍只填一行，按单行处理。',
      '第二部分主动公开：2019 模板的栏目（新制作、新公开、对外公开总数；上一年项目数、本年增/减、处理决定数）与 2021 模板（制发、废止、现行有效；处理决定数；收费金额）含义不同，看板分别展示，不相互折算。',
    ],
  },
  en: {
    title: 'Indicators and rules',
    intro:
      "Every rate and every consistency rule of the dashboard, with its formula and meaning. This page is read directly from the app's indicator and rule catalogues — the same definitions the charts, tables and data-quality checks use.",
    indicators: 'Indicators ({n})',
    rules: 'Consistency rules ({n})',
    col: {
      name: 'Indicator',
      formula: 'Formula',
      unit: 'Unit',
      explanation: 'Explanation',
      templates: 'Templates',
      id: 'ID',
      rule: 'Rule',
      severity: 'Severity',
      scope: 'Scope',
    },
    unit: { count: 'count', percent: '%', per_100: 'per 100 requests', wan_yuan: '10,000 yuan' },
    direction: { up_good: 'higher is better', up_bad: 'higher needs attention', neutral: 'neither good nor bad' },
    bridged: 'other handling is the 2019 single row or the sum of the three 2021 rows',
    severity: { error: 'error', warning: 'warning' },
    crossYear: 'across years (against the previous report)',
    oneReport: 'one report',
    notAssessed: 'not assessed by this engine yet',
    notInScore: 'not counted in the quality score',
    nullTitle: 'Blanks and undefined values',
    nullItems: [
      'A blank cell means "not reported" and is never read as 0; cells printed as "/", "—", "-" or "无" are blanks too. Only a printed 0 is 0.',
      'A rate whose denominator is 0 or not reported is undefined and shown as "—", never as 0%.',
      'Over several reports, counts are the sum of the reported values; rates are the sum of numerators ÷ the sum of denominators over the reports where both are reported, and charts say how many reports (n) that is.',
      'A year in which an agency did not report is a gap in a trend line, never a 0.',
    ],
    methodsTitle: 'Comparison methods',
    methodsIntro:
      'When agencies are compared, every change, ranking and high/low badge is computed as below and says how many agencies and what denominator it rests on.',
    methods: {
      matched: {
        name: 'Like-for-like change (matched set)',
        text: 'A change between two years (vs the previous year, or start vs end) counts only the agencies that reported in both years with the cells the figure needs filled in both. Agencies with a report in one year only, or with the cell blank in either year, are left out of the change, and the view says how many reports were left out and why. The total of all reports per year answers a different question (how much the reported volume changed) and is labelled as such.',
        formula:
          'change = total this year ÷ total last year − 1, both totals over the N agencies reporting the figure in both years; a rate is Σ numerator ÷ Σ denominator over the same agencies',
      },
      balanced: {
        name: 'Balanced panel (same agencies every year)',
        text: 'Trends can show the same agencies every year: only agencies with a report in every year of the range in which any report exists are kept, so each year compares the same set. The view says how many agencies are kept and left out.',
        formula: 'kept: agencies with a report in every year of the range that has reports',
      },
      wilson: {
        name: 'Wilson interval',
        text: 'A rate is p = x ÷ n (x the numerator, n the denominator). With a small denominator a rate is mostly chance; the 95% Wilson interval gives the range of rates consistent with the data. It widens as n shrinks and stays sound for p near 0 or 1. Example: x = 1 and n = 3 give about 6.1% to 79.2%; x = 0 and n = 2 give 0 to 65.8%.',
        formula:
          'centre = (p + z²/2n) ÷ (1 + z²/n); half-width = z × √(p(1 − p)/n + z²/4n²) ÷ (1 + z²/n); z = 1.959964',
      },
      funnel: {
        name: 'Funnel plot and control limits',
        text: "Each agency's rate is plotted against its denominator. The centre line is the peer group's pooled rate p₀; the two pairs of curves are the 95% and 99.8% control limits: if an agency's true rate were p₀, its rate would fall inside them with a probability of about 95% and 99.8%. The limits are exact binomial ones (interpolated at the middle of each whole count, which amounts to a mid-p test), so they hold for small denominators too. Inside the 95% limits an agency is in line with its peers; only outside them is it badged high or low; outside the 99.8% limits the difference is hard to put down to chance. A peer group of fewer than {peers} agencies gets no limits, only the values. When many more agencies than the expected 5% lie outside the 95% limits, the agencies differ more than chance explains (over-dispersion) and a note says so. Counts keep the quartile view.",
        formula:
          'p₀ = Σx ÷ Σn; the q-limit = (r + ½ − α) ÷ n, where r is the smallest count whose cumulative Binomial(n, p₀) probability reaches q and α = (P(X ≤ r) − q) ÷ P(X = r); 95%: q = 2.5% and 97.5%; 99.8%: q = 0.1% and 99.9%',
      },
      minDenominator: {
        name: 'Minimum denominator',
        text: 'Rankings by a rate leave out agencies whose denominator is under {min}: they are listed apart as too small a sample, with their rate and denominator. The threshold can be changed and is kept in the URL.',
        formula: 'ranked: denominator n ≥ {min} (default 10 requests handled)',
      },
      quality: {
        name: 'Quality score and coverage',
        text: 'Each consistency check of a report passes, fails or cannot be assessed (a cell it needs is blank). Coverage is the share of checks that could be assessed. A pass rate over assessable checks alone lets a barely checkable report reach 100%, so the ranking uses the 95% Wilson lower bound of passes over all checks: a check that cannot be assessed counts as not passed, and few checks lower the bound, so an unreadable report cannot rank first. Agencies whose coverage is under {coverage} are listed apart, unranked.',
        formula:
          'coverage = (passed + failed) ÷ all checks; pass rate = passed ÷ (passed + failed); ranked by the Wilson lower bound of passed ÷ all checks; coverage < {coverage}: listed apart',
      },
    },
    templatesTitle: 'The 2019 and 2021 templates',
    templatesItems: [
      'Reports for 2019 and 2020 use the 2019 template; reports from 2021 on use the 2021 template.',
      'Section 3, row (6) other handling: one row in the 2019 template, three in the 2021 template (no correction in time, fee not paid in time, other). Only the total compares across templates; the three rows and the single row do not. Some 2021 reports still print a single row, which is treated as such.',
      'Section 2 proactive disclosure: the 2019 columns (made, published, total published; items last year, change, decisions) mean other things than the 2021 ones (issued, repealed, in force; decisions; fees collected). The dashboard shows them separately and never converts one into the other.',
    ],
  },
};
