import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import { sql } from '@/data/sql';
import { EMPTY_FILTERS } from '@/domain/filters';
import { loadDataset } from '@/data/load/load-dataset';
import { DatasetLoadError } from '@/data/load/issues';
import { loadPopulation, parseCsvRecords, parsePopulation } from '@/data/load/population';
import { decodePerResidents, perResidentsQuery } from '@/data/queries/per-residents';
import { freshRunner, projectPath, textFile } from '../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
});

const issuesOf = (text: string) => {
  try {
    parsePopulation(textFile('pop.csv', text));
  } catch (e) {
    if (e instanceof DatasetLoadError) return e.issues.map((i) => `${i.code}@${i.row}:${i.column}`);
    throw e;
  }
  return [];
};

describe('population file', () => {
  it('reads quoted fields and both line endings', () => {
    expect(parseCsvRecords('a,b\r\n"x, ""y""",2\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
    ]);
  });

  it('refuses a file with problems as a whole, each located', () => {
    expect(issuesOf('region_code,year\n320813,2024\n')).toEqual(['missing_column@1:population']);
    expect(issuesOf('region_code,agency_id,year,population\n')).toEqual(['unknown_column@1:region_code / agency_id']);
    expect(issuesOf('year,population\n2024,5\n')).toEqual(['missing_column@1:region_code / agency_id']);
    expect(issuesOf(['region_code,year,population,note', '320813,2024,380000,'].join('\n'))).toEqual([
      'unknown_column@1:note',
    ]);
    expect(
      issuesOf(
        [
          'region_code,year,population',
          '32081,2024,380000',
          '320813,24,380000',
          '320813,2024,',
          '320813,2024,0',
          '320831,2024,-5',
          '320831,2024,1.2万',
          '321300,2024,4990000',
          '321300,2024,4990000',
        ].join('\n'),
      ),
    ).toEqual([
      'not_integer@2:region_code',
      'bad_year@3:year',
      'not_a_number@4:population',
      'negative@5:population',
      'negative@6:population',
      'not_a_number@7:population',
      'duplicate_report@9:region_code',
    ]);
    expect(issuesOf('')).toEqual(['empty@undefined:undefined']);
  });

  it('keeps the loaded table when a new file is refused, and replaces it with a valid one', async () => {
    const good = await loadPopulation(runner, textFile('p.csv', 'agency_id,year,population\na,2024,100\nb,2024,200\n'));
    expect(good).toEqual({ rows: 2, keyedBy: 'agency_id', years: [2024], sources: [] });
    await expect(loadPopulation(runner, textFile('bad.csv', 'agency_id,year,population\na,2024,x\n'))).rejects.toThrow(
      DatasetLoadError,
    );
    const [kept] = await runner.query(sql`SELECT count(*) AS n, sum(population) AS s FROM population`);
    expect([Number(kept?.n), Number(kept?.s)]).toEqual([2, 300]);
  });
});

describe('per 10,000 residents', () => {
  beforeAll(async () => {
    await loadDataset(runner, {
      name: 'real.csv',
      bytes: new Uint8Array(readFileSync(projectPath('datasets/real.csv'))),
    });
  });

  it('divides the counts of each 人民政府 by the population of its region', async () => {
    // Invented figures for the test: 洪泽区 (320813) 350,000 residents in 2024, 宿迁市 (321300) 5,000,000.
    await loadPopulation(
      runner,
      textFile(
        'pop.csv',
        'region_code,year,population,source\n320813,2024,350000,测试\n321300,2024,5000000,测试\n321300,2023,4900000,测试\n',
      ),
    );
    const keys = ['new_requests', 'review_cases', 'disclosure_rate'];
    const rows = decodePerResidents(await runner.query(perResidentsQuery(EMPTY_FILTERS, keys, 2024)!), keys);
    // 2024 governments: 洪泽区 (95 new requests, 2 reviews) and 宿迁市 (3,525, 170).
    expect(rows.map((r) => r.agencyId)).toEqual(['js-huaian-hongze-gov', 'js-suqian-gov']);
    const [hongze, suqian] = rows;
    // 95 / 350,000 × 10,000 = 2.7142857; 2 / 350,000 × 10,000 = 0.0571429.
    expect(hongze?.perTenThousand.new_requests).toBeCloseTo(95 / 35, 10);
    expect(hongze?.perTenThousand.review_cases).toBeCloseTo(2 / 35, 10);
    // 3,525 / 5,000,000 × 10,000 = 7.05; 170 / 500 = 0.34.
    expect(suqian?.perTenThousand.new_requests).toBeCloseTo(7.05, 10);
    expect(suqian?.perTenThousand.review_cases).toBeCloseTo(0.34, 10);
    expect(suqian).toMatchObject({ population: 5_000_000, source: '测试', regionCode: '321300' });
    expect(suqian?.values.new_requests).toBe(3525);
    // A rate has no per-resident form.
    expect(suqian?.perTenThousand.disclosure_rate).toBeNull();
    // 2023: 金湖县 and 洪泽区 have no population row → null, not 0; the seed bureau (a department) is left out.
    const y23 = decodePerResidents(await runner.query(perResidentsQuery(EMPTY_FILTERS, keys, 2023)!), keys);
    expect(y23.map((r) => [r.agencyId, r.population])).toEqual([
      ['js-huaian-hongze-gov', null],
      ['js-huaian-jinhu-gov', null],
      ['js-suqian-gov', 4_900_000],
    ]);
    expect(y23[0]?.perTenThousand.new_requests).toBeNull();
    expect(perResidentsQuery(EMPTY_FILTERS, ['disclosure_rate'], 2024)).toBeNull();
  });

  it('loads the illustrative example file for the demo regions', async () => {
    const file = {
      name: 'population-illustrative.csv',
      bytes: new Uint8Array(readFileSync(projectPath('datasets/population-illustrative.csv'))),
    };
    const summary = await loadPopulation(runner, file);
    expect(summary.keyedBy).toBe('region_code');
    expect(summary.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(summary.sources).toEqual(['示例数据（虚构，仅供演示）']);
    expect(summary.rows).toBe(37 * 7);
  });
});
