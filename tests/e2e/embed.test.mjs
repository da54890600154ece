// End-to-end: the three ways to embed the widget and what keeps them robust —
// the no-JS view (the build's static render), the iframe that resizes itself (and ignores forged
// messages), the CSP of embed.html and standalone.html, a readable message when
// a host's CSP refuses WebAssembly, and the demo article with two script
// instances under hostile host CSS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  serveDist, launch, openPage, openCspPage, metricValue, nextMetricValue, typeInto, STANDALONE_URL, DIST, openAllDetails, waitUntil, waitForElement, waitForLocator, reveal, LIVE, bounded,
} from './harness.mjs';

let server; // dist/ on one loopback origin: the widget's origin
let host; // a news site on a second loopback origin
let browser;

const MIN_HEIGHT = 200;
const MAX_HEIGHT = 10000;

/** The host page: the documented snippet, one widget iframe, and two would-be forgers. */
function hostPage(widgetOrigin) {
  const snippet = readFileSync(join(DIST, 'embed-parent.js'), 'utf8');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<style>body { margin: 0 } iframe { display: block; width: 640px; height: 300px; border: 0 }</style></head><body>
<iframe id="widget" data-kling-calc-frame title="calculator" src="${widgetOrigin}embed.html?lang=zh-Hant&sections=kling,valuation"></iframe>
<iframe id="evil" title="other origin" src="/evil.html"></iframe>
<iframe id="impostor" title="widget origin, not a widget frame" src="${widgetOrigin}embed-parent.js"></iframe>
<script>${snippet}</script>
<script>
  // Registered after the snippet, so by the time a message is recorded here the snippet has handled it.
  window.seen = [];
  addEventListener('message', (e) => seen.push(e.data));
</script></body></html>`;
}

/** Serves the host page and an unrelated page on a second loopback origin. */
async function serveHost(widgetOrigin) {
  const srv = createServer((req, res) => {
    const body = req.url === '/host.html' ? hostPage(widgetOrigin) : '<!doctype html><title>evil</title>';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${srv.address().port}/`, close: () => new Promise((ok) => srv.close(ok)) };
}

before(async () => {
  server = await serveDist();
  host = await serveHost(server.url);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await server?.close();
});

const fileUrl = (name) => pathToFileURL(join(DIST, name)).href;

// ---------------------------------------------------------------- no JavaScript

for (const name of ['index.html', 'embed.html', 'standalone.html', 'demo-article.html']) {
  test(`no-JS: ${name} shows the widget's static render with its published figures in every mount element`, async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(fileUrl(name));
    const mounts = page.locator('[data-kling-calc]');
    const count = await mounts.count();
    assert.equal(count, name === 'demo-article.html' ? 2 : 1);
    for (let i = 0; i < count; i++) {
      const still = mounts.nth(i).locator(':scope > [data-kc-static] > article.kc');
      assert.ok(await still.locator('.kc-title').isVisible(), `${name} #${i}: the widget's title`);
      // In the mount element's language (data-lang, else zh-Hant).
      const lang = await mounts.nth(i).evaluate((el) => el.dataset.lang ?? 'zh-Hant');
      assert.equal(await still.getAttribute('lang'), lang);
      const share = still.locator('[data-headline="kling_share_2025q3"] [data-value]');
      assert.ok(await share.isVisible(), `${name} #${i}: Kling's share card`);
      assert.equal(await share.getAttribute('data-value'), String(3e8 / 355.54e8));
      assert.equal(await share.textContent(), lang === 'en' ? '≥ 0.84%' : '超過0.84%');
      assert.ok(await still.locator('.kc-edition').isVisible(), `${name} #${i}: edition`);
    }
    await context.close();
  });
}

test('with JavaScript the widget replaces its static render', async () => {
  const { page, context, errors } = await openPage(browser);
  await page.goto(server.url + 'index.html');
  await metricValue(page, 'kling_share_2025q3');
  assert.equal(await page.locator('[data-kling-calc] [data-kc-static]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed.html hides its default static render while a widget of another configuration starts; without JavaScript it stays', async () => {
  // (query, whether the static render is shown while the wasm is held back)
  const cases = [['', true], ['?lang=en', false], ['?sections=kling', false], ['?theme=dark', true]];
  for (const [query, shown] of cases) {
    const { page, context, errors } = await openPage(browser);
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${server.url}embed.html${query}`);
    const still = page.locator('[data-kling-calc] > [data-kc-static]');
    assert.equal(await still.count(), 1, query);
    assert.equal(await still.evaluate((el) => el.querySelector('.kc').getBoundingClientRect().height > 0), shown, `${query}: static render shown`);
    release();
    await waitForElement(page, `${LIVE} [data-metric]`, { state: 'attached' });
    assert.equal(await still.count(), 0, `${query}: replaced by the live widget`);
    assert.deepEqual(errors, [], query);
    await context.close();
  }
  const off = await openPage(browser, { javaScriptEnabled: false });
  await off.page.goto(`${server.url}embed.html?lang=en`);
  assert.ok(await off.page.locator('[data-kc-static] .kc-title').isVisible(), 'without JavaScript the static render is the widget');
  await off.context.close();
});

test('embed.html takes sections from the query, commas plain or percent-encoded', async () => {
  const { page, context, errors } = await openPage(browser);
  // (query, sections shown)
  const cases = [
    ['lang=en&sections=kling,valuation', ['kling', 'valuation']],
    ['lang=en&sections=kling%2Cgoals', ['kling', 'goals']],
    ['lang=en&sections=arpu%2cclaims%2Cbogus', ['arpu', 'claims']],
    ['lang=en&sections=%2C', ['kling', 'growth', 'arpu', 'valuation', 'goals', 'claims', 'sources']],
  ];
  for (const [query, want] of cases) {
    await page.goto(`${server.url}embed.html?${query}`);
    await waitForElement(page, '.kc[lang="en"]');
    assert.deepEqual(await page.$$eval('.kc [data-section]', (s) => s.map((e) => e.dataset.section)), want, query);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------------------------------------------------------------- iframe

/** The framed document's own height, as embed.html measures it. */
const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
/** The widget iframe's height in the host page. */
const iframeHeight = (page) => page.$eval('#widget', (f) => f.getBoundingClientRect().height);

/** Waits until the host's iframe is as tall as the framed content (within 2 px); returns that height. */
async function waitForFit(page, frame) {
  const target = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, await contentHeight(frame)));
  await waitUntil(page, `the widget iframe to be ${target} px tall, as its content (within 2 px)`, (h) => Math.abs(document.getElementById('widget').getBoundingClientRect().height - h) <= 2, target);
  const now = await contentHeight(frame);
  assert.ok(Math.abs((await iframeHeight(page)) - now) <= 2, `iframe ${await iframeHeight(page)} vs content ${now}`);
  return now;
}

/** Posts `data` (tagged with a nonce) to the host from `frame`; resolves once the host has handled it. */
async function postFrom(page, frame, data) {
  const nonce = Math.random().toString(36).slice(2);
  await frame.evaluate((d) => parent.postMessage(d, '*'), { ...data, nonce });
  await waitUntil(page, `the host page to receive the message ${JSON.stringify(data)} from ${frame.url()}`, (n) => window.seen.some((d) => d && d.nonce === n), nonce);
}

test('iframe on another origin: height follows content; forged and malformed messages are ignored or clamped', async () => {
  const { page, context, requests } = await openPage(browser, { viewport: { width: 800, height: 600 } });
  await page.goto(host.url + 'host.html');
  const frame = page.frame({ url: (u) => u.pathname.endsWith('/embed.html') });
  await waitForElement(frame, `${LIVE} [data-metric="kling_share_2025q3"]`, { state: 'attached' });
  assert.equal(await frame.getAttribute('.kc', 'lang'), 'zh-Hant');
  assert.deepEqual(
    await frame.$$eval('[data-section]', (s) => s.map((e) => e.dataset.section)),
    ['kling', 'valuation'],
    '?sections= chooses the sections',
  );
  const first = await waitForFit(page, frame);
  assert.ok(first > 300, `content is taller than the initial 300 px iframe (${first})`);

  // The reader switches language inside the iframe: the height follows.
  await frame.click('button.kc-lang[lang="en"]');
  await waitForElement(frame, '.kc[lang="en"]');
  await waitForFit(page, frame);

  // Content grows (every "how" disclosure opened): the iframe grows with it.
  const before = await iframeHeight(page);
  await openAllDetails(frame);
  await waitUntil(page, `the widget iframe to grow past ${before} + 50 px`, (h) => document.getElementById('widget').getBoundingClientRect().height > h + 50, before);
  await waitForFit(page, frame);
  const grown = await iframeHeight(page);
  assert.ok(grown > before + 50);

  // Forgeries: another origin, and the widget's origin from a window that is not a widget iframe.
  const evil = page.frame({ url: (u) => u.pathname === '/evil.html' });
  const impostor = page.frame({ url: (u) => u.pathname.endsWith('/embed-parent.js') });
  assert.notEqual(new URL(evil.url()).origin, new URL(frame.url()).origin);
  assert.equal(new URL(impostor.url()).origin, new URL(frame.url()).origin);
  for (const forger of [evil, impostor, page.mainFrame()]) {
    await postFrom(page, forger, { type: 'kling-calc:height', height: 5 });
    assert.equal(await iframeHeight(page), grown, `message from ${forger.url()} ignored`);
  }
  // Malformed heights from the widget's own window are ignored.
  for (const height of ['5000', null, Number.NaN, Number.POSITIVE_INFINITY, { valueOf: 5 }]) {
    await postFrom(page, frame, { type: 'kling-calc:height', height });
    assert.equal(await iframeHeight(page), grown, `height ${String(height)} ignored`);
  }
  // Out-of-range numbers are clamped.
  await postFrom(page, frame, { type: 'kling-calc:height', height: 1e9 });
  assert.equal(await iframeHeight(page), MAX_HEIGHT);
  await postFrom(page, frame, { type: 'kling-calc:height', height: 5 });
  assert.equal(await iframeHeight(page), MIN_HEIGHT);

  // The next real change re-syncs the height.
  await frame.$$eval('details', (ds) => ds.forEach((d) => { d.open = false; }));
  await waitForFit(page, frame);
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith(host.url));
  assert.deepEqual(foreign, []);
  await context.close();
});

// ---------------------------------------------------------------- CSP


const CSP_SHAPES = {
  // Five inline scripts: the import map (the glue's integrity), the wasm's
  // fetch, the loader, the early compile and the resize script; two inline
  // styles, the widget's and the embed's (no stylesheet is fetched).
  'embed.html': /^default-src 'none'; base-uri 'none'; form-action 'none'; script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}=' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}='; connect-src 'self'; img-src data:$/,
  // Two: the early decode and compile of the wasm (a data block, not hashed), and the module.
  'standalone.html': /^default-src 'none'; base-uri 'none'; form-action 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}=' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/]{43}='; img-src data:$/,
};

for (const [name, url] of [['embed.html', () => server.url + 'embed.html'], ['standalone.html', () => STANDALONE_URL]]) {
  test(`CSP: ${name} works under its own policy with zero violations`, async () => {
    const { page, context, errors, consoleCsp } = await openCspPage(browser, name === 'standalone.html' ? { offline: true } : {});
    await page.goto(url());
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(policy, CSP_SHAPES[name]);
    let value = await metricValue(page, 'kling_share_2025q3');
    assert.ok(Math.abs(Number(value) - 3e8 / 355.54e8) < 1e-12);
    await typeInto(page, 'kling_revenue_2025q3', '4億');
    value = await nextMetricValue(page, 'kling_share_2025q3', value);
    assert.ok(Math.abs(Number(value) - 4e8 / 355.54e8) < 1e-12, value);
    await page.click('button.kc-lang[lang="en"]');
    await waitForElement(page, '.kc[lang="en"]');
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(consoleCsp, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// The served pages check the glue by the integrity of its modulepreload, which
// ends their body just before the module script that imports it (pages.rs,
// served_scripts). A changed glue must not run: the import fails, the module
// script never runs, and the classic script before it (early_compile) shows the
// readable message with the static render. (Were the preload after the module
// script, or gone, the import would take the glue unchecked.)
for (const name of ['index.html', 'embed.html', 'demo-article.html']) {
  test(`${name}: a glue that fails its integrity check does not run; the page says so, over the static render`, async () => {
    const { page, context } = await openPage(browser);
    // The documents that fetched the glue (demo-article.html has embed.html in a frame).
    const fetchedBy = [];
    page.on('request', (r) => { if (/\/kling-calc-[0-9a-f]+\.js$/.test(r.url())) fetchedBy.push(r.frame().url()); });
    await page.route(/\/kling-calc-[0-9a-f]+\.js$/, async (r) => {
      // Still valid JavaScript, so only the integrity check can stop it.
      const body = Buffer.concat([readFileSync(join(DIST, new URL(r.request().url()).pathname.slice(1))), Buffer.from('\n// changed\n')]);
      await r.fulfill({ body, contentType: 'text/javascript; charset=utf-8' });
    });
    let refusals = 0;
    const integrity = (m) => /integrity/i.test(m.text());
    page.on('console', (m) => { if (integrity(m)) refusals += 1; });
    await page.goto(server.url + name); // (its load waits for the demo's frame too)
    // Every document that fetched the glue (demo-article.html's frame as well) reports its refusal.
    while (refusals < fetchedBy.length) {
      await bounded(`each of ${fetchedBy.length} documents to report the glue's failed integrity check (${refusals} so far)`,
        (ms) => page.waitForEvent('console', { predicate: integrity, timeout: ms }));
    }
    assert.ok(fetchedBy.includes(page.url()), 'the page fetched the glue');
    assert.deepEqual(fetchedBy, [...new Set(fetchedBy)], 'each document fetches the glue once, by its preload');
    assert.equal(await page.evaluate(() => window.klingCalc), undefined);
    for (const frame of page.frames()) assert.equal(await frame.locator(LIVE).count(), 0, `no live widget in ${frame.url()}`);
    await waitUntil(page, 'every mount element to show the start-failure message', () =>
      [...document.querySelectorAll('[data-kling-calc]')].every((el) => el.querySelector('.kc-failed [role="alert"]')));
    const mounts = await page.$$eval('[data-kling-calc]', (els) => els.map((el) => [
      [...el.querySelectorAll('.kc-failed [role="alert"] p')].map((p) => p.lang),
      el.querySelectorAll('.kc-failed [data-kc-static] [data-metric]').length > 0,
    ]));
    assert.ok(mounts.length > 0);
    for (const m of mounts) assert.deepEqual(m, [['zh-Hant', 'zh-Hans', 'en'], true], 'the message in three languages, the static render below it');
    await context.close();
  });
}

/** Waits for the start-failure alert in the page's first mount element; returns its text. */
async function failureAlert(page) {
  const alert = page.locator('[data-kling-calc] [role="alert"]').first();
  await waitForLocator(alert, 'the start-failure alert in the mount element');
  return alert.textContent();
}

test('CSP without wasm-unsafe-eval: embed.html shows a readable message instead of a blank widget', async () => {
  const { page, context, consoleCsp } = await openCspPage(browser);
  await page.route('**/embed.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(" 'wasm-unsafe-eval'", '');
    assert.ok(!body.includes('wasm-unsafe-eval'));
    await route.fulfill({ response, body });
  });
  await page.goto(server.url + 'embed.html');
  const text = await failureAlert(page);
  assert.match(text, /互動計算器無法啟動/);
  assert.match(text, /互动计算器无法启动/);
  assert.match(text, /The interactive calculator could not start/);
  // The published figures stay readable under the message: the static render.
  assert.equal(await page.locator('[data-kling-calc] [data-kc-static] [data-headline="kling_share_2025q3"] [data-value]').textContent(), '超過0.84%');
  // It failed for the reason under test: the policy refused to compile the wasm.
  assert.deepEqual(await page.evaluate(() => window.cspViolations), ['script-src wasm-eval']);
  assert.ok(consoleCsp.some((m) => m.includes('CompileError')), consoleCsp.join('\n'));
  await context.close();
});

test('script-tag embed on a host whose CSP lacks wasm-unsafe-eval shows the message in every mount', async () => {
  const { page, context } = await openCspPage(browser);
  await page.route('**/demo-article.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': "script-src 'self' 'unsafe-inline'" },
    });
  });
  await page.goto(server.url + 'demo-article.html');
  await waitUntil(page, 'a start-failure alert in both mount elements', () => document.querySelectorAll('[data-kling-calc] [role="alert"]').length === 2);
  for (const alert of await page.locator('[data-kling-calc] [role="alert"]').all()) {
    assert.match(await alert.textContent(), /could not start/);
  }
  await context.close();
});

// ---------------------------------------------------------------- demo article

/** Replaces the text of `input` inside `scope` with real key presses. */
async function typeIn(page, scope, input, text) {
  await reveal(scope.locator(`[data-input="${input}"]`));
  await scope.locator(`[data-input="${input}"]`).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

const shareOf = (scope) => scope.locator('[data-metric="kling_share_2025q3"]').getAttribute('data-value');

test('demo article: two script instances (own languages, sections and state, one wasm fetch), iframe, link', async () => {
  const { page, context, requests, errors } = await openPage(browser);
  const mainFrameRequests = [];
  page.on('request', (r) => { if (r.frame() === page.mainFrame()) mainFrameRequests.push(r.url()); });
  await page.goto(server.url + 'demo-article.html');
  const [zh, en] = [page.locator('main [data-kling-calc]').nth(0), page.locator('main [data-kling-calc]').nth(1)];
  await waitForLocator(zh.locator('[data-metric="kling_share_2025q3"]'), 'the zh-Hant instance\'s kling_share_2025q3');
  await waitForLocator(en.locator('[data-metric="kling_share_2025q3"]'), 'the English instance\'s kling_share_2025q3');
  assert.equal(await zh.locator('.kc').getAttribute('lang'), 'zh-Hant');
  assert.equal(await en.locator('.kc').getAttribute('lang'), 'en');
  const sections = (scope) => scope.locator('[data-section]').evaluateAll((s) => s.map((e) => e.dataset.section));
  assert.deepEqual(await sections(zh), ['kling', 'valuation']);
  assert.deepEqual(await sections(en), ['kling', 'growth']);
  assert.equal(await zh.locator('[data-section="growth"]').count(), 0);

  // Independent state: typing in one instance leaves the other alone.
  const published = await shareOf(en);
  assert.equal(await shareOf(zh), published);
  await typeIn(page, zh, 'kling_revenue_2025q3', '5億');
  await waitUntil(
    page,
    'the zh-Hant instance\'s kling_share_2025q3 to follow the typed 5億',
    ([p]) => document.querySelector('main [data-kling-calc] [data-metric="kling_share_2025q3"]').dataset.value !== p,
    [published],
  );
  assert.ok(Math.abs(Number(await shareOf(zh)) - 5e8 / 355.54e8) < 1e-12);
  assert.equal(await shareOf(en), published);

  // The iframe (same origin here) is resized by the inlined parent snippet and reads its options from the URL.
  const iframe = page.locator('iframe[data-kling-calc-frame]');
  await iframe.scrollIntoViewIfNeeded();
  const frame = page.frame({ url: (u) => u.pathname.endsWith('/embed.html') });
  await waitForElement(frame, `${LIVE} [data-metric="kling_share_2025q3"]`, { state: 'attached' });
  assert.equal(await frame.getAttribute('.kc', 'lang'), 'zh-Hans');
  assert.deepEqual(await frame.$$eval('[data-section]', (s) => s.map((e) => e.dataset.section)), ['kling', 'arpu']);
  const h = await contentHeight(frame);
  await waitUntil(page, `the article's iframe to be ${h} px tall, as its content (within 2 px)`, (h) => Math.abs(document.querySelector('iframe[data-kling-calc-frame]').getBoundingClientRect().height - h) <= 2, h);

  assert.equal(await page.getAttribute('a[href="standalone.html"]', 'href'), 'standalone.html');
  assert.equal(mainFrameRequests.filter((u) => u.endsWith('.wasm')).length, 1, 'one wasm fetch for both instances');
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), [], 'requests outside the server');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Sizes of the widget's parts that host CSS would break first. */
function widgetMetrics(scope) {
  return scope.evaluate((root) => {
    const kc = root.querySelector('.kc');
    const field = root.querySelector('[data-input="kling_revenue_2025q3"]');
    const slider = root.querySelector('.kc-slider');
    const button = root.querySelector('button.kc-lang');
    const cs = (el) => getComputedStyle(el);
    return {
      fontSize: cs(kc).fontSize,
      fieldWidth: field.getBoundingClientRect().width,
      fieldHeight: field.getBoundingClientRect().height,
      fieldBorder: cs(field).borderTopWidth,
      sliderAppearance: cs(slider).appearance,
      sliderHeight: slider.getBoundingClientRect().height,
      buttonHeight: button.getBoundingClientRect().height,
      buttonBorder: cs(button).borderTopStyle,
      boxSizing: cs(field).boxSizing,
    };
  });
}

test('host CSS hostility: the widget measures as on a plain page; widget CSS does not touch the host', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(server.url + 'index.html');
  const mount = page.locator('[data-kling-calc]').first();
  await waitForLocator(mount.locator('[data-metric="kling_share_2025q3"]'), 'index.html\'s kling_share_2025q3');
  const reference = await widgetMetrics(mount);
  assert.equal(reference.fontSize, '16px');

  await page.goto(server.url + 'demo-article.html');
  const zh = page.locator('main [data-kling-calc]').first();
  await waitForLocator(zh.locator('[data-metric="kling_share_2025q3"]'), 'the demo article\'s first kling_share_2025q3');
  // The host really is hostile: its root font size and global control reset are in force.
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '10px');
  const hosted = await widgetMetrics(zh);
  assert.equal(hosted.fontSize, '16px');
  assert.ok(Math.abs(hosted.fieldWidth - reference.fieldWidth) <= 1, `field width ${hosted.fieldWidth} vs ${reference.fieldWidth}`);
  assert.ok(Math.abs(hosted.fieldHeight - reference.fieldHeight) <= 1, `field height ${hosted.fieldHeight} vs ${reference.fieldHeight}`);
  assert.ok(Math.abs(hosted.buttonHeight - reference.buttonHeight) <= 1);
  assert.ok(Math.abs(hosted.sliderHeight - reference.sliderHeight) <= 1);
  assert.deepEqual(
    [hosted.fieldBorder, hosted.sliderAppearance, hosted.buttonBorder, hosted.boxSizing],
    [reference.fieldBorder, reference.sliderAppearance, reference.buttonBorder, reference.boxSizing],
  );

  // Every selector in the widget's stylesheet is scoped under .kc (or is the
  // wrapper .kc-root around it, which a host's `div { … }` must not box) …
  const selectors = await page.evaluate(() => {
    // The page carries it inline, naming its file (data-kc-css).
    const sheet = [...document.styleSheets].find((s) => s.ownerNode.matches('style[data-kc-css]'));
    const out = [];
    const walk = (rules) => {
      for (const r of rules) {
        if (r.selectorText !== undefined) {
          // Split on top-level commas only (`:where(p, ul)` keeps its own).
          let depth = 0, start = 0;
          const t = r.selectorText;
          for (let i = 0; i <= t.length; i++) {
            if (t[i] === '(') depth++;
            else if (t[i] === ')') depth--;
            else if ((t[i] === ',' && depth === 0) || i === t.length) { out.push(t.slice(start, i).trim()); start = i + 1; }
          }
        } else if (r.cssRules) walk(r.cssRules);
      }
    };
    walk(sheet.cssRules);
    return out;
  });
  assert.ok(selectors.length > 80, `${selectors.length} selectors`);
  assert.deepEqual(selectors.filter((s) => !/^\.kc(?![\w-])/.test(s) && s !== '.kc-root'), []);

  // … and the host's own elements compute the same with and without it.
  const hostStyles = () => page.evaluate(() => ['#host-paragraph', '.story > article > h1', '.story > article > h2', 'body', '.byline', 'a[href="standalone.html"]'].map((sel) => {
    const s = getComputedStyle(document.querySelector(sel));
    return [sel, s.margin, s.padding, s.font, s.color, s.letterSpacing, s.textTransform, s.boxSizing, s.border];
  }));
  const withWidget = await hostStyles();
  await page.evaluate(() => { for (const s of document.styleSheets) if (s.ownerNode.matches('style[data-kc-css]')) s.disabled = true; });
  const withoutWidget = await hostStyles();
  assert.deepEqual(withWidget, withoutWidget);
  assert.equal(withWidget[0][3].includes('18px'), true, 'the host paragraph keeps its 1.8rem font');
  await context.close();
});
