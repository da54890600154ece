// End-to-end: the reader's layout in Chromium. The compact default (results
// first, fields and all results behind disclosures), the full layout one
// attribute away, typing into fields in closed and opened disclosures, the
// "at published figures: …" line beside a moved result, the heights a phone reader scrolls,
// and axe-core in both layouts with every disclosure closed and open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, metricValue, nextMetricValue, typeInto, openAllDetails, waitUntil, axe } from './harness.mjs';

const LANGS = ['zh-Hant', 'zh-Hans', 'en'];
const env = suite();

async function open(query, options = {}) {
  const handle = await openPage(env.browser, options);
  await handle.page.goto(`${env.server.url}index.html?${query}`);
  await metricValue(handle.page, 'kling_share_2025q3');
  return handle;
}

/** Sections leave `content-visibility: auto`, so off-screen ones are laid out and measured. */
function renderAll(page) {
  return page.addStyleTag({ content: '.kc .kc-section { content-visibility: visible !important; }' });
}

/** The sections' data (key, headline metric ids, input ids) as the page shows them. */
function sectionsOf(page) {
  return page.$$eval('.kc [data-section]', (ss) => ss.map((s) => ({
    key: s.dataset.section,
    headlines: [...s.querySelectorAll('[data-headline]')].map((c) => c.dataset.headline),
    inputs: [...s.querySelectorAll('[data-input]')].map((f) => f.dataset.input),
  })));
}

test('compact by default: headlines shown, fields and all results behind closed disclosures', async () => {
  const { page, context, errors } = await open('lang=en', { viewport: { width: 390, height: 844 } });
  assert.equal(await page.getAttribute('.kc', 'data-layout'), 'compact');
  const sections = (await sectionsOf(page)).filter((s) => s.inputs.length);
  assert.deepEqual(sections.map((s) => s.key), ['kling', 'growth', 'arpu', 'valuation']);
  for (const s of sections) {
    const at = `[data-section="${s.key}"]`;
    assert.ok(s.headlines.length >= 2 && s.headlines.length <= 4, `${s.key}: ${s.headlines}`);
    for (const h of s.headlines) {
      // A card repeats what its metric's output says, and is on screen.
      const card = page.locator(`${at} [data-headline="${h}"]`);
      assert.ok(await card.isVisible(), `${s.key}: card ${h} visible`);
      assert.equal(await card.locator('[data-value]').getAttribute('data-value'),
        await page.getAttribute(`[data-metric="${h}"]`, 'data-value'), h);
    }
    for (const id of s.inputs) {
      assert.equal(await page.locator(`${at} [data-input="${id}"]`).isVisible(), false, `${id} hidden`);
    }
    assert.equal(await page.locator(`${at} details[data-more="inputs"] > summary`).textContent(),
      `Adjust all ${s.inputs.length} figures`);
    assert.equal(await page.locator(`${at} output[data-metric]`).first().isVisible(), false, `${s.key}: results hidden`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: open "Adjust all N figures" and type into a field; a closed one still takes typing once revealed', async () => {
  const { page, context, errors } = await open('lang=en', { viewport: { width: 390, height: 844 } });
  // Keyboard only: focus the Kling section's summary, Enter opens it, Tab reaches its first field.
  const summary = page.locator('[data-section="kling"] details[data-more="inputs"] > summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[data-section="kling"] details[data-more="inputs"]').getAttribute('open'), '');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.dataset.input);
  assert.equal(focused, 'kling_revenue_2025q1');
  // Type into an opened disclosure's field: Kling Q3 at RMB 400 million.
  const before = await page.getAttribute('[data-metric="kling_share_2025q3"]', 'data-value');
  await typeInto(page, 'kling_revenue_2025q3', '400');
  assert.equal(Number(await nextMetricValue(page, 'kling_share_2025q3', before)), 4e8 / 355.54e8);
  // And into a field whose disclosure is still closed (valuation), revealed as a reader would.
  assert.equal(await page.locator('[data-input="pe_kuaishou"]').isVisible(), false);
  const earnings = await page.getAttribute('[data-metric="implied_earnings"]', 'data-value');
  await typeInto(page, 'pe_kuaishou', '10');
  assert.equal(Number(await nextMetricValue(page, 'implied_earnings', earnings)), 2690e8 / 10);
  assert.deepEqual(errors, []);
  await context.close();
});

test('published vs yours: a moved result shows the articles\' value; one control resets everything', async () => {
  const { page, context, errors } = await open('lang=en', { viewport: { width: 390, height: 844 } });
  assert.equal(await page.locator('.kc-was').count(), 0, 'nothing moved yet');
  assert.equal(await page.locator('.kc-yours').count(), 0);
  const published = await page.getAttribute('[data-metric="kling_share_2025q3"]', 'data-value');
  await typeInto(page, 'kling_revenue_2025q3', '400');
  await nextMetricValue(page, 'kling_share_2025q3', published);
  // Beside the headline card and beside the result under "All results".
  const card = page.locator('[data-headline="kling_share_2025q3"] .kc-was');
  assert.equal(await card.textContent(), 'at published figures: ≥ 0.84%');
  assert.equal(Number(await card.getAttribute('data-published')), Number(published));
  const line = page.locator('.kc-metric:has([data-metric="kling_share_2025q3"]) .kc-was');
  assert.equal(await line.textContent(), 'at published figures: ≥ 0.84%');
  // A result the edit did not move has no such line.
  assert.equal(await page.locator('.kc-metric:has([data-metric="pe_peer_average"]) .kc-was').count(), 0);
  // The line under the title counts the changed figures and holds the reset.
  await typeInto(page, 'pe_kuaishou', '10');
  await page.waitForFunction(() => document.querySelector('.kc-yours')?.textContent.startsWith('2 figures differ from the articles.'),
    null, { timeout: 10000 }).catch(() => { throw new Error('the changed-figures line never counted 2'); });
  await page.click('.kc-reset-all');
  assert.equal(await nextMetricValue(page, 'kling_share_2025q3', String(4e8 / 355.54e8)), published);
  assert.equal(await page.locator('.kc-was').count(), 0);
  assert.equal(await page.locator('.kc-yours').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-layout="full" (and ?layout=full) shows every field and result', async () => {
  const { page, context, errors } = await open('lang=en&layout=full', { viewport: { width: 390, height: 844 } });
  assert.equal(await page.getAttribute('.kc', 'data-layout'), 'full');
  await renderAll(page);
  assert.equal(await page.locator('details.kc-more').count(), 0);
  assert.equal(await page.locator('[data-headline]').count(), 0);
  const hidden = await page.$$eval('[data-input], output[data-metric]', (els) => els
    .filter((el) => !el.checkVisibility()).map((el) => el.dataset.input ?? el.dataset.metric));
  assert.deepEqual(hidden, []);
  await typeInto(page, 'pe_kuaishou', '10');
  assert.equal(Number(await metricValue(page, 'implied_earnings')), 2690e8 / 10);
  // The same through the JS API's mount option.
  await page.evaluate(() => {
    const el = document.body.appendChild(document.createElement('div'));
    el.id = 'api-mounted';
    klingCalc.mount(el, { lang: 'en', layout: 'full' });
  });
  // The widget renders detached and enters its element once rendered (ui/pool.rs).
  const layout = await waitUntil(page, 'the API-mounted widget to render', () => document.querySelector('#api-mounted .kc')?.dataset.layout);
  assert.equal(await layout.jsonValue(), 'full');
  assert.deepEqual(errors, []);
  await context.close();
});

test('one phone screen per section: heights at 390 × 844 px in English', async () => {
  const { page, context } = await open('lang=en', { viewport: { width: 390, height: 844 } });
  await renderAll(page);
  const heights = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.kc [data-section]')]
    .map((s) => [s.dataset.section, s.getBoundingClientRect().height]).concat([['whole', document.querySelector('.kc').getBoundingClientRect().height]])));
  for (const key of ['kling', 'growth', 'arpu', 'valuation']) {
    assert.ok(heights[key] <= 1100, `${key} is ${Math.round(heights[key])} px tall (at most 1,100)`);
  }
  assert.ok(heights.whole <= 6000, `the widget is ${Math.round(heights.whole)} px tall (at most 6,000)`);
  await context.close();
});

// WCAG 2.0/2.1/2.2 A and AA in every language, light and dark, narrow and wide:
// the compact layout with its disclosures closed, then all open, then the full
// layout with everything open.
for (const lang of LANGS) {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [320, 1280]) {
      test(`axe: no violations in either layout, disclosures closed and open (${lang}, ${colorScheme}, ${width}px)`, async () => {
        const { page, context } = await open(`lang=${lang}`, { colorScheme, viewport: { width, height: 900 } });
        const check = async (state) => {
          await renderAll(page);
          const { found, passes } = await axe(page);
          assert.deepEqual(found, [], state);
          assert.ok(passes.length > 10, `${state}: axe ran its checks`);
        };
        await check('compact, closed');
        await openAllDetails(page);
        await check('compact, all open');
        await page.goto(`${env.server.url}index.html?lang=${lang}&layout=full`);
        await metricValue(page, 'kling_share_2025q3');
        await openAllDetails(page);
        await check('full, all open');
        await context.close();
      });
    }
  }
}

test('a chart in every calculator section: title, description, data table, values that follow the inputs', async () => {
  const { page, context, errors } = await open('lang=en', { viewport: { width: 320, height: 844 } });
  await renderAll(page);
  // (section, chart key, bar key, what the bar's data-value must equal)
  // An input's published value, from the JS API (nothing is changed yet).
  const input = (id) => () => page.evaluate((i) => klingCalc.inputs().find((x) => x.id === i).default, id);
  const bars = [
    ['kling', 'kling', 'q3', input('kling_revenue_2025q3')],
    ['growth', 'growth', 'total', input('revenue_yoy_2025q3')],
    ['arpu', 'arpu', 'kling', () => page.getAttribute('[data-metric="arpu_paying_monthly"]', 'data-value')],
    ['valuation', 'pe', 'kuaishou', input('pe_kuaishou')],
  ];
  for (const [section, chart, bar, want] of bars) {
    const fig = page.locator(`[data-section="${section}"] figure[data-chart="${chart}"]`);
    assert.equal(await fig.count(), 1, `${section}: one chart`);
    assert.match(await fig.locator('figcaption').textContent(), /\S/, `${chart}: a title`);
    assert.match(await fig.locator('svg[role="img"] desc').textContent(), /\S/, `${chart}: a description`);
    assert.ok(await fig.locator('table tbody tr').count() >= 2, `${chart}: a data table`);
    const got = Number(await fig.locator(`[data-bar="${bar}"]`).getAttribute('data-value'));
    assert.ok(Math.abs(got - Number(await want())) <= 1e-9 * Math.abs(got), `${chart}/${bar}: ${got} vs ${await want()}`);
    // Legible at 320 px: the chart is no wider than its section.
    const [w, sw] = await fig.evaluate((f) => [f.getBoundingClientRect().width, f.closest('[data-section]').getBoundingClientRect().width]);
    assert.ok(w <= sw, `${chart}: ${w} px in a ${sw}-px section`);
  }
  // ERNIE Bot's published ~RMB 10 a month stands beside Kling's ARPU.
  assert.equal(Number(await page.getAttribute('[data-chart="arpu"] [data-bar="ernie"]', 'data-value')), 10);
  // Typing moves the growth chart's bar: total revenue YoY at 20%.
  await typeInto(page, 'revenue_yoy_2025q3', '20');
  await page.waitForFunction(() => document.querySelector('[data-chart="growth"] [data-bar="total"]').getAttribute('data-value') === '0.2',
    null, { timeout: 10000 }).catch(() => { throw new Error('the growth chart never showed the typed 20% YoY'); });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Kling chart\'s data table reads each share as its result does: the value, or why there is none', async () => {
  const { page, context, errors } = await open('lang=en', { viewport: { width: 390, height: 844 } });
  // Each quarter's row: its share cell beside the text of the result it charts.
  const rows = () => page.$$eval('[data-chart="kling"] tbody tr', (trs) => trs.map((tr) => {
    const quarter = tr.querySelector('th').textContent;
    const out = document.querySelector(`[data-metric="kling_share_2025${quarter.toLowerCase()}"]`);
    return { quarter, cell: tr.querySelectorAll('td')[1].textContent, result: out?.textContent, reason: out?.classList.contains('kc-reason') };
  }));
  const check = async (when) => {
    const got = await rows();
    assert.ok(got.length >= 3, `${when}: ${got.length} rows`);
    for (const r of got) {
      // A quarter with no share result (the assumed rest of the year's target) is the one dash.
      assert.equal(r.cell, r.result ?? '—', `${when}, ${r.quarter}: the table and the result agree`);
    }
    assert.ok(got.filter((r) => r.result !== undefined).length >= 3, `${when}: three quarters' shares`);
    return got;
  };
  await check('as published');
  // A quarter's revenue of 0 leaves its share without a value: the cell names the field to change.
  await typeInto(page, 'revenue_2025q3', '0');
  await waitUntil(page, 'the Q3 share to have no value', () => document.querySelector('[data-metric="kling_share_2025q3"]').classList.contains('kc-reason'));
  const q3 = (await check('with Q3 revenue at 0')).find((r) => r.quarter === 'Q3');
  assert.ok(q3.reason, 'the Q3 share has no value');
  const label = await page.$eval('[data-input="revenue_2025q3"]', (el) => el.labels[0].textContent);
  assert.ok(q3.cell.includes(label), `the cell "${q3.cell}" names the field "${label}"`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an opening bracket in a paragraph stays on the line of the number it opens, at every phone width', async () => {
  // An inline-block number may always wrap away from the "(" before it; the
  // widths step by 10 px so that some line breaks fall at each bracket.
  for (const lang of LANGS) {
    const { page, context } = await open(`lang=${lang}`, { viewport: { width: 440, height: 844 } });
    await renderAll(page);
    for (let width = 300; width <= 440; width += 10) {
      await page.setViewportSize({ width, height: 844 });
      const stranded = await page.$$eval('.kc p[data-narrative] > :is(.kc-inline, strong)', (nums) => nums.flatMap((n) => {
        // The text just before the number: a text node, or the last one of an element.
        let before = n.previousSibling;
        while (before && before.nodeType !== Node.TEXT_NODE) before = before.lastChild;
        const text = before?.textContent ?? '';
        if (!/[(（]$/.test(text)) return [];
        const range = document.createRange();
        range.setStart(before, text.length - 1);
        range.setEnd(before, text.length);
        const bracket = range.getClientRects()[0];
        const number = n.getClientRects()[0];
        return Math.abs(bracket.bottom - number.bottom) > 8 ? [`"${text.slice(-12)}" | "${n.textContent}"`] : [];
      }));
      assert.deepEqual(stranded, [], `${lang} at ${width} px: a bracket left at a line's end`);
    }
    await context.close();
  }
});

test('a headline card that wraps its value leaves no single character alone on the last line', async () => {
  // On a phone two cards share a row, and "約4826.42億元" is a few pixels too
  // wide for one: the greedy break left "元" alone on a line of its own.
  for (const lang of LANGS) {
    for (const width of [320, 360, 390, 430]) {
      const { page, context } = await open(`lang=${lang}`, { viewport: { width, height: 844 } });
      await renderAll(page);
      const lines = await page.$$eval('.kc [data-headline] .kc-card-value', (vs) => vs.map((v) => {
        // The text's line boxes, top to bottom, and the width of one character.
        const range = document.createRange();
        range.selectNodeContents(v);
        const tops = new Map();
        for (const r of range.getClientRects()) tops.set(Math.round(r.top), (tops.get(Math.round(r.top)) ?? 0) + r.width);
        return { text: v.textContent, widths: [...tops.values()], em: parseFloat(getComputedStyle(v).fontSize) };
      }));
      assert.ok(lines.length >= 8, `${lang} ${width}: ${lines.length} cards`);
      for (const { text, widths, em } of lines) {
        if (widths.length < 2) continue;
        assert.ok(widths.at(-1) > 1.2 * em, `${lang} at ${width} px: "${text}" ends with a line ${widths.at(-1).toFixed(0)} px wide (${widths.map(Math.round)})`);
      }
      await context.close();
    }
  }
});
