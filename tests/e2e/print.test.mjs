// End-to-end: printing in Chromium (README "Themes and print"). Under print media:
// no slider or button shows, fields and inline numbers print as their text (no box),
// charts, cards and results are not split across pages, the sources (article lines,
// even from a closed disclosure) and the edition end the widget, paper is light
// whatever the theme; and page.pdf() prints it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, metricValue, nextMetricValue, typeInto, reveal } from './harness.mjs';

const env = suite();

/** index.html in English, one figure changed, the first section's fields opened (as a reader would before printing). */
async function open(query = 'lang=en', options = {}) {
  const handle = await openPage(env.browser, { viewport: { width: 1000, height: 900 }, ...options });
  const { page } = handle;
  await page.goto(`${env.server.url}index.html?${query}`);
  const before = await metricValue(page, 'kling_share_2025q3');
  await typeInto(page, 'kling_revenue_2025q3', '4億');
  await nextMetricValue(page, 'kling_share_2025q3', before);
  return handle;
}

// Per layout, the blocks that must not be split (the full layout has no cards).
const WHOLE = { compact: ['.kc-chart', '.kc-card', '.kc-metric', '.kc-field'], full: ['.kc-chart', '.kc-metric', '.kc-field'] };

for (const layout of ['compact', 'full']) {
  test(`print (${layout}): controls hidden, values as text, nothing split, sources and edition last`, async () => {
    const { page, context, errors } = await open(`lang=en&layout=${layout}`);
    const field = page.locator('[data-input="kling_revenue_2025q3"]');
    await reveal(field);
    await page.emulateMedia({ media: 'print' });
    const seen = await page.evaluate((whole) => {
      const kc = document.querySelector('.kc');
      const shown = (el) => el.checkVisibility();
      const input = document.querySelector('[data-input="kling_revenue_2025q3"]');
      const cs = (el, pseudo) => getComputedStyle(el, pseudo);
      // The widget's direct children that print (the live region is sr-only: no box to speak of).
      const printed = [...kc.children].filter((el) => shown(el) && el.getBoundingClientRect().height > 1);
      return {
        buttons: [...kc.querySelectorAll('button')].filter(shown).map((b) => b.textContent),
        sliders: [...kc.querySelectorAll('input[type="range"]')].filter(shown).length,
        sliderCount: kc.querySelectorAll('input[type="range"]').length,
        buttonCount: kc.querySelectorAll('button').length,
        field: { shown: shown(input), value: input.value, border: cs(input).borderTopWidth, background: cs(input).backgroundColor, padding: cs(input).paddingLeft },
        inline: [...kc.querySelectorAll('.kc-inline')].filter(shown).map((el) => [cs(el).borderBottomStyle, cs(el, '::after').display]),
        inlineCount: kc.querySelectorAll('.kc-inline').length,
        whole: Object.fromEntries(whole.map((s) => [s, [...kc.querySelectorAll(s)].map((el) => cs(el).breakInside)])),
        last: printed.slice(-2).map((el) => el.dataset.section ?? el.className),
        edition: kc.querySelector('.kc-edition').textContent,
        articles: [...kc.querySelectorAll('.kc-sources .kc-art')].filter(shown).length,
        articleCount: kc.querySelectorAll('.kc-sources [data-article]').length,
        quotes: [...kc.querySelectorAll('.kc-sources .kc-figs')].filter(shown).length,
        yours: shown(kc.querySelector('.kc-yours')) && kc.querySelector('.kc-yours').textContent,
        // Closed disclosures print nothing (a claim's summary is its text: it prints), and no marker.
        closed: [...kc.querySelectorAll('details:not([open])')].filter((d) => shown(d) && !d.closest('.kc-sources') && !d.matches('.kc-claim')).map((d) => d.className),
        markers: [...new Set([...kc.querySelectorAll('summary')].filter(shown).map((el) => cs(el).listStyleType))],
        opened: input.closest('details') === null || shown(input.closest('details')),
      };
    }, WHOLE[layout]);
    assert.ok(seen.buttonCount > 5 && seen.sliderCount > 5, `the widget has controls to hide (${seen.buttonCount} buttons, ${seen.sliderCount} sliders)`);
    assert.deepEqual(seen.buttons, [], 'no button prints');
    assert.equal(seen.sliders, 0, 'no slider prints');
    assert.deepEqual(seen.field, { shown: true, value: await field.inputValue(), border: '0px', background: 'rgba(0, 0, 0, 0)', padding: '0px' }, 'the field prints as its text');
    assert.ok(seen.inlineCount > 0);
    for (const [border, arrow] of seen.inline) assert.deepEqual([border, arrow], ['none', 'none'], 'inline numbers print as text');
    for (const [sel, values] of Object.entries(seen.whole)) {
      assert.ok(values.length > 0, `${sel} present`);
      assert.deepEqual([...new Set(values)], ['avoid'], `${sel}: break-inside avoid`);
    }
    assert.deepEqual(seen.last, ['sources', 'kc-edition'], 'the sources and then the edition end the printed widget');
    assert.match(seen.edition, /\S/);
    assert.equal(seen.articles, seen.articleCount, 'every article line prints');
    assert.ok(seen.articleCount > 0);
    // Quotes print only from an opened list: closed in compact, open in full.
    assert.equal(seen.quotes, layout === 'full' ? seen.articleCount : 0);
    assert.ok(seen.yours, 'the "you changed" line says the printout is a changed scenario');
    assert.deepEqual(seen.closed, [], 'no closed disclosure prints');
    assert.ok(seen.markers.length > 0 && seen.markers.every((m) => m === 'none'), `summary markers: ${seen.markers}`);
    assert.ok(seen.opened, 'the fields (in compact, behind the disclosure the reader opened) print');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('print is light whatever the theme, and sections off screen print', async () => {
  const { page, context } = await open('lang=en', { colorScheme: 'dark' });
  await page.evaluate(() => document.querySelector('[data-kling-calc]').setAttribute('data-theme', 'dark'));
  const colours = () => page.evaluate(() => {
    const kc = getComputedStyle(document.querySelector('.kc'));
    return [kc.color, kc.backgroundColor];
  });
  const dark = await colours();
  await page.evaluate(() => document.querySelector('[data-kling-calc]').setAttribute('data-theme', 'light'));
  const light = await colours();
  assert.notDeepEqual(dark, light);
  await page.evaluate(() => document.querySelector('[data-kling-calc]').setAttribute('data-theme', 'dark'));
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await colours(), light, 'printed in the light theme');
  assert.deepEqual(await page.$$eval('.kc .kc-section', (ss) => [...new Set(ss.map((s) => getComputedStyle(s).contentVisibility))]), ['visible']);
  await context.close();
});

test('page.pdf() prints the widget on A4 pages', async () => {
  const { page, context, errors } = await open();
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  assert.deepEqual(errors, []);
  await context.close();
});
