import { findCell, templateForYear, type Template } from '@/domain/catalogue';
import { assessedRules } from '@/domain/rules/definitions';
import type {
  CellRef,
  CheckDef,
  CheckResult,
  CheckStatus,
  EvaluateOptions,
  ResultCell,
  RuleDef,
  Term,
} from '@/domain/rules/types';

/** A report as a plain object: identity columns and cell keys; a blank cell is null or absent. */
export type ReportRow = Readonly<Record<string, unknown>>;

// ---------------------------------------------------------------------------------------------
// Which cells a check uses — shared by the TypeScript evaluator and the SQL result decoder
// ---------------------------------------------------------------------------------------------

const cellsOfCheck = new WeakMap<CheckDef, readonly CellRef[]>();

/**
 * Every cell a check can touch, in a fixed order (the bit order of the SQL blank mask). Computed
 * once per check: the evaluator asks for every report.
 */
export function checkCells(check: CheckDef): readonly CellRef[] {
  let cells = cellsOfCheck.get(check);
  if (!cells) {
    cells = [...check.actual, ...check.expected].flatMap((t) =>
      t.kind === 'cell' ? [t.cell] : t.alternatives.flatMap((alt) => alt.map((key) => ({ key }))),
    );
    cellsOfCheck.set(check, cells);
  }
  return cells;
}

function fitsTemplate(keys: readonly string[], template: Template): boolean {
  return keys.every((k) => findCell(k)?.templates.includes(template) ?? false);
}

/**
 * The alternative of a derived group that gives its value: strictly, the first one fully
 * reported; with blank-as-0, the first one with anything reported. When none qualifies, the one
 * "closest" (most reported, then the report's own template) is named, so blanks can be listed.
 */
export function chooseAlternative(
  alternatives: readonly (readonly string[])[],
  isBlank: (key: string) => boolean,
  template: Template,
  blankAsZero: boolean,
): { keys: readonly string[]; usable: boolean } {
  const usable = alternatives.find((alt) =>
    blankAsZero ? alt.some((k) => !isBlank(k)) : alt.every((k) => !isBlank(k)),
  );
  if (usable) return { keys: usable, usable: true };
  const reported = (alt: readonly string[]) => alt.filter((k) => !isBlank(k)).length;
  const best = [...alternatives].sort(
    (a, b) => reported(b) - reported(a) || Number(fitsTemplate(b, template)) - Number(fitsTemplate(a, template)),
  )[0];
  return { keys: best ?? [], usable: blankAsZero };
}

const isCellTerm = (t: Term): boolean => t.kind === 'cell';

export interface InvolvedCells {
  /** Cells used, with the alternative chosen for each derived group. */
  readonly cells: readonly CellRef[];
  readonly blankCells: readonly CellRef[];
}

/** `isBlank(i)` answers for the i-th cell of `checkCells(check)`. */
export function involvedCells(
  check: CheckDef,
  isBlank: (index: number) => boolean,
  template: Template,
  blankAsZero: boolean,
): InvolvedCells {
  const all = checkCells(check);
  // Without derived groups the cells are exactly checkCells: the common case, kept cheap.
  if (check.actual.every(isCellTerm) && check.expected.every(isCellTerm)) {
    return { cells: all, blankCells: all.filter((_, i) => isBlank(i)) };
  }
  const blankKey = new Set<string>();
  const blankPrev = new Set<string>();
  all.forEach((c, i) => {
    if (isBlank(i)) (c.prev ? blankPrev : blankKey).add(c.key);
  });
  const blank = (c: CellRef) => (c.prev ? blankPrev : blankKey).has(c.key);
  const cells = [...check.actual, ...check.expected].flatMap((t): CellRef[] =>
    t.kind === 'cell'
      ? [t.cell]
      : chooseAlternative(t.alternatives, (k) => blankKey.has(k), template, blankAsZero).keys.map((key) => ({ key })),
  );
  return { cells, blankCells: cells.filter(blank) };
}

// ---------------------------------------------------------------------------------------------
// The pure evaluator
// ---------------------------------------------------------------------------------------------

function cellValue(report: ReportRow | null, key: string): number | null {
  const v = report?.[key];
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  throw new Error(`Cell ${key} holds a ${typeof v}, not a number`);
}

export function reportTemplate(report: ReportRow): Template {
  const t = report.template;
  if (t === '2019' || t === '2021') return t;
  if (t !== null && t !== undefined && t !== '') throw new Error(`Unknown template: ${String(t)}`);
  return templateForYear(reportYear(report));
}

function reportYear(report: ReportRow): number {
  const y = Number(report.year);
  if (!Number.isInteger(y)) throw new Error(`Report without a valid year: ${String(report.year)}`);
  return y;
}

function compare(actual: number, expected: number, relation: CheckDef['relation']): boolean {
  if (relation === 'eq') return actual === expected;
  return relation === 'le' ? actual <= expected : actual >= expected;
}

/** The report being checked, with what every check of it needs computed once. */
interface Subject {
  readonly cur: ReportRow;
  readonly prev: ReportRow | null;
  readonly year: number;
  readonly template: Template;
}

const valueOf = (s: Subject, c: CellRef): number | null => cellValue(c.prev ? s.prev : s.cur, c.key);

function resultCells(cells: readonly CellRef[], year: number): ResultCell[] {
  return cells.map((c) => ({ key: c.key, year: c.prev ? year - 1 : year }));
}

/** Σ of one side of a check; a derived group adds the alternative chosen for this report. */
function sideValue(terms: readonly Term[], s: Subject, blankAsZero: boolean): number {
  let sum = 0;
  for (const t of terms) {
    if (t.kind === 'cell') {
      sum += t.sign * (valueOf(s, t.cell) ?? 0);
      continue;
    }
    const { keys } = chooseAlternative(t.alternatives, (k) => cellValue(s.cur, k) === null, s.template, blankAsZero);
    let part = 0;
    for (const key of keys) part += cellValue(s.cur, key) ?? 0;
    sum += t.sign * part;
  }
  return sum;
}

// Plain loops and module-level helpers: the evaluator runs once per check of every report, and
// closures or object spreads per check were most of its time.
function evaluateCheck(rule: RuleDef, check: CheckDef, s: Subject, blankAsZero: boolean): CheckResult | null {
  const cells = checkCells(check);
  const blank: boolean[] = [];
  let allBlank = true;
  for (const c of cells) {
    const isBlank = valueOf(s, c) === null;
    blank.push(isBlank);
    if (!isBlank) allBlank = false;
  }
  if (check.skipWhenAllBlank && allBlank) return null;

  const involved = involvedCells(check, (i) => blank[i] === true, s.template, blankAsZero);
  const hasBlanks = involved.blankCells.length > 0;
  const reason: CheckResult['reason'] =
    rule.crossYear && !s.prev ? 'no_previous_report' : !blankAsZero && hasBlanks ? 'blank_cells' : null;
  const actual = reason ? null : sideValue(check.actual, s, blankAsZero);
  const expected = reason ? null : sideValue(check.expected, s, blankAsZero);
  const status: CheckStatus =
    actual === null || expected === null
      ? 'not_assessable'
      : compare(actual, expected, check.relation)
        ? 'pass'
        : 'fail';
  return {
    agencyId: String(s.cur.agency_id),
    year: s.year,
    rule: rule.id,
    check: check.id,
    severity: rule.severity,
    status,
    expected,
    actual,
    difference: actual === null || expected === null ? null : actual - expected,
    cells: resultCells(involved.cells, s.year),
    blankCells: resultCells(involved.blankCells, s.year),
    reason,
    blankAsZero: reason === null && hasBlanks,
  };
}

function applies(rule: RuleDef, subject: Subject): boolean {
  if (!rule.templates.includes(subject.template)) return false;
  const { prev } = subject;
  return !(rule.prevTemplates && prev && !rule.prevTemplates.includes(reportTemplate(prev)));
}

function run(rules: readonly RuleDef[], cur: ReportRow, prev: ReportRow | null, blankAsZero: boolean): CheckResult[] {
  const subject: Subject = { cur, prev, year: reportYear(cur), template: reportTemplate(cur) };
  const results: CheckResult[] = [];
  for (const rule of rules) {
    if (!applies(rule, subject)) continue;
    for (const check of rule.checks) {
      const result = evaluateCheck(rule, check, subject, blankAsZero);
      if (result) results.push(result);
    }
  }
  return results;
}

/** Every within-year check of one report (R1–R4, S1, S2). */
export function evaluateReport(report: ReportRow, options: EvaluateOptions = {}): CheckResult[] {
  const rules = assessedRules(options.rules).filter((r) => !r.crossYear);
  return run(rules, report, null, options.blankAsZero ?? false);
}

/**
 * The cross-year checks (R5, R6) of `cur` against the same agency's report for the year before;
 * `prev` null means there is none, which makes the checks not assessable.
 */
export function evaluatePair(prev: ReportRow | null, cur: ReportRow, options: EvaluateOptions = {}): CheckResult[] {
  if (prev && (String(prev.agency_id) !== String(cur.agency_id) || reportYear(prev) !== reportYear(cur) - 1)) {
    throw new Error('evaluatePair needs the same agency’s report for the year before');
  }
  const rules = assessedRules(options.rules).filter((r) => r.crossYear);
  return run(rules, cur, prev, options.blankAsZero ?? false);
}

/** Every check of every report, pairing each with the agency's previous year where present. */
export function evaluateReports(reports: readonly ReportRow[], options: EvaluateOptions = {}): CheckResult[] {
  const byKey = new Map(reports.map((r) => [`${String(r.agency_id)}\u0000${reportYear(r)}`, r]));
  return reports.flatMap((r) => [
    ...evaluateReport(r, options),
    ...evaluatePair(byKey.get(`${String(r.agency_id)}\u0000${reportYear(r) - 1}`) ?? null, r, options),
  ]);
}
