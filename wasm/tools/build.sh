#!/usr/bin/env bash
# Builds the npm package `posfee` into wasm/pkg/ (run scripts/setup-wasm.sh first):
#   web.js, node.mjs, node.cjs   entries (browser/bundler, Node import, Node require;
#                                node.mjs re-exports node.cjs: one instance per process)
#   error.js/.cjs, audit.js/.cjs PosfeeError, Auditor.prototype.auditCsv/auditStatement
#   posfee_wasm.js + _bg.wasm    wasm-bindgen `web` glue (browsers, bundlers)
#   cjs/                         wasm-bindgen `nodejs` glue (Node), reading ../posfee_wasm_bg.wasm
#   quote/                       `posfee/quote`: the quote module (built-in data,
#                                quote, fee, feeBatchText), the same layout
#   xlsx/                        `posfee/xlsx`: the .xlsx reader (wasm/xlsx),
#                                loaded by auditStatement only for a workbook
# Each .wasm ships once: the nodejs glue is pointed at the web glue's copy.
# Three cargo builds (profile wasm-release; the quote module without the
# `full` feature, profile wasm-quote; wasm/xlsx), six wasm-bindgen runs,
# wasm-opt -Oz.
set -euo pipefail
cd "$(dirname "$0")/../.."
source wasm/tools/env.sh
OUT=target/wasm-pkg
rm -rf "$OUT" wasm/pkg
build() { # crate profile out-name dir [cargo args]
  local crate=$1 profile=$2 name=$3 dir=$4
  shift 4
  for t in web nodejs; do
    wasm-pack --log-level warn build "$crate" --target "$t" --profile "$profile" \
      --out-dir "$PWD/$OUT/$dir-$t" --out-name "$name" --no-pack "$@"
  done
}
build wasm wasm-release posfee_wasm main
build wasm wasm-quote posfee_quote quote -- --no-default-features
build wasm/xlsx wasm-release posfee_xlsx xlsx

# place <dir> <name> <dest>: the web glue and its .wasm in dest/, the nodejs
# glue in dest/cjs/ reading dest/<name>_bg.wasm; inline_js snippets for each.
place() {
  local dir=$1 name=$2 dest=$3
  mkdir -p "$dest/cjs"
  cp "$OUT/$dir-web/$name.js" "$OUT/$dir-web/$name.d.ts" "$OUT/$dir-web/${name}_bg.wasm" "$dest/"
  cp "$OUT/$dir-nodejs/$name.js" "$OUT/$dir-nodejs/$name.d.ts" "$dest/cjs/"
  cmp -s "$OUT/$dir-web/${name}_bg.wasm" "$OUT/$dir-nodejs/${name}_bg.wasm" \
    || { echo "build: the web and nodejs builds of ${name}_bg.wasm differ" >&2; exit 1; }
  grep -q "\${__dirname}/${name}_bg.wasm" "$dest/cjs/$name.js" \
    || { echo "build: the nodejs glue no longer reads \${__dirname}/${name}_bg.wasm" >&2; exit 1; }
  sed -i "s|\${__dirname}/${name}_bg.wasm|\${__dirname}/../${name}_bg.wasm|" "$dest/cjs/$name.js"
  if [ -d "$OUT/$dir-web/snippets" ]; then
    cp -r "$OUT/$dir-web/snippets" "$dest/"
    cp -r "$OUT/$dir-nodejs/snippets" "$dest/cjs/"
    # wasm-bindgen copies inline_js snippets verbatim (ES module syntax); the
    # nodejs glue require()s them, so give them CommonJS exports.
    find "$dest/cjs/snippets" -name '*.js' -exec sed -i -E \
      's/^export function ([A-Za-z0-9_]+)/exports.\1 = \1;\nfunction \1/' {} +
  fi
  echo '{ "type": "commonjs" }' > "$dest/cjs/package.json"
}
place main posfee_wasm wasm/pkg
place quote posfee_quote wasm/pkg/quote
place xlsx posfee_xlsx wasm/pkg/xlsx

cp wasm/js/*.* wasm/README.md LICENSE-MIT LICENSE-APACHE wasm/pkg/
cp wasm/js/quote/* wasm/pkg/quote/
cp wasm/js/xlsx/* wasm/pkg/xlsx/
# cjs(<source> <exports>): a CommonJS copy of an ES module of plain
# `export function`/`export class` declarations (one source for both).
cjs() {
  { echo "'use strict';"; sed -E 's/^export (function|class) /\1 /' "$1"
    echo "module.exports = { $2 };"; }
}
# The declarations for Node (index.d.cts for require, node.d.mts for import,
# which re-exports the CommonJS module) are index.d.ts read from the nodejs
# glue's declarations: no DOM types (the web glue's init() takes a Request).
for d in "wasm/pkg:posfee_wasm" "wasm/pkg/quote:posfee_quote" "wasm/pkg/xlsx:posfee_xlsx"; do
  dir="${d%%:*}"; name="${d##*:}"
  grep -q "'./$name.js'" "$dir/index.d.ts" || { echo "build: $dir/index.d.ts does not read ./$name.js" >&2; exit 1; }
  sed "s#'./$name.js'#'./cjs/$name.js'#g" "$dir/index.d.ts" > "$dir/index.d.cts"
  cp "$dir/index.d.cts" "$dir/node.d.mts"
done
cjs wasm/js/audit.js installAuditCsv > wasm/pkg/audit.cjs
cjs wasm/js/error.js PosfeeError > wasm/pkg/error.cjs
cjs wasm/js/xlsx/rows.js wrapXlsxRows > wasm/pkg/xlsx/rows.cjs
VERSION="$(awk -F'"' '/^\[workspace.package\]/ {p=1} p && /^version/ {print $2; exit}' Cargo.toml)"
sed -i "s/\"version\": \"0.0.0\"/\"version\": \"$VERSION\"/" wasm/pkg/package.json
echo "built wasm/pkg (posfee $VERSION)"
