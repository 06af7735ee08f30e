"""Percent cells of .xls and .ods are read as .xlsx reads them (issue 17): Excel and LibreOffice
store 91,8% as 0,918. The sheet bounds of every format are found before calamine lays a sheet
out, and a compound file cut short is named, not panicked on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kla_cli.core.assess import assess
from kla_cli.core.rubric import Rubric
from kla_cli.workbook.biff import Damaged, workbook_stream, xls_facts
from kla_cli.workbook.bounds import NEAR_COLUMNS, NEAR_ROWS, xlsx_extent
from kla_cli.workbook.read import read_workbook

from ..hostile import hostile_corpus  # noqa: F401  (first: hostile_reading builds on it)
from ..hostile.hostile_reading import form_sheets, xls_form

ANSWER = 6


def _percent_rows() -> dict[int, float]:
    """The form's rows of the percent items 13.1 and 13.2 with 91,8% and 12,5% as fractions."""
    rows = form_sheets()["Isian"]
    found = {r: row[0] for r, row in enumerate(rows, start=1) if row and row[0] in ("13.1", "13.2")}
    assert sorted(found.values()) == ["13.1", "13.2"]
    return {r: 0.918 if code == "13.2" else 0.125 for r, code in found.items()}


def _answers(path: Path) -> dict[str, object]:
    sub = read_workbook(path)
    return {row.code: row.answer for row in sub.rows if row.code in ("13.1", "13.2")}


def test_xls_percent_cells_read_as_percent(tmp_path: Path, mini: Rubric) -> None:
    path = tmp_path / "dinkes.xls"
    path.write_bytes(xls_form(_percent_rows()))
    sub = read_workbook(path)
    rows = {row.code: row for row in sub.rows}
    assert rows["13.2"].percent_cell and rows["13.1"].percent_cell
    assert not any(f.code == "percent-format-unknown" for f in sub.findings)
    result = assess(mini, [sub]).result
    item = next(i for i in result.all_items() if i.code == "13.2")
    assert item.points == 15  # 91,8 % reaches the top band; 0,918 % would score 0


def test_xls_plain_numbers_are_not_percent(tmp_path: Path) -> None:
    path = tmp_path / "dinkes.xls"
    path.write_bytes(xls_form({r: v * 100 for r, v in _percent_rows().items()}))
    plain = tmp_path / "polos.xls"
    plain.write_bytes(xls_form())
    assert all(not row.percent_cell for row in read_workbook(plain).rows)
    assert not read_workbook(plain).findings


def _ods_with_percent(tmp_path: Path, via_style: bool) -> Path:
    from odf.number import (
        Number,
        PercentageStyle,  # type: ignore[import-untyped]
    )
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.style import Style  # type: ignore[import-untyped]
    from odf.table import Table, TableCell, TableRow  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    doc = OpenDocumentSpreadsheet()
    percent = PercentageStyle(name="N11")
    percent.addElement(Number(decimalplaces="1", minintegerdigits="1"))
    doc.automaticstyles.addElement(percent)
    cell_style = Style(name="ce1", family="table-cell", datastylename="N11")
    doc.automaticstyles.addElement(cell_style)
    shown = _percent_rows()
    for name, rows in form_sheets().items():
        table = Table(name=name)
        for r, row in enumerate(rows, start=1):
            tr = TableRow()
            for c, value in enumerate(row, start=1):
                if name == "Isian" and r in shown and c == ANSWER:
                    kind = "float" if via_style else "percentage"
                    cell = TableCell(valuetype=kind, value=shown[r], stylename=cell_style)
                    cell.addElement(P(text=f"{shown[r] * 100:.1f}%"))
                elif value is None:
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
    path = tmp_path / f"dinkes-{via_style}.ods"
    doc.save(str(path))
    return path


@pytest.mark.parametrize("via_style", [False, True], ids=["value-type", "data-style"])
def test_ods_percent_cells_read_as_percent(tmp_path: Path, via_style: bool) -> None:
    path = _ods_with_percent(tmp_path, via_style)
    sub = read_workbook(path)
    rows = {row.code: row for row in sub.rows}
    assert rows["13.2"].answer == pytest.approx(0.918)
    assert rows["13.2"].percent_cell and rows["13.1"].percent_cell


def test_xls_formats_that_cannot_be_read_are_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kla_cli.workbook import biff

    path = tmp_path / "dinkes.xls"
    path.write_bytes(xls_form(_percent_rows()))
    real = biff.xls_facts
    monkeypatch.setattr(biff, "xls_facts", lambda stream: biff.XlsFacts(real(stream).sheets, False))
    sub = read_workbook(path)
    assert [f.code for f in sub.findings] == ["percent-format-unknown"]
    assert sub.findings[0].severity.value == "warning"


def test_compound_file_cut_short_is_damaged_not_a_panic() -> None:
    data = xls_form(filler=400)
    assert xls_facts(workbook_stream(data)).sheets["Isian"].rows > 5
    for cut in (16384, 4096, 1000):
        with pytest.raises(Damaged):
            workbook_stream(data[:cut])


def test_a_calamine_panic_is_a_finding_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without kla's own check of the container, calamine panics (a BaseException)."""
    from kla_cli.workbook import read

    monkeypatch.setattr(read, "foreign_facts", lambda path: None)
    path = tmp_path / "potong.xls"
    path.write_bytes(xls_form()[:4096])
    sub = read_workbook(path)
    assert [(f.code, f.file) for f in sub.findings] == [("damaged", str(path))]


def test_xlsx_extent_counts_value_cells_only() -> None:
    near = (NEAR_ROWS, NEAR_COLUMNS)
    sheet = b'<sheetData><row r="1"><c r="A1"><v>1</v></c></row>%s</sheetData>'
    assert xlsx_extent(sheet % b"") == near
    styled = b'<row r="1048576"><c r="XFD1048576" s="3"/><c r="XFC1048576" s="3"></c></row>'
    assert xlsx_extent(sheet % styled) == near  # calamine skips empty cells
    far = b'<row r="8000"><c r="XFD8000" t="inlineStr"><is><t>x</t></is></c></row>'
    assert xlsx_extent(sheet % far) == (NEAR_ROWS, 16384)
    low = b'<row r="20000"><c r="B20000"><v>1</v></c></row>'
    assert xlsx_extent(sheet % low) == (20000, NEAR_COLUMNS)
    prefixed = b'<x:row r="70000"><x:c r="AB70000"><x:v>1</x:v></x:c></x:row>'
    assert xlsx_extent(sheet % prefixed) == (70000, 28)
    no_ref = b'<row r="1048576"><c t="inlineStr"><is><t>x</t></is></c></row>'
    assert xlsx_extent(sheet % no_ref) == (1048576, 1)  # placed by its row, walked
    formula = b'<row r="1048576"><c r="XFD1048576"><f>1</f><v>1</v></c></row>'
    assert xlsx_extent(sheet % formula) == (1048576, 16384)  # its value after its formula
    walked = formula.replace(b'c r="XFD1048576"', b"c")
    assert xlsx_extent(sheet % walked) == (1048576, 1)
    shared = b'<row r="1048576"><c r="XFD1048576"><f t="shared" si="0"/><v>2</v></c></row>'
    assert xlsx_extent(sheet % shared) == (1048576, 16384)
    uncomputed = b'<row r="1048576"><c r="XFD1048576"><f>1+1</f></c></row>'
    assert xlsx_extent(sheet % uncomputed) == near  # no value: calamine lays nothing out
    assert xlsx_extent(sheet % uncomputed.replace(b'c r="XFD1048576"', b"c")) == (1, 1)


def test_a_far_formula_is_too_large_not_a_crash(tmp_path: Path) -> None:
    """A formula cell at XFD1048576 (its cached value after the formula) once passed the bound
    as empty, and calamine's layout of it aborted the process."""
    import zipfile

    from ..conftest import EXAMPLE

    path = tmp_path / "dinkes.xlsx"
    far = b'<row r="1048576"><c r="XFD1048576"><f>1</f><v>1</v></c></row></sheetData>'
    with zipfile.ZipFile(EXAMPLE / "dinkes.xlsx") as before, zipfile.ZipFile(path, "w") as after:
        for info in before.infolist():
            data = before.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", far)
            after.writestr(info, data, zipfile.ZIP_DEFLATED)
    assert [f.code for f in read_workbook(path).findings] == ["too-large"]


def test_ods_repeats_of_empty_cells_cost_nothing(tmp_path: Path) -> None:
    """LibreOffice ends every table with huge runs of empty repeated cells: not too large."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow

    from kla_cli.workbook.ods_facts import table_facts

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Isian")
    row = TableRow(numberrowsrepeated=1048000)
    row.addElement(TableCell(numbercolumnsrepeated=16384))
    table.addElement(row)
    doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.save(buffer)
    import zipfile

    content = zipfile.ZipFile(buffer).read("content.xml")
    facts = table_facts(content, set())
    assert (facts["Isian"].rows, facts["Isian"].columns) == (0, 0)


@pytest.mark.libreoffice
@pytest.mark.parametrize("target", ["ods", "xls"])
def test_percent_cells_saved_by_libreoffice(tmp_path: Path, target: str) -> None:
    """A form with percent-formatted answers, saved by LibreOffice as .ods and as .xls."""
    import shutil
    import subprocess

    from ..hostile.hostile_corpus import _book, _row

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; odfpy and xlwt files cover it")
    book = _book()
    ws = book["Isian"]
    for code, value, code_format in (("13.2", 0.918, "0.0%"), ("13.1", 0.125, "0%")):
        cell = ws.cell(_row(ws, code), ANSWER)
        cell.value, cell.number_format = value, code_format
    source = tmp_path / "dinkes.xlsx"
    book.save(source)
    subprocess.run(
        [soffice, "--headless", "--convert-to", target, "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    converted = read_workbook(tmp_path / f"dinkes.{target}")
    rows = {row.code: row for row in converted.rows}
    assert rows["13.2"].percent_cell and rows["13.1"].percent_cell
    assert rows["13.2"].answer == pytest.approx(0.918)
    assert converted.findings == ()
