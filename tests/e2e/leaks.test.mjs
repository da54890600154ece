// End-to-end hardening: leaks. Through the JS API, 1,000 mount→destroy cycles
// (a fresh element each; one section, a full widget every tenth, a destroy
// before the first render every tenth) and 10,000 edits through
// handle.set() (the DOM checked every 100 edits), after a warm-up; and
// through dist/kling-calc.js, 500 <kling-calc> add→remove cycles (an
// attribute changed on a live one every tenth, a removal before the first
// render every tenth). Measured
// after forcing GC (Chromium with --expose-gc and precise memory info): the JS
// heap, the wasm linear memory (the glue's exported `memory`, reached through
// Trunk's window.wasmBindings: calling its init again returns the instance's
// exports) and the event listeners on window, document and body (CDP
// DOMDebugger.getEventListeners). Tolerances, justified in README
// (Robustness): listeners exactly flat; for cycles and for edits alike, wasm
// memory at most one 64 KiB page (the allocator may grow once) and the JS
// heap under 1 MB of growth (GC noise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, openPage, waitUntil, DIST } from './harness.mjs';

// KC_CYCLES overrides the count when investigating (the suite uses 1,000).
const CYCLES = Number(process.env.KC_CYCLES || 1000);
const EDITS = 10000;
// A tight loop gives the JS collector no idle time: closures that yew's scheduler
// hands to JS are freed by wasm-bindgen's FinalizationRegistry only when it runs,
// so without a collection the wasm memory's high-water mark climbs about 1 KB a
// cycle (3,000 cycles in one loop: +55 pages) and then stays, reused. A browser
// collects while idle; the test collects every CHUNK cycles, so what it measures
// is what stays allocated, which is the leak.
const CHUNK = 250;
const HEAP_TOLERANCE = 1 << 20;
const WASM_PAGE = 65536;

const env = suite({ args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] });

async function listeners(cdp) {
  let total = 0;
  for (const expression of ['window', 'document', 'document.body']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: list } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: 0 });
    total += list.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return total;
}

/** Forces full garbage collections (which also run wasm-bindgen's closure finalizers). */
function collect(page) {
  return page.evaluate(async () => {
    for (let i = 0; i < 3; i++) { window.gc(); await new Promise((r) => setTimeout(r, 0)); }
  });
}

async function measure(page, cdp) {
  await collect(page);
  const memory = await page.evaluate(async () => {
    // Trunk's loader publishes the glue module; dist/kling-calc.js does not, so
    // its page names the glue for a dynamic import (the same module instance).
    const glue = window.wasmBindings ?? (await import(window.__glue));
    const wasm = await glue.default();
    // Found by type: the build shortens export names (scripts/minify-boundary.mjs).
    const memory = Object.values(wasm).find((v) => v instanceof WebAssembly.Memory);
    return { heap: performance.memory.usedJSHeapSize, wasm: memory.buffer.byteLength };
  });
  return { ...memory, listeners: await listeners(cdp) };
}

/** n mount→render→destroy cycles in chunks of CHUNK, with a collection after each. */
async function cycles(page, n) {
  let left;
  for (let done = 0; done < n; done += CHUNK) {
    left = await chunk(page, Math.min(CHUNK, n - done));
    await collect(page);
  }
  return left;
}

/** In the page: n mount→render→destroy cycles, each on a fresh element removed afterwards. */
function chunk(page, n) {
  return page.evaluate(async (count) => {
    // Bounded: a mount that never renders fails the test within 10 s, saying so.
    const rendered = (el, i) => new Promise((resolve, reject) => {
      const end = performance.now() + 10000;
      const check = () => {
        if (el.querySelector('.kc')) resolve();
        else if (performance.now() > end) reject(new Error(`cycle ${i}: waited 10 s for the mounted widget (.kc) to render`));
        else setTimeout(check, 0);
      };
      check();
    });
    for (let i = 0; i < count; i++) {
      const el = document.body.appendChild(document.createElement('div'));
      // One section per cycle, in turn (a full widget costs ~65 ms to mount here, one
      // section ~13 ms); every tenth cycle a full widget, and every tenth (offset 5)
      // destroyed before its first render.
      const sections = i % 10 === 0 ? undefined : ['kling', 'growth', 'arpu', 'valuation', 'goals', 'claims', 'sources'][i % 7];
      const h = klingCalc.mount(el, { lang: ['en', 'zh-Hant', 'zh-Hans'][i % 3], sections, inputs: { pe_kuaishou: 10 + (i % 7) } });
      if (i % 10 !== 5) await rendered(el, i);
      h.destroy();
      if (el.childElementCount !== 0) throw new Error(`cycle ${i}: destroy left ${el.innerHTML.slice(0, 80)}`);
      el.remove();
    }
    return [document.querySelectorAll('.kc').length, document.querySelectorAll('.kc-root').length];
  }, n);
}

/** In the page: n edits through set() on one instance, the DOM checked every 100. */
function edits(page, n) {
  return page.evaluate(async (count) => {
    const h = window.__edited;
    const el = window.__editedEl;
    // Bounded: a value that never shows fails the test within 10 s, saying which.
    const shown = (want) => new Promise((resolve, reject) => {
      const end = performance.now() + 10000;
      const check = () => {
        const got = el.querySelector('[data-metric="kling_share_2025q3"]')?.getAttribute('data-value');
        if (got === want) resolve();
        else if (performance.now() > end) reject(new Error(`waited 10 s for kling_share_2025q3 to show ${want} after set(); it shows ${got}`));
        else setTimeout(check, 0);
      };
      check();
    });
    for (let i = 1; i <= count; i++) {
      const v = 3e8 + (i % 997) * 1e5;
      h.set({ kling_revenue_2025q3: v, pe_kuaishou: 8 + (i % 13) });
      if (i % 100 === 0) await shown(String(v / 355.54e8));
    }
  }, n);
}

test(`${CYCLES} mount/destroy cycles and ${EDITS} edits leave heap, wasm memory and listeners flat`, async () => {
  const { page, context, errors } = await openPage(env.browser);
  await page.goto(`${env.server.url}index.html?lang=en`);
  await waitUntil(page, 'window.klingCalc and window.wasmBindings', () => window.klingCalc && window.wasmBindings);
  const cdp = await context.newCDPSession(page);
  await page.evaluate(() => {
    window.__editedEl = document.body.appendChild(document.createElement('div'));
    window.__edited = klingCalc.mount(window.__editedEl, { lang: 'en' });
  });
  // Warm-up: caches, interned strings, allocator high-water marks (the first few
  // hundred cycles grow the wasm memory by about eight pages, then it is flat).
  await cycles(page, 500);
  await edits(page, 500);
  const start = await measure(page, cdp);

  const t0 = Date.now();
  const left = await cycles(page, CYCLES);
  const afterCycles = await measure(page, cdp);
  const t1 = Date.now();
  await edits(page, EDITS);
  const afterEdits = await measure(page, cdp);
  const t2 = Date.now();

  const growth = (m, from) => ({ heap: m.heap - from.heap, wasm: m.wasm - from.wasm, listeners: m.listeners - from.listeners });
  const cyc = growth(afterCycles, start);
  const ed = growth(afterEdits, afterCycles);
  console.log(`# leaks: start ${JSON.stringify(start)}`);
  console.log(`# leaks: ${CYCLES} mount/destroy cycles (${t1 - t0} ms): growth ${JSON.stringify(cyc)}`);
  console.log(`# leaks: ${EDITS} edits (${t2 - t1} ms): growth ${JSON.stringify(ed)}`);
  // The page's own widget and the edited one remain; every API-mounted cycle is gone.
  assert.deepEqual(left, [2, 2]);
  // Edits: flat. Listeners: flat everywhere.
  assert.equal(cyc.listeners, 0, 'cycles: listeners');
  assert.equal(ed.listeners, 0, 'edits: listeners');
  assert.ok(ed.wasm <= WASM_PAGE, `edits: wasm memory grew ${ed.wasm} B`);
  assert.ok(ed.heap < HEAP_TOLERANCE, `edits: JS heap grew ${ed.heap} B`);
  // Mount/destroy cycles: flat too (src/ui/pool.rs reuses parked yew roots, whose
  // listener closures yew never frees).
  assert.ok(cyc.wasm <= WASM_PAGE, `cycles: wasm memory grew ${cyc.wasm} B`);
  assert.ok(cyc.heap < HEAP_TOLERANCE, `cycles: JS heap grew ${cyc.heap} B`);
  assert.deepEqual(errors, []);
  await context.close();
});

const EL_CYCLES = Number(process.env.KC_CYCLES || 500);

/** In the page: n <kling-calc> add→render→remove cycles, a fresh element each. */
function elementChunk(page, n) {
  return page.evaluate(async (count) => {
    const rendered = (el, i, lang) => new Promise((resolve, reject) => {
      const end = performance.now() + 10000;
      const check = () => {
        if (el.querySelector(`.kc[lang="${lang}"]`)) resolve();
        else if (performance.now() > end) reject(new Error(`cycle ${i}: waited 10 s for <kling-calc> to render in ${lang}`));
        else setTimeout(check, 0);
      };
      check();
    });
    const langs = ['en', 'zh-Hant', 'zh-Hans'];
    for (let i = 0; i < count; i++) {
      const el = document.createElement('kling-calc');
      el.setAttribute('lang', langs[i % 3]);
      el.setAttribute('sections', ['kling', 'growth', 'arpu', 'valuation', 'goals', 'claims', 'sources'][i % 7]);
      el.setAttribute('inputs', `pe_kuaishou:${10 + (i % 7)}`);
      el.setAttribute('load', 'eager');
      document.body.append(el);
      if (i % 10 !== 5) await rendered(el, i, langs[i % 3]);
      // Every tenth (offset 3): a live attribute change, which remounts.
      if (i % 10 === 3) {
        el.setAttribute('lang', langs[(i + 1) % 3]);
        await rendered(el, i, langs[(i + 1) % 3]);
      }
      el.remove();
      if (el.childElementCount !== 0) throw new Error(`cycle ${i}: removal left ${el.innerHTML.slice(0, 80)}`);
    }
    return [document.querySelectorAll('.kc').length, document.querySelectorAll('.kc-root').length];
  }, n);
}

test(`${EL_CYCLES} <kling-calc> add/remove cycles through the loader leave heap, wasm memory and listeners flat`, async () => {
  const { page, context, errors } = await openPage(env.browser);
  const url = `${env.server.url}leaks-element.html`;
  await page.route(url, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>leaks</title></head><body><kling-calc lang="en" sections="kling" load="eager"></kling-calc><script src="kling-calc.js" defer></script></body></html>',
  }));
  await page.goto(url);
  await waitUntil(page, 'window.klingCalc and the page\'s <kling-calc> rendered', () => window.klingCalc && document.querySelector('kling-calc .kc'));
  const glue = readFileSync(join(DIST, 'index.html'), 'utf8').match(/kling-calc-[0-9a-f]+\.js/)[0];
  await page.evaluate((g) => { window.__glue = `/${g}`; }, glue);
  const cdp = await context.newCDPSession(page);
  const run = async (n) => {
    let left;
    for (let done = 0; done < n; done += CHUNK) {
      left = await elementChunk(page, Math.min(CHUNK, n - done));
      await collect(page);
    }
    return left;
  };
  await run(250);
  const start = await measure(page, cdp);
  const t0 = Date.now();
  const left = await run(EL_CYCLES);
  const end = await measure(page, cdp);
  const growth = { heap: end.heap - start.heap, wasm: end.wasm - start.wasm, listeners: end.listeners - start.listeners };
  console.log(`# leaks: ${EL_CYCLES} <kling-calc> add/remove cycles (${Date.now() - t0} ms): growth ${JSON.stringify(growth)}`);
  // Only the page's own element remains.
  assert.deepEqual(left, [1, 1]);
  assert.equal(growth.listeners, 0, 'listeners');
  assert.ok(growth.wasm <= WASM_PAGE, `wasm memory grew ${growth.wasm} B`);
  assert.ok(growth.heap < HEAP_TOLERANCE, `JS heap grew ${growth.heap} B`);
  assert.deepEqual(errors, []);
  await context.close();
});
