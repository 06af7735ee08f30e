"""`kla validate`: a corpus of broken workbooks (one per check, built in code), exit codes, formats.

The corpus starts from a clean region of the mini rubric written by `kla template`'s builder, then
breaks one thing per case. Files are read in name order: bappeda.xlsx, dinkes.xlsx, dp3a.xlsx.
Rows: bappeda 2.1 at row 7; dinkes 13.1, 13.2 at rows 7, 8; dp3a 1.1, 1.2, 2.2 at rows 7, 8, 9.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.form_layout import META_KEYS, META_PROPERTY
from kla_cli.core.rubric import Rubric
from kla_cli.core.validate import validate_region
from kla_cli.i18n.catalogue import MESSAGES
from kla_cli.render.findings import github_line
from kla_cli.workbook.form_writer import Filled
from kla_cli.workbook.read import read_region
from kla_cli.workbook.synthetic import write_region

from ..conftest import MINI_RUBRIC

FULL: dict[str, Filled] = {
    "1.1": Filled("a", "perda-kla.pdf"),
    "1.2": Filled(True, "sk-gugus-tugas.pdf"),
    "2.1": Filled(frozenset({"a", "b"}), "rad-kla.pdf"),
    "2.2": Filled(12.0),
    "13.1": Filled(12.5, "stunting.pdf"),
    "13.2": Filled(85.0, "asi.pdf"),
}
"""Every item of the mini rubric answered with its evidence: a clean region."""


def write_clean_region(rubric: Rubric, folder: Path) -> Path:
    write_region(rubric, folder, "Kota Uji", "2025", FULL)
    return folder


def edit(path: Path, cells: dict[str, object], sheet: str = "Isian") -> None:
    """Change cells of a workbook the way a person (or another program) would."""
    book = load_workbook(path)
    ws = book[sheet]
    for ref, value in cells.items():
        ws[ref] = value
    book.save(path)


def edit_meta(path: Path, key: str, value: str, *, properties: bool = True) -> None:
    """Change one of kla's metadata values as a form made elsewhere would have it: in the
    hidden `_meta` sheet and in the document properties; `properties=False` makes a form from
    before kla wrote document properties (only the sheet)."""
    from openpyxl.packaging.custom import CustomPropertyList, StringProperty

    book = load_workbook(path)
    book["_meta"].cell(META_KEYS.index(key) + 1, 2).value = value
    kept = [p for p in book.custom_doc_props if p.name != META_PROPERTY + key]
    book.custom_doc_props = CustomPropertyList()
    if properties:
        for prop in kept:
            book.custom_doc_props.append(prop)
        book.custom_doc_props.append(StringProperty(name=META_PROPERTY + key, value=value))
    book.save(path)


@dataclass(frozen=True)
class Case:
    name: str
    breaks: Callable[[Path], None]
    """Breaks the clean region in this folder."""
    severity: Severity
    code: str
    file: str
    sheet: str | None
    cell: str | None


def _rename_sheet(folder: Path) -> None:
    book = load_workbook(folder / "dinkes.xlsx")
    book["Isian"].title = "Sheet1"
    book.save(folder / "dinkes.xlsx")


def _not_a_workbook_zip(folder: Path) -> None:
    with zipfile.ZipFile(folder / "dinkes.xlsx", "w") as archive:
        archive.writestr("hello.txt", "not a workbook")


def _answered_by_another_opd(folder: Path) -> None:
    edit(folder / "dinkes.xlsx", {"A8": None})  # Dinkes drops 13.2, DP3A answers it
    edit(folder / "dp3a.xlsx", {"A10": "13.2", "F10": 85, "H10": "asi.pdf"})


E, W = Severity.ERROR, Severity.WARNING
CASES = [
    Case(
        "text-file",
        lambda f: (f / "dinkes.xlsx").write_text("Jawaban: ya\n"),
        E,
        "wrong-format",  # what the file really is: kla_cli.workbook.sniff
        "dinkes.xlsx",
        None,
        None,
    ),
    Case("zip-not-workbook", _not_a_workbook_zip, E, "wrong-format", "dinkes.xlsx", None, None),
    Case("sheet-renamed", _rename_sheet, E, "missing-sheet", "dinkes.xlsx", None, None),
    Case(
        "header-deleted",
        lambda f: edit(f / "dinkes.xlsx", {f"{c}6": None for c in "ABCDEFGHI"}),
        E,
        "no-header",
        "dinkes.xlsx",
        "Isian",
        "A1",
    ),
    Case(
        "evidence-column-deleted",
        lambda f: edit(f / "dinkes.xlsx", {"H6": None}),
        E,
        "missing-column",
        "dinkes.xlsx",
        "Isian",
        "A6",
    ),
    Case(
        "other-rubric",
        lambda f: edit_meta(f / "dinkes.xlsx", "rubric_id", "kla-2019"),
        E,
        "wrong-rubric",
        "dinkes.xlsx",
        "_meta",
        "B1",
    ),
    Case(
        "other-rubric-older-form",
        lambda f: edit_meta(f / "dinkes.xlsx", "rubric_id", "kla-2019", properties=False),
        E,
        "wrong-rubric",
        "dinkes.xlsx",
        "_meta",
        "B1",
    ),
    Case(
        "old-version",
        lambda f: edit_meta(f / "dinkes.xlsx", "rubric_version", "0"),
        E,
        "rubric-version",
        "dinkes.xlsx",
        "_meta",
        "B2",
    ),
    Case(
        "rubric-changed",
        lambda f: edit_meta(f / "dinkes.xlsx", "rubric_hash", "0123456789abcdef"),
        W,
        "rubric-changed",
        "dinkes.xlsx",
        "_meta",
        "B3",
    ),
    Case(
        "opd-empty",
        lambda f: edit(f / "dinkes.xlsx", {"B2": None}),
        E,
        "missing-opd",
        "dinkes.xlsx",
        "Isian",
        "B2",
    ),
    Case(
        "region-empty",
        lambda f: edit(f / "dinkes.xlsx", {"B3": None}),
        E,
        "missing-region",
        "dinkes.xlsx",
        "Isian",
        "B3",
    ),
    Case(
        "year-empty",
        lambda f: edit(f / "dinkes.xlsx", {"B4": None}),
        E,
        "missing-year",
        "dinkes.xlsx",
        "Isian",
        "B4",
    ),
    Case(
        "region-differs",
        lambda f: edit(f / "dinkes.xlsx", {"B3": "Kota Lain"}),
        E,
        "region-mismatch",
        "dinkes.xlsx",
        "Isian",
        "B3",
    ),
    Case(
        "year-differs",
        lambda f: edit(f / "dinkes.xlsx", {"B4": 2024}),
        E,
        "year-mismatch",
        "dinkes.xlsx",
        "Isian",
        "B4",
    ),
    Case(
        "opd-not-in-rubric",
        lambda f: edit(f / "dinkes.xlsx", {"B2": "Dinas Entah"}),
        W,
        "unknown-opd",
        "dinkes.xlsx",
        "Isian",
        "B2",
    ),
    Case(
        "form-of-another-opd",
        lambda f: edit(f / "dinkes.xlsx", {"B2": "Bappeda"}),
        W,
        "opd-mismatch",
        "dinkes.xlsx",
        "Isian",
        "B2",
    ),
    Case(
        "code-edited",
        lambda f: edit(f / "dp3a.xlsx", {"A9": "9.9"}),
        E,
        "unknown-item",
        "dp3a.xlsx",
        "Isian",
        "A9",
    ),
    Case(
        "required-unanswered",
        lambda f: edit(f / "dinkes.xlsx", {"F7": None}),
        E,
        "unanswered",
        "dinkes.xlsx",
        "Isian",
        "F7",
    ),
    Case(
        "optional-unanswered",
        lambda f: edit(f / "dp3a.xlsx", {"F9": None}),
        W,
        "unanswered",
        "dp3a.xlsx",
        "Isian",
        "F9",
    ),
    Case(
        "choice-not-an-option",
        lambda f: edit(f / "dp3a.xlsx", {"F7": "z"}),
        E,
        "not-an-option",
        "dp3a.xlsx",
        "Isian",
        "F7",
    ),
    Case(
        "checklist-not-an-option",
        lambda f: edit(f / "bappeda.xlsx", {"F7": "a, q"}),
        E,
        "not-an-option",
        "bappeda.xlsx",
        "Isian",
        "F7",
    ),
    Case(
        "yesno-not-yes-no",
        lambda f: edit(f / "dp3a.xlsx", {"F8": "mungkin"}),
        E,
        "not-yes-no",
        "dp3a.xlsx",
        "Isian",
        "F8",
    ),
    Case(
        "percent-over-100",
        lambda f: edit(f / "dinkes.xlsx", {"F8": 120}),
        E,
        "percent-out-of-range",
        "dinkes.xlsx",
        "Isian",
        "F8",
    ),
    Case(
        "percent-negative",
        lambda f: edit(f / "dinkes.xlsx", {"F8": "-5"}),
        E,
        "percent-out-of-range",
        "dinkes.xlsx",
        "Isian",
        "F8",
    ),
    Case(
        "count-negative",
        lambda f: edit(f / "dp3a.xlsx", {"F9": -3}),
        E,
        "negative-count",
        "dp3a.xlsx",
        "Isian",
        "F9",
    ),
    Case(
        "count-fraction",
        lambda f: edit(f / "dp3a.xlsx", {"F9": 2.5}),
        E,
        "not-whole-number",
        "dp3a.xlsx",
        "Isian",
        "F9",
    ),
    Case(
        "text-for-number",
        lambda f: edit(f / "dinkes.xlsx", {"F7": "dua belas"}),
        E,
        "not-a-number",
        "dinkes.xlsx",
        "Isian",
        "F7",
    ),
    Case(
        "date-for-number",
        lambda f: edit(f / "dp3a.xlsx", {"F9": "2025-01-12"}),
        E,
        "not-a-number",
        "dp3a.xlsx",
        "Isian",
        "F9",
    ),
    Case(
        "formula-never-computed",
        lambda f: edit(f / "dinkes.xlsx", {"F7": "=10+2.5"}),
        E,
        "formula-not-computed",
        "dinkes.xlsx",
        "Isian",
        "F7",
    ),
    Case(
        "evidence-missing",
        lambda f: edit(f / "dinkes.xlsx", {"H7": None}),
        W,
        "evidence-missing",
        "dinkes.xlsx",
        "Isian",
        "H7",
    ),
    Case(
        "two-opds-disagree",
        lambda f: edit(f / "dp3a.xlsx", {"A10": "13.1", "F10": 30, "H10": "x.pdf"}),
        E,
        "conflicting-answers",
        "dp3a.xlsx",
        "Isian",
        "F10",
    ),
    Case(
        "two-opds-agree",
        lambda f: edit(f / "dp3a.xlsx", {"A10": "13.1", "F10": "12,5", "H10": "x.pdf"}),
        W,
        "duplicate-answer",
        "dp3a.xlsx",
        "Isian",
        "F10",
    ),
    Case(
        "not-responsible",
        _answered_by_another_opd,
        W,
        "not-responsible",
        "dp3a.xlsx",
        "Isian",
        "F10",
    ),
    Case(
        "row-twice",
        lambda f: edit(f / "dinkes.xlsx", {"A9": "13.1", "F9": "12,5", "H9": "s.pdf"}),
        E,
        "duplicate-row",
        "dinkes.xlsx",
        "Isian",
        "A9",
    ),
    Case(
        "opd-file-missing",
        lambda f: (f / "bappeda.xlsx").unlink(),
        W,
        "opd-missing",
        "region",
        None,
        None,
    ),
]


@pytest.fixture
def broken(tmp_path: Path, mini: Rubric, request: pytest.FixtureRequest) -> Path:
    case: Case = request.param
    folder = write_clean_region(mini, tmp_path / "region")
    case.breaks(folder)
    return folder


def _findings(rubric: Rubric, folder: Path) -> list[Finding]:
    return validate_region(rubric, read_region([folder])).findings


def _where(finding: Finding) -> tuple[Severity, str, str, str | None, str | None]:
    return (finding.severity, finding.code, Path(finding.file).name, finding.sheet, finding.cell)


def test_clean_region_has_no_findings(tmp_path: Path, mini: Rubric) -> None:
    assert _findings(mini, write_clean_region(mini, tmp_path / "region")) == []


@pytest.mark.parametrize("broken", CASES, ids=[c.name for c in CASES], indirect=True)
def test_each_broken_workbook_gives_its_code_and_cell(
    broken: Path, mini: Rubric, request: pytest.FixtureRequest
) -> None:
    case: Case = request.node.callspec.params["broken"]
    found = [_where(f) for f in _findings(mini, broken)]
    assert (case.severity, case.code, case.file, case.sheet, case.cell) in found, found


@pytest.mark.parametrize("broken", CASES, ids=[c.name for c in CASES], indirect=True)
def test_warnings_only_counted_change_nothing_else(broken: Path, mini: Rubric) -> None:
    """A batch only shows how many warnings a region has (`keep_warnings=False`): the same
    number, the same errors, responses and invalid items as when every warning is made."""
    submissions = read_region([broken])
    kept = validate_region(mini, submissions)
    counted = validate_region(mini, submissions, keep_warnings=False)
    warnings = [f for f in kept.findings if f.severity is Severity.WARNING]
    assert counted.warnings == kept.warnings == len(warnings)
    assert [f for f in counted.findings if f.severity is Severity.ERROR] == [
        f for f in kept.findings if f.severity is Severity.ERROR
    ]
    assert (counted.responses, counted.invalid) == (kept.responses, kept.invalid)
    made = {f.code for f in counted.findings if f.severity is Severity.WARNING}
    assert not made & {"evidence-missing", "not-responsible", "percent-as-fraction"}


def test_each_row_warning_is_counted_when_not_kept(tmp_path: Path, mini: Rubric) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dinkes.xlsx", {"H7": None, "H8": None})  # 13.1 and 13.2 lose their evidence
    edit(folder / "dp3a.xlsx", {"H7": None})  # and 1.1
    counted = validate_region(mini, read_region([folder]), keep_warnings=False)
    assert counted.warnings_not_kept == counted.warnings == 3
    assert counted.findings == []


def test_the_corpus_covers_every_check_of_the_issue() -> None:
    codes = {c.code for c in CASES}
    assert codes >= {
        "wrong-format",
        "wrong-rubric",
        "rubric-version",
        "missing-opd",
        "missing-region",
        "missing-year",
        "region-mismatch",
        "year-mismatch",
        "unknown-item",
        "unanswered",
        "not-an-option",
        "percent-out-of-range",
        "negative-count",
        "not-a-number",
        "formula-not-computed",
        "evidence-missing",
        "conflicting-answers",
        "duplicate-answer",
        "not-responsible",
        "duplicate-row",
    }


@pytest.mark.parametrize("code", sorted({c.code for c in CASES}))
def test_every_finding_says_what_is_expected(code: str) -> None:
    for lang in (0, 1):
        assert MESSAGES[f"finding.{code}.hint"][lang].strip()


@pytest.mark.parametrize("broken", CASES, ids=[c.name for c in CASES], indirect=True)
def test_cli_names_file_and_cell_and_never_crashes(
    broken: Path, runner: CliRunner, request: pytest.FixtureRequest
) -> None:
    case: Case = request.node.callspec.params["broken"]
    result = runner.invoke(app, ["validate", str(broken), "--rubric", str(MINI_RUBRIC)])
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == (1 if case.severity is Severity.ERROR else 0), result.output
    place = case.file if case.file != "region" else "region"
    if case.sheet:
        place += f":{case.sheet}" + (f"!{case.cell}" if case.cell else "")
    lines = [line for line in result.stdout.splitlines() if f"[{case.code}]" in line]
    assert any(place in line and case.severity.value in line for line in lines), result.stdout


def test_findings_are_collected_not_stopped_at_the_first(tmp_path: Path, mini: Rubric) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dp3a.xlsx", {"F7": "z", "F8": "mungkin", "F9": -1})
    edit(folder / "dinkes.xlsx", {"F7": "banyak", "F8": 101})
    codes = [(Path(f.file).name, f.cell, f.code) for f in _findings(mini, folder)]
    assert codes == [
        ("dinkes.xlsx", "F7", "not-a-number"),
        ("dinkes.xlsx", "F8", "percent-out-of-range"),
        ("dp3a.xlsx", "F7", "not-an-option"),
        ("dp3a.xlsx", "F8", "not-yes-no"),
        ("dp3a.xlsx", "F9", "negative-count"),
    ]


def test_input_files_are_not_modified(tmp_path: Path, mini: Rubric, runner: CliRunner) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dinkes.xlsx", {"F7": "=10+2.5"})
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    runner.invoke(app, ["validate", str(folder), "-r", str(MINI_RUBRIC)])
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


# --- exit codes ------------------------------------------------------------------------------


def _validate(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["validate", "-r", str(MINI_RUBRIC), *args])
    return result.exit_code, result.stdout, result.stderr


def test_exit_0_when_clean(tmp_path: Path, mini: Rubric, runner: CliRunner) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    code, out, _ = _validate(runner, str(folder))
    assert code == 0
    for name in ("bappeda.xlsx", "dinkes.xlsx", "dp3a.xlsx"):
        assert f"{folder / name}: clean" in out  # one summary line per file
    assert "3 files checked: errors: 0, warnings: 0" in out
    assert _validate(runner, str(folder), "--strict")[0] == 0


def test_exit_1_on_errors(tmp_path: Path, mini: Rubric, runner: CliRunner) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dinkes.xlsx", {"F8": 120})
    code, out, _ = _validate(runner, str(folder))
    assert code == 1
    assert f"{folder / 'dinkes.xlsx'}: errors: 1, warnings: 0" in out
    assert f"{folder / 'dp3a.xlsx'}: clean" in out


def test_warnings_fail_only_with_strict(tmp_path: Path, mini: Rubric, runner: CliRunner) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dinkes.xlsx", {"H7": None})
    assert _validate(runner, str(folder))[0] == 0
    assert _validate(runner, str(folder), "--strict")[0] == 1


def test_exit_2_when_it_cannot_run(tmp_path: Path, runner: CliRunner) -> None:
    code, out, err = _validate(runner, str(tmp_path / "nowhere"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "nowhere" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n")
    result = runner.invoke(app, ["validate", "-r", str(bad), str(tmp_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_files_and_folders_are_both_accepted(
    tmp_path: Path, mini: Rubric, runner: CliRunner
) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    files = [str(folder / n) for n in ("bappeda.xlsx", "dinkes.xlsx", "dp3a.xlsx")]
    code, out, _ = _validate(runner, *files)
    assert code == 0 and "3 files checked" in out


def test_indonesian_output(tmp_path: Path, mini: Rubric, runner: CliRunner) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dinkes.xlsx", {"F8": 120})
    result = runner.invoke(app, ["--lang", "id", "validate", "-r", str(MINI_RUBRIC), str(folder)])
    assert "galat [percent-out-of-range] butir 13.2: persentase 120 di luar 0–100" in result.stdout
    assert "dp3a.xlsx: bersih" in result.stdout


# --- formats ---------------------------------------------------------------------------------

GITHUB = re.compile(r"^::(error|warning) file=[^,:]+,title=[^,:]+::\S.*$")


def test_github_annotations(tmp_path: Path, mini: Rubric, runner: CliRunner) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dinkes.xlsx", {"F8": 120, "H7": None})
    code, out, _ = _validate(runner, str(folder), "--format", "github")
    assert code == 1
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == 2
    assert all(GITHUB.match(line) for line in annotations), annotations
    dinkes = str(folder / "dinkes.xlsx").replace(":", "%3A").replace(",", "%2C")
    assert annotations[0].startswith(
        f"::warning file={dinkes},title=evidence-missing Isian!H7::Isian!H7: item 13.1"
    )
    assert annotations[1].startswith(
        f"::error file={dinkes},title=percent-out-of-range Isian!F8::Isian!F8: item 13.2"
    )
    assert "errors: 1, warnings: 1" in out  # the summary lines stay plain log output


def test_github_escapes_commas_colons_and_newlines() -> None:
    finding = Finding(
        Severity.ERROR,
        "not-a-number",
        "OPD, baru: 100%.xlsx",
        "Isian",
        "F7",
        {"code": "1.1", "value": "a\nb"},
    )
    line = github_line(finding, "en")
    assert "\n" not in line
    assert line.startswith("::error file=OPD%2C baru%3A 100%25.xlsx,title=not-a-number Isian!F7::")
    assert "a%0Ab" in line


def test_json_shape(tmp_path: Path, mini: Rubric, runner: CliRunner) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dp3a.xlsx", {"F7": "z"})
    code, out, _ = _validate(runner, str(folder), "--format", "json")
    assert code == 1
    data = json.loads(out)  # nothing but JSON on stdout
    assert data["ok"] is False and data["errors"] == 1 and data["warnings"] == 0
    assert [Path(f["file"]).name for f in data["files"]] == [
        "bappeda.xlsx",
        "dinkes.xlsx",
        "dp3a.xlsx",
    ]
    assert data["files"][2]["errors"] == 1
    (finding,) = data["findings"]
    assert finding == {
        "severity": "error",
        "code": "not-an-option",
        "file": str(folder / "dp3a.xlsx"),
        "sheet": "Isian",
        "cell": "F7",
        "item": "1.1",
        "message": "item 1.1: 'z' is not one of the options",
        "expected": "enter an option letter (a, b, c)",
        "args": {"code": "1.1", "value": "z", "options": "a, b, c"},
    }


def test_json_to_a_file(tmp_path: Path, mini: Rubric, runner: CliRunner) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    target = tmp_path / "temuan.json"
    code, out, _ = _validate(runner, str(folder), "-f", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["ok"] is True


def _computed_to_text(path: Path, ref: str) -> None:
    """Make the formula in `ref` one Excel or LibreOffice computed to "" (`t="str"`, an empty
    cached value), as `=IF(A7="","",…)` is when left blank."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    pattern = rb'<c r="' + ref.encode() + rb'"([^>]*?)>(<f>[^<]*</f>)<v\s*/>'
    new, count = re.subn(
        pattern, rb'<c r="' + ref.encode() + rb'"\1 t="str">\2<v></v>', parts[sheet]
    )
    assert count == 1, parts[sheet][:2000]
    parts[sheet] = new
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)


def test_a_formula_computed_to_empty_text_is_unanswered(tmp_path: Path, mini: Rubric) -> None:
    """Not `formula-not-computed`: it was computed, to a blank answer."""
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dinkes.xlsx", {"F7": '=IF(1=1,"","x")'})
    before = [(f.code, f.cell) for f in _findings(mini, folder) if f.cell == "F7"]
    assert ("formula-not-computed", "F7") in before  # never computed: openpyxl wrote it
    _computed_to_text(folder / "dinkes.xlsx", "F7")
    after = [(f.code, f.cell) for f in _findings(mini, folder) if f.cell == "F7"]
    assert ("formula-not-computed", "F7") not in after
    assert ("unanswered", "F7") in after, after


def test_a_no_column_before_kode_is_a_running_number(tmp_path: Path, mini: Rubric) -> None:
    """Many offices number their rows (`No`: 1, 2, 3) before the `Kode` column; the codes are
    read from `Kode`, and the form stays clean."""
    folder = write_clean_region(mini, tmp_path / "region")
    path = folder / "dinkes.xlsx"
    book = load_workbook(path)
    ws = book["Isian"]
    header = next(c.row for row in ws.iter_rows() for c in row if c.value == "Kode")
    ws.insert_cols(1)
    ws.cell(header, 1).value = "No"
    for n, r in enumerate(range(header + 1, ws.max_row + 1), start=1):
        if ws.cell(r, 2).value:
            ws.cell(r, 1).value = n
    book.save(path)
    assert _findings(mini, folder) == []


def test_a_second_jawaban_column_is_said(tmp_path: Path, mini: Rubric) -> None:
    """Two `Jawaban` headers (a revised column added beside the first): the first is read, and
    a warning at the second header says which."""
    folder = write_clean_region(mini, tmp_path / "region")
    path = folder / "dinkes.xlsx"
    book = load_workbook(path)
    ws = book["Isian"]
    header = next(c.row for row in ws.iter_rows() for c in row if c.value == "Kode")
    answer = next(c.column_letter for c in ws[header] if c.value == "Jawaban")
    extra = ws.max_column + 1
    ws.cell(header, extra).value = "Jawaban"
    book.save(path)
    found = [f for f in _findings(mini, folder) if f.code == "answer-column-twice"]
    second = ws.cell(header, extra).column_letter
    assert [(f.severity, f.cell) for f in found] == [(W, f"{second}{header}")]
    assert f"column {answer} are read" in found[0].message("en")
