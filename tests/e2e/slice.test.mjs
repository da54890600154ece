// End-to-end: the Kling share slice works from the served build over HTTP and
// from the single file over file://, with no request beyond the page's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import {
  suite, openPage, metricValue, nextMetricValue, typeInto, STANDALONE_URL, DIST,
} from './harness.mjs';

const env = suite();

const REVENUE_Q3 = 355.54e8;
// (typed text, Kling Q3 revenue it means in the zh-Hant field whose scale is 億)
const TYPED = [
  ['3億', 3e8],
  ['3.5', 3.5e8],
  ['４億', 4e8],
  ['2.8億元', 2.8e8],
];

async function checkSlice(page) {
  let value = await metricValue(page, 'kling_share_2025q3');
  assert.ok(Math.abs(Number(value) - 3e8 / REVENUE_Q3) < 1e-12, `published share ${value}`);
  assert.equal(await page.textContent('[data-metric="kling_share_2025q3"]'), '超過0.84%');
  for (const [text, kling] of TYPED) {
    await typeInto(page, 'kling_revenue_2025q3', text);
    if (Math.abs(Number(value) - kling / REVENUE_Q3) > 1e-15) {
      value = await nextMetricValue(page, 'kling_share_2025q3', value);
    }
    assert.ok(Math.abs(Number(value) - kling / REVENUE_Q3) < 1e-12, `${text}: ${value}`);
    assert.equal(await page.getAttribute('[data-input="kling_revenue_2025q3"]', 'aria-invalid'), 'false');
  }
}

test('served build: Kling share updates as the reader types; only dist files requested', async () => {
  const { page, context, requests, errors } = await openPage(env.browser);
  await page.goto(env.server.url + 'index.html');
  await checkSlice(page);
  const own = new Set(readdirSync(DIST).map((f) => env.server.url + f));
  const foreign = requests.filter((u) => !own.has(u));
  assert.deepEqual(foreign, [], 'requests outside dist/');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm was fetched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('standalone file over file://: works offline with exactly one request, itself', async () => {
  const { page, context, requests, errors } = await openPage(env.browser, { offline: true });
  await page.goto(STANDALONE_URL);
  await checkSlice(page);
  assert.deepEqual(requests, [STANDALONE_URL]);
  assert.deepEqual(errors, []);
  await context.close();
});
