import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { QueryRunner } from '@/data/query-runner';
import { loadDataset } from '@/data/load/load-dataset';
import { decodeQualityFlag, qualityFlagQuery } from '@/data/queries/quality-flags';
import { decodeIndicatorsByYear, indicatorsByYearQuery } from '@/data/queries/overview';
import { EMPTY_FILTERS } from '@/domain/filters';
import { rule, isRuleId } from '@/domain/rules';
import { freshRunner, projectPath } from '../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
  await loadDataset(runner, {
    name: 'demo.parquet',
    bytes: new Uint8Array(readFileSync(projectPath('datasets/demo.parquet'))),
  });
});

/** The reports the demo generator broke on purpose with an error-level rule, from its own list. */
function documentedErrorReports(): Set<string> {
  const [, ...lines] = readFileSync(projectPath('datasets/demo-violations.csv'), 'utf8').trim().split('\n');
  const keys = lines
    .map((l) => l.split(','))
    .filter(([, , r]) => r !== undefined && isRuleId(r) && rule(r).severity === 'error')
    .map(([id, year]) => `${id}|${year}`);
  return new Set(keys);
}

describe('quality flags', () => {
  it('flags exactly the demo reports documented as breaking an error-level rule', async () => {
    const flagged = await runner.query({ text: 'SELECT agency_id, year FROM failing_reports', params: [] });
    const documented = documentedErrorReports();
    // Two empty sets would be equal: the generator breaks error-level rules on purpose.
    expect(documented.size).toBeGreaterThan(0);
    expect(new Set(flagged.map((r) => `${String(r.agency_id)}|${String(r.year)}`))).toEqual(documented);
  });

  it('counts the failing reports within the filters', async () => {
    const all = decodeQualityFlag(await runner.query(qualityFlagQuery(EMPTY_FILTERS)));
    expect(all).toEqual({ reports: 5393, failing: documentedErrorReports().size });
    const y2023 = [...documentedErrorReports()].filter((k) => k.endsWith('|2023')).length;
    const flag = decodeQualityFlag(
      await runner.query(qualityFlagQuery({ ...EMPTY_FILTERS, yearFrom: 2023, yearTo: 2023 })),
    );
    expect(flag.failing).toBe(y2023);
  });

  it('leaves failing reports out of the figures when asked', async () => {
    const q = (excludeFailing: boolean) =>
      indicatorsByYearQuery({ ...EMPTY_FILTERS, excludeFailing }, ['new_requests'], null);
    const withAll = decodeIndicatorsByYear(await runner.query(q(false)!), ['new_requests']);
    const without = decodeIndicatorsByYear(await runner.query(q(true)!), ['new_requests']);
    const [expected] = await runner.query({
      text: `SELECT count(*) AS n FROM reports WHERE NOT EXISTS (SELECT 1 FROM failing_reports f WHERE f.agency_id = reports.agency_id AND f.year = reports.year)`,
      params: [],
    });
    expect(without.reduce((a, r) => a + r.reports, 0)).toBe(expected?.n);
    expect(withAll.reduce((a, r) => a + r.reports, 0)).toBe(5393);
  });
});
