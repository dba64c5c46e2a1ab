/**
 * The contract's arithmetic rules (R1–R6 and S) written out independently of the app's rule engine,
 * on rows as read from a canonical CSV: which rules fail and which are not assessable for each
 * report, and the cells the template leaves blank. Used by scripts/verify-demo.ts and by the tests
 * of the generated datasets (scripts/generate-scale.ts).
 */
import { CELLS, IDENTITY_COLUMNS, T3_APPLICANT_COLS, T3_COLS, T4_GROUPS } from '@/domain/catalogue';
import { readCsvFile } from '../build-real-dataset';

// Column names come from the contract (`@/domain/catalogue`); the arithmetic below, which rows add up
// to which total, is written out here and never taken from the app's rule engine.
const APPLICANTS: readonly string[] = T3_APPLICANT_COLS;
const COLUMNS: readonly string[] = T3_COLS.map((c) => c.key);
export const OUTCOMES = [
  'granted',
  'partial',
  ...['secret', 'law', 'safety', 'third_party', 'internal', 'process', 'enforcement', 'inquiry'].map(
    (k) => `denied_${k}`,
  ),
  ...['not_held', 'needs_creation', 'unclear'].map((k) => `unable_${k}`),
  ...['petition', 'duplicate', 'publication', 'excessive', 'confirmation'].map((k) => `rejected_${k}`),
];
export const OTHER: Record<string, string[]> = {
  '2019': ['other_single'],
  '2021': ['other_no_correction', 'other_unpaid_fee', 'other_misc'],
};
const GROUPS: readonly string[] = T4_GROUPS.map((g) => g.key);
const SIGNED = new Set(CELLS.filter((c) => c.valueKind === 'signed_count').map((c) => c.key));
const DECIMAL = new Set(CELLS.filter((c) => c.valueKind === 'decimal').map((c) => c.key));
export const IDENTITY = new Set<string>(IDENTITY_COLUMNS.map((c) => c.key));

export type Row = Map<string, string>;

export interface Outcome {
  failures: Set<string>;
  notAssessable: Set<string>;
}

export const fail = (problems: string[], message: string): void => void problems.push(message);

export function rows(path: string): { header: string[]; records: Row[] } {
  const [header = [], ...body] = readCsvFile(path);
  return { header, records: body.map((r) => new Map(header.map((key, i) => [key, r[i] ?? '']))) };
}

export const field = (row: Row, key: string): string => row.get(key) ?? '';
export const num = (row: Row, key: string): number | null => (field(row, key) === '' ? null : Number(field(row, key)));
export const reportKey = (row: Row): string => `${field(row, 'agency_id')}|${field(row, 'year')}`;

/** Σ actual = Σ expected, or not assessable when a cell is blank. */
function equation(out: Outcome, id: string, actual: (number | null)[], expected: (number | null)[]): void {
  if ([...actual, ...expected].some((v) => v === null)) {
    out.notAssessable.add(id);
    return;
  }
  const sum = (vs: (number | null)[]): number => vs.reduce<number>((a, v) => a + (v ?? 0), 0);
  if (sum(actual) !== sum(expected)) out.failures.add(id);
}

function checkReport(row: Row, prev: Row | undefined, out: Outcome): void {
  const id = (rule: string, part: string): string => `${reportKey(row)}|${rule}|${part}`;
  const template = field(row, 'template');
  const t3 = (r: string, c: string): number | null => num(row, `t3_${r}_${c}`);
  const outcomeRows = [...OUTCOMES, ...(OTHER[template] ?? [])];
  for (const c of COLUMNS) {
    equation(out, id('R1', c), [t3('new', c), t3('carried_in', c)], [t3('total', c), t3('carried_out', c)]);
    equation(
      out,
      id('R2', c),
      [t3('total', c)],
      outcomeRows.map((r) => t3(r, c)),
    );
    if (prev) equation(out, id('R5', c), [t3('carried_in', c)], [num(prev, `t3_carried_out_${c}`)]);
    const bound = [t3('carried_out', c), t3('new', c), t3('carried_in', c)];
    if (bound.every((v) => v !== null) && (bound[0] ?? 0) > (bound[1] ?? 0) + (bound[2] ?? 0))
      out.failures.add(id('S', `t3_carried_out_${c}`));
  }
  for (const r of ['new', 'carried_in', ...outcomeRows, 'total', 'carried_out']) {
    equation(
      out,
      id('R3', r),
      [t3(r, 'total')],
      APPLICANTS.map((c) => t3(r, c)),
    );
  }
  for (const g of GROUPS) {
    equation(
      out,
      id('R4', g),
      [num(row, `t4_${g}_total`)],
      ['upheld', 'corrected', 'other', 'pending'].map((p) => num(row, `t4_${g}_${p}`)),
    );
  }
  if (template === '2021' && prev && field(prev, 'template') === '2021') {
    for (const d of ['rules', 'normative']) {
      const cell = (r: Row, c: string): number | null => num(r, `t2_${d}_${c}`);
      equation(
        out,
        id('R6', d),
        [cell(row, 'in_force'), cell(row, 'repealed')],
        [cell(prev, 'in_force'), cell(row, 'issued')],
      );
    }
  }
  for (const [key, text] of row) {
    if (IDENTITY.has(key) || text === '') continue;
    const pattern = DECIMAL.has(key) ? /^\d+(\.\d{1,4})?$/ : SIGNED.has(key) ? /^-?\d+$/ : /^\d+$/;
    if (!pattern.test(text)) out.failures.add(id('S', key));
  }
}

/** Cells left blank by the template: the other template's section 二 and （六） rows. */
export function structuralBlank(key: string, template: string): boolean {
  const other = template === '2019' ? OTHER['2021'] : OTHER['2019'];
  if (key.startsWith('t2_')) return template === '2019';
  if (key.startsWith('t2v19_')) return template === '2021';
  return (other ?? []).some((r) => key.startsWith(`t3_${r}_`));
}

export function evaluate(records: Row[]): Outcome {
  const byKey = new Map(records.map((r) => [reportKey(r), r]));
  const out: Outcome = { failures: new Set(), notAssessable: new Set() };
  for (const row of records) {
    const prev = byKey.get(`${field(row, 'agency_id')}|${Number(field(row, 'year')) - 1}`);
    checkReport(row, prev, out);
  }
  return out;
}

export function compare(found: Set<string>, listed: Set<string>, problems: string[]): void {
  for (const f of found) if (!listed.has(f)) fail(problems, `unlisted failure ${f}`);
  for (const l of listed) if (!found.has(l)) fail(problems, `listed violation does not fail: ${l}`);
}
