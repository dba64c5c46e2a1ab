/**
 * Compare a parsed report with a truth row in canonical keys. Per cell: correct (same number),
 * wrong (a different number, or a number where the source shows none: invented), missing (the
 * source shows a number, the parser gave none and said nothing), flagged (the parser gave none and
 * a warning names the cell). Cells empty in both are not counted; a cell the truth file does not
 * name is empty in the source, so a number read there counts as wrong.
 */
import { CELLS } from '@/domain/catalogue';
import type { ParsedReport } from '@/ingest/types';

export interface EvalCounts {
  correct: number;
  wrong: number;
  missing: number;
  flagged: number;
}

export interface EvalResult extends EvalCounts {
  readonly wrongCells: { key: string; truth: number | null; parsed: number | null }[];
  readonly missingCells: string[];
  readonly identity: { agency: boolean | null; year: boolean | null; template: boolean | null };
}

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const t = s.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function evaluateReport(report: ParsedReport, truth: Readonly<Record<string, string>>): EvalResult {
  const flaggedKeys = new Set(report.warnings.flatMap((w) => w.cells ?? []));
  const r: EvalResult = {
    correct: 0,
    wrong: 0,
    missing: 0,
    flagged: 0,
    wrongCells: [],
    missingCells: [],
    identity: { agency: null, year: null, template: null },
  };
  // A cell the truth file does not name counts as empty in the source.
  for (const c of CELLS) {
    const t = num(truth[c.key]);
    const p = report.cells[c.key] ?? null;
    if (t === null && p === null) continue;
    if (t !== null && p !== null && Math.abs(t - p) < 1e-9) r.correct++;
    else if (p !== null) {
      r.wrong++;
      r.wrongCells.push({ key: c.key, truth: t, parsed: p });
    } else if (flaggedKeys.has(c.key)) r.flagged++;
    else {
      r.missing++;
      r.missingCells.push(c.key);
    }
  }
  const id = r.identity as { agency: boolean | null; year: boolean | null; template: boolean | null };
  if (truth.agency_name) id.agency = (report.agencyName ?? '') === truth.agency_name.trim();
  if (truth.year) id.year = report.year === Number(truth.year);
  if (truth.template) id.template = report.template === truth.template.trim();
  return r;
}

export function addCounts(a: EvalCounts, b: EvalCounts): EvalCounts {
  return {
    correct: a.correct + b.correct,
    wrong: a.wrong + b.wrong,
    missing: a.missing + b.missing,
    flagged: a.flagged + b.flagged,
  };
}
