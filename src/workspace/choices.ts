/**
 * The user's choices about several datasets, kept in the browser across reloads: which dataset's
 * report wins a conflict (per agency-year, or a dataset preferred for all its conflicts), agency
 * links across a change of name (机构改革), and what each dataset held when it was last loaded
 * (so the datasets manager describes datasets not loaded in this session).
 */
import type { AgencyLink, ConflictWinner, DatasetConflict, PartStats } from '@/data/union';

/** What a dataset held when it was last loaded in this browser. */
export interface DatasetStats extends PartStats {
  /** When it was first loaded in this browser (ISO 8601). */
  readonly loadedAt: string;
}

export interface DatasetChoices {
  /** Per conflict (`conflictKey`): the dataset whose report is kept. */
  readonly perConflict: Readonly<Record<string, string>>;
  /** Datasets preferred in every conflict they are part of; the first listed wins. */
  readonly prefer: readonly string[];
  readonly links: readonly AgencyLink[];
  readonly stats: Readonly<Record<string, DatasetStats>>;
}

export const NO_CHOICES: DatasetChoices = { perConflict: {}, prefer: [], links: [], stats: {} };

export interface ChoiceStore {
  read(): DatasetChoices;
  write(choices: DatasetChoices): void;
}

export const conflictKey = (agencyId: string, year: number) => `${year}\u0001${agencyId}`;

/** How a conflict was settled: by a choice for it, by a preferred dataset, or not yet (left out). */
export type ResolvedBy = 'conflict' | 'dataset' | null;

export interface ResolvedConflict extends DatasetConflict {
  readonly winner: string | null;
  readonly by: ResolvedBy;
}

/** The explicit choice that settles a conflict, or none: never the order datasets were loaded in. */
export function resolve(conflict: DatasetConflict, choices: DatasetChoices): ResolvedConflict {
  const ids = conflict.sides.map((s) => s.datasetId);
  const own = choices.perConflict[conflictKey(conflict.agencyId, conflict.year)];
  if (own && ids.includes(own)) return { ...conflict, winner: own, by: 'conflict' };
  const preferred = choices.prefer.find((p) => ids.includes(p));
  if (preferred) return { ...conflict, winner: preferred, by: 'dataset' };
  return { ...conflict, winner: null, by: null };
}

export const winners = (conflicts: readonly DatasetConflict[], choices: DatasetChoices): ConflictWinner[] =>
  conflicts.flatMap((c) => {
    const r = resolve(c, choices);
    return r.winner ? [{ agencyId: c.agencyId, year: c.year, datasetId: r.winner }] : [];
  });

function parse(text: string | null): DatasetChoices {
  if (!text) return NO_CHOICES;
  try {
    const v = JSON.parse(text) as Partial<DatasetChoices>;
    const record = (x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? x : {});
    return {
      perConflict: record(v.perConflict) as Record<string, string>,
      prefer: Array.isArray(v.prefer) ? v.prefer.filter((p): p is string => typeof p === 'string') : [],
      links: Array.isArray(v.links)
        ? v.links.filter((l): l is AgencyLink => typeof l?.from === 'string' && typeof l?.to === 'string')
        : [],
      stats: record(v.stats) as Record<string, DatasetStats>,
    };
  } catch {
    return NO_CHOICES; // a damaged entry is no choice at all
  }
}

export function memoryChoiceStore(initial: DatasetChoices = NO_CHOICES): ChoiceStore {
  let held = initial;
  return { read: () => held, write: (c) => (held = c) };
}

/** localStorage (small JSON); where it is refused (private mode), the choices last this session. */
export function localChoiceStore(key = 'dataset-choices'): ChoiceStore {
  const memory = memoryChoiceStore();
  let storage: Storage | null = null;
  try {
    storage = globalThis.localStorage ?? null;
    memory.write(parse(storage?.getItem(key) ?? null));
  } catch {
    storage = null;
  }
  return {
    read: memory.read,
    write(c) {
      memory.write(c);
      try {
        storage?.setItem(key, JSON.stringify(c));
      } catch {
        // Quota or private mode: kept for this session only.
      }
    },
  };
}
