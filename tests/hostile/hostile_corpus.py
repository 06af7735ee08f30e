"""A corpus of hostile and broken inputs, built in code: each case makes its bad file(s) in a
fresh folder and says what `kla` must answer (exit code, finding code or message key, a fragment
of the English message, and how many stderr lines name the file).

Used by tests/test_hostile.py. Nothing here is a committed binary: workbooks are written with
openpyxl (or xlwt/odfpy/msoffcrypto for the foreign formats) and then damaged byte by byte.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kla_cli.core.form_layout import ANSWER_SHEET, FIRST_ITEM_ROW, FORM_COLUMNS, HEADER_ROW
from kla_cli.i18n.display import printable
from kla_cli.io.rubric_yaml import load_rubric
from kla_cli.workbook.form_writer import build_workbook
from kla_cli.workbook.synthetic import synthetic_answers

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

DATA = Path(__file__).resolve().parents[1] / "data"
MINI = DATA / "mini-rubric.yaml"
RUBRIC_ARGS = ["--rubric", str(MINI)]


@dataclass(frozen=True)
class Built:
    """What a case made: the command line, the name the message must carry, the inputs to hash."""

    args: list[str]
    named: str
    inputs: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Case:
    id: str
    build: Callable[[Path], Built]
    exit: int
    code: str | None
    """A finding code (kebab-case, shown as `[code]`) or a message key (dotted); None: accepted."""
    fragment: str = ""
    """Part of the English line that names the file."""
    lines: int = 1
    """How many stderr lines name the file (a rubric's problem lines plus its summary line)."""
    where: str | None = None
    """A location that must follow the file name on that line (`:Isian!F7`, `:3`)."""


# --- building blocks ---------------------------------------------------------------------

_COLUMN = {c.key: i for i, c in enumerate(FORM_COLUMNS, start=1)}
ANSWER, EVIDENCE = _COLUMN["answer"], _COLUMN["evidence"]
"""The form's Jawaban (F) and Data dukung (H) columns."""


def _book(opd: str = "dinkes") -> Workbook:
    rubric = load_rubric(MINI)
    filled = synthetic_answers(rubric, 1.0, seed=7, missing_evidence=0.0)
    chosen = next(o for o in rubric.opds if o.id == opd)
    return build_workbook(rubric, chosen, region="Kota Uji", year="2025", filled=filled)


def _row(ws: Worksheet, code: str) -> int:
    for row in range(FIRST_ITEM_ROW, ws.max_row + 1):
        if ws.cell(row, 1).value == code:
            return row
    raise KeyError(code)


def _xlsx_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _score(path: Path, *extra: str) -> Built:
    return Built(["score", str(path), *RUBRIC_ARGS, *extra], str(path), [path])


def _workbook(
    name: str, edit: Callable[[Workbook], None], opd: str = "dinkes"
) -> Callable[[Path], Built]:
    """A valid OPD workbook changed by `edit`, scored alone."""

    def build(tmp: Path) -> Built:
        book = _book(opd)
        edit(book)
        path = tmp / name
        book.save(path)
        return _score(path)

    return build


def _answer(
    code: str, value: object, opd: str = "dinkes", name: str = "opd.xlsx"
) -> Callable[[Path], Built]:
    def edit(book: Workbook) -> None:
        ws = book[ANSWER_SHEET]
        ws.cell(_row(ws, code), ANSWER).value = value

    return _workbook(name, edit, opd)


def _raw(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], Built]:
    def build(tmp: Path) -> Built:
        path = tmp / name
        path.write_bytes(data() if callable(data) else data)
        return _score(path)

    return build


def _rezip(edit: Callable[[dict[str, bytes]], None]) -> Callable[[], bytes]:
    """A valid workbook's zip members, changed by `edit`, zipped again."""

    def make() -> bytes:
        with zipfile.ZipFile(io.BytesIO(_xlsx_bytes(_book()))) as archive:
            members = {n: archive.read(n) for n in archive.namelist()}
        edit(members)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in members.items():
                archive.writestr(name, content)
        return out.getvalue()

    return make


ENTITY_LEVELS = 9
"""10**9 copies of "lol" if expanded: a reader that expands entities would need gigabytes."""


def _with_doctype(members: dict[str, bytes], doctype: str, entity: str) -> None:
    """Declare `doctype` in the workbook part and use `entity` as the answer sheet's name."""
    xml = members["xl/workbook.xml"]
    if xml.startswith(b"<?xml"):
        xml = xml.partition(b"?>")[2]
    xml = xml.replace(f'name="{ANSWER_SHEET}"'.encode(), f'name="{entity}"'.encode(), 1)
    members["xl/workbook.xml"] = b'<?xml version="1.0" encoding="UTF-8"?>' + doctype.encode() + xml


def _entity_bomb(members: dict[str, bytes]) -> None:
    lol = "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' if i else '<!ENTITY l0 "lol">'
        for i in range(ENTITY_LEVELS + 1)
    )
    _with_doctype(members, f"<!DOCTYPE lolz [{lol}]>", f"&l{ENTITY_LEVELS};")


def _external_entity(members: dict[str, bytes]) -> None:
    _with_doctype(members, '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>', "&xxe;")


def _zip_bomb(tmp: Path) -> Built:
    """A workbook with an extra member that inflates past the cap (zeros compress ~1000:1)."""
    from kla_cli.workbook.books import MAX_UNCOMPRESSED

    path = tmp / "bom.xlsx"
    path.write_bytes(_xlsx_bytes(_book()))
    chunk = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/zeros.bin", "w", force_zip64=True) as member,
    ):
        for _ in range(MAX_UNCOMPRESSED // len(chunk) + 1):
            member.write(chunk)
    return _score(path)


def _xls_bytes() -> bytes:
    import xlwt  # type: ignore[import-untyped]

    book = xlwt.Workbook()
    book.add_sheet(ANSWER_SHEET).write(0, 0, "Kode")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ods_bytes() -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.table import Table  # type: ignore[import-untyped]

    doc = OpenDocumentSpreadsheet()
    doc.spreadsheet.addElement(Table(name=ANSWER_SHEET))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _encrypted_bytes() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-untyped]

    plain = io.BytesIO(_xlsx_bytes(_book()))
    out = io.BytesIO()
    OOXMLFile(plain).encrypt("rahasia", out)
    return out.getvalue()


def _truncated() -> bytes:
    data = _xlsx_bytes(_book())
    return data[: len(data) // 2]


def _region(tmp: Path, name: str = "wilayah") -> Path:
    from kla_cli.workbook.synthetic import write_region

    rubric = load_rubric(MINI)
    folder = tmp / name
    write_region(
        rubric,
        folder,
        "Kota Uji",
        "2025",
        synthetic_answers(rubric, 1.0, seed=7, missing_evidence=0.0),
    )
    return folder


def _folder_score(folder: Path, named: Path, *extra: str) -> Built:
    inputs = sorted(p for p in folder.iterdir() if p.is_file() and not p.is_symlink())
    return Built(["score", str(folder), *RUBRIC_ARGS, *extra], str(named), inputs)


def _symlink_loop(tmp: Path) -> Built:
    folder = _region(tmp)
    loop = folder / "putaran.xlsx"
    os.symlink(loop.name, loop)  # points at itself
    return _folder_score(folder, loop)


def _non_utf8_name(tmp: Path) -> Built:
    folder = _region(tmp)
    raw = os.fsencode(folder) + b"/dinas-\xff\xfe.xlsx"
    with open(raw, "wb") as handle:
        handle.write(b"not a workbook")
    return _folder_score(folder, Path(printable(os.fsdecode(raw))))


def _newline_name(tmp: Path) -> Built:
    folder = _region(tmp)
    path = folder / "dinas\nbaru.xlsx"
    path.write_bytes(b"not a workbook")
    return _folder_score(folder, folder / "dinas\\nbaru.xlsx")


def _output_is_folder(tmp: Path) -> Built:
    folder = _region(tmp)
    out = tmp / "keluaran"
    out.mkdir()
    return Built(
        ["score", str(folder), *RUBRIC_ARGS, "-o", str(out)], str(out), sorted(folder.iterdir())
    )


def _output_in_missing_folder(tmp: Path) -> Built:
    folder = _region(tmp)
    out = tmp / "tidak-ada" / "hasil.json"
    return Built(
        ["score", str(folder), *RUBRIC_ARGS, "-o", str(out)], str(out), sorted(folder.iterdir())
    )


def _output_over_input(tmp: Path) -> Built:
    """`-o` naming the rubric just read (workbooks are covered by the report/merge cases)."""
    folder = _region(tmp)
    rubric = tmp / "rubrik.yaml"
    rubric.write_bytes(MINI.read_bytes())
    return Built(
        ["score", str(folder), "--rubric", str(rubric), "-f", "json", "-o", str(rubric)],
        str(rubric),
        [rubric, *sorted(folder.iterdir())],
    )


def _empty_folder(tmp: Path) -> Built:
    folder = tmp / "kosong"
    folder.mkdir()
    (folder / "catatan.txt").write_text("bukan buku kerja", encoding="utf-8")
    return Built(["score", str(folder), *RUBRIC_ARGS], str(folder), [folder / "catatan.txt"])


def _missing_path(tmp: Path) -> Built:
    path = tmp / "tidak-ada.xlsx"
    return Built(["score", str(path), *RUBRIC_ARGS], str(path), [])


def _folder_named_xlsx(tmp: Path) -> Built:
    folder = _region(tmp)
    odd = folder / "arsip.xlsx"
    odd.mkdir()
    return _folder_score(folder, odd)


def _fifo_named_xlsx(tmp: Path) -> Built:
    """A named pipe in the folder: opening it for reading would wait for a writer forever."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    folder = _region(tmp)
    odd = folder / "antrian.xlsx"
    os.mkfifo(odd)
    return _folder_score(folder, odd)


# --- rubrics -----------------------------------------------------------------------------


def _rubric(name: str, text: str | bytes | Callable[[Path], None]) -> Callable[[Path], Built]:
    def build(tmp: Path) -> Built:
        path = tmp / name
        if callable(text):
            text(path)
        elif isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return Built(["rubric", "check", str(path)], str(path), [path] if path.is_file() else [])

    return build


def _mini_with(old: str, new: str) -> str:
    text = MINI.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
)


def _huge_rubric(path: Path) -> None:
    with path.open("wb") as handle:
        handle.write(b"id: besar\n# " + b"x" * 1000 + b"\n")
        handle.truncate(50 * 1024 * 1024)


def _extends_loop(path: Path) -> None:
    path.write_text(f"id: putar\nextends: {path.name}\n", encoding="utf-8")


def _extends_missing(path: Path) -> None:
    path.write_text("extends: tidak-ada.yaml\nid: x\n", encoding="utf-8")


def _rubric_dir(path: Path) -> None:
    path.mkdir()


def _rubric_loop(path: Path) -> None:
    os.symlink(path.name, path)


def _as_score_rubric(build: Callable[[Path], Built]) -> Callable[[Path], Built]:
    """The same bad rubric given to `kla score --rubric`."""

    def wrapped(tmp: Path) -> Built:
        built = build(tmp)
        folder = _region(tmp)
        return Built(
            ["score", str(folder), "--rubric", built.named],
            built.named,
            [*built.inputs, *sorted(folder.iterdir())],
        )

    return wrapped


def _hide(book: Workbook) -> None:
    ws = book[ANSWER_SHEET]
    ws.sheet_state = "hidden"
    book.active = 0 if book.worksheets[0] is not ws else 1


def _hide_rows(book: Workbook) -> None:
    ws = book[ANSWER_SHEET]
    for row in range(FIRST_ITEM_ROW, ws.max_row + 1):
        ws.row_dimensions[row].hidden = True


def _merge_answers(book: Workbook) -> None:
    ws = book[ANSWER_SHEET]
    first = _row(ws, "13.1")
    ws.merge_cells(start_row=first, start_column=ANSWER, end_row=first + 1, end_column=ANSWER)


def _rename_sheet(book: Workbook) -> None:
    book[ANSWER_SHEET].title = "Sheet1"


def _empty_book(book: Workbook) -> None:
    for ws in list(book.worksheets)[1:]:
        book.remove(ws)
    book.worksheets[0].title = "Sheet"
    book.worksheets[0].delete_rows(1, book.worksheets[0].max_row)


def _blank_answer_sheet(book: Workbook) -> None:
    ws = book[ANSWER_SHEET]
    ws.delete_rows(1, ws.max_row)


def _drop_evidence_header(book: Workbook) -> None:
    book[ANSWER_SHEET].cell(HEADER_ROW, EVIDENCE).value = None


def _blank_rows(book: Workbook) -> None:
    ws = book[ANSWER_SHEET]
    for row in range(ws.max_row + 1, ws.max_row + 10_001):
        ws.cell(row, ANSWER).value = " "
        ws.cell(row, 1).value = ""


def _unknown_code(book: Workbook) -> None:
    ws = book[ANSWER_SHEET]
    ws.cell(_row(ws, "13.2"), 1).value = "99.9"


def _duplicate_row(book: Workbook) -> None:
    ws = book[ANSWER_SHEET]
    source = _row(ws, "13.1")
    target = ws.max_row + 1
    for col in range(1, len(FORM_COLUMNS) + 1):
        ws.cell(target, col).value = ws.cell(source, col).value


def _formula_text_evidence(book: Workbook) -> None:
    ws = book[ANSWER_SHEET]
    cell = ws.cell(_row(ws, "13.1"), EVIDENCE)
    cell.value = '=HYPERLINK("http://x.example","klik")'
    cell.data_type = "s"  # stored as text, as a careless export would


def _huge_sheet_name(book: Workbook) -> None:
    book.create_sheet("x" * 31)


# --- the corpus --------------------------------------------------------------------------

LONG = "Perda " * 20_000

CASES: list[Case] = [
    # containers that are not OPD workbooks
    Case(
        "not-a-zip", _raw("teks.xlsx", b"Kode;Jawaban\n13.1;12\n"), 1, "wrong-format", "plain text"
    ),
    Case("empty-file", _raw("kosong.xlsx", b""), 1, "empty-file", "empty (0 bytes)"),
    Case("truncated-zip", _raw("potong.xlsx", _truncated), 1, "damaged", "damaged or incomplete"),
    Case("xls-renamed", _raw("lama.xlsx", _xls_bytes), 1, "wrong-format", ".xls"),
    Case("ods-renamed", _raw("calc.xlsx", _ods_bytes), 1, "wrong-format", ".ods"),
    Case("password-protected", _raw("rahasia.xlsx", _encrypted_bytes), 1, "encrypted", "password"),
    Case(
        "zip-not-workbook",
        _raw("arsip.xlsx", _rezip(lambda m: [m.pop(n) for n in list(m) if n.startswith("xl/")])),
        1,
        "wrong-format",
        "zip archive",
    ),
    Case("zip-bomb", _zip_bomb, 1, "too-large", "MB"),
    Case(
        "entity-bomb",
        _raw("entitas.xlsx", _rezip(_entity_bomb)),
        1,
        "xml-entities",
        "refused for safety",
    ),
    Case(
        "external-entity",
        _raw("xxe.xlsx", _rezip(_external_entity)),
        1,
        "xml-entities",
        "refused for safety",
    ),
    # sheets and layout
    Case(
        "empty-workbook",
        _workbook("kosong.xlsx", _empty_book),
        1,
        "missing-sheet",
        "sheet 'Isian' not found",
    ),
    Case("missing-sheet", _workbook("lembar.xlsx", _rename_sheet), 1, "missing-sheet", "Sheet1"),
    Case(
        "blank-answer-sheet",
        _workbook("polos.xlsx", _blank_answer_sheet),
        1,
        "no-header",
        "header row",
        where=":Isian!A1",
    ),
    Case(
        "missing-column",
        _workbook("kolom.xlsx", _drop_evidence_header),
        1,
        "missing-column",
        "Data dukung",
        where=f":Isian!A{HEADER_ROW}",
    ),
    Case("hidden-answer-sheet", _workbook("sembunyi.xlsx", _hide), 0, None),
    Case("hidden-rows", _workbook("baris.xlsx", _hide_rows), 0, None),
    Case(
        "merged-answer-cells",
        _workbook("gabung.xlsx", _merge_answers),
        1,
        "merged-cell",
        "F7:F8",
        where=":Isian!F8",
    ),
    Case("ten-thousand-blank-rows", _workbook("panjang.xlsx", _blank_rows), 0, None),
    Case("unknown-item-code", _workbook("kode.xlsx", _unknown_code), 1, "unknown-item", "99.9"),
    Case("duplicate-row", _workbook("ganda.xlsx", _duplicate_row), 1, "duplicate-row", "13.1"),
    Case("formula-text-in-evidence", _workbook("rumus-teks.xlsx", _formula_text_evidence), 0, None),
    # cell values
    Case(
        "formula-not-computed",
        _answer("13.1", "=10+2"),
        1,
        "formula-not-computed",
        "13.1",
        where=":Isian!F",
    ),
    Case(
        "external-link-formula",
        _answer("13.1", "=[lain.xlsx]Isian!E7"),
        1,
        "formula-not-computed",
        "13.1",
    ),
    Case(
        "date-for-percent", _answer("13.1", datetime(2025, 1, 5)), 1, "not-a-number", "2025-01-05"
    ),
    Case("boolean-for-percent", _answer("13.2", True), 1, "not-a-number", "True"),
    Case("boolean-for-count", _answer("2.2", False, "dp3a"), 1, "not-a-number", "False"),
    Case(
        "date-for-count",
        _answer("2.2", datetime(2024, 12, 31), "dp3a"),
        1,
        "not-a-number",
        "2024-12-31",
    ),
    Case("huge-percent", _answer("13.2", 1e308), 1, "percent-out-of-range", "1e+308"),
    Case("huge-count", _answer("2.2", 1e308, "dp3a"), 0, None),
    Case("overflow-text", _answer("13.2", "1e309"), 1, "not-a-number", "1e309"),
    Case("nan-text", _answer("13.2", "NaN"), 1, "not-a-number", "NaN"),
    Case("infinity-text", _answer("13.2", "inf"), 1, "not-a-number", "inf"),
    Case("negative-zero", _answer("13.1", -0.0), 0, None),
    Case("negative-zero-text", _answer("13.1", "-0"), 0, None),
    Case("negative-count", _answer("2.2", -3, "dp3a"), 1, "negative-count", "-3"),
    Case("fraction-count", _answer("2.2", 2.5, "dp3a"), 1, "not-whole-number", "2.5"),
    Case("percent-over-100", _answer("13.2", "150%"), 1, "percent-out-of-range", "150"),
    Case("excel-error-value", _answer("13.2", "#DIV/0!"), 1, "not-a-number", "#DIV/0!"),
    Case("very-long-answer", _answer("1.1", LONG, "dp3a"), 1, "not-an-option", "Perda Perda"),
    Case(
        "formula-looking-answer",
        _answer("1.1", "@SUM(1+1)*cmd|' /C calc'!A0", "dp3a"),
        1,
        "not-an-option",
        "@SUM",
    ),
    Case("zero-width-space", _answer("13.2", "1\u200b2"), 1, "not-a-number", "'1\\u200b2'"),
    # paths
    Case("missing-path", _missing_path, 2, "path.missing", "no such file or folder"),
    Case(
        "folder-without-workbooks",
        _empty_folder,
        2,
        "path.no_workbooks",
        "no workbooks (.xlsx, .xlsm, .xls, .ods)",
    ),
    Case("symlink-loop-in-region", _symlink_loop, 1, "cannot-open", "symbolic links"),
    Case("folder-named-xlsx", _folder_named_xlsx, 1, "cannot-open", "directory"),
    Case("named-pipe-named-xlsx", _fifo_named_xlsx, 1, "not-a-file", "named pipe"),
    Case("non-utf8-file-name", _non_utf8_name, 1, "wrong-format", "plain text"),
    Case("newline-in-file-name", _newline_name, 1, "wrong-format", "plain text"),
    # outputs
    Case("output-is-folder", _output_is_folder, 2, "output.is_dir", "the output path is a folder"),
    Case(
        "output-in-missing-folder",
        _output_in_missing_folder,
        2,
        "output.no_folder",
        "folder does not exist",
    ),
    Case("output-over-input", _output_over_input, 2, "output.is_input", "input"),
    # rubrics
    Case(
        "yaml-alias-bomb",
        _rubric("bom.yaml", ALIAS_BOMB),
        1,
        "rubric.too_complex",
        "too many YAML nodes",
        where=":1",
    ),
    Case("rubric-50mb", _rubric("besar.yaml", _huge_rubric), 2, "rubric.too_large", "too large"),
    Case(
        "yaml-python-object",
        _rubric("objek.yaml", "id: !!python/object/apply:os.system ['touch /tmp/kla-pwned']\n"),
        1,
        "rubric.yaml_tag",
        "!!python/object/apply:os.system",
        where=":1",
    ),
    Case(
        "yaml-python-name",
        _rubric("nama.yaml", "id: x\nmodel: !!python/name:os.system\n"),
        1,
        "rubric.yaml_tag",
        "!!python/name:os.system",
        where=":2",
    ),
    Case(
        "yaml-custom-tag",
        _rubric("tag.yaml", "id: x\ntitle: !Include rahasia.yaml\n"),
        1,
        "rubric.yaml_tag",
        "!Include",
        where=":2",
    ),
    Case(
        "yaml-syntax",
        _rubric("sintaks.yaml", "id: x\ngroups: [a, b\nopds: []\n"),
        1,
        "rubric.yaml_error",
        "invalid YAML",
    ),
    Case(
        "yaml-tab-indent",
        _rubric("tab.yaml", "id: x\ngroups:\n\t- a\n"),
        1,
        "rubric.yaml_error",
        "invalid YAML",
        where=":3",
    ),
    Case(
        "rubric-not-mapping",
        _rubric("daftar.yaml", "- a\n- b\n"),
        1,
        "rubric.not_mapping",
        "YAML mapping",
    ),
    Case("rubric-empty", _rubric("kosong.yaml", ""), 1, "rubric.not_mapping", "YAML mapping"),
    Case(
        "rubric-latin1",
        _rubric("latin.yaml", "id: x\ntitle: Kabupaten Bone\xe9\n".encode("latin-1")),
        1,
        "rubric.not_utf8",
        "0xE9",
        where=":2",
    ),
    Case(
        "rubric-binary",
        _rubric("biner.yaml", b"\x00\x01\x02PK\x03\x04"),
        1,
        "rubric.yaml_error",
        "invalid YAML",
    ),
    Case(
        "rubric-is-folder",
        _rubric("folder.yaml", _rubric_dir),
        2,
        "rubric.unreadable",
        "cannot read",
    ),
    Case(
        "rubric-symlink-loop",
        _rubric("putar.yaml", _rubric_loop),
        2,
        "rubric.unreadable",
        "cannot read",
    ),
    Case(
        "rubric-extends-loop", _rubric("a.yaml", _extends_loop), 1, "rubric.extends_loop", "loops"
    ),
    Case(
        "rubric-extends-missing",
        _rubric("turunan.yaml", _extends_missing),
        1,
        "rubric.extends_missing",
        "tidak-ada.yaml",
        where=":1",
    ),
    Case(
        "rubric-missing-field",
        _rubric("tanpa-id.yaml", _mini_with("id: mini\n", "")),
        1,
        "rubric.invalid",
        "required key 'id' is missing",
        lines=2,
    ),
    Case(
        "rubric-duplicate-code",
        _rubric("ganda.yaml", _mini_with('code: "1.2"', 'code: "1.1"')),
        1,
        "rubric.invalid",
        "duplicate value '1.1'",
        lines=2,
    ),
    Case(
        "rubric-sum-mismatch",
        _rubric("jumlah.yaml", _mini_with("max_total: 100", "max_total: 101")),
        1,
        "rubric.invalid",
        "sum to 100",
        lines=2,
        where=":6",
    ),
    Case(
        "rubric-nan-points",
        _rubric("nan.yaml", _mini_with("max: 20", "max: .nan")),
        1,
        "rubric.invalid",
        "must be ≥ 0",
        lines=2,
        where=":29",
    ),
    Case(
        "rubric-inf-total",
        _rubric("inf.yaml", _mini_with("max_total: 100", "max_total: .inf")),
        1,
        "rubric.invalid",
        "max_total inf",
        lines=2,
    ),
    Case(
        "rubric-tier-gap",
        _rubric("celah.yaml", _mini_with("min: 60, max: 70", "min: 62, max: 70")),
        1,
        "rubric.invalid",
        "gap between tiers",
        lines=2,
    ),
    Case(
        "rubric-tier-nan",
        _rubric("tier-nan.yaml", _mini_with("min: 60, max: 70", "min: .nan, max: 70")),
        1,
        "rubric.invalid",
        "must be ≥ 0",
        lines=2,
        where=":9",
    ),
    Case(
        "rubric-wrong-type",
        _rubric("jenis.yaml", _mini_with("type: yesno", "type: essay")),
        1,
        "rubric.invalid",
        "'essay' is not known; choose one of: 'choice'",
        lines=2,
        where=":37",
    ),
    Case(
        "score-with-alias-bomb",
        _as_score_rubric(_rubric("bom.yaml", ALIAS_BOMB)),
        2,
        "rubric.too_complex",
        "too many YAML nodes",
    ),
    Case(
        "score-with-python-tag",
        _as_score_rubric(
            _rubric("objek.yaml", "id: !!python/object/apply:os.system ['touch /tmp/kla-pwned']\n")
        ),
        2,
        "rubric.yaml_tag",
        "python/object",
    ),
]


# --- commands merged from the other branches: batch manifests, report and merge outputs ---


def _manifest(
    text: str | Callable[[Path], str], named: str = "manifest.yaml"
) -> Callable[[Path], Built]:
    def build(tmp: Path) -> Built:
        root = tmp / "provinsi"
        _region(root, "kota-a")
        manifest = root / "manifest.yaml"
        manifest.write_text(text(tmp) if callable(text) else text, encoding="utf-8")
        inputs = [manifest, *sorted((root / "kota-a").iterdir())]
        return Built(["batch", str(manifest), *RUBRIC_ARGS], str(root / named), inputs)

    return build


def _outside_link(tmp: Path) -> str:
    outside = _region(tmp, "luar")
    (tmp / "provinsi" / "tautan").symlink_to(outside, target_is_directory=True)
    return "regions:\n  - {name: Kota A, path: kota-a}\n  - {name: Luar, path: tautan}\n"


def _looping_entry(tmp: Path) -> str:
    loop = tmp / "provinsi" / "putar"
    loop.symlink_to(loop.name)
    return "regions:\n  - {name: Kota A, path: kota-a}\n  - {name: Putar, path: putar}\n"


def _batch_symlink_loop(tmp: Path) -> Built:
    root = tmp / "provinsi"
    region = _region(root, "kota-a")
    loop = region / "putaran.xlsx"
    loop.symlink_to(loop.name)
    (region / "naik.xlsx").symlink_to("..", target_is_directory=True)  # a folder loop
    (root / "kota-b").symlink_to("kota-b")  # a region that is a loop itself
    return Built(
        ["batch", str(root), *RUBRIC_ARGS],
        str(loop),
        sorted(p for p in region.iterdir() if not p.is_symlink()),
    )


def _report_output(kind: str, target: Callable[[Path, Path], Path]) -> Callable[[Path], Built]:
    def build(tmp: Path) -> Built:
        folder = _region(tmp)
        out = target(tmp, folder)
        extra = ["--allow-errors"] if kind == "report" else []
        return Built(
            [kind, str(folder), *RUBRIC_ARGS, "-o", str(out), *extra],
            str(out),
            sorted(folder.iterdir()),
        )

    return build


def _a_folder(tmp: Path, _: Path) -> Path:
    out = tmp / "laporan.xlsx"
    out.mkdir()
    return out


def _an_input(_: Path, folder: Path) -> Path:
    return folder / "dinkes.xlsx"


def _beside_inputs(_: Path, folder: Path) -> Path:
    return folder / "laporan.xlsx"


CASES += [
    Case(
        "manifest-escapes-folder",
        _manifest(
            "regions:\n  - {name: Kota A, path: kota-a}\n  - {name: Luar, path: ../../etc}\n"
        ),
        2,
        "batch.manifest.escape",
        "regions[1]: path '../../etc'",
    ),
    Case(
        "manifest-absolute-path",
        _manifest("regions:\n  - {name: Akar, path: /etc}\n"),
        2,
        "batch.manifest.escape",
        "regions[0]: path '/etc'",
    ),
    Case(
        "manifest-symlink-outside",
        _manifest(_outside_link),
        2,
        "batch.manifest.escape",
        "regions[1]: path 'tautan'",
    ),
    Case(
        "manifest-symlink-loop",
        _manifest(_looping_entry),
        2,
        "batch.manifest.loop",
        "regions[1]: path 'putar'",
    ),
    Case(
        "manifest-alias-bomb",
        _manifest(ALIAS_BOMB),
        2,
        "batch.manifest.invalid",
        "more than 100000 YAML nodes",
    ),
    Case(
        "manifest-python-tag",
        _manifest("regions: !!python/object/apply:os.system ['true']\n"),
        2,
        "batch.manifest.invalid",
        "python/object",
        where=":1",
    ),
    Case("symlink-loops-in-batch", _batch_symlink_loop, 1, None),  # findings in the JSON: see test
    Case(
        "report-output-is-folder",
        _report_output("report", _a_folder),
        2,
        "output.is_dir",
        "the output path is a folder",
    ),
    Case(
        "merge-output-is-folder",
        _report_output("merge", _a_folder),
        2,
        "output.is_dir",
        "the output path is a folder",
    ),
    Case(
        "report-output-over-input",
        _report_output("report", _an_input),
        2,
        "output.is_input",
        "never overwritten",
    ),
    Case(
        "report-xlsx-into-input-folder",
        _report_output("report", _beside_inputs),
        2,
        "output.in_input_folder",
        "would read it as an OPD workbook",
    ),
    Case(
        "merge-output-over-input",
        _report_output("merge", _an_input),
        2,
        "merge.inside",
        "must not be inside",
    ),
]


# --- issue 17, process and output half: internal errors that did not name the file ----------

DEEP = 1000
"""Nesting levels of the deep documents below (Python's stack gives out near 1000 frames)."""


def _deep_flow(levels: int) -> str:
    return "{a: " * levels + "1" + "}" * levels


def _long_path(tmp: Path) -> Built:
    """A 5,000-character path (the system allows 4,096): named, cut in the middle."""
    path = str(tmp / ("a/" * 2500)) + "dinkes.xlsx"
    return Built(["score", path, *RUBRIC_ARGS], path[-200:])


def _long_name(tmp: Path) -> Built:
    """A file name of 300 bytes (the system allows 255)."""
    path = tmp / ("b" * 296 + ".xlsx")
    return Built(["score", str(path), *RUBRIC_ARGS], path.name[-200:])


CASES += [
    Case(
        "rubric-nested-1000-levels",
        _rubric("dalam.yaml", f"id: x\nname: {_deep_flow(DEEP - 2)}\n"),
        1,  # rubric check: a rubric with problems is a finding (exit 1)
        "rubric.too_deep",
        "more than 64 levels deep",
        where=":2",
    ),
    Case(
        "rubric-nested-100-levels",
        _rubric("dalam.yaml", f"id: x\nname: {_deep_flow(100)}\n"),
        1,  # rubric check: a rubric with problems is a finding (exit 1)
        "rubric.too_deep",
        "more than 64 levels deep",
        where=":2",
    ),
    Case(
        "manifest-nested-1000-levels",
        _manifest(f"regions: {_deep_flow(DEEP - 2)}\n"),
        2,
        "batch.manifest.invalid",
        "nested more than 64 levels deep",
        where=":1",
    ),
    Case(
        "manifest-nul-in-path",
        _manifest('regions:\n  - {name: Kota A, path: "kota-a\\0x"}\n'),
        2,
        "batch.manifest.invalid",
        "regions[0]: invalid manifest: 'path' holds a NUL character",
    ),
    Case("path-5000-characters", _long_path, 2, "path.unusable", "File name too long"),
    Case("file-name-300-bytes", _long_name, 2, "path.unusable", "File name too long"),
]

# --- reading (issue 17): runaway sheets, damaged files, duplicate parts, junk rows ---------

from .hostile_reading import READING_CASES  # noqa: E402  (it builds on the helpers above)

CASES += READING_CASES
