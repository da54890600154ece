// Inlines wasm-bindgen's JavaScript snippets into the glue.
//
// Rust code imports JavaScript with `#[wasm_bindgen(inline_js = "…")]`
// (`app::patch`) or `#[wasm_bindgen(module = "/www/…")]` (`www/chart-save.js`);
// wasm-bindgen writes each as a module under `snippets/`, which the glue
// imports and Trunk preloads from index.html. The widget ships as one glue
// file (the loader preloads it with its integrity hash, standalone.html
// inlines it, embed.html's CSP allows no other script), so each snippet is
// folded into the glue as a scoped block that returns its exports, Trunk's
// preload of it is removed from index.html, and `snippets/` is deleted. The
// glue refers to a snippet in one of two ways:
//
// - `import { a, b as c } from './snippets/…'`: functions the glue calls from
//   its own import shims (arguments converted, e.g. strings);
// - `import * as importN from "./snippets/…"`: a module whose functions the
//   wasm imports directly; its object joins the glue's own import object,
//   since scripts/minify-boundary.mjs (run next) renames every import module
//   of the wasm to one.
//
// The build fails if a snippet is referred to in another way, does more than
// `export function` / `export async function` / `export const`, or is still
// named afterwards.
//
// Usage: node scripts/inline-snippets.mjs <dist-dir>
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const die = (msg) => {
  console.error(`inline-snippets: ${msg}`);
  process.exit(1);
};
if (!dir) die('usage: node scripts/inline-snippets.mjs <dist-dir>');

const glues = readdirSync(dir).filter((f) => /^kling-calc-[0-9a-f]+\.js$/.test(f));
if (glues.length !== 1) die(`expected one kling-calc-*.js in ${dir}, found ${glues.length}`);
const gluePath = join(dir, glues[0]);
let glue = readFileSync(gluePath, 'utf8');

/** A snippet's code as a scoped block evaluating to the object of its exports. */
function scoped(path) {
  const code = readFileSync(join(dir, path), 'utf8');
  const exported = [...code.matchAll(/^export (?:async function|function|const) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  const body = code.replace(/^export (async function|function|const) /gm, '$1 ');
  if (exported.length === 0 || /^\s*(import|export)\b/m.test(body)) {
    die(`${path}: a snippet may only export functions and constants ('export function name') and import nothing`);
  }
  // `name: name`, not shorthand: scripts/minify-boundary.mjs renames a wasm
  // import where the glue defines it as a key (`kcSave: …`).
  return [exported, `(() => {\n${body}\nreturn { ${exported.map((n) => `${n}: ${n}`).join(', ')} };\n})()`];
}

// A snippet the glue imports both ways (a function it calls from its own shim
// and one the wasm imports directly) is inlined once: its named imports are
// then taken from the namespace's block, right after it.
const NAMESPACE = /^import \* as (\w+) from ['"](\.\/snippets\/[^'"]+\.js)['"];?\n?/gm;
const namespaced = new Set([...glue.matchAll(NAMESPACE)].map((m) => m[2].slice(2)));
const later = new Map();

// `import { a, b as c } from './snippets/…';`
glue = glue.replace(/^import \{([^}]*)\} from ['"]\.\/(snippets\/[^'"]+\.js)['"];?\n?/gm, (_, names, path) => {
  const [exported, block] = scoped(path);
  const bindings = names.split(',').map((n) => n.trim()).filter(Boolean).map((n) => {
    const [name, alias = name] = n.split(/\s+as\s+/);
    if (!exported.includes(name)) die(`${path} does not export ${name}`);
    return `${name}: ${alias}`;
  });
  if (namespaced.has(path)) {
    later.set(`./${path}`, [...(later.get(`./${path}`) ?? []), ...bindings]);
    return '';
  }
  return `const { ${bindings.join(', ')} } = ${block};\n`;
});

// `import * as importN from "./snippets/…";` and its entry in the import object.
// wasm-bindgen 0.2.130 imports a snippet once per function the wasm imports
// from it directly (two such functions: `import2` and `import3`, same path, and
// a duplicate key in the import object): the module is inlined once, and
// its later names are dropped with their entries.
const modules = [];
const seen = new Map();
glue = glue.replace(NAMESPACE, (_, local, path) => {
  const first = seen.get(path);
  modules.push([path, local, first === undefined]);
  if (first !== undefined) return '';
  seen.set(path, local);
  const named = later.has(path) ? `const { ${later.get(path).join(', ')} } = ${local};\n` : '';
  return `const ${local} = ${scoped(path.slice(2))[1]};\n${named}`;
});
for (const [path, local] of modules) {
  const entry = new RegExp(`\\s*${JSON.stringify(path).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ${local},?`);
  if (!entry.test(glue)) die(`the glue's imports do not name snippet ${path}`);
  glue = glue.replace(entry, '');
}
const named = (l) => new RegExp(`\\b${l}\\b`).test(glue);
for (const [, local, kept] of modules) if (!kept && named(local)) die(`the glue still uses ${local}, a second import of an inlined snippet`);
if (modules.length > 0) {
  const own = /("\.\/kling-calc_bg\.js"): (import\d+)\b/;
  if (!own.test(glue)) die('the glue does not name its own import module');
  glue = glue.replace(own, (_, key, local) => `${key}: Object.assign(${local}, ${modules.filter(([, , kept]) => kept).map(([, l]) => l).join(', ')})`);
}
if (/snippets\//.test(glue)) die(`${gluePath} still refers to snippets/`);
writeFileSync(gluePath, glue);

// Trunk's module preload of each snippet goes with the file.
const indexPath = join(dir, 'index.html');
const index = readFileSync(indexPath, 'utf8').replace(/<link[^>]*href=["']?\.?\/?snippets\/[^>]*>/g, '');
if (/snippets\//.test(index)) die(`${indexPath} still refers to snippets/`);
writeFileSync(indexPath, index);
rmSync(join(dir, 'snippets'), { recursive: true, force: true });
