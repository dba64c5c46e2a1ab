/**
 * The report catalogue: every statistical cell of sections 二, 三 and 四 of the annual report,
 * for the 2019 and the 2021 template, keyed as the dataset contract says. Everything that names a
 * cell (validation, SQL allow-lists, labels, the report view, rules, the CSV template) reads this.
 */

export type Template = '2019' | '2021';
export const TEMPLATES: readonly Template[] = ['2019', '2021'];

export type Section = 2 | 3 | 4;
export type CellUnit = 'count' | 'wan_yuan' | 'as_printed';
export type CellValueKind = 'count' | 'signed_count' | 'decimal';

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export interface CellDef {
  readonly key: string;
  readonly section: Section;
  /** Row key within its section (e.g. `granted`, `review`, `rules`). */
  readonly row: string;
  /** Column key within its section (e.g. `person`, `upheld`, `issued`). */
  readonly col: string;
  readonly rowLabel: Label;
  readonly colLabel: Label;
  /** Full label: row and column, as a person would say it. */
  readonly label: Label;
  readonly unit: CellUnit;
  readonly valueKind: CellValueKind;
  readonly templates: readonly Template[];
}

const BOTH: readonly Template[] = ['2019', '2021'];

// ---------------------------------------------------------------------------------------------
// Identity columns
// ---------------------------------------------------------------------------------------------

export type IdentityKey =
  | 'agency_id'
  | 'agency_name'
  | 'year'
  | 'template'
  | 'level'
  | 'kind'
  | 'province'
  | 'city'
  | 'county'
  | 'region_code'
  | 'sector'
  | 'source_url';

export interface IdentityDef {
  readonly key: IdentityKey;
  readonly label: Label;
  readonly required: boolean;
  readonly type: 'text' | 'integer';
}

export const IDENTITY_COLUMNS: readonly IdentityDef[] = [
  { key: 'agency_id', label: { zh: '机关标识', en: 'Agency ID' }, required: true, type: 'text' },
  { key: 'agency_name', label: { zh: '机关名称', en: 'Agency name' }, required: true, type: 'text' },
  { key: 'year', label: { zh: '年度', en: 'Year' }, required: true, type: 'integer' },
  { key: 'template', label: { zh: '模板', en: 'Template' }, required: false, type: 'text' },
  { key: 'level', label: { zh: '层级', en: 'Level' }, required: true, type: 'text' },
  { key: 'kind', label: { zh: '类型', en: 'Kind' }, required: true, type: 'text' },
  { key: 'province', label: { zh: '省', en: 'Province' }, required: false, type: 'text' },
  { key: 'city', label: { zh: '市', en: 'City' }, required: false, type: 'text' },
  { key: 'county', label: { zh: '县（区）', en: 'County' }, required: false, type: 'text' },
  { key: 'region_code', label: { zh: '行政区划代码', en: 'Region code' }, required: false, type: 'text' },
  { key: 'sector', label: { zh: '领域', en: 'Sector' }, required: false, type: 'text' },
  { key: 'source_url', label: { zh: '来源链接', en: 'Source URL' }, required: false, type: 'text' },
];

export type Level = 'national' | 'province' | 'city' | 'county' | 'township';
export const LEVELS: readonly { key: Level; label: Label }[] = [
  { key: 'national', label: { zh: '国务院部门', en: 'National' } },
  { key: 'province', label: { zh: '省级', en: 'Province' } },
  { key: 'city', label: { zh: '市级', en: 'City' } },
  { key: 'county', label: { zh: '县级', en: 'County' } },
  { key: 'township', label: { zh: '乡镇（街道）', en: 'Township' } },
];

export type AgencyKind = 'government' | 'department';
export const KINDS: readonly { key: AgencyKind; label: Label }[] = [
  { key: 'government', label: { zh: '人民政府', en: 'Government' } },
  { key: 'department', label: { zh: '部门', en: 'Department' } },
];

/** The template a report year uses when the dataset does not say. */
export function templateForYear(year: number): Template {
  return year <= 2020 ? '2019' : '2021';
}

// ---------------------------------------------------------------------------------------------
// Section 二 主动公开政府信息情况
// ---------------------------------------------------------------------------------------------

interface T2Row {
  readonly row: string;
  readonly label: Label;
  readonly cols: readonly { col: string; label: Label; valueKind?: CellValueKind; unit?: CellUnit }[];
}

const ISSUED_REPEALED_IN_FORCE = [
  { col: 'issued', label: { zh: '本年制发件数', en: 'Issued this year' } },
  { col: 'repealed', label: { zh: '本年废止件数', en: 'Repealed this year' } },
  { col: 'in_force', label: { zh: '现行有效件数', en: 'In force' } },
] as const;

const DECISIONS = [{ col: 'decisions', label: { zh: '本年处理决定数量', en: 'Decisions this year' } }] as const;

export const T2_ROWS_2021: readonly T2Row[] = [
  { row: 'rules', label: { zh: '规章', en: 'Regulations (规章)' }, cols: ISSUED_REPEALED_IN_FORCE },
  { row: 'normative', label: { zh: '行政规范性文件', en: 'Normative documents' }, cols: ISSUED_REPEALED_IN_FORCE },
  { row: 'licensing', label: { zh: '行政许可', en: 'Administrative licensing' }, cols: DECISIONS },
  { row: 'penalty', label: { zh: '行政处罚', en: 'Administrative penalties' }, cols: DECISIONS },
  { row: 'coercion', label: { zh: '行政强制', en: 'Administrative coercion' }, cols: DECISIONS },
  {
    row: 'fees',
    label: { zh: '行政事业性收费', en: 'Administrative fees' },
    cols: [
      {
        col: 'amount',
        label: { zh: '本年收费金额（单位：万元）', en: 'Fees collected (10k yuan)' },
        valueKind: 'decimal',
        unit: 'wan_yuan',
      },
    ],
  },
];

const PREV_CHANGE_DECISIONS = [
  { col: 'prev', label: { zh: '上一年项目数量', en: 'Items last year' } },
  { col: 'change', label: { zh: '本年增/减', en: 'Change this year' }, valueKind: 'signed_count' as const },
  { col: 'decisions', label: { zh: '处理决定数量', en: 'Decisions' } },
] as const;

const MADE_PUBLISHED_TOTAL = [
  { col: 'made', label: { zh: '本年新制作数量', en: 'Made this year' } },
  { col: 'published', label: { zh: '本年新公开数量', en: 'Published this year' } },
  { col: 'total', label: { zh: '对外公开总数量', en: 'Total published' } },
] as const;

export const T2_ROWS_2019: readonly T2Row[] = [
  { row: 'rules', label: { zh: '规章', en: 'Regulations (规章)' }, cols: MADE_PUBLISHED_TOTAL },
  { row: 'normative', label: { zh: '规范性文件', en: 'Normative documents' }, cols: MADE_PUBLISHED_TOTAL },
  { row: 'licensing', label: { zh: '行政许可', en: 'Administrative licensing' }, cols: PREV_CHANGE_DECISIONS },
  {
    row: 'services',
    label: { zh: '其他对外管理服务事项', en: 'Other public services' },
    cols: PREV_CHANGE_DECISIONS,
  },
  { row: 'penalty', label: { zh: '行政处罚', en: 'Administrative penalties' }, cols: PREV_CHANGE_DECISIONS },
  { row: 'coercion', label: { zh: '行政强制', en: 'Administrative coercion' }, cols: PREV_CHANGE_DECISIONS },
  {
    row: 'fees',
    label: { zh: '行政事业性收费', en: 'Administrative fees' },
    cols: PREV_CHANGE_DECISIONS.slice(0, 2),
  },
  {
    row: 'procurement',
    label: { zh: '政府集中采购', en: 'Government procurement' },
    cols: [
      { col: 'items', label: { zh: '采购项目数量', en: 'Procurement items' } },
      {
        col: 'amount',
        label: { zh: '采购总金额', en: 'Procurement amount' },
        valueKind: 'decimal',
        unit: 'as_printed',
      },
    ],
  },
];

/** 2021 keys are short where the template has one column (`t2_licensing`, `t2_fees`). */
function t2Key2021(row: string, col: string): string {
  return col === 'decisions' || col === 'amount' ? `t2_${row}` : `t2_${row}_${col}`;
}

function t2Cells(rows: readonly T2Row[], template: Template): CellDef[] {
  return rows.flatMap((r) =>
    r.cols.map((c) => ({
      key: template === '2021' ? t2Key2021(r.row, c.col) : `t2v19_${r.row}_${c.col}`,
      section: 2 as const,
      row: r.row,
      col: c.col,
      rowLabel: r.label,
      colLabel: c.label,
      label: { zh: `${r.label.zh}·${c.label.zh}`, en: `${r.label.en} · ${c.label.en}` },
      unit: c.unit ?? 'count',
      valueKind: c.valueKind ?? 'count',
      templates: [template],
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Section 三 收到和处理政府信息公开申请情况
// ---------------------------------------------------------------------------------------------

export type T3Col = 'person' | 'business' | 'research' | 'nonprofit' | 'legal' | 'org_other' | 'total';

export const T3_COLS: readonly { key: T3Col; label: Label }[] = [
  { key: 'person', label: { zh: '自然人', en: 'Natural persons' } },
  { key: 'business', label: { zh: '商业企业', en: 'Businesses' } },
  { key: 'research', label: { zh: '科研机构', en: 'Research institutions' } },
  { key: 'nonprofit', label: { zh: '社会公益组织', en: 'Non-profits' } },
  { key: 'legal', label: { zh: '法律服务机构', en: 'Legal services' } },
  { key: 'org_other', label: { zh: '其他', en: 'Other organisations' } },
  { key: 'total', label: { zh: '总计', en: 'Total' } },
];

/** The five columns of the group 法人或其他组织. */
export const T3_ORG_COLS: readonly T3Col[] = ['business', 'research', 'nonprofit', 'legal', 'org_other'];
/** The six applicant columns whose sum is 总计 (rule R3). */
export const T3_APPLICANT_COLS: readonly T3Col[] = ['person', ...T3_ORG_COLS];

export type OutcomeGroup = 'granted' | 'partial' | 'denied' | 'unable' | 'rejected' | 'other';

export interface T3RowDef {
  readonly key: string;
  /** Printed label of the row itself, without the group heading. */
  readonly label: Label;
  /** Numbering as printed: 一、 / （一） / 1. */
  readonly number: string;
  readonly templates: readonly Template[];
  /** Outcome group for the rows of 三、本年度办理结果. */
  readonly group?: OutcomeGroup;
}

export const T3_ROWS: readonly T3RowDef[] = [
  {
    key: 'new',
    number: '一、',
    label: { zh: '本年新收政府信息公开申请数量', en: 'New requests this year' },
    templates: BOTH,
  },
  {
    key: 'carried_in',
    number: '二、',
    label: { zh: '上年结转政府信息公开申请数量', en: 'Carried in from last year' },
    templates: BOTH,
  },
  { key: 'granted', number: '（一）', label: { zh: '予以公开', en: 'Granted' }, templates: BOTH, group: 'granted' },
  {
    key: 'partial',
    number: '（二）',
    label: { zh: '部分公开（区分处理的，只计这一情形，不计其他情形）', en: 'Partly granted' },
    templates: BOTH,
    group: 'partial',
  },
  {
    key: 'denied_secret',
    number: '1.',
    label: { zh: '属于国家秘密', en: 'State secret' },
    templates: BOTH,
    group: 'denied',
  },
  {
    key: 'denied_law',
    number: '2.',
    label: { zh: '其他法律行政法规禁止公开', en: 'Barred by other laws' },
    templates: BOTH,
    group: 'denied',
  },
  {
    key: 'denied_safety',
    number: '3.',
    label: { zh: '危及“三安全一稳定”', en: 'Endangers security or stability' },
    templates: BOTH,
    group: 'denied',
  },
  {
    key: 'denied_third_party',
    number: '4.',
    label: { zh: '保护第三方合法权益', en: 'Third-party rights' },
    templates: BOTH,
    group: 'denied',
  },
  {
    key: 'denied_internal',
    number: '5.',
    label: { zh: '属于三类内部事务信息', en: 'Internal affairs' },
    templates: BOTH,
    group: 'denied',
  },
  {
    key: 'denied_process',
    number: '6.',
    label: { zh: '属于四类过程性信息', en: 'Deliberative (process) information' },
    templates: BOTH,
    group: 'denied',
  },
  {
    key: 'denied_enforcement',
    number: '7.',
    label: { zh: '属于行政执法案卷', en: 'Enforcement case files' },
    templates: BOTH,
    group: 'denied',
  },
  {
    key: 'denied_inquiry',
    number: '8.',
    label: { zh: '属于行政查询事项', en: 'Administrative inquiry matters' },
    templates: BOTH,
    group: 'denied',
  },
  {
    key: 'unable_not_held',
    number: '1.',
    label: { zh: '本机关不掌握相关政府信息', en: 'Not held by this agency' },
    templates: BOTH,
    group: 'unable',
  },
  {
    key: 'unable_needs_creation',
    number: '2.',
    label: { zh: '没有现成信息需要另行制作', en: 'Would need to be created' },
    templates: BOTH,
    group: 'unable',
  },
  {
    key: 'unable_unclear',
    number: '3.',
    label: { zh: '补正后申请内容仍不明确', en: 'Still unclear after correction' },
    templates: BOTH,
    group: 'unable',
  },
  {
    key: 'rejected_petition',
    number: '1.',
    label: { zh: '信访举报投诉类申请', en: 'Petitions and complaints' },
    templates: BOTH,
    group: 'rejected',
  },
  {
    key: 'rejected_duplicate',
    number: '2.',
    label: { zh: '重复申请', en: 'Duplicate requests' },
    templates: BOTH,
    group: 'rejected',
  },
  {
    key: 'rejected_publication',
    number: '3.',
    label: { zh: '要求提供公开出版物', en: 'Requests for publications' },
    templates: BOTH,
    group: 'rejected',
  },
  {
    key: 'rejected_excessive',
    number: '4.',
    label: { zh: '无正当理由大量反复申请', en: 'Excessive repeated requests' },
    templates: BOTH,
    group: 'rejected',
  },
  {
    key: 'rejected_confirmation',
    number: '5.',
    label: { zh: '要求行政机关确认或重新出具已获取信息', en: 'Confirmation of information already held' },
    templates: BOTH,
    group: 'rejected',
  },
  {
    key: 'other_single',
    number: '（六）',
    label: { zh: '其他处理', en: 'Other handling' },
    templates: ['2019'],
    group: 'other',
  },
  {
    key: 'other_no_correction',
    number: '1.',
    label: {
      zh: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      en: 'No correction in time; not processed further',
    },
    templates: ['2021'],
    group: 'other',
  },
  {
    key: 'other_unpaid_fee',
    number: '2.',
    label: {
      zh: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      en: 'Fee not paid in time; not processed further',
    },
    templates: ['2021'],
    group: 'other',
  },
  { key: 'other_misc', number: '3.', label: { zh: '其他', en: 'Other' }, templates: ['2021'], group: 'other' },
  { key: 'total', number: '（七）', label: { zh: '总计', en: 'Total handled' }, templates: BOTH },
  {
    key: 'carried_out',
    number: '四、',
    label: { zh: '结转下年度继续办理', en: 'Carried over to next year' },
    templates: BOTH,
  },
];

export const OUTCOME_GROUPS: readonly { key: OutcomeGroup; number: string; label: Label }[] = [
  { key: 'granted', number: '（一）', label: { zh: '予以公开', en: 'Granted' } },
  { key: 'partial', number: '（二）', label: { zh: '部分公开', en: 'Partly granted' } },
  { key: 'denied', number: '（三）', label: { zh: '不予公开', en: 'Denied' } },
  { key: 'unable', number: '（四）', label: { zh: '无法提供', en: 'Cannot be provided' } },
  { key: 'rejected', number: '（五）', label: { zh: '不予处理', en: 'Not processed' } },
  { key: 'other', number: '（六）', label: { zh: '其他处理', en: 'Other handling' } },
];

/** Label of a section-三 row including the group heading where the row is one of several reasons. */
function t3FullRowLabel(row: T3RowDef): Label {
  const group = OUTCOME_GROUPS.find((g) => g.key === row.group);
  const multi =
    row.group === 'denied' ||
    row.group === 'unable' ||
    row.group === 'rejected' ||
    (row.key.startsWith('other_') && row.key !== 'other_single');
  if (!group || !multi) return row.label;
  return { zh: `${group.label.zh}·${row.label.zh}`, en: `${group.label.en}: ${row.label.en}` };
}

function t3Cells(): CellDef[] {
  return T3_ROWS.flatMap((r) => {
    const rowLabel = t3FullRowLabel(r);
    return T3_COLS.map((c) => ({
      key: `t3_${r.key}_${c.key}`,
      section: 3 as const,
      row: r.key,
      col: c.key,
      rowLabel,
      colLabel: c.label,
      label: { zh: `${rowLabel.zh}（${c.label.zh}）`, en: `${rowLabel.en} (${c.label.en})` },
      unit: 'count' as const,
      valueKind: 'count' as const,
      templates: r.templates,
    }));
  });
}

// ---------------------------------------------------------------------------------------------
// Section 四 政府信息公开行政复议、行政诉讼情况
// ---------------------------------------------------------------------------------------------

export type T4Group = 'review' | 'suit_direct' | 'suit_after_review';
export type T4Result = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';

export const T4_GROUPS: readonly { key: T4Group; label: Label }[] = [
  { key: 'review', label: { zh: '行政复议', en: 'Administrative review' } },
  { key: 'suit_direct', label: { zh: '行政诉讼·未经复议直接起诉', en: 'Lawsuits filed directly' } },
  { key: 'suit_after_review', label: { zh: '行政诉讼·复议后起诉', en: 'Lawsuits after review' } },
];

export const T4_RESULTS: readonly { key: T4Result; label: Label }[] = [
  { key: 'upheld', label: { zh: '结果维持', en: 'Upheld' } },
  { key: 'corrected', label: { zh: '结果纠正', en: 'Corrected' } },
  { key: 'other', label: { zh: '其他结果', en: 'Other result' } },
  { key: 'pending', label: { zh: '尚未审结', en: 'Pending' } },
  { key: 'total', label: { zh: '总计', en: 'Total' } },
];

function t4Cells(): CellDef[] {
  return T4_GROUPS.flatMap((g) =>
    T4_RESULTS.map((r) => ({
      key: `t4_${g.key}_${r.key}`,
      section: 4 as const,
      row: g.key,
      col: r.key,
      rowLabel: g.label,
      colLabel: r.label,
      label: { zh: `${g.label.zh}·${r.label.zh}`, en: `${g.label.en} · ${r.label.en}` },
      unit: 'count' as const,
      valueKind: 'count' as const,
      templates: BOTH,
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// The registry
// ---------------------------------------------------------------------------------------------

/** Every cell, in the column order of the dataset contract. */
export const CELLS: readonly CellDef[] = [
  ...t2Cells(T2_ROWS_2021, '2021'),
  ...t2Cells(T2_ROWS_2019, '2019'),
  ...t3Cells(),
  ...t4Cells(),
];

const CELL_BY_KEY: ReadonlyMap<string, CellDef> = new Map(CELLS.map((c) => [c.key, c]));

export function findCell(key: string): CellDef | undefined {
  return CELL_BY_KEY.get(key);
}

export function cell(key: string): CellDef {
  const def = CELL_BY_KEY.get(key);
  if (!def) throw new Error(`Unknown report cell key: ${key}`);
  return def;
}

export function isCellKey(key: string): boolean {
  return CELL_BY_KEY.has(key);
}

export function cellsOf(section: Section, template?: Template): CellDef[] {
  return CELLS.filter((c) => c.section === section && (!template || c.templates.includes(template)));
}

/** All dataset columns in contract order: identity first, then every cell. */
export const DATASET_COLUMNS: readonly string[] = [...IDENTITY_COLUMNS.map((c) => c.key), ...CELLS.map((c) => c.key)];

export function t3Key(row: string, col: T3Col): string {
  return `t3_${row}_${col}`;
}

export function t4Key(group: T4Group, result: T4Result): string {
  return `t4_${group}_${result}`;
}

// ---------------------------------------------------------------------------------------------
// Derived group totals of section 三 (not cells of the form)
// ---------------------------------------------------------------------------------------------

export interface DerivedGroup {
  readonly key: OutcomeGroup;
  readonly label: Label;
  /**
   * Alternatives, tried in order: the first whose cells are all reported gives the value.
   * 其他处理 is the single 2019 row, or the sum of the three 2021 rows.
   */
  readonly alternatives: readonly (readonly string[])[];
}

export const DERIVED_GROUPS: readonly DerivedGroup[] = OUTCOME_GROUPS.map((g) => {
  const rows = T3_ROWS.filter((r) => r.group === g.key).map((r) => r.key);
  const alternatives = g.key === 'other' ? [['other_single'], rows.filter((r) => r !== 'other_single')] : [rows];
  return { key: g.key, label: g.label, alternatives };
});

export function derivedGroup(key: OutcomeGroup): DerivedGroup {
  const g = DERIVED_GROUPS.find((d) => d.key === key);
  if (!g) throw new Error(`Unknown outcome group: ${key}`);
  return g;
}

/** Value of a group for one column of one report; null when no alternative is fully reported. */
export function derivedGroupValue(
  group: OutcomeGroup,
  col: T3Col,
  value: (cellKey: string) => number | null | undefined,
): number | null {
  for (const alt of derivedGroup(group).alternatives) {
    const parts = alt.map((row) => value(t3Key(row, col)));
    if (parts.every((p): p is number => typeof p === 'number')) return parts.reduce((a, b) => a + b, 0);
  }
  return null;
}
