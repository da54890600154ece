// A small W3C WebDriver client over plain HTTP (Node's fetch), and the drivers it
// talks to: geckodriver for Firefox ESR and WebKitWebDriver for WebKitGTK's
// MiniBrowser under Xvfb. No npm client: the handful of commands the engine suite
// needs are each one request, and every wait here is bounded and says what it
// waited for.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** WebDriver's key codes for the keys the suite presses. */
export const Keys = { END: '\uE010', BACKSPACE: '\uE003' };

/** The engines the suite runs in: how to start each driver and what to ask it for. */
export const ENGINES = {
  firefox: {
    name: 'Firefox ESR (geckodriver)',
    driver: () => process.env.GECKODRIVER ?? onPath('geckodriver', [join(homedir(), '.cargo/bin/geckodriver')]),
    args: (port) => ['--host', '127.0.0.1', '--port', String(port)],
    display: false,
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless'],
        // No first-run pages, updates or telemetry traffic in a closed network.
        prefs: { 'browser.shell.checkDefaultBrowser': false, 'app.update.disabledForTesting': true, 'toolkit.telemetry.enabled': false },
      },
    },
  },
  webkit: {
    name: 'WebKitGTK MiniBrowser (WebKitWebDriver, Xvfb)',
    driver: () => process.env.WEBKITWEBDRIVER ?? onPath('WebKitWebDriver', ['/usr/bin/WebKitWebDriver']),
    args: (port) => ['--host=127.0.0.1', `--port=${port}`],
    display: true,
    capabilities: {
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
};

function onPath(name, fallbacks) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const found = fallbacks.find((f) => existsSync(f));
  if (!found) throw new Error(`${name} not found on PATH (scripts/setup.sh installs it)`);
  return found;
}

/**
 * Polls `check` (async, returns a truthy value when done) every `every` ms for at
 * most `ms`; resolves to that value, or rejects naming `what` it waited for and the
 * last value seen (from `describe`, if given).
 */
export async function until(what, check, { ms = 15000, every = 50, describe } = {}) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() > end) {
      const seen = describe ? await describe() : last;
      throw new Error(`timed out after ${ms} ms waiting for ${what}${seen === undefined ? '' : `; last seen: ${JSON.stringify(seen)}`}`);
    }
    await new Promise((r) => setTimeout(r, every));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** A child process whose output is kept (the tail goes into error messages). */
function child(cmd, args, env, extraFds = 0) {
  const proc = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe', ...Array(extraFds).fill('pipe')] });
  let log = '';
  const keep = (d) => { log = (log + d).slice(-4000); };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  proc.log = () => log;
  proc.on('error', (e) => keep(`\n[spawn ${cmd}: ${e.message}]`));
  return proc;
}

function stop(proc) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); }, 5000);
    proc.once('exit', () => { clearTimeout(timer); resolve(); });
    proc.kill('SIGTERM');
  });
}

/** Starts Xvfb on a free display (-displayfd); resolves to { display, stop }. */
async function startXvfb() {
  const proc = child(process.env.XVFB ?? 'Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'], process.env, 1);
  let out = '';
  proc.stdio[3].on('data', (d) => { out += d; });
  const n = await until('Xvfb to report its display number on fd 3', () => (/\d+\n/.test(out) ? out.trim() : proc.exitCode !== null && 'exited'), {
    ms: 15000, describe: () => proc.log(),
  });
  if (n === 'exited') throw new Error(`Xvfb exited: ${proc.log()}`);
  return { display: `:${n}`, stop: () => stop(proc) };
}

/**
 * Starts the driver for `engine` (and Xvfb when it needs a display) and opens a
 * session; resolves to a Session whose `close()` ends all of them.
 */
export async function startSession(engine) {
  const spec = ENGINES[engine];
  const xvfb = spec.display ? await startXvfb() : null;
  const port = await freePort();
  const env = { ...process.env, ...(xvfb ? { DISPLAY: xvfb.display } : {}) };
  const driver = child(spec.driver(), spec.args(port), env);
  const base = `http://127.0.0.1:${port}`;
  const cleanup = async () => { await stop(driver); await xvfb?.stop(); };
  try {
    await until(`${spec.name} to answer GET /status on port ${port}`, async () => {
      if (driver.exitCode !== null) throw new Error(`${spec.name} exited (${driver.exitCode}): ${driver.log()}`);
      try { return (await (await fetch(`${base}/status`)).json()).value?.ready; } catch { return false; }
    }, { ms: 20000, describe: () => driver.log() });
    const created = await request(base, 'POST', '/session', { capabilities: { alwaysMatch: spec.capabilities } }, 60000);
    const session = new Session(base, created.sessionId, created.capabilities, async () => {
      await request(base, 'DELETE', `/session/${created.sessionId}`, undefined, 20000).catch(() => {});
      await cleanup();
    }, () => driver.log());
    await session.cmd('POST', '/timeouts', { script: 30000, pageLoad: 60000, implicit: 0 });
    return session;
  } catch (e) {
    const log = driver.log();
    await cleanup();
    throw new Error(`${e.message}\n--- ${spec.name} log (tail) ---\n${log}`);
  }
}

async function request(base, method, path, body, ms = 60000) {
  let res;
  try {
    res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(ms),
    });
  } catch (e) {
    throw new Error(`WebDriver ${method} ${path}: no answer within ${ms} ms (${e.message})`);
  }
  const json = await res.json();
  if (!res.ok || json.value?.error) {
    throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  }
  return json.value;
}

export class Session {
  constructor(base, id, capabilities, close, driverLog = () => '') {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
    this.close = close;
    this.driverLog = driverLog;
  }

  /** The browser and version the session runs, as the driver reports them. */
  get browser() {
    return `${this.capabilities.browserName} ${this.capabilities.browserVersion}`;
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, method === 'POST' ? (body ?? {}) : undefined).catch((e) => {
      // A crashed or hung page ends the session: what the driver (and the
      // browser under it) printed is all there is to go on.
      if (/invalid session id/.test(e.message)) e.message += `\n--- driver log (tail) ---\n${this.driverLog()}`;
      throw e;
    });
  }

  get(url) { return this.cmd('POST', '/url', { url }); }

  /** Runs `fn` (a function; its source is sent) in the current browsing context with `args`. */
  exec(fn, ...args) {
    return this.cmd('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments);`, args });
  }

  async find(css) {
    const found = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    if (found.length === 0) throw new Error(`no element matches ${css}`);
    return found[0][ELEMENT];
  }

  /** Waits (bounded) until `css` matches an element; returns it. */
  async waitFor(css, ms = 15000) {
    await until(`an element matching ${css}`, async () => (await this.cmd('POST', '/elements', { using: 'css selector', value: css })).length > 0, { ms });
    return this.find(css);
  }

  /** An element reference to pass to exec() as an argument. */
  static ref(id) { return { [ELEMENT]: id }; }

  click(el) { return this.cmd('POST', `/element/${el}/click`); }

  /** Sends `text` to the element as key presses (the engine's own key events). */
  sendKeys(el, text) { return this.cmd('POST', `/element/${el}/value`, { text }); }

  /** Switches into the iframe element `el`, or back to the top document with null. */
  frame(el) { return this.cmd('POST', '/frame', { id: el === null ? null : { [ELEMENT]: el } }); }

  setWindowRect(rect) { return this.cmd('POST', '/window/rect', rect); }
}
