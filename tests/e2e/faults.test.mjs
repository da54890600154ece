// End-to-end: forced faults. A release build with the test-only trigger
// (feature `fault-injection`, built into dist-faults/ by scripts/test.sh)
// panics when "kc:panic" is typed; the reader must see a readable message in
// every instance, never a blank or frozen widget, and the details must be logged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite, openPage, waitUntil, waitForLocator, reveal } from './harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Replaces the text of a field of the page's own widget (inside <main>) with real key presses. */
async function typeInto(page, input, text) {
  await reveal(page.locator(`main [data-input="${input}"]`));
  await page.locator(`main [data-input="${input}"]`).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

const env = suite({ root: join(ROOT, 'dist-faults') });

async function open() {
  const handle = await openPage(env.browser);
  await handle.page.goto(`${env.server.url}index.html?lang=en`);
  await waitForLocator(handle.page.locator('main [data-metric="kling_share_2025q3"]'), 'the page\'s kling_share_2025q3');
  await waitUntil(handle.page, 'window.klingCalc', () => window.klingCalc);
  return handle;
}

test('a panic replaces every instance with a readable message and logs it', async () => {
  const { page, context, errors } = await open();
  await page.evaluate(() => {
    const el = document.body.appendChild(document.createElement('div'));
    el.id = 'second';
    klingCalc.mount(el, { lang: 'zh-Hans' });
  });
  await waitForLocator(page.locator('#second [data-metric="kling_share_2025q3"]'), 'the second instance\'s kling_share_2025q3');
  await typeInto(page, 'kling_revenue_2025q3', 'kc:panic');
  await waitUntil(page, 'the failure message (.kc-failed[role=alert]) in both instances', () => document.querySelectorAll('.kc-failed[role="alert"]').length === 2);
  for (const text of await page.locator('.kc-failed').allTextContents()) {
    assert.match(text, /The calculator hit an error; please reload the page\./);
    assert.match(text, /計算器發生錯誤/);
  }
  // No widget is left half-alive: no metric outputs remain anywhere.
  assert.equal(await page.locator('[data-metric]').count(), 0);
  assert.ok(errors.some((e) => e.includes('fault injected by a test')), `logged: ${errors.join(' | ')}`);
  await context.close();
});

test('an instance that fails to mount does not stop the next one', async () => {
  const { page, context, errors } = await open();
  const result = await page.evaluate(() => {
    const bad = document.body.appendChild(document.createElement('div'));
    let thrown = null;
    try { klingCalc.mount(bad, { lang: 'xx', inputs: { nope: 1 } }); } catch (e) { thrown = e.message; }
    const good = document.body.appendChild(document.createElement('div'));
    good.id = 'good';
    const w = klingCalc.mount(good, { lang: 'en', inputs: { pe_kuaishou: 10 } });
    return { thrown, badHtml: bad.innerHTML, implied: w.get().metrics.implied_earnings };
  });
  assert.match(result.thrown, /lang/);
  assert.equal(result.badHtml, '');
  assert.equal(result.implied, 2690e8 / 10);
  await waitForLocator(page.locator('#good [data-metric="implied_earnings"]'), 'the good instance\'s implied_earnings');
  assert.equal(Number(await page.getAttribute('#good [data-metric="implied_earnings"]', 'data-value')), 2690e8 / 10);
  // And the page's first widget still answers.
  await typeInto(page, 'pe_kuaishou', '20');
  await waitUntil(page, 'the page\'s implied_earnings to follow the typed P/E 20', () => document.querySelector('main [data-metric="implied_earnings"]').getAttribute('data-value') === String(2690e8 / 20));
  assert.deepEqual(errors, []);
  await context.close();
});
