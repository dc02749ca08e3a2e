#!/usr/bin/env bash
# Benchmarks the wasm boundary alone (not a test): builds the whole package
# with the `probe` feature for Node into target/wasm-probe (never into
# wasm/pkg) and runs tests/node/bench-boundary.mjs, which times one quote
# answer crossing out and one payment crossing in each way the package could
# take: packed fields, JSON text, serde-wasm-bindgen (decision record 0002).
#   bash scripts/bench-boundary.sh [iterations=200000]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-wasm.sh
source wasm/tools/env.sh
OUT=target/wasm-probe
rm -rf "$OUT"
wasm-pack --log-level warn build wasm --target nodejs --profile wasm-release \
  --out-dir "../$OUT" --out-name posfee_wasm --no-pack -- --features probe
# The nodejs glue require()s the inline JS snippets: give them CommonJS
# exports, as wasm/tools/build.sh does for the package.
find "$OUT/snippets" -name '*.js' -exec sed -i -E \
  's/^export function ([A-Za-z0-9_]+)/exports.\1 = \1;\nfunction \1/' {} +
node tests/node/bench-boundary.mjs "$PWD/$OUT/posfee_wasm.js" "${1:-200000}"
