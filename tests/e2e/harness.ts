import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type ConsoleMessage, type Page, type Route } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../screenshots', import.meta.url));

/** Chromium from PATH (Debian's package); never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH || 'chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Harness {
  readonly baseUrl: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Serves the built app (run `vite build` first) and starts the browser. */
export async function startHarness(): Promise<Harness> {
  // E2E_DIST lets several builds be tested side by side (default: dist/).
  const server: PreviewServer = await preview({
    root,
    build: { outDir: process.env.E2E_DIST ?? 'dist' },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await chromium.launch({ executablePath: await resolveChromium(), args: FLAGS, headless: true });
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

async function resolveChromium(): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  if (CHROMIUM.includes('/')) return CHROMIUM;
  return execFileSync('sh', ['-c', `command -v ${CHROMIUM}`])
    .toString()
    .trim();
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[];
}

export async function openPage(
  h: Harness,
  path: string,
  viewport = { width: 1360, height: 900 },
  /** Runs on the new page before it navigates (init scripts, event hooks). */
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<WatchedPage> {
  const page = await h.browser.newPage({ viewport, deviceScaleFactor: 1 });
  // E2E_CPU_SLOWDOWN=4 runs the page as on a machine four times slower (as a loaded CI runner can
  // be): a test that only passes on a fast machine is racing the app and shows up here.
  const slowdown = Number(process.env.E2E_CPU_SLOWDOWN);
  if (slowdown > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // Anything not served by the app itself would be a CDN or remote call: refuse and record it.
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
    errors.push(`remote request: ${route.request().url()}`);
    return route.abort();
  });
  await page.addInitScript(recordEmptyStates);
  if (beforeLoad) await beforeLoad(page);
  await page.goto(new URL(path, h.baseUrl).toString());
  return { page, errors };
}

/**
 * Opens a page with the engine's wasm held back: nothing can be loaded until `release` is called,
 * so whatever figures appear before that came from an answer book.
 */
export async function openHeld(
  h: Harness,
  path: string,
  viewport?: { width: number; height: number },
): Promise<WatchedPage & { release: () => Promise<void> }> {
  const held: Route[] = [];
  let released = false;
  const watched = await openPage(h, path, viewport, async (page) => {
    await page.route(/duckdb-(eh|mvp)-[^/]*\.wasm$/, (route) => (released ? route.continue() : void held.push(route)));
  });
  const release = async () => {
    released = true;
    await Promise.all(held.map((r) => r.continue()));
  };
  return { ...watched, release };
}

/**
 * Runs in the page before the app: notes every "no data" message that appears, with the title of
 * its card, so a test can tell a true empty result from a flash of "no data" before the answer.
 */
function recordEmptyStates(): void {
  const seen = new Set<string>();
  (window as unknown as { __emptySeen: Set<string> }).__emptySeen = seen;
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('[data-empty]')) {
      const card = el.closest('.card');
      seen.add(card?.querySelector('h3')?.textContent?.trim() ?? '?');
    }
  }).observe(document, { subtree: true, childList: true });
}

/**
 * Titles of the cards that said "no data" at some moment since the page opened but do not now: a
 * view that says so before its answer arrives misleads the reader (and races any test).
 */
export function emptyFlashes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const now = new Set(
      [...document.querySelectorAll('[data-empty]')].map(
        (el) => el.closest('.card')?.querySelector('h3')?.textContent?.trim() ?? '?',
      ),
    );
    return [...(window as unknown as { __emptySeen: Set<string> }).__emptySeen].filter((t) => !now.has(t));
  });
}

/** Waits until the dataset is loaded and every chart on the page has rendered or said "no data". */
export async function waitForCharts(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="kpis"], .data-view', { timeout: 60_000 });
  await page.waitForFunction(
    () => {
      const cards = [...document.querySelectorAll('.chart-card')];
      return (
        cards.every((c) => c.querySelector('.echart[data-rendered="true"]') || c.querySelector('[data-empty]')) &&
        !document.querySelector('.chart-body.dim')
      );
    },
    undefined,
    { timeout: 60_000 },
  );
}

/**
 * Waits until the engine holds the data and every build-time answer shown so far has been answered
 * live (confirmed or replaced): until then a query the test arms or watches may still be in flight
 * for the state the page opened on.
 */
export async function waitForLive(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const n = (name: string) => performance.getEntriesByName(name).length;
      return (
        n('dataset-loaded') > 0 &&
        n('stored-answer-confirmed') + n('stored-answer-replaced') >= n('stored-answer-shown')
      );
    },
    undefined,
    { timeout: 90_000 },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}
