/**
 * Tolerant label matching. Labels are compared by their "core": normalised (half-width,
 * simplified), printed numbering removed ("（三）", "1.", "一、"), whitespace and punctuation
 * removed, brackets kept so that explanatory notes can be told apart from other words.
 */
import { normalizeCell } from '@/ingest/normalize';
import { NUMBERING } from '@/ingest/tokens';

// Variant spellings seen in published labels, mapped to the form's spelling.
const VARIANTS: readonly (readonly [RegExp, string])[] = [
  [/其它/g, '其他'],
  [/申清/g, '申请'],
  [/[【\[]/g, '('],
  [/[】\]]/g, ')'],
];

export function labelCore(text: string): string {
  let s = normalizeCell(text);
  for (;;) {
    const m = NUMBERING.exec(s);
    if (!m) break;
    s = s.slice(m[0].length).trimStart();
  }
  for (const [re, rep] of VARIANTS) s = s.replace(re, rep);
  return s.replace(/[\s,，、。.:：;；“”"'‘’·!！?？《》<>〈〉]/g, '');
}

export type MatchQuality = 3 | 2 | 1;
export const EXACT: MatchQuality = 3;
export const WITH_NOTE: MatchQuality = 2;
export const FRAGMENT: MatchQuality = 1;

export interface LabelCandidate<K extends string> {
  readonly key: K;
  readonly cores: readonly string[];
}

export interface LabelMatch<K extends string> {
  readonly keys: K[];
  readonly quality: MatchQuality;
}

function qualityOf(core: string, cand: string, fragments: boolean): MatchQuality | 0 {
  if (!core || !cand) return 0;
  if (core === cand) return EXACT;
  // An explanatory note in brackets may follow the label; numbering "(一)" starts the next label.
  if (
    core.startsWith(cand) &&
    core[cand.length] === '(' &&
    !/^\([一二三四五六七八九十\d]{1,3}\)/.test(core.slice(cand.length))
  ) {
    return WITH_NOTE;
  }
  if (fragments && core.length >= 4 && cand.startsWith(core)) return FRAGMENT;
  return 0;
}

function bestOf<K extends string>(
  core: string,
  cands: readonly LabelCandidate<K>[],
  fragments: boolean,
): LabelMatch<K> | undefined {
  let best: LabelMatch<K> | undefined;
  for (const c of cands) {
    let q: MatchQuality | 0 = 0;
    for (const k of c.cores) q = Math.max(q, qualityOf(core, k, fragments)) as MatchQuality | 0;
    if (!q) continue;
    if (!best || q > best.quality) best = { keys: [c.key], quality: q };
    else if (q === best.quality && !best.keys.includes(c.key)) best.keys.push(c.key);
  }
  return best;
}

/**
 * Match a label against candidates. The whole label is tried first (fragments of a wrapped label
 * allowed when `fragments`); then, for labels that swallowed a header in flattened text
 * ("信息内容 … 规章"), each word suffix, exact or with a note only.
 */
export function matchLabel<K extends string>(
  text: string,
  cands: readonly LabelCandidate<K>[],
  opts: { fragments?: boolean } = {},
): LabelMatch<K> | undefined {
  const whole = bestOf(labelCore(text), cands, opts.fragments ?? false);
  if (whole && whole.quality >= WITH_NOTE) return whole;
  const words = normalizeCell(text).split(' ');
  for (let i = 1; i < words.length; i++) {
    const m = bestOf(labelCore(words.slice(i).join(' ')), cands, false);
    if (m) return m;
  }
  return whole;
}

// Section headings (cores contain these).
export const SECTION_2 = ['主动公开政府信息情况'];
export const SECTION_3 = ['收到和处理政府信息公开申请情况'];
export const SECTION_4 = ['政府信息公开行政复议', '行政复议行政诉讼情况', '行政复议和行政诉讼情况'];
export const SECTION_5 = ['存在的主要问题'];
export const SECTION_2_FALLBACK = ['第二十条第(一)项'];

/** A heading: the label contains the words and little else (not prose that lists all sections). */
export function coreContains(text: string, needles: readonly string[]): boolean {
  const c = labelCore(text);
  return needles.some((n) => c.startsWith(n) || (c.includes(n) && c.length <= n.length + 10));
}
