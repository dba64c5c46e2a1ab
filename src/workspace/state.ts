/**
 * What the workspace tells its readers: the datasets it knows, the engine, what is loaded and why a
 * load was refused. Plain data, so stores and presenters read it without the workspace's code.
 */
import type { LoadIssue } from '@/data/load/issues';
import { DatasetLoadError } from '@/data/load/issues';
import type { LoadSummary } from '@/data/load/load-dataset';
import type { PopulationSummary } from '@/data/load/population';
import type { DatasetChoices, ResolvedConflict } from '@/workspace/choices';
import type { KeptDataset } from '@/workspace/keep';
import type { LoadProgress } from '@/workspace/progress';

/** Where a dataset came from; every screen that names a dataset says this truthfully. */
export type DatasetOrigin = 'bundled' | 'file' | 'url';

export interface DatasetEntry {
  readonly id: string;
  /** i18n key of the name (bundled datasets), else the file name is shown. */
  readonly nameKey?: string;
  readonly fileName?: string;
  /** Where the bytes are fetched from (bundled datasets and URLs). */
  readonly url?: string;
  /** Generated data is labelled as such on every screen that shows it. */
  readonly generated: boolean;
  readonly origin: DatasetOrigin;
  /** When a user's file was first loaded (ISO 8601); it is kept in the browser across reloads. */
  readonly loadedAt?: string;
}

/** The analysis engine: starting, ready, or failed (it could not start, or stopped) with why. */
export interface EngineState {
  readonly status: 'starting' | 'ready' | 'failed';
  readonly error: string | null;
  /** How many times it was started again after a failure. */
  readonly restarts: number;
}

/** Where the user's data is kept, and whether the last attempt to keep something failed. */
export interface KeepState {
  /** "opfs", "indexeddb" or "memory" (this session only); null until known. */
  readonly kind: string | null;
  /** Why the last file could not be kept (quota, private mode…); the data stays loaded for this session. */
  readonly failure: string | null;
}

export interface LoadFailure {
  readonly file: string;
  readonly issues: readonly LoadIssue[];
  readonly total: number;
}

/**
 * idle: nothing asked yet; loading: a write is queued or running; ready: `reports` holds
 * `activeId`; error: the first load failed (nothing loaded); missing: the dataset asked for is not
 * known in this browser (e.g. a link to someone else's file).
 */
export type WorkspaceStatus = 'idle' | 'loading' | 'ready' | 'error' | 'missing';

export interface WorkspaceState {
  readonly entries: readonly DatasetEntry[];
  /** The dataset in `reports`, once a load succeeded. */
  readonly activeId: string | null;
  /** A short hash of the loaded file's bytes: links and embeds pin it to notice changed data. */
  readonly contentHash: string | null;
  /** The dataset asked for last; differs from `activeId` while loading, missing or after a failure. */
  readonly wantedId: string | null;
  readonly status: WorkspaceStatus;
  readonly summary: LoadSummary | null;
  /** The last refused load (the loaded data stayed as it was). */
  readonly failure: LoadFailure | null;
  /** Bumped after every change to `reports`: queries follow it. */
  readonly version: number;
  /** Bumped when `reports` is replaced (not appended to): appended reports are gone then. */
  readonly generation: number;
  /** Reports appended from documents on top of the dataset. */
  readonly appended: number;
  readonly keep: KeepState;
  /** What the browser keeps, oldest first. */
  readonly kept: readonly KeptDataset[];
  readonly engine: EngineState;
  /** The optional population table ("per 10,000 residents"), with the file it came from. */
  readonly population: (PopulationSummary & { readonly file: string }) | null;
  /** Why the last population file was refused (the table loaded before stays). */
  readonly populationFailure: LoadFailure | null;
  /** The dataset load under way (stage, bytes, rows; whether it can still be cancelled), or null. */
  readonly progress: LoadProgress | null;
  /** The file whose load was cancelled last (the loaded data stayed as they were), until the next load. */
  readonly cancelled: string | null;
  /** The datasets asked for beside `wantedId` (the URL's `with`), loaded or not yet. */
  readonly wantedAlso: readonly string[];
  /** Datasets active beside `activeId`, each in its own table; `reports` is then their union. */
  readonly alsoIds: readonly string[];
  /** Datasets asked for beside `activeId` that this browser does not have (nothing shown in their place). */
  readonly alsoMissing: readonly string[];
  /** Agency-years held by two active datasets, each with the choice that settles it (or none yet). */
  readonly conflicts: readonly ResolvedConflict[];
  /** Conflicts with no choice yet: those agency-years are left out of `reports` until one is made. */
  readonly unresolved: number;
  /** The user's choices (conflicts, preferred datasets, agency links), kept across reloads. */
  readonly choices: DatasetChoices;
}

/** A refused load as the page reports it: the loader's issues, or the error in one issue. */
export function failureOf(e: unknown, file: string): LoadFailure {
  if (e instanceof DatasetLoadError) return { file: e.file, issues: e.issues, total: e.total };
  return { file, issues: [{ code: 'unreadable', file, detail: (e as Error).message }], total: 1 };
}
