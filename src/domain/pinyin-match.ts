/**
 * Agency search by pinyin: "gaj" or "gonganju" finds 公安局, "dcs" 东川市. The conversion of
 * Chinese to pinyin is passed in (the app loads its library only when somebody types Latin
 * letters), so this module stays pure and testable.
 */

/** Lower-case pinyin of a name: syllables in full and their initials, both without spaces. */
export interface PinyinKeys {
  readonly full: string;
  readonly initials: string;
}

/** Turns a name into its syllables, one per Chinese character; other characters come as they are. */
export type ToSyllables = (name: string) => readonly string[];

export interface PinyinEntry<T> extends PinyinKeys {
  readonly item: T;
  readonly name: string;
}

/** Letters only, e.g. "gaj", "dong chuan", "xi'an": a query to match by pinyin. */
export function isPinyinQuery(text: string): boolean {
  return /^[a-z][a-z' ]*$/i.test(text.trim());
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function pinyinKeys(name: string, toSyllables: ToSyllables): PinyinKeys {
  const syllables = toSyllables(name)
    .map(normalise)
    .filter((s) => s.length > 0);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

/**
 * Entries whose pinyin matches the query, best first: initials from the start, initials anywhere,
 * full pinyin from the start, full pinyin anywhere; then shorter names, then by name.
 */
export function matchPinyin<T>(entries: readonly PinyinEntry<T>[], query: string, limit = 20): T[] {
  const q = normalise(query);
  if (!q) return [];
  const rank = (e: PinyinEntry<T>): number => {
    if (e.initials.startsWith(q)) return 0;
    if (e.initials.includes(q)) return 1;
    if (e.full.startsWith(q)) return 2;
    if (e.full.includes(q)) return 3;
    return -1;
  };
  return entries
    .map((e) => ({ e, r: rank(e) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.e.name.length - b.e.name.length || a.e.name.localeCompare(b.e.name, 'zh-CN'))
    .slice(0, limit)
    .map((x) => x.e.item);
}
