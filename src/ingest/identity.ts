/**
 * Suggested identity columns for a parsed report whose metadata nobody gave: a stable agency_id
 * from the agency name, and the level and kind the name implies. They are suggestions, shown as
 * such and always editable; a side CSV or the user overrides them.
 */
import type { AgencyKind, Level } from '@/domain/catalogue';
import { normalizeText } from '@/ingest/normalize';

const MUNICIPALITIES = ['北京市', '上海市', '天津市', '重庆市'];

/** FNV-1a, 32 bits: short, stable, same in Node and the browser. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function compact(name: string): string {
  return normalizeText(name).replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * agency_id from the agency name: the same name always gives the same id, so the reports of one
 * agency for several years line up; ASCII letters and digits of the name are kept readable.
 */
export function agencySlug(agencyName: string | null, fallback = 'report'): string {
  const base = compact(agencyName ?? '') || compact(fallback) || 'report';
  const ascii = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
  return `ingest-${ascii ? `${ascii}-` : ''}${fnv1a(base)}`;
}

/** 人民政府 (and 街道办事处, the township-level government office) → government, else department. */
export function suggestKind(agencyName: string | null): AgencyKind | null {
  const name = compact(agencyName ?? '');
  if (!name) return null;
  return /(人民政府|政府|街道办事处)$/.test(name) ? 'government' : 'department';
}

/**
 * The level from the administrative unit the name starts with: 国务院部门 / 省·自治区 / 市·州 / 县·区·旗
 * / 乡·镇·街道. Null when the name gives no clue.
 */
export function suggestLevel(agencyName: string | null): Level | null {
  const name = compact(agencyName ?? '');
  if (!name) return null;
  if (/^(国务院|国家|中华人民共和国)/.test(name) || /^[^省市县区]{1,6}部$/.test(name)) return 'national';
  if (/(街道|镇|乡)(人民政府|政府|办事处)?$/.test(name) || /(街道办事处|镇人民政府|乡人民政府)/.test(name))
    return 'township';
  // The first administrative marker after a place name of at least two characters.
  const m = /^.{1,8}?(自治区|自治州|自治县|省|市|州|盟|地区|县|区|旗)/.exec(name);
  if (!m) return null;
  const unit = m[1] as string;
  const rest = name.slice(m[0].length);
  // A county-level unit right after the city: 淮安市洪泽区…
  const sub = /^.{2,6}?(自治县|县|区|旗)/.exec(rest);
  const subIsPlace = sub && !/^(人民政府|政府)/.test(rest) && !/(社区|园区|小区|景区|开发区管委会)$/.test(sub[0]);
  if (unit === '省' || unit === '自治区')
    return subIsPlace ? 'county' : /^.{2,6}?(市|州|盟)/.test(rest) ? 'city' : 'province';
  if (unit === '市' || unit === '州' || unit === '盟' || unit === '地区' || unit === '自治州') {
    if (subIsPlace) return 'county';
    return MUNICIPALITIES.includes(m[0]) ? 'province' : 'city';
  }
  return 'county';
}
