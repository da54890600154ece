// Shortens the names on the boundary between the wasm and its JavaScript glue.
//
// wasm-bindgen names every import after its function plus a 16-hex-digit hash
// (`__wbg_addEventListener_f2d27251d333a631`) and every closure shim likewise;
// about 150 of them sit in both the wasm's import section and the glue, and
// random hex does not compress: 3 KB of the gzip wasm. binaryen's
// `--minify-imports-and-exports-and-modules` renames them (`A`, `$a`, …) and
// prints the mapping; this script applies the same mapping to the glue, then
// checks that every import the wasm now asks for is defined and that no old
// name is left. Run on Trunk's output before terser (scripts/setup.sh); the
// bundler recomputes the integrity hashes afterwards.
//
// Last, the glue exports only its default `__wbg_init`: `initSync` goes.
//
// Usage: node scripts/minify-boundary.mjs <dist-dir>
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const die = (msg) => {
  console.error(`minify-boundary: ${msg}`);
  process.exit(1);
};
if (!dir) die('usage: node scripts/minify-boundary.mjs <dist-dir>');

const one = (test, what) => {
  const found = readdirSync(dir).filter(test);
  if (found.length !== 1) die(`expected one ${what} in ${dir}, found ${found.length}`);
  return join(dir, found[0]);
};
const wasmPath = one((f) => /^kling-calc-[0-9a-f]+_bg\.wasm$/.test(f), 'kling-calc-*_bg.wasm');
const gluePath = one((f) => /^kling-calc-[0-9a-f]+\.js$/.test(f), 'kling-calc-*.js');

// The features the wasm uses (rustc's wasm32 defaults plus wasm-bindgen's externref
// table); -Oz after the renaming keeps the code section as compact as Trunk's pass left it.
const FEATURES = ['reference-types', 'bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'multivalue']
  .map((f) => `--enable-${f}`);
const out = `${wasmPath}.min`;
const mapText = execFileSync('wasm-opt', [
  ...FEATURES, '--minify-imports-and-exports-and-modules', '-Oz', '--low-memory-unused',
  '--strip-target-features', '--strip-producers', wasmPath, '-o', out,
], { encoding: 'utf8', maxBuffer: 1 << 24 });
let map;
try {
  map = JSON.parse(mapText);
} catch (e) {
  die(`wasm-opt printed no JSON mapping (${e.message})`);
}

// The wasm's imports after renaming: [module, name] pairs from its import section.
function imports(bytes) {
  let i = 8;
  const leb = () => {
    let r = 0, s = 0, b;
    do { b = bytes[i++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80);
    return r;
  };
  const str = () => { const n = leb(); const t = bytes.subarray(i, i + n).toString(); i += n; return t; };
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id !== 2) { i = end; continue; }
    const list = [];
    for (let n = leb(); n > 0; n--) {
      const mod = str(), name = str(), kind = bytes[i++];
      if (kind === 0) leb(); // function: type index
      else if (kind === 1) { i++; const f = bytes[i++]; leb(); if (f & 1) leb(); } // table
      else if (kind === 2) { const f = bytes[i++]; leb(); if (f & 1) leb(); } // memory
      else if (kind === 3) i += 2; // global: type, mutability
      else die(`unknown import kind ${kind}`);
      list.push([mod, name]);
    }
    return list;
  }
  return [];
}
const now = imports(readFileSync(out));
const modules = [...new Set(now.map(([m]) => m))];
if (modules.length !== 1) die(`expected one import module after renaming, found ${modules.join(', ')}`);

let glue = readFileSync(gluePath, 'utf8');
// Snippet modules were folded into the glue's own import object by
// scripts/inline-snippets.mjs, which runs first (a glue still naming one fails there).
const oldModules = [...new Set(map.imports.map(([m]) => m).filter((m) => !m.startsWith('./snippets/')))];
if (oldModules.length !== 1) die(`expected one import module, found ${oldModules.join(', ')}`);
const moduleKey = JSON.stringify(oldModules[0]);
if (glue.split(moduleKey).length !== 2) die(`the glue names module ${moduleKey} other than once`);
glue = glue.replace(moduleKey, JSON.stringify(modules[0]));

const word = (s) => s.replace(/[$]/g, '\\$');
for (const [, from, to] of map.imports) {
  // An import is a key of the object the glue passes to instantiate: `name: function`.
  const key = new RegExp(`(?<![\\w$])${word(from)}(?=\\s*:)`, 'g');
  const n = (glue.match(key) || []).length;
  if (n !== 1) die(`import ${from} is defined ${n} times in the glue`);
  glue = glue.replace(key, to);
}
for (const [from, to] of map.exports) {
  // Exports are read as properties of the instance's exports, `wasm.name`.
  glue = glue.replace(new RegExp(`(?<=\\bwasm\\.)${word(from)}(?![\\w$])`, 'g'), to);
}
const exported = new Set(map.exports.map(([, to]) => to));
for (const [, name] of glue.matchAll(/\bwasm\.([\w$]+)/g)) {
  if (!exported.has(name)) die(`the glue reads wasm.${name}, which the wasm does not export`);
}
const left = glue.match(/__wbg_[A-Za-z0-9_]+_[0-9a-f]{16}(?=\s*:)/);
if (left) die(`the glue still names ${left[0]}`);
for (const [, name] of now) {
  if (!new RegExp(`(?<![\\w$])${word(name)}\\s*:`).test(glue)) die(`the glue does not define import ${name}`);
}

// The glue's own exports: every loader calls only the default export
// (`__wbg_init`); wasm-bindgen's `initSync` (a synchronous compile, which
// nothing here does) leaves the export list, so terser drops it and what
// only it used (-72 B of gzip glue).
const exportsLine = 'export { initSync, __wbg_init as default };';
if (glue.split(exportsLine).length !== 2) die(`the glue does not have its export list "${exportsLine}" exactly once`);
glue = glue.replace(exportsLine, 'export { __wbg_init as default };');

writeFileSync(gluePath, glue);
renameSync(out, wasmPath);
console.log(`minify-boundary: ${map.imports.length} imports and ${map.exports.length} exports renamed`);
