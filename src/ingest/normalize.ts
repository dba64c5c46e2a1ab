/**
 * Text normalisation for matching and value parsing: full-width ASCII → half-width, the traditional
 * characters that occur in report labels on mirror sites → simplified, control and zero-width
 * characters removed, every kind of space → one ASCII space. Offsets are not preserved: callers
 * normalise cell by cell and keep the raw offsets of the cell.
 */

// Pairs traditional → simplified, one character each, for the vocabulary of the report form and
// the words around it (titles, agency names). Not a general converter.
const TRAD =
  '總體況動開條項內製發數廢現規範許處罰強決單萬費額業請區計這屬於國祕穩護權務過執詢無機關沒補確訪舉訴複議維糾審結轉辦為係據證織組會構經實際員產資並來對採購徵獎勵給檢報時後個們設縣鄉鎮處門戶網統廳環態營種類說書電話號傳當點應學歸讀準層級廣東陽華長寫題頁預領養醫療險勞濟農運輸衛稅財監導專標將從聯繫錄違響觀問進嚴優責質續繼舊藥礦氣龍遠撫漢蘇鐵銀貿測繪劃見間與衆眾閱覽際滿齊協調認識識繳納覆獲欄夠訟';
const SIMP =
  '总体况动开条项内制发数废现规范许处罚强决单万费额业请区计这属于国秘稳护权务过执询无机关没补确访举诉复议维纠审结转办为系据证织组会构经实际员产资并来对采购征奖励给检报时后个们设县乡镇处门户网统厅环态营种类说书电话号传当点应学归读准层级广东阳华长写题页预领养医疗险劳济农运输卫税财监导专标将从联系录违响观问进严优责质续继旧药矿气龙远抚汉苏铁银贸测绘划见间与众众阅览际满齐协调认识识缴纳复获栏够讼';

const TRAD_MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const t = [...TRAD];
  const s = [...SIMP];
  if (t.length !== s.length) throw new Error('normalize: traditional/simplified tables differ in length');
  t.forEach((c, i) => m.set(c, s[i] as string));
  return m;
})();

// Mirror sites convert whole words, not characters: 文件 → 檔案, 信息 → 資訊.
const WORDS: readonly (readonly [RegExp, string])[] = [
  [/[檔档]案/g, '文件'],
  [/[資资][訊讯]/g, '信息'],
];

const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// C0/C1 control characters except tab and newline.

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function toSimplified(s: string): string {
  let out = s;
  for (const [re, rep] of WORDS) out = out.replace(re, rep);
  let res = '';
  for (const c of out) res += TRAD_MAP.get(c) ?? c;
  return res;
}

// PDF text layers made with some CJK fonts map glyphs to Kangxi radicals (⾏ U+2F8F for 行) or to
// compatibility ideographs; NFKC folds exactly these back to the unified ideographs.
const RADICALS = /[\u2E80-\u2FDF\uF900-\uFAFF]/g;

export function foldRadicals(s: string): string {
  return s.replace(RADICALS, (c) => c.normalize('NFKC'));
}

/** Normalise one piece of text; keeps line breaks and tabs, collapses nothing else. */
export function normalizeText(s: string): string {
  return toSimplified(
    toHalfWidth(foldRadicals(s.replace(ZERO_WIDTH, '').replace(CONTROL, '').replace(SPACES, ' '))),
  ).replace(/\r\n?/g, '\n');
}

/** Normalise a cell: as normalizeText, then whitespace runs → one space, trimmed. */
export function normalizeCell(s: string): string {
  return normalizeText(s).replace(/\s+/g, ' ').trim();
}

/** True for the characters that count as a separator-free CJK ideograph or full-width sign. */
export function isWide(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2014
  );
}
