"""Hostile text in outputs (issue 17): a rubric question beginning with `=` stays text in every
form and recap, exactly as written; control characters pasted from Word (a vertical tab) or
typed (`\\x01`) in a region name never crash a writer and never reach the terminal raw; a long
but valid output name works; `template` writes all its forms or none; with `-f json` every
command prints its JSON whatever its exit code."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.form_layout import ANSWER_SHEET
from kla_cli.core.rubric import Rubric
from kla_cli.workbook.synthetic import synthetic_answers, write_region

from ..conftest import EXAMPLE, MINI_RUBRIC
from .hostile_corpus import _answer

FORMULA_QUESTION = '=HYPERLINK("http://x.example","klik")'
CONTROL_REGION = "Kota\x0bUji\x01"
"""As read from a workbook: a vertical tab (a line break pasted from Word) and a \\x01."""


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


# --- a rubric question that looks like a formula ---------------------------------------------


@pytest.fixture
def formula_rubric(tmp_path: Path) -> Path:
    text = MINI_RUBRIC.read_text(encoding="utf-8")
    old = "question: {id: Bentuk kebijakan KLA, en: Form of the KLA policy}"
    assert old in text
    new = f"question: {{id: '{FORMULA_QUESTION}', en: '{FORMULA_QUESTION}'}}"
    path = tmp_path / "rumus.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _string_cells(path: Path) -> list[str]:
    """Every text of `path`, checked to be no formula by openpyxl; the same texts from calamine."""
    from python_calamine import CalamineWorkbook

    texts: list[str] = []
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name}:{ws.title}!{cell.coordinate}"
                if isinstance(cell.value, str) and cell.value:
                    texts.append(cell.value)
    book = CalamineWorkbook.from_path(str(path))
    read = [
        v
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for v in row
        if isinstance(v, str) and v
    ]
    assert sorted(read) == sorted(texts)
    return texts


def test_formula_question_stays_text_in_forms_and_recap(
    formula_rubric: Path, tmp_path: Path
) -> None:
    forms = tmp_path / "formulir"
    code, _, err = _run("template", "-o", str(forms), "-r", str(formula_rubric))
    assert code == 0, err
    form = next(p for p in sorted(forms.glob("*.xlsx")) if p.name != "inventaris.xlsx")
    found = [t for p in forms.glob("*.xlsx") for t in _string_cells(p) if "HYPERLINK" in t]
    assert FORMULA_QUESTION + " *" in found  # as written (* evidence asked): no apostrophe
    assert not [t for t in found if t.startswith("'")]
    recap = tmp_path / "rekap.xlsx"
    code, _, err = _run("merge", str(forms), "-r", str(formula_rubric), "-o", str(recap))
    assert code in (0, 1), err
    assert FORMULA_QUESTION + " *" in _string_cells(recap)
    assert form.exists()


@pytest.mark.libreoffice
def test_libreoffice_shows_the_formula_question_as_text(
    formula_rubric: Path, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed, so the conversion is not tried")
    forms = tmp_path / "formulir"
    _run("template", "-o", str(forms), "-r", str(formula_rubric), "--opd", "dp3a")
    (form,) = forms.glob("*.xlsx")
    done = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(tmp_path),
            str(form),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.csv"))
    assert FORMULA_QUESTION.replace('"', '""') in text  # as text; evaluated, it would be klik


# --- control characters in a region name -----------------------------------------------------


@pytest.fixture
def control_region(mini: Rubric, tmp_path: Path) -> Path:
    """A region whose workbooks name it `Kota\\x0bUji\\x01` (written as Excel's own escapes
    `_x000B_` and `_x0001_`, as Excel stores them)."""
    folder = tmp_path / "provinsi" / "kota"
    write_region(mini, folder, "KOTAXX", "2025", synthetic_answers(mini, 0.8, seed=5))
    for path in sorted(folder.glob("*.xlsx")):
        with zipfile.ZipFile(path) as archive:
            members = {n: archive.read(n) for n in archive.namelist()}
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data.replace(b"KOTAXX", b"Kota_x000B_Uji_x0001_"))
    return folder


def test_merge_with_control_characters(control_region: Path, tmp_path: Path) -> None:
    recap = tmp_path / "rekap.xlsx"
    code, _, err = _run("merge", str(control_region), "-r", str(MINI_RUBRIC), "-o", str(recap))
    assert code == 0, err
    assert "Kota\nUji" in _string_cells(recap)  # the vertical tab as a line break, \x01 dropped
    assert "\x01" not in err and "\x0b" not in err


def test_report_xlsx_with_control_characters(control_region: Path, tmp_path: Path) -> None:
    out = tmp_path / "laporan.xlsx"
    args = ["report", str(control_region), "-r", str(MINI_RUBRIC), "-o", str(out)]
    code, _, err = _run(*args, "--allow-errors")
    assert code == 0, err
    assert any("Kota\nUji" in t for t in _string_cells(out))


@pytest.mark.parametrize("kind", ["html", "markdown"])
def test_report_documents_hold_no_control_characters(control_region: Path, kind: str) -> None:
    code, out, err = _run("report", str(control_region), "-r", str(MINI_RUBRIC), "-f", kind)
    assert code == 0, err
    assert "Kota" in out
    assert not [c for c in out if ord(c) < 32 and c not in "\t\n\r"]


@pytest.mark.parametrize("command", ["score", "gap"])
def test_terminal_shows_control_characters_escaped(control_region: Path, command: str) -> None:
    code, out, err = _run(command, str(control_region), "-r", str(MINI_RUBRIC))
    assert code in (0, 1), err
    assert "Kota\\x0bUji\\x01" in out
    assert not [c for c in out + err if ord(c) < 32 and c != "\n"]


# --- output names, all-or-none templates ------------------------------------------------------


def test_output_name_of_250_bytes(tmp_path: Path) -> None:
    """A valid name near the system's limit (255 bytes) works: the temporary name is short."""
    out = tmp_path / ("h" * 245 + ".json")
    code, _, err = _run("score", str(EXAMPLE), "-f", "json", "-o", str(out))
    assert code == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))["total"] > 0
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_template_with_an_unwritable_target_writes_no_form(tmp_path: Path) -> None:
    """The last form's target cannot be written: the ones before it are not left behind."""
    _, out, _ = _run("template", "-o", str(tmp_path / "coba"), "-r", str(MINI_RUBRIC))
    last = Path(out.splitlines()[-1]).name  # in the order they are written
    folder = tmp_path / "formulir"
    folder.mkdir()
    (folder / last).symlink_to(f"/proc/self/tidak-bisa/{last}")
    code, _, err = _run("template", "-o", str(folder), "-r", str(MINI_RUBRIC))
    assert code == 2, err
    assert last in err
    assert sorted(p.name for p in folder.iterdir()) == [last]  # only the link


def test_template_failing_half_way_writes_no_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The third form cannot be written (a full disk): the two before it are not left."""
    from openpyxl import Workbook

    saved: list[str] = []
    real = Workbook.save

    def third_fails(self: Workbook, filename: str) -> None:
        if len(saved) == 2:
            raise OSError(28, "No space left on device", filename)
        real(self, filename)
        saved.append(filename)

    monkeypatch.setattr(Workbook, "save", third_fails)
    folder = tmp_path / "formulir"
    code, _, err = _run("template", "-o", str(folder), "-r", str(MINI_RUBRIC))
    monkeypatch.undo()
    assert code == 2, err
    assert "No space left" in err
    assert len(saved) == 2
    assert not folder.exists()  # made for the forms, removed with them


# --- JSON whatever the exit code -------------------------------------------------------------


def _blocked_region(tmp: Path) -> Path:
    """A workbook with a blocking error (a negative count)."""
    built = _answer("2.2", -3, "dp3a")(tmp)
    return Path(built.args[1])


@pytest.mark.parametrize("command", ["score", "gap", "compare", "history", "validate"])
def test_json_is_printed_on_exit_1(command: str, tmp_path: Path) -> None:
    book = _blocked_region(tmp_path)
    args = {
        "score": [str(book)],
        "gap": [str(book)],
        "validate": [str(book)],
        "compare": [str(book), str(book)],
    }.get(command)
    if args is None:  # history: two year folders
        for year in ("2024", "2025"):
            (tmp_path / "riwayat" / year).mkdir(parents=True)
            shutil.copy(book, tmp_path / "riwayat" / year / book.name)
        args = [str(tmp_path / "riwayat")]
    code, out, err = _run(command, *args, "-r", str(MINI_RUBRIC), "-f", "json")
    assert code == 1, err
    data = json.loads(out)
    assert data
    if command == "validate":  # its findings are its result
        assert "negative-count" in out
    else:
        assert "negative-count" in err
    if command == "score":
        assert "negative-count" in [f["code"] for f in data["findings"]]


def test_score_table_still_stops_on_errors(tmp_path: Path) -> None:
    """Without -f json, a region with errors is not scored (unless --allow-errors)."""
    book = _blocked_region(tmp_path)
    code, out, _ = _run("score", str(book), "-r", str(MINI_RUBRIC))
    assert code == 1 and out == ""


def test_answer_with_control_characters_in_merge(tmp_path: Path) -> None:
    """An evidence text with a vertical tab and \\x01 (from a workbook) in the recap."""
    built = _answer("13.1", 40)(tmp_path)
    path = Path(built.args[1])
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data.replace(b"Kota Uji", b"Kota_x0001_ Uji_x000B_"))
    recap = tmp_path / "keluar" / "rekap.xlsx"
    recap.parent.mkdir()
    code, _, err = _run("merge", str(path), "-r", str(MINI_RUBRIC), "-o", str(recap))
    assert code in (0, 1), err
    book = load_workbook(recap)
    assert book[ANSWER_SHEET] is not None
