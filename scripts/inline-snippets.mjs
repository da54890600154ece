// Inlines wasm-bindgen's JavaScript snippets into the glue.
//
// A `#[wasm_bindgen(inline_js = "…")]` block becomes a module file under
// `snippets/` that the glue imports and Trunk preloads from index.html. The
// widget ships as one glue file (the loader preloads it with its integrity
// hash, standalone.html inlines it), so each snippet is folded into the glue
// as a scoped block that returns what the glue imports, its preload link is
// removed from index.html, and `snippets/` is deleted. The build fails if an
// import of a snippet is left or a snippet has a form this does not handle
// (only `export function name` and `export const name` are).
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

// `import { a, b as c } from './snippets/…/inline0.js';`
const IMPORT = /import \{([^}]*)\} from '\.\/(snippets\/[^']+\.js)';\n?/g;
glue = glue.replace(IMPORT, (_, names, path) => {
  const source = readFileSync(join(dir, path), 'utf8');
  const exported = [...source.matchAll(/^export (?:function|const) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  const body = source.replace(/^export (function|const) /gm, '$1 ');
  if (/^\s*export\b|^\s*import\b/m.test(body)) die(`${path}: only 'export function' and 'export const' are handled`);
  const bindings = names.split(',').map((n) => n.trim()).filter(Boolean).map((n) => {
    const [name, alias = name] = n.split(/\s+as\s+/);
    if (!exported.includes(name)) die(`${path} does not export ${name}`);
    return `${name}: ${alias}`;
  });
  return `const { ${bindings.join(', ')} } = (() => {\n${body}\nreturn { ${exported.join(', ')} };\n})();\n`;
});
if (/snippets\//.test(glue)) die(`${gluePath} still refers to snippets/`);
writeFileSync(gluePath, glue);

// Trunk's module preload of each snippet goes with the file.
const indexPath = join(dir, 'index.html');
const index = readFileSync(indexPath, 'utf8').replace(/<link[^>]*href=["']?\.?\/?snippets\/[^>]*>/g, '');
if (/snippets\//.test(index)) die(`${indexPath} still refers to snippets/`);
writeFileSync(indexPath, index);
rmSync(join(dir, 'snippets'), { recursive: true, force: true });
