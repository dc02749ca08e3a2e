#!/usr/bin/env bash
# End-to-end tests of the web demo (web-demo/): builds the npm package
# (wasm/pkg, with scripts/setup-wasm.sh, which installs Debian's chromium and
# playwright-core), starts web-demo/server.mjs on a free port, drives the page
# in headless Chromium (node --test web-demo/tests/), stops the server.
# Screenshots of every view: target/web-demo-screenshots/.
# Ends with one line "web: N passed, N failed"; exits non-zero on failure.
#   POSFEE_PKG=DIR  test an already built package instead of building wasm/pkg
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-wasm.sh
# A CJK font, so the Chinese page renders (and its screenshots read) in headless Chromium.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-microhei >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-microhei >/dev/null; } \
      || echo "test-web: no CJK font installed; screenshots will show boxes for Chinese" >&2
  fi
fi
source wasm/tools/env.sh
if [ -z "${POSFEE_PKG:-}" ]; then
  bash wasm/tools/build.sh
  export POSFEE_PKG="$PWD/wasm/pkg"
fi
POSFEE_PKG="$(cd "$POSFEE_PKG" && pwd)"
export POSFEE_PKG
if [ ! -x "${POSFEE_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "test-web: chromium is not installed (scripts/setup-wasm.sh installs it as root)" >&2
  echo "web: 0 passed, 1 failed"
  exit 1
fi

log="$(mktemp)"; tap="$(mktemp)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -f "$log" "$tap"
}
trap cleanup EXIT

node web-demo/server.mjs --port 0 --pkg "$POSFEE_PKG" >"$log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^posfee web demo: \(http[^ ]*\)$/\1/p' "$log")"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  cat "$log" >&2
  echo "web: 0 passed, 1 failed"
  exit 1
fi
echo "== web demo e2e against $url (package $POSFEE_PKG)"

status=0
POSFEE_WEB_URL="$url" node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" web-demo/tests/ || status=$?
pass="$(awk '/^# pass / {print $3}' "$tap")"
fail="$(awk '/^# fail / {print $3}' "$tap")"
echo "screenshots: target/web-demo-screenshots/"
echo "web: ${pass:-0} passed, ${fail:-0} failed"
if [ "$status" -ne 0 ] || [ "${pass:-0}" -eq 0 ] || [ "${fail:-0}" -ne 0 ]; then
  exit 1
fi
