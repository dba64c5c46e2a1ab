/**
 * The rule engine on a parsed report: the within-year checks (R1–R4, S1, S2) of the report as
 * one dataset row, and a per-rule summary for tables and badges ("R1 ✓ R2 ✗2 R4 ?").
 */
import { RULES, evaluateReport, type CheckResult, type RuleId } from '@/domain/rules';
import type { ParsedReport } from '@/ingest/types';

/**
 * Checks of a parsed report; `row` may override identity columns (agency_id, year, template).
 * Null when the report has no year or no template: the rules cannot be placed.
 */
export function checkParsedReport(
  report: ParsedReport,
  row: Readonly<Record<string, unknown>> = {},
): CheckResult[] | null {
  const year = row.year ?? report.year;
  const template = row.template || report.template;
  if (year === null || year === undefined || year === '' || !Number.isInteger(Number(year)) || !template) return null;
  return evaluateReport({
    ...report.cells,
    agency_id: row.agency_id || report.agencyName || report.fileName,
    year: Number(year),
    template,
  });
}

export interface RuleTally {
  readonly rule: RuleId;
  readonly pass: number;
  readonly fail: number;
  readonly notAssessable: number;
  /** `fail` when any check fails; `pass` when some pass and none fail; `unknown` when none could be assessed. */
  readonly status: 'pass' | 'fail' | 'unknown';
}

/** One tally per rule that produced a result, in the order of RULES. */
export function ruleTallies(results: readonly CheckResult[]): RuleTally[] {
  return RULES.flatMap((r): RuleTally[] => {
    const of = results.filter((c) => c.rule === r.id);
    if (!of.length) return [];
    const pass = of.filter((c) => c.status === 'pass').length;
    const fail = of.filter((c) => c.status === 'fail').length;
    const notAssessable = of.length - pass - fail;
    return [{ rule: r.id, pass, fail, notAssessable, status: fail ? 'fail' : pass ? 'pass' : 'unknown' }];
  });
}

/** "R1 ✓ R2 ✗2 R4 ?": ✓ every assessable check passes, ✗n n checks fail, ? none assessable. */
export function ruleTallyText(tallies: readonly RuleTally[]): string {
  if (!tallies.length) return '—';
  return tallies
    .map((t) => `${t.rule} ${t.status === 'fail' ? `✗${t.fail}` : t.status === 'pass' ? '✓' : '?'}`)
    .join(' ');
}
