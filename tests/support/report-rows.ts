import {
  CELLS,
  IDENTITY_COLUMNS,
  T3_APPLICANT_COLS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  t3Key,
  t4Key,
  type Template,
} from '@/domain/catalogue';
import type { QueryRunner } from '@/data/query-runner';
import { col, join, sql, type SqlValue } from '@/data/sql';

export type ReportObject = Record<string, string | number | null>;

/**
 * A hand-built report that satisfies every rule: 12 requests from persons and 1 from a business,
 * handled as below; the 2019 template (or `singleOther`) uses the single （六） row.
 */
export function consistentReport(opts: {
  agency?: string;
  year: number;
  template?: Template;
  singleOther?: boolean;
  carriedIn?: number;
  carriedOut?: number;
  inForce?: { rules: number; normative: number };
}): ReportObject {
  const template = opts.template ?? (opts.year <= 2020 ? '2019' : '2021');
  const r: ReportObject = {};
  for (const c of IDENTITY_COLUMNS) r[c.key] = null;
  for (const c of CELLS) r[c.key] = null;
  Object.assign(r, {
    agency_id: opts.agency ?? 'test-agency',
    agency_name: '测试区人民政府',
    year: opts.year,
    template,
    level: 'county',
    kind: 'government',
  });
  const single = template === '2019' || opts.singleOther === true;
  const person: Record<string, number> = {
    granted: 5,
    partial: 1,
    denied_secret: 1,
    unable_not_held: 2,
    rejected_petition: 1,
    other_no_correction: 1,
    other_misc: 1,
  };
  const business: Record<string, number> = { granted: 1 };
  const carriedIn = opts.carriedIn ?? 2;
  const carriedOut = opts.carriedOut ?? 1;
  const outcome = (row: string, who: Record<string, number>) =>
    row === 'other_single'
      ? (who.other_no_correction ?? 0) + (who.other_unpaid_fee ?? 0) + (who.other_misc ?? 0)
      : (who[row] ?? 0);
  const totals: Record<string, number> = {};
  for (const row of T3_ROWS) {
    if (!row.group) continue;
    if (single ? row.key.startsWith('other_') && row.key !== 'other_single' : row.key === 'other_single') continue;
    for (const c of T3_APPLICANT_COLS) {
      const v = c === 'person' ? outcome(row.key, person) : c === 'business' ? outcome(row.key, business) : 0;
      r[t3Key(row.key, c)] = v;
      totals[c] = (totals[c] ?? 0) + v;
    }
  }
  for (const c of T3_APPLICANT_COLS) {
    const inC = c === 'person' ? carriedIn : 0;
    const outC = c === 'person' ? carriedOut : 0;
    r[t3Key('total', c)] = totals[c] ?? 0;
    r[t3Key('carried_in', c)] = inC;
    r[t3Key('carried_out', c)] = outC;
    r[t3Key('new', c)] = (totals[c] ?? 0) + outC - inC;
  }
  for (const row of T3_ROWS) {
    if (r[t3Key(row.key, 'person')] === null) continue;
    r[t3Key(row.key, 'total')] = T3_APPLICANT_COLS.reduce((s, c) => s + Number(r[t3Key(row.key, c)]), 0);
  }
  const t4: Record<string, number> = { upheld: 3, corrected: 1, other: 0, pending: 1 };
  for (const g of T4_GROUPS)
    for (const res of T4_RESULTS) {
      const v = g.key === 'review' ? (res.key === 'total' ? 5 : (t4[res.key] ?? 0)) : 0;
      r[t4Key(g.key, res.key)] = v;
    }
  if (template === '2021') {
    const inForce = opts.inForce ?? { rules: 10, normative: 40 };
    Object.assign(r, {
      t2_rules_issued: 1,
      t2_rules_repealed: 0,
      t2_rules_in_force: inForce.rules,
      t2_normative_issued: 5,
      t2_normative_repealed: 2,
      t2_normative_in_force: inForce.normative,
      t2_licensing: 120,
      t2_penalty: 300,
      t2_coercion: 4,
      t2_fees: 12.5,
    });
  } else {
    Object.assign(r, {
      t2v19_rules_made: 1,
      t2v19_rules_published: 1,
      t2v19_rules_total: 9,
      t2v19_licensing_change: -4,
    });
  }
  return r;
}

/** Creates the canonical `reports` table (every catalogue column) holding exactly `rows`. */
export async function createReportsTable(runner: QueryRunner, rows: readonly ReportObject[]): Promise<void> {
  const identity = IDENTITY_COLUMNS.map(
    (c) => sql`${col(c.key)} ${c.type === 'integer' ? sql`INTEGER` : sql`VARCHAR`}`,
  );
  const cells = CELLS.map((c) => sql`${col(c.key)} ${c.valueKind === 'decimal' ? sql`DOUBLE` : sql`BIGINT`}`);
  await runner.query(sql`CREATE OR REPLACE TABLE reports (${join([...identity, ...cells])})`);
  const keys = [...IDENTITY_COLUMNS.map((c) => c.key), ...CELLS.map((c) => c.key)];
  for (const row of rows) {
    const values: SqlValue[] = keys.map((k) => row[k] ?? null);
    await runner.query(sql`INSERT INTO reports (${join(keys.map((k) => sql`${col(k)}`))}) VALUES (${values})`);
  }
}
