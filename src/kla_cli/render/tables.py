"""A table as every writer sees it: a title, headers and rows of numbers and texts.

Report, comparison and history layouts produce `Table`s; the Markdown, terminal, HTML and Excel
writers lay them out. Numbers stay numbers (a float is points, an int a count) until a writer
formats them, so a spreadsheet gets real numbers and a text gets 588,40.
"""

from __future__ import annotations

from dataclasses import dataclass

from kla_cli.i18n.messages import Lang
from kla_cli.i18n.numbers import fmt_num, fmt_points

Cell = str | float | int | None


@dataclass(frozen=True)
class Table:
    key: str
    """Stable id, e.g. summary, groups, indicators, findings."""
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    empty: str = ""
    """What to say when there are no rows."""
    signed: tuple[int, ...] = ()
    """Columns holding changes, shown with a sign (+12,50)."""
    lead: str = ""
    """A sentence introducing the table."""
    percent: tuple[int, ...] = ()
    """Columns holding percentages (0–100): a spreadsheet stores them as fractions shown as %."""

    def numeric(self, column: int) -> bool:
        values = [row[column] for row in self.rows if row[column] not in (None, "")]
        return bool(values) and all(isinstance(v, int | float) for v in values)


def cell_text(value: Cell, lang: Lang, *, signed: bool = False) -> str:
    """A cell as people read it: 588,40 / 1.234 in Indonesian, 588.40 / 1,234 in English."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        text = fmt_num(value, lang, 0)
    elif isinstance(value, float):
        text = fmt_points(value, lang)
    else:
        return value
    return f"+{text}" if signed and value > 0 else text
