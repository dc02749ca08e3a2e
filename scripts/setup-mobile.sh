#!/usr/bin/env bash
# Installs what the Kotlin/Swift bindings (mobile-ffi/) need to build and test.
# Idempotent: everything is cached, so a second run does nothing.
#   - a JDK (java, javac, jar) and JNA and gson from Debian's packages
#     (/usr/share/java/jna.jar, /usr/share/java/gson.jar)
#   - Maven and its install plugin from Debian (maven,
#     libmaven-install-plugin-java: `mvn install:install-file` of the JVM
#     artifact, with /usr/share/maven-repo as its only repository), unzip
#   - the Kotlin compiler from the npm package kotlin-compiler (Debian's
#     kotlin is 1.3, too old), unpacked into ~/.cache/posfee/kotlin-<version>
#   - the Rust standard library for aarch64-linux-android and
#     x86_64-linux-android (rustup), for `cargo check` of the FFI crate
#   - a Python virtualenv with the PyPI packages tree-sitter and
#     tree-sitter-swift (~/.cache/posfee/swift-syntax-<versions>), for a
#     syntax check of the generated Swift where no Swift toolchain exists
# Swift cannot be installed here (no swift package in Debian): test-mobile.sh
# runs the Swift tests only where `swift` is already on PATH.
# Prints SWIFT_SYNTAX_PYTHON=... and, on its last line, KOTLIN_HOME=...
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

CACHE="${POSFEE_CACHE:-$HOME/.cache/posfee}"
KOTLIN_VERSION=2.4.20
mkdir -p "$CACHE"

need=()
command -v javac >/dev/null 2>&1 && command -v jar >/dev/null 2>&1 || need+=(default-jdk-headless)
[ -f /usr/share/java/jna.jar ] || need+=(libjna-java)
[ -f /usr/share/java/gson.jar ] || need+=(libgoogle-gson-java)
command -v mvn >/dev/null 2>&1 || need+=(maven)
[ -d /usr/share/maven-repo/org/apache/maven/plugins/maven-install-plugin ] || need+=(libmaven-install-plugin-java)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
if [ "${#need[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-mobile: need ${need[*]} (Debian packages) and there is no apt-get" >&2
    exit 1
  fi
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # apt-cache knows nothing before the first update on a fresh machine.
  if ! $SUDO apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y --no-install-recommends "${need[@]}"
  fi
fi

KOTLIN_HOME="$CACHE/kotlin-$KOTLIN_VERSION"
if [ ! -x "$KOTLIN_HOME/bin/kotlinc" ] || [ ! -f "$KOTLIN_HOME/.done" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup-mobile: npm is required to fetch kotlin-compiler@$KOTLIN_VERSION" >&2
    exit 1
  fi
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "kotlin-compiler@$KOTLIN_VERSION" >/dev/null)
  rm -rf "$KOTLIN_HOME"
  mkdir -p "$KOTLIN_HOME"
  tar -xzf "$tmp"/kotlin-compiler-*.tgz -C "$KOTLIN_HOME" --strip-components=1
  rm -rf "$tmp"
  chmod +x "$KOTLIN_HOME"/bin/*
  touch "$KOTLIN_HOME/.done"
fi
ln -sfn "$KOTLIN_HOME" "$CACHE/kotlin"

# Android targets: `rustup target add` does nothing when they are there.
android_targets=(aarch64-linux-android x86_64-linux-android)
installed_targets="$(rustup target list --installed)"
for t in "${android_targets[@]}"; do
  grep -qx "$t" <<<"$installed_targets" || rustup target add "$t" >&2
done

# The Swift syntax checker's parser (PyPI wheels, prebuilt).
TREE_SITTER_VERSION=0.26.1
TREE_SITTER_SWIFT_VERSION=0.7.4
SWIFT_SYNTAX="$CACHE/swift-syntax-$TREE_SITTER_VERSION-$TREE_SITTER_SWIFT_VERSION"
if [ ! -f "$SWIFT_SYNTAX/.done" ]; then
  rm -rf "$SWIFT_SYNTAX"
  python3 -m venv "$SWIFT_SYNTAX" >&2
  "$SWIFT_SYNTAX/bin/pip" install -q --disable-pip-version-check \
    "tree-sitter==$TREE_SITTER_VERSION" "tree-sitter-swift==$TREE_SITTER_SWIFT_VERSION" >&2
  touch "$SWIFT_SYNTAX/.done"
fi
echo "SWIFT_SYNTAX_PYTHON=$SWIFT_SYNTAX/bin/python"
echo "KOTLIN_HOME=$KOTLIN_HOME"
