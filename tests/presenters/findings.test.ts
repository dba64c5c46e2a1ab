import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import { loadDataset } from '@/data/load/load-dataset';
import { EMPTY_FILTERS, type Filters } from '@/domain/filters';
import { formatDelta, formatRelative, type CompareSort } from '@/domain/compare';
import { formatCount, formatValue } from '@/domain/format';
import { indicator } from '@/domain/indicators';
import { HEADLINE_INDICATORS, decodeIndicatorsByYear, indicatorsByYearQuery } from '@/data/queries/overview';
import {
  decodeMatchedChange,
  decodePanelSummary,
  matchedChangeQuery,
  panelSummaryQuery,
  type MatchedChangeResult,
} from '@/data/queries/matched';
import { compareTableQuery, decodeCompareDetail, type CompareDetailPage } from '@/data/queries/compare';
import { decodeTrendLines, groupTrendsQuery } from '@/data/queries/trends';
import { decodeIndicatorTotals, indicatorTotalsQuery } from '@/data/queries/indicator-totals';
import { applicantsQuery, decodeApplicantRows } from '@/data/queries/applicants';
import { decodeProactiveYears, proactiveByYearQuery } from '@/data/queries/proactive';
import { headlineKpis } from '@/presenters/overview';
import { rankingTitle } from '@/presenters/compare';
import { panelNote, trendCharts, trendChoices } from '@/presenters/trends';
import { indicatorKpis } from '@/presenters/analysis';
import { APPLICANT_KPIS, applicantKpis } from '@/presenters/applicants';
import { proactiveKpis } from '@/presenters/proactive';
import { OUTCOME_KPIS } from '@/presenters/outcomes';
import { LITIGATION_KPIS } from '@/presenters/litigation';
import { qualityKpis } from '@/presenters/quality';
import { OVERVIEW_FINDING_KEYS, overviewFindings } from '@/presenters/findings/overview';
import { compareFindings } from '@/presenters/findings/compare';
import { trendFindings } from '@/presenters/findings/trends';
import { kpiFindings, qualityFindings } from '@/presenters/findings/kpis';
import type { Labels } from '@/presenters/labels';
import { freshRunner, projectPath } from '../support/engine';
import { testLabels } from '../support/labels';

/*
 * Every number in a paragraph must be a figure the page shows: the tests read the numbers out of
 * the sentence and out of the cards' own strings (made by the view's presenters from the same
 * query results over the demo dataset), and check each of the first is one of the second.
 */

const LANGS = ['zh', 'en'] as const;
const labelsOf = (lang: 'zh' | 'en') => testLabels(lang);

let runner: QueryRunner;
let years: number[];
beforeAll(async () => {
  runner = await freshRunner();
  await loadDataset(runner, {
    name: 'demo.parquet',
    bytes: new Uint8Array(readFileSync(projectPath('datasets/demo.parquet'))),
  });
  const rows = await runner.query({ text: 'SELECT DISTINCT year FROM reports ORDER BY year', params: [] });
  years = rows.map((r) => Number(r.year));
}, 60_000);

/** The numbers of a text as written: "3,525" → 3525, "−10.4" → 10.4 (signs are words in sentences). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
}

/** Each number of the paragraph is among the numbers of the shown figures; returns how many were checked. */
function expectNumbersFrom(text: string, shown: readonly string[], extra: readonly number[] = []): number {
  const allowed = new Set([...shown.flatMap(numbersIn), ...extra]);
  const found = numbersIn(text);
  for (const n of found) expect(allowed, `${n} in “${text}”`).toContain(n);
  return found.length;
}

/** Nothing a reader should never see in a sentence. */
function expectClean(text: string | null) {
  expect(text).not.toBeNull();
  expect(text).not.toMatch(/NaN|Infinity|undefined|null|−0\.0|-0\.0|—|\{|\}/);
}

async function overviewInputs(f: Filters, year: number) {
  const keys = HEADLINE_INDICATORS;
  const rows = decodeIndicatorsByYear(await runner.query(indicatorsByYearQuery(f, keys, [year - 1, year])!), keys);
  const matched = decodeMatchedChange(
    await runner.query(matchedChangeQuery(f, keys, year - 1, year)!),
    keys,
    year - 1,
    year,
  );
  return { rows, matched };
}

describe('Overview findings', () => {
  for (const lang of LANGS) {
    it(`states the latest year's figures and their like-for-like change, every number from the cards (${lang})`, async () => {
      const labels = labelsOf(lang);
      const year = years.at(-1)!;
      const { rows, matched } = await overviewInputs(EMPTY_FILTERS, year);
      const text = overviewFindings({ rows, year, matched }, labels);
      expectClean(text);
      const cards = headlineKpis(rows, HEADLINE_INDICATORS, year, labels, matched);
      const shown = cards.flatMap((k) => [k.value, k.change, k.note, ...k.lines.map((l) => l.text)]);
      const cur = rows.find((r) => r.year === year)!;
      // The year and the reports of the year (the lead) are the only numbers not on a card.
      const checked = expectNumbersFrom(text!, shown, [year, cur.reports]);
      expect(checked).toBeGreaterThan(OVERVIEW_FINDING_KEYS.length);
      // Each headline value is in the paragraph as the card shows it.
      for (const k of cards.filter((c) => (OVERVIEW_FINDING_KEYS as readonly string[]).includes(c.key))) {
        expect(text).toContain(k.value);
      }
      expect(text).toContain(lang === 'zh' ? '同口径' : 'like for like');
      expect(text).toContain(formatCount(matched.figures.new_requests!.matched, lang));
    });

    it(`says there is no like-for-like figure in the first year, without a change (${lang})`, async () => {
      const labels = labelsOf(lang);
      const year = years[0]!;
      const { rows, matched } = await overviewInputs(EMPTY_FILTERS, year);
      const text = overviewFindings({ rows, year, matched }, labels);
      expectClean(text);
      expect(text).toContain(labels.t('findings.change.noPrev'));
      const cards = headlineKpis(rows, HEADLINE_INDICATORS, year, labels, matched);
      const cur = rows.find((r) => r.year === year)!;
      expect(
        expectNumbersFrom(
          text!,
          cards.flatMap((k) => [k.value, k.note]),
          [year, cur.reports],
        ),
      ).toBeGreaterThan(3);
    });

    it(`says so for an empty selection, and waits while the figures are on their way (${lang})`, async () => {
      const labels = labelsOf(lang);
      const year = years.at(-1)!;
      const { rows, matched } = await overviewInputs({ ...EMPTY_FILTERS, agencies: ['no-such-agency'] }, year);
      expect(rows.every((r) => r.reports === 0)).toBe(true);
      const text = overviewFindings({ rows, year, matched }, labels);
      expect(text).toBe(labels.t('findings.none'));
      expect(overviewFindings({ rows, year: null, matched: null }, labels)).toBe(labels.t('findings.none'));
      expect(overviewFindings({ rows, year, matched, pending: true }, labels)).toBeNull();
    });

    it(`says a rate with a zero denominator and a change from zero in words (${lang})`, () => {
      const labels = labelsOf(lang);
      const rows = [
        { year: 2023, reports: 2, values: { new_requests: 0, disclosure_rate: null }, counts: { new_requests: 2 } },
        { year: 2024, reports: 2, values: { new_requests: 5, disclosure_rate: null }, counts: { new_requests: 2 } },
      ];
      const figure = (from: number | null, to: number | null) => ({
        matched: 2,
        matchedFrom: from,
        matchedTo: to,
        matchedParts: null,
        allFrom: from,
        allTo: to,
        allCountFrom: 2,
        allCountTo: 2,
        blankAgencies: 0,
      });
      const matched: MatchedChangeResult = {
        fromYear: 2023,
        toYear: 2024,
        reportsFrom: 2,
        reportsTo: 2,
        paired: 2,
        unpairedFrom: 0,
        unpairedTo: 0,
        partnerExcludedFrom: 0,
        partnerExcludedTo: 0,
        excludedFrom: 0,
        excludedTo: 0,
        figures: { new_requests: figure(0, 5), disclosure_rate: figure(null, null) },
      };
      const text = overviewFindings({ rows, year: 2024, matched, keys: ['new_requests', 'disclosure_rate'] }, labels);
      expectClean(text);
      expect(text).toContain(labels.t('findings.change.zeroBase'));
      expect(text).toContain(labels.t('findings.noRate', { label: lang === 'zh' ? '公开率' : 'disclosure rate' }));
      expect(text).not.toMatch(/0\.0%|\b0%/);
    });
  }
});

async function comparePage(
  f: Filters,
  from: number,
  to: number,
  sort: CompareSort,
  keys: readonly string[],
  minN = 30,
) {
  const q = compareTableQuery({
    filters: f,
    keys,
    from,
    to,
    scope: 'all',
    sort,
    limit: 10,
    offset: 0,
    keepMissingYears: true,
    minDenominator: minN,
  });
  return q ? decodeCompareDetail(await runner.query(q), keys) : null;
}

/** What the ranking table shows of a page: its title and every cell, formatted as the table does. */
function tableTexts(page: CompareDetailPage, keys: readonly string[], labels: Labels): string[] {
  const { lang } = labels;
  return [
    rankingTitle(page, labels),
    ...page.rows.flatMap((r) =>
      keys.flatMap((k) => {
        const unit = indicator(k).unit;
        const v = r.values[k]!;
        const n = r.parts[k];
        return [
          formatValue(v.start, unit, lang),
          formatValue(v.end, unit, lang),
          formatDelta(v.delta, unit, lang),
          formatRelative(v.pct, lang),
          ...(n ? [formatCount(n.start.denominator, lang), formatCount(n.end.denominator, lang)] : []),
        ];
      }),
    ),
  ];
}

describe('Compare findings', () => {
  const keys = ['new_requests', 'disclosure_rate', 'denial_rate'];
  for (const lang of LANGS) {
    it(`names how many agencies compare and the first of the ranking, every number from the table (${lang})`, async () => {
      const labels = labelsOf(lang);
      const [from, to] = [years.at(-2)!, years.at(-1)!];
      for (const sort of [
        { key: 'disclosure_rate', field: 'end', dir: 'desc' },
        { key: 'new_requests', field: 'pct', dir: 'asc' },
      ] as CompareSort[]) {
        const page = (await comparePage(EMPTY_FILTERS, from, to, sort, keys))!;
        const text = compareFindings({ page, sort, from, to, minN: 30, range: `${from}–${to}` }, labels);
        expectClean(text);
        const top = page.rows.find((r) => r.hasStart && r.hasEnd && !r.smallN)!;
        expect(text).toContain(top.agencyName);
        const withoutName = text!.replace(top.agencyName, '');
        expect(expectNumbersFrom(withoutName, tableTexts(page, keys, labels), [from, to, 30])).toBeGreaterThan(4);
        expect(text).toContain(formatCount(page.comparable, lang));
        if (page.missingYear > 0) expect(text).toContain(formatCount(page.missingYear, lang));
      }
    });

    it(`handles one year, the order by name and an empty selection (${lang})`, async () => {
      const labels = labelsOf(lang);
      const y = years.at(-1)!;
      const sort: CompareSort = { key: 'new_requests', field: 'end', dir: 'desc' };
      const one = (await comparePage(EMPTY_FILTERS, y, y, sort, keys))!;
      const t1 = compareFindings({ page: one, sort, from: y, to: y, minN: 30, range: String(y) }, labels);
      expectClean(t1);
      // One year: no earlier value and no change to state.
      expect(t1).not.toContain(lang === 'zh' ? '变化' : 'change of');
      expect(expectNumbersFrom(t1!, tableTexts(one, keys, labels), [y])).toBeGreaterThan(1);

      const byName: CompareSort = { key: 'name', field: 'end', dir: 'asc' };
      const page = (await comparePage(EMPTY_FILTERS, y - 1, y, byName, keys))!;
      const t2 = compareFindings({ page, sort: byName, from: y - 1, to: y, minN: 30, range: `${y - 1}–${y}` }, labels);
      expectClean(t2);
      expect(t2).toContain(labels.t('findings.compare.byName'));

      const none = (await comparePage({ ...EMPTY_FILTERS, province: 'no-such-province' }, y - 1, y, sort, keys))!;
      expect(compareFindings({ page: none, sort, from: y - 1, to: y, minN: 30, range: '' }, labels)).toBe(
        labels.t('findings.none'),
      );
      expect(
        compareFindings({ page: null, sort, from: y - 1, to: y, minN: 30, range: '', pending: true }, labels),
      ).toBeNull();
    });
  }
});

describe('Trends findings', () => {
  const choice = { indicators: ['new_requests', 'disclosure_rate'], by: 'all', mode: 'absolute', base: null } as const;
  for (const lang of LANGS) {
    for (const balanced of [true, false]) {
      it(`gives first and last values${balanced ? ' and the like-for-like change' : ', no change'} (${lang})`, async () => {
        const labels = labelsOf(lang);
        const choices = trendChoices({ ...choice, balanced } as Parameters<typeof trendChoices>[0], false);
        const lines = decodeTrendLines(
          await runner.query(groupTrendsQuery(EMPTY_FILTERS, choices.keys, 'all', {}, { balanced })!),
          choices.keys,
        );
        const panel = decodePanelSummary(
          await runner.query(panelSummaryQuery(EMPTY_FILTERS, { ignoreAgencies: true })),
        );
        const range = `${years[0]}–${years.at(-1)}`;
        const input = { lines, choices, picks: [], years, range, panel: balanced ? panel : null };
        const text = trendFindings(input, labels);
        expectClean(text);
        const charts = trendCharts({ lines, choices, picks: [], years, baseYear: null, range }, labels);
        const shown = [
          ...charts.flatMap((c) =>
            c.table.rows.flatMap((r) =>
              r.slice(1).map((v) => formatValue(typeof v === 'number' ? v : null, indicator(c.key).unit, lang)),
            ),
          ),
          ...(balanced ? [panelNote(panel, labels)] : []),
        ];
        // Changes are worked out from the two values shown; the years are the table's columns.
        const changes = charts.flatMap((c) => {
          const row = c.table.rows[0]!.slice(1) as (number | null)[];
          const vals = row.filter((v): v is number => v !== null);
          const [a, b] = [vals[0]!, vals.at(-1)!];
          return c.key === 'disclosure_rate'
            ? [Math.round(Math.abs(b - a) * 1000) / 10]
            : [Math.round(Math.abs(b / a - 1) * 1000) / 10];
        });
        const checked = expectNumbersFrom(text!, shown, [...years, ...(balanced ? changes : [])]);
        expect(checked).toBeGreaterThan(4);
        if (balanced) expect(text).toContain(formatCount(panel.balanced, lang));
        else expect(text).toContain(labels.t('findings.trends.notMatched'));
      });
    }

    it(`says when no agency reports every year, and when there is nothing (${lang})`, () => {
      const labels = labelsOf(lang);
      const choices = trendChoices({ ...choice, balanced: true } as Parameters<typeof trendChoices>[0], false);
      const panel = { years: 3, agencies: 4, balanced: 0, reports: 9, balancedReports: 0 };
      const line = { id: '||', agencyName: null, level: null, kind: null, sector: null, points: [] };
      const text = trendFindings({ lines: [line], choices, picks: [], years: [2022, 2023], range: 'R', panel }, labels);
      expect(text).toBe(labels.t('findings.trends.noBalanced', { range: 'R' }));
      const none = trendFindings({ lines: [], choices, picks: [], years: [2022], range: 'R', panel }, labels);
      expect(none).toBe(labels.t('findings.none'));
      expect(
        trendFindings({ lines: [line], choices, picks: [], years: [2022], range: 'R', panel: null }, labels),
      ).toBeNull();
      const empty = trendFindings(
        {
          lines: [line],
          choices: { ...choices, balanced: false },
          picks: [],
          years: [2022, 2023],
          range: 'R',
          panel: null,
        },
        labels,
      );
      expectClean(empty);
      expect(empty).toContain(
        labels.t('findings.trends.lineNone', { name: labels.t('trends.all'), indicator: '' }).slice(0, 2),
      );
    });
  }
});

describe('Findings of the headline cards (outcomes, litigation, applicants, proactive, quality)', () => {
  for (const lang of LANGS) {
    it(`puts each card's value, and a rate's basis, in the sentence (${lang})`, async () => {
      const labels = labelsOf(lang);
      const range = `${years[0]}–${years.at(-1)}`;
      let checkedViews = 0;
      for (const keys of [OUTCOME_KPIS, LITIGATION_KPIS]) {
        const totals = decodeIndicatorTotals(await runner.query(indicatorTotalsQuery(EMPTY_FILTERS, keys)!), keys);
        const items = indicatorKpis(totals, keys, labels);
        const text = kpiFindings(items, labels.t('findings.kpis.lead', { range }), labels);
        expectClean(text);
        for (const k of items) expect(text).toContain(k.value);
        // A label may hold a number ("每百件申请…"): the card shows it too.
        const shown = items.flatMap((k) => [k.label, k.value, k.note]);
        expect(expectNumbersFrom(text!, shown, years)).toBeGreaterThanOrEqual(items.length);
        checkedViews += 1;
      }

      const totals = decodeIndicatorTotals(
        await runner.query(indicatorTotalsQuery(EMPTY_FILTERS, APPLICANT_KPIS)!),
        APPLICANT_KPIS,
      );
      const byYear = decodeApplicantRows(await runner.query(applicantsQuery(EMPTY_FILTERS, 'year')));
      const applicants = applicantKpis(totals, byYear, labels);
      const ta = kpiFindings(applicants, labels.t('findings.kpis.lead', { range }), labels);
      expectClean(ta);
      expect(
        expectNumbersFrom(
          ta!,
          applicants.flatMap((k) => [k.label, k.value, k.note]),
          years,
        ),
      ).toBeGreaterThanOrEqual(4);

      const rows2021 = decodeProactiveYears(await runner.query(proactiveByYearQuery(EMPTY_FILTERS, '2021')), '2021');
      const proactive = proactiveKpis(rows2021, labels);
      const year = rows2021.at(-1)!.year;
      const tp = kpiFindings(proactive, labels.t('findings.kpis.leadYear', { year }), labels);
      expectClean(tp);
      expect(
        expectNumbersFrom(
          tp!,
          proactive.flatMap((k) => [k.label, k.value, k.note]),
        ),
      ).toBeGreaterThanOrEqual(5);
      expect(checkedViews).toBe(2);
    });

    it(`says a card without a figure in words, an empty selection and a pending one (${lang})`, () => {
      const labels = labelsOf(lang);
      const half = {
        reports: 3,
        values: { handled: 12, disclosure_rate: null },
        counts: { handled: 3, disclosure_rate: 0 },
      };
      const items = indicatorKpis(half, ['handled', 'disclosure_rate'], labels);
      const text = kpiFindings(items, labels.t('findings.kpis.lead', { range: '2024' }), labels);
      expectClean(text);
      expect(text).toContain(labels.t('findings.noRate', { label: lang === 'zh' ? '公开率' : 'disclosure rate' }));
      expect(
        expectNumbersFrom(
          text!,
          items.map((k) => k.value),
          [2024],
        ),
      ).toBe(2);

      const empty = { reports: 0, values: { handled: null, disclosure_rate: null }, counts: {} };
      const none = kpiFindings(indicatorKpis(empty, ['handled', 'disclosure_rate'], labels), 'x', labels);
      expect(none).toBe(labels.t('findings.none'));
      expect(kpiFindings(indicatorKpis(null, ['handled'], labels, true), 'x', labels)).toBeNull();
      expect(kpiFindings(items, 'x', labels, true)).toBeNull();
    });

    it(`states the quality cards, all clear, and waits for them (${lang})`, () => {
      const labels = labelsOf(lang);
      const counts = {
        failures: 1234,
        reports: 87,
        perRule: [
          { rule: 'R1', failures: 1200, reports: 80 },
          { rule: 'R6', failures: 34, reports: 9 },
        ],
      } as unknown as Parameters<typeof qualityKpis>[0];
      const kpis = qualityKpis(counts, labels);
      const text = qualityFindings(kpis, labels);
      expectClean(text);
      expect(
        expectNumbersFrom(
          text!,
          kpis.map((k) => k.value),
        ),
      ).toBe(4);
      for (const k of kpis) expect(text).toContain(k.value);
      const clean = qualityKpis({ failures: 0, reports: 0, perRule: [] }, labels);
      expect(qualityFindings(clean, labels)).toBe(labels.t('findings.quality.clean'));
      expect(qualityFindings(qualityKpis(null, labels), labels)).toBeNull();
    });
  }
});
