"""`xlsx_facts.lean_styles`: calamine is handed the styles part with only the number and cell
formats, and reads every value as it does from the part as written (dates stay dates)."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font
from python_calamine import CalamineWorkbook

from kla_cli.workbook.xlsx_facts import MAX_LEAN_STYLES, SheetParts, calamine_bytes, lean_styles
from kla_cli.workbook.zipparts import ZipParts

from ..conftest import ROOT

ROOT_TAG = b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
NUMBER_FORMATS = b'<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
CELL_FORMATS = (
    b'<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
)
FONTS = b'<fonts count="1"><font><sz val="11"/></font></fonts>'
PALETTE = b'<colors><indexedColors><rgbColor rgb="00000000"/></indexedColors></colors>'


def _styles(*parts: bytes, root: bytes = ROOT_TAG) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + root
        + b"".join(parts)
        + b"</styleSheet>"
    )


def test_only_the_number_and_cell_formats_stay_under_the_same_root() -> None:
    excel_root = (
        b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        b' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        b' mc:Ignorable="x14ac">'
    )
    ext = b'<extLst><ext uri="{x}" xmlns:x14="urn:x14"><x14:slicerStyles/></ext></extLst>'
    xml = _styles(NUMBER_FORMATS, FONTS, CELL_FORMATS, PALETTE, ext, root=excel_root)
    lean = lean_styles(xml)
    assert lean is not None
    assert lean.endswith(excel_root + NUMBER_FORMATS + CELL_FORMATS + b"</styleSheet>")
    assert lean_styles(_styles(FONTS, CELL_FORMATS)) == _styles(CELL_FORMATS)  # no numFmts
    assert lean_styles(_styles(b'<numFmts count="0" />', CELL_FORMATS)) == _styles(
        b'<numFmts count="0" />', CELL_FORMATS
    )


def test_end_tags_with_spaces_the_sections_order_and_a_quoted_gt_are_kept() -> None:
    """XML allows `</numFmts >`; a part may list its cell formats first (calamine then reads a
    custom id as a built-in one); an attribute may hold `>`: each kept as written."""
    spaced = NUMBER_FORMATS.replace(b"</numFmts>", b"</numFmts\n >")
    assert lean_styles(_styles(spaced, FONTS, CELL_FORMATS)) == _styles(spaced, CELL_FORMATS)
    assert lean_styles(_styles(CELL_FORMATS, FONTS, NUMBER_FORMATS)) == _styles(
        CELL_FORMATS, NUMBER_FORMATS
    )
    quoted = ROOT_TAG.replace(b">", b' x:note="a > b" xmlns:x="urn:x">')
    assert lean_styles(_styles(NUMBER_FORMATS, FONTS, CELL_FORMATS, root=quoted)) == _styles(
        NUMBER_FORMATS, CELL_FORMATS, root=quoted
    )


@pytest.mark.parametrize(
    "xml",
    [
        _styles(FONTS),  # no cell formats: calamine's own reading decides
        _styles(b"<numFmts count='1'><numFmt numFmtId='164'/>", CELL_FORMATS),  # not closed
        _styles(NUMBER_FORMATS, CELL_FORMATS, FONTS * (MAX_LEAN_STYLES // len(FONTS))),  # large
        _styles(NUMBER_FORMATS, NUMBER_FORMATS, CELL_FORMATS),  # a section twice
        _styles(CELL_FORMATS, CELL_FORMATS),
        _styles(b"<!-- <cellXfs/> -->", CELL_FORMATS),  # a comment
        _styles(b"<x:numFmts xmlns:x='urn:x'/>", CELL_FORMATS),  # a prefixed format element
        b"<x:styleSheet xmlns:x='urn:x'><x:cellXfs/></x:styleSheet>",  # a prefixed root
        b"<!DOCTYPE styleSheet []>" + _styles(CELL_FORMATS),
    ],
)
def test_a_part_not_plainly_written_is_given_as_it_is(xml: bytes) -> None:
    assert lean_styles(xml) is None


def _values(data: bytes) -> dict[str, list[list[object]]]:
    with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
        return {
            name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            for name in book.sheet_names
        }


def _dates_workbook(path: Path) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Isian"
    cells = [
        (datetime(2025, 3, 14, 9, 30), "dd/mm/yyyy hh:mm"),
        (date(2025, 3, 14), "d mmmm yyyy"),
        (date(2024, 12, 31), "mm-dd-yy"),  # a built-in date format (14)
        (time(7, 45), "h:mm"),
        (0.955, "0.0%"),
        (1234.5, "#,##0.00"),
        (45000, "General"),
        ("teks", "@"),
    ]
    for row, (value, code) in enumerate(cells, start=1):
        cell = ws.cell(row=row, column=2, value=value)
        cell.number_format = code
        ws.cell(row=row, column=1, value=code)
    ws.cell(row=1, column=3, value="tebal").font = Font(bold=True)  # a font of its own
    book.save(path)
    return path


def test_calamine_reads_the_same_values_from_the_lean_styles(tmp_path: Path) -> None:
    """Every value of every sheet, dates, times and percents included, of the examples' forms
    and of a workbook of date formats: the same through `calamine_bytes` as from the file."""
    forms = sorted((ROOT / "examples").rglob("*.xlsx"))
    assert len(forms) > 10
    for path in [*forms, _dates_workbook(tmp_path / "tanggal.xlsx")]:
        parts = ZipParts.open(path)
        if parts is None:  # not a plain zip (one example): read through zipfile, as written
            continue
        given, _ = calamine_bytes(parts, SheetParts(parts))
        with zipfile.ZipFile(io.BytesIO(given)) as archive:
            assert archive.testzip() is None
        assert _values(given) == _values(parts.data), path
    dates = _values(calamine_bytes(*_parts(tmp_path / "tanggal.xlsx"))[0])["Isian"]
    assert [type(row[1]) for row in dates[:4]] == [datetime, date, date, time]


def _parts(path: Path) -> tuple[ZipParts, SheetParts]:
    parts = ZipParts.open(path)
    assert parts is not None
    return parts, SheetParts(parts)
