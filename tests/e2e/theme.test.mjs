// End-to-end: themes in Chromium (README "Themes and print"). data-theme on the
// mount element and on the page's <html>, flipped live and resolved against the
// emulated prefers-color-scheme; the host's font and --kc-font/--kc-heading-font;
// a host accent (kept in hue, lightness clamped for contrast) in both themes; the
// inline numbers' neutral hover; axe-core in light, dark and a custom accent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, metricValue, openAllDetails, axe, STANDALONE_URL } from './harness.mjs';

const env = suite();

async function open(path = 'index.html?lang=en', options = {}) {
  const handle = await openPage(env.browser, { viewport: { width: 1280, height: 900 }, ...options });
  await handle.page.goto(`${env.server.url}${path}`);
  await metricValue(handle.page, 'kling_share_2025q3');
  return handle;
}

/**
 * The theme's colours as sRGB bytes (painted on a canvas, so oklch(), color-mix()
 * and light-dark() results compare as what the reader sees): text, background,
 * accent (the "Adjust all" summary), muted (the intro), line (a heading's rule).
 */
function palette(page) {
  return page.evaluate(() => {
    const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
    const rgb = (c) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3); };
    const cs = (sel) => getComputedStyle(document.querySelector(sel));
    return {
      fg: rgb(cs('.kc').color),
      bg: rgb(cs('.kc').backgroundColor),
      accent: rgb(cs('.kc .kc-more > summary').color),
      muted: rgb(cs('.kc .kc-intro').color),
      line: rgb(cs('.kc h3').borderBottomColor),
    };
  });
}

function luminance([r, g, b]) {
  const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}
/** OKLab lightness of an sRGB triple (Björn Ottosson's matrices). */
function oklabL(rgb) {
  const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  const l = Math.cbrt(0.4122214708 * r + 0.5363137922 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
}
/** Hue in degrees (HSL) of an sRGB triple. */
function hue([r, g, b]) {
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

function setAttr(page, selector, name, value) {
  return page.evaluate(([s, n, v]) => {
    const el = document.querySelector(s);
    if (v === null) el.removeAttribute(n); else el.setAttribute(n, v);
  }, [selector, name, value]);
}

test('data-theme on the mount element and on <html>, flipped live, against prefers-color-scheme', async () => {
  const { page, context, errors } = await open();
  // The two reference palettes: no attribute anywhere, the reader's preference alone.
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await palette(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await palette(page);
  assert.ok(luminance(light.bg) > 0.8 && luminance(light.fg) < 0.05, `light: ${JSON.stringify(light)}`);
  assert.ok(luminance(dark.bg) < 0.05 && luminance(dark.fg) > 0.8, `dark: ${JSON.stringify(dark)}`);
  for (const key of Object.keys(light)) assert.notDeepEqual(light[key], dark[key], `${key} differs between themes`);
  for (const p of [light, dark]) {
    for (const key of ['fg', 'accent', 'muted']) assert.ok(contrast(p[key], p.bg) >= 4.5, `${key} reads on bg: ${contrast(p[key], p.bg)}`);
  }
  const expected = { light, dark };
  // [reader's preference, <html data-theme>, mount data-theme] → theme shown. All on
  // one page, attributes set and removed at run time, no reload.
  const CASES = [
    ['light', null, null, 'light'],
    ['dark', null, null, 'dark'],
    ['light', null, 'dark', 'dark'],
    ['dark', null, 'light', 'light'],
    ['light', null, 'auto', 'light'],
    ['dark', null, 'auto', 'dark'],
    ['light', 'dark', null, 'dark'],
    ['dark', 'light', null, 'light'],
    ['light', 'dark', 'light', 'light'],
    ['dark', 'light', 'dark', 'dark'],
    ['light', 'dark', 'auto', 'light'],
    ['dark', 'light', 'auto', 'dark'],
    ['light', 'sepia', null, 'light'],
    ['dark', 'sepia', 'bogus', 'dark'],
  ];
  for (const [scheme, html, mount, shown] of CASES) {
    await page.emulateMedia({ colorScheme: scheme });
    await setAttr(page, 'html', 'data-theme', html);
    await setAttr(page, '[data-kling-calc]', 'data-theme', mount);
    assert.deepEqual(await palette(page), expected[shown], `prefers ${scheme}, <html data-theme=${html}>, mount data-theme=${mount}: ${shown}`);
  }
  // Light → dark → auto on the mount element, the preference dark: dark, dark, dark;
  // then the preference flips to light under auto: light, with no attribute change.
  await setAttr(page, 'html', 'data-theme', null);
  for (const [scheme, mount, shown] of [['dark', 'light', 'light'], ['dark', 'dark', 'dark'], ['dark', 'auto', 'dark'], ['light', 'auto', 'light']]) {
    await page.emulateMedia({ colorScheme: scheme });
    await setAttr(page, '[data-kling-calc]', 'data-theme', mount);
    assert.deepEqual(await palette(page), expected[shown], `${mount} under ${scheme}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the widget uses the host page\'s font; --kc-font and --kc-heading-font override it', async () => {
  const { page, context } = await open();
  const fonts = () => page.evaluate(() => Object.fromEntries(['.kc', '.kc h2', '.kc h3', '.kc button', '.kc .kc-narrative', '.kc input[type="text"]']
    .map((s) => [s, getComputedStyle(document.querySelector(s)).fontFamily])));
  const same = (family) => Object.fromEntries(['.kc', '.kc h2', '.kc h3', '.kc button', '.kc .kc-narrative', '.kc input[type="text"]'].map((s) => [s, family]));
  const HOST = '"Kc Host Face", Courier, monospace';
  // index.html made a host page: without the widget's own-page mark, with a font of its own.
  await page.evaluate((f) => { document.documentElement.removeAttribute('data-kc-page'); document.body.style.fontFamily = f; }, HOST);
  const host = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.deepEqual(await fonts(), same(host), 'body text, headings and controls in the host\'s font');
  // --kc-font on an ancestor (body) replaces it everywhere in the widget, not on the page.
  await page.evaluate(() => document.body.style.setProperty('--kc-font', '"Kc Theme Face", serif'));
  const themed = await page.evaluate(() => { const p = document.createElement('p'); p.style.fontFamily = '"Kc Theme Face", serif'; document.body.append(p); const f = getComputedStyle(p).fontFamily; p.remove(); return f; });
  assert.deepEqual(await fonts(), same(themed));
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontFamily), host, 'the host keeps its own font');
  // --kc-heading-font on the mount element: headings only.
  await page.evaluate(() => document.querySelector('[data-kling-calc]').style.setProperty('--kc-heading-font', 'Georgia, serif'));
  const headings = await fonts();
  assert.equal(headings['.kc h2'], 'Georgia, serif');
  assert.equal(headings['.kc h3'], 'Georgia, serif');
  assert.equal(headings['.kc'], themed);
  assert.equal(headings['.kc .kc-narrative'], themed);
  await context.close();

  // A real host: the demo article sets Georgia on its body; the widget follows it.
  const demo = await openPage(env.browser);
  await demo.page.goto(`${env.server.url}demo-article.html`);
  await metricValue(demo.page, 'kling_share_2025q3');
  const [body, kc, h2] = await demo.page.evaluate(() => [getComputedStyle(document.body).fontFamily,
    ...['.kc', '.kc h2'].map((s) => getComputedStyle(document.querySelector(s)).fontFamily)]);
  assert.match(body, /Georgia/);
  assert.deepEqual([kc, h2], [body, body]);
  await demo.context.close();
});

test('the widget\'s own pages (index, embed, standalone) have no host font: a sans-serif stack; --kc-font still wins', async () => {
  const families = [];
  for (const url of [`${env.server.url}index.html`, `${env.server.url}embed.html`, STANDALONE_URL]) {
    const { page, context } = await openPage(env.browser);
    await page.goto(url);
    await metricValue(page, 'kling_share_2025q3');
    const [kc, h2, body] = await page.evaluate(() => ['.kc', '.kc h2', 'body'].map((s) => getComputedStyle(document.querySelector(s)).fontFamily));
    assert.notEqual(kc, body, `${url}: not the browser's default font`);
    assert.match(kc, /sans-serif$/, url);
    assert.equal(h2, kc, `${url}: headings in the same font`);
    families.push(kc);
    await page.evaluate(() => document.documentElement.style.setProperty('--kc-font', 'Georgia, serif'));
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.kc')).fontFamily), 'Georgia, serif', url);
    await context.close();
  }
  assert.equal(new Set(families).size, 1, 'the same stack on every page');
});

test('a host accent: applied from any ancestor, hue kept, lightness clamped to read on both themes; a light-dark() pair is used as given', async () => {
  const { page, context } = await open();
  const defaults = {};
  for (const theme of ['light', 'dark']) {
    await setAttr(page, '[data-kling-calc]', 'data-theme', theme);
    defaults[theme] = await palette(page);
  }
  const bytes = (c) => page.evaluate((css) => {
    const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
    ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1); return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
  }, c);
  // [accent the host sets, where] — a mid-tone brand colour, a pale one, a dark one.
  for (const [accent, where] of [['#c2185b', 'body'], ['#ffcc00', '[data-kling-calc]'], ['#1a237e', 'html']]) {
    await page.evaluate(([a, w]) => document.querySelector(w).style.setProperty('--kc-accent', a), [accent, where]);
    const given = await bytes(accent);
    for (const theme of ['light', 'dark']) {
      await setAttr(page, '[data-kling-calc]', 'data-theme', theme);
      const p = await palette(page);
      assert.ok(contrast(p.accent, p.bg) >= 4.5, `${accent} on ${theme}: contrast ${contrast(p.accent, p.bg).toFixed(2)}`);
      assert.ok(Math.abs(((hue(p.accent) - hue(given) + 540) % 360) - 180) <= 12, `${accent} on ${theme}: hue ${hue(p.accent)} vs ${hue(given)}`);
      // The documented clamp: OKLCH lightness at most 0.5 on light, at least 0.72 on dark.
      const [lo, hi] = theme === 'light' ? [0, 0.5] : [0.72, 1];
      const l = oklabL(given);
      if (l >= lo && l <= hi) assert.deepEqual(p.accent, given, `${accent} (L ${l.toFixed(3)}) is within bounds on ${theme}: used as is`);
      else assert.ok(Math.abs(oklabL(p.accent) - (l < lo ? lo : hi)) <= 0.02, `${accent} on ${theme}: L ${oklabL(p.accent).toFixed(3)}, clamped from ${l.toFixed(3)}`);
      assert.deepEqual({ ...p, accent: null }, { ...defaults[theme], accent: null }, `${accent} on ${theme}: only the accent changes`);
      assert.notDeepEqual(p.accent, defaults[theme].accent);
    }
    await page.evaluate((w) => document.querySelector(w).style.removeProperty('--kc-accent'), where);
  }
  // A pair chosen by the host for each theme is used exactly.
  await page.evaluate(() => document.body.style.setProperty('--kc-accent', 'light-dark(#ad1457, #f48fb1)'));
  for (const [theme, css] of [['light', '#ad1457'], ['dark', '#f48fb1']]) {
    await setAttr(page, '[data-kling-calc]', 'data-theme', theme);
    assert.deepEqual((await palette(page)).accent, await bytes(css), `${theme}: ${css}`);
  }
  // Any public property wins over the widget's default, set on the mount element.
  await page.evaluate(() => document.querySelector('[data-kling-calc]').style.cssText += '--kc-bg:#fffdf5;--kc-fg:#202020;--kc-radius:0px');
  const custom = await palette(page);
  assert.deepEqual([custom.bg, custom.fg], [await bytes('#fffdf5'), await bytes('#202020')]);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.kc .kc-card')).borderTopLeftRadius), '0px');
  await context.close();
});

test('inline numbers: hover is a neutral tint of the text colour, never the "changed" colour', async () => {
  // Reduced motion: no background transition, so the tint is read at its final value.
  const { page, context } = await open(undefined, { reducedMotion: 'reduce' });
  for (const theme of ['light', 'dark']) {
    await setAttr(page, '[data-kling-calc]', 'data-theme', theme);
    const inline = page.locator('.kc .kc-inline').first();
    await inline.scrollIntoViewIfNeeded();
    await inline.hover();
    const [hover, changed] = await page.evaluate(() => {
      const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
      const kc = getComputedStyle(document.querySelector('.kc'));
      // Composite over the widget's background, as the reader sees it.
      const rgb = (c) => { ctx.fillStyle = kc.backgroundColor; ctx.fillRect(0, 0, 1, 1); ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3); };
      const el = document.querySelector('.kc .kc-inline:hover');
      // The "changed" colour as the widget resolves it, on a probe inside the widget.
      const probe = document.querySelector('.kc').appendChild(document.createElement('span'));
      probe.style.backgroundColor = 'var(--_changed)';
      const changed = rgb(getComputedStyle(probe).backgroundColor);
      probe.remove();
      return [rgb(getComputedStyle(el).backgroundColor), changed];
    });
    const bg = (await palette(page)).bg;
    assert.notDeepEqual(hover, bg, `${theme}: hover shows`);
    assert.notDeepEqual(changed, bg, `${theme}: the changed colour resolved`);
    assert.notDeepEqual(hover, changed, `${theme}: hover is not the changed colour`);
    assert.ok(Math.max(...hover) - Math.min(...hover) <= 3, `${theme}: hover ${hover} is neutral (grey)`);
    assert.equal(await inline.evaluate((el) => getComputedStyle(el).borderBottomStyle), 'solid');
    await page.mouse.move(0, 0);
  }
  await context.close();
});

// WCAG 2 A/AA with every disclosure open: the two themes, and a host accent in each.
for (const [name, theme, accent] of [['light', 'light', null], ['dark', 'dark', null], ['custom accent, light', 'light', '#c2185b'], ['custom accent, dark', 'dark', '#c2185b']]) {
  test(`axe: no violations (${name})`, async () => {
    const { page, context } = await open();
    await setAttr(page, '[data-kling-calc]', 'data-theme', theme);
    if (accent) await page.evaluate((a) => document.body.style.setProperty('--kc-accent', a), accent);
    await page.addStyleTag({ content: '.kc .kc-section { content-visibility: visible !important; }' });
    await openAllDetails(page);
    const { found, passes } = await axe(page);
    assert.deepEqual(found, []);
    assert.ok(passes.includes('color-contrast'), 'axe checked contrast');
    await context.close();
  });
}
