#!/usr/bin/env bash
# Benchmarks the Kotlin binding (not a test): an empty call, a quote and a
# 1,000,000-payment feeBatch from Kotlin (tests/kotlin/bench/Bench.kt),
# then the core's own time for the same quote (criterion, core/benches), so
# the crossing's cost can be read off one run. Builds the JAR with
# scripts/test-mobile.sh when it is missing.
#   bash scripts/bench-mobile.sh [payments=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(bash scripts/setup-mobile.sh | grep '^KOTLIN_HOME=')"
OUT="${CARGO_TARGET_DIR:-target}/mobile"
[ -f "$OUT/posfee-kotlin.jar" ] || bash scripts/test-mobile.sh
JNA=/usr/share/java/jna.jar
"$KOTLIN_HOME/bin/kotlinc" tests/kotlin/bench/Bench.kt -cp "$OUT/posfee-kotlin.jar:$JNA" -d "$OUT/bench.jar" -nowarn 2>&1 | { grep -v '^warning:' || true; }
java -Xms512m -Xmx512m -cp "$OUT/posfee-kotlin.jar:$OUT/bench.jar:$JNA:$KOTLIN_HOME/lib/kotlin-stdlib.jar" posfee.bench.BenchKt "${1:-1000000}"
echo "core (Rust, criterion), the same quote:"
cargo bench -q -p posfee-core --bench quote -- --noplot "quote \(fee" 2>/dev/null | grep -E "^quote|time:" | sed 's/^/  /'
