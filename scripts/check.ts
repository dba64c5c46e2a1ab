/**
 * Checks dataset files (or folders of them) against rules R1–R6, S2 and writes every result as
 * CSV. Files are loaded with the app's own validating loader (CSV, XLSX, Parquet; wide or long),
 * so a negative count (S1) or any other bad value is refused with its file, row and column.
 *
 *   npm run check -- <dataset files or folders…> [--out rule-results.csv] [--blank-as-zero] [--problems-only]
 *
 * Exit status: 0 when no error-level rule fails, 1 when one does, 2 on bad input: an unknown
 * option, a path that cannot be read, or a file the loader refuses (each problem is printed with
 * its row and column; never a stack trace).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createNodeRunner } from '@/data/engine-node';
import { DatasetLoadError } from '@/data/load/issues';
import { loadDataset } from '@/data/load/load-dataset';
import zh from '@/i18n/zh-CN';
import {
  decodeRuleResultRow,
  decodeRuleSummaryRow,
  RULE_COUNTS_TABLE,
  ruleResultsQuery,
  ruleSummaryQuery,
} from '@/data/queries/rule-results';
import { ruleResultsCsv } from '@/domain/rule-results-csv';
import { RULES, describeCheck, checkDef, type CheckStatus } from '@/domain/rules';

const DATASET_FILE = /\.(csv|tsv|xlsx|parquet)$/i;

/** Files as given, folders expanded to the dataset files directly inside them. */
function expand(paths: readonly string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => DATASET_FILE.test(f))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
}

const message = (e: DatasetLoadError['issues'][number]) =>
  (zh.issue[e.code] ?? e.code).replace(/\{(\w+)\}/g, (_, k: string) =>
    String((e as unknown as Record<string, unknown>)[k] ?? ''),
  );

interface Args {
  files: string[];
  out: string;
  blankAsZero: boolean;
  problemsOnly: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { files: [], out: 'rule-results.csv', blankAsZero: false, problemsOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--out') args.out = argv[++i] ?? args.out;
    else if (a.startsWith('--out=')) args.out = a.slice('--out='.length);
    else if (a === '--blank-as-zero') args.blankAsZero = true;
    else if (a === '--problems-only') args.problemsOnly = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: check <dataset.csv…> [--out rule-results.csv] [--blank-as-zero] [--problems-only]');
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`Unknown option ${a}`);
    else args.files.push(a);
  }
  if (args.files.length === 0) throw new Error('Give at least one dataset file or folder (CSV, XLSX or Parquet)');
  return args;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(String(e instanceof Error ? e.message : e));
    return 2;
  }
  let paths: string[];
  try {
    paths = expand(args.files);
  } catch (e) {
    console.error(`cannot read ${args.files.join(', ')}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const runner = await createNodeRunner();
  for (const [i, path] of paths.entries()) {
    try {
      await loadDataset(
        runner,
        { name: basename(path), bytes: new Uint8Array(readFileSync(path)) },
        i === 0 ? 'replace' : 'append',
      );
    } catch (e) {
      if (!(e instanceof DatasetLoadError)) {
        console.error(`${path}: not loaded: ${e instanceof Error ? e.message : String(e)}`);
        return 2;
      }
      console.error(`${path}: not loaded, ${e.total} problem(s):`);
      for (const issue of e.issues) {
        const where = [issue.row !== undefined ? `row ${issue.row}` : '', issue.column ? `column ${issue.column}` : '']
          .filter(Boolean)
          .join(', ');
        console.error(`  ${where ? `${where}: ` : ''}${message(issue)} [${issue.code}]`);
      }
      return 2;
    }
  }
  // The loader has evaluated every rule into rule_counts; without blank-as-0 the reads use it.
  const options = { blankAsZero: args.blankAsZero, ...(args.blankAsZero ? {} : { countsTable: RULE_COUNTS_TABLE }) };

  const [totals] = await runner.query({
    text: 'SELECT count(*) AS n, count(DISTINCT agency_id) AS a FROM reports',
    params: [],
  });
  console.log(`${String(totals?.n)} reports of ${String(totals?.a)} agencies from ${paths.join(', ')}`);
  if (args.blankAsZero) console.log('Blank cells are treated as 0 (--blank-as-zero).');

  const summaryQuery = ruleSummaryQuery({ ...options, by: [] });
  const summary = summaryQuery
    ? (await runner.query(summaryQuery)).flatMap((r) => decodeRuleSummaryRow(r, { ...options, by: [] }))
    : [];
  console.log('\nrule  severity  checks: pass  fail  n/a   reports: pass  fail  n/a   name');
  for (const s of summary) {
    const def = RULES.find((r) => r.id === s.rule);
    console.log(
      `${s.rule.padEnd(5)} ${(def?.severity ?? '').padEnd(9)} ${String(s.checksPass).padStart(12)} ${String(s.checksFail).padStart(5)} ${String(s.checksNotAssessable).padStart(4)}` +
        `   ${String(s.passing).padStart(13)} ${String(s.failing).padStart(5)} ${String(s.notAssessable).padStart(4)}   ${def?.name.zh ?? ''} ${def?.name.en ?? ''}`,
    );
  }
  for (const r of RULES.filter((x) => x.enforcedAtLoad))
    console.log(
      `${r.id.padEnd(5)} ${r.severity.padEnd(9)} holds: files breaking it are refused at load   ${r.name.zh} ${r.name.en}`,
    );
  for (const r of RULES.filter((x) => !x.assessed))
    console.log(
      `${r.id.padEnd(5)} ${r.severity.padEnd(9)} not assessed by this engine yet   ${r.name.zh} ${r.name.en}`,
    );

  const statuses: CheckStatus[] | undefined = args.problemsOnly ? ['fail', 'not_assessable'] : undefined;
  const q = ruleResultsQuery({ ...options, statuses });
  const results = q ? (await runner.query(q)).map((r) => decodeRuleResultRow(r, options)) : [];
  const failures = results.filter((r) => r.status === 'fail');
  if (failures.length) {
    console.log(`\nfirst failures (of ${failures.length}):`);
    for (const f of failures.slice(0, 15)) {
      console.log(
        `  ${f.agencyName} (${f.agencyId}) ${f.year}  ${f.check} [${f.severity}]  expected ${f.expected}, printed ${f.actual} (difference ${f.difference})` +
          `\n      ${describeCheck(checkDef(f.check), 'zh')}`,
      );
    }
  }
  writeFileSync(args.out, ruleResultsCsv(results));
  console.log(`\nwrote ${results.length} results to ${args.out}`);

  const errorFailures = failures.filter((f) => f.severity === 'error').length;
  if (errorFailures > 0) {
    console.log(`${errorFailures} error-level check(s) fail.`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
