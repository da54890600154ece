// End-to-end: share links, tampered links, CSV download and citations through
// real clicks in Chromium, against the release build (served and file://).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  suite, openPage, metricValue, nextMetricValue, typeInto, STANDALONE_URL, currentEdition, bounded, waitUntil, waitForLocator, reveal,
} from './harness.mjs';

const env = suite();

/** Opens `url` in a fresh context and waits for the widget. */
async function open(url, options = {}) {
  const handle = await openPage(env.browser, options);
  // Any alert/confirm/prompt would mean injected script ran.
  handle.page.on('dialog', (d) => { handle.errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await handle.page.goto(url);
  await metricValue(handle.page, 'kling_share_2025q3');
  return handle;
}

/** Every metric's data-value and every field's text, keyed by id. */
function snapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('[data-metric]')) out[`m:${el.dataset.metric}`] = el.getAttribute('data-value');
    for (const el of document.querySelectorAll('[data-input]')) out[`i:${el.dataset.input}`] = el.value;
    return out;
  });
}

/** Changes two inputs by typing and waits for the results to follow. */
async function edit(page) {
  const before = await metricValue(page, 'kling_share_2025q3');
  await typeInto(page, 'kling_revenue_2025q3', '450');
  await nextMetricValue(page, 'kling_share_2025q3', before);
  const earnings = await metricValue(page, 'implied_earnings');
  await typeInto(page, 'pe_kuaishou', '11.5');
  await nextMetricValue(page, 'implied_earnings', earnings);
}

async function shareLink(page) {
  await page.click('[data-share]');
  const field = page.locator('.kc-sharebar-url');
  await waitForLocator(field, 'the share link field (.kc-sharebar-url)');
  // The link has the share bar's whole row, not a field's 8em (128 px showed "http://127.0.0").
  const [width, row] = await field.evaluate((el) => [el.getBoundingClientRect().width, el.parentElement.getBoundingClientRect().width]);
  assert.ok(width >= row - 1, `the share link field is ${width} px of the bar's ${row} px`);
  return field.inputValue();
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field, '', 'CSV ends with CRLF');
  return rows;
}

test('a share link reproduces the scenario in a new page and keeps host parameters', async () => {
  const { page, context, errors } = await open(`${env.server.url}index.html?lang=en&ref=article#top`);
  await edit(page);
  const url = await shareLink(page);
  const want = await snapshot(page);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/index\.html\?lang=en&ref=article&kc1=v1\.[\w.-]+~kling_revenue_2025q3:45e7~pe_kuaishou:11\.5#top$/);
  assert.equal(want['i:kling_revenue_2025q3'], '450');
  const other = await open(url);
  assert.deepEqual(await snapshot(other.page), want);
  assert.equal(await other.page.locator('[data-share-notice]').count(), 0);
  assert.deepEqual([...errors, ...other.errors], []);
  await context.close();
  await other.context.close();
});

test('the standalone file shares a file:// link that restores the scenario', async () => {
  const { page, context, errors } = await open(`${STANDALONE_URL}?lang=en`);
  await edit(page);
  const url = await shareLink(page);
  assert.ok(url.startsWith(`${STANDALONE_URL}?lang=en&kc1=v1.`), url);
  const want = await snapshot(page);
  const other = await open(url);
  assert.deepEqual(await snapshot(other.page), want);
  assert.deepEqual([...errors, ...other.errors], []);
  await context.close();
  await other.context.close();
});

test('a tampered link still renders, lists every bad item and runs nothing', async () => {
  const tampered = [
    'pe_baidu:<img src=x onerror="window.__pwned=1">',
    '"><script>window.__pwned=1</script>',
    'pe_alibaba:<svg/onload=window.__pwned=1>',
    'no_such_input:5',
    'pe_tencent:NaN',
    'market_cap:-5',
    `revenue_2025q3:${'9'.repeat(80)}`,
    'pe_kuaishou:99',
    'javascript:window.__pwned=1',
  ];
  const items = [`v1.${await currentEdition(env)}`, 'pe_kuaishou:12', ...tampered].map(encodeURIComponent).join('~');
  const { page, context, errors } = await open(`${env.server.url}index.html?lang=en&kc1=${items}`);
  // The valid item is applied, the rest are listed, one line each.
  assert.equal(await page.inputValue('[data-input="pe_kuaishou"]'), '12');
  const notice = page.locator('[data-share-notice]');
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.equal(await notice.locator('li').count(), tampered.length);
  const text = await notice.textContent();
  for (const reason of ['Characters not allowed', 'Unknown input', 'Not a finite number', 'Cannot be below RMB 0', 'Too long', 'Input given twice']) {
    assert.ok(text.includes(reason), `${reason} in ${text}`);
  }
  assert.ok(text.includes('pe_baidu:<img src=x onerror="win'), text);
  assert.equal(await page.locator('.kc img, .kc script, .kc svg[onload]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // The widget still works.
  const before = await metricValue(page, 'kling_share_2025q3');
  await typeInto(page, 'kling_revenue_2025q3', '500');
  assert.equal(Number(await nextMetricValue(page, 'kling_share_2025q3', before)), 5e8 / 355.54e8);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Download CSV saves every input and metric with values, units and sources', async () => {
  const { page, context, errors } = await open(`${env.server.url}index.html?lang=en`, { acceptDownloads: true });
  await edit(page);
  const [download] = await Promise.all([
    bounded('the CSV download', (timeout) => page.waitForEvent('download', { timeout })),
    page.click('[data-csv]'),
  ]);
  assert.equal(download.suggestedFilename(), 'kling-calc.csv');
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const rows = parseCsv(bytes.subarray(3).toString('utf8'));
  assert.deepEqual(rows[0], ['kind', 'id', 'label', 'value (base units)', 'unit', 'qualifier', 'status', 'formula (numbers plugged in)', 'sources']);
  assert.ok(rows.every((r) => r.length === 9));
  const row = (kind, id) => rows.find((r) => r[0] === kind && r[1] === id);
  assert.equal(row('edition', rows[1][1])[1], await currentEdition(env));
  assert.deepEqual(row('input', 'kling_revenue_2025q3').slice(2, 7), ['Kling Q3 revenue', '450000000', 'CNY', 'exact', 'changed by reader']);
  assert.equal(row('input', 'pe_kuaishou')[3], '11.5');
  const revenue = row('input', 'revenue_2025q3');
  assert.equal(revenue[3], '35554000000');
  assert.ok(revenue[8].startsWith('revenue_2025q3 (A: 懂財帝'), revenue[8]);
  // Every metric's value is the number the page shows in data-value.
  const page_values = await snapshot(page);
  const metrics = rows.filter((r) => r[0] === 'metric');
  assert.equal(metrics.length, Object.keys(page_values).filter((k) => k.startsWith('m:')).length);
  for (const r of metrics) {
    const shown = page_values[`m:${r[1]}`];
    assert.ok(r[3] === '' ? shown === '' : Math.abs(Number(r[3]) - Number(shown)) <= 4e-16 * Math.abs(Number(shown)), `${r[1]}: ${r[3]} vs ${shown}`);
  }
  assert.equal(row('metric', 'kling_share_2025q3')[7], 'RMB 450 million ÷ RMB 35.554 billion = 1.27%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Copy citation and Share write to the clipboard', async () => {
  const { page, context, errors } = await open(`${env.server.url}index.html?lang=en`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url.replace(/\/$/, '') });
  await edit(page);
  const metric = page.locator('.kc-metric', { has: page.locator('[data-metric="kling_share_2025q3"]') });
  await reveal(metric);
  await metric.locator('summary').click();
  await metric.locator('[data-cite="kling_share_2025q3"]').click();
  const shown = await metric.locator('.kc-citation').inputValue();
  assert.match(shown, /^Kling share of Q3 revenue: 1\.27% \(RMB 450 million ÷ RMB 35\.554 billion = 1\.27%\)\. Sources: 懂財帝, "[^"]+", 2025-11-27; figures edition ([0-9a-z-]+); Kuaishou & Kling calculator\.$/);
  assert.equal(shown.match(/figures edition ([0-9a-z-]+);/)[1], await currentEdition(env));
  await waitUntil(page, 'the clipboard to hold the shown citation', (text) => navigator.clipboard.readText().then((t) => t === text), shown);
  const url = await shareLink(page);
  await waitForLocator(page.locator('.kc-sharebar [role="status"]', { hasText: 'Link copied.' }), 'the status "Link copied."');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  assert.deepEqual(errors, []);
  await context.close();
});
