// End-to-end: how the pages start the widget (issue 16's "interactive").
// index.html compiles the wasm whose download a script in <head> began, from a
// classic script that, like the module script, ends the body, and standalone.html
// decodes the data block carrying it the same way; both begin before
// `DOMContentLoaded`, ahead of the module script; the widget starts only
// after the page's first frame, and a widget that replaces an untouched
// static render shows first and fills its closed disclosures once it has been
// painted, before `kling-calc:ready`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, waitUntil, metricValue, LIVE, STANDALONE_URL } from './harness.mjs';

const env = suite();

/**
 * Records, by the page's own clock: the first frame (a requestAnimationFrame
 * callback registered before any of the page's scripts), when the live widget
 * enters the page and how many fields it then holds, every frame after that,
 * when its fields are all there, and what `kling-calc:ready` finds.
 */
function record() {
  const r = (window.__start = { firstFrame: null, live: null, fieldsAtLive: null, frames: [], complete: null, ready: null, fieldsAtReady: null, staticIds: null, compile: null, dcl: null });
  const now = () => performance.now();
  requestAnimationFrame(() => { r.firstFrame = now(); });
  // Served pages compile from the response (streaming), standalone.html from bytes.
  for (const name of ['compileStreaming', 'compile']) {
    const compile = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      if (r.compile === null) r.compile = now();
      return compile.apply(this, args);
    };
  }
  const ids = (root) => [...document.querySelectorAll(`${root} [data-input]`)].map((e) => e.dataset.input);
  // Parsed, before any deferred or module script runs: the static render as published.
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') r.staticIds = ids('[data-kc-static]');
  });
  addEventListener('DOMContentLoaded', () => { r.dcl = now(); });
  const fields = () => ids('.kc-root:not([data-kc-static])').length;
  const frame = () => {
    r.frames.push(now());
    if (r.complete === null) requestAnimationFrame(frame);
  };
  new MutationObserver(() => {
    if (r.live === null && document.querySelector('.kc-root:not([data-kc-static])')) {
      r.live = now();
      r.fieldsAtLive = fields();
      requestAnimationFrame(frame);
    }
    if (r.live !== null && r.complete === null && r.staticIds && fields() === r.staticIds.length) r.complete = now();
  }).observe(document, { subtree: true, childList: true });
  addEventListener('kling-calc:ready', () => {
    r.ready = now();
    r.fieldsAtReady = fields();
  });
}

// The served page and the one-file page, each as a reader opens it.
const PAGES = [
  ['index.html, served', () => `${env.server.url}index.html?lang=en`],
  ['standalone.html from file://', () => `${STANDALONE_URL}?lang=en`],
];

for (const [name, url] of PAGES) {
  test(`${name}: the widget starts after the first frame, shows before its closed disclosures fill, and fills them before kling-calc:ready`, async () => {
    const { page, context, errors, requests } = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
    await page.addInitScript(record);
    await page.goto(url());
    await waitUntil(page, 'kling-calc:ready', () => window.__start.ready !== null);
    const r = await page.evaluate(() => window.__start);
    assert.ok(r.staticIds.length > 0, 'the static render holds the fields');
    assert.ok(r.firstFrame !== null && r.firstFrame <= r.live, `first frame at ${r.firstFrame} ms, live widget at ${r.live} ms`);
    assert.equal(r.fieldsAtLive, 0, 'the live widget enters the page with its closed disclosures empty');
    // At least one frame (with the live widget in it) between its entry and its completion.
    assert.ok(r.complete !== null && r.frames.some((t) => t < r.complete), `frames at ${r.frames.join(', ')}; complete at ${r.complete}`);
    assert.equal(r.fieldsAtReady, r.staticIds.length, 'every field of the static render is in the live widget at kling-calc:ready');
    assert.ok(r.complete <= r.ready);
    // The same fields as the static render's, in the same order: the page contract.
    assert.deepEqual(await page.$$eval(`${LIVE} [data-input]`, (els) => els.map((e) => e.dataset.input)), r.staticIds);
    // The compile began while the page was still parsed.
    assert.ok(r.compile !== null && r.compile < r.dcl, `compile at ${r.compile} ms, DOMContentLoaded at ${r.dcl} ms`);
    // Served: from the response the head's fetch began, one download. From file://: no request for a wasm file at all.
    const wasmRequests = requests.filter((u) => u.endsWith('.wasm')).length;
    assert.equal(wasmRequests, url().startsWith('file:') ? 0 : 1, requests.join('\n'));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// The wasm's download starts from a script, so a reader with scripting off,
// who cannot run it, does not download it (a preload link in <head> did).
test('with scripting off, the served pages ask for neither the wasm nor the glue', async () => {
  for (const name of ['index.html', 'embed.html', 'demo-article.html']) {
    const { page, context, requests } = await openPage(env.browser, { javaScriptEnabled: false });
    // (Chromium issues the glue's modulepreload and fails it itself, "csp",
    // with scripting off: only what completes was downloaded.)
    const downloaded = [];
    page.on('requestfinished', (r) => downloaded.push(r.url()));
    const document = page.waitForEvent('requestfinished', { predicate: (r) => r.url().endsWith(name) });
    await page.goto(`${env.server.url}${name}`, { waitUntil: 'load' });
    await document;
    assert.ok(await page.locator('[data-kc-static] [data-metric]').count() > 0, `${name}: the static render shows`);
    assert.deepEqual(requests.filter((u) => u.endsWith('.wasm')), [], `${name}: the wasm is not even asked for`);
    assert.deepEqual(downloaded.filter((u) => /kling-calc-[0-9a-f]+(_bg\.wasm|\.js)$/.test(u)), [], name);
    await context.close();
  }
});

test('standalone.html in a browser without Uint8Array.fromBase64 decodes its wasm by hand and computes the same values', async () => {
  const values = [];
  for (const native of [true, false]) {
    const { page, context, errors } = await openPage(env.browser);
    if (!native) await page.addInitScript(() => { delete Uint8Array.fromBase64; });
    await page.addInitScript(() => addEventListener('kling-calc:ready', () => { window.__ready = true; }));
    await page.goto(`${STANDALONE_URL}?lang=en`);
    await waitUntil(page, 'kling-calc:ready', () => window.__ready === true);
    values.push(await page.$$eval(`${LIVE} [data-metric]`, (els) => els.map((e) => [e.dataset.metric, e.dataset.value])));
    assert.equal(await page.evaluate(() => typeof Uint8Array.fromBase64), native ? 'function' : 'undefined');
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.ok(values[0].length >= 42, `${values[0].length} metrics`);
  assert.deepEqual(values[1], values[0]);
});

test('a server that sends the wasm with another MIME type still starts the widget', async () => {
  const { page, context, errors } = await openPage(env.browser);
  await page.route(/_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${env.server.url}index.html`);
  const value = await metricValue(page, 'kling_share_2025q3');
  assert.ok(Number.isFinite(Number(value)) && value !== '', value);
  // wasm-bindgen's own fallback said why it compiled the slower way.
  assert.ok(warnings.some((w) => w.includes('application/wasm')), warnings.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

// Where nothing is waited for: a hidden page paints no frame to wait for, and
// the full layout has no closed disclosure to fill later.
const COMPLETE_AT_ONCE = [
  ['a page loaded hidden (a background tab)', 'index.html?lang=en', () => {
    Object.defineProperty(document, 'hidden', { get: () => true });
  }],
  ['the full layout', 'index.html?lang=en&layout=full', () => {}],
];
for (const [what, path, setup] of COMPLETE_AT_ONCE) {
  test(`${what}: the live widget enters the page with every field`, async () => {
    const { page, context, errors } = await openPage(env.browser);
    await page.addInitScript(setup);
    await page.addInitScript(record);
    await page.goto(`${env.server.url}${path}`);
    await waitUntil(page, 'kling-calc:ready', () => window.__start.ready !== null);
    const r = await page.evaluate(() => window.__start);
    assert.ok(r.staticIds.length > 0);
    assert.equal(r.fieldsAtLive, r.staticIds.length, `${r.fieldsAtLive} of ${r.staticIds.length} fields when the live widget entered`);
    assert.equal(r.fieldsAtReady, r.staticIds.length);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
