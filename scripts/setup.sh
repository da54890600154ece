# shellcheck shell=bash
# Installs what the build and the tests need, skipping whatever is already
# present at the pinned version. Sourced by scripts/run.sh and scripts/test.sh.
#
#   ensure_build_tools   wasm32 target, Trunk, wasm-bindgen-cli, npm dev tools
#   ensure_browser       Debian's chromium, chromium-driver and chromium-headless-shell
#                        (apt; root only)
#   ensure_engines       Firefox ESR, WebKitGTK's WebKitWebDriver + MiniBrowser and
#                        Xvfb (apt; root only), geckodriver (cargo install)
#
# Every step prints what it installs; a step that cannot install says exactly
# what to run by hand and stops the script.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' "$ROOT/Cargo.lock")"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

ensure_build_tools() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs) first."
  command -v npm >/dev/null || die "npm not found: install Node.js 20+ and npm first (e.g. apt-get install -y nodejs npm)."

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target (rustup)"
    rustup target add wasm32-unknown-unknown || die "could not add the wasm32 target: run 'rustup target add wasm32-unknown-unknown'."
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing Trunk $TRUNK_VERSION (cargo install --locked; about 6 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked \
      || die "could not install Trunk: run 'cargo install trunk --version $TRUNK_VERSION --locked'."
  fi

  [ -n "$WASM_BINDGEN_VERSION" ] || die "no wasm-bindgen version in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
    # Not --locked: the registry lacks one of its locked dependencies.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
      || die "could not install wasm-bindgen-cli: run 'cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION'."
  fi

  # npm ci only when node_modules is missing or older than the lock file.
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -x "$ROOT/node_modules/.bin/terser" ] \
     || [ ! -d "$ROOT/node_modules/playwright-core" ] \
     || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm dev tools (binaryen for wasm-opt, terser, playwright-core, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed: run 'npm ci' in $ROOT."
  fi
}

# chromium-headless-shell (the same build without the desktop browser around it)
# is what the end-to-end tests drive: see launch() in tests/e2e/harness.mjs.
ensure_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -x /usr/lib/chromium/chromium-headless-shell ]; then return; fi
  local cmd="apt-get update && apt-get install -y chromium chromium-driver chromium-headless-shell"
  if [ "$(id -u)" -ne 0 ]; then
    die "Chromium, its headless shell or ChromeDriver is missing. Run as root: sudo sh -c '$cmd'"
  fi
  say "installing Chromium, its headless shell and ChromeDriver from Debian (apt)"
  sh -c "$cmd" >/dev/null || die "apt could not install Chromium: run '$cmd'."
}

# The other engines the tests run in: Firefox ESR (geckodriver) and WebKitGTK
# (WebKitWebDriver drives its MiniBrowser, which needs an X display: Xvfb).
ensure_engines() {
  local missing=()
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  { [ -x /usr/bin/WebKitWebDriver ] && [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ]; } || missing+=(webkit2gtk-driver)
  [ -x /usr/bin/Xvfb ] || missing+=(xvfb)
  if [ "${#missing[@]}" -gt 0 ]; then
    local cmd="apt-get update && apt-get install -y ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
      die "${missing[*]} missing. Run as root: sudo sh -c '$cmd'"
    fi
    say "installing ${missing[*]} from Debian (apt)"
    sh -c "$cmd" >/dev/null || die "apt could not install ${missing[*]}: run '$cmd'."
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -n 1 | cut -d' ' -f1-2)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (cargo install --locked; about 3 minutes on 2 cores)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked \
      || die "could not install geckodriver: run 'cargo install geckodriver --version $GECKODRIVER_VERSION --locked'."
  fi
}

# Minifies the wasm-bindgen glue in $1 in place (terser: 7.6 KB gzip -> 5.7 KB);
# Trunk does not minify it. `__wbg_init` keeps its name because standalone.html
# calls it. First wasm-bindgen's JavaScript snippets (`app::patch`'s inline_js,
# www/chart-save.js) are folded into the glue (scripts/inline-snippets.mjs: the
# widget ships one glue file), then the names shared by the wasm and the glue
# are shortened
# (scripts/minify-boundary.mjs: 3 KB of gzip wasm). Before that, yew's
# scheduler is made to finish each run in its own task (scripts/sync-scheduler.mjs:
# its 16-ms yield cost the start-up a frame). The bundler then rewrites the
# integrity hashes Trunk computed.
minify_glue() {
  local f
  node "$ROOT/scripts/inline-snippets.mjs" "$ROOT/$1" || die "could not inline the wasm-bindgen snippets into $1"
  node "$ROOT/scripts/sync-scheduler.mjs" "$ROOT/$1" || die "could not make yew's scheduler synchronous in $1"
  node "$ROOT/scripts/minify-boundary.mjs" "$ROOT/$1" || die "could not shorten the wasm's import names in $1"
  for f in "$ROOT/$1"/kling-calc-*.js; do
    terser "$f" --module --compress --mangle 'reserved=["__wbg_init"]' -o "$f.min" \
      && mv "$f.min" "$f" || die "terser failed on $f"
  done
}

# Builds dist/ (Trunk release build, glue minified) and dist/standalone.html.
build_release() {
  # The data first, natively: a mistake in data/ is then all the output (file,
  # line, problem), not buried under Trunk's error chain and backtrace.
  say "checking data/ (cargo build --bin edition)"
  (cd "$ROOT" && cargo build --quiet --features bundler --bin edition) \
    || die "data/ has the mistakes above: fix them and build again (data/README.md explains each file)"
  say "building the release widget into dist/ (trunk build --release --offline)"
  (cd "$ROOT" && trunk build --release --offline)
  minify_glue dist
  say "inlining dist/ into dist/standalone.html"
  (cd "$ROOT" && cargo run --quiet --release --features bundler --bin standalone -- dist)
}
