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
node --test tests/e2e/
