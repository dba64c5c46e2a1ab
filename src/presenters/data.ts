import { IDENTITY_COLUMNS } from '@/domain/catalogue';
import { formatBytes, formatDateTime } from '@/domain/format';
import type { Labels } from '@/presenters/labels';
import type { DatasetEntry, KeepState, KeptDataset, WorkspaceState } from '@/workspace';

/** The id the workspace keeps the population table under (see workspace.ts). */
const POPULATION_ID = 'population';

/** What the loaded data is, in truthful words: generated, published reports, or the user's own file. */
export function provenanceText(entry: DatasetEntry | null, l: Labels): string {
  if (!entry) return '';
  if (entry.generated) return l.t('dataset.generatedNote');
  if (entry.origin === 'bundled') return l.t('dataset.realNote');
  return l.t('dataset.fileNote', { file: entry.fileName ?? entry.id });
}

export interface KeptRow {
  readonly id: string;
  readonly text: string;
  readonly active: boolean;
}

/** One line per kept dataset: its name, when it was loaded and its size, and the reports imported onto it. */
export function keptRows(
  kept: readonly KeptDataset[],
  entries: readonly DatasetEntry[],
  activeId: string | null,
  l: Labels,
): KeptRow[] {
  return kept.map((k) => {
    const entry = entries.find((e) => e.id === k.id);
    const name =
      k.id === POPULATION_ID
        ? l.t('data.populationKept', { name: k.fileName })
        : entry?.nameKey
          ? l.t(entry.nameKey)
          : k.fileName;
    const file = k.hasFile
      ? l.t('data.keptFile', { name, when: formatDateTime(k.loadedAt, l.lang), size: formatBytes(k.bytes, l.lang) })
      : name;
    const appended = k.appendedReports ? l.t('data.keptAppended', { n: k.appendedReports }) : null;
    return { id: k.id, text: appended ? l.joinParts([file, appended]) : file, active: k.id === activeId };
  });
}

/** Why nothing (or not everything) is kept, if so. */
export function keepWarning(keep: KeepState, l: Labels): string | null {
  if (keep.failure) return l.t('data.keepFailed', { reason: keep.failure });
  return keep.kind === 'memory' ? l.t('data.keepMemory') : null;
}

export function storageText(u: { used: number; quota: number } | null, l: Labels): string | null {
  return u ? l.t('data.storageUsed', { used: formatBytes(u.used, l.lang), quota: formatBytes(u.quota, l.lang) }) : null;
}

/** What the loaded population table holds, in words. */
export function populationText(p: WorkspaceState['population'], l: Labels): string | null {
  if (!p) return null;
  const years = p.years.length ? `${p.years[0]}–${p.years.at(-1)}` : '—';
  const sources = p.sources.length ? l.t('data.populationSources', { list: l.list(p.sources) }) : '';
  return l.t('data.populationSummary', {
    file: p.file,
    n: p.rows,
    years,
    key: l.label(IDENTITY_COLUMNS.find((c) => c.key === p.keyedBy)?.label ?? { zh: p.keyedBy, en: p.keyedBy }),
    sources,
  });
}
