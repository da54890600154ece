// End-to-end hardening: tampered share links. Well over 50 mangled or
// malicious URLs (unknown ids, NaN/inf, huge exponents, overlong values,
// duplicated parameters, percent-encoding tricks, javascript: fragments, HTML
// in values and ids, wrong or missing versions, out-of-range values, thousands
// of items, UTF-8 garbage) are opened in one browser context. For each: the
// widget renders a Kling-share result, the notice lists what was ignored (and
// nothing when nothing was), no foreign element or inline handler appears in
// the document, no dialog opens, no console error, and the page-level flag
// window.__pwned, defined by an init script, is still undefined after load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, currentEdition, bounded, waitForElement, LIVE } from './harness.mjs';

const env = suite();

// The current edition, filled in from the build (`klingCalc.edition`) when the test runs.
const V = 'v1.@EDITION';
const PWN = 'window.__pwned=1';
const enc = encodeURIComponent;

// English notice fragments, one per reason.
const R = {
  unknown: 'Unknown input',
  nan: 'Not a number',
  inf: 'Not a finite number',
  below: 'Cannot be below',
  above: 'Cannot be above',
  more: 'Must be more than −100%',
  dup: 'Input given twice',
  long: 'Too long',
  many: 'Too many items',
  markup: 'Characters not allowed',
  malformed: 'Malformed; expected id:value',
  format: 'Unknown link format',
  edition: 'another figures edition',
  noedition: 'names no figures edition',
};

const many = (n) => Array.from({ length: n }, (_, i) => `pe_kuaishou:${10 + (i % 5)}`).join('~');

/**
 * (query after `?lang=en&`, expected notice reasons in order or [] for none,
 * optional { input: field text } that must have been applied, optional hash).
 */
const CASES = [
  // Plain tampering of single items.
  [`kc1=${V}~no_such_input:5`, [R.unknown]],
  [`kc1=${V}~pe_tencent:NaN`, [R.inf]],
  [`kc1=${V}~pe_tencent:-Infinity`, [R.inf]],
  [`kc1=${V}~pe_tencent:inf`, [R.inf]],
  [`kc1=${V}~pe_tencent:x7ff0000000000000`, [R.inf]],
  [`kc1=${V}~pe_tencent:x7ff8000000000001`, [R.inf]],
  [`kc1=${V}~pe_tencent:xzz`, [R.nan]],
  [`kc1=${V}~pe_tencent:1e999`, [R.inf]],
  [`kc1=${V}~pe_kuaishou:1e-999`, [], { pe_kuaishou: '0' }],
  [`kc1=${V}~pe_tencent:1e9999`, [R.nan]],
  [`kc1=${V}~pe_tencent:${'9'.repeat(20)}`, [R.nan]],
  [`kc1=${V}~revenue_2025q3:${'9'.repeat(80)}`, [R.long]],
  [`kc1=${V}~market_cap:-5`, [`${R.below} RMB 0`]],
  [`kc1=${V}~kling_revenue_2025q3:-1`, [R.below]],
  [`kc1=${V}~revenue_yoy_2025q3:-1`, [R.more]],
  [`kc1=${V}~kling_p_side_share:2`, [R.above]],
  [`kc1=${V}~market_cap:1e16`, [R.above]],
  [`kc1=${V}~pe_kuaishou:`, [R.nan]],
  [`kc1=${V}~pe_kuaishou`, [R.malformed]],
  [`kc1=${V}~:12`, [R.unknown]],
  [`kc1=${V}~pe_kuaishou:1.`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:0x10`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:1,5`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:--3`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:12~~~~`, [], { pe_kuaishou: '12' }],
  // Duplicates: items, parameters, other instances.
  [`kc1=${V}~pe_kuaishou:12~pe_kuaishou:99`, [R.dup], { pe_kuaishou: '12' }],
  [`kc1=${V}~pe_kuaishou:12&kc1=${V}~pe_kuaishou:99`, [R.dup], { pe_kuaishou: '12' }],
  [`kc1=${V}~pe_kuaishou:abc~pe_kuaishou:12`, [R.nan], { pe_kuaishou: '12' }],
  [`kc2=${V}~pe_kuaishou:12&kc0=${V}~pe_kuaishou:13&kc=x&KC1=${V}~pe_kuaishou:14`, []],
  [`kc1=${V}~pe_kuaishou:12&kc1=${V}~pe_baidu:30`, [], { pe_kuaishou: '12', pe_baidu: '30' }],
  // Percent-encoding tricks.
  [`kc1=${V}~pe_kuaishou:12%00`, [R.nan]],
  [`kc1=${V}~pe_kuaishou%3A13`, [], { pe_kuaishou: '13' }],
  [`kc%31=${V}~pe_kuaishou:14`, [], { pe_kuaishou: '14' }],
  [`kc1=${V}~pe_kuaishou:%3Cscript%3E${enc(PWN)}%3C/script%3E`, [R.markup]],
  [`kc1=${V}~pe_kuaishou:%253Cscript%253E`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:%2`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:%ZZ`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:%FF%FE`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:%C0%AE`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:1%2B2`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:+12`, [R.nan]],
  [`kc1=${V}%7Epe_kuaishou:15`, [], { pe_kuaishou: '15' }],
  [`kc1=${V}~pe_kuaishou:12%26kc1%3Dx`, [R.markup]],
  // Script, HTML and javascript: in values, ids, versions and the fragment.
  [`kc1=${V}~${enc(`pe_baidu:<img src=x onerror="${PWN}">`)}`, [R.markup]],
  [`kc1=${V}~${enc(`<img src=x onerror=${PWN}>:5`)}`, [R.markup]],
  [`kc1=${V}~${enc(`"><script>${PWN}</script>`)}`, [R.markup]],
  [`kc1=${V}~${enc(`pe_alibaba:<svg/onload=${PWN}>`)}`, [R.markup]],
  [`kc1=${V}~${enc(`javascript:${PWN}`)}`, [R.markup]],
  [`kc1=${V}~javascript:alert`, [R.unknown]],
  [`kc1=${enc(`<img src=x onerror=${PWN}>`)}~pe_kuaishou:12`, [R.format]],
  [`kc1=v1.${enc(`<b>x</b>`)}~pe_kuaishou:12`, [R.format]],
  [`kc1=${V}~pe_kuaishou:12`, [], { pe_kuaishou: '12' }, `#javascript:${PWN}`],
  [`kc1=${V}~pe_kuaishou:12&x=1`, [], { pe_kuaishou: '12' }, `#${enc(`<img src=x onerror=${PWN}>`)}`],
  [`${enc(`<img src=x onerror=${PWN}>`)}=1&kc1=${V}~pe_kuaishou:12`, [], { pe_kuaishou: '12' }],
  [`kc1=${V}~${enc(`pe_kuaishou:1'};${PWN};//`)}`, [R.markup]],
  [`kc1=${V}~${enc('pe_kuaishou:`${window.__pwned=1}`')}`, [R.markup]],
  // Versions and formats.
  [`kc1=v2.2025q3-1~pe_kuaishou:12`, [R.format]],
  [`kc1=v0~pe_kuaishou:12`, [R.format]],
  [`kc1=v1.2024q4-1~pe_kuaishou:12`, [R.edition], { pe_kuaishou: '12' }],
  [`kc1=v1.~pe_kuaishou:12`, [R.edition], { pe_kuaishou: '12' }],
  [`kc1=v1.${'z'.repeat(40)}~pe_kuaishou:12`, [R.format]],
  [`kc1=pe_kuaishou:12`, [R.noedition], { pe_kuaishou: '12' }],
  [`kc1=~pe_kuaishou:12`, [R.noedition], { pe_kuaishou: '12' }],
  [`kc1=`, []],
  [`kc1`, []],
  [`kc1=${V}`, []],
  // Size: overlong parameters and thousands of items.
  [`kc1=${V}~pe_kuaishou:12~${'x'.repeat(5000)}`, [R.long]],
  [`kc1=${V}~${many(70)}`, [...Array(63).fill(R.dup), R.many], { pe_kuaishou: '10' }],
  [`kc1=${V}~${'a:1~'.repeat(2000)}`, [R.long]],
  [`kc1=${V}~${Array.from({ length: 100 }, (_, i) => `k${i}:1`).join('~')}`, [...Array(64).fill(R.unknown), R.many]],
  [Array.from({ length: 300 }, (_, i) => `kc1=${V}~k${i}:1`).join('&'), Array(300).fill(R.unknown)],
  [`kc1=${V}~pe_kuaishou:12&${'a=1&'.repeat(2000)}b=2`, [], { pe_kuaishou: '12' }],
  // UTF-8 garbage and other scripts.
  [`kc1=${V}~${enc('pe_kuaishou:１２')}`, [R.nan]],
  [`kc1=${V}~${enc('pe_kuaishou:12\u202e')}`, [R.nan]],
  [`kc1=${V}~${enc('\u202epe_kuaishou:12')}`, [R.unknown]],
  [`kc1=${V}~${enc('pe_kuaishou:😀')}`, [R.nan]],
  [`kc1=${V}~${enc('快手:12')}`, [R.unknown]],
  [`kc1=${V}~pe_kuaishou:12%E2%80`, [R.nan]],
  [`kc1=${V}~pe_kuaishou:12%0A%0D%09`, [R.nan]],
  [`kc1=${V}~${enc('pe_kuaishou:\u0000\u0007')}`, [R.nan]],
];

/** Counts of elements that only an injection could add (the static page has none of them outside the loader). */
function inspect(page) {
  return page.evaluate(() => {
    const inline = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) if (a.name.startsWith('on')) inline.push(`${el.tagName}[${a.name}]`);
    }
    const m = document.querySelector('[data-metric="kling_share_2025q3"]');
    const notice = document.querySelector('[data-share-notice]');
    const fields = {};
    for (const el of document.querySelectorAll('[data-input]')) fields[el.dataset.input] = el.value;
    return {
      pwned: window.__pwned,
      trap: window.__trap,
      foreign: document.querySelectorAll('img, iframe, object, embed, svg [onload], .kc script, .kc style, .kc link').length,
      scripts: document.scripts.length,
      inline,
      value: m?.getAttribute('data-value') ?? null,
      text: m?.textContent.trim() ?? '',
      notice: notice ? [...notice.querySelectorAll('li')].map((li) => li.textContent) : null,
      fields,
    };
  });
}

test(`${CASES.length} tampered share links render, say what they ignored and run nothing`, async () => {
  assert.ok(CASES.length >= 50);
  const { page, context, errors } = await openPage(env.browser);
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await context.addInitScript(() => {
    window.__pwned = undefined;
    // Any write is recorded even if a later one restored the value.
    let value;
    Object.defineProperty(window, '__pwned', {
      get: () => value,
      set: (v) => { value = v; window.__trap = (window.__trap ?? 0) + 1; },
    });
  });
  // The clean page sets the baseline of script elements.
  await page.goto(`${env.server.url}index.html?lang=en`);
  // The live widget's (until it starts, the page holds its static render, with the same outputs).
  await waitForElement(page, `${LIVE} [data-metric="kling_share_2025q3"][data-value]`, { state: 'attached' });
  const baseline = await inspect(page);
  const failures = [];
  const edition = await currentEdition(env);
  for (const [template, reasons, applied, hash = ''] of CASES) {
    const query = template.replaceAll('@EDITION', edition);
    const url = `${env.server.url}index.html?lang=en&${query}${hash}`;
    const label = url.length > 140 ? `${url.slice(0, 140)}…(${url.length})` : url;
    await page.goto(url);
    await bounded(`${label} to render kling_share_2025q3`, (timeout) => page.waitForSelector(`${LIVE} [data-metric="kling_share_2025q3"][data-value]`, { state: 'attached', timeout }));
    const got = await inspect(page);
    const fail = (m) => failures.push(`${label}: ${m}`);
    if (got.pwned !== undefined || got.trap !== undefined) fail('window.__pwned was written');
    if (got.foreign !== 0) fail(`${got.foreign} foreign elements`);
    if (got.scripts !== baseline.scripts) fail(`${got.scripts} scripts (baseline ${baseline.scripts})`);
    if (got.inline.length) fail(`inline handlers ${got.inline.join(', ')}`);
    if (!(got.value !== '' ? Number.isFinite(Number(got.value)) : got.text)) fail(`share metric ${got.value} "${got.text}"`);
    if (reasons !== null) {
      const listed = got.notice ?? [];
      if (listed.length !== reasons.length || !reasons.every((r, i) => listed[i].includes(r))) {
        fail(`notice ${JSON.stringify(listed)} expected ${JSON.stringify(reasons)}`);
      }
    } else if (!got.notice?.length) {
      fail('no notice');
    }
    // Notice items are text: whatever the link held is shown, never parsed as markup.
    for (const [id, text] of Object.entries(applied ?? {})) {
      if (got.fields[id] !== text) fail(`${id} shows ${got.fields[id]}, want ${text}`);
    }
    for (const [id, text] of Object.entries(got.fields)) {
      // Derived defaults (target_pe follows the peers' average) may follow applied items, so only untouched links are compared.
      if (!applied && text !== baseline.fields[id]) fail(`${id} changed to ${text}`);
    }
    if (errors.length) fail(`errors: ${errors.splice(0).join(' | ')}`);
  }
  console.log(`# tampered share links: ${CASES.length} URLs`);
  assert.deepEqual(failures, []);
  await context.close();
});
