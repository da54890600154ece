// A static file server for dist/ on loopback only. Used by scripts/run.sh to
// serve the widget and by the end-to-end tests (port 0 = any free port).
//   node scripts/serve.mjs [port]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

/** Serves dist/ on 127.0.0.1:`port`; resolves to { url, close }. */
export function serveDist(port = 0) {
  return serveDir(DIST, port);
}

/**
 * Serves the folder `root` on 127.0.0.1:`port`; resolves to { url, close }.
 * With `gzip`, a request that accepts it gets the file gzip-compressed (level
 * 9, as a production server or CDN would send it; the benchmark's emulated
 * slow network needs real transfer sizes). Compressed files are kept for the
 * server's life: it serves a build that does not change under it.
 */
export async function serveDir(root, port = 0, { gzip = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = join(root, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    // Read before any header is written: a missing file (or a folder) is a 404,
    // not a second writeHead that throws and ends the server.
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...(gzip ? { vary: 'accept-encoding' } : {}) };
    // "gzip" among the accepted codings, unless given with q=0.
    const accepts = (req.headers['accept-encoding'] ?? '').split(',').map((c) => c.trim().split(/\s*;\s*/))
      .some(([coding, ...params]) => coding === 'gzip' && !params.some((p) => /^q=0(\.0*)?$/.test(p)));
    if (gzip && accepts) {
      if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(compressed.get(file));
    } else {
      res.writeHead(200, headers).end(body);
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', ok); });
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serveDist(Number(process.argv[2] ?? 8080));
  console.log(`serving ${DIST} at ${url} (Ctrl-C stops)`);
}
