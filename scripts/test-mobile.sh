#!/usr/bin/env bash
# Tests the Kotlin and Swift bindings (mobile-ffi/):
#   1. builds the cdylib and the uniffi-bindgen at the pinned uniffi version
#      (release profile: the library the JAR ships is the optimised one;
#      panic = "unwind", as the FFI crate needs);
#   2. regenerates the Kotlin and Swift sources and fails if the committed
#      copies under mobile-ffi/bindings/ differ (`--write` updates them);
#   3. builds the JAR (bindings + linux-x86-64/libposfee_ffi.so where JNA
#      finds it on the classpath) at target/mobile/posfee-kotlin.jar;
#   4. compiles tests/kotlin with kotlinc against that JAR and runs every
#      conformance vector, the error paths and the API checks: last line
#      `kotlin: N passed, N failed, N skipped`;
#   5. runs the Swift tests (tests/swift) where `swift` exists, and says
#      plainly that it skipped them where it does not.
# Exits non-zero on any failure. Installs its tools with setup-mobile.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
write=0
[ "${1:-}" = "--write" ] && write=1

start=$(date +%s)
eval "$(bash scripts/setup-mobile.sh | grep '^KOTLIN_HOME=')"
JNA=/usr/share/java/jna.jar
GSON=/usr/share/java/gson.jar
TARGET="${CARGO_TARGET_DIR:-target}"
OUT="$TARGET/mobile"
rm -rf "$OUT"
mkdir -p "$OUT"

# 1. The library and the generator, one build.
cargo build --release -p posfee-ffi --features cli --lib --bin uniffi-bindgen
# JNA's resource prefix for this platform (<os>-<arch>) and the library's name.
case "$(uname -s)-$(uname -m)" in
  Darwin-arm64) JNA_PREFIX=darwin-aarch64 EXT=dylib ;;
  Darwin-*) JNA_PREFIX=darwin-x86-64 EXT=dylib ;;
  Linux-aarch64) JNA_PREFIX=linux-aarch64 EXT=so ;;
  *) JNA_PREFIX=linux-x86-64 EXT=so ;;
esac
LIB="$TARGET/release/libposfee_ffi.$EXT"

# 2. Regenerate and compare with the committed sources.
"$TARGET/release/uniffi-bindgen" generate --no-format "$LIB" --language kotlin --out-dir "$OUT/gen/kotlin" >/dev/null
"$TARGET/release/uniffi-bindgen" generate --no-format "$LIB" --language swift --out-dir "$OUT/gen/swift" >/dev/null
B=mobile-ffi/bindings
pairs=(
  "$OUT/gen/kotlin/posfee/posfee.kt|$B/kotlin/posfee/posfee.kt"
  "$OUT/gen/swift/Posfee.swift|$B/posfee-swift/Sources/Posfee/Posfee.swift"
  "$OUT/gen/swift/posfeeFFI.h|$B/posfee-swift/Sources/posfeeFFI/posfeeFFI.h"
  "$OUT/gen/swift/posfeeFFI.modulemap|$B/posfee-swift/xcframework/posfeeFFI.modulemap"
)
drift=0
for p in "${pairs[@]}"; do
  gen="${p%%|*}"
  committed="${p##*|}"
  if ! cmp -s "$gen" "$committed"; then
    if [ "$write" = 1 ]; then
      mkdir -p "$(dirname "$committed")"
      cp "$gen" "$committed"
      echo "updated $committed"
    else
      echo "DRIFT: $committed differs from what uniffi-bindgen generates from the Rust exports:" >&2
      diff -u "$committed" "$gen" | head -40 >&2 || true
      drift=1
    fi
  fi
done
if [ "$drift" = 1 ]; then
  echo "generated bindings are out of date: run scripts/test-mobile.sh --write and commit mobile-ffi/bindings/" >&2
  echo "kotlin: 0 passed, 1 failed"
  exit 1
fi
echo "bindings: Kotlin and Swift sources are up to date with the Rust exports"

# 3. The JAR: compiled bindings + the native library where JNA looks on the
# classpath (<os>-<arch>/lib<name>.so). Debug info stripped from the copy.
mkdir -p "$OUT/classes" "$OUT/native/$JNA_PREFIX"
if command -v objcopy >/dev/null 2>&1; then
  objcopy --strip-debug "$LIB" "$OUT/native/$JNA_PREFIX/libposfee_ffi.$EXT"
else
  cp "$LIB" "$OUT/native/$JNA_PREFIX/libposfee_ffi.$EXT"
fi
"$KOTLIN_HOME/bin/kotlinc" "$B/kotlin/posfee/posfee.kt" -cp "$JNA" -d "$OUT/classes" -nowarn 2>&1 | { grep -v '^warning:' || true; }
jar --create --file "$OUT/posfee-kotlin.jar" -C "$OUT/classes" . -C "$OUT/native" .
echo "jar: $OUT/posfee-kotlin.jar ($(du -h "$OUT/posfee-kotlin.jar" | cut -f1))"

# 4. Kotlin tests, against the JAR alone (no -Djna.library.path: JNA finds
# the library inside the JAR).
"$KOTLIN_HOME/bin/kotlinc" tests/kotlin/VectorTests.kt -cp "$OUT/posfee-kotlin.jar:$JNA:$GSON" \
  -d "$OUT/tests.jar" -nowarn 2>&1 | { grep -v '^warning:' || true; }
# The JVM benchmark (scripts/bench-mobile.sh) is compiled too, so it cannot rot.
"$KOTLIN_HOME/bin/kotlinc" tests/kotlin/bench/Bench.kt -cp "$OUT/posfee-kotlin.jar:$JNA" \
  -d "$OUT/bench.jar" -nowarn 2>&1 | { grep -v '^warning:' || true; }
set +e
# A fixed, pre-touched heap: the memory checks then see native memory only.
java -Xms384m -Xmx384m -XX:+AlwaysPreTouch -XX:+UseSerialGC \
  -cp "$OUT/posfee-kotlin.jar:$OUT/tests.jar:$JNA:$GSON:$KOTLIN_HOME/lib/kotlin-stdlib.jar" \
  posfee.tests.VectorTestsKt tests >"$OUT/kotlin.log" 2>&1
status=$?
set -e
grep -v ' passed, ' "$OUT/kotlin.log" || true
echo "kotlin: $(grep -E '^[0-9]+ passed, ' "$OUT/kotlin.log" | tail -1)"
[ "$status" -eq 0 ] || { echo "kotlin tests failed (exit $status)" >&2; exit 1; }

# 5. Swift.
if command -v swift >/dev/null 2>&1; then
  libdir="$(cd "$TARGET/release" && pwd)"
  (cd tests/swift && LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    swift test -Xlinker -L"$libdir")
else
  echo "swift: SKIPPED - no Swift toolchain on this machine (Debian has no swift package);"
  echo "  the generated Swift sources were checked for drift above, and tests/swift runs"
  echo "  wherever \`swift\` is on PATH (macOS, or Linux with swift.org's toolchain)."
fi
echo "test-mobile: done in $(( $(date +%s) - start ))s"
