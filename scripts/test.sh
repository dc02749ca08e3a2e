#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust unit, doc, property and
# conformance-vector tests, and checks that the benchmarks build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace
cargo bench --workspace --no-run
