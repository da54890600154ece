// End-to-end: the charts' downloads (SVG and PNG at 2×) from index.html over
// HTTP, standalone.html from file:// and embed.html, each under its own CSP
// with zero violations; and chart text legible at 320 px (at least 11 px,
// nothing overlapping or clipped) in English and Traditional Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  suite, openCspPage, typeInto, bounded, waitForElement, waitUntil, STANDALONE_URL, DIST, LIVE,
} from './harness.mjs';

const env = suite();

/** The outlets `data/sources.toml` names, so the source line is checked against the data. */
/** What a downloaded chart's source line ends with when it draws figures the reader changed (core::sections::READER_CHANGED, English). */
const READER_NOTE = '; figures changed by the reader';
const OUTLETS = [...readFileSync(join(DIST, '..', 'data', 'sources.toml'), 'utf8').matchAll(/^outlet = "([^"]+)"/gm)].map((m) => m[1]);

/** Opens `url` recording CSP violations (events and console messages), waits for the charts. */
async function openCharts(url, options = {}) {
  const opened = await openCspPage(env.browser, options);
  await opened.page.goto(url);
  // The live widget's charts (the static render before it has the same ones).
  await waitForElement(opened.page, `${LIVE} [data-chart] svg text`, { state: 'attached' });
  return opened;
}

/** Clicks `button` and returns the download it starts: its file name and bytes. */
async function download(page, button, what) {
  const [dl] = await Promise.all([
    bounded(`the download of ${what}`, (timeout) => page.waitForEvent('download', { timeout })),
    button.click(),
  ]);
  const path = await bounded(`${what} to be saved`, () => dl.path());
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** What a chart shows on the page: title, legend entries, every text of its SVG. */
function shown(page, key) {
  return page.$eval(`[data-chart="${key}"]`, (f) => ({
    title: f.querySelector('figcaption').firstChild.textContent,
    legend: [...f.querySelectorAll('.kc-legend li')].map((li) => li.textContent),
    texts: [...f.querySelectorAll('svg text')].map((t) => t.textContent),
    bars: [...f.querySelectorAll('svg [data-bar]')].map((b) => [b.getAttribute('data-bar'), b.getAttribute('data-value')]),
  }));
}

/** The text of every `<text>` in an SVG file, unescaped. */
function svgTexts(svg) {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

const PAGES = [
  ['index.html over HTTP', () => `${env.server.url}index.html?lang=en`, {}],
  ['standalone.html from file://', () => `${STANDALONE_URL}?lang=en`, { offline: true }],
  ['embed.html under its CSP', () => `${env.server.url}embed.html?lang=en`, {}],
];

for (const [label, url, options] of PAGES) {
  test(`downloads: every chart as SVG and PNG from ${label}, with the reader's values and no CSP violation`, async () => {
    const { page, context, errors, consoleCsp } = await openCharts(url(), options);
    const edition = await page.evaluate(() => window.klingCalc.edition);
    const footer = await page.$eval('[data-edition]', (p) => p.textContent);
    // The reader changes the latest quarter's Kling revenue: the download must carry it.
    const input = `kling_revenue_${edition.split('-')[0]}`;
    await typeInto(page, input, '4億');
    await waitUntil(page, 'the Kling chart to draw the typed 4億', () => [...document.querySelectorAll('[data-chart="kling"] [data-bar]')].some((b) => b.getAttribute('data-value') === '400000000'));
    const keys = await page.$$eval('[data-chart]', (fs) => fs.map((f) => f.dataset.chart));
    assert.ok(keys.length >= 4, `a chart in every section: ${keys}`);
    for (const key of keys) {
      const fig = page.locator(`[data-chart="${key}"]`);
      const want = await shown(page, key);
      const svg = await download(page, fig.getByRole('button', { name: 'Download SVG' }), `${key} as SVG`);
      assert.equal(svg.name, `kling-calc-${key}-${edition}.svg`);
      const text = svg.bytes.toString('utf8');
      assert.match(text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      // The marks keep the page's classes, drawn by one stylesheet of the file's own.
      assert.equal(text.match(/<style>/g)?.length, 1, `${key}: one <style>`);
      assert.doesNotMatch(text, /<script|NaN|Infinity|undefined|null/, key);
      // Well-formed XML (the chart is copied as the page serializes it), parsed
      // without its <style>, which the page's CSP would report as inline style.
      const parsed = (s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror')?.textContent ?? '';
      assert.equal(await page.evaluate(parsed, text.replace(/<style>[^<]*<\/style>/, '')), '', `${key}: the file parses as SVG`);
      const lines = svgTexts(text);
      const all = lines.join(' ');
      // Title and legend may wrap; every word of them is there, in order.
      for (const part of [want.title, ...want.legend]) {
        assert.ok(all.replace(/\s+/g, '').includes(part.replace(/\s+/g, '')), `${key}: ${part} in ${all}`);
      }
      for (const t of want.texts) assert.ok(lines.includes(t), `${key}: the drawn "${t}" in the file`);
      for (const [bar, value] of want.bars) assert.ok(text.includes(`data-bar="${bar}" data-value="${value}"`), `${key}: bar ${bar} = ${value}`);
      // The source line the page wrote (it may wrap in the file): the outlets,
      // then, where the chart draws the reader's 4億 (the Kling chart only: the
      // others draw no Kling Q3 revenue), a note that the figures are the reader's.
      const source = await fig.locator('[data-src]').getAttribute('data-src');
      assert.ok(source.startsWith('Sources: ') && lines.some((l) => l.startsWith('Sources: ')), `${key}: a source line in ${all}`);
      assert.ok(all.replace(/\s+/g, '').includes(source.replace(/\s+/g, '')), `${key}: ${source} in ${all}`);
      assert.equal(source.endsWith(READER_NOTE), key === 'kling', `${key}: ${source}`);
      const named = source.slice('Sources: '.length).replace(READER_NOTE, '').split(', ');
      assert.ok(named.length >= 1 && named.every((o) => OUTLETS.includes(o)), `${key}: ${source} names outlets of data/sources.toml`);
      assert.ok(all.replace(/\s+/g, '').includes(footer.replace(/\s+/g, '')) && all.includes(edition), `${key}: the edition line ${footer}`);

      const png = await download(page, fig.getByRole('button', { name: 'Download PNG' }), `${key} as PNG`);
      assert.equal(png.name, `kling-calc-${key}-${edition}.png`);
      assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');
      const [w, h] = [Number(text.match(/ width="([\d.]+)"/)[1]), Number(text.match(/ height="([\d.]+)"/)[1])];
      assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [Math.trunc(w * 2), Math.trunc(h * 2)], `${key}: PNG at 2× the ${w}×${h} chart`);
    }
    // The download buttons are real buttons, reachable by keyboard and at least 24 px.
    const sizes = await page.$$eval('[data-chart] button', (bs) => bs.map((b) => { const r = b.getBoundingClientRect(); return [b.tabIndex, r.width, r.height]; }));
    assert.equal(sizes.length, keys.length * 2);
    for (const [tab, bw, bh] of sizes) assert.ok(tab === 0 && bw >= 24 && bh >= 24, `${tab} ${bw}×${bh}`);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(consoleCsp, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const width of [320, 1280]) {
  for (const lang of ['en', 'zh-Hant']) {
    test(`legibility: every chart's text at least 11 px, none overlapping or clipped, at ${width} px in ${lang}`, async () => {
      const { page, context, errors } = await openCharts(`${env.server.url}index.html?lang=${lang}`, { viewport: { width, height: 900 } });
      const charts = await page.$$eval('[data-chart] svg', (svgs) => svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const scale = svg.getScreenCTM().a;
        const texts = [...svg.querySelectorAll('text')].map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale, l: r.left, r: r.right, t: r.top, b: r.bottom };
        });
        return { key: svg.closest('[data-chart]').dataset.chart, box: { l: box.left, r: box.right, t: box.top, b: box.bottom }, texts };
      }));
      assert.ok(charts.length >= 4);
      for (const { key, box, texts } of charts) {
        assert.ok(texts.length > 0, key);
        for (const x of texts) {
          assert.ok(x.px >= 11, `${key} "${x.text}": ${x.px.toFixed(2)} px`);
          assert.ok(x.l >= box.l - 0.5 && x.r <= box.r + 0.5 && x.t >= box.t - 0.5 && x.b <= box.b + 0.5, `${key} "${x.text}" clipped: ${JSON.stringify(x)} in ${JSON.stringify(box)}`);
        }
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            const [a, b] = [texts[i], texts[j]];
            // Glyph boxes include the line's leading: 1 px of it may touch.
            const overlap = Math.min(a.r, b.r) - Math.max(a.l, b.l) > 1 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 1;
            assert.ok(!overlap, `${key}: "${a.text}" overlaps "${b.text}"`);
          }
        }
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
