"""Row heights for wrapped text in the workbooks kla writes.

Neither openpyxl nor LibreOffice sizes a row to its wrapped text when opening a file that says
nothing about it, so long questions would print on top of each other. Every writer calls
`fit_wrapped_rows` before saving: each row gets the height of its tallest wrapped cell, estimated
from the column width (one width unit holds about one character of the default 11 pt font).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook

LINE_HEIGHT = 15.0
"""Points per line of 11 pt text."""
MAX_LINES = 20
DEFAULT_WIDTH = 8.43


def text_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a column `width` units wide, wrapping at words (as Excel
    and LibreOffice do: a word that does not fit starts a new line)."""
    per_line = max(1, int(width) - 1)
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0
        for word in part.split():
            if used and used + 1 + len(word) <= per_line:
                used += 1 + len(word)
            elif used:
                lines, used = lines + 1, len(word)
            else:
                used = len(word)
            if used > per_line:  # a word longer than the line breaks inside
                lines += math.ceil(used / per_line) - 1
                used %= per_line
        total += lines
    return total


def fit_wrapped_rows(book: Workbook) -> None:
    from openpyxl.cell.cell import Cell

    for ws in book.worksheets:
        widths = {key: dim.width or DEFAULT_WIDTH for key, dim in ws.column_dimensions.items()}
        merged = {cell for bounds in ws.merged_cells.ranges for cell in bounds.cells}
        for number, row in enumerate(ws.iter_rows(), start=1):
            lines = 1
            for cell in row:
                if (
                    not isinstance(cell, Cell)
                    or cell.value is None
                    or not cell.alignment.wrap_text
                    or (cell.row, cell.column) in merged
                ):
                    continue
                width = widths.get(cell.column_letter, DEFAULT_WIDTH)
                lines = max(lines, text_lines(str(cell.value), width))
            if lines > 1:
                ws.row_dimensions[number].height = LINE_HEIGHT * min(lines, MAX_LINES)
