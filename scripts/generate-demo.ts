/**
 * Generates the GENERATED demo dataset (演示数据，非真实数据) of the fictional province 示例省:
 * datasets/demo.csv and the list of its deliberate rule violations and blank cells,
 * datasets/demo-violations.csv. Deterministic: the same bytes on every run. The model is
 * scripts/lib/report-model.ts (shared with scripts/generate-scale.ts).
 *
 *   npx tsx scripts/generate-demo.ts
 *
 * Column keys and rules: ../shared/domain/report-format.md; assumptions: datasets/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { formatCsv, projectRoot } from './build-real-dataset';
import { agenciesOf, demoRegions, findingRecord, HEADER, inject, Random, simulate, toRecord } from './lib/report-model';

const SEED = 20250101;

function main(): void {
  const rng = new Random(SEED);
  const agencies = demoRegions().flatMap((region) => agenciesOf(region, rng));
  const seriesList = agencies.map((agency) =>
    simulate(agency, rng)
      .filter((s) => s.published)
      .map((s) => s.report),
  );
  const findings = inject(seriesList, rng);
  const order = new Map(agencies.map((a, i) => [a.id, i]));
  findings.sort((a, b) => (order.get(a.agencyId) ?? 0) - (order.get(b.agencyId) ?? 0) || a.year - b.year);

  const reports = seriesList.flat();
  const dir = resolve(projectRoot, 'datasets');
  mkdirSync(dir, { recursive: true });
  const demo = resolve(dir, 'demo.csv');
  const violations = resolve(dir, 'demo-violations.csv');
  writeFileSync(demo, formatCsv([[...HEADER], ...reports.map(toRecord)]));
  writeFileSync(
    violations,
    formatCsv([['agency_id', 'year', 'rule', 'column_or_group', 'description'], ...findings.map(findingRecord)]),
  );
  console.log(
    `${relative(projectRoot, demo)}: ${reports.length} reports of ${agencies.length} agencies (seed ${SEED})`,
  );
  console.log(`${relative(projectRoot, violations)}: ${findings.length} entries`);
}

main();
