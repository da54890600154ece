// End-to-end: chart text legible at 320 px (at least 11 px, nothing
// overlapping or clipped) in English and Traditional Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, waitForElement } from './harness.mjs';

const env = suite();

/** Opens `url`, waits for the charts. */
async function openCharts(url, options = {}) {
  const opened = await openPage(env.browser, options);
  await opened.page.goto(url);
  await waitForElement(opened.page, '[data-chart] svg text', { state: 'attached' });
  return opened;
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
