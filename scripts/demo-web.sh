#!/usr/bin/env bash
# The web demo (web-demo/): builds the npm package `posfee` (its browser
# build) with the project's own setup, then serves web-demo/ and the package
# on 127.0.0.1 and prints the URL. Everything is computed in the page.
# Ctrl-C stops it.
#   PORT=N         port (default 8080; a free one if it is taken)
#   POSFEE_PKG=DIR serve an already built package instead of building wasm/pkg
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${POSFEE_PKG:-}" ]; then
  bash scripts/setup-wasm.sh
  bash wasm/tools/build.sh
  PKG=wasm/pkg
else
  PKG="$POSFEE_PKG"
fi
exec node web-demo/server.mjs --port "${PORT:-8080}" --pkg "$PKG"
