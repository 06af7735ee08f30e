"""The calamine reader gives the same Submissions as the openpyxl reference reader; format facts
(percent cells, formulas never computed) survive the fast path; .xls and .ods are read."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from kla_cli.core.assess import assess
from kla_cli.core.form_layout import ANSWER_SHEET, META_PROPERTY, META_SHEET
from kla_cli.core.places import INVENTORY_FILE
from kla_cli.core.rubric import Rubric
from kla_cli.core.submission import Submission
from kla_cli.workbook.forms import select_opds
from kla_cli.workbook.grid import Grid
from kla_cli.workbook.paths import workbook_paths
from kla_cli.workbook.read import read_workbook
from kla_cli.workbook.sheet import submission_from_grid
from kla_cli.workbook.synthetic import synthetic_answers, write_region

from ..conftest import EXAMPLE

ANSWER = 6
"""The form's Jawaban column (F)."""


def _both(path: Path) -> tuple[Submission, Submission]:
    return read_workbook(path), read_workbook(path, engine="openpyxl")


def test_example_same_submissions_with_both_readers(kla: Rubric) -> None:
    paths = sorted(p for p in EXAMPLE.glob("*.xlsx") if p.name != INVENTORY_FILE)
    assert len(paths) == 27  # every OPD that leads or co-sources a question, no kecamatan/desa
    assert [p.stem for p in paths] == sorted(opd.id for opd in select_opds(kla, []))
    for path in paths:
        fast, reference = _both(path)
        assert fast == reference, path.name
        assert fast.rows and not fast.findings


def test_example_same_score_with_both_readers(kla: Rubric) -> None:
    paths = sorted(EXAMPLE.glob("*.xlsx"))
    fast = assess(kla, [read_workbook(p) for p in paths])
    reference = assess(kla, [read_workbook(p, engine="openpyxl") for p in paths])
    assert fast.result == reference.result
    assert fast.validation.findings == reference.validation.findings


@pytest.fixture
def dinkes_book(mini: Rubric, tmp_path: Path) -> Path:
    """The mini rubric's Dinkes workbook (two percent items, 13.1 and 13.2)."""
    filled = synthetic_answers(mini, 0.7, seed=3)
    write_region(mini, tmp_path / "r", "Kota Uji", "2025", filled)
    return tmp_path / "r" / "dinkes.xlsx"


def _answer_rows(path: Path) -> dict[str, int]:
    ws = load_workbook(path)[ANSWER_SHEET]
    return {str(ws.cell(r, 1).value): r for r in range(7, ws.max_row + 1) if ws.cell(r, 1).value}


@pytest.mark.parametrize("number_format", ["0.0%", "0%", "0.00%"])
def test_percent_format_seen_by_fast_reader(dinkes_book: Path, number_format: str) -> None:
    rows = _answer_rows(dinkes_book)
    book = load_workbook(dinkes_book)
    ws = book[ANSWER_SHEET]
    cell = ws.cell(rows["13.1"], ANSWER)
    cell.value = 0.955
    cell.number_format = number_format  # "0%" and "0.00%" are Excel's built-in formats 9, 10
    book.save(dinkes_book)
    fast, reference = _both(dinkes_book)
    assert fast == reference
    row = next(r for r in fast.rows if r.code == "13.1")
    assert row.percent_cell and row.answer == 0.955
    assert not next(r for r in fast.rows if r.code == "13.2").percent_cell


def test_percent_formats_are_remembered_per_styles_part(dinkes_book: Path, tmp_path: Path) -> None:
    """The styles part's percent formats are cached by its stored bytes (a batch reads the
    same template's styles thousands of times): a workbook with other styles is never given
    a remembered answer."""
    plain = tmp_path / "plain.xlsx"
    plain.write_bytes(dinkes_book.read_bytes())
    rows = _answer_rows(dinkes_book)
    book = load_workbook(dinkes_book)
    cell = book[ANSWER_SHEET].cell(rows["13.1"], ANSWER)
    cell.value, cell.number_format = 0.955, "0.0%"
    book.save(dinkes_book)
    book = load_workbook(plain)
    book[ANSWER_SHEET].cell(rows["13.1"], ANSWER).value = 0.955
    book.save(plain)
    for path, percent in [(plain, False), (dinkes_book, True), (plain, False), (dinkes_book, True)]:
        fast, reference = _both(path)
        assert fast == reference
        assert next(r for r in fast.rows if r.code == "13.1").percent_cell is percent


def test_uncached_formula_flagged_by_fast_reader(dinkes_book: Path) -> None:
    rows = _answer_rows(dinkes_book)
    book = load_workbook(dinkes_book)
    book[ANSWER_SHEET].cell(rows["13.2"], ANSWER).value = "=40+50"  # openpyxl saves no cached value
    book.save(dinkes_book)
    fast, reference = _both(dinkes_book)
    assert fast == reference
    row = next(r for r in fast.rows if r.code == "13.2")
    assert row.uncached_formula and row.answer is None


def test_formula_computed_to_empty_text_is_unanswered_for_both_readers(
    dinkes_book: Path,
) -> None:
    """A formula computed to "" is a blank answer, not `formula-not-computed`, for openpyxl too
    (the reference reader, and the one that reads a file calamine cannot): the two readers give
    the same Submission."""
    from ..core.test_validate import _computed_to_text

    rows = _answer_rows(dinkes_book)
    book = load_workbook(dinkes_book)
    book[ANSWER_SHEET].cell(rows["13.2"], ANSWER).value = '=IF(1=1,"","x")'
    book[ANSWER_SHEET].cell(rows["13.1"], ANSWER).value = "=40+50"  # no cached value
    book.save(dinkes_book)
    _computed_to_text(dinkes_book, f"F{rows['13.2']}")
    fast, reference = _both(dinkes_book)
    assert fast == reference
    found = {r.code: r for r in reference.rows}
    assert found["13.2"].answer is None and not found["13.2"].uncached_formula
    assert found["13.1"].answer is None and found["13.1"].uncached_formula


def test_moved_header_and_dates(dinkes_book: Path) -> None:
    book = load_workbook(dinkes_book)
    ws = book[ANSWER_SHEET]
    ws.insert_rows(1, 3)  # a secretariat adds a letterhead above the form
    ws.insert_cols(1)
    import datetime

    ws["J12"] = datetime.date(2025, 3, 1)  # a date typed in the note column (I, now J)
    book.save(dinkes_book)
    fast, reference = _both(dinkes_book)
    assert fast == reference
    assert fast.rows[0].answer_col == "G" and fast.rows[0].row == 10  # F, moved right by one
    assert fast.region == "Kota Uji"


def test_broken_files_are_findings_not_exceptions(tmp_path: Path) -> None:
    not_zip = tmp_path / "rusak.xlsx"
    not_zip.write_bytes(b"this is not a workbook")
    empty_zip = tmp_path / "kosong.xlsx"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    bad_xls = tmp_path / "rusak.xls"
    bad_xls.write_bytes(b"\xd0\xcf\x11\xe0 not really ole2")
    expected = {not_zip: "wrong-format", empty_zip: "wrong-format", bad_xls: "unreadable"}
    for path, code in expected.items():  # what the file really is: see kla_cli.workbook.sniff
        sub = read_workbook(path)
        assert [f.code for f in sub.findings] == [code], path.name
        assert sub.findings[0].file == str(path)


def test_missing_answer_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Lembar1"
    path = tmp_path / "salah.xlsx"
    book.save(path)
    fast, reference = _both(path)
    assert fast == reference
    assert [f.code for f in fast.findings] == ["missing-sheet"]


@pytest.mark.parametrize(
    ("names", "code"),
    [
        (["Isian Dinkes", "Petunjuk"], "answer-sheet-renamed"),
        (["Isian (2)"], "answer-sheet-renamed"),
        (["Isian lama", "Isian baru"], "missing-sheet"),  # which one? kla does not guess
    ],
)
def test_a_renamed_answer_sheet_is_named_with_its_fix(
    tmp_path: Path, names: list[str], code: str
) -> None:
    book = Workbook()
    book.active.title = names[0]
    for name in names[1:]:
        book.create_sheet(name)
    path = tmp_path / "dinkes.xlsx"
    book.save(path)
    fast, reference = _both(path)
    assert fast == reference
    assert [f.code for f in fast.findings] == [code]
    if code == "answer-sheet-renamed":
        message = fast.findings[0].message("en")
        assert f"rename the sheet '{names[0]}' back to 'Isian'" in message


def test_zip_bomb_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kla_cli.workbook import books

    monkeypatch.setattr(books, "MAX_UNCOMPRESSED", 1000)
    sub = read_workbook(sorted(EXAMPLE.glob("*.xlsx"))[0])
    assert [f.code for f in sub.findings] == ["too-large"]
    assert sub.findings[0].args["limit"] == 0  # MB


def test_grid_from_rows_is_one_based_and_skips_blanks() -> None:
    grid = Grid.from_rows([["", "x"], [], [None, 2.0, ""]])
    assert grid.values == {(1, 2): "x", (3, 2): 2.0}
    sub = submission_from_grid("f.xlsx", "Isian", grid, {})
    assert [f.code for f in sub.findings] == ["no-header"]


def test_workbook_paths_take_xls_and_ods(tmp_path: Path) -> None:
    for name in ("a.xlsx", "b.xls", "c.ods", "d.csv", "~$a.xlsx"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in workbook_paths([tmp_path])] == ["a.xlsx", "b.xls", "c.ods"]


# --- .xls and .ods ---------------------------------------------------------------------------


def _sheets(path: Path) -> dict[str, list[list[object]]]:
    book = load_workbook(path)
    return {
        name: [list(row) for row in book[name].iter_rows(values_only=True)]
        for name in (ANSWER_SHEET, META_SHEET)
    }


def _write_xls(sheets: dict[str, list[list[object]]], target: Path) -> None:
    xlwt = pytest.importorskip("xlwt", reason="xlwt (a dev dependency) writes the .xls files")
    book = xlwt.Workbook()
    for name, rows in sheets.items():
        ws = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
    book.save(str(target))


def _write_ods(sheets: dict[str, list[list[object]]], target: Path) -> None:
    pytest.importorskip("odf", reason="odfpy (a dev dependency) writes the .ods files")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None:
                    cell = TableCell()
                elif isinstance(value, bool):
                    cell = TableCell(valuetype="boolean", booleanvalue=str(value).lower())
                elif isinstance(value, int | float):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string")
                    for line in str(value).split("\n"):
                        cell.addElement(P(text=line))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(target))


def _same_content(a: Submission, b: Submission) -> None:
    assert dataclasses.replace(a, file="") == dataclasses.replace(b, file="")


@pytest.mark.parametrize("writer", [_write_xls, _write_ods], ids=["xls", "ods"])
def test_xls_and_ods_read_like_xlsx(
    mini: Rubric, tmp_path: Path, writer: object, dinkes_book: Path
) -> None:
    folder = dinkes_book.parent
    for xlsx in sorted(folder.glob("*.xlsx")):
        suffix = ".xls" if writer is _write_xls else ".ods"
        other = tmp_path / f"{xlsx.stem}{suffix}"
        assert callable(writer)
        writer(_sheets(xlsx), other)
        _same_content(read_workbook(other), read_workbook(xlsx))
    suffix = ".xls" if writer is _write_xls else ".ods"
    via_other = assess(mini, [read_workbook(p) for p in sorted(tmp_path.glob(f"*{suffix}"))])
    via_xlsx = assess(mini, [read_workbook(p) for p in sorted(folder.glob("*.xlsx"))])
    assert via_other.result.total == via_xlsx.result.total


@pytest.mark.libreoffice
def test_ods_converted_by_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ods is covered by the odfpy test")
    source = sorted(EXAMPLE.glob("*.xlsx"))[0]
    subprocess.run(
        [soffice, "--headless", "--convert-to", "ods", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    converted = tmp_path / f"{source.stem}.ods"
    _same_content(read_workbook(converted), read_workbook(source))


def test_zipparts_matches_zipfile_and_declines_unusual_files(tmp_path: Path) -> None:
    from kla_cli.workbook.zipparts import ZipParts

    source = sorted(EXAMPLE.glob("*.xlsx"))[0]
    parts = ZipParts.open(source)
    assert parts is not None
    with zipfile.ZipFile(source) as archive:
        assert parts.namelist() == archive.namelist()
        assert parts.uncompressed_size == sum(i.file_size for i in archive.infolist())
        for name in archive.namelist():
            assert parts.read(name) == archive.read(name)
    prefixed = tmp_path / "prefixed.xlsx"
    prefixed.write_bytes(b"junk" + source.read_bytes())  # offsets no longer add up
    assert ZipParts.open(prefixed) is None
    fast, reference = _both(prefixed)  # zipfile takes over; the answers stay the same
    assert dataclasses.replace(fast, file="") == dataclasses.replace(reference, file="")
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(source.read_bytes()[:-30])
    assert ZipParts.open(truncated) is None
    assert [f.code for f in read_workbook(truncated).findings] == [
        "damaged"
    ]  # kla_cli.workbook.sniff: a cut-off zip


def test_zipparts_read_keeps_its_cap_and_ignores_a_lying_size(tmp_path: Path) -> None:
    """`ZipParts.read` inflates in one call only what cannot pass its cap (MAX_RATIO); a denser
    member is cut at the cap as before, and a size the directory misstates changes nothing."""
    import struct

    from kla_cli.workbook.zipparts import MAX_RATIO, ZipParts

    zeros = b"\0" * (4 << 20)
    book = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("nol.bin", zeros)
        archive.writestr("teks.xml", b"<a>" + b"kla " * 5000 + b"</a>")
    parts = ZipParts.open(book)
    assert parts is not None
    compressed = len(parts.stored("nol.bin")[1])
    assert compressed * MAX_RATIO >= len(zeros)  # the bound holds for the densest stream
    assert parts.read("nol.bin") == zeros  # within the cap: inflated in one call
    assert parts.read("nol.bin", limit=1000) == zeros[:1000]  # past the cap: cut there
    data = bytearray(book.read_bytes())
    at = data.index(b"PK\x01\x02")  # the first member's directory entry: its stated size
    struct.pack_into("<I", data, at + 24, 0xFFFFFFF0)
    lying = tmp_path / "bohong.xlsx"
    lying.write_bytes(bytes(data))
    told = ZipParts.open(lying)
    assert told is not None and told.read("nol.bin") == zeros
    struct.pack_into("<I", data, at + 24, 0)
    lying.write_bytes(bytes(data))
    told = ZipParts.open(lying)
    assert told is not None and told.read("nol.bin") == zeros


def test_zipparts_reads_a_stream_without_its_final_block_as_before() -> None:
    """A member deflated without a final block (flushed, never finished: all its bytes there)
    is read as the streaming decompressor and calamine read it, not refused as damaged."""
    import zlib

    from kla_cli.workbook.zipparts import ZipParts

    text = b"<a>" + b"kla " * 3000 + b"</a>"
    flushed = zlib.compressobj(6, zlib.DEFLATED, -15)
    unfinished = flushed.compress(text) + flushed.flush(zlib.Z_SYNC_FLUSH)
    with pytest.raises(zlib.error):
        zlib.decompress(unfinished, -15)  # what one call makes of it
    parts = ZipParts.parse(_with_member_bytes("teks.xml", unfinished))
    assert parts is not None
    assert parts.read("teks.xml") == text


def _with_member_bytes(name: str, raw: bytes) -> bytes:
    """A one-member container whose member `name` is deflated as `raw` (CRC and sizes of the
    inflated bytes kept)."""
    import struct
    import zlib

    text = zlib.decompressobj(-15).decompress(raw)
    encoded = name.encode()
    crc = zlib.crc32(text)
    local = struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(raw), len(text), len(encoded), 0
    )
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        b"PK\x01\x02",
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        len(raw),
        len(text),
        len(encoded),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    body = local + encoded + raw
    directory = central + encoded
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), len(body), 0)
    return body + directory + end


def test_calamine_given_the_answer_sheet_inflated_reads_the_same(tmp_path: Path) -> None:
    """The fast reader hands calamine the container with the answer sheet stored, already
    inflated for the bound check (`xlsx_facts.calamine_bytes`): the same Submission, also for
    a container whose members carry data descriptors (some writers' way) or a comment."""
    from kla_cli.workbook.books import open_parts
    from kla_cli.workbook.xlsx_facts import SheetParts, calamine_bytes, lean_styles
    from kla_cli.workbook.zipparts import ZipParts

    source = EXAMPLE / "dinkes.xlsx"
    parts = ZipParts.open(source)
    assert parts is not None
    again, _ = calamine_bytes(parts, SheetParts(parts))
    assert again != parts.data
    styles = "xl/styles.xml"
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(io.BytesIO(again)) as after:
        assert after.testzip() is None  # every CRC, the lean styles' included
        stored = {i.filename for i in after.infolist() if i.compress_type == zipfile.ZIP_STORED}
        assert stored == {"xl/worksheets/sheet1.xml", styles}
        assert after.namelist() == before.namelist()
        assert [after.read(n) for n in before.namelist() if n != styles] == [
            before.read(n) for n in before.namelist() if n != styles
        ]
        assert after.read(styles) == lean_styles(before.read(styles))
    streamed = tmp_path / "streamed.xlsx"
    with zipfile.ZipFile(source) as before, open(streamed, "wb") as out:
        stream = io.BufferedWriter(_WriteOnly(out))
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            for info in before.infolist():
                with archive.open(info.filename, "w") as member:
                    member.write(before.read(info))
            archive.comment = b"written by a streaming writer"
        stream.flush()
    with zipfile.ZipFile(streamed) as archive:
        assert all(i.flag_bits & 0x8 for i in archive.infolist())  # data descriptors
    streamed_parts = open_parts(streamed)
    assert isinstance(streamed_parts, ZipParts)
    assert calamine_bytes(streamed_parts, SheetParts(streamed_parts))[0] != streamed_parts.data
    original, copy = read_workbook(source), read_workbook(streamed)
    assert original.rows and not original.findings
    assert dataclasses.replace(copy, file=original.file) == original


class _WriteOnly(io.RawIOBase):
    """A file zipfile cannot seek in: it writes data descriptors after each member."""

    def __init__(self, out: io.BufferedWriter) -> None:
        self._out = out

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return self._out.write(data)


# --- kla's metadata as document properties ---------------------------------------------------


def _sheet_meta(path: Path) -> dict[str, str]:
    ws = load_workbook(path)[META_SHEET]
    return {str(k): str(v) for k, v in ws.iter_rows(values_only=True, max_col=2) if k and v}


def _without(path: Path, target: Path, *, sheet: bool = False, properties: bool = False) -> Path:
    """A copy of the form without its `_meta` sheet or without its document properties."""
    from openpyxl.packaging.custom import CustomPropertyList

    book = load_workbook(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if sheet:
        del book[META_SHEET]
    if properties:
        book.custom_doc_props = CustomPropertyList()
    book.save(target)
    return target


def test_form_records_its_metadata_twice(dinkes_book: Path) -> None:
    book = load_workbook(dinkes_book)
    properties = {
        p.name.removeprefix(META_PROPERTY): p.value
        for p in book.custom_doc_props
        if p.name.startswith(META_PROPERTY)
    }
    assert properties == _sheet_meta(dinkes_book)
    assert properties["rubric_id"] == "mini" and properties["region"] == "Kota Uji"


def test_metadata_read_from_properties_or_sheet_alike(dinkes_book: Path, tmp_path: Path) -> None:
    expected = _sheet_meta(dinkes_book)
    no_sheet = _without(dinkes_book, tmp_path / "no-sheet.xlsx", sheet=True)
    no_props = _without(dinkes_book, tmp_path / "no-props.xlsx", properties=True)
    for path in (dinkes_book, no_sheet, no_props):
        fast, reference = _both(path)
        assert fast.meta == reference.meta == expected, path.name
    neither = _without(no_sheet, tmp_path / "neither.xlsx", properties=True)
    assert read_workbook(neither).meta == read_workbook(neither, engine="openpyxl").meta == {}


def test_properties_unescaped_and_others_ignored(tmp_path: Path, dinkes_book: Path) -> None:
    from openpyxl.packaging.custom import CustomPropertyList, StringProperty

    book = load_workbook(dinkes_book)
    book.custom_doc_props = CustomPropertyList()
    book.custom_doc_props.append(StringProperty(name="kla.region", value="Kota A & B <Uji>"))
    book.custom_doc_props.append(StringProperty(name="Author note", value="not kla's"))
    book.save(tmp_path / "escaped.xlsx")
    fast, reference = _both(tmp_path / "escaped.xlsx")
    assert fast.meta == reference.meta == {"region": "Kota A & B <Uji>"}


@pytest.mark.libreoffice
def test_properties_survive_libreoffice(dinkes_book: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; cannot re-save a form with it")
    no_sheet = _without(dinkes_book, tmp_path / "in" / "form.xlsx", sheet=True)
    out = tmp_path / "out"
    subprocess.run(
        [soffice, "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(no_sheet)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    resaved = read_workbook(out / "form.xlsx")
    assert resaved.meta == _sheet_meta(dinkes_book)


@pytest.mark.parametrize(
    ("typed", "yes"), [(1, True), (0, False), (1.0, True), (True, True), (False, False)]
)
def test_yes_no_answered_with_a_number_or_a_boolean_cell(
    mini: Rubric, tmp_path: Path, typed: object, yes: bool
) -> None:
    """A yes/no question answered 1/0, or with a TRUE/FALSE cell, is Ya/Tidak in .xlsx (both
    readers) and .ods: calamine gives a number as a float (1.0); LibreOffice stores TRUE
    without a boolean format as the number 1."""
    from kla_cli.core.validate import validate_region
    from kla_cli.workbook.form_writer import Filled

    write_region(mini, tmp_path / "r", "Kota Uji", "2025", {"1.2": Filled(True, "sk.pdf")})
    xlsx = tmp_path / "r" / "dp3a.xlsx"
    book = load_workbook(xlsx)
    book[ANSWER_SHEET].cell(_answer_rows(xlsx)["1.2"], ANSWER).value = typed
    book.save(xlsx)
    ods = tmp_path / "dp3a.ods"
    _write_ods(_sheets(xlsx), ods)
    for sub in (read_workbook(xlsx), read_workbook(xlsx, engine="openpyxl"), read_workbook(ods)):
        validation = validate_region(mini, [sub], whole_region=False)
        assert validation.responses["1.2"].answer is yes, sub.file
        assert not [f for f in validation.findings if f.item == "1.2"], sub.file
