/**
 * Detection: where sections 二, 三 and 四 are, which template the tables follow, and the agency
 * name and report year from the title or text.
 */
import { CELLS, T2_ROWS_2019, T2_ROWS_2021, T3_ROWS, templateForYear, type Template } from '@/domain/catalogue';
import type { IngestWarning } from '@/ingest/types';
import type { Token } from '@/ingest/tokens';
import {
  coreContains,
  labelCore,
  SECTION_2,
  SECTION_2_FALLBACK,
  SECTION_3,
  SECTION_4,
  SECTION_5,
} from '@/ingest/labels';
import { normalizeText } from '@/ingest/normalize';
import { warning } from '@/ingest/warnings';

export interface SectionRanges {
  /** [start, end) token indices. */
  readonly s2?: readonly [number, number];
  readonly s3?: readonly [number, number];
  readonly s4?: readonly [number, number];
}

function findLabel(tokens: readonly Token[], from: number, pred: (t: Token) => boolean): number | undefined {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'label' && pred(t)) return i;
  }
  return undefined;
}

const NEW_ROW_CORE = labelCore(T3_ROWS[0]?.label.zh ?? '');

export function findSections(tokens: readonly Token[]): SectionRanges {
  const i2 =
    findLabel(tokens, 0, (t) => coreContains(t.text, SECTION_2)) ??
    findLabel(tokens, 0, (t) => coreContains(t.text, SECTION_2_FALLBACK));
  const after2 = i2 ?? 0;
  const i3 =
    findLabel(tokens, after2, (t) => coreContains(t.text, SECTION_3)) ??
    findLabel(tokens, after2, (t) => {
      const c = labelCore(t.text);
      return c.includes('本列数据的勾稽关系') || c === '申请人情况' || c.startsWith(NEW_ROW_CORE);
    });
  const after3 = i3 ?? after2;
  const i4 =
    findLabel(tokens, after3, (t) => coreContains(t.text, SECTION_4)) ??
    (i3 !== undefined ? findLabel(tokens, after3, (t) => labelCore(t.text) === '行政复议') : undefined);
  const i5 = findLabel(
    tokens,
    i4 ?? after3,
    (t) => coreContains(t.text, SECTION_5) || coreContains(t.text, ['其他需要报告的事项']),
  );
  const end = tokens.length;
  const next = (...c: (number | undefined)[]): number => c.find((v): v is number => v !== undefined) ?? end;
  return {
    ...(i2 !== undefined ? { s2: [i2, next(i3, i4, i5)] as const } : {}),
    ...(i3 !== undefined ? { s3: [i3, next(i4, i5)] as const } : {}),
    ...(i4 !== undefined ? { s4: [i4, next(i5)] as const } : {}),
  };
}

// Words that only one template prints, derived from the catalogue's labels.
const EVIDENCE: ReadonlyMap<string, Template> = (() => {
  const by = (tpl: Template): Set<string> => {
    const s = new Set<string>();
    const rows = tpl === '2021' ? T2_ROWS_2021 : T2_ROWS_2019;
    for (const r of rows) {
      s.add(labelCore(r.label.zh));
      for (const c of r.cols) s.add(labelCore(c.label.zh));
    }
    for (const r of T3_ROWS) {
      // 其他处理 is a heading in 2021 and 其他 is a column header: no evidence either way.
      if (r.templates.length === 1 && r.templates[0] === tpl && r.key !== 'other_single' && r.key !== 'other_misc') {
        s.add(labelCore(r.label.zh));
      }
    }
    return s;
  };
  const a = by('2021');
  const b = by('2019');
  const m = new Map<string, Template>();
  for (const w of a) if (!b.has(w)) m.set(w, '2021');
  for (const w of b) if (!a.has(w)) m.set(w, '2019');
  return m;
})();

export function templateEvidence(tokens: readonly Token[]): Record<Template, number> {
  const n: Record<Template, number> = { '2019': 0, '2021': 0 };
  for (const t of tokens) {
    if (t.kind !== 'label') continue;
    const c = labelCore(t.text);
    for (const [w, tpl] of EVIDENCE) if (c === w || (c.startsWith(w) && c[w.length] === '(')) n[tpl]++;
  }
  return n;
}

export function detectTemplate(
  tokens: readonly Token[],
  year: number | null,
): { template: Template | null; warnings: IngestWarning[] } {
  const ev = templateEvidence(tokens);
  const byYear = year !== null ? templateForYear(year) : null;
  const byText: Template | null = ev['2021'] > ev['2019'] ? '2021' : ev['2019'] > ev['2021'] ? '2019' : null;
  const warnings: IngestWarning[] = [];
  if (byText && byYear && byText !== byYear) {
    warnings.push(
      warning(
        'template_year_mismatch',
        `表格按 ${byText} 年格式填报，但 ${year} 年度报告通常使用 ${byYear} 年格式；按表格格式读取`,
        `the tables follow the ${byText} template although ${year} reports normally use the ${byYear} template; read as ${byText}`,
        undefined,
        'info',
      ),
    );
  }
  const template = byText ?? byYear;
  if (!template) {
    warnings.push(
      warning('template_unknown', '无法判断模板（2019 或 2021）', 'could not tell the template (2019 or 2021)'),
    );
  }
  return { template, warnings };
}

// -----------------------------------------------------------------------------------------------
// Identity
// -----------------------------------------------------------------------------------------------

const ORG_SUFFIX =
  /(局|委员会|委|办公室|办公厅|厅|办|政府|办事处|街道|乡|镇|处|所|院|中心|部|署|会|队|馆|站|社|司|行|公司|管委会|管理区|分局|支队|大队)$/;
const TITLE =
  /([^\s,，。:：;；、“”《》()（）]{2,40}?)\s*((?:19|20)\d{2})\s*年度?\s*(?:政府)?信息公开(?:工作)?(?:年度)?报告/g;
const TITLE_NO_YEAR =
  /(?:^|\n)\s*([^\s,，。:：;；、“”《》()（）]{2,40}?)\s*(?:政府)?信息公开(?:工作)?年度报告\s*(?:\n|$)/;
const LEADING_NOISE = /^(?:.*?(?:现公布|现将|关于|公布|发布|印发|做好))/;

// Abbreviations departments use for themselves in the prose ("我区人社工作"), for a report that
// prints no title. Only used with 我局/本局 in the text, and always reported as inferred.
const SELF_ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/人社/g, '人力资源和社会保障局'],
  [/住建/g, '住房和城乡建设局'],
  [/市场监管/g, '市场监督管理局'],
  [/生态环境/g, '生态环境局'],
];

function cleanAgency(s: string): string | null {
  const cleaned = s
    .replace(LEADING_NOISE, '')
    .replace(/^[的年度]+/, '')
    .trim();
  return cleaned.length >= 2 && ORG_SUFFIX.test(cleaned) ? cleaned : null;
}

export interface Identity {
  readonly agencyName: string | null;
  readonly year: number | null;
  readonly warnings: IngestWarning[];
}

export function detectIdentity(rawText: string, fileName = ''): Identity {
  const text = normalizeText(rawText);
  const head = text.slice(0, 4000);
  const warnings: IngestWarning[] = [];
  let agencyName: string | null = null;
  let year: number | null = null;

  for (const m of head.matchAll(TITLE)) {
    const name = cleanAgency(m[1] ?? '');
    if (name) {
      agencyName = name;
      year = Number(m[2]);
      break;
    }
  }
  if (year === null) {
    const period = /统计期限为\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(text);
    if (period) year = Number(period[1]);
  }
  if (year === null) {
    // The year the 总体情况 talks about most; prose before section 二 only.
    const cut = text.search(/二\s*、\s*主动公开/);
    const prose = cut > 0 ? text.slice(0, cut) : head;
    const counts = new Map<number, number>();
    for (const m of prose.matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d)/g)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (best) {
      year = best[0];
      warnings.push(
        warning(
          'year_inferred',
          `报告未印标题年份；按正文中最常出现的年份取 ${year}`,
          `no year in a title; took ${year}, the year the text mentions most`,
          undefined,
          'info',
        ),
      );
    }
  }
  if (year === null) {
    const fy = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(fileName);
    if (fy) {
      year = Number(fy[1]);
      warnings.push(
        warning(
          'year_from_file_name',
          `报告正文中没有年份，年份取自文件名：${year}，请核对`,
          `no year in the report text; ${year} taken from the file name, please check`,
        ),
      );
    }
  }
  if (!agencyName) {
    const m = TITLE_NO_YEAR.exec(head);
    if (m) agencyName = cleanAgency(m[1] ?? '');
  }
  if (!agencyName) {
    const m = /文章来源\s*[:：]\s*(\S{2,40})/.exec(head);
    if (m) agencyName = cleanAgency(m[1] ?? '');
  }
  if (!agencyName && /我局|本局/.test(text)) {
    let best: { name: string; n: number } | null = null;
    for (const [re, name] of SELF_ABBREVIATIONS) {
      const n = (text.match(re) ?? []).length;
      if (n > 0 && (!best || n > best.n)) best = { name, n };
    }
    if (best) {
      agencyName = best.name;
      warnings.push(
        warning(
          'agency_name_inferred',
          `报告未印机关名称；据正文自称“我局”及“${best.name}”的简称推断为 ${best.name}（地区名称未知）`,
          `the report prints no agency name; inferred ${best.name} from "我局" and the abbreviation used in the text (region unknown)`,
          undefined,
          'info',
        ),
      );
    }
  }
  if (!agencyName) {
    warnings.push(warning('agency_name_missing', '未找到机关名称', 'no agency name found in the report'));
  }
  if (year === null) warnings.push(warning('year_missing', '未找到报告年度', 'no report year found'));
  return { agencyName, year, warnings };
}

/** Every catalogue cell key of a template (for initialising a report to "all not read"). */
export function cellKeysOf(template: Template): string[] {
  return CELLS.filter((c) => c.templates.includes(template)).map((c) => c.key);
}
