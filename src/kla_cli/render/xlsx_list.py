"""A list people work in, as an .xlsx sheet: a title, a summary block whose predikat cells carry
the tier colours, then one table with a coloured header row, filters, the header frozen and
repeated on every printed page, A4 landscape one page wide. Used by the plan (`kla gap -o
rencana.xlsx`) and the province ranking (`kla batch -o provinsi.xlsx`).

Numbers stay numbers (points `#,##0.00`, shown 1.000,00 in an Indonesian locale, as in the report
and the recap); every text goes through `safe_cells.put` (a string cell), since names come from workbooks.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kla_cli.i18n.messages import Lang
from kla_cli.render.tier_colours import TierColour
from kla_cli.workbook.print_setup import COUNT_FORMAT, POINTS_FORMAT, describe, print_a4
from kla_cli.workbook.safe_cells import put as put_text

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = "1F4E79"
"""The forms' header colour: the documents kla writes look like one family."""
INPUT_FILL = "FFF9C4"
"""Cells left for people to fill in (the forms' yellow)."""

Kind = Literal["text", "wrap", "points", "count", "input"]
Value = str | int | float | None


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    kind: Kind = "text"


@dataclass(frozen=True)
class Line:
    """One line of the summary block: a label, a value, and optionally a predikat badge."""

    label: str
    value: Value
    badge: str = ""
    colour: TierColour | None = None


@dataclass
class ListSheet:
    title: str
    sheet: str
    """The sheet's tab name (at most 31 characters)."""
    columns: Sequence[Column]
    rows: Sequence[Sequence[Value]]
    lines: Sequence[Line] = ()
    colours: Sequence[dict[int, TierColour]] = field(default_factory=list)
    """Per row: column index -> the tier colour of that cell (the predikat)."""
    choices: Sequence[str] = ()
    """A dropdown offered on every "input" column (any other text is accepted too)."""
    notes: Sequence[str] = ()
    """Lines printed below the table (a legend)."""
    subject: str = ""
    page_header: str = ""


def _span(ws: Worksheet, row: int, first: int, widths: Sequence[float], need: float) -> int:
    """Merge columns from `first` on until they are `need` wide; return the next column."""
    last, total = first, widths[first - 1]
    while total < need and last < len(widths):
        last += 1
        total += widths[last - 1]
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    return last + 1


def _fill(cell: Cell, colour: TierColour) -> None:
    from openpyxl.styles import Font, PatternFill

    cell.fill = PatternFill("solid", fgColor=colour.background)
    cell.font = Font(bold=True, color=colour.text)


def _put(ws: Worksheet, row: int, column: int, value: Value, kind: Kind) -> Cell:
    from openpyxl.styles import Alignment

    cell = put_text(ws, row, column, value)
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number:
        whole = kind == "count" or (isinstance(value, int) and kind != "points")
        cell.number_format = COUNT_FORMAT if whole else POINTS_FORMAT
    cell.alignment = Alignment(
        vertical="top",
        wrap_text=kind in ("wrap", "input"),
        horizontal="right" if number else None,
        indent=1 if number else 0,  # a number never touches the text beside it
    )
    return cell


def _summary(ws: Worksheet, spec: ListSheet, widths: Sequence[float]) -> int:
    """The title and the summary block; return the row of the table's header."""
    from openpyxl.styles import Font

    put_text(ws, 1, 1, spec.title).font = Font(bold=True, size=14)
    row = 3
    for line in spec.lines:
        put_text(ws, row, 1, line.label).font = Font(bold=True)
        value_at = _span(ws, row, 1, widths, 24)
        if value_at > len(widths):
            break
        _put(ws, row, value_at, line.value, "points")
        badge_at = _span(ws, row, value_at, widths, 12)
        if line.badge and badge_at <= len(widths):
            cell = put_text(ws, row, badge_at, line.badge)
            _span(ws, row, badge_at, widths, 16)
            if line.colour is not None:
                _fill(cell, line.colour)
        row += 1
    return row + 1 if spec.lines else 3


def list_workbook(spec: ListSheet, lang: Lang) -> bytes:
    """The sheet as an .xlsx file's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from kla_cli.workbook.row_heights import fit_wrapped_rows

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = spec.sheet[:31]
    widths = [column.width for column in spec.columns]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    header = _summary(ws, spec, widths)
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for i, column in enumerate(spec.columns, start=1):
        cell = ws.cell(header, i, column.header)  # kla's own text: `+Nilai` stays as it is
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = border
    inputs = PatternFill("solid", fgColor=INPUT_FILL)
    for offset, values in enumerate(spec.rows, start=1):
        colours = spec.colours[offset - 1] if offset <= len(spec.colours) else {}
        for i, (column, value) in enumerate(zip(spec.columns, values, strict=True), start=1):
            cell = _put(ws, header + offset, i, value, column.kind)
            cell.border = border
            if column.kind == "input":
                cell.fill = inputs
            if i - 1 in colours:
                _fill(cell, colours[i - 1])
    last_row = header + len(spec.rows)
    last_column = get_column_letter(len(spec.columns))
    ws.auto_filter.ref = f"A{header}:{last_column}{last_row}"
    ws.freeze_panes = f"A{header + 1}"
    inputs_at = [i for i, c in enumerate(spec.columns, start=1) if c.kind == "input"]
    if spec.choices and inputs_at and spec.rows:
        listed = ",".join(spec.choices)
        dv = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
        dv.showErrorMessage = False  # a suggestion: any other status may be typed
        ws.add_data_validation(dv)
        for i in inputs_at:
            letter = get_column_letter(i)
            dv.add(f"{letter}{header + 1}:{letter}{last_row}")
    for offset, note in enumerate(spec.notes, start=2):
        put_text(ws, last_row + offset, 1, note).font = Font(italic=True, color="52606D")
    print_a4(
        ws,
        lang=lang,
        landscape=True,
        title_rows=f"{header}:{header}",
        header=spec.page_header,
    )
    describe(book, title=spec.title, subject=spec.subject)
    fit_wrapped_rows(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
