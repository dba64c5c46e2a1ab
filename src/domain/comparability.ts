import { cell, derivedGroup, t3Key, TEMPLATES, type Template } from '@/domain/catalogue';
import type { IndicatorDef, Term } from '@/domain/indicators';

/** Templates in which a term can be read: a cell's own, or any template holding one whole alternative. */
function termTemplates(t: Term): Template[] {
  if ('cell' in t) return [...cell(t.cell).templates];
  const alts = derivedGroup(t.group).alternatives;
  return TEMPLATES.filter((tpl) =>
    alts.some((rows) => rows.every((r) => cell(t3Key(r, t.col)).templates.includes(tpl))),
  );
}

/** Templates in which every term of the indicator exists (2019, 2021 or both). */
export function indicatorTemplates(def: IndicatorDef): Template[] {
  const terms = [...def.numerator, ...(def.denominator ?? [])];
  return TEMPLATES.filter((tpl) => terms.every((t) => termTemplates(t).includes(tpl)));
}

/** Whether a series of the indicator may run across the 2020/2021 template change. */
export function comparableAcrossTemplates(def: IndicatorDef): boolean {
  return indicatorTemplates(def).length === TEMPLATES.length;
}

/**
 * Whether the indicator reads an outcome group whose rows differ between the templates (其他处理:
 * one 2019 row, three 2021 rows) and is comparable only through the derived group.
 */
export function bridgesTemplates(def: IndicatorDef): boolean {
  return [...def.numerator, ...(def.denominator ?? [])].some(
    (t) => 'group' in t && derivedGroup(t.group).alternatives.length > 1,
  );
}
