// End-to-end: dist/builder.html, the editor's kit. From file:// it runs with
// no request beyond itself and no CSP violation; the choices made in it (and
// a figure edited in its preview) come out as code that, pasted into a fresh
// page, reproduces language, sections, layout, theme, starting inputs and
// accent, for the script embed, the <kling-calc> element and the iframe; Copy
// puts that code on the clipboard; the downloaded standalone.html carries the
// same choices under its own CSP; the accent warns below 4.5:1; axe finds no
// violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import {
  suite, openPage, openBody, waitUntil, waitForLive, typeInto, axe, recordShifts, shifts, readMetrics, DIST,
} from './harness.mjs';

const env = suite();
const BUILDER_FILE = pathToFileURL(join(DIST, 'builder.html')).href;

/** What the editor chooses in every test that makes code. */
const CHOICE = { lang: 'en', sections: ['kling', 'valuation'], layout: 'full', theme: 'dark', accent: '#c2185b', pe: '12' };

/** Waits until the preview (or `sel` in `scope`) holds a live widget, not a pasted first frame. */
const rendered = (scope, sel = '#kit-preview') => waitForLive(scope, sel);

/** What a reader sees of the widget in `sel`: the choices it reproduces. */
function seen(scope, sel) {
  return scope.$eval(sel, (el) => {
    const kc = el.querySelector('.kc');
    return {
      lang: kc.lang,
      sections: [...kc.querySelectorAll('[data-section]')].map((s) => s.dataset.section),
      layout: kc.dataset.layout,
      theme: el.getAttribute('data-theme'),
      accent: getComputedStyle(el).getPropertyValue('--kc-accent').trim(),
      pe: kc.querySelector('[data-input="pe_kuaishou"]')?.value ?? null,
    };
  });
}

/** Opens the builder (served over HTTP unless `url`), makes CHOICE, and edits P/E in the preview. */
async function builderWithChoice(options = {}, url = `${env.server.url}builder.html`) {
  const handle = await openPage(env.browser, options);
  const { page } = handle;
  await page.goto(url);
  await rendered(page);
  await page.selectOption('#kit-lang', CHOICE.lang);
  for (const box of await page.$$('#kit-parts input')) {
    const key = await box.getAttribute('value');
    await (CHOICE.sections.includes(key) ? box.check() : box.uncheck());
  }
  await page.selectOption('#kit-layout', CHOICE.layout);
  await page.selectOption('#kit-theme', CHOICE.theme);
  await page.fill('#kit-accent', CHOICE.accent);
  await waitUntil(page, 'the preview in the chosen language and layout', ([l, y]) => {
    const kc = document.querySelector('#kit-preview .kc');
    return kc && kc.lang === l && kc.dataset.layout === y;
  }, [CHOICE.lang, CHOICE.layout]);
  // In the preview: the builder mounts a second widget, off screen, while it makes a first frame.
  await typeInto(page, 'pe_kuaishou', CHOICE.pe, '#kit-preview');
  // The code is written once the first frame of these choices is made.
  await waitUntil(page, 'the code to carry the edited P/E and its first frame', (pe) => {
    const code = document.querySelector('#kit-code-script').value;
    return code.includes(`pe_kuaishou:${pe}`) && code.includes('data-kc-static');
  }, CHOICE.pe);
  return handle;
}

/** Opens `body` as a fresh page on the dist/ origin. */
const fresh = (body) => openBody(env.browser, env.server.url, body);

test('from file://, the builder runs with no request beyond itself and no CSP violation', async () => {
  const { page, context, errors, requests } = await openPage(env.browser);
  await page.goto(BUILDER_FILE);
  await rendered(page);
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [BUILDER_FILE]);
  assert.deepEqual(errors, []);
  // From disk it cannot know where the files will be served: a placeholder says so.
  assert.match(await page.inputValue('#kit-base'), /^https:\/\//);
  await context.close();
});

test('code copied from the builder reproduces the choices in a fresh page (script, <kling-calc>, iframe)', async () => {
  const { page, context, errors } = await builderWithChoice();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const codes = {};
  for (const kind of ['script', 'element', 'iframe']) {
    await page.click(`[data-copy="kit-code-${kind}"]`);
    await waitUntil(page, `the ${kind} Copy button to report`, (k) => document.querySelector(`#kit-code-${k}-status`).textContent === 'Copied.', kind);
    codes[kind] = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(codes[kind], await page.inputValue(`#kit-code-${kind}`), `${kind}: the clipboard holds the code shown`);
  }
  assert.deepEqual(errors, []);
  await context.close();

  // (kind, where the widget ends up in the pasted page)
  for (const [kind, mount] of [['script', '[data-kling-calc]'], ['element', 'kling-calc']]) {
    const pasted = await fresh(codes[kind]);
    await rendered(pasted.page, mount);
    assert.deepEqual(await seen(pasted.page, mount), CHOICE, kind);
    assert.deepEqual(pasted.errors, [], kind);
    await pasted.context.close();
  }
  const pasted = await fresh(codes.iframe);
  const frame = await (await pasted.page.waitForSelector('iframe[data-kling-calc-frame]')).contentFrame();
  await rendered(frame, '[data-kling-calc]');
  assert.deepEqual(await seen(frame, '[data-kling-calc]'), CHOICE, 'iframe');
  // The pasted resize snippet works: the iframe takes its page's height.
  await waitUntil(pasted.page, 'the iframe to be resized to its content', () => {
    const f = document.querySelector('iframe');
    const inner = f.contentDocument?.documentElement.getBoundingClientRect().height;
    return inner && Math.abs(f.getBoundingClientRect().height - Math.ceil(inner)) <= 1;
  });
  assert.deepEqual(pasted.errors, [], 'iframe');
  await pasted.context.close();
});

test('the downloaded standalone.html carries the choices and runs from file:// under its CSP', async () => {
  const { page, context } = await builderWithChoice({ acceptDownloads: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#kit-download')]);
  assert.equal(download.suggestedFilename(), 'standalone.html');
  const path = join(tmpdir(), `wt-kit-builder-${process.pid}.html`);
  await download.saveAs(path);
  await context.close();
  // It carries the first frame of these choices, not the default one.
  const frames = readFileSync(path, 'utf8').match(/<div class="kc-root kc-static" data-kc-static(="")?><article lang="([^"]+)"[^>]* data-layout="([^"]+)"/g) ?? [];
  assert.deepEqual(frames.map((f) => f.match(/lang="([^"]+)"[^>]* data-layout="([^"]+)"/).slice(1)), [[CHOICE.lang, CHOICE.layout]]);

  const opened = await openPage(env.browser);
  await opened.page.goto(pathToFileURL(path).href);
  await rendered(opened.page, '[data-kling-calc]');
  assert.deepEqual(await seen(opened.page, '[data-kling-calc]'), CHOICE);
  assert.equal(await opened.page.getAttribute('html', 'lang'), CHOICE.lang);
  assert.deepEqual(opened.requests.filter((u) => !u.startsWith('data:')), [pathToFileURL(path).href]);
  assert.deepEqual(opened.errors, [], 'no CSP violation: the accent style is hashed into the policy');
  await opened.context.close();
});

test('a language chosen in the preview\'s own switch becomes the embed\'s: the menu follows, the code carries it, the preview stays', async () => {
  const { page, context, errors } = await openPage(env.browser);
  await page.goto(`${env.server.url}builder.html`);
  await rendered(page);
  assert.equal(await page.inputValue('#kit-lang'), 'zh-Hant');
  await page.$eval('#kit-preview .kc', (kc) => { kc.dataset.marker = 'same'; });
  // The widget's language buttons carry their language's own name.
  await page.click('#kit-preview .kc button.kc-lang[lang="en"]');
  await waitUntil(page, 'the builder\'s language menu to follow the preview', () => document.querySelector('#kit-lang').value === 'en');
  await waitUntil(page, 'the code to carry data-lang="en"', () => document.querySelector('#kit-code-script').value.includes('data-lang="en"'));
  assert.equal(await page.$eval('#kit-preview .kc', (kc) => [kc.lang, kc.dataset.marker].join()), 'en,same', 'the preview was not remounted');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the accent warns when it fails 4.5:1 against the widget\'s background, and when it is no colour', async () => {
  const { page, context, errors } = await openPage(env.browser);
  await page.goto(BUILDER_FILE);
  await rendered(page);
  await page.selectOption('#kit-theme', 'light');
  // (accent typed, warning expected: a fragment, or '' for none)
  const cases = [
    ['#ffff00', '4.5:1'],
    ['#c2185b', ''],
    ['#0b57a4', ''],
    ['#aaa', '4.5:1'],
    ['red', 'not a colour'],
    ['', ''],
  ];
  for (const [accent, warning] of cases) {
    await page.fill('#kit-accent', accent);
    const text = await page.textContent('#kit-contrast');
    if (warning) assert.ok(text.includes(warning), `${accent}: ${text}`);
    else assert.equal(text, '', accent);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe: no WCAG A/AA violation in the builder, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    // bypassCSP: the builder's own CSP would refuse the injected axe script.
    const { page, context } = await openPage(env.browser, { colorScheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await page.goto(BUILDER_FILE);
    await rendered(page);
    const { found, passes } = await axe(page);
    assert.deepEqual(found, [], colorScheme);
    assert.ok(passes.length > 10, 'axe ran its checks');
    await context.close();
  }
});

test('pasted code carrying the first frame: the article does not move, the frame is the live widget\'s, and it stands in without JavaScript', async () => {
  const { page, context } = await builderWithChoice();
  const codes = {
    script: await page.inputValue('#kit-code-script'),
    element: await page.inputValue('#kit-code-element'),
  };
  assert.match(await page.textContent('#kit-frame-size'), /^\d+ KB$/);
  // Without the frame the code is the plain two lines.
  await page.uncheck('#kit-frame');
  await waitUntil(page, 'the script code without its frame', () => !/kc-static|kling-calc\.css/.test(document.querySelector('#kit-code-script').value));
  await context.close();

  for (const [kind, mounts] of [['script', '[data-kling-calc]'], ['element', 'kling-calc']]) {
    const code = codes[kind];
    // The stylesheet comes first, from the stable name, so the frame is styled from its first paint.
    assert.ok(code.startsWith(`<link rel="stylesheet" href="${env.server.url}kling-calc.css">\n<script `), kind);
    // Its ids are its own: never those a live widget takes (kc<instance>-).
    const ids = [...code.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(ids.length > 10 && ids.every((id) => /^kc[0-9a-z]+-/.test(id) && !/^kc\d+-/.test(id)), `${kind}: ${ids[0]}`);
    assert.equal(new Set(ids).size, ids.length, `${kind}: ids are unique`);
    // An article: paragraphs above (the widget starts in view) and below (what would move).
    const para = (n) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the article around the widget.</p>`).join('');
    const body = para(2) + code + para(12);

    const off = await openBody(env.browser, env.server.url, body, null, { javaScriptEnabled: false });
    const still = await off.page.evaluate(readMetrics, { live: false, mounts });
    assert.equal(await off.page.getAttribute('[data-kc-static] .kc', 'lang'), CHOICE.lang, `${kind}: the chosen language without JavaScript`);
    assert.equal(await off.page.getAttribute('[data-kc-static] [data-input="pe_kuaishou"]', 'value'), CHOICE.pe, `${kind}: the edited figure without JavaScript`);
    await off.context.close();
    assert.ok(still.length === 1 && still[0].length > 0, `${kind}: the frame is in the mount element`);

    for (const width of [390, 1280]) {
      const pasted = await openBody(env.browser, env.server.url, body, (p) => recordShifts(p), { viewport: { width, height: 844 } });
      await rendered(pasted.page, mounts);
      const shift = await shifts(pasted.page);
      assert.ok(shift.cls <= 0.02, `${kind} at ${width} px: CLS ${shift.cls.toFixed(4)} (shifts: ${shift.entries.join('; ')})`);
      assert.deepEqual(await pasted.page.evaluate(readMetrics, { live: true, mounts }), still, `${kind}: the frame's figures are the live widget's`);
      assert.deepEqual(await seen(pasted.page, mounts), CHOICE, kind);
      assert.deepEqual(pasted.errors, [], kind);
      // The loader took the stable stylesheet for its own: no second copy of the rules.
      assert.equal(pasted.requests.filter((u) => /\/widget-[0-9a-f]+\.css$/.test(u)).length, 0, kind);
      await pasted.context.close();
    }
  }

  // As a reader sees it until the widget starts (the module refused, so it never does): no axe violation.
  const waiting = await openBody(env.browser, env.server.url, codes.script, (p) => p.route(/kling-calc-[0-9a-f]+\.js$/, (r) => r.abort()), { viewport: { width: 390, height: 844 } });
  assert.equal(await waiting.page.locator('[data-kc-static]').count(), 1);
  const { found, passes } = await axe(waiting.page);
  assert.deepEqual(found, []);
  assert.ok(passes.length > 10, 'axe ran its checks');
  await waiting.context.close();
});

test('pasted iframe code reserves the widget\'s height at each width: the article does not move when the iframe reports', async () => {
  const { page, context } = await builderWithChoice();
  const code = await page.inputValue('#kit-code-iframe');
  await context.close();
  const rules = [...code.matchAll(/@container \(min-width:(\d+)px\)\{iframe\[data-kc-fit="(k[0-9a-z]+)"\]\{height:(\d+)px\}\}/g)];
  assert.ok(rules.length > 3, `container rules in the iframe code:\n${code.slice(0, 600)}`);
  assert.ok(code.includes(`<iframe data-kling-calc-frame data-kc-fit="${rules[0][2]}"`), 'the rules name the iframe');
  // The widget grows shorter as its box grows wider.
  const heights = rules.map((r) => Number(r[3]));
  assert.ok(heights.every((h, i) => i === 0 || h <= heights[i - 1]), `heights fall with width: ${heights.join(', ')}`);
  // The same iframe as the code without heights: 600 px until it reports (what the builder gave before).
  const unfitted = code
    .replace(/<style>[\s\S]*?<\/style>\n/, '')
    .replace(/ data-kc-fit="[^"]+"/, '')
    .replace('style="width: 100%; border: 0"', 'style="width: 100%; height: 600px; border: 0"');
  assert.notEqual(unfitted, code);
  const para = (n) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the article around the widget.</p>`).join('');

  /** The pasted `iframe` code's CLS at `width`, once the iframe has taken its widget's reported height. */
  const shiftAt = async (iframe, width) => {
    const pasted = await openBody(env.browser, env.server.url, para(2) + iframe + para(12), (p) => recordShifts(p), { viewport: { width, height: 844 } });
    const frame = await (await pasted.page.waitForSelector('iframe[data-kling-calc-frame]')).contentFrame();
    await rendered(frame, '[data-kling-calc]');
    await waitUntil(pasted.page, `the iframe at ${width} px to take its widget's height`, () => {
      const f = document.querySelector('iframe');
      const inner = f.contentDocument?.documentElement.getBoundingClientRect().height;
      return inner > 200 && f.style.height === `${Math.ceil(inner)}px`;
    });
    const shift = await shifts(pasted.page);
    assert.deepEqual(pasted.errors, [], `${width} px`);
    await pasted.context.close();
    return shift;
  };
  // Body margins make the iframe 16 px narrower than the page: 359 and 374 px lie
  // between two measured widths, 1,264 px beyond the widest.
  for (const width of [375, 390, 1280]) {
    const shift = await shiftAt(code, width);
    assert.ok(shift.cls <= 0.02, `at ${width} px: CLS ${shift.cls.toFixed(4)} (shifts: ${shift.entries.join('; ')})`);
  }
  const before = await shiftAt(unfitted, 390);
  assert.ok(before.cls > 0.02, `without the heights the article moves: CLS ${before.cls.toFixed(4)}`);
});

test('a first frame that fails to render is not remembered: the code goes without it, and the next change of choice makes it', async () => {
  const { page, context, errors } = await openPage(env.browser);
  await page.goto(`${env.server.url}builder.html`);
  await rendered(page);
  await waitUntil(page, 'the first code with its frame', () => document.querySelector('#kit-code-script').value.includes('data-kc-static'));
  // The next mount out of sight (the frame's, not the preview's) fails once.
  await page.evaluate(() => {
    const mount = klingCalc.mount;
    klingCalc.mount = function (el, o) {
      if (el.id !== 'kit-preview') {
        klingCalc.mount = mount;
        throw new Error('refused once by the test');
      }
      return mount.call(this, el, o);
    };
  });
  await page.selectOption('#kit-layout', 'full');
  await waitUntil(page, 'the code without a frame, the iframe at 600 px', () => {
    const script = document.querySelector('#kit-code-script').value;
    return script.includes('data-layout="full"') && !script.includes('data-kc-static')
      && document.querySelector('#kit-code-iframe').value.includes('height: 600px')
      && document.querySelector('#kit-frame-size').textContent === 'no frame';
  });
  // A change that leaves the frame's choices as they were (the theme) tries again.
  await page.selectOption('#kit-theme', 'dark');
  await waitUntil(page, 'the code with the full layout\'s frame and the iframe\'s heights', () => {
    const script = document.querySelector('#kit-code-script').value;
    return script.includes('data-theme="dark"') && /data-kc-static[^>]*><article[^>]* data-layout="full"/.test(script)
      && document.querySelector('#kit-code-iframe').value.includes('@container');
  });
  assert.deepEqual(errors, []);
  await context.close();
});

/** The kit's own words as the page shows them: everything but the preview, the code and the language menus. */
function kitWords() {
  const body = document.body.cloneNode(true);
  for (const el of body.querySelectorAll('#kit-preview, textarea, #kit-lang, #kit-ui, script, style')) el.remove();
  return body.textContent;
}

test('the kit speaks the editor\'s language: 繁體, 简体 or English from the browser, switched in place, choices kept', async () => {
  // A browser in Traditional Chinese opens the kit in it.
  const { page, context, errors } = await openPage(env.browser, { locale: 'zh-TW' });
  await page.goto(`${env.server.url}builder.html`);
  await rendered(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
  assert.equal(await page.inputValue('#kit-ui'), 'zh-Hant');
  // No English words left in its own text but names and code: the section
  // keys, the file and element names, the colour syntax, the keys to press,
  // and "ARPU", which the widget's Chinese section heading uses.
  const KEEP = new Set(['ARPU', 'JavaScript', 'kling', 'calc', 'iframe', 'standalone', 'html', 'rgb', 'rrggbb', 'Ctrl', 'Mac', 'growth', 'arpu', 'valuation', 'goals', 'claims', 'sources']);
  const english = (text) => (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !KEEP.has(w));
  assert.deepEqual(english(await page.evaluate(kitWords)), []);
  // Each section's box is named by the heading the widget gives it, in that language.
  for (const key of ['kling', 'claims', 'sources']) {
    const heading = await page.$eval(`#kit-preview [data-section="${key}"] h3`, (h) => h.textContent);
    const label = await page.$eval(`#kit-parts input[value="${key}"]`, (c) => c.parentElement.textContent);
    assert.equal(label, `${heading} (${key})`);
  }
  // Its messages too: a colour it cannot take.
  await page.fill('#kit-accent', '#zz');
  await waitUntil(page, 'the accent warning', () => document.getElementById('kit-contrast').textContent !== '');
  assert.deepEqual(english(await page.textContent('#kit-contrast')), []);
  assert.ok((await page.textContent('#kit-contrast')).includes('#zz'));
  await page.fill('#kit-accent', '');

  // Switched to Simplified Chinese in place: the choices stay.
  await page.selectOption('#kit-layout', 'full');
  await page.selectOption('#kit-ui', 'zh-Hans');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(await page.inputValue('#kit-layout'), 'full');
  assert.deepEqual(english(await page.evaluate(kitWords)), []);
  const hant = await page.$$eval('[data-t]', (els) => els.map((e) => e.textContent));
  assert.notDeepEqual(hant, [], 'words marked for translation');

  // And to English: word for word what a browser in English opens the kit with.
  await page.selectOption('#kit-ui', 'en');
  const en = await openPage(env.browser, { locale: 'en-US' });
  await en.page.goto(`${env.server.url}builder.html`);
  assert.equal(await en.page.getAttribute('html', 'lang'), 'en');
  const words = (p) => p.$$eval('[data-t]:not(#kit-preview *)', (els) => els.map((e) => [e.dataset.t, e.textContent]));
  assert.deepEqual(await words(page), await words(en.page));
  assert.equal(await page.title(), await en.page.title());
  await en.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});
