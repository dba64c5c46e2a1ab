import { computed, shallowRef, watch, type ComputedRef, type ShallowRef } from 'vue';
import { createSharedComposable } from '@vueuse/core';
import { isAnswerBook, type AnswerBook } from '@/data/answers';
import { DATABASE_PREFIX, manifestHash, parseManifest } from '@/data/load/attach-database';
import type { DatasetEntry } from '@/workspace';
import { isDatabaseId } from '@/workspace/ids';
import { BUNDLED_ANSWERS } from '@/workspace/bundled';
import { useDatasetsStore } from '@/stores/datasets';

interface Found {
  readonly book: AnswerBook;
  /** Generated data, as a database's manifest says before the file is attached. */
  readonly generated: boolean;
}

const books = new Map<string, Promise<Found | null>>();

const getJson = (url: string): Promise<unknown> => fetch(url).then((r) => (r.ok ? r.json() : null));

/**
 * The book a database's manifest names, beside it (scripts/lib/scale-database.ts): kept only when
 * it was recorded from this very file (its hash is the manifest's).
 */
async function databaseBook(manifestUrl: string): Promise<Found | null> {
  const absolute = new URL(manifestUrl, globalThis.location?.href).href;
  const res = await fetch(absolute);
  if (!res.ok) return null;
  const manifest = parseManifest('manifest', new Uint8Array(await res.arrayBuffer()));
  if (!manifest.answers) return null;
  const v = await getJson(new URL(manifest.answers, absolute).href);
  const ok = isAnswerBook(v) && v.dataset === manifest.name && v.contentHash === manifestHash(manifest);
  return ok ? { book: v, generated: manifest.generated } : null;
}

/** The answer book of a bundled dataset or a database, fetched once (null when absent or unreadable). */
function bookOf(id: string, generated: boolean): Promise<Found | null> {
  let found = books.get(id);
  if (!found) {
    const url = BUNDLED_ANSWERS[id];
    if (isDatabaseId(id)) found = databaseBook(id.slice(DATABASE_PREFIX.length));
    else if (url)
      found = getJson(url).then((v) => (isAnswerBook(v) && v.dataset === id ? { book: v, generated } : null));
    else found = Promise.resolve(null);
    found = found.catch(() => null);
    books.set(id, found);
  }
  return found;
}

export interface StartAnswers {
  /** The build-time answers shown while the engine starts; null once it answers (or for other data). */
  readonly book: ShallowRef<AnswerBook | null>;
  /** Figures are shown from the book: nothing is loaded yet, the wanted dataset has one. */
  readonly previewing: ComputedRef<boolean>;
  /** The dataset the figures on screen describe: the loaded one, else the one previewed. */
  readonly shown: ComputedRef<DatasetEntry | null>;
}

/**
 * Build-time answers for the first figures: while nothing is loaded and a bundled dataset (or a
 * database whose manifest names a book) is on its way, the default views answer from its book
 * (useQuery); the live engine then replaces them. A dataset with reports appended in an earlier
 * session has no book (its figures differ).
 */
export const useStartAnswers = createSharedComposable((): StartAnswers => {
  const datasets = useDatasetsStore();
  const book = shallowRef<AnswerBook | null>(null);
  /** The dataset id the book on screen belongs to, and whether the data is generated. */
  const bookFor = shallowRef<{ id: string; generated: boolean } | null>(null);
  const wanted = computed(() => {
    const id = datasets.wantedId;
    if (datasets.version > 0 || id === null) return null;
    // Several datasets, or agencies linked: the figures are a union no build-time book describes.
    if (datasets.wantedAlso.length > 0 || datasets.choices.links.length > 0) return null;
    const entry = datasets.entries.find((e) => e.id === id);
    if (entry?.origin !== 'bundled' && !isDatabaseId(id)) return null;
    return datasets.kept.some((k) => k.id === id && k.appends > 0) ? null : id;
  });
  watch(
    wanted,
    async (id) => {
      if (id === null) {
        book.value = null;
        bookFor.value = null;
        return;
      }
      const entry = datasets.entries.find((e) => e.id === id);
      const found = await bookOf(id, entry?.generated ?? false);
      if (wanted.value !== id) return;
      book.value = found?.book ?? null;
      bookFor.value = found ? { id, generated: found.generated } : null;
    },
    { immediate: true },
  );
  const previewing = computed(() => book.value !== null && bookFor.value?.id === wanted.value);
  const shown = computed(() => {
    if (datasets.active) return datasets.active;
    const entry = previewing.value ? datasets.entries.find((e) => e.id === wanted.value) : undefined;
    return entry ? { ...entry, generated: entry.generated || !!bookFor.value?.generated } : null;
  });
  return { book, previewing, shown };
});
