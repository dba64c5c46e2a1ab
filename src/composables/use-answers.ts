import { computed, shallowRef, watch, type ComputedRef, type ShallowRef } from 'vue';
import { createSharedComposable } from '@vueuse/core';
import { isAnswerBook, type AnswerBook } from '@/data/answers';
import type { DatasetEntry } from '@/workspace';
import { BUNDLED_ANSWERS } from '@/workspace/bundled';
import { useDatasetsStore } from '@/stores/datasets';

const books = new Map<string, Promise<AnswerBook | null>>();

/** The answer book of a bundled dataset, fetched once (null when absent or unreadable). */
function bookOf(id: string): Promise<AnswerBook | null> {
  const url = BUNDLED_ANSWERS[id];
  if (!url) return Promise.resolve(null);
  let book = books.get(id);
  if (!book) {
    book = fetch(url)
      .then((r) => (r.ok ? r.json() : null))
      .then((v: unknown) => (isAnswerBook(v) && v.dataset === id ? v : null))
      .catch(() => null);
    books.set(id, book);
  }
  return book;
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
 * Build-time answers for the first figures: while nothing is loaded and a bundled dataset is on
 * its way, the default views answer from its book (useQuery); the live engine then replaces them.
 * A dataset with reports appended in an earlier session has no book (its figures differ).
 */
export const useStartAnswers = createSharedComposable((): StartAnswers => {
  const datasets = useDatasetsStore();
  const book = shallowRef<AnswerBook | null>(null);
  const wanted = computed(() => {
    const id = datasets.wantedId;
    if (datasets.version > 0 || id === null) return null;
    // Several datasets, or agencies linked: the figures are a union no build-time book describes.
    if (datasets.wantedAlso.length > 0 || datasets.choices.links.length > 0) return null;
    const entry = datasets.entries.find((e) => e.id === id);
    if (entry?.origin !== 'bundled') return null;
    return datasets.kept.some((k) => k.id === id && k.appends > 0) ? null : id;
  });
  watch(
    wanted,
    async (id) => {
      if (id === null) {
        book.value = null;
        return;
      }
      const b = await bookOf(id);
      if (wanted.value === id) book.value = b;
    },
    { immediate: true },
  );
  const previewing = computed(() => book.value !== null && book.value.dataset === wanted.value);
  const shown = computed(
    () => datasets.active ?? (previewing.value ? (datasets.entries.find((e) => e.id === wanted.value) ?? null) : null),
  );
  return { book, previewing, shown };
});
