"""`xlsx_facts.lean_sheet`: calamine is handed kla's own form without the cells of its question
columns below the header, and kla reads the same Submission as from the whole sheet; where the
layout moved (a column inserted, the header lower down), the sheet is read whole."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kla_cli.core.submission import Submission
from kla_cli.workbook.books import Parts, open_parts
from kla_cli.workbook.bounds import xlsx_layout
from kla_cli.workbook.grid import UNREAD_FROM_ROW, col_letter
from kla_cli.workbook.read import _read_parts, read_workbook
from kla_cli.workbook.xlsx_facts import FORM_TEXT_COLUMNS, SheetParts, calamine_bytes, lean_sheet
from kla_cli.workbook.zipparts import ZipParts

from ..conftest import EXAMPLE

SHEET = "xl/worksheets/sheet1.xml"


def _forms() -> list[Path]:
    forms = [p for p in sorted(EXAMPLE.glob("*.xlsx")) if "inventaris" not in p.name]
    assert len(forms) > 10
    return forms


def _whole(path: Path) -> object:
    """The Submission read from the whole sheet (no lean sheet)."""
    parts = open_parts(path)
    assert isinstance(parts, ZipParts)
    return _read_parts(path, parts, None, lean=False)


def _cell(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" s="7" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def _row(r: int, *cells: bytes) -> bytes:
    return f'<row r="{r}">'.encode() + b"".join(cells) + b"</row>"


def test_the_question_columns_are_the_forms_texts() -> None:
    """B-E and G of the form (indicator, question, role, options, data dukung asked); the
    code, answer, data dukung and note columns are never left out."""
    assert sorted(col_letter(c) for c in FORM_TEXT_COLUMNS) == ["B", "C", "D", "E", "G"]
    assert UNREAD_FROM_ROW == 10  # the pattern's `[1-9][0-9]+`: row 10 and below


def test_lean_sheet_cuts_question_cells_from_row_ten_only() -> None:
    kept = _row(9, _cell("A9", "1.1"), _cell("C9", "Pertanyaan di baris 9"))
    cut = _row(
        10,
        _cell("A10", "1.2"),
        _cell("C10", "Ada peraturan?"),
        b'<c r="D10" s="7"/>',
        _cell("F10", "a"),
        _cell("G10", "SK"),
        _cell("H10", "https://contoh"),
    )
    far = _row(12000, _cell("C12000", "jauh"))  # only the bound check looks at it: it stays
    xml = b"<worksheet><sheetData>" + kept + cut + far + b"</sheetData></worksheet>"
    lean = lean_sheet(xml)
    assert lean is not None
    assert b'r="C9"' in lean and b'r="A10"' in lean and b'r="F10"' in lean and b'r="H10"' in lean
    assert b'r="C10"' not in lean and b'r="D10"' not in lean and b'r="G10"' not in lean
    assert b'r="C12000"' in lean
    assert xlsx_layout(lean) == xlsx_layout(xml) == (12000, 26, True)
    assert lean_sheet(b"<worksheet><sheetData>" + kept + b"</sheetData></worksheet>") is None


def test_lean_sheet_leaves_what_it_cannot_cut_exactly() -> None:
    """A sheet with a comment, CDATA, a DOCTYPE or a processing instruction after its XML
    declaration stays whole (a cut could move the end of a comment, found by a review, or
    change a text); a cell not written plainly stays; a cut never reaches into the next cell."""
    row = _row(12, _cell("C12", "teks"), _cell("F12", "a"))
    declaration = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    swallowing = b'<!-- <c r="C11" x="-->"/><c r="F11"><v>1</v></c><!-- -->'
    for extra in (
        swallowing,
        b'<?pi <c r="C11" x="?>"/><c r="F11"><v>1</v></c><?pi ?>',
        b'<c r="A11" t="inlineStr"><is><t><![CDATA[<c r="C11"/>]]></t></is></c>',
        b"<!-- a comment -->",
    ):
        sheet = b"<worksheet><sheetData>" + extra + row + b"</sheetData></worksheet>"
        assert lean_sheet(declaration + sheet) is None, extra
    assert lean_sheet(declaration + b"<worksheet><sheetData>" + row + b"</sheetData>") is not None
    single_quoted = b"<c r=\"C13\" t='inlineStr'><is><t>x</t></is></c>"
    spaced_end = b'<c r="C14" t="inlineStr"><is><t>x</t></is></c ><c r="F14"><v>1</v></c>'
    rich = b'<c r="C15" t="inlineStr"><is><r><t>x</t></r></is></c>'
    formula = b'<c r="D15" t="str"><f>A1</f><v>x</v></c>'
    stays = (single_quoted, spaced_end, rich, formula)
    xml = b"<sheetData>" + row + b"".join(stays) + b"</sheetData>"
    lean = lean_sheet(xml)
    assert lean is not None and b'r="C12"' not in lean and b'r="F12"' in lean
    assert all(cell in lean for cell in stays)


def _rewritten(source: Path, target: Path, change: object, member: str = SHEET) -> Path:
    """`source` with its `member` (the answer sheet's part) changed by `change` (bytes ->
    bytes)."""
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(target, "w") as after:
        for info in before.infolist():
            data = before.read(info)
            if info.filename == member:
                data = change(data)  # type: ignore[operator]
            after.writestr(info, data, zipfile.ZIP_DEFLATED)
    return target


def test_every_example_form_reads_the_same_from_the_lean_sheet() -> None:
    answered = with_evidence = lean_forms = 0
    for path in _forms():
        parts = open_parts(path)
        assert isinstance(parts, ZipParts)
        data, unread = calamine_bytes(parts, SheetParts(parts), form=True)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            if unread:  # not a form of a few questions, all above row 10
                assert unread == {"Isian": FORM_TEXT_COLUMNS}, path
                assert len(archive.read(SHEET)) < len(parts.read(SHEET))
                lean_forms += 1
        sheets = SheetParts(parts)
        if sheets.lean("Isian") is not None:  # bounded by the lean part: the same bound
            assert sheets.layout("Isian") == xlsx_layout(parts.read(SHEET))
        lean = read_workbook(path)
        assert lean == _whole(path), path
        answered += sum(row.answer is not None for row in lean.rows)
        with_evidence += sum(row.evidence is not None for row in lean.rows)
    assert lean_forms > 10 and answered > 100 and with_evidence > 50


def test_a_cell_without_its_reference_keeps_the_sheet_whole(tmp_path: Path) -> None:
    """A cell placed by its neighbour would move if one before it were cut."""
    source = EXAMPLE / "dinkes.xlsx"

    def drop_reference(xml: bytes) -> bytes:
        return re.sub(rb'<c r="H12"', b"<c", xml, count=1)

    path = _rewritten(source, tmp_path / "dinkes.xlsx", drop_reference)
    parts = open_parts(path)
    assert isinstance(parts, ZipParts)
    assert xlsx_layout(parts.read(SHEET))[2] is False
    assert calamine_bytes(parts, SheetParts(parts), form=True)[1] == {}
    assert read_workbook(path) == read_workbook(path, engine="openpyxl")


def test_a_moved_layout_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A column inserted before the answer (which moves into a question column), or rows
    inserted above the header (which moves below row 9): the sheet is read whole, and reads as
    the reference reader reads it."""
    from kla_cli.workbook import read

    tried: list[bool] = []

    def spy(path: Path, parts: Parts, columns: None, lean: bool = True) -> Submission:
        tried.append(lean)
        return _read_parts(path, parts, columns, lean)

    monkeypatch.setattr(read, "_read_parts", spy)
    source = EXAMPLE / "dinkes.xlsx"
    answered = {row.code: row.answer for row in read_workbook(source).rows}
    assert tried == [True] and any(answered.values())
    for change, at, count in (("insert_cols", 6, 1), ("insert_rows", 2, 4)):
        path = tmp_path / f"{change}.xlsx"
        shutil.copy(source, path)
        book = load_workbook(path)
        getattr(book["Isian"], change)(at, count)  # the answer moves from F to G (a question
        book.save(path)  # column), or the header from row 6 to row 10
        tried.clear()
        fast, reference = read_workbook(path), read_workbook(path, engine="openpyxl")
        assert tried == [True, False], change  # the lean sheet tried, then the whole one
        assert fast.rows == reference.rows, change
        assert {row.code: row.answer for row in fast.rows} == answered, change


def test_a_sheet_named_otherwise_by_calamine_is_read_whole(tmp_path: Path) -> None:
    """kla finds the answer sheet's part by its own reading of the workbook part; where calamine
    names the sheets otherwise (a commented-out `Isian`, found by a review), the sheet calamine
    reads is not the one cut, and is read whole."""
    source = tmp_path / "source.xlsx"
    shutil.copy(EXAMPLE / "dp3a.xlsx", source)
    book = load_workbook(source)
    sheet = book["Isian"]
    sheet["C6"], sheet["F6"] = "Nilai Evaluasi", "Isi"  # a recap's nilai column, in C
    for r in range(7, sheet.max_row + 1):
        if sheet.cell(r, 1).value:
            sheet.cell(r, 3).value = 0.75
    book.save(source)

    def hide(xml: bytes) -> bytes:
        found = re.search(rb'<sheet [^>]*name="Isian"[^>]*/>', xml)
        assert found is not None
        tag = found.group(0)
        renamed = tag.replace(b'name="Isian"', b'name="Data"')
        return xml.replace(tag, b"<!-- " + tag + b" -->" + renamed)

    path = _rewritten(source, tmp_path / "renamed.xlsx", hide, "xl/workbook.xml")
    parts = open_parts(path)
    assert isinstance(parts, ZipParts)
    assert calamine_bytes(parts, SheetParts(parts), form=True)[1]  # kla cut its `Isian`
    read = read_workbook(path)
    assert read.sheet == "Data" and read.rows
    assert read == _whole(path)
    assert all(row.answer == 0.75 for row in read.rows if row.row >= 10)


def test_a_damaged_cell_cut_no_longer_makes_the_form_unreadable(tmp_path: Path) -> None:
    """A question cell calamine refuses (a shared string's index out of range, found by a
    review) is cut before calamine sees it: the form reads as it would without it, where the
    whole sheet is `damaged`. kla never reads that cell."""

    def damage(xml: bytes) -> bytes:
        found = re.search(rb'<c r="C12"[^>]*?(?:/>|>.*?</c>)', xml, re.S)
        assert found is not None
        return xml[: found.start()] + b'<c r="C12" t="s"><v>99999</v></c>' + xml[found.end() :]

    path = _rewritten(EXAMPLE / "dinkes.xlsx", tmp_path / "dinkes.xlsx", damage)
    whole = _whole(path)
    assert [f.code for f in whole.findings] == ["damaged"] and not whole.rows
    read, expected = read_workbook(path), read_workbook(EXAMPLE / "dinkes.xlsx")
    assert read.rows == expected.rows and not read.findings
