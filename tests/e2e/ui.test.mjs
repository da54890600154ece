// End-to-end: the reader's calculator through real keyboard input in Chromium.
// Accessibility (axe-core) in every language, theme, width and layout is in
// layout.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, metricValue, nextMetricValue, typeInto, openAllDetails, waitUntil, waitForElement } from './harness.mjs';

const LANGS = ['zh-Hant', 'zh-Hans', 'en'];

const env = suite();

async function open(lang = 'zh-Hant', options = {}) {
  const handle = await openPage(env.browser, options);
  await handle.page.goto(`${env.server.url}index.html?lang=${lang}`);
  await metricValue(handle.page, 'kling_share_2025q3');
  return handle;
}

const num = (v) => (v === '' || v === null ? null : Number(v));
const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

test('typing into several fields updates the right metrics', async () => {
  const { page, context, errors } = await open('zh-Hant');
  // (field, typed text, metric, expected base-unit value after the edit)
  const cases = [
    ['revenue_2025q3', '400', 'kling_share_2025q3', 3e8 / 400e8],
    ['revenue_2025q2', '340億', 'revenue_qoq_2025q3', 400e8 / 340e8 - 1],
    ['revenue_2025q2', '340', 'kling_share_2025q2', 2.5e8 / 340e8],
    ['kling_paying_members', '250萬', 'arpu_paying_monthly', 1.05e8 / 2.5e6 / 3],
    ['pe_kuaishou', '10', 'implied_earnings', 2690e8 / 10],
    ['target_pe', '20倍', 'implied_market_cap', (2690e8 / 10) * 20],
    ['online_marketing_yoy_2025q3', '10%', 'online_marketing_2024q3', 201e8 / 1.1],
  ];
  for (const [input, text, metric, want] of cases) {
    const before = await page.getAttribute(`[data-metric="${metric}"]`, 'data-value');
    await typeInto(page, input, text);
    const got = near(num(before), want) ? num(before) : num(await nextMetricValue(page, metric, before));
    assert.ok(near(got, want), `${input}=${text}: ${metric} ${got} != ${want}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a rejected entry is marked, announced and leaves results alone; resets restore', async () => {
  const { page, context } = await open('en');
  const field = '[data-input="kling_revenue_2025q3"]';
  const share = await metricValue(page, 'kling_share_2025q3');
  // Every prefix of these is rejected too, so no keystroke changes a result.
  for (const bad of ['abc', 'x1,5', '-2', '<b>1</b>', 'NaN']) {
    await typeInto(page, 'kling_revenue_2025q3', bad);
    await waitForElement(page, `${field}[aria-invalid="true"]`);
    const msgId = await page.getAttribute(field, 'aria-describedby');
    const msg = await page.textContent(`#${msgId}`);
    assert.match(msg, /\S/, `no message for ${bad}`);
    assert.equal(await page.getAttribute(`#${msgId}`, 'aria-live'), 'polite');
    assert.equal(await page.getAttribute('[data-metric="kling_share_2025q3"]', 'data-value'), share, bad);
  }
  // A valid entry clears the error and marks the field changed, with a reset button.
  await typeInto(page, 'kling_revenue_2025q3', '500');
  await nextMetricValue(page, 'kling_share_2025q3', share);
  assert.equal(await page.getAttribute(field, 'aria-invalid'), 'false');
  const reset = page.locator('.kc-changed button.kc-reset');
  assert.equal(await reset.count(), 1);
  await reset.click();
  assert.equal(await nextMetricValue(page, 'kling_share_2025q3', String(5e8 / 355.54e8)), share);
  assert.equal(await page.inputValue(field), '300');
  // Global reset returns every input to the published figures.
  await typeInto(page, 'pe_kuaishou', '20');
  await typeInto(page, 'dau_2025q3', '500');
  await page.click('.kc-reset-all');
  await waitUntil(page, 'the global reset to clear every changed mark', () => document.querySelectorAll('.kc-changed').length === 0);
  assert.equal(await page.inputValue('[data-input="pe_kuaishou"]'), '13.12');
  assert.equal(num(await metricValue(page, 'revenue_per_dau_2025q3')), 355.54e8 / 4.16e8);
  await context.close();
});

test('a reset keeps the keyboard reader in place: the slider of the field it reset, or the title after "reset all"', async () => {
  const { page, context, errors } = await open('en');
  await typeInto(page, 'pe_kuaishou', '20');
  await typeInto(page, 'dau_2025q3', '500');
  // (the reset button pressed with Enter, what holds the focus once it has gone)
  // (The field's slider, not its text box: focusing that would open a phone's keyboard.)
  const cases = [
    ['[data-input="pe_kuaishou"] ~ button.kc-reset', '.kc-field:has([data-input="pe_kuaishou"]) [type=range]'],
    ['.kc-reset-all', '.kc-title'],
  ];
  for (const [button, focus] of cases) {
    await page.focus(button);
    await page.keyboard.press('Enter');
    await waitUntil(page, `${button} to go once it has reset`, (b) => !document.querySelector(b), button);
    const held = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 90));
    assert.ok(await page.evaluate((f) => document.activeElement === document.querySelector(f), focus), `${button}: the focus is on ${held}`);
    assert.ok(await page.evaluate(() => document.activeElement.matches(':focus-visible')), `${button}: the focus is not shown on ${held}`);
  }
  assert.equal(await page.inputValue('[data-input="pe_kuaishou"]'), '13.12');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the live region announces what changed', async () => {
  const { page, context } = await open('en');
  await typeInto(page, 'market_cap', '3000');
  await waitUntil(page, 'the live region to announce Implied annualised earnings', () => document.querySelector('[data-live]').textContent.includes('Implied annualised earnings'));
  const text = await page.textContent('[data-live]');
  assert.match(text, /^Updated: /);
  assert.equal(await page.getAttribute('[data-live]', 'aria-live'), 'polite');
  await context.close();
});

test('language switch changes text and number scaling, keeping edits', async () => {
  const { page, context } = await open('zh-Hant');
  await typeInto(page, 'kling_revenue_2025q3', '4');
  await waitUntil(page, 'kling_share_2025q3 to read 1.13%', () => document.querySelector('[data-metric="kling_share_2025q3"]').textContent === '1.13%');
  // (button, text of revenue_2024q3, Kling Q3 field text, heading)
  const cases = [
    ['English', 'RMB 31.13 billion', '400', 'Kuaishou & Kling calculator'],
    ['简体', '311.33亿元', '4', '快手与可灵计算器'],
    ['繁體', '311.33億元', '4', '快手與可靈計算器'],
  ];
  for (const [button, revenue, field, title] of cases) {
    await page.click(`button.kc-lang:text-is("${button}")`);
    await waitUntil(page, `the title to read ${title} after ${button}`, (t) => document.querySelector('.kc-title').textContent === t, title);
    assert.equal(await page.textContent('[data-metric="revenue_2024q3"]'), revenue);
    assert.equal(await page.inputValue('[data-input="kling_revenue_2025q3"]'), field);
    assert.equal(num(await metricValue(page, 'kling_share_2025q3')), 4e8 / 355.54e8);
  }
  await context.close();
});

test('inline numbers in the narrative respond to arrow keys', async () => {
  const { page, context } = await open('en');
  const inline = page.locator('[data-inline-input="kling_revenue_2025q4"]');
  assert.equal(await inline.getAttribute('role'), 'slider');
  assert.equal(num(await inline.getAttribute('aria-valuenow')), 3e8);
  await inline.focus();
  // (key, Q4 after the key press, in yuan; the input's step is RMB 1 million)
  const cases = [['ArrowRight', 3.01e8], ['Shift+ArrowRight', 3.11e8], ['ArrowLeft', 3.1e8], ['Home', 0]];
  let fy = await metricValue(page, 'kling_fy_2025');
  for (const [key, q4] of cases) {
    await page.keyboard.press(key);
    await waitUntil(
      page,
      `the inline Q4 number's aria-valuenow to be ${q4} after ${key}`,
      ([v]) => Number(document.querySelector('[data-inline-input="kling_revenue_2025q4"]').getAttribute('aria-valuenow')) === v,
      [q4],
    );
    fy = await nextMetricValue(page, 'kling_fy_2025', fy);
    assert.ok(near(num(fy), 7e8 + q4), `${key}: ${fy}`);
  }
  assert.match(await inline.getAttribute('aria-valuetext'), /^RMB /);
  assert.equal(await page.inputValue('[data-input="kling_revenue_2025q4"]'), '0');
  await context.close();
});

test('a sideways touch drag on an inline number moves it on a phone (the paragraph leaves sideways moves to the number)', async () => {
  // Real touch input through the browser's gesture handling (CDP), so
  // touch-action decides whether the page takes the gesture (pointercancel)
  // or the number gets every move: 4 px a step, the input's step RMB 1 million.
  const { page, context } = await open('en', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const id = 'kling_revenue_2025q4';
  const inline = page.locator(`[data-inline-input="${id}"]`);
  await inline.scrollIntoViewIfNeeded();
  const before = num(await inline.getAttribute('aria-valuenow'));
  const box = await inline.boundingBox();
  const [x, y] = [box.x + 8, box.y + box.height / 2];
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [{ x, y }]);
  for (let dx = 4; dx <= 80; dx += 4) await touch('touchMove', [{ x: x + dx, y }]);
  await touch('touchEnd', []);
  await waitUntil(page, `the inline ${id} to move right from ${before}`, ([sel, b]) => Number(document.querySelector(sel).getAttribute('aria-valuenow')) > b, [`[data-inline-input="${id}"]`, before]);
  const after = num(await inline.getAttribute('aria-valuenow'));
  // The whole drag reached the number: about 20 steps, not the few before a pan took over.
  assert.ok(after - before >= 15e6, `moved ${after - before} yuan`);
  await context.close();
});

test('charts redraw when inputs change', async () => {
  const { page, context } = await open('zh-Hant');
  const bar = '[data-chart="kling"] [data-bar="q3"]';
  const height = () => page.$eval(bar, (el) => Number(el.getAttribute('height')));
  assert.equal(num(await page.getAttribute(bar, 'data-value')), 3e8);
  const before = await height();
  await typeInto(page, 'kling_revenue_2025q3', '4.5');
  await waitUntil(page, 'the Q3 bar to show 450000000', (sel) => document.querySelector(sel).getAttribute('data-value') === '450000000', bar);
  assert.ok((await height()) > before, 'the Q3 bar grew');
  const pe = '[data-chart="pe"] [data-bar="kuaishou"]';
  await typeInto(page, 'pe_kuaishou', '30');
  await waitUntil(page, 'the Kuaishou P/E bar to show 30', (sel) => document.querySelector(sel).getAttribute('data-value') === '30', pe);
  const html = await page.$eval('[data-chart="pe"]', (el) => el.outerHTML);
  assert.doesNotMatch(html, /NaN|Infinity|undefined/);
  await context.close();
});

test('the growth chart\'s mix: a part per segment and period carrying its share metric, labelled inside when the label fits, redrawn on an edit', async () => {
  const { page, context, errors } = await open('en');
  // Each part names its segment and period (data-bar "<segment>_<period>"); its
  // value is the widget's own "<segment>_share_<period>" result.
  const parts = () => page.$$eval('[data-chart="growth"] rect.kc-mix', (rects) => rects.map((r) => {
    const [, seg, slug] = r.dataset.bar.match(/^(.+)_(\d{4}q\d)$/);
    const metric = document.querySelector(`.kc-root:not([data-kc-static]) [data-metric="${seg}_share_${slug}"]`);
    const label = r.nextElementSibling?.getAttribute('text-anchor') === 'middle' ? r.nextElementSibling : null;
    const [a, b] = [r.getBoundingClientRect(), label?.getBoundingClientRect()];
    return {
      seg, slug, value: r.dataset.value, metric: metric?.dataset.value ?? 'none',
      label: label?.textContent ?? null,
      inside: !b || (b.left >= a.left && b.right <= a.right && b.top >= a.top - 1 && b.bottom <= a.bottom + 1),
      width: a.width,
    };
  }));
  await renderAll(page);
  const before = await parts();
  const segments = [...new Set(before.map((p) => p.seg))];
  const periods = [...new Set(before.map((p) => p.slug))];
  assert.ok(segments.length >= 2 && periods.length >= 2, `${segments} × ${periods}`);
  assert.equal(before.length, segments.length * periods.length, 'a part per segment and period');
  for (const p of before) {
    assert.equal(p.value, p.metric, `${p.seg} ${p.slug}: the part is the share result`);
    assert.ok(p.inside, `${p.seg} ${p.slug}: its label "${p.label}" inside its part`);
  }
  assert.ok(before.some((p) => p.label), 'the wide parts are labelled');
  // The legend keys every segment of the mix, by name, in the bars' order.
  const names = await page.$$eval('[data-chart="growth"] .kc-legend li.kc-mix', (lis) => lis.map((li) => li.textContent));
  assert.equal(names.length, segments.length);
  // A segment's growth a year on changes its share a year before: the part follows.
  const seg = segments.at(-1);
  const yoy = await page.$eval(`[data-input^="${seg}_yoy_"]`, (el) => el.dataset.input);
  const old = before.find((p) => p.seg === seg && p.slug === periods[0]);
  await typeInto(page, yoy, '80%');
  await waitUntil(page, `the ${seg} part of ${periods[0]} to move`, ([sel, v]) => document.querySelector(sel).dataset.value !== v, [`[data-chart="growth"] rect[data-bar="${seg}_${periods[0]}"]`, old.value]);
  for (const p of await parts()) assert.equal(p.value, p.metric, `${p.seg} ${p.slug} after the edit`);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Lays out every section now. Sections far from the viewport skip layout
 * (`content-visibility: auto` in widget.css) until a reader scrolls near them, so
 * their geometry reads as zero; checks of sizes and overflow need them laid out,
 * exactly as they are once on screen.
 */
function renderAll(page) {
  return page.addStyleTag({ content: '.kc .kc-section { content-visibility: visible !important; }' });
}

test('reflows at 320 px (400% zoom of 1280 px): no horizontal scrolling', async () => {
  for (const lang of LANGS) {
    const { page, context } = await open(lang, { viewport: { width: 320, height: 640 } });
    await openAllDetails(page);
    await renderAll(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${lang}: page is ${overflow}px wider than the viewport`);
    await context.close();
  }
});

