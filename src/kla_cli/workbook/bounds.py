"""How large a sheet will be once a reader lays it out, told before the reader does it.

python-calamine lays a sheet out as a full rectangle, from A1 to its last cell holding a value:
one value at XFD1048576 in a 10 KB workbook asks for 17 billion cells and aborts the process (a
Rust allocation failure that no `except` can catch), one at XFD8000 takes 5 GB and 20 s, and
1,5 KB of `.ods` repeating a cell takes 3,3 GB. So each sheet's rectangle is bounded *before*
the grid is built, and a sheet over MAX_CELLS is a `too-large` finding naming the file.

Why a scan and not a child process with a memory limit (`resource.setrlimit(RLIMIT_AS)`):
the batch reads tens of thousands of workbooks, and a process per file costs more than reading
the file; an abort in a pool worker would also take its whole chunk of regions with it. The scan
is exact where it matters and costs one regular-expression pass over the sheet part's bytes:

* `.xlsx`: only cells that hold a value count (calamine skips styled empty cells and ignores
  `<dimension>`). A value cell at row <= 9999 and in columns A-Z cannot make the rectangle
  large, so the pattern only matches cells beyond either (`far`), whose references are read
  exactly; the others are bounded by 9999 x 26. A cell without a reference (`r=`) takes its
  place from its row and its neighbours: such (rare) sheets are walked cell by cell.
* `.ods` (`ods_facts`): the repeat counts of rows and cells holding a value, in the one pass
  that also finds the percent cells.
* `.xls` (`biff`): each sheet's DIMENSIONS record and its cells' row and column indexes.
"""

from __future__ import annotations

import re

from kla_cli.workbook.byte_search import contains

MAX_CELLS = 4_000_000
"""Cells of one sheet's rectangle (rows x columns). A form is a few thousand; a region's recap
or 100 000 rows of junk in 26 columns fits; 4 million cells cost calamine about 150 MB."""

NEAR_ROWS, NEAR_COLUMNS = 9999, 26
"""Cells inside A1:Z9999 are not looked at one by one: together they cannot pass MAX_CELLS."""


class SheetTooLarge(Exception):
    """A sheet would span more than MAX_CELLS cells; raised before a reader lays it out."""

    def __init__(self, sheet: str, rows: int, columns: int) -> None:
        super().__init__(f"{sheet}: {rows} x {columns} cells")
        self.sheet, self.rows, self.columns = sheet, rows, columns


def check(sheet: str, rows: int, columns: int) -> None:
    """Raise SheetTooLarge when a `rows` x `columns` rectangle passes MAX_CELLS."""
    if rows * columns > MAX_CELLS:
        raise SheetTooLarge(sheet, rows, columns)


_NS = rb"(?:[A-Za-z_][\w.-]*:)?"
_RE_NOT_NEAR = re.compile(rb'<c(?=[\s>/])(?! r="[A-Z][0-9]{1,4}")')
"""A cell tag that is not `<c r="A1"` .. `<c r="Z9999"`: a far cell, or one whose reference is
missing or not first. Excel, LibreOffice and openpyxl write the reference first, so in a form
this matches nothing, in one pass at C speed; only what it finds is looked at in Python."""
_RE_FAR_REF = re.compile(rb' r="(?:([A-Z]{2,3})([0-9]+)|[A-Z]([0-9]{5,}))"')
_VALUE = (
    rb"\s*(?:<" + _NS + rb"f\b[^>]*?(?:/>|>[^<]*</" + _NS + rb"f\s*>)\s*)?<" + _NS + rb"(?:v|is)\b"
)
_RE_VALUE_NEXT = re.compile(_VALUE)
"""A cell's value (`<v>`) or inline text (`<is>`), after its formula when it has one: a formula
written before its cached value (`<f>1</f><v>1</v>`) is laid out by calamine too (a review found
one at XFD1048576 passing as empty, and calamine's layout aborting the process); a formula
without a value is not."""


def xlsx_extent(xml: bytes) -> tuple[int, int]:
    """An upper bound of the rows and columns calamine lays out for this worksheet part."""
    return xlsx_layout(xml)[:2]


def xlsx_layout(xml: bytes) -> tuple[int, int, bool]:
    """`xlsx_extent`, and whether every cell tag is written `<c r="..."` (its reference first,
    unprefixed): then no cell takes its place from its neighbours, and a cell can be left out
    without moving another (`xlsx_facts.SheetParts.lean`). False when the sheet was walked."""
    if contains(xml, b":c"):  # perhaps prefixed cell tags (`<x:c`): rare, walked
        return (*_walk_xlsx(xml), False)
    rows, columns = NEAR_ROWS, NEAR_COLUMNS
    for m in _RE_NOT_NEAR.finditer(xml):
        ref = _RE_FAR_REF.match(xml, m.end())
        if ref is None:
            return (*_walk_xlsx(xml), False)  # a reference missing, or not first
        close = xml.find(b">", ref.end())
        if close < 0 or xml[close - 1] == 0x2F or not _RE_VALUE_NEXT.match(xml, close + 1):
            continue  # an empty cell (`<c r="XFD1" s="3"/>`): calamine skips it
        letters, row, far_row = ref.groups()
        if letters:
            columns = max(columns, _col_number(letters))
            rows = max(rows, int(row))
        else:
            rows = max(rows, int(far_row))
    return rows, columns, True


_RE_ROW_OR_CELL = re.compile(
    rb"<"
    + _NS
    + rb"(row|c)(?=[\s>/])([^>]*?)(/?)>(?=("
    + _VALUE
    + rb")|)"  # a value next, not consumed
)
_RE_R = re.compile(rb"\br\s*=\s*[\"']([A-Z]*)([0-9]*)[\"']")


def _walk_xlsx(xml: bytes) -> tuple[int, int]:
    """Every row and cell tag in order, places implicit where a reference is missing."""
    row = col = rows = columns = 0
    for m in _RE_ROW_OR_CELL.finditer(xml):
        kind, attrs, _, value = m.groups()
        ref = _RE_R.search(attrs)
        if kind == b"row":
            row = int(ref.group(2)) if ref and ref.group(2) else row + 1
            col = 0
            continue
        if ref and ref.group(1):
            col = _col_number(ref.group(1))
            if ref.group(2):
                row = int(ref.group(2))
        else:
            col += 1
        if value:
            rows, columns = max(rows, row), max(columns, col)
    return rows, columns


def _col_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number
