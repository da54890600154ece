// Shared set-up for the end-to-end tests: a loopback static server for dist/,
// headless Debian Chromium through playwright-core, and request recording.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { DIST, serveDist, serveDir } from '../../scripts/serve.mjs';

export { DIST, serveDist };
export const STANDALONE_URL = pathToFileURL(join(DIST, 'standalone.html')).href;

/**
 * The set-up most test files share: before their tests, a loopback server for
 * `root` (dist/ unless told) and a browser launched with any extra `args`; after
 * them, both closed. Returns an object whose `server` and `browser` are set once
 * the hooks have run, so tests read `env.server.url` and `env.browser`.
 */
export function suite({ root = DIST, args = [] } = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serveDir(root);
    env.browser = await launch({ args });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Launches headless Chromium with the flags this closed network needs, plus any extra `args`. */
export function launch({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage', ...args,
    ],
  });
}

/** A new page that records every request URL and every console error / page error. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, context, requests, errors };
}

/** Waits until the widget has rendered a value for `metric`; returns that value. */
export async function metricValue(page, metric) {
  const sel = `[data-metric="${metric}"]`;
  await page.waitForSelector(sel, { state: 'attached' });
  return page.$eval(sel, (el) => el.getAttribute('data-value'));
}

/** Waits until `metric`'s data-value differs from `previous`; returns the new value. */
export async function nextMetricValue(page, metric, previous) {
  const handle = await page.waitForFunction(
    ([sel, prev]) => {
      const el = document.querySelector(sel);
      return el && el.getAttribute('data-value') !== prev ? el.getAttribute('data-value') : null;
    },
    [`[data-metric="${metric}"]`, previous],
  );
  return handle.jsonValue();
}

/**
 * Opens the closed disclosures around the element of `locator` by clicking
 * their summaries, as a reader would: in the compact layout a section's
 * fields sit behind "Adjust all N figures".
 */
export async function reveal(locator) {
  const closed = await locator.evaluate((el) => {
    let n = 0;
    for (let d = el.closest('details:not([open])'); d; d = d.parentElement?.closest('details:not([open])') ?? null) {
      d.setAttribute('data-e2e-reveal', String(n++));
    }
    return n;
  });
  // Outermost first, so each summary is visible when it is clicked.
  for (let k = closed - 1; k >= 0; k--) {
    const details = locator.page().locator(`details[data-e2e-reveal="${k}"]`);
    await details.locator(':scope > summary').click();
    await details.evaluate((d) => d.removeAttribute('data-e2e-reveal'));
  }
}

/** Replaces a field's text with real key presses (select all, then type),
 * opening its disclosure first if it is closed. */
export async function typeInto(page, input, text) {
  const sel = `[data-input="${input}"]`;
  const field = page.locator(sel);
  await reveal(field);
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  // Settle: every key has reached the field, and the widget has rendered what
  // the last one produced (yew renders before the next frame), so a reading
  // taken now is of the whole text, never of a prefix typed so far.
  await page
    .waitForFunction(([s, t]) => document.querySelector(s)?.value === t, [sel, text], { timeout: 10000 })
    .catch(() => { throw new Error(`typeInto: ${input} never showed the typed text ${JSON.stringify(text)}`); });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Opens every disclosure in `scope` (a page or frame) and waits until each
 * metric's "how" explanation has rendered (the widget builds it only when opened).
 */
export async function openAllDetails(scope) {
  await scope.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await scope.waitForFunction(() => [...document.querySelectorAll('.kc-metric details.kc-how')].every((d) => d.querySelector('p')));
}

/** The figures edition the build carries (`klingCalc.edition`), read once from
 * `index.html`, so tests build share links without a literal edition. */
let editionCache;
export async function currentEdition(env) {
  if (!editionCache) {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}index.html`);
    await page.waitForFunction(() => window.klingCalc && window.klingCalc.edition, null, { timeout: 10000 });
    editionCache = await page.evaluate(() => window.klingCalc.edition);
    await page.close();
  }
  return editionCache;
}
