"""Print setup for every sheet kla writes: A4, one page wide, header rows repeated on every page,
and a footer with the page number ("Halaman &P dari &N"), so a sheet prints as people expect from
Excel and LibreOffice alike. One place, so forms, the inventory, the recap and reports agree;
and the document properties (title, subject, creator) of every workbook kla writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kla_cli import __version__
from kla_cli.i18n.display import document_text
from kla_cli.i18n.messages import Lang, t

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


def print_a4(
    ws: Worksheet,
    *,
    lang: Lang,
    landscape: bool = False,
    title_rows: str | None = None,
    title_cols: str | None = None,
    header: str = "",
) -> None:
    """Set `ws` to print on A4 (portrait unless `landscape`), fitted to one page wide and as many
    pages tall as needed; `title_rows` (e.g. "5:5") and `title_cols` ("A:B") repeat on every page;
    `header` (e.g. the region's name) is printed at the top left of every page, and the page number
    at the bottom right."""
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
    if title_cols:
        ws.print_title_cols = title_cols
    page_header, page_footer = ws.oddHeader, ws.oddFooter
    assert page_header is not None and page_footer is not None  # openpyxl always makes both
    if header:
        page_header.left.text = " ".join(document_text(header).split()).replace("&", "&&")
        page_header.left.size = 9
    page_footer.right.text = t("print.page_of", lang, page="&P", pages="&N")
    page_footer.right.size = 9


PORTRAIT_TEXT_WIDTH = 88
"""The width (in Excel units, characters of the default font) of text that prints on A4 portrait
at 100 % in Excel: about 470 of the 523 points between the margins."""


def describe(book: Workbook, *, title: str, subject: str = "") -> None:
    """The document properties every workbook kla writes carries (File > Properties): its title
    and subject, and kla as its creator (openpyxl would name itself)."""
    book.properties.title = document_text(title)
    book.properties.subject = document_text(subject) or None
    book.properties.creator = f"kla-cli {__version__}"
    book.properties.lastModifiedBy = f"kla-cli {__version__}"


POINTS_FORMAT = "#,##0.00"
"""Points in every sheet kla writes, as in the report: 1.000,00 in an Indonesian locale."""
COUNT_FORMAT = "#,##0"
"""Counts (items, files, findings)."""
