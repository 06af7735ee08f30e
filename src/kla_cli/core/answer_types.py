"""What an answer is: the types every layer passes around (pure, no I/O).

Apart from `core/answers`, which parses what a cell says into one (its patterns and messages):
a command that shows a result kept by `region_memo` needs these types, not the parsing.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import NamedTuple


class Nilai(NamedTuple):
    """Points given directly (a recap's Nilai column), whatever the question's answer type."""

    points: float


Answer = float | str | bool | frozenset[str] | Nilai
"""A parsed answer: a number (percent/count/score), an option key (choice), yes/no, ticked keys,
or the points themselves."""

CellValue = str | int | float | bool | datetime | date | time | None
"""A cell's value as a reader gives it."""
