import { checkDef, checkFormula, rule, type CheckResult, type ResultCell } from '@/domain/rules';

/** A result as exported: the engine's result plus, where known, the agency's name. */
export type ExportableResult = CheckResult & { readonly agencyName?: string };

export interface RuleResultsCsvOptions {
  /** Prefix a UTF-8 byte-order mark so spreadsheet programs read the Chinese text (default true). */
  readonly bom?: boolean;
}

export const RULE_RESULTS_CSV_COLUMNS = [
  'agency_id',
  'agency_name',
  'year',
  'rule',
  'rule_name_zh',
  'rule_name_en',
  'severity',
  'check',
  'status',
  'expected',
  'actual',
  'difference',
  'formula',
  'cells',
  'blank_cells',
  'reason',
  'blank_as_zero',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text field made safe for spreadsheets: one that would start a formula (= + - @ tab CR) gets a
 * leading apostrophe, then CSV quoting applies where needed.
 */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

const cellList = (cells: readonly ResultCell[]) => cells.map((c) => `${c.key}@${c.year}`).join(' ');

/** All rule results as CSV text (header of RULE_RESULTS_CSV_COLUMNS, CRLF line ends). */
export function ruleResultsCsv(results: readonly ExportableResult[], options: RuleResultsCsvOptions = {}): string {
  const lines = [RULE_RESULTS_CSV_COLUMNS.join(',')];
  for (const r of results) {
    const def = rule(r.rule);
    lines.push(
      [
        csvText(r.agencyId),
        csvText(r.agencyName ?? ''),
        String(r.year),
        csvText(r.rule),
        csvText(def.name.zh),
        csvText(def.name.en),
        csvText(r.severity),
        csvText(r.check),
        csvText(r.status),
        csvNumber(r.expected),
        csvNumber(r.actual),
        csvNumber(r.difference),
        csvText(checkFormula(checkDef(r.check))),
        csvText(cellList(r.cells)),
        csvText(cellList(r.blankCells)),
        csvText(r.reason ?? ''),
        r.blankAsZero ? 'true' : 'false',
      ].join(','),
    );
  }
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}
