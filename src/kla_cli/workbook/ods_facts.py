"""What an `.ods` says that python-calamine does not give, read before calamine opens it: how
large each table is once its repeat counts are expanded, and which cells show a percent.

LibreOffice (an `.ods` is its native format) stores a cell shown as 91,8% as
`office:value-type="percentage" office:value="0.918"`; calamine gives 0.918. A cell may also be
a `float` whose style's data style is a `number:percentage-style`. Both are percent cells here,
as a percent number format is in `.xlsx` (`grid.shows_as_percent`).

`number-columns-repeated` and `number-rows-repeated` let 1,5 KB of XML stand for billions of
cells; calamine expands those that hold a value (LibreOffice's trailing empty runs cost
nothing). So a table's rectangle is the last row and column of a cell holding a value, repeats
counted, and `bounds.check` refuses it before calamine opens the file (calamine reads every
table when it opens an .ods).

One streaming pass over `content.xml` (and the styles of `styles.xml`) with the standard XML
parser; a part declaring a DOCTYPE is refused before any parser sees it (`sniff`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element, XMLPullParser

from kla_cli.workbook.bounds import check

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"

_T_TABLE, _T_ROW = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
_T_CELL, _T_COVERED = f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"
_ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"
_COLS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"
_NAME, _STYLE_NAME = f"{{{_TABLE}}}name", f"{{{_TABLE}}}style-name"
_VALUE_TYPE = f"{{{_OFFICE}}}value-type"
_S_STYLE, _S_NAME = f"{{{_STYLE}}}style", f"{{{_STYLE}}}name"
_S_DATA_STYLE = f"{{{_STYLE}}}data-style-name"
_N_PERCENT = f"{{{_NUMBER}}}percentage-style"
_CHUNK = 64 * 1024


@dataclass
class TableFacts:
    rows: int = 0
    columns: int = 0
    """The last row and column of a cell holding a value, repeats counted."""
    percent: set[tuple[int, int]] = field(default_factory=set)
    """Number cells (1-based row, column) shown as percent."""


def percent_styles(*parts: bytes) -> set[str]:
    """Names of the cell styles whose data style is a percentage style."""
    data_styles: set[str] = set()
    cell_styles: dict[str, str] = {}
    for xml in parts:
        for _, element in _parse(xml, ends=False):
            if element.tag == _N_PERCENT:
                data_styles.add(element.get(_S_NAME, ""))
            elif element.tag == _S_STYLE and element.get(_S_DATA_STYLE):
                cell_styles[element.get(_S_NAME, "")] = element.get(_S_DATA_STYLE, "")
    return {name for name, data in cell_styles.items() if data in data_styles}


def _parse(xml: bytes, ends: bool) -> Iterator[tuple[str, Element]]:
    parser: Any = XMLPullParser(events=("start", "end") if ends else ("start",))
    for start in range(0, len(xml), _CHUNK):
        parser.feed(xml[start : start + _CHUNK])
        yield from parser.read_events()
    parser.close()
    yield from parser.read_events()


def table_facts(content: bytes, percent_style_names: set[str]) -> dict[str, TableFacts]:
    """Each table's rectangle and percent cells (see the module doc)."""
    tables: dict[str, TableFacts] = {}
    current: TableFacts | None = None
    depth = 0  # tables inside a cell (rare) are not laid out as sheets
    row = col = 0
    row_repeat = 1
    name = ""
    row_last_col = 0  # the last column holding a value in the current row
    cell_has_value = False
    for event, element in _parse(content, ends=True):
        tag = element.tag
        if tag == _T_TABLE:
            if event == "start":
                depth += 1
                if depth == 1:
                    name = element.get(_NAME, f"#{len(tables)}")
                    current = tables.setdefault(name, TableFacts())
                    row = 0
            else:
                depth -= 1
                if depth == 0:
                    current = None
                element.clear()
            continue
        if current is None or depth != 1:
            continue
        if tag == _T_ROW:
            if event == "start":
                row_repeat = _count(element.get(_ROWS_REPEATED))
                col = row_last_col = 0
            else:
                if row_last_col:
                    current.rows = max(current.rows, row + row_repeat)
                    current.columns = max(current.columns, row_last_col)
                row += row_repeat
                element.clear()
        elif tag in (_T_CELL, _T_COVERED):
            if event == "start":
                cell_has_value = element.get(_VALUE_TYPE) is not None
                continue
            repeat = _count(element.get(_COLS_REPEATED))
            has_value = cell_has_value or len(element) > 0
            if has_value:
                row_last_col = col + repeat
                # refused as soon as the rectangle passes the cap: a repeat never runs away
                check(name, max(current.rows, row + row_repeat), max(current.columns, col + repeat))
                kind = element.get(_VALUE_TYPE)
                if kind == "percentage" or (
                    kind == "float" and element.get(_STYLE_NAME) in percent_style_names
                ):
                    for dr in range(row_repeat):
                        for dc in range(repeat):
                            current.percent.add((row + dr + 1, col + dc + 1))
            col += repeat
            element.clear()
    return tables


def _count(value: str | None) -> int:
    return int(value) if value and value.isdigit() and int(value) > 0 else 1
