import { NO_VALUE, formatCount } from '@/domain/format';
import type { KpiItem } from '@/presenters/analysis';
import type { QualityKpi } from '@/presenters/quality';
import { figureClause, sentence, unitOf } from '@/presenters/findings/common';
import type { Labels } from '@/presenters/labels';

/**
 * A view's headline cards in a sentence (Outcomes, Applicants, Review & litigation, Proactive):
 * each card's label and value as shown, a rate with the reports it rests on, and a card showing
 * "—" said in words. Null while the cards are still loading.
 */
export function kpiFindings(items: readonly KpiItem[], lead: string, labels: Labels, pending = false): string | null {
  if (pending || items.some((k) => k.value === '…')) return null;
  if (!items.length || items.every((k) => k.value === NO_VALUE)) return labels.t('findings.none');
  const clauses = items.map((k) =>
    figureClause({ label: k.label, value: k.value, basis: k.basis }, unitOf(k.key), labels),
  );
  return sentence(lead, clauses, labels);
}

/** The quality view's cards in a sentence: reports failing a check, failed checks by severity. */
export function qualityFindings(kpis: readonly QualityKpi[], labels: Labels): string | null {
  const value = (key: QualityKpi['key']) => kpis.find((k) => k.key === key)?.value ?? '…';
  if (!kpis.length || kpis.some((k) => k.value === '…')) return null;
  if (value('failures') === formatCount(0, labels.lang)) return labels.t('findings.quality.clean');
  return labels.t('findings.quality.failing', {
    reports: value('reports'),
    failures: value('failures'),
    errors: value('errors'),
    warnings: value('warnings'),
  });
}
