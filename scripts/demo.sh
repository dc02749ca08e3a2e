#!/usr/bin/env bash
# The main job: builds the npm package and serves the web quote calculator
# (web-demo/) on 127.0.0.1, printing the URL. Ctrl-C stops it.
set -euo pipefail
exec bash "$(dirname "$0")/demo-web.sh" "$@"
