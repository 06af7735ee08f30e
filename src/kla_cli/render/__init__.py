"""Renderers: result objects in, text out (never printing, never exiting).

This module holds what a spreadsheet opens safely: `safe_cell` and the one CSV writer.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TypeVar, overload

_T = TypeVar("_T")

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@overload
def safe_cell(value: str) -> str: ...
@overload
def safe_cell(value: _T) -> _T | str: ...
def safe_cell(value: object) -> object:
    """Neutralise text that a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV file's text: the header, then one line per row (formula-safe, `\\n` line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return buffer.getvalue()
