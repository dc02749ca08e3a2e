#!/usr/bin/env bash
# Installs what the npm package (wasm/) needs to build, test and benchmark.
# Idempotent: everything is cached under $HOME, so a second run does nothing.
#   - the wasm32-unknown-unknown Rust target
#   - wasm-bindgen-cli at exactly the wasm-bindgen version Cargo.lock pins
#   - wasm-pack 0.15.1
#   - npm tools (binaryen's wasm-opt, typescript, vite, decimal.js,
#     playwright-core, ajv for the schema tests) pinned in tests/node/package.json, into
#     ~/.cache/posfee/node-<hash of that file>
#   - Debian's chromium, for the plain-browser-page test (playwright-core
#     drives it; no browser download)
# Nothing is downloaded from GitHub: wasm-pack finds wasm-bindgen and wasm-opt
# on PATH (source wasm/tools/env.sh, or let test-wasm.sh do it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

CACHE="${POSFEE_CACHE:-$HOME/.cache/posfee}"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
mkdir -p "$CACHE/wasm-pack"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen version Cargo.lock pins (CLI and crate must match exactly).
BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
if [ -z "$BINDGEN_VERSION" ]; then
  echo "setup-wasm: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if [ "$("$CARGO_BIN/wasm-bindgen" --version 2>/dev/null || true)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  # No --locked: its lockfile pins a crate version this registry lacks.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

WASM_PACK_VERSION=0.15.1
if [ "$("$CARGO_BIN/wasm-pack" --version 2>/dev/null || true)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

# npm tools, keyed by the package.json that pins them.
HASH="$(sha256sum tests/node/package.json | cut -c1-16)"
TOOLS="$CACHE/node-$HASH"
if [ ! -f "$TOOLS/.done" ]; then
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  cp tests/node/package.json "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error)
  touch "$TOOLS/.done"
fi
ln -sfn "$TOOLS" "$CACHE/node-tools"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
  else
    echo "setup-wasm: chromium is not installed; the browser test will be skipped" >&2
  fi
fi
