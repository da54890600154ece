#!/usr/bin/env bash
# The performance benchmark: transfer size, startup, input latency, recompute,
# memory and scale of a fresh release build. A measurement, not a test: it exits
# 0 when a goal is missed and non-zero only when something fails to run.
# README's "Performance" section explains each figure and holds the latest run.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# twiggy names what takes space in the wasm. Installed here rather than in
# setup.sh because only the benchmark uses it; any version reads our wasm.
ensure_twiggy() {
  if command -v twiggy >/dev/null; then return; fi
  say "installing twiggy (cargo install --locked; about 2 minutes on 2 cores)"
  cargo install twiggy --locked || die "could not install twiggy: run 'cargo install twiggy --locked'."
}

ensure_build_tools
ensure_browser
ensure_twiggy
cd "$ROOT"
build_release

say "benchmark: node scripts/bench.mjs (a few minutes on 2 cores)"
node scripts/bench.mjs
