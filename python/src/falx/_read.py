"""Reading an audit file (CSV or JSON Lines, optionally gzip-compressed) with its column types."""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pandas as pd

from ._schema import audit_columns, names, typed


_FORMULA_GUARD = r"^'(?=[=+\-@\t\r])"


def read_audit(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Reads an audit Falx wrote (``falx audit -o audit.csv`` or ``--format jsonl``) as a typed
    DataFrame.

    The types come from the schema the falx binary prints (``falx schema --json``): categoricals
    for the columns with a closed set of values (``dural_calcification``, ``category``,
    ``audit_verdict``, ...), nullable integers (``Int64``) for ``age``, ``datetime64`` for
    ``study_datetime`` (the local time as written; an offset is dropped), Python lists for the list
    columns (``dc_locations``, ``actions``, ``rules``, ``warnings``, ...; empty when none) and
    nullable strings for the rest. An empty CSV cell and a JSON ``null`` both read as missing.

    The format is chosen by the name (``.csv``; ``.jsonl`` or ``.ndjson``; each optionally ``.gz``),
    else by the first character (``{`` for JSON Lines). A CSV written with ``--excel`` (a UTF-8 BOM)
    reads the same; one written with ``--no-header`` cannot be read here.
    """
    path = Path(path)
    with _open(path) as stream:
        if _is_jsonl(path, stream):
            frame = _frame_from_json_lines(stream)
        else:
            frame = _unguarded(pd.read_csv(stream, dtype=str, keep_default_na=False, na_values=[]))
    return typed(frame)


def frame_from_rows(rows: Iterable[dict[str, Any]], index: pd.Index | None = None) -> pd.DataFrame:
    """A typed audit frame from JSON Lines rows already parsed (``falx audit --format jsonl``)."""
    frame = _records(list(rows))
    if index is not None:
        frame.index = index
    return typed(frame)


def _frame_from_json_lines(stream: IO[str]) -> pd.DataFrame:
    return _records([json.loads(line) for line in stream if line.strip()])


def _records(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The rows as a frame; no rows still give the schema's columns."""
    if not rows:
        return pd.DataFrame({name: pd.Series([], dtype=object) for name in names(audit_columns())})
    return pd.DataFrame.from_records(rows)


def _unguarded(frame: pd.DataFrame) -> pd.DataFrame:
    """The CSV cells without the formula guard Falx's CSV writer adds: a cell a spreadsheet would
    run as a formula (first character ``=``, ``+``, ``-``, ``@``, tab or CR) starts with ``'``
    there, and not in JSON Lines (docs/audit-schema.md)."""
    for name in frame.columns:
        frame[name] = frame[name].str.replace(_FORMULA_GUARD, "", regex=True)
    return frame


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")


def _is_jsonl(path: Path, stream: IO[str]) -> bool:
    suffixes = [s for s in path.suffixes if s != ".gz"]
    if suffixes and suffixes[-1] in (".jsonl", ".ndjson"):
        return True
    if suffixes and suffixes[-1] == ".csv":
        return False
    first = stream.read(1)
    stream.seek(0)
    return first == "{"
