/**
 * Checks datasets/demo.csv against the contract, independently of the generator: the header is the
 * one of datasets/real.csv, blanks are where the template or demo-violations.csv says, and rules
 * R1–R6 and S fail exactly for the entries of demo-violations.csv and nowhere else. Also prints the
 * figures a reader of datasets/README.md wants (size, shares, trend).
 *
 *   npx tsx scripts/verify-demo.ts
 */
import { resolve } from 'node:path';
import { projectRoot } from './build-real-dataset';
import {
  compare,
  evaluate,
  fail,
  field,
  IDENTITY,
  num,
  OTHER,
  OUTCOMES,
  reportKey,
  rows,
  structuralBlank,
  type Row,
} from './lib/report-rules';

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
