#!/usr/bin/env bash
# Runs every test: formatting, lints, the benchmarks' build, the Rust unit,
# doc, property and conformance-vector tests, the Kotlin bindings' tests
# (Swift where a Swift toolchain exists) and the npm package's tests (Node,
# TypeScript, Vite, headless Chromium), and the web demo's end-to-end tests. Ends with one line
# "all: N passed, N failed" summing every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT

cargo fmt --all -- --check
# The bad-input corpus is generated from its rules: the files must match.
python3 tests/vectors/tools/bad_input.py --check
python3 tests/vectors/tools/statement_xlsx.py --check
cargo clippy --workspace --all-targets -- -D warnings
cargo bench --workspace --no-run
cargo test --workspace 2>&1 | tee -a "$log"
bash scripts/test-mobile.sh 2>&1 | tee -a "$log"
bash scripts/test-wasm.sh 2>&1 | tee -a "$log"
# The web demo's end-to-end tests, on the package test-wasm.sh just built.
POSFEE_PKG="$PWD/wasm/pkg" bash scripts/test-web.sh 2>&1 | tee -a "$log"

# Sum "test result: ok. N passed; M failed" (cargo) and "N passed, M failed" (other suites).
summary=$(awk '
  /^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
  /^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed/ { sub(/^[A-Za-z]+: /, ""); p += $1; f += $3 }
  END { printf "%d passed, %d failed", p, f }' "$log")
echo "all: $summary"
