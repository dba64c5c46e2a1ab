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

/** Every issue code; each has a message in the user's words in `issue.*` of both languages. */
export const LOAD_ISSUE_CODES = [
  'unreadable',
  'fetch_failed',
  'unsupported_format',
  'empty',
  'file_too_large',
  'zip_too_large',
  'too_many_rows',
  'out_of_memory',
  'csv_unterminated_quote',
  'csv_too_many_columns',
  'csv_malformed',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'blank_header',
  'formula_without_value',
  'not_a_number',
  'not_finite',
  'not_integer',
  'negative',
  'too_large',
  'bad_year',
  'bad_template',
  'bad_level',
  'bad_kind',
  'empty_identity',
  'duplicate_report',
  'already_loaded',
  'unknown_cell',
  'duplicate_cell',
] as const;

export type LoadIssueCode = (typeof LOAD_ISSUE_CODES)[number];

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

/**
 * The largest dataset file the loader accepts, said before it tries: a file over a limit is
 * refused at once, before it is decoded. Measured on the project's 2-core machine: in Chromium
 * 100,000 wide rows (55 MB) load in ~9 s, and 1,000,000 rows (550 MB) ran DuckDB-WASM out of memory
 * after 4.9 GB; in Node (`npm run check`, the same engine on one thread) a 62 MB wide file of
 * 129,000 rows peaks at 1.3 GB and a 59 MB long file of 927,000 rows at 1.0 GB, well within the
 * engine's 4 GB. Long files (one row per cell) have short rows, so their row limit is higher.
 */
export const LOAD_LIMITS = {
  /** File size in bytes (64 MiB). */
  maxBytes: 64 * 1024 * 1024,
  /** Data rows of a wide file: one report per row. */
  maxRows: 150_000,
  /** Data rows of a long file: one cell per row. */
  maxLongRows: 2_000_000,
} as const;
