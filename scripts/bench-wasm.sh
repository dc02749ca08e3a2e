#!/usr/bin/env bash
# Benchmarks the npm package (not a test): the payload size, raw and gzipped,
# and, in one Node run, one `quote` call, one `fee` call, a statement of
# 1,000,000 payments through `feeBatch` and `feeBatchText`, and the same work
# in a straightforward decimal.js implementation, with the ratios.
#   bash scripts/bench-wasm.sh [payments=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-wasm.sh
source wasm/tools/env.sh
bash wasm/tools/build.sh
bash wasm/tools/link-node-modules.sh
node wasm/tools/size.mjs 1000000000 1000000000 | sed "/size budget/d"
node tests/node/bench.mjs "${1:-1000000}"
