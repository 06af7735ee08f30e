"""`kla merge` and the whole OPD round trip: template → filled → validate → merge → score."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.rubric import Rubric
from kla_cli.workbook.form_text import cell_answer
from kla_cli.workbook.synthetic import answer_for_quality

from ..conftest import KLA_RUBRIC_2024, MINI_RUBRIC
from ..core.test_validate import edit, write_clean_region
from .test_template import RECAP_HEADER, answer_columns

TYPED = {  # as a person types them in Excel
    "1.1": ("b", "perbup-kla.pdf"),
    "1.2": ("Ya", "SK Gugus Tugas 2025.pdf"),
    "2.1": ("a, c", "https://contoh.example/profil-anak.pdf"),
    "2.2": ("1.234", None),
    "13.1": ("12,5", "stunting-2024.pdf"),
    "13.2": ("85%", "asi.xlsx"),
}


def _run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def _score(
    runner: CliRunner, rubric: Path, *paths: str, allow_errors: bool = False
) -> dict[str, Any]:
    extra = ["--allow-errors"] if allow_errors else []
    code, out, err = _run(runner, "score", "-r", str(rubric), "-f", "json", *extra, *paths)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def _fill(folder: Path, answers: dict[str, tuple[object, str | None]]) -> None:
    """Type answers into every form in `folder`, by the code in column A."""
    for path in sorted(folder.glob("*.xlsx")):
        book = load_workbook(path)
        if "Isian" not in book.sheetnames:
            continue  # the kecamatan/desa inventory, not an OPD form
        ws = book["Isian"]
        answer_col, evidence_col = answer_columns(ws)
        for row in range(7, ws.max_row + 1):
            code = ws.cell(row, 1).value
            if code in answers:
                answer, evidence = answers[str(code)]
                ws.cell(row, answer_col, answer)
                ws.cell(row, evidence_col, evidence)
        book.save(path)


def test_round_trip_on_the_mini_rubric(tmp_path: Path, runner: CliRunner) -> None:
    forms = tmp_path / "forms"
    rubric = ["-r", str(MINI_RUBRIC)]
    code, _, _ = _run(
        runner, "template", *rubric, "--region", "Kota Uji", "--year", "2025", "-o", str(forms)
    )
    assert code == 0
    _fill(forms, dict(TYPED))
    code, out, _ = _run(runner, "validate", *rubric, "--strict", str(forms))
    assert code == 0, out
    recap = tmp_path / "rekap.xlsx"
    code, out, err = _run(runner, "merge", *rubric, str(forms), "-o", str(recap))
    assert code == 0, err
    assert out == "" and "recap written" in err
    direct = _score(runner, MINI_RUBRIC, str(forms))
    merged = _score(runner, MINI_RUBRIC, str(recap))
    assert merged["total"] == direct["total"] == 82.0  # b 12 + ya 10 + a,c 10 + 1234 10 + 25 + 15
    assert merged["total_evidenced"] == direct["total_evidenced"]
    assert (merged["region"], merged["year"]) == ("Kota Uji", "2025")
    # the recap is itself a valid, clean input
    assert _run(runner, "validate", *rubric, "--strict", str(recap))[0] == 0


def test_round_trip_on_the_default_rubric(tmp_path: Path, runner: CliRunner, kla: Rubric) -> None:
    forms = tmp_path / "forms"
    assert (
        _run(runner, "template", "--region", "Kota Uji", "--year", "2025", "-o", str(forms))[0] == 0
    )
    rng = random.Random(7)
    answers: dict[str, tuple[object, str | None]] = {
        item.code: (
            cell_answer(item, answer_for_quality(item, 0.7, rng), "id"),
            f"bukti-{item.code}.pdf",
        )
        for _, item in kla.iter_items()
    }
    _fill(forms, answers)  # co-sources type the lead's answer too: that is no finding
    code, out, _ = _run(runner, "validate", "-f", "json", str(forms))
    assert code == 0, out
    # only the kecamatan/desa questions are missing: they come from the inventory (written
    # empty by the template), not from a form
    found = {f["code"] for f in json.loads(out)["findings"]}
    assert found == {"respondent-missing", "inventory-no-places"}
    recap = tmp_path / "rekap.xlsx"
    assert _run(runner, "merge", str(forms), "-o", str(recap))[0] == 0
    direct = _score(runner, KLA_RUBRIC_2024, str(forms))
    merged = _score(runner, KLA_RUBRIC_2024, str(recap))
    assert merged["total"] == direct["total"] > 0
    assert merged["predicate"] == direct["predicate"]
    assert [g["score"] for g in merged["groups"]] == [g["score"] for g in direct["groups"]]
    items = {i["code"]: i["points"] for ind in direct["indicators"] for i in ind["items"]}
    assert {i["code"]: i["points"] for ind in merged["indicators"] for i in ind["items"]} == items


def test_recap_sheets(tmp_path: Path, runner: CliRunner, mini: Rubric) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dinkes.xlsx", {"F8": None, "I7": "angka Dinkes 2024"})  # 13.2 unanswered
    (folder / "bappeda.xlsx").unlink()  # 2.1: no file from Bappeda
    recap = tmp_path / "rekap.xlsx"
    code, _, err = _run(runner, "merge", "-r", str(MINI_RUBRIC), str(folder), "-o", str(recap))
    assert code == 1, err  # 13.2 is required: an error, but the recap is still written
    book = load_workbook(recap)
    assert book.sheetnames == ["Summary", "Isian", "Unanswered", "Findings", "_meta", "_pilihan"]

    ws = book["Isian"]
    header = [ws.cell(6, c).value for c in range(1, 14)]
    assert header == [
        *RECAP_HEADER,
        "OPD",
        "Points",
        "Points with evidence",
        "Max",
        "File",
        "Cell",
    ]
    rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(1, 14)] for r in range(7, 13)}
    assert list(rows) == ["1.1", "1.2", "2.1", "2.2", "13.1", "13.2"]
    assert rows["13.1"][4:] == [
        12.5,
        "stunting.pdf",
        "angka Dinkes 2024",
        "Dinkes",
        25,
        25,
        25,
        "dinkes.xlsx",
        "Isian!F7",
    ]
    assert rows["1.2"][4] == "Yes" and rows["1.2"][11:] == ["dp3a.xlsx", "Isian!F8"]
    assert rows["13.2"][4] is None and rows["13.2"][7] == "Dinkes"
    assert rows["2.1"][7] == "Bappeda" and rows["2.1"][11] is None
    assert ws.protection.sheet is False  # the secretariat may edit its recap

    unanswered = [list(r) for r in book["Unanswered"].iter_rows(min_row=2, values_only=True)]
    assert [(r[0], r[1], r[5]) for r in unanswered] == [
        ("Dinkes", "13.2", "not answered"),
        ("Bappeda", "2.1", "no workbook from this OPD yet"),
    ]
    findings = [list(r) for r in book["Findings"].iter_rows(min_row=2, values_only=True)]
    assert ["error", "unanswered", "dinkes.xlsx", "Isian", "F8", "13.2"] in [
        r[:6] for r in findings
    ]
    assert any(r[1] == "opd-missing" for r in findings)

    # validating the recap finds what validating the OPD files found, at the recap's cells
    result = runner.invoke(app, ["validate", "-r", str(MINI_RUBRIC), "-f", "json", str(recap)])
    again = [(f["severity"], f["code"], f["cell"]) for f in json.loads(result.stdout)["findings"]]
    assert again == [("error", "unanswered", "E12"), ("warning", "opd-missing", None)]

    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert summary["Total"] == _score(runner, MINI_RUBRIC, str(recap))["total"]
    assert summary["Items unanswered"] == 2
    assert summary["OPD workbooks read"] == 2


def test_recap_in_indonesian(tmp_path: Path, runner: CliRunner, mini: Rubric) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    recap = tmp_path / "rekap.xlsx"
    result = runner.invoke(
        app, ["--lang", "id", "merge", "-r", str(MINI_RUBRIC), str(folder), "-o", str(recap)]
    )
    assert result.exit_code == 0, result.output
    assert load_workbook(recap).sheetnames == [
        "Ringkasan",
        "Isian",
        "Belum dijawab",
        "Temuan",
        "_meta",
        "_pilihan",
    ]
    assert load_workbook(recap)["Isian"]["I6"].value == "Nilai"


def test_errors_are_left_out_like_allow_errors(
    tmp_path: Path, runner: CliRunner, mini: Rubric
) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    edit(folder / "dp3a.xlsx", {"A10": "13.1", "F10": 30, "H10": "lain.pdf"})  # conflicts
    recap = tmp_path / "rekap.xlsx"
    code, _, err = _run(runner, "merge", "-r", str(MINI_RUBRIC), str(folder), "-o", str(recap))
    assert code == 1
    assert "[conflicting-answers]" in err and "Isian!F10" in err
    ws = load_workbook(recap)["Isian"]
    assert ws["A11"].value == "13.1" and ws["E11"].value is None
    assert "skipped" in ws["G11"].value
    direct = _score(runner, MINI_RUBRIC, str(folder), allow_errors=True)
    assert direct["skipped"] == ["13.1"]
    assert _score(runner, MINI_RUBRIC, str(recap))["total"] == direct["total"]


def test_workbook_text_cannot_become_a_formula(
    tmp_path: Path, runner: CliRunner, mini: Rubric
) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    evil = "+cmd|' /C calc'!A0"
    edit(folder / "dinkes.xlsx", {"H7": evil, "I7": "@SUM(A1)"})
    edit(folder / "dp3a.xlsx", {"F7": "-1+1"})  # not an option: quoted in the Findings sheet
    recap = tmp_path / "rekap.xlsx"
    _run(runner, "merge", "-r", str(MINI_RUBRIC), str(folder), "-o", str(recap))
    book = load_workbook(recap)
    ws = book["Isian"]
    assert ws["F11"].value == evil and ws["F11"].data_type == "s"  # as typed, as text
    assert ws["G11"].value == "@SUM(A1)"
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)


def test_merge_refuses_bad_targets(tmp_path: Path, runner: CliRunner, mini: Rubric) -> None:
    folder = write_clean_region(mini, tmp_path / "region")
    before = sorted(p.name for p in folder.iterdir())
    inside = _run(
        runner, "merge", "-r", str(MINI_RUBRIC), str(folder), "-o", str(folder / "r.xlsx")
    )
    assert inside[0] == 2 and "outside" in inside[2]
    not_xlsx = _run(runner, "merge", "-r", str(MINI_RUBRIC), str(folder), "-o", "rekap.csv")
    assert not_xlsx[0] == 2 and ".xlsx" in not_xlsx[2]
    missing = _run(runner, "merge", "-r", str(MINI_RUBRIC), str(tmp_path / "x"), "-o", "r.xlsx")
    assert missing[0] == 2 and missing[2].count("\n") == 1
    assert sorted(p.name for p in folder.iterdir()) == before
    assert not (tmp_path / "r.xlsx").exists()
