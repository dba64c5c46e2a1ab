/**
 * The soak's independent answers: the shipped dataset files read by the native DuckDB
 * (`@duckdb/node-api`), queried with SQL written here by hand from the indicator definitions in
 * words (datasets/README.md, the glossary) — none of the app's loader, query builders or formula
 * code. What the page shows is checked against these.
 */
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Filters } from '@/domain/filters';

/** The bundled datasets, by the id a URL names them with (`ds`; absent is the demo). */
export const SOAK_DATASETS = { demo: 'demo.parquet', real: 'real.parquet' } as const;
export type SoakDataset = keyof typeof SOAK_DATASETS;

export type Unit = 'count' | 'percent' | 'per_100';

/** One addend list per part; a NULL part makes the report's value NULL (blank is never 0). */
interface Formula {
  readonly unit: Unit;
  readonly num: string;
  readonly den?: string;
}

const add = (...cells: string[]) => `(${cells.join(' + ')})`;
const t3 = (rows: string[], col = 'total') => add(...rows.map((r) => `t3_${r}_${col}`));
const DENIED = t3([
  'denied_secret',
  'denied_law',
  'denied_safety',
  'denied_third_party',
  'denied_internal',
  'denied_process',
  'denied_enforcement',
  'denied_inquiry',
]);
const UNABLE = t3(['unable_not_held', 'unable_needs_creation', 'unable_unclear']);
const REJECTED = t3([
  'rejected_petition',
  'rejected_duplicate',
  'rejected_publication',
  'rejected_excessive',
  'rejected_confirmation',
]);
// The 2019 template has one 其他处理 row; the 2021 template splits it in three.
const OTHER = `COALESCE(t3_other_single_total, ${t3(['other_no_correction', 'other_unpaid_fee', 'other_misc'])})`;
const RECEIVED = '(t3_new_total + t3_carried_in_total)';

/** Every indicator the app offers, written out by hand. */
export const FORMULAS: Record<string, Formula> = {
  new_requests: { unit: 'count', num: 't3_new_total' },
  handled: { unit: 'count', num: 't3_total_total' },
  disclosure_rate: { unit: 'percent', num: '(t3_granted_total + t3_partial_total)', den: 't3_total_total' },
  denial_rate: { unit: 'percent', num: DENIED, den: 't3_total_total' },
  unable_rate: { unit: 'percent', num: UNABLE, den: 't3_total_total' },
  rejected_rate: { unit: 'percent', num: REJECTED, den: 't3_total_total' },
  other_rate: { unit: 'percent', num: OTHER, den: 't3_total_total' },
  completion_rate: { unit: 'percent', num: 't3_total_total', den: RECEIVED },
  carryover_rate: { unit: 'percent', num: 't3_carried_out_total', den: RECEIVED },
  org_share: { unit: 'percent', num: '(t3_new_total - t3_new_person)', den: 't3_new_total' },
  review_cases: { unit: 'count', num: 't4_review_total' },
  litigation_cases: { unit: 'count', num: '(t4_suit_direct_total + t4_suit_after_review_total)' },
  review_correction_rate: { unit: 'percent', num: 't4_review_corrected', den: '(t4_review_total - t4_review_pending)' },
  litigation_correction_rate: {
    unit: 'percent',
    num: '(t4_suit_direct_corrected + t4_suit_after_review_corrected)',
    den: '(t4_suit_direct_total + t4_suit_after_review_total - t4_suit_direct_pending - t4_suit_after_review_pending)',
  },
  dispute_rate: { unit: 'percent', num: '(t4_review_total + t4_suit_direct_total)', den: RECEIVED },
  cases_per_100: {
    unit: 'per_100',
    num: '(t4_review_total + t4_suit_direct_total + t4_suit_after_review_total)',
    den: RECEIVED,
  },
};

export const OVERVIEW_KEYS = [
  'new_requests',
  'disclosure_rate',
  'completion_rate',
  'review_cases',
  'litigation_cases',
  'review_correction_rate',
] as const;

/** A figure over a group of reports: counts summed, rates pooled over reports with both parts. */
function aggregate(f: Formula): { value: string; n: string } {
  if (!f.den) return { value: `SUM(${f.num})`, n: `count(*) FILTER (WHERE ${f.num} IS NOT NULL)` };
  const both = `(${f.num}) IS NOT NULL AND (${f.den}) IS NOT NULL`;
  return {
    value: `SUM(CASE WHEN ${both} THEN ${f.num} END) / NULLIF(SUM(CASE WHEN ${both} THEN ${f.den} END), 0)`,
    n: `count(*) FILTER (WHERE ${both})`,
  };
}

export interface Figure {
  readonly value: number | null;
  /** Reports the figure rests on. */
  readonly n: number;
}

export interface AgencyName {
  readonly id: string;
  readonly name: string;
}

export class Oracle {
  private constructor(private readonly con: DuckDBConnection) {}

  static async open(): Promise<Oracle> {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    for (const [id, file] of Object.entries(SOAK_DATASETS)) {
      const path = fileURLToPath(new URL(`../../datasets/${file}`, import.meta.url));
      await con.run(`CREATE TABLE ${id} AS SELECT * FROM read_parquet('${path.replace(/'/g, "''")}')`);
    }
    return new Oracle(con);
  }

  private async rows(text: string, params: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
    const reader = await this.con.runAndReadAll(text, params);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  }

  /** The filters as a WHERE clause with bound values (years left to the caller). */
  private where(f: Filters, params: DuckDBValue[], opts: { agencies?: boolean } = {}): string {
    const parts = ['TRUE'];
    const bind = (v: DuckDBValue) => {
      params.push(v);
      return `$${params.length}`;
    };
    const list = (column: string, values: readonly string[]) =>
      values.length && parts.push(`${column} IN (${values.map(bind).join(', ')})`);
    list('level', f.levels);
    list('kind', f.kinds);
    if (f.province) parts.push(`province = ${bind(f.province)}`);
    if (f.city) parts.push(`city = ${bind(f.city)}`);
    if (f.county) parts.push(`county = ${bind(f.county)}`);
    list('sector', f.sectors);
    if (opts.agencies !== false) list('agency_id', f.agencies);
    return parts.join(' AND ');
  }

  async years(ds: SoakDataset): Promise<number[]> {
    const rows = await this.rows(`SELECT DISTINCT year FROM ${ds} ORDER BY 1`);
    return rows.map((r) => Number(r.year));
  }

  async agencies(ds: SoakDataset): Promise<AgencyName[]> {
    const rows = await this.rows(`SELECT agency_id, any_value(agency_name) AS name FROM ${ds} GROUP BY 1 ORDER BY 1`);
    return rows.map((r) => ({ id: String(r.agency_id), name: String(r.name) }));
  }

  /** The Overview's headline figures of one year under the filters. */
  async headline(ds: SoakDataset, f: Filters, year: number): Promise<Record<string, Figure>> {
    const params: DuckDBValue[] = [];
    const where = this.where(f, params);
    const cols = OVERVIEW_KEYS.map((k) => {
      const a = aggregate(FORMULAS[k] as Formula);
      return `${a.value} AS "v_${k}", ${a.n} AS "n_${k}"`;
    });
    params.push(year);
    const [row = {}] = await this.rows(
      `SELECT ${cols.join(', ')} FROM ${ds} WHERE ${where} AND year = $${params.length}`,
      params,
    );
    return Object.fromEntries(OVERVIEW_KEYS.map((k) => [k, { value: num(row[`v_${k}`]), n: Number(row[`n_${k}`]) }]));
  }

  /** Agencies with a report under the filters in any of the years from…to. */
  async agenciesIn(ds: SoakDataset, f: Filters, from: number, to: number, withPicked: boolean): Promise<Set<string>> {
    const params: DuckDBValue[] = [];
    const where = this.where(f, params, { agencies: withPicked });
    params.push(from, to);
    const rows = await this.rows(
      `SELECT DISTINCT agency_id FROM ${ds} WHERE ${where} AND year BETWEEN $${params.length - 1} AND $${params.length}`,
      params,
    );
    return new Set(rows.map((r) => String(r.agency_id)));
  }

  /** One agency's figure in one year (null: no report, or a part left blank). */
  async agencyFigure(ds: SoakDataset, id: string, key: string, year: number): Promise<number | null> {
    const a = aggregate(FORMULAS[key] as Formula);
    const [row] = await this.rows(`SELECT ${a.value} AS v FROM ${ds} WHERE agency_id = $1 AND year = $2`, [id, year]);
    return num(row?.v);
  }
}

function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Whether a figure as printed ("3,511", "45.2%", "1.23", "—") is `expected` rounded the way the
 * unit is shown; a missing value must print as "—", never as 0.
 */
export function shownMatches(text: string, expected: number | null, unit: Unit): boolean {
  const t = text.trim();
  if (expected === null) return t === '—';
  if (t === '—' || t === '') return false;
  const shown = Number(t.replace(/[,\s%]/g, '').replace('−', '-'));
  if (!Number.isFinite(shown)) return false;
  // Half of the last printed digit, and a hair for sums in another order.
  if (unit === 'count') return Math.abs(shown - expected) <= 0.5 + 1e-9;
  if (unit === 'percent') return t.endsWith('%') && Math.abs(shown - expected * 100) <= 0.05 + 1e-9;
  return Math.abs(shown - expected * 100) <= 0.005 + 1e-9;
}
