// End-to-end: nothing the reader did is lost — edits survive a language switch,
// a resize and a theme change, and a share link made after a rejected entry
// still holds the last valid values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, metricValue, nextMetricValue, typeInto, waitUntil, waitForElement } from './harness.mjs';

const env = suite();

// (field, text typed in the English fields, metric it moves, expected value)
const EDITS = [
  ['kling_revenue_2025q3', '450', 'kling_share_2025q3', 450e6 / 355.54e8],
  ['pe_kuaishou', '11.5', 'implied_earnings', 2690e8 / 11.5],
  ['kling_paying_members', '4', 'arpu_paying_monthly', 1.05e8 / 4e6 / 3],
];

async function snapshot(page) {
  return page.$$eval('[data-metric]', (els) => els.map((e) => [e.dataset.metric, e.dataset.value]));
}

test('edits survive a language switch, a resize and a theme change', async () => {
  const { page, context, errors } = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.server.url}index.html?lang=en`);
  for (const [input, text, metric, want] of EDITS) {
    const before = await metricValue(page, metric);
    await typeInto(page, input, text);
    assert.equal(Number(await nextMetricValue(page, metric, before)), want, input);
  }
  const edited = await snapshot(page);
  // (what happens, how to do it)
  const disturbances = [
    ['language switch to 繁體', () => page.click('button.kc-lang:text-is("繁體")')],
    ['resize to 320 px', () => page.setViewportSize({ width: 320, height: 640 })],
    ['dark theme', () => page.emulateMedia({ colorScheme: 'dark' })],
    ['resize back to 1280 px', () => page.setViewportSize({ width: 1280, height: 900 })],
    ['language switch to English', () => page.click('button.kc-lang:text-is("English")')],
  ];
  for (const [what, act] of disturbances) {
    await act();
    await waitUntil(page, `the widget's metrics after the ${what}`, () => document.querySelectorAll('[data-metric]').length > 0);
    assert.deepEqual(await snapshot(page), edited, what);
    assert.equal(await page.locator('.kc-changed').count(), EDITS.length, what);
  }
  assert.equal(await page.inputValue('[data-input="kling_revenue_2025q3"]'), '450');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link made after a rejected entry holds the last valid values', async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.server.url}index.html?lang=en`);
  const before = await metricValue(page, 'kling_share_2025q3');
  await typeInto(page, 'kling_revenue_2025q3', '450');
  const valid = await nextMetricValue(page, 'kling_share_2025q3', before);
  // "450x" is rejected: the field says so and results keep 450.
  await page.keyboard.type('x');
  await waitForElement(page, '[data-input="kling_revenue_2025q3"][aria-invalid="true"]', { state: 'attached' });
  assert.equal(await page.getAttribute('[data-metric="kling_share_2025q3"]', 'data-value'), valid);
  await page.click('[data-share]');
  const link = await page.locator('.kc-sharebar-url').inputValue();
  assert.match(link, /kling_revenue_2025q3:45e7/);
  const restored = await context.newPage();
  await restored.goto(link);
  assert.equal(await metricValue(restored, 'kling_share_2025q3'), valid);
  assert.equal(await restored.inputValue('[data-input="kling_revenue_2025q3"]'), '450');
  await context.close();
});
