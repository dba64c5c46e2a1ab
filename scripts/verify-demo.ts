/**
 * Checks datasets/demo.csv against the contract, independently of the generator: the header is the
 * one of datasets/real.csv, blanks are where the template or demo-violations.csv says, and rules
 * R1–R6 and S fail exactly for the entries of demo-violations.csv and nowhere else. Also prints the
 * figures a reader of datasets/README.md wants (size, shares, trend).
 *
 *   npx tsx scripts/verify-demo.ts
 */
import { resolve } from 'node:path';
import { CELLS, IDENTITY_COLUMNS, T3_APPLICANT_COLS, T3_COLS, T4_GROUPS } from '@/domain/catalogue';
import { projectRoot, readCsvFile } from './build-real-dataset';

// Column names come from the contract (`@/domain/catalogue`); the arithmetic below, which rows add up
// to which total, is written out here and never taken from the app's rule engine.
const APPLICANTS: readonly string[] = T3_APPLICANT_COLS;
const COLUMNS: readonly string[] = T3_COLS.map((c) => c.key);
const OUTCOMES = [
  'granted',
  'partial',
  ...['secret', 'law', 'safety', 'third_party', 'internal', 'process', 'enforcement', 'inquiry'].map(
    (k) => `denied_${k}`,
  ),
  ...['not_held', 'needs_creation', 'unclear'].map((k) => `unable_${k}`),
  ...['petition', 'duplicate', 'publication', 'excessive', 'confirmation'].map((k) => `rejected_${k}`),
];
const OTHER: Record<string, string[]> = {
  '2019': ['other_single'],
  '2021': ['other_no_correction', 'other_unpaid_fee', 'other_misc'],
};
const GROUPS: readonly string[] = T4_GROUPS.map((g) => g.key);
const SIGNED = new Set(CELLS.filter((c) => c.valueKind === 'signed_count').map((c) => c.key));
const DECIMAL = new Set(CELLS.filter((c) => c.valueKind === 'decimal').map((c) => c.key));
const IDENTITY = new Set<string>(IDENTITY_COLUMNS.map((c) => c.key));

type Row = Map<string, string>;

interface Outcome {
  failures: Set<string>;
  notAssessable: Set<string>;
}

const fail = (problems: string[], message: string): void => void problems.push(message);

function rows(path: string): { header: string[]; records: Row[] } {
  const [header = [], ...body] = readCsvFile(path);
  return { header, records: body.map((r) => new Map(header.map((key, i) => [key, r[i] ?? '']))) };
}

const field = (row: Row, key: string): string => row.get(key) ?? '';
const num = (row: Row, key: string): number | null => (field(row, key) === '' ? null : Number(field(row, key)));
const reportKey = (row: Row): string => `${field(row, 'agency_id')}|${field(row, 'year')}`;

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
function structuralBlank(key: string, template: string): boolean {
  const other = template === '2019' ? OTHER['2021'] : OTHER['2019'];
  if (key.startsWith('t2_')) return template === '2019';
  if (key.startsWith('t2v19_')) return template === '2021';
  return (other ?? []).some((r) => key.startsWith(`t3_${r}_`));
}

function checkShape(
  header: string[],
  realHeader: string[],
  records: Row[],
  listedBlanks: Set<string>,
  problems: string[],
): void {
  if (header.join(',') !== realHeader.join(',')) fail(problems, 'header differs from datasets/real.csv');
  const seen = new Set<string>();
  for (const row of records) {
    const key = reportKey(row);
    if (seen.has(key)) fail(problems, `duplicate report ${key}`);
    seen.add(key);
    const year = Number(field(row, 'year'));
    if (field(row, 'template') !== (year < 2021 ? '2019' : '2021')) fail(problems, `${key}: template`);
    if (!field(row, 'agency_id').startsWith('demo-') || field(row, 'province') !== '示例省')
      fail(problems, `${key}: not marked as demo`);
    if (!/^99\d{4}$/.test(field(row, 'region_code')) || field(row, 'source_url') !== '')
      fail(problems, `${key}: region_code/source_url`);
    if ((field(row, 'kind') === 'government') !== (field(row, 'sector') === ''))
      fail(problems, `${key}: sector vs kind`);
    for (const [cell, text] of row) {
      if (IDENTITY.has(cell)) continue;
      const blankExpected = structuralBlank(cell, field(row, 'template')) || listedBlanks.has(`${key}|${cell}`);
      if ((text === '') !== blankExpected)
        fail(problems, `${key}: ${cell} ${text === '' ? 'unexpectedly blank' : 'should be blank'}`);
    }
  }
}

function evaluate(records: Row[]): Outcome {
  const byKey = new Map(records.map((r) => [reportKey(r), r]));
  const out: Outcome = { failures: new Set(), notAssessable: new Set() };
  for (const row of records) {
    const prev = byKey.get(`${field(row, 'agency_id')}|${Number(field(row, 'year')) - 1}`);
    checkReport(row, prev, out);
  }
  return out;
}

function compare(found: Set<string>, listed: Set<string>, problems: string[]): void {
  for (const f of found) if (!listed.has(f)) fail(problems, `unlisted failure ${f}`);
  for (const l of listed) if (!found.has(l)) fail(problems, `listed violation does not fail: ${l}`);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

function describe(records: Row[], listed: Row[]): void {
  const count = (f: (r: Row) => string): Record<string, number> =>
    records.reduce<Record<string, number>>((acc, r) => ({ ...acc, [f(r)]: (acc[f(r)] ?? 0) + 1 }), {});
  const sum = (rs: Row[], key: string): number => rs.reduce((a, r) => a + (num(r, key) ?? 0), 0);
  console.log(`reports ${records.length}, agencies ${new Set(records.map((r) => field(r, 'agency_id'))).size}`);
  console.log(
    'by year',
    count((r) => field(r, 'year')),
  );
  console.log(
    'by level/kind',
    count((r) => `${field(r, 'level')}/${field(r, 'kind')}`),
  );
  console.log('sector kinds', new Set(records.map((r) => field(r, 'sector')).filter(Boolean)).size);
  for (const group of Object.keys(count((r) => `${field(r, 'level')}/${field(r, 'kind')}`))) {
    const values = records
      .filter((r) => `${field(r, 'level')}/${field(r, 'kind')}` === group)
      .map((r) => num(r, 't3_new_total') ?? 0);
    console.log(
      `new requests ${group}: median ${median(values)}, max ${Math.max(...values)}, zero ${percent(values.filter((v) => v === 0).length, values.length)}`,
    );
  }
  const years = [...new Set(records.map((r) => field(r, 'year')))];
  console.log(
    'new requests by year',
    Object.fromEntries(
      years.map((y) => [
        y,
        sum(
          records.filter((r) => field(r, 'year') === y),
          't3_new_total',
        ),
      ]),
    ),
  );
  const total = sum(records, 't3_total_total');
  console.log(
    `natural persons ${percent(sum(records, 't3_new_person'), sum(records, 't3_new_total'))} of new requests`,
  );
  const share = (prefix: string): string =>
    percent(
      OUTCOMES.concat(OTHER['2019'] ?? [], OTHER['2021'] ?? [])
        .filter((o) => o.startsWith(prefix))
        .reduce((a, o) => a + sum(records, `t3_${o}_total`), 0),
      total,
    );
  console.log(
    'outcomes',
    ['granted', 'partial', 'denied', 'unable', 'rejected', 'other'].map((p) => `${p} ${share(p)}`).join(', '),
  );
  console.log(
    `carried_out ${percent(sum(records, 't3_carried_out_total'), sum(records, 't3_new_total') + sum(records, 't3_carried_in_total'))} of new + carried_in`,
  );
  const governments = records.filter((r) => field(r, 'kind') === 'government');
  console.log(
    `reviews per 100 requests, governments ${((100 * sum(governments, 't4_review_total')) / sum(governments, 't3_new_total')).toFixed(1)}`,
  );
  const byRule = listed.reduce<Record<string, Set<string>>>((acc, v) => {
    const rule = field(v, 'rule');
    return {
      ...acc,
      [rule]: (acc[rule] ?? new Set()).add(`${field(v, 'agency_id')}|${field(v, 'year')}`),
    };
  }, {});
  console.log(
    'listed entries (reports) by rule',
    Object.fromEntries(
      Object.entries(byRule).map(([rule, reports]) => [
        rule,
        `${listed.filter((v) => field(v, 'rule') === rule).length} (${reports.size})`,
      ]),
    ),
  );
}

function main(): void {
  const data = rows(resolve(projectRoot, 'datasets/demo.csv'));
  const real = rows(resolve(projectRoot, 'datasets/real.csv'));
  const listed = rows(resolve(projectRoot, 'datasets/demo-violations.csv')).records;
  const entry = (v: Row): string =>
    `${field(v, 'agency_id')}|${field(v, 'year')}|${field(v, 'rule')}|${field(v, 'column_or_group')}`;
  const violations = new Set(listed.filter((v) => field(v, 'rule') !== 'null').map(entry));
  const blanks = new Set(
    listed
      .filter((v) => field(v, 'rule') === 'null')
      .map((v) => `${field(v, 'agency_id')}|${field(v, 'year')}|${field(v, 'column_or_group')}`),
  );

  const problems: string[] = [];
  checkShape(data.header, real.header, data.records, blanks, problems);
  const outcome = evaluate(data.records);
  compare(outcome.failures, violations, problems);
  describe(data.records, listed);
  console.log(
    `failures found ${outcome.failures.size}, not assessable ${outcome.notAssessable.size} (because of blank cells)`,
  );
  if (problems.length > 0) {
    console.error(problems.slice(0, 50).join('\n'));
    console.error(`${problems.length} problems`);
    process.exit(1);
  }
  console.log('OK: every rule holds except exactly the listed violations');
}

main();
