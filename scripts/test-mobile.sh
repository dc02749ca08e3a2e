#!/usr/bin/env bash
# Tests the Kotlin and Swift bindings (mobile-ffi/):
#   1. builds the cdylib and the uniffi-bindgen at the pinned uniffi version
#      (release profile: the library the JAR ships is the optimised one;
#      panic = "unwind", as the FFI crate needs);
#   2. regenerates the Kotlin and Swift sources and fails if the committed
#      copies under mobile-ffi/bindings/ differ (`--write` updates them);
#   3. builds the JAR (bindings + PosfeeLibrary.kt + linux-x86-64/libposfee_ffi.so
#      where JNA finds it on the classpath + posfee/build.properties, the
#      version in the manifest) at target/mobile/posfee-kotlin.jar, and the
#      Maven layout in target/maven/ (posfee-kotlin-<version>.jar,
#      -sources.jar, .pom from mobile-ffi/jvm/pom.xml);
#   4. compiles tests/kotlin with kotlinc against that JAR and runs every
#      conformance vector, the error paths and the API checks: last line
#      `kotlin: N passed, N failed, N skipped`;
#   5. checks the JVM package as a user gets it: the manifest's version,
#      `mvn install:install-file` into a throwaway repository, the README
#      examples (Java, Kotlin) compiled against the installed artifact and
#      run, the error on a platform the JAR lacks: `jvm: N passed, N failed`;
#   6. `cargo check` of the FFI crate for aarch64-linux-android and
#      x86_64-linux-android (no NDK needed): `android: N passed, N failed`;
#   7. runs the Swift tests (tests/swift) where `swift` exists; where it does
#      not, says so and parses the generated Swift package and the tests
#      with tree-sitter's Swift grammar: `swiftsyntax: N passed, N failed`.
# Exits non-zero on any failure. Installs its tools with setup-mobile.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
write=0
[ "${1:-}" = "--write" ] && write=1

start=$(date +%s)
eval "$(bash scripts/setup-mobile.sh | grep -E '^(KOTLIN_HOME|SWIFT_SYNTAX_PYTHON)=')"
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

# 3. The JAR: compiled bindings (the generated posfee.kt and the hand-written
# PosfeeLibrary.kt) + the native library where JNA looks on the classpath
# (<os>-<arch>/lib<name>.so; debug info stripped from the copy) +
# posfee/build.properties (version, platforms carried) + a manifest with the
# version. Then the Maven layout in $TARGET/maven: the JAR, a sources JAR and
# the POM (mobile-ffi/jvm/pom.xml with the versions filled in).
VERSION=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version *= *"\(.*\)"/\1/p' Cargo.toml)
JNA_VERSION=$(unzip -p "$JNA" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Bundle-Version: *//p')
KOTLIN_VERSION=$(tr -d '[:space:]' <"$KOTLIN_HOME/build.txt")
[ -n "$VERSION" ] && [ -n "$JNA_VERSION" ] && [ -n "$KOTLIN_VERSION" ] || {
  echo "test-mobile: could not read the versions (posfee '$VERSION', JNA '$JNA_VERSION', Kotlin '$KOTLIN_VERSION')" >&2
  exit 1
}
KT_SOURCES=("$B/kotlin/posfee/posfee.kt" mobile-ffi/kotlin/posfee/PosfeeLibrary.kt)
mkdir -p "$OUT/classes/posfee" "$OUT/native/$JNA_PREFIX" "$OUT/sources/posfee"
if command -v objcopy >/dev/null 2>&1; then
  objcopy --strip-debug "$LIB" "$OUT/native/$JNA_PREFIX/libposfee_ffi.$EXT"
else
  cp "$LIB" "$OUT/native/$JNA_PREFIX/libposfee_ffi.$EXT"
fi
"$KOTLIN_HOME/bin/kotlinc" "${KT_SOURCES[@]}" -cp "$JNA" -d "$OUT/classes" -nowarn 2>&1 | { grep -v '^warning:' || true; }
platforms=$(cd "$OUT/native" && ls -d -- */ | tr -d / | paste -sd, -)
printf 'version=%s\nplatforms=%s\n' "$VERSION" "$platforms" >"$OUT/classes/posfee/build.properties"
cat >"$OUT/MANIFEST.MF" <<EOF
Implementation-Title: posfee-kotlin
Implementation-Version: $VERSION
Automatic-Module-Name: posfee
EOF
# The licence texts, where the repository has them, in both JARs' META-INF.
for l in LICENSE-MIT LICENSE-APACHE; do
  if [ -f "$l" ]; then
    mkdir -p "$OUT/classes/META-INF" "$OUT/sources/META-INF"
    cp "$l" "$OUT/classes/META-INF/"
    cp "$l" "$OUT/sources/META-INF/"
  fi
done
jar --create --file "$OUT/posfee-kotlin.jar" --manifest "$OUT/MANIFEST.MF" -C "$OUT/classes" . -C "$OUT/native" .
cp "${KT_SOURCES[@]}" "$OUT/sources/posfee/"
MAVEN="$TARGET/maven"
rm -rf "$MAVEN"
mkdir -p "$MAVEN"
A="$MAVEN/posfee-kotlin-$VERSION"
cp "$OUT/posfee-kotlin.jar" "$A.jar"
jar --create --file "$A-sources.jar" --manifest "$OUT/MANIFEST.MF" -C "$OUT/sources" .
sed -e "s/@VERSION@/$VERSION/" -e "s/@JNA_VERSION@/$JNA_VERSION/" -e "s/@KOTLIN_VERSION@/$KOTLIN_VERSION/" \
  mobile-ffi/jvm/pom.xml >"$A.pom"
echo "jar: $OUT/posfee-kotlin.jar ($(du -h "$OUT/posfee-kotlin.jar" | cut -f1)); maven: posfee:posfee-kotlin:$VERSION in $MAVEN (native: $platforms)"

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
  posfee.tests.VectorTestsKt tests "$VERSION" >"$OUT/kotlin.log" 2>&1
status=$?
set -e
grep -v ' passed, ' "$OUT/kotlin.log" || true
echo "kotlin: $(grep -E '^[0-9]+ passed, ' "$OUT/kotlin.log" | tail -1)"
[ "$status" -eq 0 ] || { echo "kotlin tests failed (exit $status)" >&2; exit 1; }

# 5. The JVM package, as a user gets it: each check prints ok/FAIL, then
# `jvm: N passed, N failed`.
jvm_pass=0 jvm_fail=0
check() { # name, command...: passes when the command succeeds
  local name="$1"
  shift
  if "$@" >"$OUT/check.log" 2>&1; then
    jvm_pass=$((jvm_pass + 1))
  else
    jvm_fail=$((jvm_fail + 1))
    echo "jvm: FAIL $name" >&2
    sed 's/^/  /' "$OUT/check.log" >&2
  fi
}
has() { # file, text...: every text occurs in the file
  local f="$1"
  shift
  for t in "$@"; do grep -qF -- "$t" "$f" || { echo "missing: $t"; cat "$f"; return 1; }; done
}
# The manifest carries the version of Cargo.toml.
check "manifest version" bash -c "unzip -p '$A.jar' META-INF/MANIFEST.MF | tr -d '\r' | grep -qx 'Implementation-Version: $VERSION'"
# mvn install:install-file into a throwaway repository. Debian's maven with
# its own plugin repository (/usr/share/maven-repo, as a file mirror): no
# network; `-o` would refuse that mirror, so it is not used.
cat >"$OUT/m2-settings.xml" <<'EOF'
<settings><mirrors><mirror><id>debian</id><mirrorOf>*</mirrorOf><url>file:///usr/share/maven-repo</url></mirror></mirrors></settings>
EOF
M2="$OUT/m2"
INSTALLED="$M2/posfee/posfee-kotlin/$VERSION/posfee-kotlin-$VERSION"
install_file() {
  mvn -B -q -s "$OUT/m2-settings.xml" -Dmaven.repo.local="$M2" install:install-file \
    -Dfile="$A.jar" -DpomFile="$A.pom" -Dsources="$A-sources.jar" &&
    cmp "$A.jar" "$INSTALLED.jar" && cmp "$A.pom" "$INSTALLED.pom" && cmp "$A-sources.jar" "$INSTALLED-sources.jar"
}
check "mvn install:install-file" install_file
# The READMEs' examples (the fenced block after `<!-- example: NAME -->` in
# mobile-ffi/README.md and README.md), compiled against the installed
# artifact and its two dependencies, run, and their output compared.
example() { # file, name → the block's lines
  awk -v name="$2" '$0 == "<!-- example: " name " -->" { on = 1; next }
    on && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$1"
}
CP="$INSTALLED.jar:$JNA:$KOTLIN_HOME/lib/kotlin-stdlib.jar"
mkdir -p "$OUT/java" "$OUT/kt"
java_example() {
  example mobile-ffi/README.md QuoteExample.java >"$OUT/java/QuoteExample.java"
  [ -s "$OUT/java/QuoteExample.java" ] &&
    javac -cp "$CP" -d "$OUT/java" "$OUT/java/QuoteExample.java" &&
    java -cp "$OUT/java:$CP" QuoteExample >"$OUT/java/out.txt" &&
    cat "$OUT/java/out.txt" && has "$OUT/java/out.txt" "5.50 994.50 2025-10-09 true"
}
check "mobile-ffi/README.md Java example" java_example
kotlin_example() { # file, name, expected output...
  local file="$1" name="$2" kt="$OUT/kt/${2%.kt}"
  shift 2
  # The block's statements in a main function (imports stay on top).
  mkdir -p "$kt"
  example "$file" "$name.kt" >"$kt/block.kt"
  [ -s "$kt/block.kt" ] || return 1
  { grep '^import ' "$kt/block.kt"; echo 'fun main() {'; grep -v '^import ' "$kt/block.kt"; echo '}'; } >"$kt/$name.kt"
  "$KOTLIN_HOME/bin/kotlinc" "$kt/$name.kt" -cp "$CP" -d "$kt/example.jar" -nowarn 2>&1 | { grep -v '^warning:' || true; }
  java -cp "$kt/example.jar:$CP" "${name}Kt" >"$kt/out.txt" && cat "$kt/out.txt" && has "$kt/out.txt" "$@"
}
check "mobile-ffi/README.md Kotlin example" kotlin_example mobile-ffi/README.md Quote \
  "5.50 994.50 2025-10-09" "true" "invalid_amount payment.amount too_many_decimals"
check "README.md Kotlin example" kotlin_example README.md Readme "true" "invalid_amount payment.amount too_many_decimals"
# A platform the JAR does not carry: JNA's platform comes from os.arch, so
# a JVM told it runs on aarch64 looks for linux-aarch64/libposfee_ffi.so
# (jna.nosys=false: JNA's own libjnidispatch then comes from the system,
# Debian's, not from a linux-aarch64 resource that jna.jar lacks). The error
# must name that platform, the one the JAR carries and the remedy, on the
# first call and on the next.
missing_library() {
  "$KOTLIN_HOME/bin/kotlinc" tests/kotlin/MissingLibrary.kt -cp "$CP" -d "$OUT/missing.jar" -nowarn 2>&1 | { grep -v '^warning:' || true; }
  java -Dos.arch=aarch64 -Djna.nosys=false -cp "$OUT/missing.jar:$CP" posfee.tests.MissingLibraryKt >"$OUT/missing.txt" 2>&1
  cat "$OUT/missing.txt"
  [ "$(grep -c 'java.lang.UnsatisfiedLinkError: posfee: no native library for this platform, linux-aarch64' "$OUT/missing.txt")" = 2 ] &&
    has "$OUT/missing.txt" "java.lang.ExceptionInInitializerError" "java.lang.NoClassDefFoundError" \
    "linux-aarch64/libposfee_ffi.so" "This posfee $VERSION JAR carries the library for $platforms only" \
    "cargo build --release -p posfee-ffi" "Other platforms"
}
check "missing native library message" missing_library
echo "jvm: $jvm_pass passed, $jvm_fail failed"
[ "$jvm_fail" -eq 0 ] || { echo "JVM package checks failed" >&2; exit 1; }

# 6. Android: the FFI crate type-checks for the two 64-bit Android ABIs
# (no NDK needed for a check; building the .so needs it, see
# mobile-ffi/README.md).
android_pass=0 android_fail=0
for t in aarch64-linux-android x86_64-linux-android; do
  if cargo check -q -p posfee-ffi --target "$t"; then
    android_pass=$((android_pass + 1))
  else
    android_fail=$((android_fail + 1))
    echo "android: FAIL cargo check --target $t" >&2
  fi
done
echo "android: $android_pass passed, $android_fail failed"
[ "$android_fail" -eq 0 ] || exit 1

# 7. Swift.
if command -v swift >/dev/null 2>&1; then
  libdir="$(cd "$TARGET/release" && pwd)"
  (cd tests/swift && LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    swift test -Xlinker -L"$libdir")
else
  echo "swift: SKIPPED - no Swift toolchain on this machine (Debian has no swift package);"
  echo "  tests/swift runs wherever \`swift\` is on PATH (macOS, or Linux with swift.org's"
  echo "  toolchain). Here the generated package and the tests are only parsed (tree-sitter's"
  echo "  Swift grammar: syntax, not names or types):"
  mapfile -t swift_files < <(find "$B/posfee-swift" tests/swift -name '*.swift' | sort)
  "$SWIFT_SYNTAX_PYTHON" tests/swift/syntax.py "${swift_files[@]}"
fi
echo "test-mobile: done in $(( $(date +%s) - start ))s"
