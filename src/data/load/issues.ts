/** A problem found while loading a dataset file, located as precisely as the file allows. */
export interface LoadIssue {
  readonly code: LoadIssueCode;
  readonly file: string;
  /** Row as a spreadsheet shows it (CSV/XLSX: the header is row 1; Parquet: first record is 1). */
  readonly row?: number;
  readonly column?: string;
  readonly value?: string;
  /** Extra facts for the message, e.g. the other row of a duplicate. */
  readonly detail?: string;
}

export type LoadIssueCode =
  | 'unreadable'
  | 'unsupported_format'
  | 'empty'
  | 'missing_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'not_a_number'
  | 'not_integer'
  | 'negative'
  | 'too_large'
  | 'bad_year'
  | 'bad_template'
  | 'bad_level'
  | 'bad_kind'
  | 'empty_identity'
  | 'duplicate_report'
  | 'already_loaded'
  | 'unknown_cell'
  | 'duplicate_cell';

export class DatasetLoadError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly LoadIssue[],
    /** How many issues there were in all; `issues` holds the first of them. */
    readonly total: number,
  ) {
    super(`${file}: ${total} problem(s), first: ${issues[0]?.code ?? 'unknown'}`);
    this.name = 'DatasetLoadError';
  }
}

/** Most issues listed per load: enough to fix a file, not so many that the page drowns. */
export const MAX_LISTED_ISSUES = 50;
