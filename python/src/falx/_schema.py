"""The audit's columns and their pandas types, read from the binary's own schema.

``falx schema --json`` gives each column's JSON Lines type (string, integer, or array with the CSV
separator), the closed value set of a categorical column (``values``) and which column is an ISO
8601 date-time (``"format": "date-time"``). Nothing here is a copy of the column list, so a newer
binary is read with its own types.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from ._binary import FalxError, binary, run

Kind = Literal["text", "integer", "list", "category", "datetime"]

_OFFSET = re.compile(r"(?:Z|[+-]\d\d:?\d\d)$")


@dataclass(frozen=True)
class Column:
    """One audit column: its name, its pandas kind, the list separator of a list column (in CSV)
    and the values of a categorical column, in the schema's order."""

    name: str
    kind: Kind
    separator: str | None = None
    categories: tuple[str, ...] = ()


@functools.lru_cache(maxsize=8)
def _schema_of(executable: str) -> tuple[Column, ...]:
    """The columns as the binary at ``executable`` describes them (cached per binary)."""
    try:
        described = json.loads(run(["schema", "--json"]))
        columns = described["columns"]
        result = []
        for column in columns:
            name, json_type = column["name"], column["type"]
            values = tuple(column.get("values", ()))
            if json_type == "integer":
                result.append(Column(name, "integer"))
            elif json_type == "array":
                result.append(Column(name, "list", separator=column["separator"]))
            elif values:
                result.append(Column(name, "category", categories=values))
            elif column.get("format") == "date-time":
                result.append(Column(name, "datetime"))
            else:
                result.append(Column(name, "text"))
    except (ValueError, KeyError, TypeError) as error:
        raise FalxError(f"{executable} printed no readable schema: {error}", 0) from error
    return tuple(result)


def audit_columns() -> tuple[Column, ...]:
    """The audit's columns with their pandas kinds, as the current falx binary prints them."""
    return _schema_of(binary())


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Gives an audit frame its column types in place and returns it.

    ``frame`` holds the values as read: strings (empty for none) from CSV, or JSON values (``None``,
    numbers, lists) from JSON Lines. Columns the schema does not know stay as they are."""
    for column in audit_columns():
        if column.name in frame.columns:
            frame[column.name] = _convert(frame[column.name], column)
    return frame


def _convert(values: pd.Series, column: Column) -> pd.Series:
    present = values.map(_present)
    if column.kind == "list":
        return pd.Series([_as_list(v, column.separator) for v in values], index=values.index, dtype=object)
    if column.kind == "integer":
        return pd.to_numeric(present, errors="raise").astype("Int64")
    if column.kind == "category":
        seen = [v for v in pd.unique(present.dropna()) if v not in column.categories]
        # A value the binary does not list (an audit written by another version) is kept, not lost.
        categories = list(column.categories) + sorted(str(v) for v in seen)
        return present.astype(pd.CategoricalDtype(categories))
    if column.kind == "datetime":
        # The study's local date and time as the report gives it; an offset, when given, is dropped
        # so that every value compares on the same wall clock (the file keeps it).
        wall = present.map(lambda v: _OFFSET.sub("", v) if isinstance(v, str) else v)
        return pd.to_datetime(wall, format="ISO8601")
    return present.astype("string")


def _present(value: Any) -> Any:
    """``None`` for an empty cell (CSV) or null (JSON Lines), else the value."""
    if value is None or (isinstance(value, str) and value == ""):
        return None
    if isinstance(value, float) and value != value:
        return None
    return value


def _as_list(value: Any, separator: str | None) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    if _present(value) is None:
        return []
    return str(value).split(separator)


def names(columns: Iterable[Column]) -> list[str]:
    """The names of ``columns``, in order."""
    return [column.name for column in columns]
