/**
 * Editable identity of a parsed report before it joins the loaded data: the fields a person
 * confirms, suggestions where the document says nothing, the same checks the dataset loader
 * applies (so a refusal is rare and explained in advance), and the dataset row.
 */
import { IDENTITY_COLUMNS, KINDS, LEVELS, TEMPLATES, type IdentityKey, type Template } from '@/domain/catalogue';
import type { CsvValue } from '@/ingest/csv';
import { reportRow } from '@/ingest/csv';
import { agencySlug, suggestKind, suggestLevel } from '@/ingest/identity';
import type { ParsedReport } from '@/ingest/types';

/** The identity columns the import form asks for: every one but region_code, which reports do not print. */
export type MetaField = Exclude<IdentityKey, 'region_code'>;
export const META_FIELDS: readonly MetaField[] = IDENTITY_COLUMNS.map((c) => c.key).filter(
  (k): k is MetaField => k !== 'region_code',
);
export type ReportMetaForm = Record<MetaField, string>;

/** Why a field cannot be accepted; the UI words each code. */
export type MetaProblem =
  | 'required'
  | 'bad_year'
  | 'bad_template'
  | 'template_mismatch'
  | 'bad_level'
  | 'bad_kind'
  | 'bad_url'
  | 'duplicate'
  | 'already_loaded';

/** Identity of a loaded agency, to prefill the form of a report of the same agency. */
export interface KnownIdentity {
  readonly id: string;
  readonly level: string | null;
  readonly kind: string | null;
  readonly province: string | null;
  readonly city: string | null;
  readonly county: string | null;
  readonly sector: string | null;
}

export interface SuggestedMeta {
  readonly form: ReportMetaForm;
  /** Fields that were suggested (from the name or a loaded agency), not read from the document. */
  readonly suggested: readonly MetaField[];
}

/** The form for a parsed report: what the document says, plus suggestions, marked as such. */
export function suggestMeta(report: ParsedReport, known: KnownIdentity | null = null): SuggestedMeta {
  const name = report.agencyName ?? '';
  const suggested: MetaField[] = [];
  const pick = (field: MetaField, value: string | null | undefined): string => {
    if (value) suggested.push(field);
    return value ?? '';
  };
  const form: ReportMetaForm = {
    agency_id: pick('agency_id', known?.id ?? agencySlug(report.agencyName, report.fileName)),
    agency_name: name,
    year: report.year === null ? '' : String(report.year),
    template: report.template ?? '',
    level: pick('level', known?.level ?? suggestLevel(name)),
    kind: pick('kind', known?.kind ?? suggestKind(name)),
    province: pick('province', known?.province),
    city: pick('city', known?.city),
    county: pick('county', known?.county),
    sector: pick('sector', known?.sector),
    source_url: '',
  };
  return { form, suggested };
}

const LEVEL_KEYS = new Set<string>(LEVELS.map((l) => l.key));
const KIND_KEYS = new Set<string>(KINDS.map((k) => k.key));

/**
 * Problems of one form, the loader's rules first: agency_id, agency_name, year, level and kind
 * are required; year 2000–2100; template 2019/2021 and the one the tables were read with; a
 * source URL is http(s). `others` are the other forms of the same batch; `loadedYears` the
 * years already loaded for this form's agency_id.
 */
export function validateMeta(
  form: ReportMetaForm,
  parsedTemplate: Template | null,
  others: readonly ReportMetaForm[] = [],
  loadedYears: readonly number[] = [],
): Partial<Record<MetaField, MetaProblem>> {
  const p: Partial<Record<MetaField, MetaProblem>> = {};
  const v = (f: MetaField) => form[f].trim();
  for (const f of ['agency_id', 'agency_name', 'year', 'level', 'kind'] as const) if (!v(f)) p[f] = 'required';
  const year = Number(v('year'));
  if (v('year') && (!/^\d{4}$/.test(v('year')) || year < 2000 || year > 2100)) p.year = 'bad_year';
  if (v('template') && !(TEMPLATES as readonly string[]).includes(v('template'))) p.template = 'bad_template';
  else if (parsedTemplate && v('template') && v('template') !== parsedTemplate) p.template = 'template_mismatch';
  if (v('level') && !LEVEL_KEYS.has(v('level'))) p.level = 'bad_level';
  if (v('kind') && !KIND_KEYS.has(v('kind'))) p.kind = 'bad_kind';
  if (v('source_url') && !/^https?:\/\/\S+$/i.test(v('source_url'))) p.source_url = 'bad_url';
  if (!p.agency_id && !p.year) {
    if (others.some((o) => o.agency_id.trim() === v('agency_id') && o.year.trim() === v('year'))) p.year = 'duplicate';
    else if (loadedYears.includes(year)) p.year = 'already_loaded';
  }
  return p;
}

/** The dataset row of a parsed report with its confirmed form (blank fields are null). */
export function formRow(report: ParsedReport, form: ReportMetaForm): CsvValue[] {
  const meta = Object.fromEntries(META_FIELDS.map((f) => [f, form[f].trim() || undefined]));
  return reportRow(report, meta).map((v) => (v === undefined || v === '' ? null : v));
}
