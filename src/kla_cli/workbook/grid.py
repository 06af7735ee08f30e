"""The `Grid`: one sheet's cells as a reader gave them, 1-based, plus the format facts
(percent cells, uncached formulas, merged ranges) and A1 column letters.

Its own module because every layer of reading shares it: the readers fill it (`books`), the
xlsx format facts are added to it (`xlsx_facts`) and the header scan reads it (`sheet`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from kla_cli.core.answer_types import CellValue

UNREAD_FROM_ROW = 10
"""The first row from which a grid may lack the cells of its `unread` columns: every row above
it is whole, so a header and metadata found there read as in the whole sheet."""


class PartialGrid(Exception):
    """The grid lacks cells the reading needs (`Grid.unread`): read the sheet whole."""


@dataclass
class Grid:
    """The cells of one sheet, 1-based, plus format facts.

    The cells are kept as the reader's rows (`rows[r - 1][c - 1]`, '' or None when empty) and
    converted only when looked at (`get`): the batch reads tens of thousands of sheets,
    and most of a sheet's cells (questions, hints) are never needed.
    """

    rows: list[Sequence[object]] = field(default_factory=list)
    percent: set[tuple[int, int]] = field(default_factory=set)
    """Cells with a percent number format."""
    formulas: set[tuple[int, int]] = field(default_factory=set)
    """Cells holding a formula whose cached value is missing."""
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as (first row, first column, last row, last column)."""
    unread: frozenset[int] = frozenset()
    """Columns whose cells from row UNREAD_FROM_ROW down the reader was not given (a form's
    question texts, left out of what calamine reads: `xlsx_facts.calamine_bytes`); a reading
    that needs one of them raises `PartialGrid`."""
    _merge_index: dict[int, _ColumnMerges] = field(default_factory=dict, repr=False, compare=False)

    def get(self, row: int, col: int) -> CellValue:
        rows = self.rows
        return cell_at(rows[row - 1], col) if row <= len(rows) else None

    def merged_over(self, row: int, col: int) -> str | None:
        """The merged range hiding this cell (one of a merge's cells but its first), e.g. E7:E8;
        the first such range in `merged` when ranges overlap.

        The ranges over a column are indexed the first time the column is asked about (sorted
        by first row, with the running maximum of last rows), so reading a sheet of n rows under
        m merges costs O(m log m + n) rather than n x m."""
        index = self._merge_index.get(col)
        if index is None or index[0] is not self.merged:
            index = self._merge_index[col] = _column_merges(self.merged, col)
        _, starts, ranges, reach = index
        best: int | None = None
        i = bisect_right(starts, row) - 1
        while i >= 0 and reach[i] >= row:
            order, r0, c0, r1 = ranges[i]
            if r1 >= row and (row, col) != (r0, c0) and (best is None or order < best):
                best = order
            i -= 1
        if best is None:
            return None
        r0, c0, r1, c1 = self.merged[best]
        return f"{col_letter(c0)}{r0}:{col_letter(c1)}{r1}"

    def put(self, row: int, col: int, value: CellValue) -> None:
        rows = self.rows
        if len(rows) < row:
            rows.extend([()] * (row - len(rows)))
        cells = rows[row - 1]
        if not isinstance(cells, list):
            cells = rows[row - 1] = list(cells)
        if len(cells) < col:
            cells.extend([None] * (col - len(cells)))
        cells[col - 1] = value

    @property
    def values(self) -> dict[tuple[int, int], CellValue]:
        """Every non-empty cell by (row, column)."""
        return {
            (r, c): self.get(r, c)
            for r, row in enumerate(self.rows, start=1)
            for c, raw in enumerate(row, start=1)
            if raw != "" and raw is not None
        }

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[object]]) -> Grid:
        """From rows of values starting at A1 (as calamine gives them); '' is an empty cell."""
        return cls(rows if isinstance(rows, list) else list(rows))


_ColumnMerges = tuple[
    list[tuple[int, int, int, int]], list[int], list[tuple[int, int, int, int]], list[int]
]
"""For one column: the `merged` list it was built from, the first rows of the ranges over the
column (sorted), the ranges as (position in `merged`, first row, first column, last row), and
the running maximum of their last rows."""


def _column_merges(merged: list[tuple[int, int, int, int]], col: int) -> _ColumnMerges:
    over = sorted(
        (r0, order, c0, r1) for order, (r0, c0, r1, c1) in enumerate(merged) if c0 <= col <= c1
    )
    reach: list[int] = []
    furthest = 0
    for _, _, _, r1 in over:
        furthest = max(furthest, r1)
        reach.append(furthest)
    ranges = [(order, r0, c0, r1) for r0, order, c0, r1 in over]
    return merged, [r0 for r0, *_ in over], ranges, reach


_PLAIN_TYPES = frozenset({str, float, int, bool})


def cell_at(cells: Sequence[object], col: int) -> CellValue:
    """Column `col` (1-based) of one of a grid's rows as a cell value (None when empty): what
    `Grid.get` gives, for a scan that walks the rows itself."""
    if col > len(cells):
        return None
    raw = cells[col - 1]
    if raw == "" or raw is None:
        return None
    return raw if type(raw) in _PLAIN_TYPES else cell_value(raw)  # type: ignore[return-value]


def cell_value(value: object) -> CellValue:
    """Calamine's values in the types openpyxl gives (dates as datetimes, durations as days)."""
    if isinstance(value, str | bool | int | float | datetime | time):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, timedelta):
        return value.total_seconds() / 86400
    return str(value)


def col_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def shows_as_percent(code: str) -> bool:
    """Whether a number format shows a number times 100: an unquoted, unescaped `%`. A literal
    percent sign (`0.0"%"`, `0.0\\%`) or one inside `[...]` does not scale: a cell showing 0,5%
    that way holds 0,5, not 0,005. XML entities (`&quot;`) are read as the characters they are."""
    from html import unescape

    code = unescape(code)
    i = 0
    while i < len(code):
        char = code[i]
        if char == "\\":  # the next character is shown as it is
            i += 2
        elif char in '"[':
            close = code.find('"' if char == '"' else "]", i + 1)
            i = close + 1 if close >= 0 else len(code)
        elif char == "%":
            return True
        else:
            i += 1
    return False
