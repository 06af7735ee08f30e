"""The report as an Excel workbook: a first page for the bupati, then one sheet per table.

Every sheet prints on A4 portrait, one page wide, with the region at the top of every page, the
date printed and "Halaman N dari M" at the bottom; the last page ends with the signature block.
Charts are native (editable) and in percent of each group's or indicator's maximum.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kla_cli import __version__
from kla_cli.core.report_model import Report
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.report_front import (
    STAGE_COLOURS,
    Front,
    build_front,
    page_header,
    printed_line,
    signature_lines,
)
from kla_cli.render.report_layout import (
    findings_table,
    groups_table,
    indicators_table,
    ladder_table,
    legend_table,
    notes,
    plan_table,
    stage_labels,
    summary_table,
)
from kla_cli.render.tables import Cell, Table
from kla_cli.render.tier_colours import TierColour
from kla_cli.render.xlsx import (
    bar_chart,
    new_book,
    put,
    sheet_name,
    table_sheet,
    title,
    to_bytes,
)
from kla_cli.workbook.print_setup import print_a4
from kla_cli.workbook.row_heights import LINE_HEIGHT, text_lines
from kla_cli.workbook.safe_cells import put as put_text

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.worksheet import Worksheet

FRONT_WIDTHS = (22, 11, 11, 11, 11, 11, 11, 11)
"""The first page's grid (A–H): 99 characters, A4 portrait."""
Span = tuple[int, int]
SIGNED = "+#,##0.00;-#,##0.00;0.00"


def _fill(colour: TierColour) -> tuple[PatternFill, Font]:
    from openpyxl.styles import Font, PatternFill

    return PatternFill("solid", fgColor=colour.background), Font(bold=True, color=colour.text)


class _Grid:
    """Writes texts and numbers into merged spans of the first page's grid and remembers how
    tall each row must be for its wrapped texts."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.lines: dict[int, int] = {}

    def put(self, row: int, span: Span, value: Cell, **style: object) -> None:
        from openpyxl.styles import Alignment

        first, last = span
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        put(self.ws, row, first, value, percent=bool(style.pop("percent", False)))
        cell = self.ws.cell(row=row, column=first)
        cell.alignment = Alignment(
            wrap_text=True,
            vertical="top",
            horizontal=style.pop("horizontal", None),
        )
        for name, value_ in style.items():
            setattr(cell, name, value_)
        if isinstance(value, str):
            width = sum(FRONT_WIDTHS[first - 1 : last])
            self.lines[row] = max(self.lines.get(row, 1), text_lines(value, width))

    def table(
        self, row: int, table: Table, spans: Sequence[Span | None], lang: Lang, size: int = 11
    ) -> int:
        """`table` with its column c in `spans[c]` (None: left out); the next free row."""
        from openpyxl.styles import Font

        title(self.ws, row, table.title)
        row += 1
        if table.lead:
            self.put(row, (1, 8), table.lead)
            row += 1
        if not table.rows:
            self.put(row, (1, 8), table.empty or "-")
            return row + 2
        for c, span in enumerate(spans):
            if span:
                self.put(row, span, table.headers[c], font=Font(bold=True, size=size))
        self._shade(row)
        for values in table.rows:
            row += 1
            for c, span in enumerate(spans):
                if span:
                    self.put(row, span, values[c], percent=c in table.percent)
                    if c in table.signed:
                        self.ws.cell(row=row, column=span[0]).number_format = SIGNED
        return row + 2

    def _shade(self, row: int) -> None:
        from openpyxl.styles import PatternFill

        for column in range(1, 9):
            self.ws.cell(row=row, column=column).fill = PatternFill("solid", fgColor="DDE5F0")

    def fit(self) -> None:
        for row, lines in self.lines.items():
            if lines > 1:
                self.ws.row_dimensions[row].height = LINE_HEIGHT * min(lines, 12)


def _front_sheet(book: Workbook, report: Report, front: Front, lang: Lang) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    summary = summary_table(report, lang)
    ws = book.create_sheet(sheet_name(summary.title))
    for column, width in enumerate(FRONT_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    grid = _Grid(ws)
    grid.put(1, (1, 8), front.title, font=Font(bold=True, size=16))
    grid.put(2, (1, 8), printed_line(report, lang), font=Font(italic=True, color="52606D"))
    fill, _ = _fill(front.colour)
    ws.merge_cells("A4:A5")
    badge = put_text(ws, 4, 1, front.badge)
    badge.fill = fill
    badge.font = Font(bold=True, size=16, color=front.colour.text)
    from openpyxl.styles import Alignment

    badge.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[4].height = ws.row_dimensions[5].height = 24
    grid.put(4, (2, 8), front.badge_label, font=Font(bold=True, size=12))
    grid.put(5, (2, 8), f"{front.headline}. {front.next_line}")
    row = 7
    for label, value in summary.rows:
        grid.put(row, (1, 1), label, font=Font(bold=True))
        grid.put(row, (2, 8), value, horizontal="left")
        row += 1
    row = grid.table(row + 1, front.stages, [(1, 2), (3, 4), (5, 8)], lang)
    for offset, colour in enumerate(front.stage_colours):
        cell = ws.cell(row=row - 2 - len(front.stage_colours) + 1 + offset, column=5)
        cell.fill, cell.font = _fill(colour)
    row = _ladder(grid, row, front, lang)
    ladder = ladder_table(report, lang)
    spans = [(1, 1), (2, 2), (3, 4), (5, 6), (7, 8)] if report.verified else None
    row = grid.table(row, ladder, spans or [(1, 1), (2, 3), (4, 5), (6, 8)], lang)
    row = grid.table(row, front.gaps, [(1, 3), (4, 4), (5, 5), (6, 6), (7, 7)], lang)
    row = grid.table(row, front.actions, [None, (1, 1), (2, 5), (6, 7), (8, 8)], lang)
    extra = notes(report, lang)
    if extra:
        title(ws, row, t("report.notes", lang))
        for note in extra:
            row += 1
            grid.put(row, (1, 8), note)
        row += 2
    grid.put(row, (1, 8), t("report.made_by", lang, version=__version__))
    grid.fit()
    print_a4(ws, lang=lang, header=page_header(report, lang))
    _date_in_header(ws, report, lang)


def _ladder(grid: _Grid, row: int, front: Front, lang: Lang) -> int:
    """One coloured cell per tier (B…), its range below, then where each total stands."""
    from openpyxl.styles import Font

    title(grid.ws, row, t("report.front.ladder", lang))
    row += 1
    grid.put(row, (1, 1), t("score.predicate", lang), font=Font(bold=True))
    grid.put(row + 1, (1, 1), t("report.range", lang), font=Font(bold=True))
    for c, band in enumerate(front.bands, start=2):
        fill, font = _fill(band.colour)
        grid.put(row, (c, c), band.name, fill=fill, font=font, horizontal="center")
        grid.put(
            row + 1,
            (c, c),
            f"{fmt_points(band.low, lang)}–{fmt_points(band.high, lang)}",
            horizontal="center",
        )
    row += 2
    for marker in front.markers:
        grid.put(row, (1, 1), marker.label, font=Font(bold=marker.headline))
        column = 2 + marker.band
        grid.put(
            row,
            (column, column),
            f"▲ {fmt_points(marker.total, lang)}",
            font=Font(bold=marker.headline),
            horizontal="center",
        )
        row += 1
    return row + 1


def _date_in_header(ws: Worksheet, report: Report, lang: Lang) -> None:
    header = ws.oddHeader
    assert header is not None
    header.right.text = printed_line(report, lang)
    header.right.size = 9


def _table_sheet(book: Workbook, table: Table, report: Report, lang: Lang) -> Worksheet:
    ws = table_sheet(book, table, lang, header=page_header(report, lang))
    _date_in_header(ws, report, lang)
    return ws


def _legend(ws: Worksheet, legend: Table) -> None:
    """Below the plan: each OPD's short name and its full name, one line across the page."""
    from openpyxl.styles import Alignment

    if not legend.rows:
        return
    row = ws.max_row + 2
    title(ws, row, legend.title)
    last = max(2, ws.max_column)
    for offset, (short, name) in enumerate(legend.rows, start=1):
        cell = put_text(ws, row + offset, 1, f"{short}: {name}")
        cell.alignment = Alignment(horizontal="left")
        ws.merge_cells(
            start_row=row + offset, start_column=1, end_row=row + offset, end_column=last
        )


def _signature_sheet(book: Workbook, report: Report, front: Front, lang: Lang) -> None:
    """The last page: what is signed for (the region, its predikat and totals) and the
    signature block of the Ketua Gugus Tugas, name and NIP left blank."""
    from openpyxl.styles import Font

    ws = book.create_sheet(sheet_name(t("report.sheet.sign", lang)))
    ws.column_dimensions["A"].width = 50
    ws.column_dimensions["B"].width = 50
    title(ws, 1, front.title, size=14)
    put_text(ws, 3, 1, f"{front.badge_label}: {front.badge}")
    put_text(ws, 4, 1, f"{front.headline}. {front.next_line}")
    for offset, line in enumerate(signature_lines(report, lang)):
        if line:
            cell = put_text(ws, 7 + offset, 2, line)
            cell.font = Font(bold=offset == 1)
    print_a4(ws, lang=lang, header=page_header(report, lang))
    _date_in_header(ws, report, lang)


def report_workbook(report: Report, lang: Lang) -> bytes:
    """The report as an .xlsx file's bytes."""
    front = build_front(report, lang)
    book = new_book(front.title, report.printed)
    _front_sheet(book, report, front, lang)

    groups = groups_table(report, lang)
    ws = _table_sheet(book, groups, report, lang)
    count, stages = len(report.groups), len(stage_labels(report, lang))
    first_share = len(groups.headers) - stages + 1
    bar_chart(
        ws,
        chart_title=t("report.chart.groups", lang),
        y_title="%",
        categories=(1, 2, count + 1),  # the total row is left out of the chart
        series=tuple(range(first_share, first_share + stages)),
        anchor=f"A{count + 5}",
        percent=True,
        horizontal=True,
        size=(17, 10),
        colours=STAGE_COLOURS,
    )
    indicators = indicators_table(report, lang)
    ws = _table_sheet(book, indicators, report, lang)
    for (cell,) in ws.iter_rows(min_row=2, max_col=1):
        cell.value, cell.number_format = str(cell.value), "@"  # 21A beside 20: all texts
    share = indicators.percent[0] + 1
    from openpyxl.worksheet.pagebreak import Break

    ws.row_breaks.append(Break(id=len(report.indicators) + 2))  # the chart on a page of its own
    basis = t(f"report.basis.{report.basis.value}", lang)
    bar_chart(
        ws,
        chart_title=t("report.chart.indicators", lang, basis=basis),
        y_title="%",
        categories=(1, 2, len(report.indicators) + 1),
        series=(share,),
        anchor=f"A{len(report.indicators) + 3}",
        percent=True,
        horizontal=True,
        size=(17, 17),
        colours=STAGE_COLOURS[stages - 1 :],
    )
    ws = _table_sheet(book, plan_table(report, lang), report, lang)
    _legend(ws, legend_table(report, lang))
    _table_sheet(book, findings_table(report, lang), report, lang)
    _signature_sheet(book, report, front, lang)
    return to_bytes(book, report.printed)
