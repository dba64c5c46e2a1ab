/**
 * The datasets manager in words: every dataset this browser knows, labelled truthfully by origin
 * (bundled real reports, generated demo, the user's file, a URL, reports imported from documents),
 * with what it holds; the conflicts between active datasets with their headline figures and the
 * choice that settles each; and the agency links (机构改革).
 */
import { formatCount, formatDateTime, NO_VALUE } from '@/domain/format';
import type { Labels } from '@/presenters/labels';
import type { DatasetEntry, KeptDataset } from '@/workspace';
import type { DatasetStats, ResolvedConflict } from '@/workspace/choices';

/** The dataset's name as every screen says it: generated data always named as such. */
export function datasetLabel(entry: DatasetEntry | undefined, id: string, l: Labels): string {
  if (!entry) return id;
  if (entry.generated) return l.t('dataset.generatedBadge');
  return entry.nameKey ? l.t(entry.nameKey) : (entry.fileName ?? entry.id);
}

/** `loading`: asked for (the link's `ds` or `with`) and on its way into the engine. */
export type DatasetState = 'primary' | 'beside' | 'loading' | 'off';

export interface DatasetRow {
  readonly id: string;
  readonly name: string;
  /** bundled-real, generated, file, url; `imported` is said apart (reports added from documents). */
  readonly originKind: 'real' | 'generated' | 'file' | 'url';
  readonly origin: string;
  readonly state: DatasetState;
  readonly stateText: string;
  /** Reports, agencies, years; or that it was not loaded in this browser yet. */
  readonly facts: string;
  readonly templates: string | null;
  readonly loaded: string | null;
  /** The rule results of its reports (validation messages), or null when not known yet. */
  readonly validation: string | null;
  readonly validationBad: boolean;
  /** Reports imported from documents onto it, if any. */
  readonly imported: string | null;
  readonly preferred: boolean;
}

export interface ManagerInput {
  readonly entries: readonly DatasetEntry[];
  readonly kept: readonly KeptDataset[];
  readonly stats: Readonly<Record<string, DatasetStats>>;
  readonly activeId: string | null;
  readonly alsoIds: readonly string[];
  /** Datasets asked for and not in use yet (while a load runs); absent: none. */
  readonly loadingIds?: readonly string[];
  readonly prefer: readonly string[];
}

function originOf(e: DatasetEntry): DatasetRow['originKind'] {
  if (e.generated) return 'generated';
  if (e.origin === 'bundled') return 'real';
  return e.origin === 'url' ? 'url' : 'file';
}

export function datasetRows(input: ManagerInput, l: Labels): DatasetRow[] {
  return input.entries.map((e) => {
    const s = input.stats[e.id];
    const state: DatasetState =
      e.id === input.activeId
        ? 'primary'
        : input.alsoIds.includes(e.id)
          ? 'beside'
          : input.loadingIds?.includes(e.id)
            ? 'loading'
            : 'off';
    const originKind = originOf(e);
    const kept = input.kept.find((k) => k.id === e.id);
    const templates = s?.templates.length
      ? l.list(
          s.templates.map((t) =>
            t.template
              ? l.t('datasets.templateN', { template: t.template, n: t.reports })
              : l.t('datasets.templateNone', { n: t.reports }),
          ),
        )
      : null;
    const years =
      s && s.firstYear !== null
        ? s.firstYear === s.lastYear
          ? String(s.firstYear)
          : `${s.firstYear}–${s.lastYear}`
        : NO_VALUE;
    return {
      id: e.id,
      name: datasetLabel(e, e.id, l),
      originKind,
      origin: l.t(`datasets.origin.${originKind}`),
      state,
      stateText: l.t(`datasets.state.${state}`),
      facts: s
        ? l.t('datasets.facts', {
            reports: formatCount(s.reports, l.lang),
            agencies: formatCount(s.agencies, l.lang),
            years,
          })
        : l.t('datasets.notLoaded'),
      templates,
      loaded: (e.loadedAt ?? s?.loadedAt) ? formatDateTime((e.loadedAt ?? s?.loadedAt) as string, l.lang) : null,
      validation: s ? (s.failing > 0 ? l.t('datasets.failing', { n: s.failing }) : l.t('datasets.passing')) : null,
      validationBad: (s?.failing ?? 0) > 0,
      imported: kept?.appendedReports ? l.t('datasets.imported', { n: kept.appendedReports }) : null,
      preferred: input.prefer.includes(e.id),
    };
  });
}

export interface ConflictSideView {
  readonly datasetId: string;
  readonly dataset: string;
  readonly name: string;
  readonly figures: string;
  readonly chosen: boolean;
}

export interface ConflictView {
  readonly agencyId: string;
  readonly year: number;
  readonly title: string;
  readonly sides: readonly ConflictSideView[];
  /** Which choice settles it, or that it is left out until one is made. */
  readonly status: string;
  readonly open: boolean;
}

const fig = (v: number | null, l: Labels) => (v === null ? NO_VALUE : formatCount(v, l.lang));

export function conflictViews(
  conflicts: readonly ResolvedConflict[],
  entries: readonly DatasetEntry[],
  l: Labels,
): ConflictView[] {
  const nameOf = (id: string) =>
    datasetLabel(
      entries.find((e) => e.id === id),
      id,
      l,
    );
  return conflicts.map((c) => ({
    agencyId: c.agencyId,
    year: c.year,
    title: l.t('datasets.conflictTitle', {
      agency: c.sides[0]?.agencyName || c.agencyId,
      id: c.agencyId,
      year: c.year,
    }),
    sides: c.sides.map((s) => ({
      datasetId: s.datasetId,
      dataset: nameOf(s.datasetId),
      name: s.agencyName,
      figures: l.t('datasets.figures', {
        fresh: fig(s.newRequests, l),
        granted: fig(s.granted, l),
        total: fig(s.total, l),
      }),
      chosen: c.winner === s.datasetId,
    })),
    status:
      c.winner === null
        ? l.t('datasets.leftOut')
        : l.t(c.by === 'conflict' ? 'datasets.chosenHere' : 'datasets.chosenByDataset', { dataset: nameOf(c.winner) }),
    open: c.winner === null,
  }));
}

/** The banner while conflicts are open: how many agency-years are left out of every view. */
export function unresolvedText(n: number, l: Labels): string | null {
  return n > 0 ? l.t('datasets.unresolved', { n }) : null;
}
