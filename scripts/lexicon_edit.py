"""Edit helper for the built-in lexicon's data file (Sources/FalxClinical/Resources/default.lexicon).

Usage from Python: `with Lexicon() as lex: lex.replace(old, new)`; on save the data file is written
and the compiled-in Swift form is regenerated (scripts/generate-lexicon.py).
"""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PATH = ROOT / "Sources/FalxClinical/Resources/default.lexicon"


class Lexicon:
    def __enter__(self):
        self.body = PATH.read_text(encoding="utf-8")
        return self

    def replace(self, old, new):
        assert old in self.body, old[:80]
        self.body = self.body.replace(old, new, 1)

    def __exit__(self, *exc):
        if exc[0] is None:
            PATH.write_text(self.body, encoding="utf-8")
            subprocess.run([sys.executable, str(ROOT / "scripts/generate-lexicon.py")], check=True)
