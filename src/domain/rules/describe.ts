import { cell } from '@/domain/catalogue';
import type { CheckDef, Term } from '@/domain/rules/types';

export type Lang = 'zh' | 'en';

const RELATION_SYMBOL = { eq: '=', le: '≤', ge: '≥' } as const;
const LAST_YEAR = { zh: '（上年）', en: ' (last year)' } as const;

function termText(t: Term, lang: Lang): string {
  if (t.kind === 'cell') return cell(t.cell.key).label[lang] + (t.cell.prev ? LAST_YEAR[lang] : '');
  const first = t.alternatives[0]?.[0];
  const col = first ? cell(first).colLabel[lang] : '';
  return lang === 'zh' ? `${t.label.zh}（${col}）` : `${t.label.en} (${col})`;
}

function sideText(terms: readonly Term[], lang: Lang): string {
  if (terms.length === 0) return '0';
  return terms
    .map((t, i) => {
      const text = termText(t, lang);
      if (i === 0) return t.sign < 0 ? `− ${text}` : text;
      return `${t.sign < 0 ? '−' : '+'} ${text}`;
    })
    .join(' ');
}

/** The check as a formula over cell labels, e.g. "总计（自然人） = 予以公开（自然人） + …". */
export function describeCheck(check: CheckDef, lang: Lang): string {
  return `${sideText(check.actual, lang)} ${RELATION_SYMBOL[check.relation]} ${sideText(check.expected, lang)}`;
}

/** The check as a formula over cell keys, for exports and logs. */
export function checkFormula(check: CheckDef): string {
  const side = (terms: readonly Term[]) =>
    terms.length === 0
      ? '0'
      : terms
          .map((t, i) => {
            const text =
              t.kind === 'cell'
                ? `${t.cell.key}${t.cell.prev ? '[Y-1]' : ''}`
                : `(${t.alternatives.map((a) => a.join(' + ')).join(' | ')})`;
            return i === 0 ? (t.sign < 0 ? `-${text}` : text) : `${t.sign < 0 ? '-' : '+'} ${text}`;
          })
          .join(' ');
  return `${side(check.actual)} ${RELATION_SYMBOL[check.relation]} ${side(check.expected)}`;
}
