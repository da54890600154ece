// End-to-end: many embeds on one page. Mount elements more than a viewport
// away wait, showing the build's static render of the widget, and mount as the reader
// scrolls near them; data-load="eager" opts out. The page is dist/index.html
// with ten mount elements (served from a temporary copy of dist/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDir } from '../../scripts/serve.mjs';
import { DIST, LIVE, launch, openPage, waitUntil } from './harness.mjs';

const COUNT = 10;
let dir;
let server;
let browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kc-lazy-'));
  for (const f of readdirSync(DIST)) if (/^(kling-calc|widget)-/.test(f)) copyFileSync(join(DIST, f), join(dir, f));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const m = /<main>([\s\S]*?)<\/main>/.exec(html);
  assert.ok(m, 'dist/index.html has a <main> with the mount element');
  // Element i carries data-i; the last one asks to load eagerly.
  const copies = Array.from({ length: COUNT }, (_, i) => {
    const attrs = i === COUNT - 1 ? ` data-i="${i}" data-lang="en" data-load="eager"` : ` data-i="${i}" data-lang="en"`;
    return m[1].replace('<div data-kling-calc', `<div data-kling-calc${attrs}`);
  });
  writeFileSync(join(dir, 'many.html'), html.replace(m[0], `<main>${copies.join('')}</main>`));
  server = await serveDir(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** For each mount element in order: 'widget' (live), 'fallback' (the build's static render) or 'blank'. */
function states(page) {
  return page.$$eval('[data-kling-calc]', (els, live) => els.map((el) => {
    if (el.querySelector(`${live} [data-metric="kling_share_2025q3"][data-value]`)) return 'widget';
    if (el.querySelector('[data-kc-static] [data-metric="kling_share_2025q3"][data-value]')) return 'fallback';
    return 'blank';
  }), LIVE);
}

test('far embeds wait with their fallback and mount as the reader scrolls near; eager ones mount at once', async () => {
  const { page, context, errors } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}many.html`);
  // The first widget and the eager last one render; the ones between wait.
  await waitUntil(page, 'the first and the eager last embed to render', (live) => document.querySelector(`[data-i="9"] ${live} [data-value]`) && document.querySelector(`[data-i="0"] ${live} [data-value]`), LIVE);
  const atLoad = await states(page);
  assert.equal(atLoad[0], 'widget');
  assert.equal(atLoad[COUNT - 1], 'widget', 'data-load="eager"');
  const waiting = atLoad.filter((s) => s === 'fallback').length;
  assert.ok(waiting >= COUNT - 5, `most far embeds wait: ${atLoad}`);
  assert.ok(!atLoad.includes('blank'), `never blank: ${atLoad}`);

  // Scrolling to each waiting element mounts it; nothing is ever blank on the way.
  for (let i = 0; i < COUNT; i++) {
    if (atLoad[i] !== 'fallback') continue;
    await page.$eval(`[data-i="${i}"]`, (el) => el.scrollIntoView());
    await waitUntil(page, `embed ${i} to mount once scrolled into view`, ([n, live]) => document.querySelector(`[data-i="${n}"] ${live} [data-metric="kling_share_2025q3"][data-value]`), [i, LIVE]);
    assert.ok(!(await states(page)).includes('blank'));
  }
  assert.deepEqual(await states(page), Array(COUNT).fill('widget'));
  // Every instance works and has its own state: edit the fifth, the sixth keeps its value.
  const share = (n) => page.$eval(`[data-i="${n}"] [data-metric="kling_share_2025q3"]`, (el) => el.getAttribute('data-value'));
  const before = await share(5);
  await page.$eval('[data-i="4"] [data-input="kling_revenue_2025q3"]', (el) => {
    el.value = '450';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await waitUntil(page, 'embed 4\'s kling_share_2025q3 to follow the entered 450', () => document.querySelector('[data-i="4"] [data-metric="kling_share_2025q3"]').getAttribute('data-value') === String(4.5e8 / 355.54e8));
  assert.equal(await share(5), before);
  assert.deepEqual(errors, []);
  await context.close();
});
