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
from kla_cli.core.answers import parse_answer
from kla_cli.core.places import INVENTORY_FILE
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import RESPONDENT_OPDS
from kla_cli.core.validate import rubric_fingerprint
from kla_cli.workbook.form_text import items_for
from kla_cli.workbook.form_writer import Filled, build_workbook
from kla_cli.workbook.read import read_workbook

from ..conftest import KLA_RUBRIC_2024, MINI_RUBRIC

RECAP_HEADER = [
    "Kode",
    "Indikator",
    "Pertanyaan",
    "Pilihan jawaban / satuan",
    "Jawaban",
    "Data dukung",
    "Keterangan",
]
"""The columns of the recap (`kla merge`), before its own."""
FORM_HEADER = [
    "Kode",
    "Indikator",
    "Pertanyaan",
    "Peran OPD",
    "Pilihan jawaban / satuan",
    "Jawaban",
    "Data dukung yang diminta",
    "Data dukung",
    "Keterangan",
]
"""The columns of an OPD's form: answer in F, data dukung in H."""


def answer_columns(ws: Worksheet) -> tuple[int, int]:
    """The Jawaban and Data dukung columns of a form or a recap, found by their headers."""
    header = [ws.cell(6, c).value for c in range(1, ws.max_column + 1)]
    return header.index("Jawaban") + 1, header.index("Data dukung") + 1


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


@pytest.mark.parametrize("command", ["template", "demo"])
def test_a_folder_that_cannot_be_made_is_one_line_with_a_hint(
    tmp_path: Path, runner: CliRunner, command: str
) -> None:
    (tmp_path / "file.txt").write_text("x")
    target = str(tmp_path / "file.txt" / "forms")  # under a file: cannot be created
    args = (
        ["template", "-r", str(MINI_RUBRIC), "-o", target]
        if command == "template"
        else [
            "demo",
            target,
        ]
    )
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert (
        len(lines) == 1 and target in lines[0] and "Hint: check that the target folder" in lines[0]
    )


def test_data_validation_protection_and_unlocked_inputs(tmp_path: Path, runner: CliRunner) -> None:
    (dp3a,) = _template(runner, tmp_path, "--opd", "dp3a")  # 1.1 choice, 1.2 yes/no, 2.2 count
    (dinkes,) = _template(runner, tmp_path, "--opd", "dinkes")  # 13.1, 13.2 percent
    (bappeda,) = _template(runner, tmp_path, "--opd", "bappeda")  # 2.1 checklist

    book = load_workbook(dp3a)
    ws = book["Isian"]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    # the choice dropdown lists each option with its points, from the hidden options sheet
    assert rules["F7"].type == "list" and rules["F7"].formula1 == "'_pilihan'!$A$1:$A$3"
    options = book["_pilihan"]
    assert options.sheet_state == "hidden" and options.protection.sheet is True
    assert [options.cell(r, 1).value for r in range(1, 4)] == [
        "a. Perda — 20",
        "b. Peraturan Bupati/Walikota — 12",
        "c. Belum ada — 0",
    ]
    assert book.sheetnames[-1] == "_pilihan"  # after the sheets people read
    assert rules["F8"].type == "list" and rules["F8"].formula1 == '"Ya,Tidak"'
    assert rules["F9"].type == "whole" and rules["F9"].operator == "greaterThanOrEqual"
    assert rules["F9"].formula1 == "0"
    assert all(dv.showErrorMessage and dv.error for dv in rules.values())

    ws_dinkes = load_workbook(dinkes)["Isian"]
    (percent,) = [dv for dv in ws_dinkes.data_validations.dataValidation if dv.sqref]
    assert str(percent.sqref) == "F7 F8"
    assert (percent.type, percent.operator, percent.formula1, percent.formula2) == (
        "decimal",
        "between",
        "0",
        "100",
    )
    ws_bappeda = load_workbook(bappeda)["Isian"]
    (free,) = [dv for dv in ws_bappeda.data_validations.dataValidation if dv.sqref]
    assert free.type is None and not free.showErrorMessage  # free text: a prompt, no check
    assert free.showInputMessage and "a, c" in str(free.prompt)

    assert ws.protection.sheet is True
    for ref in ("F7", "H7", "I7", "F9", "B2", "B3", "B4"):  # Jawaban, Data dukung, Keterangan
        assert ws[ref].protection.locked is False, ref
    for ref in ("A7", "B7", "C7", "D7", "E7", "G7", "A6", "F6", "A1"):
        assert ws[ref].protection.locked is True, ref
    assert ws["F7"].fill.fgColor.rgb.endswith("FFF9C4")  # input cells are tinted


def test_question_options_and_evidence_shown_beside_the_input(
    tmp_path: Path, runner: CliRunner
) -> None:
    (dp3a,) = _template(runner, tmp_path, "--opd", "dp3a")
    ws = load_workbook(dp3a)["Isian"]
    assert [ws.cell(6, c).value for c in range(1, 10)] == FORM_HEADER
    assert ws["C7"].value == "Bentuk kebijakan KLA *"  # * = data dukung required
    assert ws["D7"].value == "utama"  # DP3A leads 1.1
    assert "a. Perda — 20" in ws["E7"].value and "c. Belum ada — 0" in ws["E7"].value
    assert "sementara" not in ws["E7"].value  # the mini rubric's options are its own, not a scale
    assert ws["C9"].value == "Jumlah Forum Anak desa"  # 2.2 needs no data dukung: no *


def test_a_filled_choice_is_the_dropdown_entry_and_reads_back(tmp_path: Path, mini: Rubric) -> None:
    dp3a = mini.opd_by_name("dp3a")
    assert dp3a is not None
    book = build_workbook(mini, dp3a, region="Kota Uji", year="2025", filled={"1.1": Filled("b")})
    assert book["Isian"]["F7"].value == "b. Peraturan Bupati/Walikota — 12"
    book.save(tmp_path / "dp3a.xlsx")
    (row, *_) = read_workbook(tmp_path / "dp3a.xlsx").rows
    assert row.code == "1.1" and parse_answer(mini.item_index["1.1"][1], row.answer) == "b"


def test_instruction_sheet_and_hidden_metadata(
    tmp_path: Path, runner: CliRunner, mini: Rubric
) -> None:
    (dinkes,) = _template(runner, tmp_path, "--opd", "dinkes")
    book = load_workbook(dinkes)
    assert book.sheetnames == ["Isian", "Petunjuk", "_meta"]  # no choice question: no lists
    text = "\n".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
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


def test_default_rubric_forms_carry_what_each_opd_leads_and_co_sources(
    tmp_path: Path, runner: CliRunner, kla: Rubric
) -> None:
    written = _template(runner, tmp_path, rubric=KLA_RUBRIC_2024)
    assert written[-1].name == INVENTORY_FILE  # the kecamatan/desa answer the inventory
    written = written[:-1]
    names = {p.stem for p in written}
    assert len(written) == 27 and not names & RESPONDENT_OPDS  # no kecamatan/desa form
    assert {"polres", "kejaksaan", "forum-anak"} <= names  # they only co-source: a form still
    roles: dict[str, list[tuple[str, str]]] = {}
    for path in written:
        ws = load_workbook(path)["Isian"]
        assert [ws.cell(6, c).value for c in range(1, 10)] == FORM_HEADER
        for r in range(7, ws.max_row + 1):
            roles.setdefault(str(ws.cell(r, 1).value), []).append((path.stem, ws.cell(r, 4).value))
    for ind, item in kla.iter_items():
        lead, *cosources = kla.item_opds(ind, item)
        if lead in RESPONDENT_OPDS:
            assert item.code not in roles  # answered in the kecamatan/desa inventory
            continue
        on = dict(roles[item.code])
        assert on.pop(lead) == "utama", item.code
        expected = {c for c in cosources if c not in RESPONDENT_OPDS}
        assert set(on) == expected, item.code
        assert all(text.startswith("pendukung (utama: ") for text in on.values()), item.code
    # 1.2g: JDIH leads, Dinas Sosial co-sources
    dinsos = load_workbook(tmp_path / "dinsos.xlsx")["Isian"]
    row = next(r for r in range(7, dinsos.max_row + 1) if dinsos.cell(r, 1).value == "1.2g")
    assert dinsos.cell(row, 4).value == "pendukung (utama: JDIH)"


def test_the_2024_form_shows_points_provisional_steps_evidence_asked_and_nilai(
    tmp_path: Path, runner: CliRunner, kla: Rubric
) -> None:
    (jdih, bappeda) = _template(
        runner, tmp_path, "--opd", "jdih", "--opd", "bappeda", rubric=KLA_RUBRIC_2024
    )
    ws = load_workbook(jdih)["Isian"]
    assert ws["A7"].value == "1.1"
    assert "a. Peraturan Daerah (Perda) — 12" in ws["E7"].value
    assert "b. Peraturan Bupati/Wali Kota (Perkada) — 9" in ws["E7"].value
    assert "sementara" in ws["E7"].value  # the steps of a scale are inferred
    assert ws["G7"].value == "Salinan Perda KLA yang telah diundangkan"  # data dukung asked
    book = load_workbook(bappeda)
    ws = book["Isian"]
    rows = {str(ws.cell(r, 1).value): r for r in range(7, ws.max_row + 1)}
    budget = ws.cell(rows["1.3b"], 5).value  # thirds of 2 points
    assert "— 1,33" in budget and "— 0,67" in budget
    assert "sementara" not in ws.cell(rows["1.4"], 5).value  # yes/no: the official max
    nilai = rows["3.3"]  # type: score, max 3
    assert ws.cell(nilai, 5).value.startswith("Isi nilai 0–3")
    rules = [dv for dv in ws.data_validations.dataValidation if f"F{nilai}" in str(dv.sqref)]
    assert [(dv.type, dv.operator, dv.formula1, dv.formula2) for dv in rules] == [
        ("decimal", "between", "0", "3")
    ]
    text = "\n".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "Peran OPD" in text and "Data dukung yang diminta" in text
    assert "DUGAAN" in text and "Bobot butir resmi" in text  # maxima official, steps inferred
    assert "SEMENTARA" not in text


def test_no_form_for_the_kecamatan_or_desa_respondents(tmp_path: Path, runner: CliRunner) -> None:
    args = ["template", "-r", str(KLA_RUBRIC_2024), "-o", str(tmp_path / "f"), "--opd", "desa"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Desa/Kelurahan gets no OPD form" in result.stderr
    assert "inventory" in result.stderr and not (tmp_path / "f").exists()


def test_fresh_forms_validate_as_unanswered_only(
    tmp_path: Path, runner: CliRunner, kla: Rubric
) -> None:
    _template(runner, tmp_path, rubric=KLA_RUBRIC_2024)
    result = runner.invoke(app, ["validate", "-f", "json", str(tmp_path)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {f["code"] for f in data["findings"]} == {
        "unanswered",
        "respondent-missing",
        "inventory-no-places",  # the inventory is written with no kecamatan/desa yet
    }
    led_by_opds = [
        item for ind, item in kla.iter_items() if kla.item_opds(ind, item)[0] not in RESPONDENT_OPDS
    ]
    assert data["errors"] == sum(1 for item in led_by_opds if item.required)  # the lead's form
    missing = [f["args"] for f in data["findings"] if f["code"] == "respondent-missing"]
    assert sorted((a["opd"], int(a["count"])) for a in missing) == [
        ("Desa/Kelurahan", 6),
        ("Kecamatan", 3),
    ]


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


def test_every_answer_cell_has_an_input_prompt(tmp_path: Path, runner: CliRunner) -> None:
    (dp3a,) = _template(runner, tmp_path, "--opd", "dp3a")  # choice, yes/no, count
    ws = load_workbook(dp3a)["Isian"]
    prompted = {
        str(cell): dv.prompt
        for dv in ws.data_validations.dataValidation
        if dv.showInputMessage and dv.promptTitle == "Jawaban"
        for cell in str(dv.sqref).split()
    }
    assert set(prompted) == {"F7", "F8", "F9"}
    assert prompted["F7"] == "Pilih dari daftar, atau ketik hurufnya saja (a, b, c)."
    assert "Ya atau Tidak" in str(prompted["F8"])
    assert all(len(str(p)) <= 255 for p in prompted.values())  # Excel's limit


def test_signature_block_below_the_items_is_not_read_as_an_item(
    tmp_path: Path, mini: Rubric
) -> None:
    dp3a = mini.opd_by_name("dp3a")
    assert dp3a is not None
    book = build_workbook(mini, dp3a, region="Kota Uji", year="2025")
    ws = book["Isian"]
    last_item = 6 + len(items_for(mini, dp3a))
    below = {
        str(c.value): c.coordinate
        for row in ws.iter_rows(min_row=last_item + 1)
        for c in row
        if c.value
    }
    assert set(below) == {"Tempat, tanggal", f"Kepala {dp3a.name}", "Nama", "NIP"}
    assert all(ref.startswith("G") for ref in below.values())  # never in the Kode column
    name_row = int(below["Nama"][1:])
    assert ws.cell(name_row, 8).protection.locked is False  # the name is typed in H:I
    assert f"H{name_row}:I{name_row}" in {str(r) for r in ws.merged_cells.ranges}
    book.save(tmp_path / "dp3a.xlsx")
    codes = [row.code for row in read_workbook(tmp_path / "dp3a.xlsx").rows]
    assert codes == [item.code for _, item in items_for(mini, dp3a)]


def test_document_properties_name_kla_not_openpyxl(tmp_path: Path, runner: CliRunner) -> None:
    (dinkes,) = _template(runner, tmp_path, "--opd", "dinkes")
    props = load_workbook(dinkes).properties
    assert props.creator is not None and props.creator.startswith("kla-cli ")
    assert props.title is not None and props.title.startswith("Format isian OPD")
    assert props.subject == "Dinas Kesehatan · Kota Uji · 2025"


@pytest.mark.parametrize(
    "typed", ["b", "B.", "b. Peraturan Bupati/Walikota — 12", "Peraturan Bupati/Walikota"]
)
def test_a_choice_reads_as_letter_dropdown_entry_or_label(mini: Rubric, typed: str) -> None:
    assert parse_answer(mini.item_index["1.1"][1], typed) == "b"
