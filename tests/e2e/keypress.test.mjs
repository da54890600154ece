// End-to-end: what a key press changes in the page. After the first change
// (which adds the reset button, the notes and the "at published figures: …" lines), typing
// into a field must change the charts, headline cards, narrative and claims in
// place: attributes and text of the nodes already there, never new nodes. A
// replaced chart or card is restyled, laid out and repainted whole (measured:
// 52 elements restyled and 90–129 layout objects dirtied per key press, against
// at most 6 and 15–71 in place), which is what made a key press paint late.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, metricValue, nextMetricValue, reveal, waitUntil } from './harness.mjs';

const env = suite();
const FIELD = 'kling_revenue_2025q3';

/** The page in English, the field focused and its text selected, and a record of every DOM change and change event. */
async function typingPage() {
  const handle = await openPage(env.browser);
  const { page } = handle;
  await page.goto(`${env.server.url}index.html?lang=en`);
  await metricValue(page, 'kling_share_2025q3');
  const field = page.locator(`[data-input="${FIELD}"]`);
  await reveal(field);
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate(() => {
    const rec = (window.__rec = { added: [], removed: [], changes: [] });
    const name = (n) => (n.nodeType === 1 ? `<${n.nodeName.toLowerCase()} class="${n.getAttribute('class') ?? ''}">` : n.nodeName)
      + ` in <${n.parentNode?.nodeName.toLowerCase()} class="${n.parentNode?.getAttribute?.('class') ?? ''}">`;
    new MutationObserver((list) => {
      for (const m of list) {
        for (const n of m.addedNodes) rec.added.push(name(n));
        // A removed node has no parent any more: name the one it left.
        for (const n of m.removedNodes) rec.removed.push(`${n.nodeName} from <${m.target.nodeName.toLowerCase()} class="${m.target.getAttribute('class') ?? ''}">`);
      }
    }).observe(document.body, { subtree: true, childList: true });
    document.querySelector('[data-kling-calc]').addEventListener('kling-calc:change', (e) => rec.changes.push(e.detail));
  });
  return handle;
}

/** Types one key and waits for the change event it causes (the widget dispatches it after the render and its patches). */
async function typeKey(page, key) {
  const before = await page.evaluate(() => window.__rec.changes.length);
  await page.keyboard.type(key);
  await waitUntil(page, `the change event of key ${JSON.stringify(key)}`, (n) => window.__rec.changes.length > n, before);
  return page.evaluate(() => {
    const r = window.__rec;
    const out = { added: r.added, removed: r.removed, detail: r.changes[r.changes.length - 1] };
    r.added = [];
    r.removed = [];
    return out;
  });
}

/** Back to the field after clicking elsewhere, its text selected so the next key replaces it. */
async function refocus(page) {
  await page.locator(`[data-input="${FIELD}"]`).click();
  await page.keyboard.press('ControlOrMeta+a');
}

test('a key press changes charts, cards, narrative and claims in place: no node added or removed', async () => {
  const { page, context, errors } = await typingPage();
  // The first change leaves the published figures: that one adds nodes.
  await typeKey(page, '4');
  // The nodes showing the values the next keys move, as they are now.
  const tracked = {
    bar: `[data-chart="kling"] [data-bar="q3"]`,
    card: `[data-headline="kling_share_2025q3"] [data-value]`,
    narrative: `[data-narrative="kling"] [data-narrative-metric]`,
    claim: '[data-claim]',
    output: '[data-metric="kling_share_2025q3"]',
  };
  await page.evaluate((t) => {
    window.__nodes = Object.fromEntries(Object.entries(t).map(([k, sel]) => [k, document.querySelector(sel)]));
  }, tracked);
  for (const [k, sel] of Object.entries(tracked)) {
    assert.ok(await page.evaluate((k) => window.__nodes[k] !== null, k), `${k}: ${sel} is in the page`);
  }
  for (const key of ['2', '5']) {
    const { added, removed, detail } = await typeKey(page, key);
    assert.deepEqual({ added, removed }, { added: [], removed: [] }, `key ${key}: nodes added or removed`);
    const now = await page.evaluate((t) => Object.fromEntries(Object.entries(t).map(([k, sel]) => {
      const el = document.querySelector(sel);
      return [k, { same: el === window.__nodes[k], value: el.getAttribute('data-value'), text: el.textContent }];
    })), tracked);
    for (const [k, v] of Object.entries(now)) assert.ok(v.same, `key ${key}: ${k} (${tracked[k]}) is the node that was there`);
    // The values the kept nodes show are the new ones (from the change event, i.e. the core).
    assert.equal(now.bar.value, String(detail.inputs[FIELD]), `key ${key}: the Q3 bar's data-value`);
    assert.equal(now.card.value, String(detail.metrics.kling_share_2025q3), `key ${key}: the headline card's data-value`);
    assert.equal(now.output.value, now.card.value, `key ${key}: the result and its card agree`);
    assert.ok(now.card.text.trim() !== '', `key ${key}: the card shows text`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chart table and a claim the reader opened stay open while they type', async () => {
  const { page, context, errors } = await typingPage();
  const table = page.locator('[data-chart="kling"] details');
  const claim = page.locator('[data-claim]').first();
  await table.locator('summary').click();
  await claim.locator('summary').click();
  await refocus(page);
  for (const key of ['4', '2']) await typeKey(page, key);
  assert.equal(await table.evaluate((d) => d.open), true, 'the chart\'s data table is still open');
  assert.equal(await claim.evaluate((d) => d.open), true, 'the claim is still open');
  // And one closed again stays closed.
  await claim.locator('summary').click();
  await refocus(page);
  await typeKey(page, '5');
  assert.equal(await claim.evaluate((d) => d.open), false, 'the claim closed by the reader stays closed');
  assert.deepEqual(errors, []);
  await context.close();
});

// yew's scheduler would yield with `setTimeout(…, 0)` between a render that took
// over 16 ms and its effects; the build makes it go on at once
// (scripts/sync-scheduler.mjs), so the live widget replaces the static render in
// the task that built it, and a key press's patches land in the frame of its
// render. The CPU is slowed four times (a mid-range phone) so that the start-up
// render certainly takes longer than 16 ms: without the rewrite this test fails.
test('yew never yields through setTimeout: start-up and typing finish in the task that began them', async () => {
  const { page, context, errors } = await openPage(env.browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    const timeout = window.setTimeout;
    window.__timers = [];
    window.setTimeout = function (...args) {
      window.__timers.push(new Error('setTimeout').stack);
      return timeout.apply(this, args);
    };
  });
  await page.goto(`${env.server.url}index.html?lang=en`);
  const started = await metricValue(page, 'kling_share_2025q3');
  const field = page.locator(`[data-input="${FIELD}"]`);
  await reveal(field);
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('4.5');
  await nextMetricValue(page, 'kling_share_2025q3', started);
  assert.deepEqual(await page.evaluate(() => window.__timers), [], 'no setTimeout call from the page');
  assert.deepEqual(errors, []);
  await context.close();
});
