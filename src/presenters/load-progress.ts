import { formatBytes, formatCount } from '@/domain/format';
import type { LoadProgress, LoadStage } from '@/workspace/progress';
import type { Labels } from '@/presenters/labels';

/** A load is shown with its progress (and Cancel) once it has taken this long. */
export const SHOW_PROGRESS_AFTER_MS = 1000;

export interface LoadProgressView {
  readonly title: string;
  readonly stage: string;
  /** Bytes read, or the file's rows, in words; empty when not known yet. */
  readonly detail: string;
  /** 0–1 for the bar. */
  readonly fraction: number;
  readonly cancellable: boolean;
}

/** Share of the bar each stage starts at (reading fills the first part by bytes). */
const STAGE_START: Record<LoadStage, number> = { read: 0, parse: 0.3, check: 0.55, write: 0.85 };

/** How far along a load is, from 0 to 1, for a progress bar. */
export function progressFraction(p: LoadProgress): number {
  if (p.stage === 'read' && p.bytes?.total) return (STAGE_START.parse * p.bytes.done) / p.bytes.total;
  return STAGE_START[p.stage];
}

const STAGE_KEY = {
  read: 'feedback.stageRead',
  parse: 'feedback.stageParse',
  check: 'feedback.stageCheck',
  write: 'feedback.stageWrite',
} as const;

/** What the progress bar says, or null while the load is young (a quick load shows no bar). */
export function loadProgressView(p: LoadProgress | null, now: number, l: Labels): LoadProgressView | null {
  if (!p || now - p.startedAt < SHOW_PROGRESS_AFTER_MS) return null;
  const bytes = p.bytes;
  const detail =
    p.stage === 'read' && bytes
      ? l.t('feedback.stageBytes', {
          done: formatBytes(bytes.done, l.lang),
          total: bytes.total === null ? '?' : formatBytes(bytes.total, l.lang),
        })
      : p.rows !== null
        ? l.t('feedback.stageRows', { rows: formatCount(p.rows, l.lang) })
        : '';
  return {
    title: l.t('feedback.loadTitle', { file: p.file }),
    stage: l.t(STAGE_KEY[p.stage]),
    detail,
    fraction: progressFraction(p),
    cancellable: p.cancellable,
  };
}

/**
 * Whether the plain "loading data…" banner is shown: while nothing else says the data is on its
 * way. A load with its progress bar says it there (with the file, stage and Cancel), so the page
 * shows one of the two, never both; a preview from stored answers needs neither.
 */
export function showLoadingBanner(
  status: 'idle' | 'loading' | 'ready' | 'error' | 'missing',
  previewing: boolean,
  progress: LoadProgressView | null,
): boolean {
  return (status === 'loading' || status === 'idle') && !previewing && progress === null;
}
