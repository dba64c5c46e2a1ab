import { ref, type Ref } from 'vue';
import type { Filters } from '@/domain/filters';
import { ruleResultsCsv } from '@/domain/rule-results-csv';
import { exportResultsQuery, type QualityOptions } from '@/data/queries/quality';
import { decodeRuleResultRow } from '@/data/queries/rule-results';
import { useRunner } from '@/composables/runner';
import { downloadHref } from '@/composables/download';

const BATCH = 50_000;

/**
 * Downloads the rule results of the filtered reports as CSV (formula-injection safe), fetched and
 * written a batch at a time so a large dataset never becomes one huge string.
 */
export function useRuleExport() {
  const runner = useRunner();
  /** The batch being fetched, or null when idle. */
  const batch: Ref<number | null> = ref(null);

  async function run(filters: Filters, options: QualityOptions, problemsOnly: boolean, fileName: string) {
    const r = await runner;
    const parts: string[] = [];
    batch.value = 1;
    try {
      for (let offset = 0; ; offset += BATCH) {
        const q = exportResultsQuery(filters, options, problemsOnly, BATCH, offset);
        if (!q) break;
        const rows = (await r.query(q)).map((row) => decodeRuleResultRow(row, options));
        const text = ruleResultsCsv(rows, { bom: offset === 0 });
        // Later batches without their header line.
        parts.push(offset === 0 ? text : text.slice(text.indexOf('\r\n') + 2));
        if (rows.length < BATCH) break;
        batch.value += 1;
      }
      const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
      downloadHref(url, fileName.replace(/[\\/:*?"<>|\s]+/g, '_'));
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } finally {
      batch.value = null;
    }
  }

  return { batch, run };
}
