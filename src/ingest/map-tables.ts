/** Source tokens → catalogue cells of one report, with provenance and warnings. */
import type { Template } from '@/domain/catalogue';
import type { IngestWarning, Provenance } from '@/ingest/types';
import type { Token } from '@/ingest/tokens';
import { cellKeysOf, type SectionRanges } from '@/ingest/detect';
import type { MapState } from '@/ingest/map-cells';
import { mapSection2 } from '@/ingest/map-t2';
import { mapSection3 } from '@/ingest/map-t3';
import { mapSection4, T4_KEYS } from '@/ingest/map-t4';
import { warning } from '@/ingest/warnings';

export interface MappedTables {
  readonly cells: Record<string, number | null>;
  readonly provenance: Record<string, Provenance>;
  readonly warnings: IngestWarning[];
}

export function mapTables(tokens: readonly Token[], sections: SectionRanges, template: Template): MappedTables {
  const state: MapState = { cells: {}, provenance: {}, warnings: [] };
  for (const k of cellKeysOf(template)) state.cells[k] = null;
  const missing: { zh: string; en: string; keys: string[] }[] = [];
  if (sections.s2) mapSection2(tokens, sections.s2, template, state);
  else missing.push({ zh: '二', en: '二', keys: cellKeysOf(template).filter((k) => k.startsWith('t2')) });
  if (sections.s3) mapSection3(tokens, sections.s3, template, state);
  else missing.push({ zh: '三', en: '三', keys: cellKeysOf(template).filter((k) => k.startsWith('t3_')) });
  if (sections.s4) mapSection4(tokens, sections.s4, state);
  else missing.push({ zh: '四', en: '四', keys: [...T4_KEYS] });
  for (const m of missing) {
    state.warnings.push(
      warning(
        `section_${m.en === '二' ? 2 : m.en === '三' ? 3 : 4}_missing`,
        `未找到第${m.zh}部分的表格`,
        `section ${m.en} (table) not found`,
        m.keys,
      ),
    );
  }
  return state;
}
