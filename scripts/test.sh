#!/usr/bin/env bash
# Runs every test: native core tests, in-browser wasm tests (headless Chromium),
# then the end-to-end suite against a fresh release build (dist/ over HTTP and
# dist/standalone.html over file://). Installs whatever is missing first.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
ensure_browser
cd "$ROOT"

say "1/3 native tests: cargo test (core, data, bundler)"
cargo test --features bundler

say "2/3 in-browser tests: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web

say "3/3 end-to-end tests: node --test with playwright-core against the release build"
build_release

# Size guard: what a reader downloads (each file gzip -9, summed) may not grow
# unnoticed. The limit is the size reached by the last size pass rounded up to
# the next KB (150 KB, the target of that pass); the goal is 100 KB, so lower it
# as bytes are won, never raise it without a feature that earns them.
LIMIT=$((150 * 1024))
total=0
for f in "$ROOT"/dist/index.html "$ROOT"/dist/kling-calc-*.js "$ROOT"/dist/kling-calc-*_bg.wasm "$ROOT"/dist/widget-*.css; do
  size=$(gzip -9c "$f" | wc -c)
  total=$((total + size))
  printf '  %8d B gzip  %s\n' "$size" "${f#"$ROOT"/}"
done
printf '  %8d B gzip  total (limit %d B)\n' "$total" "$LIMIT"
if [ "$total" -gt "$LIMIT" ]; then
  echo "size guard: the served widget is $total B gzip, over the $LIMIT B limit" >&2
  exit 1
fi

say "building dist-faults/ (release build with the test-only fault trigger)"
trunk build --release --offline --features fault-injection --dist dist-faults

node --test tests/e2e/
