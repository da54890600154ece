// The engine suite: what the Chromium end-to-end tests check most of, run over
// W3C WebDriver in another engine (firefox.test.mjs, webkit.test.mjs call it).
// Expected numbers come from the page itself (`klingCalc.compute`, the metrics'
// data-value before and after) rather than from copies typed in here.
//
// Console errors: classic WebDriver cannot read a page's console in either
// engine, so the loopback server puts a small error hook (console.error,
// window `error` in the capture phase, `unhandledrejection`) first in every page
// it serves that has no CSP of its own (index.html, demo-article.html), and the
// suite installs the same hook through WebDriver right after loading the pages
// whose CSP forbids an added inline script (embed.html in its frame,
// standalone.html from file://): errors there are caught from load on; in the
// CSP pages from the end of load on, and a failed start shows as a missing widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST } from '../../scripts/serve.mjs';
import { startSession, until, Keys, Session } from './webdriver.mjs';

const SHARE = 'kling_share_2025q3';
const KLING_Q3 = 'kling_revenue_2025q3';
const WIDTHS = [320, 768, 1024, 1280];
const STANDALONE_URL = pathToFileURL(join(DIST, 'standalone.html')).href;

/** The error hook, as page source. Idempotent. */
function hookErrors() {
  if (window.__kcErrors) return;
  const seen = (window.__kcErrors = []);
  const original = console.error;
  console.error = function (...args) {
    seen.push(`console.error: ${args.map(String).join(' ')}`);
    return original.apply(this, args);
  };
  addEventListener('error', (e) => seen.push(`error: ${e.message || (e.target && (e.target.src || e.target.href)) || e.type}`), true);
  addEventListener('unhandledrejection', (e) => seen.push(`unhandledrejection: ${String(e.reason)}`));
}
const HOOK = `<script>(${hookErrors})();</script>`;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8' };

/** The glue's module preload in a served page: its `integrity` (with the import map's) checks the glue. */
const GLUE_PRELOAD = /<link\b[^>]*\bintegrity="?(sha384-[A-Za-z0-9+/=]+)"?[^>]*\brel="?modulepreload"?[^>]*>/;

/**
 * dist/ on loopback; pages without a CSP of their own get the error hook first.
 * `glue-refused.html` is index.html expecting other bytes of its glue (its
 * integrity, in the import map and the preload, one no file has), as if the
 * glue had been changed after the build. `fetched` lists every path asked for, in order.
 */
async function serveDistWithHook() {
  const fetched = [];
  const srv = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    fetched.push(path);
    if (path === '/glue-refused.html') {
      const index = await readFile(join(DIST, 'index.html'), 'utf8');
      if (!GLUE_PRELOAD.test(index)) { res.writeHead(500).end('index.html has no glue preload with an integrity'); return; }
      const page = index.replaceAll(index.match(GLUE_PRELOAD)[1], `sha384-${'A'.repeat(64)}`);
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(page.replace(/^(<!doctype html>)?/i, (m) => m + HOOK));
      return;
    }
    const file = join(DIST, path);
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    try {
      let body = await readFile(file);
      if (extname(file) === '.html') {
        const text = body.toString('utf8');
        body = /Content-Security-Policy/i.test(text) ? text : text.replace(/^(<!doctype html>)?/i, (m) => m + HOOK);
      }
      // CORS: the loader on the host origin fetches these with integrity checks (crossorigin=anonymous).
      // no-store: each page load downloads the wasm it uses, so the suite can
      // count one load's downloads (WebKit still takes the glue, a module, from
      // its memory cache when an earlier page had it).
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${srv.address().port}/`, fetched, close: () => new Promise((ok) => srv.close(ok)) };
}

/** A host page on a second origin: one widget iframe and the documented resize snippet. */
async function serveHost(widgetOrigin) {
  const snippet = await readFile(join(DIST, 'embed-parent.js'), 'utf8');
  const page = `<!doctype html>${HOOK}<html lang="en"><head><meta charset="utf-8"><title>host</title>
<style>body { margin: 0 } iframe { display: block; width: 640px; height: 300px; border: 0 }</style></head><body>
<iframe id="widget" data-kling-calc-frame title="calculator" src="${widgetOrigin}embed.html?lang=zh-Hant&sections=kling,valuation"></iframe>
<script>${snippet}</script></body></html>`;
  const srv = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    // /frame.html?width=…&src=…: a viewport narrower than the engine's window can be,
    // the page in an iframe of that width (its load recorded for the suite to wait on).
    // /loader.html: the one-script embed, dist/kling-calc.js from the widget's origin and a <kling-calc>.
    const loaderPage = `<!doctype html>${HOOK}<html lang="en"><head><meta charset="utf-8"><title>loader</title>
<script src="${widgetOrigin}kling-calc.js" defer></script></head><body>
<kling-calc id="el" lang="en" sections="kling" theme="dark" load="eager"></kling-calc></body></html>`;
    if (url.pathname === '/loader.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loaderPage);
      return;
    }
    const body = url.pathname === '/frame.html'
      ? `<!doctype html>${HOOK}<title>frame</title><body style="margin:0"><iframe id="viewport" title="widget" onload="window.__frameLoaded = true" style="display:block;border:0;width:${Number(url.searchParams.get('width'))}px;height:900px" src="${url.searchParams.get('src').replace(/"/g, '&quot;')}"></iframe>`
      : page;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${srv.address().port}/`, close: () => new Promise((ok) => srv.close(ok)) };
}

/** In the page: every control of every widget that sticks out of a box around it, and sideways scrolling. */
function layoutProblems() {
  const out = [];
  const de = document.documentElement;
  if (de.scrollWidth > de.clientWidth) out.push(`the page scrolls sideways: scrollWidth ${de.scrollWidth} > clientWidth ${de.clientWidth}`);
  const name = (el) => el.tagName.toLowerCase()
    + (typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '')
    + (el.dataset.input ? `[data-input=${el.dataset.input}]` : '')
    + (el.textContent && el.children.length === 0 ? ` "${el.textContent.trim().slice(0, 30)}"` : '');
  const px = (r) => `${r.left.toFixed(1)}–${r.right.toFixed(1)}`;
  let fields = 0;
  for (const c of document.querySelectorAll('.kc button, .kc input, .kc select, .kc textarea, .kc summary, .kc a[href], .kc [role="slider"]')) {
    const r = c.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue; // not rendered: inside a closed disclosure
    if (c.matches('input[data-input]')) fields += 1;
    if (r.left < -0.5 || r.right > de.clientWidth + 0.5) out.push(`${name(c)} at ${px(r)} is outside the viewport 0–${de.clientWidth}`);
    // Its own text must fit inside it: a flex item squeezed below its content width
    // (a button's min-width overrides the automatic minimum) cuts through its label.
    if (!c.matches('input, select, textarea')) {
      const range = document.createRange();
      range.selectNodeContents(c);
      const t = range.getBoundingClientRect();
      if (t.width > 0 && (t.left < r.left - 0.5 || t.right > r.right + 0.5)) out.push(`${name(c)} at ${px(r)}: its text at ${px(t)} is cut off`);
    }
    for (let a = c.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.display === 'contents' || s.display === 'inline') continue;
      const ar = a.getBoundingClientRect();
      if (r.left < ar.left - 0.5 || r.right > ar.right + 0.5) {
        out.push(`${name(c)} at ${px(r)} sticks out of ${name(a)} at ${px(ar)}`);
        break;
      }
      if (s.overflowX !== 'visible') break; // a scroll container: what is beyond it scrolls into view
    }
  }
  return { out, fields, inputs: document.querySelectorAll('.kc input[data-input]').length };
}

export function engineSuite(engine) {
  let wd;
  let dist;
  let host;

  before(async () => {
    dist = await serveDistWithHook();
    host = await serveHost(dist.url);
    wd = await startSession(engine);
    console.log(`# ${engine}: ${wd.browser}`);
  });
  after(async () => {
    await wd?.close();
    await host?.close();
    await dist?.close();
  });

  // The live widget: until it starts, a mount element holds the build's static
  // render of it (`.kc-root.kc-static[data-kc-static]`), with the same outputs.
  const sel = (metric, scope = '') => `${scope} .kc-root:not([data-kc-static]) article.kc [data-metric="${metric}"]`.trim();
  const value = (metric, scope) => wd.exec((s) => document.querySelector(s)?.getAttribute('data-value') ?? null, sel(metric, scope));

  /**
   * Waits until `metric` shows a value (or, with `want`, that value to 1e-12
   * relative: Firefox ESR 153's `compute()` and its rendered result for the same
   * input have been seen 2 ulp apart, WebKit's not); returns it.
   */
  function waitValue(metric, want, scope) {
    const what = want === undefined ? `${metric} to have a value` : `${metric}'s data-value to become ${want}`;
    const near = (v) => v === want || (v !== null && v !== '' && Math.abs(Number(v) - Number(want)) <= 1e-12 * Math.abs(Number(want)));
    return until(what, async () => {
      const v = await value(metric, scope);
      return (want === undefined ? v !== null && v !== '' : near(v)) && v;
    }, { describe: () => value(metric, scope) });
  }

  /** Clicks `el` after scrolling it into view (far sections render only when near: content-visibility). */
  async function clickOn(el) {
    await wd.exec((e) => e.scrollIntoView({ block: 'center' }), Session.ref(el));
    // Scrolling lays out the sections it passes (content-visibility: auto), which
    // can move the target: click only once it has stayed put between two reads,
    // so the click lands on it and not on whatever moved under the old position.
    let last = '';
    await until('the element to click to be laid out and still', async () => {
      const rect = await wd.exec((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 ? [r.x, r.y, r.width, r.height].join(',') : '';
      }, Session.ref(el));
      const still = rect !== '' && rect === last;
      last = rect;
      return still;
    });
    await wd.click(el);
  }

  /**
   * Opens the closed disclosures around `el` by clicking their summaries,
   * outermost first, as a reader would: in the compact layout a section's
   * fields sit behind "Adjust all N figures".
   */
  async function reveal(el) {
    for (let k = 0; k < 5; k++) {
      const summary = await wd.exec((e) => {
        let d = e.closest('details:not([open])');
        if (!d) return null;
        for (let up = d.parentElement?.closest('details:not([open])'); up; up = up.parentElement?.closest('details:not([open])')) d = up;
        return d.querySelector(':scope > summary');
      }, Session.ref(el));
      if (!summary) return;
      await clickOn(Object.values(summary)[0]);
    }
    throw new Error('reveal: the disclosures around the field did not open after five clicks');
  }

  /** Replaces a field's text with real key presses: End, one Backspace per character, the text
   * (opening the field's disclosure first if it is closed). */
  async function type(input, text, scope = '') {
    const el = await wd.find(`${scope} [data-input="${input}"]`.trim());
    await reveal(el);
    await clickOn(el);
    const length = await wd.exec((e) => e.value.length, Session.ref(el));
    await wd.sendKeys(el, Keys.END + Keys.BACKSPACE.repeat(length) + text);
    // The keys arrived: a later wait on what they should do then fails on that, not here.
    const field = () => wd.exec((e) => ({ value: e.value, connected: e.isConnected, focused: document.activeElement === e }), Session.ref(el));
    await until(`${input} to hold the typed ${JSON.stringify(text)}`, async () => (await field()).value === text,
      { describe: async () => JSON.stringify(await field()) });
    return el;
  }

  const compute = (inputs) => wd.exec((i) => window.klingCalc.compute(i).metrics, inputs);
  const errors = () => wd.exec(() => window.__kcErrors ?? ['(no error hook in this document)']);

  async function open(url) {
    await wd.get(url);
    await wd.exec(hookErrors);
    await waitValue(SHARE);
  }

  /** Every metric's data-value and every field's text. */
  const snapshot = () => wd.exec(() => {
    const out = {};
    for (const el of document.querySelectorAll('[data-metric]')) out[`m:${el.dataset.metric}`] = el.getAttribute('data-value');
    for (const el of document.querySelectorAll('[data-input]')) out[`i:${el.dataset.input}`] = el.value;
    return out;
  });

  test(`${engine}: served build — typing, a rejected entry, language switch, share link round trip`, async () => {
    await open(`${dist.url}index.html`);
    assert.equal(await wd.exec(() => document.querySelector('article.kc').lang), 'zh-Hant');
    // Typed with the engine's own key events; the expected share is the page's own compute().
    const want4 = String((await compute({ [KLING_Q3]: 4e8 }))[SHARE]);
    const field = await type(KLING_Q3, '4億');
    await waitValue(SHARE, want4);
    assert.equal(await wd.exec((e) => e.getAttribute('aria-invalid'), Session.ref(field)), 'false');

    // A rejected entry: marked, explained, results keep the last valid value.
    const shown4 = await value(SHARE);
    const rejected = await type(KLING_Q3, 'abc');
    const state = () => wd.exec((e) => ({ invalid: e.getAttribute('aria-invalid'), value: e.value, connected: e.isConnected }), Session.ref(rejected));
    await until(`${KLING_Q3} to be marked aria-invalid`, async () => (await state()).invalid === 'true',
      { describe: async () => JSON.stringify(await state()) });
    const message = await wd.exec((e) => document.getElementById(e.getAttribute('aria-describedby')).textContent, Session.ref(rejected));
    assert.match(message, /\S/, 'the rejected entry has a message');
    assert.equal(await value(SHARE), shown4, 'results keep the last valid value');

    const want5 = String((await compute({ [KLING_Q3]: 5e8 }))[SHARE]);
    await type(KLING_Q3, '5億');
    const shown5 = await waitValue(SHARE, want5);

    // Language switch: labels follow the API's own label text; the edit stays.
    const label = await wd.exec((id) => window.klingCalc.inputs().find((i) => i.id === id).label.en, KLING_Q3);
    await clickOn(await wd.find('button.kc-lang[lang="en"]'));
    await until('the widget to switch to English', () => wd.exec(() => document.querySelector('article.kc').lang === 'en'));
    assert.equal(await wd.exec((e) => document.querySelector(`label[for="${e.id}"]`).textContent, Session.ref(await wd.find(`[data-input="${KLING_Q3}"]`))), label);
    assert.equal(await value(SHARE), shown5, 'the edit survives the language switch');

    // Share link round trip: a fresh load of the link shows the same fields and results.
    await clickOn(await wd.find('[data-share]'));
    const urlField = await wd.waitFor('.kc-sharebar-url');
    const link = await wd.exec((e) => e.value, Session.ref(urlField));
    assert.ok(link.startsWith(`${dist.url}index.html?`), link);
    const want = await snapshot();
    assert.deepEqual(await errors(), []);
    await open(link);
    // The link carries inputs, not the language: the reloaded page is in zh-Hant, so
    // the fields' text differs by scale (億 against million) while every result is equal.
    const metrics = (snap) => Object.fromEntries(Object.entries(snap).filter(([k]) => k.startsWith('m:')));
    assert.deepEqual(metrics(await snapshot()), metrics(want));
    assert.equal(await wd.exec((id) => document.querySelector(`[data-input="${id}"]`).closest('.kc-field').classList.contains('kc-changed'), KLING_Q3), true);
    assert.equal(await wd.exec(() => document.querySelectorAll('[data-share-notice]').length), 0);
    assert.deepEqual(await errors(), []);
  });

  // The served pages fetch the wasm from a script in <head>, not a preload
  // link: this engine downloaded a preloaded wasm a second time for the fetch
  // that carries its integrity (Chromium alone hands the preload over).
  test(`${engine}: a served page downloads its wasm once, and its glue at most once`, async () => {
    for (const page of ['index.html', 'embed.html']) {
      dist.fetched.length = 0;
      await open(`${dist.url}${page}`);
      const asked = [...dist.fetched];
      const count = (suffix) => asked.filter((p) => /^\/kling-calc-[0-9a-f]+/.test(p) && p.endsWith(suffix)).length;
      assert.equal(count('_bg.wasm'), 1, `${page} asked for ${asked.join(', ')}`);
      assert.ok(count('.js') <= 1, `${page} asked for ${asked.join(', ')}`);
    }
    assert.deepEqual(await errors(), []);
  });

  // The served pages check the glue by its module preload's integrity (the
  // preload ends the body, before the module script), and a classic script
  // shows the readable message when the module script cannot load.
  test(`${engine}: a served page whose glue fails its integrity check says so, over the static render`, async () => {
    await wd.get(`${dist.url}glue-refused.html`);
    await until('every mount element to show the start-failure message', () => wd.exec(() =>
      [...document.querySelectorAll('[data-kling-calc]')].every((el) => el.querySelector('.kc-failed [role="alert"]'))));
    assert.deepEqual(await wd.exec(() => [...document.querySelectorAll('.kc-failed [role="alert"] p')].map((p) => p.lang)), ['zh-Hant', 'zh-Hans', 'en']);
    assert.equal(await wd.exec(() => document.querySelectorAll('.kc-failed [data-kc-static] [data-metric]').length > 0), true, 'the static render under it');
    assert.equal(await wd.exec(() => document.querySelectorAll('.kc-root:not([data-kc-static])').length), 0, 'no live widget');
    assert.equal(await wd.exec(() => window.klingCalc === undefined), true, 'the glue did not run');
  });

  test(`${engine}: window.klingCalc — compute, mount, set, destroy`, async () => {
    await open(`${dist.url}index.html?lang=en`);
    const version = await wd.exec(() => window.klingCalc.version);
    assert.match(version, /^\d+\.\d+\.\d+$/);
    await wd.exec(() => {
      const el = document.body.appendChild(document.createElement('div'));
      el.id = 'api';
      window.__handle = window.klingCalc.mount(el, { lang: 'en', sections: 'kling', inputs: { pe_kuaishou: 10 } });
    });
    await waitValue(SHARE, undefined, '#api');
    assert.deepEqual(await wd.exec(() => window.__handle.get().inputs), { pe_kuaishou: 10 });
    const want = (await compute({ pe_kuaishou: 10, [KLING_Q3]: 4.5e8 }))[SHARE];
    await wd.exec((id) => window.__handle.set({ [id]: 4.5e8 }), KLING_Q3);
    const shown = await waitValue(SHARE, String(want), '#api');
    assert.equal(String(await wd.exec(() => window.__handle.get().metrics.kling_share_2025q3)), shown, 'get() returns what the instance shows');
    const thrown = await wd.exec(() => { try { window.__handle.set({ no_such_input: 1 }); return null; } catch (e) { return e.message; } });
    assert.match(thrown ?? '', /no_such_input/);
    await wd.exec(() => window.__handle.destroy());
    await until('destroy() to empty the mount element', () => wd.exec(() => document.getElementById('api').childElementCount === 0));
    // The page's own widget is untouched.
    assert.equal(await value(SHARE), String((await compute({}))[SHARE]));
    assert.deepEqual(await errors(), []);
  });

  test(`${engine}: the loader and <kling-calc> on a second origin; theme and accent follow the host live`, async () => {
    await wd.get(`${host.url}loader.html`);
    await waitValue(SHARE, undefined, 'kling-calc');
    // [luminance 0–1 of the widget's background, [r, g, b] of an accent-coloured summary], by a canvas,
    // which reads any colour syntax the engine computes (rgb(), oklch(), color()); null while
    // the element has no widget (a changed option remounts it: destroyed, then rendered anew).
    const look = () => wd.exec(() => {
      const kc = document.querySelector('kling-calc article.kc');
      if (!kc) return null;
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
      const rgb = (c) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)]; };
      const [r, g, b] = rgb(getComputedStyle(kc).backgroundColor);
      return [(0.2126 * r + 0.7152 * g + 0.0722 * b) / 255, rgb(getComputedStyle(kc.querySelector('.kc-more > summary')).color)];
    });
    const seen = async (what, ok = () => true) => {
      let got;
      await until(what, async () => (got = await look()) && ok(got), { describe: look });
      return got;
    };
    const [dark] = await seen('the widget');
    assert.ok(dark < 0.2, `theme="dark": background luminance ${dark}`);
    assert.equal(await wd.exec(() => document.querySelector('kling-calc article.kc').lang), 'en');
    assert.deepEqual(await wd.exec(() => [...document.querySelectorAll('kling-calc [data-section]')].map((s) => s.dataset.section)), ['kling']);
    // Changed live: the theme attribute, then an accent on the element.
    await wd.exec(() => document.getElementById('el').setAttribute('theme', 'light'));
    const [, before] = await seen('the widget to turn light', ([light]) => light > 0.8);
    await wd.exec(() => document.getElementById('el').style.setProperty('--kc-accent', '#c2185b'));
    await seen('the host accent (#c2185b, a red) to colour the widget', ([, [r, , b]]) => r > b + 60);
    assert.ok(before[2] > before[0], `the default accent is blue: ${before}`);
    // Removed: the widget goes with it.
    await wd.exec(() => document.getElementById('el').remove());
    assert.equal(await wd.exec(() => document.querySelectorAll('article.kc').length), 0);
    assert.deepEqual(await errors(), []);
  });

  test(`${engine}: standalone.html from file:// takes typed input`, async () => {
    await open(STANDALONE_URL);
    assert.equal(await wd.exec(() => location.protocol), 'file:');
    const want = String((await compute({ [KLING_Q3]: 4e8 }))[SHARE]);
    await type(KLING_Q3, '4億');
    await waitValue(SHARE, want);
    assert.deepEqual(await errors(), []);
  });

  test(`${engine}: standalone.html from file:// saves a chart as SVG and as a PNG at 2×`, async () => {
    await open(STANDALONE_URL);
    // The engine's own download would leave the page: each <a download> the
    // widget clicks is recorded instead (its name and data: URL).
    await wd.exec(() => {
      window.__kcSaved = [];
      HTMLAnchorElement.prototype.click = function () { window.__kcSaved.push([this.download, this.href]); };
    });
    const edition = await wd.exec(() => window.klingCalc.edition);
    const [svgButton, pngButton] = await wd.exec(() => [...document.querySelectorAll('[data-chart="pe"] button[data-save]')]);
    await clickOn(Object.values(svgButton)[0]);
    await until('the SVG download', () => wd.exec(() => window.__kcSaved.length === 1));
    await clickOn(Object.values(pngButton)[0]);
    await until('the PNG download, drawn once its image has loaded', () => wd.exec(() => window.__kcSaved.length === 2));
    const [[svgName, svgUrl], [pngName, pngUrl]] = await wd.exec(() => window.__kcSaved);
    assert.equal(svgName, `kling-calc-pe-${edition}.svg`);
    assert.equal(pngName, `kling-calc-pe-${edition}.png`);
    const file = decodeURIComponent(svgUrl.slice(svgUrl.indexOf(',') + 1));
    assert.ok(svgUrl.startsWith('data:image/svg+xml,') && file.includes(edition) && file.includes('data-bar='), file.slice(0, 200));
    // The PNG's pixel size, read in the page: twice the SVG's.
    const size = await wd.exec((url) => new Promise((done) => {
      const img = new Image();
      img.onload = () => done([img.naturalWidth, img.naturalHeight]);
      img.onerror = () => done(null);
      img.src = url;
    }), pngUrl);
    const [w, h] = [/ width="(\d+)"/, / height="(\d+)"/].map((r) => Number(file.match(r)[1]));
    assert.deepEqual(size, [w * 2, h * 2], `PNG at 2× the ${w}×${h} SVG`);
    assert.deepEqual(await errors(), []);
  });

  test(`${engine}: embed.html in an iframe on a second origin resizes its frame`, async () => {
    await wd.get(`${host.url}host.html`);
    assert.notEqual(new URL(host.url).origin, new URL(dist.url).origin);
    const iframe = await wd.find('#widget');
    const frameHeight = () => wd.exec(() => document.getElementById('widget').getBoundingClientRect().height);
    /** Switches into the frame, runs `fn`, switches back. */
    const inFrame = async (fn) => { await wd.frame(iframe); try { return await fn(); } finally { await wd.frame(null); } };
    const contentHeight = () => inFrame(() => wd.exec(() => Math.ceil(document.documentElement.getBoundingClientRect().height)));
    const heights = async () => ({ content: Math.min(10000, Math.max(200, await contentHeight())), frame: await frameHeight() });
    const fits = async (what) => {
      const h = await until(`the iframe to be as tall as its content ${what}`, async () => {
        const now = await heights();
        return Math.abs(now.frame - now.content) <= 2 && now;
      }, { describe: heights });
      return h.content;
    };
    await inFrame(async () => {
      await wd.exec(hookErrors);
      await waitValue(SHARE);
      assert.equal(await wd.exec(() => document.querySelector('article.kc').lang), 'zh-Hant');
    });
    const first = await fits('after load');
    assert.ok(first > 300, `content (${first} px) is taller than the initial 300 px frame`);
    await inFrame(async () => {
      await clickOn(await wd.find('button.kc-lang[lang="en"]'));
      await until('the framed widget to switch to English', () => wd.exec(() => document.querySelector('article.kc').lang === 'en'));
      await wd.exec(() => document.querySelectorAll('.kc details').forEach((d) => { d.open = true; }));
    });
    const grown = await fits('after every disclosure opened');
    assert.ok(grown > first + 50, `the frame grew with its content (${first} → ${grown} px)`);
    // WebKitGTK 2.50 fires "ResizeObserver loop completed with undelivered
    // notifications" in embed.html when the frame is resized to its content (the
    // sections' content-visibility changes inside the observer's loop). Chromium and
    // Firefox do not. Allowed here by its exact text, and printed, until embed.html's
    // observer is changed: every other error fails the test.
    const RO_LOOP = 'error: ResizeObserver loop completed with undelivered notifications.';
    const framed = await inFrame(errors);
    if (framed.includes(RO_LOOP)) console.log(`# ${engine}: embed.html reported "${RO_LOOP}" (known, allowed)`);
    assert.deepEqual(framed.filter((e) => e !== RO_LOOP), []);
    assert.deepEqual(await errors(), []);
  });

  test(`${engine}: the demo article's two instances work independently`, async () => {
    await wd.get(`${dist.url}demo-article.html`);
    const zh = '[data-kling-calc][data-lang="zh-Hant"]';
    const en = '[data-kling-calc][data-lang="en"]';
    await waitValue(SHARE, undefined, zh);
    // The second instance sits below the first's full height (its static
    // render), far enough to be mounted lazily: scrolled to, as a reader would.
    await wd.exec((s) => document.querySelector(s).scrollIntoView(), en);
    await waitValue(SHARE, undefined, en);
    assert.deepEqual(await wd.exec(() => [...document.querySelectorAll('[data-kling-calc] .kc')].map((k) => k.lang)), ['zh-Hant', 'en']);
    const before = await value(SHARE, zh);
    const want = String((await compute({ [KLING_Q3]: 4.5e8 }))[SHARE]);
    await type(KLING_Q3, '450', en);
    await waitValue(SHARE, want, en);
    assert.equal(await value(SHARE, zh), before, 'the other instance is unchanged');
    assert.deepEqual(await errors(), []);
  });

  /**
   * Sets the window so that the viewport is `width` px wide; false when the
   * engine's window cannot be that narrow (MiniBrowser's toolbar keeps its window
   * at 447 px or more).
   */
  async function windowWidth(width) {
    const inner = () => wd.exec(() => window.innerWidth);
    await wd.setWindowRect({ width, height: 900 });
    const got = await inner();
    if (got === width) return true;
    await wd.setWindowRect({ width: width + (width - got), height: 900 });
    return (await inner()) === width;
  }

  /** In the current document: every widget rendered, every disclosure open; on index.html a second widget with every input changed. */
  async function prepareLayout(page) {
    await wd.exec(hookErrors);
    if (page === 'index.html') {
      await waitValue(SHARE);
      await wd.exec(() => {
        const changed = {};
        for (const spec of window.klingCalc.inputs()) {
          const d = spec.default ?? spec.min;
          for (const v of [d * 1.1, d * 0.9, d + spec.step, d - spec.step]) {
            if (v === d || !Number.isFinite(v)) continue;
            try { window.klingCalc.compute({ [spec.id]: v }); changed[spec.id] = v; break; } catch { /* out of range: next */ }
          }
        }
        const el = document.querySelector('[data-kling-calc]').insertAdjacentElement('afterend', document.createElement('div'));
        el.id = 'changed';
        window.__changed = Object.keys(changed).length;
        window.klingCalc.mount(el, { lang: 'en', inputs: changed });
      });
      await waitValue(SHARE, undefined, '#changed');
      const n = await wd.exec(() => window.klingCalc.inputs().length);
      assert.equal(await wd.exec(() => window.__changed), n, 'every input has a changed value');
      await until(`a Reset button on each of the ${n} fields of the changed widget`, () => wd.exec((k) => document.querySelectorAll('#changed .kc-field button.kc-reset').length === k, n));
    } else {
      // Mount elements far below the viewport mount lazily, as the reader scrolls near.
      for (const lang of ['zh-Hant', 'en']) {
        await wd.exec((l) => document.querySelector(`[data-kling-calc][data-lang="${l}"]`).scrollIntoView(), lang);
        await waitValue(SHARE, undefined, `[data-kling-calc][data-lang="${lang}"]`);
      }
      await wd.exec(() => scrollTo(0, 0));
    }
    // Sections far off screen are skipped (content-visibility: auto) and would not
    // count towards the page's width: render them all, as ui.test.mjs does.
    await wd.exec(() => {
      const style = document.head.appendChild(document.createElement('style'));
      style.textContent = '.kc .kc-section { content-visibility: visible !important; }';
    });
    await wd.exec(() => document.querySelectorAll('.kc details').forEach((d) => { d.open = true; }));
    // (On a timeout it reports what is missing: a rare WebKit failure here left
    // only "false" to go on.)
    await until('every opened explanation to render', () => wd.exec(() => [...document.querySelectorAll('.kc-metric details.kc-how')].every((d) => d.querySelector('p'))), {
      describe: () => wd.exec(() => {
        const how = [...document.querySelectorAll('.kc-metric details.kc-how')];
        const missing = how.filter((d) => !d.querySelector('p'));
        return `${missing.length} of ${how.length} without an explanation; `
          + missing.slice(0, 5).map((d) => `${d.closest('[data-kling-calc],#changed')?.id || 'mount'}:${d.closest('.kc-metric')?.querySelector('[data-metric]')?.dataset.metric} open=${d.open} static=${!!d.closest('[data-kc-static]')}`).join(', ');
      }),
    });
  }

  test(`${engine}: no clipped control and no sideways scrolling at ${WIDTHS.join(', ')} px`, async () => {
    // Each page loads at each width (the index.html widget in Traditional Chinese as
    // published, plus an English one with every input changed so that every Reset
    // button shows; the demo article with its two instances under hostile host CSS).
    const problems = [];
    for (const page of ['index.html', 'demo-article.html']) {
      for (const width of WIDTHS) {
        const url = `${dist.url}${page}`;
        let framed = false;
        if (await windowWidth(width)) {
          await wd.get(url);
          // WebKitGTK on Xvfb applies a window size asynchronously, and a size
          // asked for earlier can land after the read that confirmed this one
          // (seen once: the page loaded at 1024 px into a 1280-px viewport). The
          // width is this test's premise, not what it tests: ask again until
          // the loaded page has it (bounded).
          await until(`${page} to have a ${width}-px viewport`, async () => {
            if ((await wd.exec(() => window.innerWidth)) === width) return true;
            await windowWidth(width);
            return false;
          }, { describe: () => wd.exec(() => window.innerWidth) });
        } else {
          await windowWidth(WIDTHS.at(-1));
          await wd.get(`${host.url}frame.html?width=${width}&src=${encodeURIComponent(url)}`);
          // Switched into before its load, WebKit's frame context stays on the initial about:blank.
          await until(`${page} to load in the ${width}-px iframe`, () => wd.exec(() => window.__frameLoaded === true));
          await wd.frame(await wd.find('#viewport'));
          framed = true;
          console.log(`# ${engine}: ${page} at ${width} px in a ${width}-px iframe (the window cannot be that narrow)`);
        }
        try {
          await prepareLayout(page);
          assert.equal(await wd.exec(() => window.innerWidth), width, `${page}: a ${width} px viewport`);
          const { out, fields, inputs } = await wd.exec(layoutProblems);
          assert.ok(inputs > 0 && fields === inputs, `${page} at ${width} px: ${fields} of ${inputs} input fields laid out and checked`);
          problems.push(...out.map((p) => `${page} at ${width} px: ${p}`));
          assert.deepEqual(await errors(), [], `${page} at ${width} px: errors`);
        } catch (e) {
          // Leaving the frame fails too when the page has crashed: report what failed first.
          if (framed) await wd.frame(null).catch(() => {});
          throw new Error(`${page} at ${width} px${framed ? ' (in an iframe)' : ''}: ${e.message}`, { cause: e });
        }
        if (framed) await wd.frame(null);
      }
    }
    for (const p of problems) console.log(`# ${engine}: ${p}`);
    assert.deepEqual(problems, [], `${engine}: clipped controls or sideways scrolling (listed above)`);
  });
}
