// End-to-end: dist/kling-calc.js, the stable loader, and <kling-calc>, in fresh
// pages served over HTTP next to dist/: one script tag plus elements mounts
// each with its options, fetching only the widget's files (each once) with
// the integrity hashes of the files on disk; elements added later mount, far
// ones lazily; a file that fails its integrity check stops the widget with
// the readable message; each attribute of <kling-calc> sets the instance at
// first and live; removing the element destroys its widget, adding it again
// mounts a new one; and a second origin can load it when the files are served
// with CORS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, openBody, waitUntil, waitForLive, typeInto, DIST } from './harness.mjs';

// Chromium refuses a page's requests to another loopback origin (Local Network
// Access) unless told otherwise; a public page and a public CDN are not
// loopback, so this only lets the second-origin test stand in for them.
const env = suite({ args: ['--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'] });

/** The hashed names Trunk gave this build, read from dist/index.html (never literals). */
const INDEX = readFileSync(join(DIST, 'index.html'), 'utf8');
const NAMES = {
  css: INDEX.match(/widget-[0-9a-f]+\.css/)[0],
  js: INDEX.match(/kling-calc-[0-9a-f]+\.js/)[0],
  wasm: INDEX.match(/kling-calc-[0-9a-f]+_bg\.wasm/)[0],
};
// The loader's integrity values are SHA-256 (src/bin/standalone/encode.rs: sri256).
const sri = (name) => `sha256-${createHash('sha256').update(readFileSync(join(DIST, name))).digest('base64')}`;

const LOADER = '<script src="kling-calc.js" defer></script>';
const FALLBACK = '<p class="mine">Fallback</p>';

/** Opens `body` as a fresh page on the dist/ origin (so `kling-calc.js` resolves next to it). */
const fresh = (body, { before: setup } = {}) => openBody(env.browser, env.server.url, body, setup);

/** Waits until the element `sel` holds a rendered widget. */
const rendered = waitForLive;

/** What a reader sees of the widget in `sel`: language, layout, theme, sections, P/E field. */
function seen(page, sel) {
  return page.$eval(sel, (el) => {
    const kc = el.querySelector('.kc');
    return {
      lang: kc.lang,
      layout: kc.dataset.layout,
      theme: el.getAttribute('data-theme'),
      sections: [...kc.querySelectorAll('[data-section]')].map((s) => s.dataset.section),
      pe: kc.querySelector('[data-input="pe_kuaishou"]')?.value ?? null,
    };
  });
}

/** The P/E field's text in a widget started with `inputs`, as the widget itself writes it. */
async function peShown(page, lang, inputs) {
  return page.evaluate(async ([l, i]) => {
    const el = document.body.appendChild(document.createElement('div'));
    const h = klingCalc.mount(el, { lang: l, sections: 'valuation', inputs: i });
    const end = performance.now() + 10000;
    while (!el.querySelector('[data-input="pe_kuaishou"]') && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
    const v = el.querySelector('[data-input="pe_kuaishou"]')?.value;
    h.destroy();
    el.remove();
    return v;
  }, [lang, inputs]);
}

test('one script tag: every [data-kling-calc] and <kling-calc> mounts with its options, from the widget files only, each once and with its integrity', async () => {
  // Two copies of the tag: a page that includes the loader twice still gets one module.
  const { page, context, errors, requests } = await fresh(`${LOADER}${LOADER}
    <div id="div" data-kling-calc data-lang="en" data-sections="kling,valuation" data-layout="full" data-theme="dark" data-inputs="pe_kuaishou:12">${FALLBACK}</div>
    <kling-calc id="el" lang="zh-Hans" sections="valuation" theme="light" inputs="pe_kuaishou:12~kling_revenue_2025q3:4e8">${FALLBACK}</kling-calc>`);
  await rendered(page, '#div');
  await rendered(page, '#el');
  const pe12 = { en: await peShown(page, 'en', { pe_kuaishou: 12 }), hans: await peShown(page, 'zh-Hans', { pe_kuaishou: 12 }) };
  assert.deepEqual(await seen(page, '#div'), { lang: 'en', layout: 'full', theme: 'dark', sections: ['kling', 'valuation'], pe: pe12.en });
  assert.deepEqual(await seen(page, '#el'), { lang: 'zh-Hans', layout: 'compact', theme: 'light', sections: ['valuation'], pe: pe12.hans });
  // Every result the element shows is computed from its starting inputs.
  const { shown, want } = await page.evaluate(() => {
    const metrics = klingCalc.compute({ pe_kuaishou: 12, kling_revenue_2025q3: 4e8 }).metrics;
    const outs = [...document.querySelectorAll('#el [data-metric][data-value]')];
    return {
      shown: outs.map((o) => [o.dataset.metric, o.dataset.value]),
      want: outs.map((o) => [o.dataset.metric, String(metrics[o.dataset.metric])]),
    };
  });
  assert.ok(shown.length > 3, 'the valuation section shows results');
  assert.deepEqual(shown, want);
  assert.equal(await page.$eval('#el', (el) => getComputedStyle(el).display), 'block');

  // Integrity: the loader's links carry the hashes of the files on disk.
  const links = await page.$$eval('link[integrity]', (ls) => ls.map((l) => [l.rel, new URL(l.href).pathname.slice(1), l.integrity, l.crossOrigin]));
  assert.deepEqual(links, [
    ['stylesheet', NAMES.css, sri(NAMES.css), 'anonymous'],
    ['modulepreload', NAMES.js, sri(NAMES.js), 'anonymous'],
  ]);
  // …and the wasm's, which it fetches with that integrity.
  assert.ok(readFileSync(join(DIST, 'kling-calc.js'), 'utf8').includes(`["${NAMES.wasm}","${sri(NAMES.wasm)}"]`));
  const paths = requests.map((u) => new URL(u).pathname.slice(1)).sort();
  assert.deepEqual([...new Set(paths)], ['fresh.html', 'kling-calc.js', NAMES.js, NAMES.wasm, NAMES.css].sort());
  for (const name of [NAMES.js, NAMES.wasm, NAMES.css]) assert.equal(paths.filter((p) => p === name).length, 1, `${name} fetched once`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('elements added later mount; far ones when scrolled near, eager ones at once', async () => {
  const { page, context, errors } = await fresh(`${LOADER}<div id="first" data-kling-calc data-lang="en" data-sections="kling"></div>`, {
    before: (p) => p.setViewportSize({ width: 800, height: 600 }),
  });
  await rendered(page, '#first');
  await page.evaluate((fallback) => {
    const add = (html) => document.body.insertAdjacentHTML('beforeend', html);
    add(`<div id="div" data-kling-calc data-lang="en" data-sections="growth">${fallback}</div>`);
    add(`<section><kling-calc id="el" lang="en" sections="arpu">${fallback}</kling-calc></section>`);
    // Three viewports down: lazy unless eager.
    add('<div style="height: 300vh"></div>');
    add(`<div id="far-div" data-kling-calc data-lang="en" data-sections="kling">${fallback}</div>`);
    add(`<kling-calc id="far-el" lang="en" sections="kling">${fallback}</kling-calc>`);
    add(`<kling-calc id="far-eager" lang="en" sections="kling" load="eager">${fallback}</kling-calc>`);
  }, FALLBACK);
  for (const sel of ['#div', '#el', '#far-eager']) await rendered(page, sel);
  assert.deepEqual((await seen(page, '#div')).sections, ['growth']);
  assert.deepEqual((await seen(page, '#el')).sections, ['arpu']);
  // The far ones still show their own content, not a blank.
  for (const sel of ['#far-div', '#far-el']) {
    assert.equal(await page.$eval(sel, (el) => el.querySelector('.kc') === null && el.querySelector('.mine') !== null), true, sel);
  }
  await page.$eval('#far-el', (el) => el.scrollIntoView());
  for (const sel of ['#far-div', '#far-el']) await rendered(page, sel);
  // Each mounted once: one widget root per mount element.
  const roots = await page.$$eval('[data-kling-calc]', (els) => els.map((el) => el.querySelectorAll(':scope > .kc-root').length));
  assert.deepEqual(roots, [1, 1, 1, 1, 1, 1]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget file that fails its integrity check: every element shows the readable message, nothing else runs', async () => {
  const { page, context, errors } = await fresh(`${LOADER}<div data-kling-calc data-lang="en">${FALLBACK}</div><kling-calc lang="en">${FALLBACK}</kling-calc>`, {
    before: (p) => p.route(`**/${NAMES.wasm}`, async (r) => {
      const body = readFileSync(join(DIST, NAMES.wasm));
      body[body.length - 1] ^= 1;
      await r.fulfill({ body, contentType: 'application/wasm' });
    }),
  });
  await waitUntil(page, 'both elements to show the failure message', () => document.querySelectorAll('.kc-failed [role="alert"]').length === 2);
  const texts = await page.$$eval('[role="alert"]', (as) => as.map((a) => [...a.querySelectorAll('p')].map((p) => p.lang)));
  assert.deepEqual(texts, [['zh-Hant', 'zh-Hans', 'en'], ['zh-Hant', 'zh-Hans', 'en']]);
  assert.equal(await page.evaluate(() => window.klingCalc), undefined);
  assert.ok(errors.some((e) => /integrity/i.test(e)), `an integrity error is reported: ${errors}`);
  await context.close();
});

// A changed option remounts the widget: the old one is destroyed (the element is
// empty) and the new one swapped in when rendered, in the same task, since yew's
// scheduler does not yield in between (scripts/sync-scheduler.mjs). With it
// yielding, the browser painted the empty element for a frame and the page
// below moved up and down. The CPU is slowed four times so that each render
// takes longer than yew's 16-ms slice; a requestAnimationFrame callback, which
// runs just before each frame is painted, records any frame with no widget.
test('<kling-calc>: each attribute changes the live instance, no frame without a widget; the reader\'s changes survive all but a new inputs', async () => {
  const slow = async (p) => (await p.context().newCDPSession(p)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const { page, context, errors } = await fresh(`${LOADER}<kling-calc id="el" lang="en" sections="kling,valuation" load="eager"></kling-calc>`, { before: slow });
  await rendered(page, '#el');
  await page.evaluate(() => {
    const el = document.querySelector('#el');
    window.__empty = [];
    const frame = () => {
      if (!el.querySelector('.kc')) window.__empty.push(Math.round(performance.now()));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const metric = () => page.$eval('#el [data-metric="kling_share_2025q3"]', (m) => m.getAttribute('data-value'));
  const published = await metric();
  await typeInto(page, 'kling_revenue_2025q3', '4');
  const edited = await waitUntil(page, 'the edit to change kling_share_2025q3', (p) => {
    const v = document.querySelector('#el [data-metric="kling_share_2025q3"]').getAttribute('data-value');
    return v !== p && v;
  }, published).then((h) => h.jsonValue());
  const pe12 = await peShown(page, 'zh-Hant', { pe_kuaishou: 12 });
  // (attribute, value or null to remove, what the reader then sees; the edited metric)
  const cases = [
    ['lang', 'zh-Hant', { lang: 'zh-Hant' }, edited],
    ['layout', 'full', { layout: 'full' }, edited],
    ['sections', 'valuation,kling', { sections: ['kling', 'valuation'] }, edited],
    ['theme', 'dark', { theme: 'dark' }, edited],
    ['theme', null, { theme: null }, edited],
    ['layout', null, { layout: 'compact' }, edited],
    ['inputs', 'pe_kuaishou:12', { pe: pe12 }, published],
  ];
  for (const [name, value, want, share] of cases) {
    await page.$eval('#el', (el, [n, v]) => (v === null ? el.removeAttribute(n) : el.setAttribute(n, v)), [name, value]);
    await waitUntil(page, `the widget to show ${name}=${value}`, ([w]) => {
      const el = document.querySelector('#el');
      const kc = el.querySelector('.kc');
      if (!kc) return false;
      const now = {
        lang: kc.lang, layout: kc.dataset.layout, theme: el.getAttribute('data-theme'),
        sections: [...kc.querySelectorAll('[data-section]')].map((s) => s.dataset.section),
        pe: kc.querySelector('[data-input="pe_kuaishou"]')?.value ?? null,
      };
      return Object.entries(w).every(([k, v]) => JSON.stringify(now[k]) === JSON.stringify(v));
    }, [want]);
    assert.equal(await metric(), share, `${name}=${value}: kling_share_2025q3`);
  }
  assert.deepEqual(await page.evaluate(() => window.__empty), [], 'frames painted with the element empty (ms)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('<kling-calc>: attributes are read as a data-* element\'s are: what is unknown is skipped, the rest applies', async () => {
  const { page, context, errors } = await fresh(`${LOADER}<kling-calc id="el" lang="fr" sections="nope,valuation" layout="wide" inputs="pe_kuaishou:12~nope:1" load="eager">${FALLBACK}</kling-calc>`);
  await rendered(page, '#el');
  const pe12 = await peShown(page, 'zh-Hant', { pe_kuaishou: 12 });
  assert.deepEqual(await seen(page, '#el'), { lang: 'zh-Hant', layout: 'compact', theme: null, sections: ['valuation'], pe: pe12 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('<kling-calc>: removing the element destroys its widget; adding it again mounts a new one', async () => {
  const { page, context, errors } = await fresh(`${LOADER}<main><kling-calc id="el" lang="en" sections="kling" load="eager"></kling-calc></main>`);
  await rendered(page, '#el');
  const state = () => page.evaluate(() => ({ roots: document.querySelectorAll('.kc-root').length, kids: window.__el ? window.__el.childElementCount : null }));
  await page.evaluate(() => { window.__el = document.querySelector('#el'); window.__el.remove(); });
  assert.deepEqual(await state(), { roots: 0, kids: 0 });
  await page.evaluate(() => document.querySelector('main').append(window.__el));
  await rendered(page, '#el');
  assert.deepEqual(await state(), { roots: 1, kids: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('klingCalc.mount: theme sets data-theme; with no options the element\'s data-* say everything', async () => {
  const { page, context, errors } = await fresh(`${LOADER}<div id="first" data-kling-calc data-lang="en" data-sections="kling"></div>`);
  await rendered(page, '#first');
  const out = await page.evaluate(() => {
    const a = document.body.appendChild(document.createElement('div'));
    klingCalc.mount(a, { lang: 'en', theme: 'dark' });
    const b = document.body.appendChild(document.createElement('div'));
    Object.assign(b.dataset, { lang: 'zh-Hans', sections: 'valuation', layout: 'full', inputs: 'pe_kuaishou:12~kling_revenue_2025q3:4e8' });
    return { theme: a.dataset.theme, b: klingCalc.mount(b).get().inputs };
  });
  assert.deepEqual(out, { theme: 'dark', b: { pe_kuaishou: 12, kling_revenue_2025q3: 4e8 } });
  await waitUntil(page, 'the data-* mount to render in zh-Hans, full layout, valuation only', () => {
    const kc = document.querySelectorAll('.kc')[2];
    return kc && kc.lang === 'zh-Hans' && kc.dataset.layout === 'full' && [...kc.querySelectorAll('[data-section]')].map((s) => s.dataset.section).join() === 'valuation';
  });
  assert.deepEqual(errors, []);
  await context.close();
});

// ------------------------------------------------- a second origin, with CORS

let cdn; // dist/ again, on another loopback origin, with Access-Control-Allow-Origin: *
before(async () => {
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  cdn = createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname.slice(1);
    if (!/^[\w.-]+$/.test(name)) return res.writeHead(404).end();
    try {
      const body = readFileSync(join(DIST, name));
      res.writeHead(200, { 'content-type': types[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream', 'access-control-allow-origin': '*' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => cdn.listen(0, '127.0.0.1', ok));
});
after(() => new Promise((ok) => cdn.close(ok)));

test('the loader on another origin (files served with CORS) finds its files next to itself', async () => {
  const origin = `http://127.0.0.1:${cdn.address().port}/`;
  const { page, context, errors, requests } = await fresh(`<script src="${origin}kling-calc.js" defer></script><kling-calc id="el" lang="en" sections="kling"></kling-calc>`);
  await rendered(page, '#el');
  const widgetFiles = requests.filter((u) => !u.endsWith('fresh.html'));
  assert.ok(widgetFiles.length === 4 && widgetFiles.every((u) => u.startsWith(origin)), String(widgetFiles));
  assert.deepEqual(errors, []);
  await context.close();
});

// mount_with marks an element it mounts data-kling-calc, so the loader's
// observer saw an element a host had just added and mounted through the API
// as a new embed, and mounted it again from its data-* attributes: the host's
// options were lost (zh-Hant and the published figures instead). The loader
// now counts elements mounted through the API as seen.
test('klingCalc.mount on an element just added to the page: mounted once, with the host\'s options', async () => {
  const { page, context, errors } = await fresh(`${LOADER}<kling-calc id="el" sections="kling" load="eager"></kling-calc>`);
  await rendered(page, '#el');
  const pe12 = await peShown(page, 'en', { pe_kuaishou: 12 });
  await page.evaluate(() => {
    const el = document.body.appendChild(document.createElement('div'));
    el.id = 'api';
    klingCalc.mount(el, { lang: 'en', sections: 'valuation', inputs: { pe_kuaishou: 12 } });
  });
  await rendered(page, '#api');
  // The observer's records and the IntersectionObserver's first report are
  // delivered by then: two frames later, nothing has mounted it again.
  for (let frame = 0; frame < 2; frame++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.deepEqual(await page.$eval('#api', (el) => ({
    roots: el.querySelectorAll('.kc-root').length,
    lang: el.querySelector('.kc').lang,
    pe: el.querySelector('[data-input="pe_kuaishou"]').value,
  })), { roots: 1, lang: 'en', pe: pe12 });
  assert.deepEqual(errors, []);
  await context.close();
});
