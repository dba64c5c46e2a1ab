import { computed } from 'vue';
import { storeToRefs } from 'pinia';
import type { DataTable } from '@/domain/csv';
import { fromDataTable, isExportTable, type ExportTable } from '@/domain/export-table';
import type { AddOutcome, BriefingItemInput } from '@/domain/briefing';
import type { FramedSvg } from '@/charts/export-frame';
import { useBriefingStore } from '@/stores/briefing';

export type { AddOutcome, BriefingItemInput } from '@/domain/briefing';

/**
 * The briefing (简报) as any view or card uses it: `add` an item and read how many there are.
 *
 *   const briefing = useBriefing();
 *   const outcome = briefing.add({ kind: 'text', title, text, source: source.value, link: window.location.href });
 *   // source: the view's source line, "来源：" included (`useLabels().source`).
 *   if (!outcome.ok) … outcome.reason: 'items' | 'size' | 'invalid'
 */
export function useBriefing() {
  const store = useBriefingStore();
  const { count } = storeToRefs(store);
  return {
    add: (input: BriefingItemInput): AddOutcome => store.add(input),
    count: computed(() => count.value),
  };
}

/** A chart or view table as the briefing keeps it: a plain table becomes a typed export table. */
export function asExportTable(table: DataTable | ExportTable | null | undefined): ExportTable | null {
  if (!table) return null;
  return isExportTable(table) ? table : fromDataTable(table);
}

/** A chart card's item: its framed SVG and the words around it, with the link of the view. */
export function chartItem(
  framed: FramedSvg,
  card: {
    title: string;
    unit?: string;
    source: string;
    provenance?: string;
    filters?: string;
    table?: DataTable | ExportTable | null;
  },
): BriefingItemInput {
  return {
    kind: 'chart',
    title: card.title,
    unit: card.unit,
    source: card.source,
    provenance: card.provenance,
    filters: card.filters,
    link: window.location.href,
    svg: framed.svg,
    width: framed.width,
    height: framed.height,
    table: asExportTable(card.table),
  };
}
