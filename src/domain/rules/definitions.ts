import {
  CELLS,
  DERIVED_GROUPS,
  T3_APPLICANT_COLS,
  T3_COLS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  TEMPLATES,
  cellsOf,
  t3Key,
  t4Key,
  type Label,
} from '@/domain/catalogue';
import type { CellDef } from '@/domain/catalogue';
import type { CheckDef, Relation, RuleDef, RuleId, Sign, Term } from '@/domain/rules/types';

const cellTerm = (key: string, sign: Sign = 1, prev = false): Term => ({
  kind: 'cell',
  sign,
  cell: prev ? { key, prev: true } : { key },
});

function check(
  rule: RuleId,
  part: string,
  label: Label,
  actual: readonly Term[],
  expected: readonly Term[],
  relation: Relation = 'eq',
  skipWhenAllBlank = false,
): CheckDef {
  return { id: `${rule}.${part}`, rule, label, actual, expected, relation, skipWhenAllBlank };
}

/** Σ of every outcome row of section 三 in one column; 其他处理 as its DERIVED_GROUPS alternatives. */
function outcomeTerms(col: (typeof T3_COLS)[number]['key']): Term[] {
  return DERIVED_GROUPS.flatMap((g): Term[] => {
    const [only, ...more] = g.alternatives;
    if (only && more.length === 0) return only.map((row) => cellTerm(t3Key(row, col)));
    return [
      {
        kind: 'group',
        sign: 1,
        label: g.label,
        alternatives: g.alternatives.map((alt) => alt.map((row) => t3Key(row, col))),
      },
    ];
  });
}

function cell2021(row: string, col: string): CellDef {
  const def = cellsOf(2, '2021').find((c) => c.row === row && c.col === col);
  if (!def) throw new Error(`No 2021 section-二 cell ${row}/${col}`);
  return def;
}

const R1 = T3_COLS.map((c) =>
  check(
    'R1',
    c.key,
    c.label,
    [cellTerm(t3Key('total', c.key)), cellTerm(t3Key('carried_out', c.key))],
    [cellTerm(t3Key('new', c.key)), cellTerm(t3Key('carried_in', c.key))],
  ),
);

const R2 = T3_COLS.map((c) => check('R2', c.key, c.label, [cellTerm(t3Key('total', c.key))], outcomeTerms(c.key)));

const R3 = T3_ROWS.map((r) =>
  check(
    'R3',
    r.key,
    r.label,
    [cellTerm(t3Key(r.key, 'total'))],
    T3_APPLICANT_COLS.map((c) => cellTerm(t3Key(r.key, c))),
    'eq',
    // A row of one template only (the （六） variants) is simply absent from the other layout.
    r.templates.length < TEMPLATES.length,
  ),
);

const T4_PARTS = T4_RESULTS.filter((r) => r.key !== 'total');
const R4 = T4_GROUPS.map((g) =>
  check(
    'R4',
    g.key,
    g.label,
    [cellTerm(t4Key(g.key, 'total'))],
    T4_PARTS.map((r) => cellTerm(t4Key(g.key, r.key))),
  ),
);

const R5 = T3_COLS.map((c) =>
  check('R5', c.key, c.label, [cellTerm(t3Key('carried_in', c.key))], [cellTerm(t3Key('carried_out', c.key), 1, true)]),
);

const R6 = cellsOf(2, '2021')
  .filter((c) => c.col === 'in_force')
  .map((inForce) =>
    check(
      'R6',
      inForce.row,
      inForce.rowLabel,
      [cellTerm(inForce.key)],
      [
        cellTerm(inForce.key, 1, true),
        cellTerm(cell2021(inForce.row, 'issued').key),
        cellTerm(cell2021(inForce.row, 'repealed').key, -1),
      ],
    ),
  );

const S1 = CELLS.filter((c) => c.valueKind !== 'signed_count').map((c) =>
  check('S1', c.key, c.label, [cellTerm(c.key)], [], 'ge', true),
);

const S2 = T3_COLS.map((c) =>
  check(
    'S2',
    c.key,
    c.label,
    [cellTerm(t3Key('carried_out', c.key))],
    [cellTerm(t3Key('new', c.key)), cellTerm(t3Key('carried_in', c.key))],
    'le',
  ),
);

const BOTH = TEMPLATES;

/** Rules R1–R8 and the sanity rules of report-format.md §6, each declared once. */
export const RULES: readonly RuleDef[] = [
  {
    id: 'R1',
    name: { zh: '申请收支平衡', en: 'Requests balance' },
    explanation: {
      zh: '每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度（表格上印明的勾稽关系）。',
      en: 'In every column: new + carried in = total handled + carried over (printed on the form).',
    },
    severity: 'error',
    templates: BOTH,
    crossYear: false,
    assessed: true,
    inScore: true,
    checks: R1,
  },
  {
    id: 'R2',
    name: { zh: '办理结果合计', en: 'Outcomes add up' },
    explanation: {
      zh: '每一列：（七）总计 = 予以公开 + 部分公开 + 不予公开各项 + 无法提供各项 + 不予处理各项 + 其他处理。',
      en: 'In every column: total handled = granted + partly granted + every denial, inability, rejection and other handling.',
    },
    severity: 'error',
    templates: BOTH,
    crossYear: false,
    assessed: true,
    inScore: true,
    checks: R2,
  },
  {
    id: 'R3',
    name: { zh: '申请人合计', en: 'Applicants add up' },
    explanation: {
      zh: '每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。',
      en: 'In every row: total = natural persons + the five kinds of legal persons and other organisations.',
    },
    severity: 'error',
    templates: BOTH,
    crossYear: false,
    assessed: true,
    inScore: true,
    checks: R3,
  },
  {
    id: 'R4',
    name: { zh: '复议诉讼合计', en: 'Review and litigation add up' },
    explanation: {
      zh: '第四部分每一类：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。',
      en: 'For administrative review and both kinds of lawsuit: total = upheld + corrected + other + pending.',
    },
    severity: 'error',
    templates: BOTH,
    crossYear: false,
    assessed: true,
    inScore: true,
    checks: R4,
  },
  {
    id: 'R5',
    name: { zh: '跨年结转衔接', en: 'Carry-over across years' },
    explanation: {
      zh: '每一列：本年“上年结转”= 同一机关上一年度报告的“结转下年度继续办理”。缺上一年度报告时无法判断。',
      en: "In every column: this year's carried-in = the same agency's carried-over in last year's report. Not assessable without last year's report.",
    },
    severity: 'error',
    templates: BOTH,
    crossYear: true,
    assessed: true,
    inScore: true,
    checks: R5,
  },
  {
    id: 'R6',
    name: { zh: '现行有效件数衔接', en: 'Documents in force carry over' },
    explanation: {
      zh: '规章、行政规范性文件：本年现行有效 = 上年现行有效 + 本年制发 − 本年废止。清理工作会重新归类文件，故只作提示。',
      en: 'Regulations and normative documents: in force now = in force last year + issued − repealed. A warning only: clean-ups re-classify documents.',
    },
    severity: 'warning',
    templates: ['2021'],
    crossYear: true,
    prevTemplates: ['2021'],
    assessed: true,
    inScore: true,
    checks: R6,
  },
  {
    id: 'R7',
    name: { zh: '总体情况与表格一致', en: 'Prose agrees with the tables' },
    explanation: {
      zh: '“一、总体情况”中引用的数字应与表格一致（叙述常统计其他口径）。本引擎暂未评估。',
      en: 'Figures quoted in section 一 should agree with the tables (prose often counts other things). Not assessed by this engine yet.',
    },
    severity: 'warning',
    templates: BOTH,
    crossYear: false,
    assessed: false,
    inScore: false,
    checks: [],
  },
  {
    id: 'R8',
    name: { zh: '汇总报告与部门报告一致', en: 'Aggregate agrees with departments' },
    explanation: {
      zh: '人民政府汇总报告应约等于其各部门报告之和（两者都有时）。本引擎暂未评估。',
      en: "A government's aggregated report should roughly equal the sum of its departments' reports where both exist. Not assessed by this engine yet.",
    },
    severity: 'warning',
    templates: BOTH,
    crossYear: false,
    assessed: false,
    inScore: false,
    checks: [],
  },
  {
    id: 'S1',
    name: { zh: '数值非负', en: 'No negative counts' },
    explanation: {
      zh: '已填报的件数、金额不得为负（“本年增/减”除外）。空白单元格无需检查。',
      en: 'Reported counts and amounts are never negative (except the 2019 “change this year” cells). Blank cells have nothing to check.',
    },
    severity: 'error',
    templates: BOTH,
    crossYear: false,
    assessed: true,
    // One check per reported cell would swamp the score; a negative count is flagged regardless.
    inScore: false,
    enforcedAtLoad: true,
    checks: S1,
  },
  {
    id: 'S2',
    name: { zh: '结转不超过受理', en: 'Carry-over within intake' },
    explanation: {
      zh: '每一列：结转下年度继续办理 ≤ 本年新收 + 上年结转。',
      en: 'In every column: carried over ≤ new + carried in.',
    },
    severity: 'error',
    templates: BOTH,
    crossYear: false,
    assessed: true,
    inScore: true,
    checks: S2,
  },
];

const RULE_BY_ID: ReadonlyMap<RuleId, RuleDef> = new Map(RULES.map((r) => [r.id, r]));
const CHECK_BY_ID: ReadonlyMap<string, CheckDef> = new Map(RULES.flatMap((r) => r.checks.map((c) => [c.id, c])));

export function rule(id: RuleId): RuleDef {
  const def = RULE_BY_ID.get(id);
  if (!def) throw new Error(`Unknown rule: ${id}`);
  return def;
}

export function isRuleId(id: string): id is RuleId {
  return RULE_BY_ID.has(id as RuleId);
}

export function findCheck(id: string): CheckDef | undefined {
  return CHECK_BY_ID.get(id);
}

export function checkDef(id: string): CheckDef {
  const def = CHECK_BY_ID.get(id);
  if (!def) throw new Error(`Unknown rule check: ${id}`);
  return def;
}

/** Assessed rules, optionally restricted to `ids`. */
export function assessedRules(ids?: readonly RuleId[]): RuleDef[] {
  return RULES.filter((r) => r.assessed && (!ids || ids.includes(r.id)));
}
