# Sourced by the wasm scripts: puts the tools scripts/setup-wasm.sh installed
# on PATH, so wasm-pack never downloads wasm-bindgen or wasm-opt.
POSFEE_CACHE="${POSFEE_CACHE:-$HOME/.cache/posfee}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$POSFEE_CACHE/node-tools/node_modules/.bin:$PATH"
export WASM_PACK_CACHE="$POSFEE_CACHE/wasm-pack"
