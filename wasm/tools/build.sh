#!/usr/bin/env bash
# Builds the npm package `posfee` into wasm/pkg/ (run scripts/setup-wasm.sh first):
#   web.js, node.mjs, node.cjs   entries (browser/bundler, Node ESM, Node CJS)
#   error.js/.cjs, audit.js/.cjs PosfeeError, Auditor.prototype.auditCsv
#   posfee_wasm.js + _bg.wasm    wasm-bindgen `web` glue (browser, bundlers, Node ESM)
#   cjs/                         wasm-bindgen `nodejs` glue (require)
#   quote/                       `posfee/quote`: the quote module (built-in data,
#                                quote, fee, feeBatchText), the same layout
# Two cargo builds (profile wasm-release; the quote module without the `full`
# feature, profile wasm-quote), four wasm-bindgen runs, wasm-opt -Oz.
set -euo pipefail
cd "$(dirname "$0")/../.."
source wasm/tools/env.sh
OUT=target/wasm-pkg
rm -rf "$OUT" wasm/pkg
for t in web nodejs; do
  wasm-pack --log-level warn build wasm --target "$t" --profile wasm-release \
    --out-dir "../$OUT/$t" --out-name posfee_wasm --no-pack
done
for t in web nodejs; do
  wasm-pack --log-level warn build wasm --target "$t" --profile wasm-quote \
    --out-dir "../$OUT/quote-$t" --out-name posfee_quote --no-pack -- --no-default-features
done
mkdir -p wasm/pkg/cjs wasm/pkg/quote/cjs
cp "$OUT"/web/posfee_wasm.js "$OUT"/web/posfee_wasm.d.ts "$OUT"/web/posfee_wasm_bg.wasm wasm/pkg/
cp "$OUT"/nodejs/posfee_wasm.js "$OUT"/nodejs/posfee_wasm.d.ts "$OUT"/nodejs/posfee_wasm_bg.wasm wasm/pkg/cjs/
cp -r "$OUT"/web/snippets wasm/pkg/
cp -r "$OUT"/nodejs/snippets wasm/pkg/cjs/
# wasm-bindgen copies inline_js snippets verbatim (ES module syntax); the
# nodejs glue require()s them, so give them CommonJS exports.
find wasm/pkg/cjs/snippets -name '*.js' -exec sed -i -E \
  's/^export function ([A-Za-z0-9_]+)/exports.\1 = \1;\nfunction \1/' {} +
echo '{ "type": "commonjs" }' > wasm/pkg/cjs/package.json
cp "$OUT"/quote-web/posfee_quote.js "$OUT"/quote-web/posfee_quote.d.ts "$OUT"/quote-web/posfee_quote_bg.wasm wasm/pkg/quote/
cp "$OUT"/quote-nodejs/posfee_quote.js "$OUT"/quote-nodejs/posfee_quote.d.ts "$OUT"/quote-nodejs/posfee_quote_bg.wasm wasm/pkg/quote/cjs/
cp -r "$OUT"/quote-web/snippets wasm/pkg/quote/
cp -r "$OUT"/quote-nodejs/snippets wasm/pkg/quote/cjs/
find wasm/pkg/quote/cjs/snippets -name '*.js' -exec sed -i -E \
  's/^export function ([A-Za-z0-9_]+)/exports.\1 = \1;\nfunction \1/' {} +
echo '{ "type": "commonjs" }' > wasm/pkg/quote/cjs/package.json
cp wasm/js/quote/* wasm/pkg/quote/
cp wasm/js/*.* wasm/README.md wasm/pkg/
# audit.cjs: audit.js (the one source of auditCsv) with a CommonJS export.
{ echo "'use strict';"; sed 's/^export function /function /' wasm/js/audit.js
  echo 'module.exports = { installAuditCsv };'; } > wasm/pkg/audit.cjs
VERSION="$(awk -F'"' '/^\[workspace.package\]/ {p=1} p && /^version/ {print $2; exit}' Cargo.toml)"
sed -i "s/\"version\": \"0.0.0\"/\"version\": \"$VERSION\"/" wasm/pkg/package.json
echo "built wasm/pkg (posfee $VERSION)"
