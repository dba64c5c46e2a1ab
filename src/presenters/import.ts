import type { LoadIssue } from '@/data/load/issues';
import type { Labels } from '@/presenters/labels';

/** What the import view knows of one report file (a structural view of the import's item). */
export interface ImportedFile {
  readonly fileName: string;
  readonly state: string;
  readonly form: { readonly agency_id?: string; readonly year?: string };
}

/** Why an append was refused, as the import reports it. */
export interface RefusedAppend {
  readonly issues: readonly LoadIssue[];
  readonly total: number;
  /** CSV row number → the report file it came from. */
  readonly rowFiles: Readonly<Record<number, string>>;
}

/**
 * Issues of a refused append, each naming the report file its row came from: by the row of the
 * generated CSV, else by the agency id and year the issue is about (a duplicate of loaded data).
 */
export function locateIssues(
  failure: RefusedAppend | null,
  files: readonly ImportedFile[],
  labels: Labels,
): LoadIssue[] {
  return (failure?.issues ?? []).map((i) => {
    const byRow = i.row !== undefined ? failure?.rowFiles[i.row] : undefined;
    const byId = files.find((x) => x.form.agency_id === i.value && x.form.year === i.detail)?.fileName;
    const file = byRow ?? byId;
    return file ? { ...i, file: `${i.file}${labels.t('ingest.rowOf', { file })}` } : i;
  });
}

/** Reports already accepted into the data (the "clear accepted" button shows when there are some). */
export const acceptedCount = (files: readonly ImportedFile[]): number =>
  files.filter((f) => f.state === 'accepted').length;

/**
 * How a report file is named to the user: by what the file is (a `.txt` file is 文本 even when
 * it holds HTML tags and was read as a web page), else by how it was read.
 */
export function shownFormat(
  fileName: string,
  readAs: 'html' | 'docx' | 'text' | 'pdf',
): 'html' | 'docx' | 'text' | 'pdf' {
  return /\.txt$/i.test(fileName) ? 'text' : readAs;
}

/** What the user reads about a flagged cell: the messages of the warnings on it, never their codes. */
export function cellNotes(
  warnings: readonly {
    readonly cells?: readonly string[];
    readonly message: { readonly zh: string; readonly en: string };
  }[],
  lang: 'zh' | 'en',
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const w of warnings) for (const c of w.cells ?? []) (out[c] ??= []).push(w.message[lang]);
  return out;
}
