// End-to-end: the build's pre-render (issue 16). Every page carries the
// widget's first render in its mount elements, so starting the widget moves
// nothing: CLS ≤ 0.02 on the four pages at a phone's and a desktop's width;
// the static render's numbers are the live widget's; with JavaScript off it is
// the widget with its published values, sources and edition, controls hidden,
// and passes axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  suite, openPage, waitUntil, axe, recordShifts, shifts, readMetrics, STANDALONE_URL, LIVE,
} from './harness.mjs';

const env = suite();

/** The window in which shifts count, as scripts/bench.mjs (section 2c) measures it. */
const WINDOW_MS = 3000;
const MAX_CLS = 0.02;

const PAGES = [
  ['index.html', (env) => `${env.server.url}index.html`],
  ['embed.html', (env) => `${env.server.url}embed.html`],
  ['standalone.html', () => STANDALONE_URL],
  ['demo-article.html', (env) => `${env.server.url}demo-article.html`],
];

for (const [name, url] of PAGES) {
  for (const width of [390, 1280]) {
    test(`${name} at ${width} px: starting the widget shifts the page by CLS ≤ ${MAX_CLS}`, async () => {
      const { page, context, errors } = await openPage(env.browser, { viewport: { width, height: 844 } });
      await recordShifts(page, WINDOW_MS);
      await page.goto(url(env));
      await waitUntil(page, 'a live widget', (sel) => document.querySelector(sel), `${LIVE} [data-metric]`);
      // The measurement window is the page's first 3 s by its own clock.
      await waitUntil(page, `the page's first ${WINDOW_MS} ms to pass`, (end) => performance.now() >= end, WINDOW_MS);
      const shift = await shifts(page);
      assert.ok(shift.cls <= MAX_CLS, `CLS ${shift.cls.toFixed(4)} (shifts: ${shift.entries.join('; ')})`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test(`${name}: the static render shows the live widget's every metric, value and text`, async () => {
    const off = await openPage(env.browser, { javaScriptEnabled: false });
    await off.page.goto(url(env));
    const still = await off.page.evaluate(readMetrics, { live: false });
    await off.context.close();
    assert.ok(still.length >= 1 && still.every((m) => m && m.length > 0), `${name}: every mount element has a static render`);

    const { page, context, errors } = await openPage(env.browser);
    await page.goto(url(env));
    // Far elements mount as they come near the screen: bring each in turn.
    const mounts = page.locator('[data-kling-calc]');
    for (let i = 0; i < still.length; i++) {
      await mounts.nth(i).scrollIntoViewIfNeeded();
      await waitUntil(page, `mount element ${i} to be live`, ([i, sel]) => document.querySelectorAll('[data-kling-calc]')[i].querySelector(sel), [i, `:scope > ${LIVE} [data-metric]`]);
    }
    const live = await page.evaluate(readMetrics, { live: true });
    assert.deepEqual(live, still);
    assert.equal(await page.locator('[data-kc-static]').count(), 0, 'no static render is left once every widget is live');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('without JavaScript: the static widget with published values, sources and edition, no dead controls', async () => {
  for (const width of [320, 1280]) {
    const { page, context } = await openPage(env.browser, { javaScriptEnabled: false, viewport: { width, height: 900 } });
    await page.goto(`${env.server.url}index.html`);
    const still = page.locator('[data-kling-calc] > [data-kc-static]');
    assert.equal(await still.count(), 1);
    assert.ok(await still.locator('.kc-title').isVisible(), 'title');
    assert.ok(await still.locator('[data-headline] [data-value]').first().isVisible(), 'headline cards');
    assert.ok(await still.locator('.kc-edition').isVisible(), 'edition line');
    assert.ok(await still.locator('[data-more="sources"] summary').isVisible(), 'sources disclosure');
    // Controls that need script are not shown; disclosures still open without it.
    for (const sel of ['button', 'input[type="range"]', '.kc-sharebar', '[data-more="inputs"]']) {
      assert.equal(await still.locator(sel).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length), 0, `${sel} hidden`);
    }
    await still.locator('[data-more="results"] summary').first().click();
    assert.ok(await still.locator('[data-more="results"] [data-metric]').first().isVisible(), 'a results disclosure opens without script');
    await context.close();
  }
});

test('the static render, as a reader sees it until the widget starts or when its code cannot load, has no axe violations', async () => {
  // axe needs the page's timers, which do not run with JavaScript off: so here
  // scripting is on and the widget does not start, which shows the static render
  // with every control, a superset of the no-JS view. (case, what the glue's
  // request gets, the static render's place)
  const cases = [
    // Never answered: the page is parsed, the module script waits, as before a start.
    ['until the widget starts', () => {}, '[data-kling-calc] > [data-kc-static]'],
    // Refused: the module script cannot load, and the page says so over the static render.
    ['when its code cannot load', (route) => route.abort(), '[data-kling-calc] > .kc-failed > [data-kc-static]'],
  ];
  for (const [what, glue, place] of cases) {
    for (const width of [320, 1280]) {
      const { page, context } = await openPage(env.browser, { viewport: { width, height: 900 } });
      await page.route(/kling-calc-[0-9a-f]+\.js$/, glue);
      await page.goto(`${env.server.url}index.html`, { waitUntil: 'commit' });
      await waitUntil(page, `index.html to be parsed and its static render in place (${what})`,
        (sel) => document.readyState !== 'loading' && document.querySelector(sel) !== null, place);
      const { found, passes } = await axe(page);
      assert.deepEqual(found, [], `${what}, ${width}px`);
      assert.ok(passes.length > 10, 'axe ran its checks');
      assert.equal(await page.locator('[data-kc-static]').count(), 1, 'the widget never started');
      assert.equal(await page.locator(place).count(), 1, what);
      await context.close();
    }
  }
});

test('a disclosure the reader opened in the static render stays open, and focused, when the widget starts', async () => {
  const { page, context, errors } = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
  // The wasm waits until the reader has acted, so the static render is what they act on.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${env.server.url}index.html`);
  const still = page.locator('[data-kc-static] [data-more="results"]').first();
  const section = await still.evaluate((d) => d.closest('[data-section]').dataset.section);
  await still.locator(':scope > summary').click();
  assert.equal(await still.evaluate((d) => d.open && document.activeElement === d.querySelector(':scope > summary')), true, 'opened and focused in the static render');
  const top = await still.evaluate((d) => d.getBoundingClientRect().top);
  release();
  await waitUntil(page, 'the live widget', (sel) => document.querySelector(sel), `${LIVE} [data-metric]`);
  const live = page.locator(`${LIVE} [data-section="${section}"] [data-more="results"]`).first();
  assert.deepEqual(
    await live.evaluate((d) => [d.open, document.activeElement === d.querySelector(':scope > summary'), d.getBoundingClientRect().top]),
    [true, true, top],
    'open, focused and in the same place in the live widget',
  );
  // Its content is the live widget's, and answers the keyboard: Enter closes it.
  await page.keyboard.press('Enter');
  assert.equal(await live.evaluate((d) => d.open), false);
  assert.deepEqual(errors, []);
  await context.close();
});
