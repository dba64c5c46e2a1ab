/**
 * The review queue kept in the browser (IndexedDB through idb-keyval): every document's parsed
 * report, its identity form, status and hand edits under one key, and each document's original
 * bytes under its own key (the source shown beside the table). Where IndexedDB is missing or
 * refuses (private mode, an embed), a memory store keeps the queue for this visit only, and the
 * page says so.
 */
import { createStore, del, delMany, get, set, type UseStore } from 'idb-keyval';
import type { ReportMetaForm, MetaField } from '@/ingest/meta';
import type { ParsedReport } from '@/ingest/types';
import type { CellEdit } from '@/ingest/review';
import type { KnownAgency } from '@/data/queries/import';

/** One document of the queue as kept (its bytes are kept apart). */
export interface KeptReview {
  readonly key: number;
  readonly fileName: string;
  readonly size: number;
  readonly state: string;
  readonly report: ParsedReport | null;
  readonly form: ReportMetaForm;
  readonly suggested: readonly MetaField[];
  readonly known: KnownAgency | null;
  readonly selected: boolean;
  readonly edits: readonly CellEdit[];
  readonly confirmed: boolean;
}

/** Identity fields confirmed once for an agency name, applied to each of its documents. */
export type ConfirmedIdentity = Partial<Record<MetaField, string>>;

export interface KeptQueue {
  readonly items: readonly KeptReview[];
  readonly identities: Readonly<Record<string, ConfirmedIdentity>>;
}

export interface ReviewStore {
  readonly kind: 'indexeddb' | 'memory';
  load(): Promise<KeptQueue | undefined>;
  save(queue: KeptQueue): Promise<void>;
  putSource(key: number, bytes: Uint8Array): Promise<void>;
  source(key: number): Promise<Uint8Array | undefined>;
  forget(keys: readonly number[]): Promise<void>;
}

const QUEUE = 'queue';
const sourceKey = (key: number) => `source:${key}`;

export function memoryReviewStore(): ReviewStore {
  let queue: KeptQueue | undefined;
  const sources = new Map<number, Uint8Array>();
  return {
    kind: 'memory',
    load: async () => queue,
    save: async (q) => {
      queue = q;
    },
    putSource: async (key, bytes) => {
      sources.set(key, bytes);
    },
    source: async (key) => sources.get(key),
    forget: async (keys) => {
      for (const k of keys) sources.delete(k);
    },
  };
}

function idbReviewStore(store: UseStore): ReviewStore {
  return {
    kind: 'indexeddb',
    load: () => get<KeptQueue>(QUEUE, store),
    save: (q) => set(QUEUE, q, store),
    putSource: (key, bytes) => set(sourceKey(key), bytes, store),
    source: (key) => get<Uint8Array>(sourceKey(key), store),
    forget: (keys) => (keys.length ? delMany(keys.map(sourceKey), store) : Promise.resolve()),
  };
}

/** IndexedDB when it answers within 3 s, else memory. */
export async function browserReviewStore(): Promise<ReviewStore> {
  if (typeof indexedDB === 'undefined') return memoryReviewStore();
  try {
    const store = createStore('disclosure-review', 'queue');
    // A round trip proves the store works (it can hang rather than refuse in a third-party frame).
    await Promise.race([
      set('probe', 1, store).then(() => del('probe', store)),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('IndexedDB did not answer')), 3000)),
    ]);
    return idbReviewStore(store);
  } catch {
    return memoryReviewStore();
  }
}
