"""Edit helper for the built-in lexicon literal (Sources/FalxClinical/DefaultLexicon.swift).

Usage from Python: `with Lexicon() as lex: lex.replace(old, new)` — old/new are written without the
literal's indentation; the file is re-indented on save so swift-format keeps it unchanged.
"""
import re

PATH = "Sources/FalxClinical/DefaultLexicon.swift"
INDENT = " " * 8


class Lexicon:
    def __enter__(self):
        src = open(PATH).read()
        start = src.index('#"""\n') + 5
        end = src.index('"""#', start)
        self.head, self.tail = src[:start], src[end:]
        self.body = "\n".join(l[len(INDENT):] if l.startswith(INDENT) else l.lstrip(" ") for l in src[start:end].split("\n"))
        return self

    def replace(self, old, new):
        assert old in self.body, old[:80]
        self.body = self.body.replace(old, new, 1)

    def __exit__(self, *exc):
        if exc[0] is None:
            lines = [(INDENT + l) if l.strip() else "" for l in self.body.rstrip("\n").split("\n")]
            open(PATH, "w").write(self.head + "\n".join(lines) + "\n" + INDENT + self.tail)
