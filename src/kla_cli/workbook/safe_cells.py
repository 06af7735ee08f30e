"""Cell text a spreadsheet opens safely. Text comes from workbooks (region and OPD names,
answers, evidence, notes, file names) and from rubrics, so it may begin with a formula character
or hold control characters pasted from Word.

- CSV (`safe_cell`): a CSV cell has no type, so text that Excel or LibreOffice would run as a
  formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading apostrophe.
- Excel (`put`): the cell is stored as an explicit string cell, which Excel and LibreOffice
  show as text and never evaluate, so a re-read gives the original text exactly; control
  characters that XML cannot hold (openpyxl refuses them) become a line break (vertical tab and
  form feed: Word's manual line and page breaks) or are dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

from kla_cli.i18n.display import document_text

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

_T = TypeVar("_T")

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@overload
def safe_cell(value: str) -> str: ...
@overload
def safe_cell(value: _T) -> _T | str: ...
def safe_cell(value: object) -> object:
    """A CSV cell: text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
    leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def put(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write `value` at (row, column): text as a string cell (never a formula, whatever it
    starts with), without control characters; numbers and None as they are."""
    cell = cast("Cell", ws.cell(row, column))  # a fresh sheet: never a merged cell
    if isinstance(value, str):
        cell.value = document_text(value)
        cell.data_type = "s"  # openpyxl makes '=…' a formula
    else:
        cell.value = value
    return cell
