"""A syntax check of Swift sources where no Swift toolchain exists.

Parses each file with tree-sitter's Swift grammar (the PyPI packages
tree-sitter and tree-sitter-swift, installed by scripts/setup-mobile.sh) and
fails on any syntax error or missing token. A parser, not a compiler: names,
types and imports are not checked (only `swift build` does that).

The grammar does not know one attribute uniffi's Swift output uses,
`@_documentation(visibility: private)` (an underscored compiler attribute
for DocC); it is blanked out, keeping every position, before parsing.

To show the check can fail, a copy of each file with one closing brace
removed must be rejected. Prints `swiftsyntax: N passed, N failed`.

Usage: python syntax.py FILE.swift...
"""

import re
import sys

import tree_sitter
import tree_sitter_swift

UNKNOWN_ATTRIBUTE = re.compile(rb"@_documentation\(visibility: *private\)")
PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))


def errors(src):
    """The ERROR and MISSING nodes of the parse of src (bytes)."""
    src = UNKNOWN_ATTRIBUTE.sub(lambda m: b" " * len(m.group(0)), src)
    found = []
    stack = [PARSER.parse(src).root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            found.append(node)
        elif node.has_error:
            stack.extend(node.children)
    return src, found


def main(paths):
    passed = failed = 0
    for path in paths:
        with open(path, "rb") as f:
            original = f.read()
        src, found = errors(original)
        if found:
            failed += 1
            print(f"swiftsyntax: FAIL {path}: {len(found)} syntax errors", file=sys.stderr)
            for node in found[:10]:
                row, col = node.start_point
                text = src[node.start_byte : node.end_byte][:80].decode(errors="replace")
                print(f"  {path}:{row + 1}:{col + 1}: {node.type} {text!r}", file=sys.stderr)
        else:
            passed += 1
        # The check rejects a broken copy: the last closing brace removed.
        cut = original.rfind(b"}")
        broken = original[:cut] + original[cut + 1 :] if cut >= 0 else original + b"{"
        if errors(broken)[1]:
            passed += 1
        else:
            failed += 1
            print(f"swiftsyntax: FAIL {path}: a copy without its last '}}' parsed clean", file=sys.stderr)
    print(f"swiftsyntax: {passed} passed, {failed} failed")
    return 1 if failed or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
