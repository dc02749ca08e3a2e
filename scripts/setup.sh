#!/usr/bin/env bash
# Installs what posfee's build and tests need. Idempotent: a second run does nothing.
set -euo pipefail
if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo (rustup) is required" >&2
  exit 1
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^${component}"; then
    rustup component add "$component"
  fi
done
