#!/usr/bin/env python3
"""Runs the examples in docs/*.md and checks their output.

An example is a ```sql block followed (after optional blank lines) by a
```text block: the SQL is piped into `kodiak` and everything it prints
(stdout and stderr) must equal the text block. The SQL blocks of one page run
in order on one in-memory database: each example starts from the state the
examples above it left (they are replayed silently first, from a file, so the
example's own lines are numbered from 1).

A ```sql block with no ```text block after it must run without error.

Usage: run_doc_examples.py KODIAK_BINARY [--update] DOC.md...
  --update rewrites the text blocks with the actual output (review the diff!).
Prints one line per page and a final `N passed, N failed` line.
"""
import os
import re
import subprocess
import sys
import tempfile

BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)


def examples(text):
    blocks = [(m.group(1), m.group(2), m.start(), m.end()) for m in BLOCK.finditer(text)]
    out = []
    i = 0
    while i < len(blocks):
        lang, body, start, end = blocks[i]
        if lang == "sql":
            expected = None
            span = None
            if i + 1 < len(blocks) and blocks[i + 1][0] == "text" and text[end:blocks[i + 1][2]].strip() == "":
                expected = blocks[i + 1][1]
                span = (blocks[i + 1][2], blocks[i + 1][3])
                i += 1
            out.append((body, expected, span))
        i += 1
    return out


def run(binary, setup, sql):
    """Runs `sql` on standard input after `setup` (run silently from a file),
    so the example's own lines are numbered from 1, as a user typing it sees."""
    args = [binary]
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(".output /dev/null\n" + setup + "\n.output\n")
        setup_path = f.name
    try:
        if setup:
            args += ["-f", setup_path, "-f", "-"]
        proc = subprocess.run(args, input=sql, capture_output=True, text=True, timeout=60)
    finally:
        os.unlink(setup_path)
    return proc.returncode, proc.stdout + proc.stderr


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    binary = args.pop(0)
    update = "--update" in args
    pages = [a for a in args if a != "--update"]
    passed = failed = 0
    for page in pages:
        text = open(page, encoding="utf-8").read()
        setup = ""
        page_failed = 0
        replacements = []
        for sql, expected, span in examples(text):
            code, actual = run(binary, setup, sql)
            ok = actual == expected if expected is not None else code == 0
            if expected is None and code != 0:
                print(f"{page}: example failed to run:\n{sql}\n{actual}")
            elif not ok:
                if update:
                    replacements.append((span, actual))
                else:
                    print(f"{page}: example output differs:\n--- sql\n{sql}--- expected\n{expected}--- actual\n{actual}")
            if ok or update:
                passed += 1
            else:
                failed += 1
                page_failed += 1
            # Statements that failed on purpose (examples of errors) are not replayed.
            if "Error" not in actual:
                setup += sql
        if update and replacements:
            for (start, end), actual in sorted(replacements, reverse=True):
                text = text[:start] + "```text\n" + actual + "```" + text[end:]
            open(page, "w", encoding="utf-8").write(text)
        print(f"{page}: {'ok' if page_failed == 0 else str(page_failed) + ' failed'}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
