"""Excel writers' toolkit (cells, tables, charts, a book's bytes) and the history workbook; the
report's workbook is `report_xlsx`.

What makes them pleasant in Excel and LibreOffice: numbers are real numbers with the format
`#,##0.00` (shown as 588,40 in an Indonesian locale), columns sized to fit A4, the header row
frozen and repeated on every printed page, and native charts that stay editable. Every text is
written through `safe_cells.put` (a string cell, never a formula, without control characters),
since region names, file names and messages come from workbooks.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from kla_cli.core.history import History, story
from kla_cli.i18n.messages import Lang, t
from kla_cli.render.history_layout import history_table
from kla_cli.render.tables import Cell, Table, column_widths
from kla_cli.workbook.print_setup import describe, print_a4
from kla_cli.workbook.safe_cells import put as put_text

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

POINTS = "#,##0.00"
COUNT = "#,##0"
PERCENT = "0.00%"
HEADER_FILL = "DDE5F0"
PAGE_WIDTH = 100
"""Characters (column width units) that fit A4 portrait at a readable scale."""


def put(ws: Worksheet, row: int, column: int, value: Cell, *, percent: bool = False) -> None:
    """A number stays a number: points as #,##0.00, counts as #,##0, a percentage as a fraction
    shown 0.00%, and a text of digits only (a year such as 2025) as a whole number."""
    if isinstance(value, str) and value.isdigit() and len(value) <= 9 and value[0] != "0":
        ws.cell(row=row, column=column, value=int(value)).number_format = "0"
        return
    if percent and isinstance(value, int | float) and not isinstance(value, bool):
        ws.cell(row=row, column=column, value=value / 100).number_format = PERCENT
        return
    cell = put_text(ws, row, column, value)
    if isinstance(value, float):
        cell.number_format = POINTS
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = COUNT


def put_header(ws: Worksheet, row: int, headers: Sequence[str], first: int = 1) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    font = Font(bold=True)  # one of each for the row: openpyxl stores a style once anyway
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    border = Border(bottom=Side(style="thin"))
    aligned = Alignment(wrap_text=True, vertical="top")
    for column, text in enumerate(headers, start=first):
        cell = put_text(ws, row, column, text)
        cell.font = font
        cell.fill = fill
        cell.border = border
        cell.alignment = aligned


def put_rows(ws: Worksheet, table: Table, row: int, lang: Lang) -> int:
    """Write the header at `row` and the rows below it; return the next free row."""
    from openpyxl.styles import Alignment

    put_header(ws, row, table.headers)
    for column in range(len(table.headers)):
        if table.rows and table.numeric(column):  # a number's header sits above it, right
            ws.cell(row=row, column=column + 1).alignment = Alignment(
                horizontal="right", wrap_text=True
            )
    for offset, values in enumerate(table.rows, start=1):
        for column, value in enumerate(values, start=1):
            put(ws, row + offset, column, value, percent=column - 1 in table.percent)
            if isinstance(value, str) and not value.isdigit():
                ws.cell(row=row + offset, column=column).alignment = Alignment(wrap_text=True)
    if not table.rows and table.empty:
        put_text(ws, row + 1, 1, table.empty)
        return row + 2
    return row + len(table.rows) + 1


def title(ws: Worksheet, row: int, text: str, size: int = 12) -> None:
    from openpyxl.styles import Font

    put_text(ws, row, 1, text).font = Font(bold=True, size=size)


def size_columns(ws: Worksheet, table: Table, lang: Lang) -> None:
    """Widths that fit A4 portrait (`tables.column_widths`); long texts wrap."""
    from openpyxl.utils import get_column_letter

    for column, width in enumerate(column_widths(table, lang, PAGE_WIDTH), start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def table_sheet(
    book: Workbook, table: Table, lang: Lang, *, header: str = "", landscape: bool = False
) -> Worksheet:
    ws: Worksheet = book.create_sheet(sheet_name(table.title))
    after = put_rows(ws, table, 1, lang)
    if table.lead:
        put_text(ws, after + 1, 1, table.lead)
    ws.freeze_panes = "A2"
    size_columns(ws, table, lang)
    print_a4(ws, lang=lang, landscape=landscape, title_rows="1:1", header=header)
    return ws


def sheet_name(text: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in text).strip()
    return cleaned[:31] or "Sheet"


def bar_chart(
    ws: Worksheet,
    *,
    chart_title: str,
    y_title: str,
    categories: tuple[int, int, int],
    series: Sequence[int],
    anchor: str,
    percent: bool = False,
    horizontal: bool = False,
    size: tuple[float, float] = (18.0, 9.0),
    colours: Sequence[str] = (),
) -> None:
    """A clustered bar chart of `series` columns over rows `categories` = (col, first, last);
    with `percent` the axis runs from 0 to 100 %, so every bar is a share of its own maximum."""
    from openpyxl.chart import BarChart, Reference

    column, first, last = categories
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.grouping = "clustered"
    chart.title = chart_title
    chart.y_axis.title = y_title
    chart.y_axis.numFmt = "0%" if percent else COUNT
    if percent:
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        chart.y_axis.majorUnit = 0.25
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.x_axis.tickLblSkip = 1  # every category named, not every other one
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top, as in the table
    chart.width, chart.height = size  # type: ignore[assignment]  # openpyxl stubs say int
    chart.legend.position = "b"
    for data_column in series:
        data = Reference(ws, min_col=data_column, min_row=first - 1, max_row=last)
        chart.add_data(data, titles_from_data=True)
    for each, colour in zip(chart.series, colours, strict=False):
        each.graphicalProperties.solidFill = colour
        each.graphicalProperties.line.solidFill = colour
    chart.set_categories(Reference(ws, min_col=column, min_row=first, max_row=last))
    ws.add_chart(chart, anchor)


def _align(book: Workbook) -> None:
    """Every cell aligned to the top, so that a wrapped text and the single-line cells beside
    it start on the same line (Excel's default is the bottom), and padded by one indent from
    its neighbour (a right-aligned number would otherwise touch the text after it)."""
    from openpyxl.styles import Alignment

    # One Alignment per (horizontal, vertical, wrap, indent) for the whole book: building one per cell was a
    # large part of a long report's time (openpyxl stores each distinct style once anyway).
    shared: dict[tuple[str | None, str | None, bool | None, int], Alignment] = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                old = cell.alignment
                number = isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
                key = (
                    old.horizontal or ("right" if number else None),
                    old.vertical if old.vertical == "center" else "top",
                    old.wrap_text,
                    0 if old.horizontal == "center" else 1,
                )
                aligned = shared.get(key)
                if aligned is None:
                    aligned = shared[key] = Alignment(
                        horizontal=key[0], vertical=key[1], wrap_text=key[2], indent=key[3]
                    )
                cell.alignment = aligned


def to_bytes(book: Workbook, printed: datetime | None = None) -> bytes:
    """The book's bytes; with `printed`, the same bytes for the same content (the document's
    dates and the zip's timestamps are `printed`, not the time of writing)."""
    from kla_cli.workbook.reproducible import fixed_dates
    from kla_cli.workbook.row_heights import fit_wrapped_rows

    _align(book)
    fit_wrapped_rows(book)
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    return fixed_dates(data, printed) if printed else data


def new_book(book_title: str, printed: datetime | None = None) -> Workbook:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    describe(book, title=book_title)
    if printed:
        book.properties.created = book.properties.modified = printed
    return book


def history_workbook(history: History, lang: Lang) -> bytes:
    """The history as an .xlsx file's bytes: the year table, the story and a chart."""
    table = history_table(history, lang)
    book = new_book(table.title)
    ws = table_sheet(book, table, lang, landscape=True)
    last = len(history.years) + 1
    put_text(ws, last + 2, 1, f"{t('history.story', lang)}: {story(history, lang)}")
    bar_chart(
        ws,
        chart_title=t("history.chart", lang),
        y_title=t("score.total", lang),
        categories=(1, 2, last),
        series=(2, 3),
        anchor=f"A{last + 4}",
    )
    return to_bytes(book)
