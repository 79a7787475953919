"""Falx from Python: audit radiology reports for dural calcification and its work-up.

A thin, typed layer over the ``falx`` binary (the one this wheel carries, or ``FALX_BINARY``):

- :func:`audit` audits a path, an iterable of texts or a DataFrame and returns a typed DataFrame;
- :func:`read_audit` reads an audit file (CSV or JSON Lines) with the same types;
- :func:`explain` shows how Falx read one report;
- :class:`FalxError` is raised when the binary refuses a run or fails.

Decision support for audit and research, not a diagnosis.
"""

from __future__ import annotations

import os

from ._audit import AuditOptions, audit
from ._binary import FalxError, binary, run
from ._read import read_audit

__all__ = ["AuditOptions", "FalxError", "audit", "binary", "explain", "read_audit", "version"]


def explain(
    text: str,
    *,
    lexicon: str | os.PathLike[str] | None = None,
    lexicon_add: str | os.PathLike[str] | None = None,
) -> str:
    """How Falx read one report: its sections, the mentions with their cues, the case facts, the
    rules that fired and why, and the verdict (``falx explain - --no-color``).

    ``text`` is the report as Falx would read it from a file (plain text, or any format Falx
    reads); ``lexicon`` and ``lexicon_add`` are the ``falx explain`` flags of the same names.
    Raises :class:`FalxError` when the binary refuses (an unreadable lexicon, an empty text).
    """
    if not isinstance(text, str):
        raise TypeError(f"explain() takes a str, not {type(text).__name__}")
    arguments = ["explain", "-", "--no-color"]
    if lexicon is not None:
        arguments += ["--lexicon", os.fspath(lexicon)]
    if lexicon_add is not None:
        arguments += ["--lexicon-add", os.fspath(lexicon_add)]
    return run(arguments, text)


def version() -> str:
    """The falx binary's version line (``falx --version``), e.g. ``falx 0.9.0, ruleset falx-rules-1.1``."""
    return run(["--version"]).strip()
