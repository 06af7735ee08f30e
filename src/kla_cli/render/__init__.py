"""Renderers: result objects in, text out (never printing, never exiting)."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar, overload

_T = TypeVar("_T")

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


@overload
def safe_cell(value: str) -> str: ...
@overload
def safe_cell(value: _T) -> _T | str: ...
def safe_cell(value: object) -> object:
    """Neutralise text that a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
