"""Cell text a spreadsheet opens safely: text that Excel or LibreOffice would run as a formula
(`=`, `+`, `-`, `@`, tab, CR) is neutralised. Used by every writer of xlsx and CSV."""

from __future__ import annotations

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
