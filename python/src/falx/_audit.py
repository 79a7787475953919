"""``falx.audit``: a path, an iterable of report texts or a DataFrame in, a typed audit out."""

from __future__ import annotations

import json
import math
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import IO, Any, Literal, TypedDict

import pandas as pd

from ._binary import FalxError, binary, error_from, popen
from ._read import frame_from_rows

if sys.version_info >= (3, 11):
    from typing import Unpack
else:
    from typing_extensions import Unpack

PathLike = str | os.PathLike[str]

#: The record fields Falx reads from a JSON Lines key of the same name (``falx audit --help``,
#: ``--field``); a DataFrame's columns of these names go to Falx with the text.
FIELDS = (
    "accession", "patient_id", "study_datetime", "procedure", "interpreter", "facility",
    "age", "sex", "birth_date", "findings", "impression",
)  # fmt: skip


class AuditOptions(TypedDict, total=False):
    """The ``falx audit`` flags ``falx.audit`` passes on (``falx audit --help``): each key is the
    flag's name with ``_`` for ``-``. The binary checks the values (a bad one raises FalxError)."""

    lexicon: PathLike
    lexicon_add: PathLike
    date_order: Literal["mdy", "dmy"]
    jobs: int
    max_file_mb: int
    max_record_mb: int
    field: Mapping[str, str]
    encoding: Literal["utf-8", "utf-16", "windows-1252", "latin-1"]
    pseudonymise: PathLike
    date_precision: Literal["full", "day", "month", "year"]


_OPTION_TYPES: dict[str, tuple[type, ...]] = {
    "lexicon": (str, os.PathLike),
    "lexicon_add": (str, os.PathLike),
    "date_order": (str,),
    "jobs": (int,),
    "max_file_mb": (int,),
    "max_record_mb": (int,),
    "field": (Mapping,),
    "encoding": (str,),
    "pseudonymise": (str, os.PathLike),
    "date_precision": (str,),
}
assert set(_OPTION_TYPES) == set(AuditOptions.__annotations__)


def audit(
    source: PathLike | Iterable[str] | pd.DataFrame,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    **options: Unpack[AuditOptions],
) -> pd.DataFrame:
    """Audits reports with the falx binary and returns one typed row per report.

    ``source`` is one of:

    - a path (``str`` or ``os.PathLike``) to a file or folder in any format Falx reads (plain
      text, JSON Lines, CSV/TSV, HL7 v2, CDA, FHIR, ...), audited as ``falx audit PATH`` would;
      ``text_column`` and ``id_column`` name the CSV column or JSON key of the text and the id
      (``--text-column``, ``--field id=NAME``);
    - an iterable of report texts (a list, a generator, a ``pandas.Series``): one row each, in
      order; a Series keeps its index;
    - a DataFrame with a text column (``text_column``, default ``"text"``), an optional id column
      (``id_column``, default ``"id"`` when there is one) and optional metadata columns named as
      Falx's fields (``accession``, ``patient_id``, ``study_datetime``, ``age``, ...; others via
      ``field={"accession": "acc_no"}``): one row per DataFrame row, with the DataFrame's index.

    Texts and DataFrames stream through ``falx audit --stdin --format jsonl`` (a thread writes
    the records while the rows are read), so no copy of the archive is written to disk.

    ``options`` are ``falx audit`` flags (:class:`AuditOptions`), e.g. ``jobs=4``,
    ``date_order="dmy"``, ``lexicon_add="site.lexicon"``, ``pseudonymise="key.bin"``. An unknown
    name or a value of the wrong type raises ``TypeError``; a value the binary refuses, a missing
    input or any other failed run raises :class:`falx.FalxError` with its message and exit code.

    The frame's columns and types are :func:`falx.read_audit`'s; ``frame.attrs["falx_log"]``
    holds what the binary wrote on standard error (its summary line and warnings).
    """
    flags = _flags(options)
    if isinstance(source, (str, os.PathLike)):
        if text_column is not None:
            flags += ["--text-column", text_column]
        if id_column is not None:
            flags += ["--field", f"id={id_column}"]
        return _run(["audit", os.fspath(source), "--format", "jsonl", *flags], None, None)
    if isinstance(source, pd.DataFrame):
        records = _frame_records(source, text_column or "text", id_column, options.get("field", {}))
        return _run(["audit", "--stdin", "--format", "jsonl", *flags], records, source.index)
    if isinstance(source, Iterable) and not isinstance(source, (bytes, Mapping)):
        if text_column is not None or id_column is not None:
            raise TypeError("text_column and id_column apply to a path or a DataFrame, not to texts")
        index = source.index if isinstance(source, pd.Series) else None
        return _run(["audit", "--stdin", "--format", "jsonl", *flags], _text_records(source), index)
    raise TypeError(f"audit() takes a path, an iterable of texts or a DataFrame, not {type(source).__name__}")


def _flags(options: Mapping[str, Any]) -> list[str]:
    """The command-line flags for ``options``, checked by name and type."""
    flags: list[str] = []
    for name, value in options.items():
        if name not in _OPTION_TYPES:
            known = ", ".join(sorted(_OPTION_TYPES))
            raise TypeError(f"audit() got an unexpected option {name!r} (falx audit options: {known})")
        expected = _OPTION_TYPES[name]
        if not isinstance(value, expected) or isinstance(value, bool):
            wanted = " or ".join(t.__name__ for t in expected)
            raise TypeError(f"audit() option {name!r} must be {wanted}, not {type(value).__name__}")
        flag = "--" + name.replace("_", "-")
        if isinstance(value, Mapping):
            for field, column in value.items():
                flags += [flag, f"{field}={column}"]
        else:
            flags += [flag, os.fspath(value) if isinstance(value, os.PathLike) else str(value)]
    return flags


def _text_records(texts: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for number, text in enumerate(texts, start=1):
        if not isinstance(text, str):
            raise TypeError(f"text {number} is {type(text).__name__}, not str")
        yield {"text": text}


def _frame_records(
    frame: pd.DataFrame, text_column: str, id_column: str | None, fields: Mapping[str, str]
) -> Iterator[dict[str, Any]]:
    """One JSON Lines record per row: the text, the id and the metadata columns Falx reads."""
    if text_column not in frame.columns:
        raise ValueError(f"the DataFrame has no text column {text_column!r} (set text_column=)")
    if id_column is None and "id" in frame.columns:
        id_column = "id"
    if id_column is not None and id_column not in frame.columns:
        raise ValueError(f"the DataFrame has no id column {id_column!r}")
    keys = {text_column: "text"}
    if id_column is not None:
        keys[id_column] = "id"
    for column in [*FIELDS, *fields.values()]:
        if column in frame.columns and column not in keys:
            keys[column] = column
    columns = list(keys)
    for row in frame[columns].itertuples(index=False, name=None):
        yield {keys[c]: _json_value(v) for c, v in zip(columns, row) if not _missing(v)}


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # an integer column with gaps reads as float in pandas
    return value if isinstance(value, (str, int, float)) else str(value)


def _run(arguments: list[str], records: Iterator[dict[str, Any]] | None, index: pd.Index | None) -> pd.DataFrame:
    """Runs falx, writing ``records`` to its standard input from a thread while its rows are read,
    and returns the typed rows."""
    command = [binary(), *arguments]
    process = popen(command, with_stdin=records is not None)
    assert process.stdout is not None and process.stderr is not None
    stdout, stderr_pipe = process.stdout, process.stderr
    written = [0]
    failure: list[BaseException] = []
    log: list[bytes] = []
    threads = [threading.Thread(target=lambda: log.append(stderr_pipe.read()), daemon=True)]
    if records is not None:
        threads.append(threading.Thread(target=_write, args=(process.stdin, records, written, failure), daemon=True))
    for thread in threads:
        thread.start()
    try:
        rows = [json.loads(line) for line in stdout]
    except BaseException:
        process.kill()  # an interrupt or an unreadable row: stop falx, which unblocks the writer
        raise
    finally:
        exit_code = process.wait()
    for thread in threads:
        thread.join()
    if failure:
        raise failure[0]
    stderr = b"".join(log).decode("utf-8", errors="replace")
    if exit_code != 0:
        raise error_from(command, exit_code, stderr)
    if records is not None and len(rows) != written[0]:
        raise FalxError(f"falx wrote {len(rows)} rows for {written[0]} records", exit_code, stderr, command)
    frame = frame_from_rows(rows, index)
    frame.attrs["falx_log"] = stderr
    return frame


def _write(stdin: IO[bytes], records: Iterator[dict[str, Any]], written: list[int], failure: list[BaseException]) -> None:
    """Writes each record as one JSON line, counting them. A failure while making the records (a
    text that is not a string) closes falx's input early and is kept for the caller to raise."""
    try:
        for record in records:
            stdin.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            written[0] += 1
    except BrokenPipeError:
        pass  # falx stopped early; its exit code and message tell why
    except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
        failure.append(error)
    finally:
        try:
            stdin.close()
        except BrokenPipeError:
            pass
