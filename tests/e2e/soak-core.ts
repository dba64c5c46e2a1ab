/**
 * A seeded random walk through the built app — tabs, filters, dataset and language switches,
 * back/forward, view controls, reloads — with checkpoints at which everything visible must equal
 * what the URL says: the controls' states, and the headline figures against an independent query
 * (`soak-oracle.ts`). Shared by `npm run soak` (long) and `tests/e2e/soak.test.ts` (short).
 */
import type { CDPSession, Page } from 'playwright-core';
import { flatQuery, readGlobal, readView, type GlobalState } from '@/url/codec';
import { VIEW_NAMES, type ViewName } from '@/url/schema';
import { openPage, type Harness } from './harness';
import { FORMULAS, OVERVIEW_KEYS, Oracle, shownMatches, type AgencyName, type SoakDataset } from './soak-oracle';

export interface SoakOptions {
  readonly steps: number;
  readonly seed: number;
  /** A checkpoint every this many steps (and one at the start and the end). */
  readonly checkEvery: number;
  /** Progress lines (the script prints them; the test stays quiet). */
  readonly log?: (line: string) => void;
}

export interface Mismatch {
  readonly step: number;
  readonly url: string;
  readonly what: string;
  readonly expected: string;
  readonly shown: string;
}

export interface SoakResult {
  readonly steps: number;
  readonly seed: number;
  readonly checkpoints: number;
  /** Figures and controls compared with the URL and the independent query. */
  readonly comparisons: number;
  readonly mismatches: Mismatch[];
  /** Console errors, uncaught exceptions and unhandled rejections of the page. */
  readonly pageErrors: string[];
  readonly actions: Record<string, number>;
  /** Actions that found nothing to act on at that moment (e.g. no next page). */
  readonly skipped: Record<string, number>;
  readonly views: Record<string, number>;
  /**
   * JS heap after a forced GC, in bytes: after the first render of the start page; after every view
   * has been drawn once in both datasets and languages (the baseline: the views' code and
   * messages are loaded on first use and stay); and after the walk, back on the start page.
   * `ratio` is after ÷ baseline, `ratioFirst` after ÷ first render.
   */
  readonly memory: {
    readonly firstRender: number;
    readonly baseline: number;
    readonly after: number;
    readonly ratio: number;
    readonly ratioFirst: number;
  };
  /** Steps since the last reload when memory was measured after the soak (a reload frees the heap). */
  readonly stepsSinceReload: number;
  readonly durationMs: number;
}

/** mulberry32: a small seeded generator, so a seed replays the same walk. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = '#/overview?v=1&noanim=1';

// --- what the page shows, read in one go with its URL ----------------------------------------------

interface Snapshot {
  readonly hash: string;
  readonly htmlLang: string;
  readonly activeTab: string | null;
  readonly dataset: string | null;
  readonly selects: Record<string, string | null>;
  readonly chips: Record<string, string[]>;
  readonly segmented: Record<string, string | null>;
  readonly picked: string[];
  readonly kpis: Record<string, { value: string; note: string }>;
  readonly viewTitle: string;
  readonly ranking: { id: string; cells: Record<string, string> }[];
  readonly banners: string[];
}

function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const q = (s: string) => document.querySelector(s);
    const sel = (id: string) => (q(`[data-testid="${id}"]`) as HTMLSelectElement | null)?.value ?? null;
    const pressed = (id: string) =>
      [...document.querySelectorAll(`[data-testid="${id}"] button[aria-pressed="true"]`)].map(
        (b) => (b as HTMLElement).dataset.key ?? '',
      );
    const segmented: Record<string, string | null> = {};
    for (const s of document.querySelectorAll('.segmented[data-testid]')) {
      const on = s.querySelector('button[aria-checked="true"]') as HTMLElement | null;
      segmented[(s as HTMLElement).dataset.testid ?? ''] = on?.dataset.key ?? null;
    }
    const kpis: Record<string, { value: string; note: string }> = {};
    for (const k of document.querySelectorAll('[data-testid^="kpi-"]')) {
      kpis[(k as HTMLElement).dataset.testid?.slice(4) ?? ''] = {
        value: k.querySelector('[data-role="value"]')?.textContent?.trim() ?? '',
        note: k.querySelector('.kpi-note')?.textContent?.trim() ?? '',
      };
    }
    const ranking = [...document.querySelectorAll('[data-testid="ranking-table"] tbody tr[data-id]')].map((tr) => {
      const cells: Record<string, string> = {};
      for (const td of tr.querySelectorAll('td[data-cell]')) {
        // The figure itself: the cell's own text, without its "n = …" and badges.
        cells[(td as HTMLElement).dataset.cell ?? ''] = [...td.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim();
      }
      return { id: (tr as HTMLElement).dataset.id ?? '', cells };
    });
    return {
      hash: location.hash,
      htmlLang: document.documentElement.lang,
      activeTab: (q('.tab.router-link-active') as HTMLElement | null)?.dataset.testid ?? null,
      dataset: sel('dataset'),
      selects: Object.fromEntries(
        ['year-from', 'year-to', 'province', 'city', 'county', 'sector'].map((id) => [id, sel(id)]),
      ),
      chips: Object.fromEntries(
        ['level', 'kind', 'compare-indicators', 'trend-indicators'].map((id) => [id, pressed(id)]),
      ),
      segmented,
      // Every picked agency, the ones folded behind "另 N 个…" included.
      picked: (document.querySelector('[data-testid="agency-picker"]')?.getAttribute('data-picked') ?? '')
        .split(' ')
        .filter(Boolean),
      kpis,
      viewTitle: q('.view-title')?.textContent?.trim() ?? '',
      ranking,
      banners: [
        ...document.querySelectorAll(
          '.banner.error, [data-testid="loading"], [data-testid="load-progress"], [data-testid="engine-restarting"]',
        ),
      ]
        .map((b) => b.textContent?.trim() ?? '')
        .filter(Boolean),
    };
  });
}

/** Busy: the data loading, a card dimmed or saying "…", a chart not yet drawn. */
function busy(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    if (
      document.querySelector(
        '[data-testid="loading"], [data-testid="load-progress"], [data-testid="engine-restarting"], .dim',
      )
    )
      return true;
    const main = document.querySelector('main');
    if (!main || /^…$/m.test(main.innerText)) return true;
    return ![...document.querySelectorAll('.chart-card')].every(
      (c) => c.querySelector('.echart[data-rendered="true"]') || c.querySelector('[data-empty]'),
    );
  });
}

/** Waits until nothing is busy and the page's text and URL have stayed the same for three looks. */
async function settle(page: Page, timeoutMs = 60_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  let last = '';
  let same = 0;
  while (Date.now() < until) {
    await page.waitForTimeout(200);
    const now = await page.evaluate(() => location.hash + '\n' + document.body.innerText).catch(() => 'navigating');
    const quiet = now !== 'navigating' && !(await busy(page).catch(() => true));
    same = quiet && now === last ? same + 1 : 0;
    last = now;
    if (same >= 3) return true;
  }
  return false;
}

// --- the URL, parsed as the app's schema reads it ----------------------------------------------------

interface UrlState {
  readonly view: ViewName | null;
  readonly query: Record<string, string>;
  readonly global: GlobalState;
}

function parseHash(hash: string): UrlState {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const name = path.replace(/^\//, '');
  const view = (VIEW_NAMES as readonly string[]).includes(name) ? (name as ViewName) : null;
  const query = flatQuery(Object.fromEntries(new URLSearchParams(search)));
  return { view, query: query as Record<string, string>, global: readGlobal(query) };
}

const datasetOf = (g: GlobalState): SoakDataset | null =>
  g.dataset === null || g.dataset === 'demo' ? 'demo' : g.dataset === 'real' ? 'real' : null;

/** The view's segmented controls and the URL choice each one shows. */
function expectedSegments(view: ViewName, q: Record<string, string>): Record<string, string> {
  switch (view) {
    case 'outcomes': {
      const s = readView('outcomes', q);
      return { 'outcomes-by': s.by, 'outcomes-reason': s.reason, 'outcomes-mode': s.mode };
    }
    case 'applicants': {
      const s = readView('applicants', q);
      return { 'applicants-mode': s.mode, 'applicants-by': s.by };
    }
    case 'litigation':
      return { 'litigation-by': readView('litigation', q).by };
    case 'trends': {
      const s = readView('trends', q);
      return {
        'trend-mode': s.mode,
        'trend-panel': s.balanced ? 'balanced' : 'all',
        ...(s.by ? { 'trend-by': s.by } : {}),
      };
    }
    case 'quality': {
      const s = readView('quality', q);
      return { 'quality-by': s.by, 'quality-sort': s.sort };
    }
    default:
      return {};
  }
}

// --- the walk ---------------------------------------------------------------------------------------

type Action = (ctx: Ctx) => Promise<string | null>;

interface Ctx {
  readonly page: Page;
  readonly pick: <T>(xs: readonly T[]) => T;
  readonly random: () => number;
  readonly agencies: Record<SoakDataset, AgencyName[]>;
}

const TIMEOUT = { timeout: 3_000 };

async function clickRandom(ctx: Ctx, selector: string): Promise<string | null> {
  const els = await ctx.page.locator(selector).all();
  const visible = [];
  for (const e of els) if (await e.isVisible().catch(() => false)) visible.push(e);
  if (!visible.length) return null;
  const el = ctx.pick(visible);
  const label = (await el.getAttribute('data-key').catch(() => null)) ?? (await el.innerText().catch(() => '?'));
  await el.click(TIMEOUT);
  return label.trim().slice(0, 30);
}

async function selectRandom(ctx: Ctx, testId: string): Promise<string | null> {
  const select = ctx.page.locator(`[data-testid="${testId}"]`);
  if (!(await select.isVisible().catch(() => false))) return null;
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  if (!values.length) return null;
  const v = ctx.pick(values);
  await select.selectOption(v, TIMEOUT);
  return `${testId}=${v || '∅'}`;
}

const ACTIONS: Record<string, { weight: number; run: Action }> = {
  tab: {
    weight: 14,
    run: async (ctx) => {
      const view = ctx.pick(VIEW_NAMES);
      await ctx.page.locator(`[data-testid="tab-${view}"]`).click(TIMEOUT);
      return view;
    },
  },
  year: { weight: 8, run: (ctx) => selectRandom(ctx, ctx.pick(['year-from', 'year-to'])) },
  level: { weight: 6, run: (ctx) => clickRandom(ctx, '[data-testid="level"] button') },
  kind: { weight: 5, run: (ctx) => clickRandom(ctx, '[data-testid="kind"] button') },
  region: { weight: 5, run: (ctx) => selectRandom(ctx, ctx.pick(['province', 'province', 'city', 'county'])) },
  sector: { weight: 3, run: (ctx) => selectRandom(ctx, 'sector') },
  agencyAdd: {
    weight: 6,
    run: async (ctx) => {
      const box = ctx.page.locator('[data-testid="agency-search"]');
      if (!(await box.isVisible().catch(() => false))) return null;
      const ds = datasetOf(parseHash(new URL(ctx.page.url()).hash).global) ?? 'demo';
      const a = ctx.pick(ctx.agencies[ds]);
      const start = Math.floor(ctx.random() * Math.max(1, a.name.length - 3));
      const text = a.name.slice(start, start + 3);
      await box.fill(text, TIMEOUT);
      const option = ctx.page.locator('[role="listbox"] li[role="option"][data-id]').first();
      if (
        !(await option.waitFor(TIMEOUT).then(
          () => true,
          () => false,
        ))
      ) {
        await box.fill('');
        return null;
      }
      const id = await option.getAttribute('data-id');
      await option.dispatchEvent('mousedown');
      await box.fill('').catch(() => undefined);
      return `${text} → ${id}`;
    },
  },
  agencyRemove: {
    weight: 3,
    run: (ctx) => clickRandom(ctx, '[data-testid="agency-picker"] li.chip button.x, [data-testid="agency-clear"]'),
  },
  reset: { weight: 1, run: (ctx) => clickRandom(ctx, '[data-testid="reset-filters"]') },
  dataset: {
    weight: 5,
    run: async (ctx) => {
      const select = ctx.page.locator('[data-testid="dataset"]');
      const now = await select.inputValue(TIMEOUT);
      const next = now === 'real' ? 'demo' : 'real';
      await select.selectOption(next, TIMEOUT);
      return next;
    },
  },
  language: {
    weight: 4,
    run: async (ctx) => {
      await ctx.page.locator('[data-testid="language"]').click(TIMEOUT);
      return 'toggle';
    },
  },
  back: {
    weight: 5,
    run: async (ctx) => {
      await ctx.page.goBack({ waitUntil: 'commit', timeout: 5_000 }).catch(() => null);
      return 'back';
    },
  },
  forward: {
    weight: 2,
    run: async (ctx) => {
      await ctx.page.goForward({ waitUntil: 'commit', timeout: 5_000 }).catch(() => null);
      return 'forward';
    },
  },
  viewControl: {
    weight: 16,
    run: (ctx) =>
      clickRandom(
        ctx,
        [
          'main .segmented button:not([disabled]):not([aria-checked="true"])',
          'main [data-testid="compare-indicators"] button',
          'main [data-testid="trend-indicators"] button',
          'main [data-testid="ranking-table"] button.sort',
          'main [data-testid="page-next"]:not([disabled])',
          'main [data-testid="page-prev"]:not([disabled])',
        ].join(', '),
      ),
  },
  trendBase: { weight: 1, run: (ctx) => selectRandom(ctx, 'trend-base') },
  reload: {
    weight: 1,
    run: async (ctx) => {
      await ctx.page.reload({ waitUntil: 'commit' });
      return 'reload';
    },
  },
};

function weighted(random: () => number): string {
  const entries = Object.entries(ACTIONS);
  const total = entries.reduce((s, [, a]) => s + a.weight, 0);
  let r = random() * total;
  for (const [name, a] of entries) {
    r -= a.weight;
    if (r < 0) return name;
  }
  return entries[0]?.[0] as string;
}

// --- checks -----------------------------------------------------------------------------------------

interface CheckOutcome {
  comparisons: number;
  mismatches: Mismatch[];
}

async function checkpoint(page: Page, oracle: Oracle, step: number): Promise<CheckOutcome> {
  const mismatches: Mismatch[] = [];
  let comparisons = 0;
  const settled = await settle(page);
  const s = await snapshot(page);
  const url = decodeURIComponent(s.hash);
  const expect = (what: string, expected: unknown, shown: unknown) => {
    comparisons++;
    const [e, v] = [JSON.stringify(expected), JSON.stringify(shown)];
    if (e !== v) mismatches.push({ step, url, what, expected: e, shown: v });
  };
  expect('page settled (loading banner cleared, cards answered)', true, settled);
  expect('no error banner', [], s.banners);
  const { view, query, global: g } = parseHash(s.hash);
  expect('route is a view', true, view !== null);
  if (!view) return { comparisons, mismatches };
  expect('active tab', `tab-${view}`, s.activeTab);
  expect('page language', g.lang === 'en' ? 'en' : 'zh-CN', s.htmlLang);
  const ds = datasetOf(g);
  expect('dataset is bundled', true, ds !== null);
  if (!ds) return { comparisons, mismatches };
  expect('dataset menu', ds, s.dataset);

  const f = g.filters;
  const filtered = !['report', 'data', 'import', 'glossary'].includes(view);
  if (filtered) {
    expect('year-from menu', f.yearFrom === null ? '' : String(f.yearFrom), s.selects['year-from']);
    expect('year-to menu', f.yearTo === null ? '' : String(f.yearTo), s.selects['year-to']);
    expect('level chips', [...f.levels].sort(), [...(s.chips.level ?? [])].sort());
    expect('kind chips', [...f.kinds].sort(), [...(s.chips.kind ?? [])].sort());
    expect('province menu', f.province ?? '', s.selects.province);
    if (s.selects.city !== null) expect('city menu', f.city ?? '', s.selects.city);
    if (s.selects.sector !== null) expect('sector menu', f.sectors[0] ?? '', s.selects.sector);
    expect('picked agencies', [...f.agencies].sort(), [...s.picked].sort());
  }
  for (const [id, want] of Object.entries(expectedSegments(view, query))) {
    expect(`${id} control`, want, s.segmented[id] ?? null);
  }

  const years = await oracle.years(ds);
  const from = f.yearFrom ?? years[0] ?? null;
  const to = f.yearTo ?? years.at(-1) ?? null;

  if (view === 'overview' && to !== null) {
    expect('headline year in the title', true, s.viewTitle.includes(String(to)));
    const want = await oracle.headline(ds, f, to);
    for (const key of OVERVIEW_KEYS) {
      const fig = want[key];
      const card = s.kpis[key];
      comparisons++;
      if (!fig || !card || !shownMatches(card.value, fig.value, FORMULAS[key]?.unit ?? 'count')) {
        mismatches.push({
          step,
          url,
          what: `KPI ${key}`,
          expected: String(fig?.value),
          shown: card?.value ?? 'absent',
        });
      }
      expect(`KPI ${key} basis (reports)`, String(fig?.n), card?.note.replace(/\D/g, ''));
    }
  }

  if (view === 'compare' && from !== null && to !== null) {
    const c = readView('compare', query);
    const picked = f.agencies.length > 0 && c.scope !== 'all';
    const allowed = await oracle.agenciesIn(ds, f, from, to, picked);
    const ranked = s.ranking;
    for (const row of ranked) {
      expect(`ranking row ${row.id} belongs to the filters`, true, allowed.has(row.id));
      for (const [cell, text] of Object.entries(row.cells)) {
        const [key = '', field] = cell.split('.');
        if (field !== 'start' && field !== 'end') continue;
        const formula = FORMULAS[key];
        if (!formula) continue;
        const value = await oracle.agencyFigure(ds, row.id, key, field === 'start' ? from : to);
        comparisons++;
        if (!shownMatches(text, value, formula.unit)) {
          mismatches.push({ step, url, what: `ranking ${row.id} ${cell}`, expected: String(value), shown: text });
        }
      }
    }
    const cols = c.cols.length ? c.cols : ['new_requests', 'disclosure_rate', 'denial_rate'];
    expect('compare indicator chips', [...cols].sort(), [...(s.chips['compare-indicators'] ?? [])].sort());
  }
  return { comparisons, mismatches };
}

// --- memory -----------------------------------------------------------------------------------------

/** JS heap in use after a forced garbage collection, in bytes. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

// --- the soak ---------------------------------------------------------------------------------------

export async function runSoak(h: Harness, opts: SoakOptions): Promise<SoakResult> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const oracle = await Oracle.open();
  const agencies = { demo: await oracle.agencies('demo'), real: await oracle.agencies('real') };
  const random = rng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const { page, errors } = await openPage(h, START);
  // tsx (esbuild keepNames) wraps named functions in `__name(…)`, which the page does not have.
  const shim = 'globalThis.__name = globalThis.__name || ((f) => f)';
  await page.addInitScript(shim);
  await page.evaluate(shim);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const ctx: Ctx = { page, pick, random, agencies };

  const mismatches: Mismatch[] = [];
  const actions: Record<string, number> = {};
  const views: Record<string, number> = {};
  let comparisons = 0;
  let checkpoints = 0;
  const skipped: Record<string, number> = {};
  let lastReload = 0;

  const checkHere = async (step: number) => {
    const out = await checkpoint(page, oracle, step);
    comparisons += out.comparisons;
    mismatches.push(...out.mismatches);
    const view = parseHash(new URL(page.url()).hash).view ?? '?';
    views[view] = (views[view] ?? 0) + 1;
    log(
      `step ${String(step).padStart(4)}  ${view.padEnd(10)} checks ${String(out.comparisons).padStart(3)}  mismatches ${out.mismatches.length}`,
    );
    for (const m of out.mismatches) log(`  ✗ ${m.what}: expected ${m.expected}, shown ${m.shown}  (${m.url})`);
    return view;
  };
  /** The view the walk is on; then, through their tabs (which carry the filters), Overview and Compare. */
  const check = async (step: number) => {
    checkpoints++;
    const here = await checkHere(step);
    for (const view of ['overview', 'compare'] as const) {
      if (view === here || !(await page.locator(`[data-testid="tab-${view}"]`).isVisible())) continue;
      await page.locator(`[data-testid="tab-${view}"]`).click(TIMEOUT);
      await checkHere(step);
    }
  };

  await check(0);
  const firstRender = await heapAfterGc(cdp);
  log(`heap after first render: ${(firstRender / 2 ** 20).toFixed(1)} MiB`);
  // Every view once, in both datasets and languages, then the start page again: the baseline.
  const tour = [
    ...VIEW_NAMES.map((v) => `#/${v}?v=1&noanim=1`),
    ...VIEW_NAMES.map((v) => `#/${v}?v=1&noanim=1&ds=real&lang=en`),
    START,
  ];
  for (const hash of tour) {
    await page.evaluate((to) => void (location.hash = to), hash);
    await settle(page);
  }
  const baseline = await heapAfterGc(cdp);
  log(`heap after every view once: ${(baseline / 2 ** 20).toFixed(1)} MiB`);

  for (let step = 1; step <= opts.steps; step++) {
    // An action with nothing to act on here (no filter bar on the Glossary, no next page) gives
    // way to another draw, so that every step does something.
    for (let attempt = 0; attempt < 5; attempt++) {
      const name = weighted(random);
      const action = ACTIONS[name] as { run: Action };
      const did = await action.run(ctx).catch((e: Error) => {
        log(`  step ${step} ${name}: ${e.message.split('\n')[0]}`);
        return null;
      });
      if (did === null) {
        skipped[name] = (skipped[name] ?? 0) + 1;
        continue;
      }
      actions[name] = (actions[name] ?? 0) + 1;
      if (name === 'reload') lastReload = step;
      break;
    }
    // Sometimes straight on to the next action (racing the app), sometimes a pause.
    await page.waitForTimeout(Math.floor(random() * 400));
    if (step % opts.checkEvery === 0 || step === opts.steps) await check(step);
  }

  // Back to the first picture without a reload, so the heap compares like with like.
  await page.evaluate((hash) => void (location.hash = hash), START);
  await settle(page);
  const after = await heapAfterGc(cdp);
  log(`heap after the soak: ${(after / 2 ** 20).toFixed(1)} MiB`);
  await page.close();
  return {
    steps: opts.steps,
    seed: opts.seed,
    checkpoints,
    comparisons,
    mismatches,
    pageErrors: [...errors],
    actions,
    skipped,
    views,
    memory: { firstRender, baseline, after, ratio: after / baseline, ratioFirst: after / firstRender },
    stepsSinceReload: opts.steps - lastReload,
    durationMs: Date.now() - started,
  };
}

/** What the soak found wrong, in lines (empty when nothing). */
export function soakFailures(r: SoakResult, maxHeapRatio = 1.2): string[] {
  return [
    ...r.mismatches.map((m) => `step ${m.step}: ${m.what}: expected ${m.expected}, shown ${m.shown} (${m.url})`),
    ...r.pageErrors.map((e) => `page error: ${e}`),
    ...(r.memory.ratio > maxHeapRatio
      ? [`heap grew ${r.memory.ratio.toFixed(2)}× over its baseline (limit ${maxHeapRatio}×) in ${r.steps} steps`]
      : []),
  ];
}
