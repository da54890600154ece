// Makes yew's scheduler finish its work in the task that started it.
//
// yew 0.23's scheduler (`scheduler::arch::run_scheduler`) yields to the browser
// with `setTimeout(…, 0)` once a run has taken 16 ms, at the first point where no
// render is pending: in this widget that is always between a render and its
// effects. The widget's start-up render takes longer than that (60–80 ms in the
// benchmark), and Chromium runs such a timer only after its next frame, so the
// static render stayed on screen for one frame more (about 25 ms of "interactive"
// in issue 16's benchmark) while the live widget waited, built and detached, for
// the effect that swaps it in. During typing on a slow phone the same yield would
// paint a frame with new values but charts and cards not yet patched.
//
// The widget's scheduler runs are bounded (one render of one widget, or of the
// widgets mounted together), so the yield buys no responsiveness worth that
// frame: the glue's import shim for that `setTimeout` calls the continuation at
// once instead. It is the wasm's only `setTimeout` import (the build fails if
// there is not exactly one), the continuation is the rest of the same run (yew
// returns right after scheduling it), and the timer id it returns is unused.
// `tests/e2e/keypress.test.mjs` checks that a page never sees the widget call
// `setTimeout`. Run on Trunk's output before scripts/minify-boundary.mjs.
//
// Usage: node scripts/sync-scheduler.mjs <dist-dir>
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const die = (msg) => {
  console.error(`sync-scheduler: ${msg}`);
  process.exit(1);
};
if (!dir) die('usage: node scripts/sync-scheduler.mjs <dist-dir>');

const glues = readdirSync(dir).filter((f) => /^kling-calc-[0-9a-f]+\.js$/.test(f));
if (glues.length !== 1) die(`expected one kling-calc-*.js in ${dir}, found ${glues.length}`);
const path = join(dir, glues[0]);
const glue = readFileSync(path, 'utf8');

// wasm-bindgen 0.2.130 writes the shim as
//   __wbg_setTimeout_<hash>: function(arg0, arg1) {
//       const ret = setTimeout(arg0, arg1);
const SHIM = /(__wbg_setTimeout_[0-9a-f]+: function\(arg0, arg1\) \{\s*const ret = )setTimeout\(arg0, arg1\);/g;
const found = glue.match(SHIM) ?? [];
if (found.length !== 1) die(`expected one setTimeout import shim in ${path}, found ${found.length} (did wasm-bindgen change its output?)`);
const out = glue.replace(SHIM, '$1(arg0(), 0);');
if (/\bsetTimeout\(/.test(out)) die(`${path} still calls setTimeout after the rewrite`);
writeFileSync(path, out);
