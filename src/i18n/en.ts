import type zh from '@/i18n/zh-CN';
import { catalogueMessages, columnLabel, keyList } from '@/i18n/catalogue-messages';

const catalogue = catalogueMessages('en');

const en: typeof zh = {
  app: {
    title: 'Disclosure Dashboard',
    subtitle: 'Government information-disclosure annual reports',
    language: '中文',
    skipToMain: 'Skip to content',
    loading: 'Loading data…',
    engineFailed:
      'The analysis engine could not run: {reason}. Check the connection and try again; data kept in the browser is not lost.',
    engineRetry: 'Restart the engine',
    engineRestarting: 'The analysis engine stopped; starting it again and reloading the data…',
    engineLoading: 'Starting the analysis engine…',
  },
  nav: {
    overview: 'Overview',
    compare: 'Compare',
    trends: 'Trends',
    outcomes: 'Outcomes',
    applicants: 'Applicants',
    litigation: 'Review & litigation',
    proactive: 'Proactive disclosure',
    report: 'One report',
    quality: 'Data quality',
    data: 'Data',
    import: 'Import reports',
    glossary: 'Glossary',
  },
  dataset: {
    label: 'Dataset',
    demo: 'Demo data',
    real: 'Real report sample',
    generatedBadge: 'Demo data (generated)',
    generatedNote: 'This dataset is generated for demonstration; the figures are not real.',
    realNote: 'Figures taken from published annual reports; provenance in datasets/README.md.',
    fileNote: 'Figures from the file you loaded, {file}; the app has not checked where they come from.',
    missing:
      'This link uses the dataset “{id}”, which is not in this browser (it may be kept only in the browser of whoever shared it). No figures from another dataset are shown in its place.',
    openDefault: 'Show the demo data instead',
    openData: 'Load a data file',
    uploaded: 'Uploaded file',
    reports: '{n} reports',
    agencies: '{n} agencies',
    years: 'report years {from}–{to}',
  },
  filters: {
    title: 'Filters',
    toggle: 'Filters ({n} set)',
    year: columnLabel('year', 'en'),
    from: 'from',
    to: 'to',
    allYears: 'All years',
    level: columnLabel('level', 'en'),
    kind: columnLabel('kind', 'en'),
    region: 'Region',
    sector: columnLabel('sector', 'en'),
    all: 'All',
    reset: 'Reset filters',
    allProvinces: 'All provinces',
    allCities: 'All cities',
    allCounties: 'All counties',
  },
  overview: {
    headlineTitle: 'Key figures, {year}',
    vsPrev: 'vs {year}',
    noPrev: 'no previous year',
    requestsByYear: 'New requests by year and applicant type',
    outcomes: 'How requests were answered ({range})',
    topAgencies: 'Top 10 agencies by new requests, {year}',
    reportsIncluded: '{n} reports',
    basis: 'from {n} complete reports',
  },
  sep: { list: ', ', parts: '; ' },
  chart: {
    unitCount: 'Unit: requests',
    unitPercent: 'Unit: %',
    source: 'Source: {dataset}; {filters}',
    noData: 'No data for the current filters. Try widening them (all years or all levels).',
    formula: 'Formula',
    exportPng2: 'PNG 2×',
    exportPng3: 'PNG 3×',
    exportPngHint: 'Download a PNG ({n}× resolution) with title, unit and source',
    exportSvg: 'SVG',
    exportSvgHint: 'Download an SVG with title, unit and source; opens on its own',
    showTable: 'Table',
    showChart: 'Chart',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    exportXlsx: 'Excel',
    exportXlsxHint: 'Download the chart data (Excel, with a notes sheet: title, filters, source, column definitions)',
    exportCsv: 'CSV',
    exportCsvHint: 'Download the chart data (CSV, UTF-8)',
    copyImage: 'Copy image',
    copied: 'Copied',
    failed: 'The browser did not allow copying; download instead',
    allFilters: 'all agencies',
    pickedAgencies: '{n} chosen agencies',
    excludingFailing: 'excluding reports that fail an error-level rule',
  },
  applicant: catalogue.applicant,
  data: {
    title: 'Data',
    loaded: 'Loaded data',
    loadFile: 'Load a file',
    loadFileHint:
      'CSV (UTF-8, UTF-16 or GB18030; comma, tab or semicolon separated), Excel (.xlsx, first sheet) or Parquet, wide (one row per report) or long (agency_id, year, cell, value). At most 64 MB and 150,000 rows a file (2,000,000 in the long shape); split larger files.',
    loadUrl: 'Load from a URL',
    load: 'Load',
    loadFailed:
      '{file} was not loaded: {total} problem(s), the first {shown} below. The data already loaded is unchanged.',
    loadedOk: 'Loaded {file}: {reports} reports from {agencies} agencies.',
    row: 'row {row}',
    column: 'column {column}',
    kept: 'Data kept in this browser',
    keptNote:
      'Files you load and reports you import are kept in this browser and are still here after a reload; others opening a link you share do not see them.',
    keptNone: 'Nothing kept yet.',
    keptFile: '{name}, loaded {when}, {size}',
    keptAppended: 'plus {n} imported reports',
    forget: 'Remove from this browser',
    storageUsed: 'Storage used by this site: {used} (limit about {quota})',
    keepFailed:
      'The data could not be kept in the browser ({reason}). It stays usable in this session; after a reload it must be loaded again.',
    keepMemory:
      'This browser does not allow keeping files (private mode, for example): loaded data lasts for this session only.',
    population: 'Population table (optional)',
    populationNote:
      'Load the resident population of each region (division code) or agency by year, and 人民政府 can be compared on requests and cases per 10,000 residents. Format in datasets/README.md.',
    populationSummary: 'Loaded {file}: {n} rows, years {years}, matched by {key}{sources}',
    populationKey: { region_code: 'division code', agency_id: 'agency id' },
    populationSources: '; source: {list}',
    populationExample: 'Download an example file (invented figures)',
    populationKept: 'Population table {name}',
    download: 'Download current data (CSV)',
  },
  issue: {
    unreadable:
      'The file could not be read: it is not an intact CSV, XLSX or Parquet file. Export it again from the program that made it.',
    fetch_failed:
      'The file could not be fetched from its address ({detail}). Check the address and the connection, or download it and load it from this computer.',
    unsupported_format: 'Unsupported file type. Use .csv, .xlsx or .parquet (save old .xls files as .xlsx).',
    empty: 'The file has no data rows.',
    file_too_large:
      'The file is {value}, over the {detail} that can be loaded. Split it by year or region into smaller files, or save it as Parquet.',
    too_many_rows:
      'The file has about {value} data rows, over the limit of {detail}. Split it by year or region into smaller files.',
    out_of_memory:
      'The browser ran out of memory loading this file. Split it into smaller files, or close other tabs and try again.',
    csv_unterminated_quote:
      'This row opens a double quote (") that is never closed, so the rest cannot be read as CSV. Add or remove the quote.',
    csv_too_many_columns:
      'This row has more columns than the {detail} of the header. Check for an extra separator; text containing commas must be in double quotes.',
    csv_malformed:
      'This row cannot be read as CSV. Check its separators and quotes, or save the file from Excel as "CSV UTF-8" and load it again.',
    missing_column: 'Required column "{column}" is missing. Add it as described in datasets/README.md.',
    unknown_column: 'Unknown column "{column}". Rename it to a contract key (e.g. t3_new_total) or remove it.',
    duplicate_column: 'Column "{column}" appears twice. Keep one.',
    blank_header:
      'Column {detail} ({column}) has no header but holds data. Give it a column name (e.g. t3_new_total) or delete it (from pandas, save with index=False).',
    formula_without_value:
      'Cell {value} is a formula whose result is not saved in the file. Open and save the file in Excel (or paste the cells as values), then load it again.',
    not_a_number: '"{value}" is not a number. Enter a number, or leave the cell empty if not reported.',
    not_finite:
      '"{value}" is not a valid number (NaN or infinity). Enter a number, or leave the cell empty if not reported.',
    not_integer: '"{value}" is not a whole number. Counts must be integers.',
    negative: '"{value}" is negative. Counts cannot be negative (only 2019 本年增/减 changes can).',
    too_large: '"{value}" is implausibly large; check it.',
    bad_year: 'Year "{value}" is not valid. Use a four-digit year such as 2023.',
    bad_template: 'Template "{value}" is not valid: use 2019 or 2021, or leave it empty to infer it from the year.',
    bad_level: `Level "{value}" is not valid: use ${keyList('level', 'en')}.`,
    bad_kind: `Kind "{value}" is not valid: use ${keyList('kind', 'en')}.`,
    empty_identity: 'Agency id or name is empty. Every row needs agency_id and agency_name.',
    duplicate_report:
      'Agency "{value}" appears more than once for the same year (same as row {detail}). One row per agency and year.',
    already_loaded: 'The {detail} report of agency "{value}" is already loaded.',
    unknown_cell: 'Cell key "{value}" is not in the contract. Use the keys in datasets/README.md.',
    duplicate_cell: 'Cell "{value}" appears twice for the same agency and year (same as row {detail}).',
  },
  level: catalogue.level,
  kind: catalogue.kind,
  qualityFlag: {
    included:
      '{n} of the {total} reports selected fail an error-level consistency rule (their figures do not add up); the charts include them.',
    excluded: '{n} reports failing an error-level consistency rule are left out; the charts use the rest.',
    list: 'See the list',
    exclude: 'Leave them out',
  },
  common: { dash: '—', close: 'Close', none: 'none', prev: 'Previous', next: 'Next', page: 'Page {page} of {pages}' },
};

export default en;
