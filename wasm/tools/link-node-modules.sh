#!/usr/bin/env bash
# Links tests/node/node_modules: the npm tools scripts/setup-wasm.sh cached
# under $HOME, and `posfee` → wasm/pkg (the package as a user installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."
source wasm/tools/env.sh
TOOLS="$POSFEE_CACHE/node-tools/node_modules"
[ -d "$TOOLS" ] || { echo "run scripts/setup-wasm.sh first" >&2; exit 1; }
NM=tests/node/node_modules
rm -rf "$NM"
mkdir -p "$NM"
for entry in "$TOOLS"/* "$TOOLS"/.bin; do
  ln -s "$(readlink -f "$entry")" "$NM/$(basename "$entry")"
done
ln -s ../../../wasm/pkg "$NM/posfee"
