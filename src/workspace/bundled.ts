import demoUrl from '@datasets/demo.parquet?url';
import realUrl from '@datasets/real.parquet?url';
import demoAnswersUrl from '@datasets/demo.answers.json?url';
import realAnswersUrl from '@datasets/real.answers.json?url';
import type { DatasetEntry } from '@/workspace/workspace';

/** The datasets shipped with the app; their URLs carry a content hash, pinning the version. */
export const BUNDLED_DATASETS: readonly DatasetEntry[] = [
  { id: 'demo', nameKey: 'dataset.demo', fileName: 'demo.parquet', url: demoUrl, generated: true, origin: 'bundled' },
  { id: 'real', nameKey: 'dataset.real', fileName: 'real.parquet', url: realUrl, generated: false, origin: 'bundled' },
];

/**
 * The answers to the default views of each bundled dataset, computed at build time
 * (`npm run build:datasets`): shown while the engine starts (src/data/answers.ts).
 */
export const BUNDLED_ANSWERS: Readonly<Record<string, string>> = { demo: demoAnswersUrl, real: realAnswersUrl };

/** The dataset a URL without `ds` shows. */
export const DEFAULT_DATASET = 'demo';
