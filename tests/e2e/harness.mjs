// Shared set-up for the end-to-end tests: a loopback static server for dist/,
// Debian's Chromium headless shell through playwright-core, request recording,
// and waits that are bounded and say what they waited for.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { DIST, serveDist, serveDir } from '../../scripts/serve.mjs';

export { DIST, serveDist };
export const STANDALONE_URL = pathToFileURL(join(DIST, 'standalone.html')).href;

/**
 * How long any one wait may take. Every page and context the tests open gets it
 * as its default (clicks, fills, navigations), and every explicit wait goes
 * through `bounded` below, which fails saying what it waited for.
 */
export const WAIT_MS = 30000;

/**
 * Runs `wait(ms)`, a Playwright wait given its timeout. If it times out, fails with
 * "timed out after <ms> ms waiting for: <what>" (Playwright's own message does not
 * say what a waitForFunction was waiting for). Other errors pass through.
 */
export async function bounded(what, wait, ms = WAIT_MS) {
  try {
    return await wait(ms);
  } catch (e) {
    if (e?.name === 'TimeoutError') throw new Error(`timed out after ${ms} ms waiting for: ${what}`, { cause: e });
    throw e;
  }
}

/**
 * `scope.waitForFunction(predicate, arg)` on a page or frame, bounded by `ms`, failing
 * with `what` (a description of the awaited state). Returns the predicate's handle.
 */
export function waitUntil(scope, what, predicate, arg, ms = WAIT_MS) {
  return bounded(what, (timeout) => scope.waitForFunction(predicate, arg, { timeout }), ms);
}

/** Waits (bounded) until `selector` matches in `scope` (page or frame) with `state` (default visible). */
export function waitForElement(scope, selector, { state = 'visible', ms = WAIT_MS } = {}) {
  return bounded(`${selector} to be ${state}`, (timeout) => scope.waitForSelector(selector, { state, timeout }), ms);
}

/**
 * Waits (bounded) until `locator` is in the DOM; `what` names it. Attached, not
 * visible: in the compact layout a result sits in a closed disclosure.
 */
export function waitForLocator(locator, what, ms = WAIT_MS) {
  return bounded(`${what} to be in the page`, (timeout) => locator.waitFor({ state: 'attached', timeout }), ms);
}

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

/**
 * The browser: Debian's chromium-headless-shell (scripts/setup.sh installs it), the
 * same Chromium build as /usr/bin/chromium without the desktop browser around the
 * engine, as Playwright itself runs headless tests. The full browser parses the
 * page's form fields for autofill after each key press (measured with a trace: about
 * 20 ms of CPU a key on hostile.test.mjs's page), which the 2-core machine pays for
 * in every typing test. CHROMIUM=/usr/bin/chromium runs the suite in the full browser.
 */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/lib/chromium/chromium-headless-shell';

/** Launches headless Chromium with the flags this closed network needs, plus any extra `args`. */
export function launch({ args = [] } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install it with scripts/setup.sh (apt-get install chromium-headless-shell), or set CHROMIUM to a Chromium binary`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage', ...args,
    ],
  });
}

/** A new page (in a new context whose waits default to WAIT_MS) that records every request URL and every console error / page error. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, context, requests, errors };
}

/**
 * Opens `body` as a new page at `<origin>fresh.html` (served by the test, not a
 * file), so relative URLs such as `kling-calc.js` resolve next to dist/'s own;
 * `setup(page)` runs before it loads (routes, init scripts); `options` are the
 * context's, as for [`openPage`].
 */
export async function openBody(browser, origin, body, setup, options = {}) {
  const handle = await openPage(browser, options);
  await setup?.(handle.page);
  const url = `${origin}fresh.html`;
  await handle.page.route(url, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fresh</title></head><body>${body}</body></html>`,
  }));
  await handle.page.goto(url);
  return handle;
}

/** [`openPage`], also recording CSP violations: `securitypolicyviolation` events in `window.cspViolations`, console messages in `consoleCsp`. */
export async function openCspPage(browser, options = {}) {
  const opened = await openPage(browser, options);
  await opened.page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const consoleCsp = [];
  opened.page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text()); });
  return { ...opened, consoleCsp };
}

/**
 * Records the page's layout shifts from its start (call before it loads):
 * `layout-shift` entries without recent input that start within `windowMs`,
 * summed as CLS, as scripts/bench.mjs measures it. [`shifts`] reads them.
 * (The default is an hour, not Infinity: the argument travels as JSON.)
 */
export function recordShifts(page, windowMs = 3600e3) {
  return page.addInitScript((windowMs) => {
    window.__shift = { cls: 0, entries: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput || e.startTime >= windowMs) continue;
        window.__shift.cls += e.value;
        window.__shift.entries.push(e.sources.map((s) => s.node?.nodeName ?? '?').join(',') + `@${Math.round(e.startTime)}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }, windowMs);
}

/** The shifts [`recordShifts`] saw, `{ cls, entries }`, read a frame after the last one could have been delivered. */
export async function shifts(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => window.__shift);
}

/**
 * Every mount element's (`mounts`) metrics in page order: [key, data-value,
 * text] of each `[data-metric]`, read from the live widget if `live` and the
 * element has one, else from its static render (the only one with JavaScript
 * off). A page function: `page.evaluate(readMetrics, { live })`.
 */
export function readMetrics({ live, mounts = '[data-kling-calc]' }) {
  return [...document.querySelectorAll(mounts)].map((el) => {
    const root = live ? el.querySelector(':scope > .kc-root:not([data-kc-static])') : el.querySelector(':scope > [data-kc-static]');
    return root ? [...root.querySelectorAll('[data-metric]')].map((m) => [m.dataset.metric, m.dataset.value, m.textContent]) : null;
  });
}

/**
 * A live widget's root. Until its widget starts, a mount element holds the
 * build's static render (`div.kc-root.kc-static[data-kc-static]`), which has
 * the same `data-metric`s and fields; the widget removes it when it first
 * renders, so a test that waits for `LIVE` then finds only the live one.
 */
export const LIVE = '.kc-root:not([data-kc-static])';

/** Waits until the element `sel` in `scope` (a page or frame) holds a live widget, not a static render or a failure message. */
export function waitForLive(scope, sel) {
  return waitUntil(scope, `${sel} to hold a live widget`, ([s, live]) => document.querySelector(s)?.querySelector(`${live} .kc:not(.kc-failed)`), [sel, LIVE]);
}

/** Waits until the live widget has rendered a value for `metric`; returns that value. */
export async function metricValue(page, metric) {
  const sel = `[data-metric="${metric}"]`;
  await waitForElement(page, `${LIVE} ${sel}`, { state: 'attached' });
  return page.$eval(sel, (el) => el.getAttribute('data-value'));
}

/** Waits until `metric`'s data-value differs from `previous`; returns the new value. */
export async function nextMetricValue(page, metric, previous) {
  const handle = await waitUntil(
    page,
    `${metric}'s data-value to change from ${JSON.stringify(previous)}`,
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
 * opening its disclosure first if it is closed. `within` (a selector) picks
 * the widget on a page that holds several. */
export async function typeInto(page, input, text, within = '') {
  const sel = `${within} [data-input="${input}"]`.trim();
  const field = page.locator(sel);
  await reveal(field);
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  // Settle: every key has reached the field, and the widget has rendered what
  // the last one produced (yew renders before the next frame), so a reading
  // taken now is of the whole text, never of a prefix typed so far.
  await waitUntil(page, `${input} to show the typed text ${JSON.stringify(text)}`, ([s, t]) => document.querySelector(s)?.value === t, [sel, text], 10000);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Opens every disclosure in `scope` (a page or frame) and waits until each
 * metric's "how" explanation has rendered (the widget builds it only when opened).
 */
export async function openAllDetails(scope) {
  await scope.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await waitUntil(scope, 'every opened "how" explanation to render', () => [...document.querySelectorAll('.kc-metric details.kc-how')].every((d) => d.querySelector('p')));
}

/** The figures edition the build carries (`klingCalc.edition`), read once from
 * `index.html`, so tests build share links without a literal edition. */
let editionCache;
export async function currentEdition(env) {
  if (!editionCache) {
    const page = await env.browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${env.server.url}index.html`);
    await waitUntil(page, 'window.klingCalc.edition', () => window.klingCalc && window.klingCalc.edition, null, 10000);
    editionCache = await page.evaluate(() => window.klingCalc.edition);
    await page.close();
  }
  return editionCache;
}

/** axe-core's script, injected into a page by [`axe`]. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on `page` (injected once) for WCAG 2.2 A and AA: `found` lists
 * each violation as `id: count (first target)`, `passes` the ids of the rules
 * that passed, so a test can check that axe really checked something.
 */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return {
    found: result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0].target.join(' ')})`),
    passes: result.passes.map((p) => p.id),
  };
}
