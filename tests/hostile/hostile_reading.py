"""Hostile reading cases of issue 17 (sheets that would lay out billions of cells, damaged
.xls and .xlsx files, a zip listing one part twice, 100 000 junk rows), added to the corpus
(`hostile_corpus.CASES`). Every file is built here from a real form, then damaged."""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

from kla_cli.core.form_layout import ANSWER_SHEET, META_SHEET

from .hostile_corpus import Built, Case, _book, _raw, _rezip, _score, _xlsx_bytes


def _far_value(ref: str) -> Callable[[dict[str, bytes]], None]:
    """One value cell at `ref` (e.g. XFD1048576) in the answer sheet: 10 KB of workbook."""
    row = "".join(ch for ch in ref if ch.isdigit())

    def edit(members: dict[str, bytes]) -> None:
        part = "xl/worksheets/sheet1.xml"
        cell = f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row>'
        members[part] = members[part].replace(b"</sheetData>", cell.encode() + b"</sheetData>")

    return edit


def _far_formula(tmp: Path) -> Built:
    """An answer whose formula was never computed (so openpyxl is asked for the formulas), one
    formula without a value at XFD1048576 and a `<dimension>` saying A1:XFD1048576: openpyxl
    would pad every row up to it."""
    import re

    from .hostile_corpus import ANSWER, _row

    book = _book()
    ws = book[ANSWER_SHEET]
    ws.cell(_row(ws, "13.1"), ANSWER).value = "=10+2"

    def edit(members: dict[str, bytes]) -> None:
        part = "xl/worksheets/sheet1.xml"
        far = b'<row r="1048576"><c r="XFD1048576"><f>1+1</f></c></row></sheetData>'
        xml = members[part].replace(b"</sheetData>", far)
        members[part] = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml)

    with zipfile.ZipFile(io.BytesIO(_xlsx_bytes(book))) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    edit(members)
    path = tmp / "rumus-jauh.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return _score(path)


def form_sheets() -> dict[str, list[list[object]]]:
    """The answer and metadata sheets of a real form, as rows of values."""
    book = _book()
    return {
        name: [list(row) for row in book[name].iter_rows(values_only=True)]
        for name in (ANSWER_SHEET, META_SHEET)
    }


def xls_form(percent_rows: dict[int, float] | None = None, filler: int = 0) -> bytes:
    """The form as a real .xls (xlwt); `percent_rows`: 1-based rows whose answer (column F) is
    written with a percent number format; `filler`: extra text rows in a third sheet."""
    import xlwt  # type: ignore[import-untyped]

    percent = xlwt.easyxf(num_format_str="0.0%")
    book = xlwt.Workbook()
    for name, rows in form_sheets().items():
        ws = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if percent_rows and r + 1 in percent_rows and c == 5:
                    ws.write(r, c, percent_rows[r + 1], percent)
                elif value is not None:
                    ws.write(r, c, value)
    if filler:
        ws = book.add_sheet("Petunjuk")
        for r in range(filler):
            ws.write(r, 0, f"baris petunjuk {r} " * 4)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods_form() -> bytes:
    """The form as a real .ods (odfpy), its answers as LibreOffice stores them."""
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.table import Table, TableCell, TableRow  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    doc = OpenDocumentSpreadsheet()
    for name, rows in form_sheets().items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None:
                    cell = TableCell()
                elif isinstance(value, int | float):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _workbook_stream_offset(data: bytes) -> int:
    """Where the Workbook stream starts in an xlwt file (its first sector after the header)."""
    at = data.find(b"\x09\x08", 512)  # the first BOF record
    assert at > 0
    return at


def xls_dimensions_rows(data: bytes, high_word: int, field: int = 6) -> bytes:
    """The 2-byte change: the high half of the answer sheet's DIMENSIONS last-row field (at
    byte 6 of the record's body; byte 2: the first-row field's)."""
    out = bytearray(data)
    pos = _workbook_stream_offset(data)
    while pos + 4 <= len(out):
        kind, length = struct.unpack_from("<HH", out, pos)
        if kind == 0x0200:
            struct.pack_into("<H", out, pos + 4 + field, high_word)
            return bytes(out)
        pos += 4 + length
    raise AssertionError("no DIMENSIONS record")


def ods_repeated(rows: int, columns: int) -> bytes:
    """About 1,5 KB of .ods: one value cell repeated over `rows` x `columns`."""
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.table import Table, TableCell, TableRow  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    doc = OpenDocumentSpreadsheet()
    table = Table(name=ANSWER_SHEET)
    head = TableRow()
    cell = TableCell(valuetype="string")
    cell.addElement(P(text="Kode"))
    head.addElement(cell)
    table.addElement(head)
    row = TableRow(numberrowsrepeated=rows)
    row.addElement(TableCell(valuetype="float", value="1", numbercolumnsrepeated=columns))
    table.addElement(row)
    doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _duplicate_part() -> bytes:
    """The form with a second, different copy of its answer sheet's part."""
    data = _xlsx_bytes(_book())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        sheet = source.read("xl/worksheets/sheet1.xml").replace(b">12<", b">99<")
        with warnings.catch_warnings():  # "Duplicate name": the point of the case
            warnings.simplefilter("ignore", UserWarning)
            target.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def corrupt_deflate() -> bytes:
    """The form with one byte of its answer sheet's deflated data changed: calamine refuses the
    CRC, the zip reader's inflate may raise zlib.error."""
    data = bytearray(_xlsx_bytes(_book()))
    name = b"xl/worksheets/sheet1.xml"
    at = data.find(b"PK\x03\x04" + bytes(22) + struct.pack("<H", len(name)))
    at = data.find(name) + len(name)
    data[at + 40] ^= 0xFF
    return bytes(data)


def _junk_rows(count: int) -> Callable[[dict[str, bytes]], None]:
    def edit(members: dict[str, bytes]) -> None:
        part = "xl/worksheets/sheet1.xml"
        rows = "".join(
            f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>99.{r}</t></is></c>'
            f'<c r="F{r}"><v>1</v></c></row>'
            for r in range(100, 100 + count)
        )
        members[part] = members[part].replace(b"</sheetData>", rows.encode() + b"</sheetData>")

    return edit


def _truncated_xls(tmp: Path) -> Built:
    """A download cut at 16 384 bytes (calamine panics on it)."""
    data = xls_form(filler=400)
    assert len(data) > 16384
    path = tmp / "potong.xls"
    path.write_bytes(data[:16384])
    return _score(path)


TOO_LARGE = "too large to read safely"

READING_CASES: list[Case] = [
    Case(
        "cell-at-XFD1048576",
        _raw("jauh.xlsx", _rezip(_far_value("XFD1048576"))),
        1,
        "too-large",
        TOO_LARGE,
    ),
    Case(
        "cell-at-XFD8000",
        _raw("lebar.xlsx", _rezip(_far_value("XFD8000"))),
        1,
        "too-large",
        TOO_LARGE,
    ),
    Case(
        "ods-repeated-cells",
        _raw("ulang.ods", lambda: ods_repeated(10_000, 9_000)),
        1,
        "too-large",
        TOO_LARGE,
    ),
    Case(
        "xls-dimensions-two-bytes",
        _raw("dimensi.xls", lambda: xls_dimensions_rows(xls_form(), 0x00FF)),
        1,
        "too-large",
        TOO_LARGE,
    ),
    Case(  # found by the mutation test: calamine sized the sheet from last - first, wrapped
        "xls-dimensions-first-row-past-last",
        _raw("dimensi2.xls", lambda: xls_dimensions_rows(xls_form(), 0xC700, field=2)),
        1,
        "too-large",
        TOO_LARGE,
    ),
    Case(
        "formula-at-XFD1048576",
        _far_formula,
        1,
        "formula-not-computed",
        "13.1",
        where=":Isian!F",
    ),
    Case("xls-cut-at-16384", _truncated_xls, 1, "damaged", "damaged or incomplete"),
    Case(
        "xlsx-corrupt-byte",
        _raw("rusak.xlsx", corrupt_deflate),
        1,
        "damaged",
        "damaged or incomplete",
    ),
    Case(
        "zip-duplicate-part",
        _raw("kembar.xlsx", _duplicate_part),
        1,
        "duplicate-part",
        "two copies of part xl/worksheets/sheet1.xml",
    ),
    Case(
        "twenty-thousand-junk-rows",
        _raw("sampah.xlsx", _rezip(_junk_rows(20_000))),
        1,
        "unknown-item",
        "more of this kind",
        lines=11,
    ),
]
