import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { QueryRunner } from '@/data/query-runner';
import { loadDataset } from '@/data/load/load-dataset';
import { decodeRuleResultRow, ruleResultsQuery, RULE_COUNTS_TABLE } from '@/data/queries/rule-results';
import { freshRunner, projectPath } from '../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
  await loadDataset(runner, {
    name: 'demo.parquet',
    bytes: new Uint8Array(readFileSync(projectPath('datasets/demo.parquet'))),
  });
});

/** The generator's own list: one line per failing check, `<rule>.<column or group>`. */
function documented(): Set<string> {
  const [, ...lines] = readFileSync(projectPath('datasets/demo-violations.csv'), 'utf8').trim().split('\n');
  return new Set(
    lines
      .map((l) => l.split(','))
      .filter(([, , rule]) => rule !== 'null')
      .map(([id, year, rule, where]) => `${id} ${year} ${rule}.${where}`),
  );
}

describe('the rule engine on the demo dataset', () => {
  it('finds every deliberate violation the generator documented, and nothing else', async () => {
    const options = { countsTable: RULE_COUNTS_TABLE, statuses: ['fail'] as const };
    const found = (await runner.query(ruleResultsQuery(options)!)).map((r) => decodeRuleResultRow(r, options));
    const expected = documented();
    // An empty list on both sides would pass the comparison: the generator documents violations.
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(found.map((f) => `${f.agencyId} ${f.year} ${f.check}`))).toEqual(expected);
  });

  it('reports the documented blank cells as not assessable rather than as failures', async () => {
    const [, ...lines] = readFileSync(projectPath('datasets/demo-violations.csv'), 'utf8').trim().split('\n');
    // Blanks in sections 三 and 四, whose every cell is part of a rule (section 二 cells need not be).
    const blanks = lines
      .map((l) => l.split(','))
      .filter(([, , rule, cell]) => rule === 'null' && (cell?.startsWith('t3_') || cell?.startsWith('t4_')));
    expect(blanks.length).toBeGreaterThan(0);
    const options = { countsTable: RULE_COUNTS_TABLE, statuses: ['not_assessable'] as const };
    const na = (await runner.query(ruleResultsQuery(options)!)).map((r) => decodeRuleResultRow(r, options));
    const missing = blanks
      .filter(
        ([id, year, , cell]) =>
          !na.some((r) => r.agencyId === id && r.blankCells.some((b) => b.key === cell && String(b.year) === year)),
      )
      .map(([id, year, , cell]) => `${id} ${year} ${cell}`);
    expect(missing).toEqual([]);
  });
});
