import type { Label, Template } from '@/domain/catalogue';

export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'S1' | 'S2';
export type Severity = 'error' | 'warning';
export type CheckStatus = 'pass' | 'fail' | 'not_assessable';

/** How the printed side (`actual`) must relate to the side computed from other cells (`expected`). */
export type Relation = 'eq' | 'le' | 'ge';

/** A cell of the report being checked, or (`prev`) of the same agency's report for the year before. */
export interface CellRef {
  readonly key: string;
  readonly prev?: boolean;
}

export type Sign = 1 | -1;

/**
 * One summand of a side of a check: a cell, or a derived group (其他处理) whose value comes from
 * the first of its alternatives that is reported (the single 2019 row, or the three 2021 rows).
 */
export type Term =
  | { readonly kind: 'cell'; readonly sign: Sign; readonly cell: CellRef }
  | {
      readonly kind: 'group';
      readonly sign: Sign;
      readonly label: Label;
      readonly alternatives: readonly (readonly string[])[];
    };

/** One equation (or inequality) between sums of cells: `Σ actual  <relation>  Σ expected`. */
export interface CheckDef {
  /** Stable id, e.g. `R1.person`, `R4.review`, `S1.t3_new_person`. */
  readonly id: string;
  readonly rule: RuleId;
  /** What the check is about (a column, row or group), as a person would say it. */
  readonly label: Label;
  readonly actual: readonly Term[];
  readonly expected: readonly Term[];
  readonly relation: Relation;
  /**
   * When every cell of the check is blank the check yields no result at all: used where a blank
   * means "this row is not in the report's layout" (the other template's （六） rows) or where
   * there is nothing to check (S1 on a blank cell).
   */
  readonly skipWhenAllBlank: boolean;
}

export interface RuleDef {
  readonly id: RuleId;
  readonly name: Label;
  readonly explanation: Label;
  readonly severity: Severity;
  /** Templates of the report (year Y) the rule applies to. */
  readonly templates: readonly Template[];
  /** Cross-year rules compare a report with the same agency's report of year Y−1. */
  readonly crossYear: boolean;
  /** Cross-year rules: templates the Y−1 report must have for the rule to apply. */
  readonly prevTemplates?: readonly Template[];
  /** False for rules declared but not evaluated by this engine (they have no checks). */
  readonly assessed: boolean;
  /** Whether the rule's checks count in an agency's quality score. */
  readonly inScore: boolean;
  /**
   * Already guaranteed for any loaded dataset because the loader refuses a file that breaks it
   * (S1: a negative count). The SQL engine then skips it unless asked by name; the TypeScript
   * evaluator still checks it, e.g. on parsed report documents before they are loaded.
   */
  readonly enforcedAtLoad?: boolean;
  readonly checks: readonly CheckDef[];
}

/** A cell as it appears in a result: the key and the report year it belongs to. */
export interface ResultCell {
  readonly key: string;
  readonly year: number;
}

export interface CheckResult {
  readonly agencyId: string;
  readonly year: number;
  readonly rule: RuleId;
  readonly check: string;
  readonly severity: Severity;
  readonly status: CheckStatus;
  /** Σ of the `expected` side; null when not assessable. */
  readonly expected: number | null;
  /** Σ of the `actual` (printed) side; null when not assessable. */
  readonly actual: number | null;
  /** actual − expected; null when not assessable. */
  readonly difference: number | null;
  /** Every cell the check used (for a derived group: the alternative used, or the best one). */
  readonly cells: readonly ResultCell[];
  /** Cells that were blank: why a check is not assessable, or what "blank as 0" filled in. */
  readonly blankCells: readonly ResultCell[];
  /** `no_previous_report`: a cross-year check without the agency's report for year Y−1. */
  readonly reason: 'blank_cells' | 'no_previous_report' | null;
  /** True when the check ran with "treat blank as 0" and counted at least one blank cell as 0. */
  readonly blankAsZero: boolean;
}

export interface EvaluateOptions {
  /** Treat blank cells as 0 (for sources like 上海 2019 that leave zero cells blank). */
  readonly blankAsZero?: boolean;
  /** Only these rules (default: every assessed rule). */
  readonly rules?: readonly RuleId[];
}
