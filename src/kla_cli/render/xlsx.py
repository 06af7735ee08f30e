"""Excel writers: the report and the history as .xlsx bytes (openpyxl), written by the caller.

What makes them pleasant in Excel and LibreOffice: numbers are real numbers with the format
`#,##0.00` (shown as 588,40 in an Indonesian locale), columns sized to their content, the header
row frozen, A4 print setup fitting the width, and native charts that stay editable. Every text is
passed through `safe_cell`, since region names, file names and messages come from workbooks.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kla_cli import __version__
from kla_cli.core.history import History, story
from kla_cli.core.report_model import Report
from kla_cli.i18n.messages import Lang, t
from kla_cli.render.history_layout import history_table
from kla_cli.render.report_layout import (
    findings_table,
    groups_table,
    heading,
    indicators_table,
    ladder_table,
    notes,
    plan_table,
    summary_table,
)
from kla_cli.render.tables import Cell, Table, cell_text
from kla_cli.workbook.safe_cells import safe_cell

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

POINTS = "#,##0.00"
COUNT = "#,##0"
PERCENT = "0.00%"
MAX_WIDTH = 60
HEADER_FILL = "DDE5F0"


def _value(value: Cell) -> str | float | int | None:
    return str(safe_cell(value)) if isinstance(value, str) else value


def _put(ws: Worksheet, row: int, column: int, value: Cell, *, percent: bool = False) -> None:
    """A number stays a number: points as #,##0.00, counts as #,##0, a percentage as a fraction
    shown 0.00%, and a text of digits only (a year such as 2025) as a whole number."""
    if isinstance(value, str) and value.isdigit() and len(value) <= 9 and value[0] != "0":
        ws.cell(row=row, column=column, value=int(value)).number_format = "0"
        return
    if percent and isinstance(value, int | float) and not isinstance(value, bool):
        ws.cell(row=row, column=column, value=value / 100).number_format = PERCENT
        return
    cell = ws.cell(row=row, column=column, value=_value(value))
    if isinstance(value, float):
        cell.number_format = POINTS
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = COUNT


def _put_header(ws: Worksheet, row: int, headers: Sequence[str]) -> None:
    from openpyxl.styles import Border, Font, PatternFill, Side

    font = Font(bold=True)  # one of each for the row: openpyxl stores a style once anyway
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    border = Border(bottom=Side(style="thin"))
    for column, text in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=column, value=_value(text))
        cell.font = font
        cell.fill = fill
        cell.border = border


def _put_rows(ws: Worksheet, table: Table, row: int, lang: Lang) -> int:
    """Write the header at `row` and the rows below it; return the next free row."""
    from openpyxl.styles import Alignment

    _put_header(ws, row, table.headers)
    for column in range(len(table.headers)):
        if table.rows and table.numeric(column):  # a number's header sits above it, right
            ws.cell(row=row, column=column + 1).alignment = Alignment(horizontal="right")
    for offset, values in enumerate(table.rows, start=1):
        for column, value in enumerate(values, start=1):
            _put(ws, row + offset, column, value, percent=column - 1 in table.percent)
    if not table.rows and table.empty:
        ws.cell(row=row + 1, column=1, value=_value(table.empty))
        return row + 2
    return row + len(table.rows) + 1


def _title(ws: Worksheet, row: int, text: str, size: int = 12) -> None:
    from openpyxl.styles import Font

    ws.cell(row=row, column=1, value=_value(text)).font = Font(bold=True, size=size)


def _size_columns(ws: Worksheet, tables: Sequence[Table], lang: Lang, skip_first: int = 0) -> None:
    """Width from the longest text of each column (capped, then wrapped)."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for table in tables:
        for column, header in enumerate(table.headers, start=1):
            widths[column] = max(widths.get(column, 0), len(header))
        for values in table.rows:
            for column, value in enumerate(values, start=1):
                widths[column] = max(widths.get(column, 0), len(cell_text(value, lang)))
    for column, width in widths.items():
        letter = get_column_letter(column)
        ws.column_dimensions[letter].width = min(MAX_WIDTH, width + 3)
        if width + 3 > MAX_WIDTH:
            wrapped = Alignment(wrap_text=True, vertical="top")
            for (cell,) in ws.iter_rows(min_row=skip_first + 1, min_col=column, max_col=column):
                cell.alignment = wrapped


def _print_setup(ws: Worksheet, *, landscape: bool, title_rows: str | None = "1:1") -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    if title_rows:
        ws.print_title_rows = title_rows


def _table_sheet(book: Workbook, table: Table, lang: Lang, *, landscape: bool) -> Worksheet:
    ws: Worksheet = book.create_sheet(_sheet_name(table.title))
    after = _put_rows(ws, table, 1, lang)
    if table.lead:
        ws.cell(row=after + 1, column=1, value=_value(table.lead))
    ws.freeze_panes = "A2"
    _size_columns(ws, [table], lang)
    _print_setup(ws, landscape=landscape)
    return ws


def _sheet_name(title: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title).strip()
    return cleaned[:31] or "Sheet"


def _bar_chart(
    ws: Worksheet,
    *,
    title: str,
    y_title: str,
    categories: tuple[int, int, int],
    series: Sequence[int],
    anchor: str,
) -> None:
    """A clustered column chart of `series` columns over rows `categories` = (col, first, last)."""
    from openpyxl.chart import BarChart, Reference

    column, first, last = categories
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = title
    chart.y_axis.title = y_title
    chart.y_axis.numFmt = COUNT
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.height = 9
    chart.width = 18
    chart.legend.position = "b"
    for data_column in series:
        data = Reference(ws, min_col=data_column, min_row=first - 1, max_row=last)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=column, min_row=first, max_row=last))
    ws.add_chart(chart, anchor)


def _align(book: Workbook) -> None:
    """Every cell aligned to the top, so that a wrapped text and the single-line cells beside
    it start on the same line (Excel's default is the bottom), and padded by one indent from
    its neighbour (a right-aligned number would otherwise touch the text after it)."""
    from openpyxl.styles import Alignment

    # One Alignment per (horizontal, wrap) for the whole book: building one per cell was a
    # large part of a long report's time (openpyxl stores each distinct style once anyway).
    shared: dict[tuple[str | None, bool | None], Alignment] = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                old = cell.alignment
                number = isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
                key = ("right" if number else old.horizontal, old.wrap_text)
                aligned = shared.get(key)
                if aligned is None:
                    aligned = shared[key] = Alignment(
                        horizontal=key[0], vertical="top", wrap_text=key[1], indent=1
                    )
                cell.alignment = aligned


def _to_bytes(book: Workbook) -> bytes:
    from kla_cli.workbook.row_heights import fit_wrapped_rows

    _align(book)
    fit_wrapped_rows(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _new_book(title: str) -> Workbook:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    book.properties.title = title
    book.properties.creator = f"kla-cli {__version__}"
    return book


def _summary_sheet(book: Workbook, report: Report, lang: Lang) -> None:
    from openpyxl.styles import Font

    summary = summary_table(report, lang)
    ladder = ladder_table(report, lang)
    ws = book.create_sheet(_sheet_name(summary.title))
    _title(ws, 1, heading(report, lang), size=14)
    row = 3
    for label, value in summary.rows:
        _put(ws, row, 1, label)
        ws.cell(row=row, column=1).font = Font(bold=True)
        _put(ws, row, 2, value)
        row += 1
    row += 1
    _title(ws, row, ladder.title)
    row = _put_rows(ws, ladder, row + 1, lang) + 1
    extra = notes(report, lang)
    if extra:
        _title(ws, row, t("report.notes", lang))
        for offset, note in enumerate(extra, start=1):
            ws.cell(row=row + offset, column=1, value=_value(note))
        row += len(extra) + 2
    ws.cell(row=row, column=1, value=_value(t("report.made_by", lang, version=__version__)))
    ws.freeze_panes = "A2"
    _size_columns(ws, [ladder, Table("", "", ("", ""), summary.rows)], lang)
    _print_setup(ws, landscape=False, title_rows=None)


def report_workbook(report: Report, lang: Lang) -> bytes:
    """The report as an .xlsx file's bytes."""
    book = _new_book(heading(report, lang))
    _summary_sheet(book, report, lang)

    groups = groups_table(report, lang)
    ws = _table_sheet(book, groups, lang, landscape=True)
    count = len(report.groups)
    _bar_chart(
        ws,
        title=t("report.chart.groups", lang),
        y_title=t("score.points", lang),
        categories=(1, 2, count + 1),  # the total row is left out of the chart
        series=(3, 4, 5, 6) if report.verified else (3, 4, 5),
        anchor=f"A{count + 5}",
    )
    _table_sheet(book, indicators_table(report, lang), lang, landscape=True)
    _table_sheet(book, plan_table(report, lang), lang, landscape=True)
    _table_sheet(book, findings_table(report, lang), lang, landscape=True)
    return _to_bytes(book)


def history_workbook(history: History, lang: Lang) -> bytes:
    """The history as an .xlsx file's bytes: the year table, the story and a chart."""
    table = history_table(history, lang)
    book = _new_book(table.title)
    ws = _table_sheet(book, table, lang, landscape=True)
    last = len(history.years) + 1
    ws.cell(
        row=last + 2, column=1, value=_value(f"{t('history.story', lang)}: {story(history, lang)}")
    )
    _bar_chart(
        ws,
        title=t("history.chart", lang),
        y_title=t("score.total", lang),
        categories=(1, 2, last),
        series=(2, 3),
        anchor=f"A{last + 4}",
    )
    return _to_bytes(book)
