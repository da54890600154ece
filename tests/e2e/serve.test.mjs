// scripts/serve.mjs, the loopback server the end-to-end tests, the engine suite,
// the benchmark and scripts/run.sh serve dist/ with. No browser: plain requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DIST, serveDir } from '../../scripts/serve.mjs';

/** GET `path` from `server` with `headers`; resolves to status, headers and body bytes. */
async function get(server, path, headers = {}) {
  // fetch would decode gzip itself; the raw bytes are what is checked here.
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(server.url + path.replace(/^\//, ''), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    // A server that broke on an earlier request never answers: fail, do not hang.
    req.setTimeout(5000, () => req.destroy(new Error(`GET ${path}: no answer within 5 s`)));
    req.on('error', reject).end();
  });
}

test('serve.mjs: a missing file or a folder is a 404, and the server goes on serving', async () => {
  const server = await serveDir(DIST);
  try {
    const index = readFileSync(join(DIST, 'index.html'));
    // A browser asks for /favicon.ico on pages without an icon link; a folder
    // without index.html cannot be read as a file either.
    for (const path of ['favicon.ico', 'no-such-file.js', 'no-such-folder/', '%E0%A4%A']) {
      const res = await get(server, path);
      assert.ok([400, 404].includes(res.status), `${path}: status ${res.status}`);
      const after = await get(server, 'index.html');
      assert.equal(after.status, 200, `index.html after ${path}`);
      assert.deepEqual(after.body, index, `index.html after ${path}: the file's bytes`);
    }
    // dist/'s parent has a Cargo.toml: an encoded "../" must not reach it.
    for (const path of ['%2E%2E%2FCargo.toml', '..%2FCargo.toml', '%2E%2E/Cargo.toml']) {
      assert.equal((await get(server, path)).status, 404, `${path}: nothing outside the folder`);
    }
  } finally {
    await server.close();
  }
});

test('serve.mjs: with gzip, a client that accepts it gets the file compressed; q=0 and no header get it as it is', async () => {
  const server = await serveDir(DIST, 0, { gzip: true });
  try {
    const index = readFileSync(join(DIST, 'index.html'));
    const cases = [
      { accept: 'gzip, deflate, br', gzip: true },
      { accept: 'br;q=1.0, gzip;q=0.5', gzip: true },
      { accept: 'gzip;q=0', gzip: false },
      { accept: 'gzip; q=0.000, br', gzip: false },
      { accept: 'identity', gzip: false },
      { accept: undefined, gzip: false },
    ];
    for (const c of cases) {
      const res = await get(server, 'index.html', c.accept === undefined ? {} : { 'accept-encoding': c.accept });
      assert.equal(res.status, 200, `${c.accept}: status`);
      assert.equal(res.headers.vary, 'accept-encoding', `${c.accept}: vary`);
      assert.equal(res.headers['content-encoding'], c.gzip ? 'gzip' : undefined, `${c.accept}: content-encoding`);
      assert.deepEqual(c.gzip ? gunzipSync(res.body) : res.body, index, `${c.accept}: the file's bytes`);
    }
  } finally {
    await server.close();
  }
});
