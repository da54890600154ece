// End-to-end: the JavaScript API (window.klingCalc) as a host page uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, metricValue, currentEdition, waitUntil, waitForLocator, reveal } from './harness.mjs';

const env = suite();

/** A page with the API loaded (the ready event may fire before we listen, so wait on the global). */
async function apiPage() {
  const handle = await openPage(env.browser);
  await handle.page.addInitScript(() => {
    window.__ready = 0;
    addEventListener('kling-calc:ready', () => { window.__ready += 1; });
  });
  await handle.page.goto(`${env.server.url}index.html`);
  await waitUntil(handle.page, 'window.klingCalc and one kling-calc:ready event', () => window.klingCalc && window.__ready === 1);
  return handle;
}

test('describes inputs and metrics, and computes in base units', async () => {
  const { page, context, errors } = await apiPage();
  const info = await page.evaluate(() => {
    const inputs = klingCalc.inputs();
    const metrics = klingCalc.metrics();
    const kling = inputs.find((i) => i.id === 'kling_revenue_2025q3');
    // The page's widget shows every input and metric once (the page contract).
    const root = document.querySelector('[data-kling-calc]');
    return { version: klingCalc.version, nInputs: inputs.length, nMetrics: metrics.length, kling,
      fields: root.querySelectorAll('[data-input]').length, outputs: root.querySelectorAll('[data-metric]').length,
      share: metrics.find((m) => m.id === 'kling_share_2025q3') };
  });
  assert.match(info.version, /^\d+\.\d+\.\d+$/);
  assert.equal(info.nInputs, info.fields);
  assert.equal(info.nMetrics, info.outputs);
  assert.ok(info.nInputs >= 32 && info.nMetrics >= 42, 'the frozen ids are a floor');
  assert.equal(info.kling.default, 3e8);
  assert.equal(info.kling.unit, 'cny');
  assert.equal(info.kling.min, 0);
  assert.equal(info.kling.source.qualifier, 'floor');
  assert.equal(info.kling.source.article, 'A');
  assert.match(info.kling.source.quote, /3億元/);
  // An article's date in each language, as a label is (the day reads the same in
  // all three), and `date` as before: the English.
  assert.deepEqual(Object.keys(info.kling.source.dates), ['zh-Hant', 'zh-Hans', 'en']);
  assert.equal(new Set(Object.values(info.kling.source.dates)).size, 1);
  const sources = await page.evaluate(() => klingCalc.inputs().filter((i) => i.source).map((i) => i.source));
  assert.ok(sources.some((s) => s.dates.en !== s.dates['zh-Hant']), 'some input rests on an article dated by a window in words');
  for (const s of sources) {
    assert.equal(s.date, s.dates.en);
    for (const tag of ['zh-Hant', 'zh-Hans']) assert.doesNotMatch(s.dates[tag], /[A-Za-z]{2}/, `${tag}: ${s.dates[tag]}`);
  }
  assert.equal(info.kling.label.en, 'Kling Q3 revenue');
  assert.equal(info.share.unit, 'share');
  assert.equal(info.share.formula, 'Kling Q3 revenue ÷ Kuaishou Q3 revenue');

  // (inputs given, metric, expected value or null, expected reason fragment)
  const cases = [
    [{}, 'kling_share_2025q3', 3e8 / 355.54e8, null],
    [{ pe_kuaishou: 10 }, 'implied_earnings', 2690e8 / 10, null],
    [{ pe_kuaishou: -5 }, 'implied_earnings', null, 'n/m'],
    // A zero divisor is named, also through a metric that rests on another.
    [{ revenue_2025q3: 0 }, 'kling_share_2025q3', null, 'Kuaishou Q3 revenue is 0'],
    [{ kling_paying_members: 0 }, 'arpu_paying_monthly', null, `${await page.evaluate(() => klingCalc.inputs().find((i) => i.id === 'kling_paying_members').label.en)} is 0`],
    [{}, 'revenue_qoq_2025q3', null, 'needs Kuaishou Q2 revenue'],
    [{ revenue_2025q2: 340e8 }, 'revenue_qoq_2025q3', 355.54 / 340 - 1, null],
  ];
  for (const [inputs, metric, value, reason] of cases) {
    const out = await page.evaluate((i) => klingCalc.compute(i), inputs);
    if (value === null) {
      assert.equal(out.metrics[metric], null, metric);
      assert.ok(out.reasons[metric].includes(reason), `${metric}: ${out.reasons[metric]}`);
    } else {
      assert.ok(Math.abs(out.metrics[metric] - value) <= 1e-9 * Math.abs(value), `${metric}: ${out.metrics[metric]}`);
      assert.equal(out.reasons[metric], undefined);
    }
    assert.deepEqual(out.inputs, inputs);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad arguments are rejected with messages that name them, never a panic', async () => {
  const { page, context, errors } = await apiPage();
  // (call as a string evaluated in the page, fragments the error must contain)
  const cases = [
    ['klingCalc.compute({ nope: 1 })', ['"nope"', 'Unknown input id']],
    ['klingCalc.compute({ pe_kuaishou: "13" })', ['"pe_kuaishou"', 'Not a number']],
    ['klingCalc.compute({ kling_revenue_2025q3: -1, dau_2025q3: NaN })', ['"kling_revenue_2025q3": Cannot be below RMB 0', '"dau_2025q3": Not a valid number']],
    ['klingCalc.compute({ revenue_yoy_2025q3: -1 })', ['"revenue_yoy_2025q3": Must be more than −100%']],
    ['klingCalc.compute({ pe_kuaishou: 1e4 })', ['"pe_kuaishou": Cannot be above 1000x']],
    ['klingCalc.compute([1, 2])', ['must be an object']],
    ['klingCalc.compute("x")', ['must be an object']],
    ['klingCalc.mount(document.body.appendChild(document.createElement("div")), { theme: "blue" })', ['theme must be light, dark or auto']],
    ['klingCalc.mount(null)', ['must be an element']],
    ['klingCalc.mount(document.body.appendChild(document.createElement("div")), { lang: "fr" })', ['lang']],
    ['klingCalc.mount(document.body.appendChild(document.createElement("div")), { sections: "kling,bogus" })', ['bogus']],
    ['klingCalc.mount(document.body.appendChild(document.createElement("div")), { inputs: { x: 1 } })', ['"x"']],
  ];
  for (const [call, fragments] of cases) {
    const message = await page.evaluate((c) => {
      try { eval(c); return null; } catch (e) { return e instanceof Error ? e.message : String(e); }
    }, call);
    assert.ok(message, `${call} did not throw`);
    for (const f of fragments) assert.ok(message.includes(f), `${call}: ${message}`);
  }
  // The page's own widget still works after all that.
  assert.equal(Number(await metricValue(page, 'kling_share_2025q3')), 3e8 / 355.54e8);
  assert.equal(await page.locator('.kc-failed').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('mount, set, get, change events and destroy', async () => {
  const { page, context, errors } = await apiPage();
  const mounted = await page.evaluate(() => {
    const el = document.body.appendChild(document.createElement('div'));
    el.id = 'mounted';
    window.__events = [];
    el.addEventListener('kling-calc:change', (e) => window.__events.push(e.detail));
    const w = (window.__w = klingCalc.mount(el, { lang: 'en', sections: 'kling,valuation', inputs: { pe_kuaishou: 10 } }));
    const before = w.get();
    w.set({ kling_revenue_2025q3: 4e8 });
    return { before, queued: w.get() };
  });
  // The render that the set() scheduled.
  await waitUntil(
    page,
    'the mounted widget to show the set() value of kling_share_2025q3',
    (v) => document.querySelector('#mounted [data-metric="kling_share_2025q3"]')?.getAttribute('data-value') === v,
    String(4e8 / 355.54e8),
  );
  const shown = await page.evaluate(() => {
    const el = document.getElementById('mounted');
    const after = window.__w.get();
    const sections = [...el.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'));
    const lang = el.querySelector('.kc').getAttribute('lang');
    window.__w.destroy();
    return { after, sections, lang };
  });
  // yew tears the DOM down on its scheduler's next turn.
  await waitUntil(page, 'destroy() to empty the mount element', () => document.getElementById('mounted').innerHTML === '');
  const destroyed = await page.evaluate(() => {
    let afterDestroy = null;
    try { window.__w.get(); } catch (e) { afterDestroy = e.message; }
    return { events: window.__events, empty: document.getElementById('mounted').innerHTML, afterDestroy };
  });
  const result = { ...mounted, ...shown, ...destroyed };
  assert.deepEqual(result.before.inputs, { pe_kuaishou: 10 });
  assert.equal(result.before.metrics.implied_earnings, 2690e8 / 10);
  assert.deepEqual(result.queued.inputs, { pe_kuaishou: 10, kling_revenue_2025q3: 4e8 });
  assert.equal(result.after.metrics.kling_share_2025q3, 4e8 / 355.54e8);
  assert.deepEqual(result.sections, ['kling', 'valuation']);
  assert.equal(result.lang, 'en');
  assert.equal(result.events.length, 1);
  assert.deepEqual(result.events[0].inputs, { pe_kuaishou: 10, kling_revenue_2025q3: 4e8 });
  assert.equal(result.events[0].metrics.kling_share_2025q3, 4e8 / 355.54e8);
  assert.equal(result.empty, '');
  assert.match(result.afterDestroy, /destroyed/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two instances on one page: independent state, one module, one wasm fetch', async () => {
  const { page, context, requests } = await apiPage();
  await page.evaluate(() => {
    const a = document.body.appendChild(document.createElement('div'));
    a.id = 'second';
    klingCalc.mount(a, { lang: 'zh-Hans' });
  });
  const second = page.locator('#second');
  await waitForLocator(second.locator('[data-metric="kling_share_2025q3"]'), 'the second instance\'s kling_share_2025q3');
  // Type into the page's first widget only.
  const first = page.locator('main [data-kling-calc]');
  await reveal(first.locator('[data-input="kling_revenue_2025q3"]'));
  await first.locator('[data-input="kling_revenue_2025q3"]').fill('5');
  await waitUntil(
    page,
    'the first widget\'s kling_share_2025q3 to follow the typed 5',
    () => document.querySelector('main [data-kling-calc] [data-metric="kling_share_2025q3"]').getAttribute('data-value') === String(5e8 / 355.54e8),
  );
  assert.equal(Number(await second.locator('[data-metric="kling_share_2025q3"]').getAttribute('data-value')), 3e8 / 355.54e8);
  // Element ids never clash between instances.
  const dupes = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  assert.deepEqual(dupes, []);
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1);
  await context.close();
});

test('get() before the first render already reflects the page\'s share link and the host\'s inputs', async () => {
  const { page, context, errors } = await openPage(env.browser);
  // index.html's own widget is instance 1, so the API's first mount is instance 2.
  const V = `v1.${await currentEdition(env)}`;
  await page.goto(`${env.server.url}index.html?kc2=${V}~pe_kuaishou:12~revenue_2025q2:340e8`);
  await waitUntil(page, 'window.klingCalc', () => window.klingCalc);
  const seen = await page.evaluate(async () => {
    const el = document.body.appendChild(document.createElement('div'));
    const h = klingCalc.mount(el, { lang: 'en', inputs: { revenue_2025q2: 350e8 } });
    const before = h.get();
    const rendered = el.querySelector('.kc') !== null;
    // Bounded: fails within 10 s, saying what it waited for.
    const end = performance.now() + 10000;
    await new Promise((resolve, reject) => {
      const c = () => {
        if (el.querySelector('[data-metric]')) resolve();
        else if (performance.now() > end) reject(new Error('waited 10 s for the mounted widget to render a [data-metric]'));
        else setTimeout(c, 0);
      };
      c();
    });
    return { instance: h.instance, rendered, before, after: h.get() };
  });
  assert.equal(seen.instance, 2);
  assert.equal(seen.rendered, false, 'read before the first render');
  // (input, value): the link's P/E, and the host's Q2 revenue over the link's.
  const want = { pe_kuaishou: 12, revenue_2025q2: 350e8 };
  assert.deepEqual(seen.before.inputs, want);
  assert.equal(seen.before.metrics.implied_earnings, 2690e8 / 12);
  assert.equal(seen.before.metrics.revenue_qoq_2025q3, 355.54 / 350 - 1);
  assert.deepEqual(seen.after, seen.before);
  assert.deepEqual(errors, []);
  await context.close();
});
