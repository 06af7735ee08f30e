"""Renderers: result objects in, text out (never printing, never exiting)."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

T = TypeVar("T")

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


def safe_cell(value: T) -> T | str:
    """Neutralise text that a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
