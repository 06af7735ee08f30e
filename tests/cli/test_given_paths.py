"""What a scoring command is given: one region's folder, a province where a region is expected
(pointed to `kla batch`), or a single form (checked as a form, as `kla validate` checks it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.rubric import Rubric

from ..conftest import EXAMPLE, MINI_RUBRIC, ROOT, MakeRegion

PROVINCE = ROOT / "examples" / "provinsi-contoh"
MINI = ["--rubric", str(MINI_RUBRIC)]


@pytest.mark.parametrize("command", ["score", "gap", "report", "status", "validate"])
def test_a_province_with_a_manifest_points_to_batch(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, ["--lang", "en", command, str(PROVINCE)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0].startswith(f"Error: {PROVINCE}: this looks like a province")
    assert f"kla batch {PROVINCE / 'provinsi-contoh.yaml'}" in lines[0]


def test_a_folder_of_region_folders_points_to_batch(
    runner: CliRunner, mini: Rubric, make_region: MakeRegion
) -> None:
    for name in ("kota-a", "kota-b", "kabupaten-c"):
        province = make_region(mini, {}, name=f"provinsi/{name}").parent
    english = runner.invoke(app, ["--lang", "en", "score", str(province), *MINI])
    assert english.exit_code == 2
    assert "3 subfolders hold workbooks (kabupaten-c, kota-a, kota-b)" in english.stderr
    assert f"'kla batch {province}'" in english.stderr
    indonesian = runner.invoke(app, ["--lang", "id", "score", str(province), *MINI])
    assert "tampaknya satu provinsi" in indonesian.stderr and "kla batch" in indonesian.stderr


def test_a_region_with_a_subfolder_of_evidence_is_still_a_region(
    runner: CliRunner, tmp_path: Path
) -> None:
    region = tmp_path / "kota-contoh"
    shutil.copytree(EXAMPLE, region)
    for name in ("data-dukung", "arsip-2024"):  # evidence, and last year's forms kept aside
        (region / name).mkdir()
        shutil.copy(EXAMPLE / "dinkes.xlsx", region / name / "dinkes.xlsx")
    (region / "data-dukung" / "sk-gugus-tugas.pdf").write_bytes(b"%PDF-1.4")
    result = runner.invoke(app, ["score", str(region), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["region"] == "Kota Contoh"


def test_a_region_with_year_folders_is_not_a_province(
    runner: CliRunner, mini: Rubric, make_region: MakeRegion
) -> None:
    """`kla history` keeps a region's years in subfolders: not regions of a province."""
    for year in ("2024", "2025"):
        region = make_region(mini, {}, year=year, name=f"kota-uji/{year}").parent
    result = runner.invoke(app, ["score", str(region), *MINI])
    assert result.exit_code == 2
    assert "no workbooks" in result.stderr and "province" not in result.stderr


def test_score_of_one_form_checks_it_as_a_form(runner: CliRunner) -> None:
    """`kla score dinkes.xlsx`, the one form that just arrived: its own findings, no 'no file
    yet from …' for the other OPDs (as `kla validate dinkes.xlsx`)."""
    form = str(EXAMPLE / "dinkes.xlsx")
    result = runner.invoke(app, ["score", form, "--warnings"])
    assert result.exit_code == 0, result.output
    assert "opd-missing" not in result.stderr and "respondent-missing" not in result.stderr
    assert "[evidence-missing]" in result.stderr  # the form's own warnings remain
    data = json.loads(runner.invoke(app, ["score", form, "-f", "json"]).stdout)
    codes = {f["code"] for f in data["findings"]}
    assert codes and not codes & {"opd-missing", "respondent-missing"}
    validated = runner.invoke(app, ["validate", form, "-f", "json"])
    assert {f["code"] for f in json.loads(validated.stdout)["findings"]} == codes


def test_score_of_a_region_folder_still_names_the_opds_missing(
    runner: CliRunner, tmp_path: Path
) -> None:
    region = tmp_path / "kota"
    region.mkdir()
    shutil.copy(EXAMPLE / "dinkes.xlsx", region / "dinkes.xlsx")
    data = json.loads(runner.invoke(app, ["score", str(region), "-f", "json"]).stdout)
    assert "opd-missing" in {f["code"] for f in data["findings"]}
