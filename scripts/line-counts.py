#!/usr/bin/env python3
"""Hand-written, non-test lines of Rust in the core and each binding.

A line counts unless it is blank, a comment (`//`, `///`, `//!`), or inside
a `#[cfg(test)]` module; whole files left out: generated data
(core/src/baked/), test-only modules (core/src/ts.rs), the boundary probe
that never ships (wasm/src/probe.rs) and the bindings generator's entry
point (mobile-ffi/src/bin/). Inline JavaScript in a Rust file counts.

    python3 scripts/line-counts.py
"""
import os

LEFT_OUT = ("core/src/baked/", "core/src/ts.rs", "wasm/src/probe.rs", "mobile-ffi/src/bin/")


def lines(path):
    n, skip, depth, opened = 0, False, 0, False
    for raw in open(path, encoding="utf-8"):
        s = raw.strip()
        if skip:
            # The item after #[cfg(test)]: to its closing brace, or to its
            # `;` when it has no body (`mod ts;`, a test-only constant).
            depth += s.count("{") - s.count("}")
            opened = opened or "{" in s
            if (opened and depth <= 0) or (not opened and s.endswith(";")):
                skip = False
            continue
        if s.startswith("#[cfg(test)]"):
            skip, depth, opened = True, 0, False
            continue
        if s and not s.startswith("//"):
            n += 1
    return n


def count(root):
    total = 0
    for dirpath, _, files in os.walk(root):
        for f in files:
            path = os.path.join(dirpath, f).replace(os.sep, "/")
            if f.endswith(".rs") and not path.startswith(LEFT_OUT):
                total += lines(path)
    return total


os.chdir(os.path.join(os.path.dirname(__file__), ".."))
core = count("core/src")
print(f"core/src        {core:6d}")
# The npm package's bindings are wasm/src and wasm/xlsx/src (posfee/xlsx);
# the mobile ones mobile-ffi/src (Rust only: mobile-ffi/kotlin/ is not counted).
for name, dirs in (("wasm", ("wasm/src", "wasm/xlsx/src")), ("mobile-ffi", ("mobile-ffi/src",))):
    n = sum(count(d) for d in dirs)
    label = " + ".join(dirs)
    print(f"{label:28s} {n:6d}  ({100 * n / core:.1f}% of core/src; target at most 20%)")
