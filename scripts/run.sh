#!/usr/bin/env bash
# Builds the release widget and serves it on http://127.0.0.1:8080 (loopback only).
#   scripts/run.sh               build, then serve until Ctrl-C
#   scripts/run.sh --build-only  build dist/index.html (+ hashed js/wasm/css) and dist/standalone.html, then exit
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
build_release
if [ "${1:-}" = "--build-only" ]; then
  say "artifacts: $(cd "$ROOT/dist" && ls | tr '\n' ' ')"
  exit 0
fi
say "standalone file: file://$ROOT/dist/standalone.html"
exec node "$ROOT/scripts/serve.mjs" 8080
