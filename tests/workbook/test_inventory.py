"""The inventory workbook both ways: `kla template` writes it (workbook/inventory_writer), a
secretariat fills it (openpyxl here, LibreOffice in one test), and read_region recognises and
reads it (workbook/inventory_read) without taking it for an OPD form."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.assess import assess
from kla_cli.core.places import INVENTORY_FILE
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Respondent
from kla_cli.io.rubric_yaml import load_rubric, shipped_rubrics
from kla_cli.workbook.forms import write_templates
from kla_cli.workbook.read import read_region

from ..conftest import EXAMPLE

RUBRIC_2024 = shipped_rubrics() / "kla-2024.yaml"


@pytest.fixture(scope="module")
def r2024() -> Rubric:
    return load_rubric(RUBRIC_2024)


@pytest.fixture
def blank(tmp_path: Path, r2024: Rubric) -> Path:
    """A blank inventory as `kla template` writes it (the OPD forms left out)."""
    written = write_templates(
        r2024, [], tmp_path / "tpl", region="Kota Uji", year="2024", lang="id"
    )
    assert [p.name for p in written] == [INVENTORY_FILE]
    return written[0]


def fill_kecamatan(path: Path, answers: list[object], *, evidence: str | None = "fa.pdf") -> None:
    """Name twelve kecamatan and answer 25.2 (column C) for each, as a person would."""
    book = openpyxl.load_workbook(path)
    ws = book["Kecamatan"]
    for i, answer in enumerate(answers):
        ws.cell(7 + i, 2, f"Kec. {chr(65 + i)}")
        ws.cell(7 + i, 3, answer)
    ws["C5"] = evidence
    book.save(path)


def test_template_layout_dropdowns_print_setup_and_metadata(blank: Path, r2024: Rubric) -> None:
    book = openpyxl.load_workbook(blank)
    assert book.sheetnames == ["Kecamatan", "Desa-Kelurahan", "Petunjuk", "_meta"]
    ws = book["Kecamatan"]
    headers = [c.value for c in ws[6]]
    assert headers[:3] == ["No", "Kecamatan", "25.2 Forum Anak Kecamatan"]
    assert len(headers) == 11  # No, name, the nine kecamatan questions
    desa = [c.value for c in book["Desa-Kelurahan"][6]]
    assert desa[1] == "Desa/Kelurahan" and len(desa) == 15
    assert desa[-2].startswith("26.17 ") and desa[-1].startswith("26.18 ")
    assert ws["B2"].value == "Kabupaten/Kota" and ws["C2"].value == "Kota Uji"
    assert ws["C3"].value == "2024" and ws["B5"].value == "Data dukung (tautan/berkas)"
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"Ya,Tidak"' and dv.errorStyle == "warning"
    assert str(dv.sqref) == "C7:K66"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$6:$6" and ws.freeze_panes == "C7"
    meta = {row[0]: row[1] for row in book["_meta"].iter_rows(values_only=True)}
    assert book["_meta"].sheet_state == "hidden"
    assert meta["form"] == "inventory" and meta["rubric_id"] == "kla-2024"
    assert meta["rubric_version"] == r2024.version and meta["rubric_hash"] == r2024.content_hash
    props = {p.name: p.value for p in book.custom_doc_props.props}
    assert props["kla.form"] == "inventory" and props["kla.rubric_id"] == "kla-2024"
    instructions = " ".join(str(c.value) for c in book["Petunjuk"]["B"] if c.value)
    assert "Ya" in instructions and "Tidak" in instructions


def test_filled_template_read_back_and_scored(blank: Path, r2024: Rubric) -> None:
    fill_kecamatan(blank, ["Ya"] * 8 + [1] + ["Tidak"] * 2 + [0])
    (sub,) = read_region([blank.parent])
    assert sub.inventory is not None and sub.findings == ()
    assert (sub.region, sub.year) == ("Kota Uji", "2024")
    kec = next(s for s in sub.inventory.sheets if s.kind is Respondent.KECAMATAN)
    assert [p.name for p in kec.places][:2] == ["Kec. A", "Kec. B"] and len(kec.places) == 12
    assert kec.columns["25.2"] == "C" and kec.evidence == {"25.2": "fa.pdf"}
    assessment = assess(r2024, [sub])
    item = next(i for i in assessment.result.all_items() if i.code == "25.2")
    assert (item.response and item.response.answer, item.points) == (75.0, 0.75)
    assert item.points_evidenced == 0.75


def test_a_bad_cell_is_a_finding_naming_file_sheet_and_cell(blank: Path, r2024: Rubric) -> None:
    fill_kecamatan(blank, ["Ya"] * 5 + ["entah"] + ["Tidak"] * 6)
    assessment = assess(r2024, read_region([blank]))
    (bad,) = [f for f in assessment.validation.findings if f.code == "inventory-not-yes-no"]
    assert bad.render("id").startswith(f"{blank}:Kecamatan!C12: galat [inventory-not-yes-no]")
    assert "Kec. F" in bad.render("id") and "'entah'" in bad.render("id")
    assert "25.2" in assessment.result.skipped


def test_the_inventory_beside_opd_forms_is_not_an_opd_form(tmp_path: Path, r2024: Rubric) -> None:
    folder = tmp_path / "region"
    dp3a = r2024.opd_by_name("dp3a")
    assert dp3a is not None
    write_templates(r2024, [dp3a], folder, region="Kota Uji", year="2024", lang="id")
    fill_kecamatan(folder / INVENTORY_FILE, ["Ya"] * 12)
    subs = read_region([folder])
    assert sorted(Path(s.file).name for s in subs) == ["dp3a.xlsx", INVENTORY_FILE]
    inventory = next(s for s in subs if s.inventory is not None)
    assert not [f for f in inventory.findings if f.code == "missing-sheet"]
    responses = assess(r2024, subs).validation.responses
    assert responses["25.2"].answer == 100.0


def test_recognised_by_its_headers_without_kla_metadata(tmp_path: Path, r2024: Rubric) -> None:
    """A secretariat's own table: a name column and question columns starting with the code."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Data desa"
    ws.append(["Rekap Forum Anak Desa"])
    ws.append(["Kabupaten/Kota", "Kab. Buatan"])
    ws.append(["No", "Nama Desa/Kelurahan", "26.4 Forum Anak", "26.12. KTR"])
    for i in range(4):
        ws.append([i + 1, f"Desa {i}", "Ya" if i else "Tidak", 3 if i < 2 else 0])
    ws.append([None, "Jumlah", 3, 5])  # a totals row is not a place
    book.save(tmp_path / "rekap-desa.xlsx")
    (sub,) = read_region([tmp_path])
    assert sub.inventory is not None and sub.region == "Kab. Buatan"
    (desa,) = sub.inventory.sheets
    assert desa.kind is Respondent.DESA and len(desa.places) == 4
    responses = assess(r2024, [sub]).validation.responses
    assert (responses["26.4"].answer, responses["26.12"].answer) == (75.0, 50.0)


def test_a_workbook_that_is_neither_keeps_its_missing_sheet_finding(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "daftar hadir"  # type: ignore[index]
    book.save(tmp_path / "lain.xlsx")
    (sub,) = read_region([tmp_path])
    assert sub.inventory is None and [f.code for f in sub.findings] == ["missing-sheet"]


def test_inventory_metadata_without_a_place_sheet_is_an_error(blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    for name in ("Kecamatan", "Desa-Kelurahan"):
        book[name]["B6"] = "Nama"  # the name column's header gone
    book.save(blank)
    (sub,) = read_region([blank])
    assert [f.code for f in sub.findings] == ["inventory-no-sheet"]


@pytest.mark.libreoffice
def test_saved_by_libreoffice_still_read(blank: Path, tmp_path: Path, r2024: Rubric) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; cannot re-save the inventory with it")
    fill_kecamatan(blank, ["Ya"] * 9 + ["Tidak"] * 3)
    out = tmp_path / "out"
    subprocess.run(
        [soffice, "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(blank)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    (sub,) = read_region([out / INVENTORY_FILE])
    assert sub.inventory is not None and sub.meta.get("form") == "inventory"
    item = next(i for i in assess(r2024, [sub]).result.all_items() if i.code == "25.2")
    assert item.points == 0.75


def test_kla_template_writes_the_inventory_unless_opds_are_named(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["template", "--rubric", str(RUBRIC_2024), "--region", "Kota Uji"]
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "all")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "all" / INVENTORY_FILE).is_file()
    assert INVENTORY_FILE in result.stdout
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "one"), "--opd", "dp3a"])
    assert result.exit_code == 0 and not (tmp_path / "one" / INVENTORY_FILE).exists()
    older = runner.invoke(app, ["template", "-o", str(tmp_path / "old"), "--opd", "dp3a"])
    assert older.exit_code == 0  # kla-2023 asks nothing of kecamatan: no inventory
    assert not (tmp_path / "old" / INVENTORY_FILE).exists()


def test_the_example_inventory(r2024: Rubric) -> None:
    (sub,) = read_region([EXAMPLE / INVENTORY_FILE])
    assert sub.inventory is not None and sub.region == "Kota Contoh"
    counts = {s.kind: len(s.places) for s in sub.inventory.sheets}
    assert counts == {Respondent.KECAMATAN: 8, Respondent.DESA: 40}
    validation = assess(r2024, [sub]).validation
    assert not [f for f in validation.findings if f.severity == "error"]
    assert len([c for c, r in validation.responses.items() if r.coverage]) == 22
