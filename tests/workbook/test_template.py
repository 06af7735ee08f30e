"""`kla template`: one form per OPD, reopened with openpyxl to check what a person will get."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.rubric import Rubric
from kla_cli.core.validate import rubric_fingerprint
from kla_cli.workbook.form_writer import items_for

from ..conftest import KLA_RUBRIC, MINI_RUBRIC

FORM_HEADER = [
    "Kode",
    "Indikator",
    "Pertanyaan",
    "Pilihan jawaban / satuan",
    "Jawaban",
    "Data dukung",
    "Keterangan",
]


def _template(runner: CliRunner, out: Path, *args: str, rubric: Path = MINI_RUBRIC) -> list[Path]:
    result = runner.invoke(
        app,
        [
            "template",
            "-r",
            str(rubric),
            "--region",
            "Kota Uji",
            "--year",
            "2025",
            "-o",
            str(out),
            *args,
        ],
    )
    assert result.exit_code == 0, result.output
    return [Path(line) for line in result.stdout.splitlines()]


def _codes(ws: Worksheet) -> list[str]:
    return [str(ws.cell(r, 1).value) for r in range(7, ws.max_row + 1) if ws.cell(r, 1).value]


def test_one_form_per_opd_with_only_its_items(
    tmp_path: Path, runner: CliRunner, mini: Rubric
) -> None:
    written = _template(runner, tmp_path / "forms")
    assert sorted(p.name for p in written) == ["bappeda.xlsx", "dinkes.xlsx", "dp3a.xlsx"]
    assert sorted(p.name for p in (tmp_path / "forms").iterdir()) == sorted(p.name for p in written)
    for path in written:
        opd = mini.opd_by_name(path.stem)
        assert opd is not None
        ws = load_workbook(path)["Isian"]
        assert _codes(ws) == [item.code for _, item in items_for(mini, opd)]
        assert ws["B2"].value == opd.name
        assert ws["B3"].value == "Kota Uji" and ws["B4"].value == "2025"


def test_named_opds_only(tmp_path: Path, runner: CliRunner) -> None:
    written = _template(runner, tmp_path, "--opd", "Dinkes", "--opd", "dp3a")
    assert [p.name for p in written] == ["dinkes.xlsx", "dp3a.xlsx"]
    assert _codes(load_workbook(written[0])["Isian"]) == ["13.1", "13.2"]


def test_unknown_opd_is_one_line_listing_the_valid_ones(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["template", "-r", str(MINI_RUBRIC), "--opd", "Dinas Entah", "-o", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: unknown OPD 'Dinas Entah'; choose one of: dp3a, dinkes, bappeda\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_existing_forms_are_not_overwritten_without_force(
    tmp_path: Path, runner: CliRunner
) -> None:
    (tmp_path / "dinkes.xlsx").write_bytes(b"filled in by Dinkes")
    args = ["template", "-r", str(MINI_RUBRIC), "--opd", "dinkes", "-o", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert (tmp_path / "dinkes.xlsx").read_bytes() == b"filled in by Dinkes"
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    assert load_workbook(tmp_path / "dinkes.xlsx")["Isian"]["A7"].value == "13.1"


def test_output_must_be_a_folder(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")
    result = runner.invoke(app, ["template", "-r", str(MINI_RUBRIC), "-o", str(target)])
    assert result.exit_code == 2 and "not a folder" in result.stderr


def test_data_validation_protection_and_unlocked_inputs(tmp_path: Path, runner: CliRunner) -> None:
    (dp3a,) = _template(runner, tmp_path, "--opd", "dp3a")  # 1.1 choice, 1.2 yes/no, 2.2 count
    (dinkes,) = _template(runner, tmp_path, "--opd", "dinkes")  # 13.1, 13.2 percent
    (bappeda,) = _template(runner, tmp_path, "--opd", "bappeda")  # 2.1 checklist

    ws = load_workbook(dp3a)["Isian"]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert rules["E7"].type == "list" and rules["E7"].formula1 == '"a,b,c"'
    assert rules["E8"].type == "list" and rules["E8"].formula1 == '"Ya,Tidak"'
    assert rules["E9"].type == "whole" and rules["E9"].operator == "greaterThanOrEqual"
    assert rules["E9"].formula1 == "0"
    assert all(dv.showErrorMessage and dv.error for dv in rules.values())

    ws_dinkes = load_workbook(dinkes)["Isian"]
    (percent,) = [dv for dv in ws_dinkes.data_validations.dataValidation if dv.sqref]
    assert str(percent.sqref) == "E7 E8"
    assert (percent.type, percent.operator, percent.formula1, percent.formula2) == (
        "decimal",
        "between",
        "0",
        "100",
    )
    ws_bappeda = load_workbook(bappeda)["Isian"]
    assert not [dv for dv in ws_bappeda.data_validations.dataValidation if dv.sqref]  # free text

    assert ws.protection.sheet is True
    for ref in ("E7", "F7", "G7", "E9", "B2", "B3", "B4"):
        assert ws[ref].protection.locked is False, ref
    for ref in ("A7", "B7", "C7", "D7", "A6", "E6", "A1"):
        assert ws[ref].protection.locked is True, ref
    assert ws["E7"].fill.fgColor.rgb.endswith("FFF9C4")  # input cells are tinted


def test_question_options_and_evidence_shown_beside_the_input(
    tmp_path: Path, runner: CliRunner
) -> None:
    (dp3a,) = _template(runner, tmp_path, "--opd", "dp3a")
    ws = load_workbook(dp3a)["Isian"]
    assert [ws.cell(6, c).value for c in range(1, 8)] == FORM_HEADER
    assert ws["C7"].value == "Bentuk kebijakan KLA *"  # * = data dukung required
    assert "a. Perda (20,0)" in ws["D7"].value and "c. Belum ada (0,0)" in ws["D7"].value
    assert ws["C9"].value == "Jumlah Forum Anak desa"  # 2.2 needs no data dukung: no *


def test_instruction_sheet_and_hidden_metadata(
    tmp_path: Path, runner: CliRunner, mini: Rubric
) -> None:
    (dinkes,) = _template(runner, tmp_path, "--opd", "dinkes")
    book = load_workbook(dinkes)
    assert book.sheetnames == ["Isian", "Petunjuk", "_meta"]
    text = "\n".join(str(c.value) for c in book["Petunjuk"]["A"] if c.value)
    assert "Petunjuk pengisian" in text and "Data dukung" in text and "Dinas Kesehatan" in text
    assert "SEMENTARA" in text  # the mini rubric is provisional
    assert book["Petunjuk"].protection.sheet is True
    meta_ws = book["_meta"]
    assert meta_ws.sheet_state == "hidden"
    meta = {row[0]: row[1] for row in meta_ws.iter_rows(values_only=True)}
    assert meta["rubric_id"] == "mini" and meta["rubric_version"] == "1"
    assert meta["rubric_hash"] == rubric_fingerprint(mini)
    assert (meta["opd_id"], meta["region"], meta["year"]) == ("dinkes", "Kota Uji", "2025")


def test_a4_landscape_print_setup(tmp_path: Path, runner: CliRunner) -> None:
    (dinkes,) = _template(runner, tmp_path, "--opd", "dinkes")
    ws = load_workbook(dinkes)["Isian"]
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == "9"  # A4
    assert ws.print_title_rows == "$6:$6"


def test_forms_are_indonesian_whatever_the_message_language(
    tmp_path: Path, runner: CliRunner
) -> None:
    args = ["template", "-r", str(MINI_RUBRIC), "--opd", "dp3a", "-o", str(tmp_path)]
    result = runner.invoke(app, ["--lang", "en", *args])
    assert result.exit_code == 0 and "form written" in result.stderr  # messages in English
    assert load_workbook(tmp_path / "dp3a.xlsx")["Petunjuk"]["A1"].value == "Petunjuk pengisian"
    bad = runner.invoke(app, [*args, "--force", "--form-lang", "fr"])
    assert bad.exit_code == 2 and "fr" in bad.stderr


def test_english_forms(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        [
            "template",
            "-r",
            str(MINI_RUBRIC),
            "--opd",
            "dp3a",
            "--form-lang",
            "en",
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    book = load_workbook(tmp_path / "dp3a.xlsx")
    assert book["Petunjuk"]["A1"].value == "How to fill in this form"
    rules = book["Isian"].data_validations.dataValidation
    assert '"Yes,No"' in {dv.formula1 for dv in rules}
    assert book["Isian"]["C7"].value == "Form of the KLA policy *"


def test_default_rubric_forms_cover_every_item_once(
    tmp_path: Path, runner: CliRunner, kla: Rubric
) -> None:
    written = _template(runner, tmp_path, rubric=KLA_RUBRIC)
    assert len(written) == sum(1 for opd in kla.opds if items_for(kla, opd))
    codes = [code for path in written for code in _codes(load_workbook(path)["Isian"])]
    assert sorted(codes) == sorted(item.code for _, item in kla.iter_items())


def test_fresh_forms_validate_as_unanswered_only(
    tmp_path: Path, runner: CliRunner, kla: Rubric
) -> None:
    _template(runner, tmp_path, rubric=KLA_RUBRIC)
    result = runner.invoke(app, ["validate", "-f", "json", str(tmp_path)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {f["code"] for f in data["findings"]} == {"unanswered"}
    assert data["errors"] == sum(1 for _, item in kla.iter_items() if item.required)


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: the PDF conversion check needs it",
)
@pytest.mark.libreoffice
def test_libreoffice_converts_the_form_to_pdf(tmp_path: Path, runner: CliRunner) -> None:
    (dinkes,) = _template(runner, tmp_path / "forms", "--opd", "dinkes")
    soffice = shutil.which("soffice")
    assert soffice is not None
    done = subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(dinkes)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "dinkes.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
