"""`kla batch` on a province where one region's recap carries the verifier's points (VA): the
verified total and predikat in JSON and CSV, a VA column in the table and Markdown only then."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app

from ..conftest import EXAMPLE, ROOT

RECAP = ROOT / "examples" / "rekap-contoh"


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kab-timur: the example recap of Kabupaten Contoh Timur (751.52 Nindya, verified 585.51
    Pratama); kota-contoh: the example OPD forms of Kota Contoh, without verified points."""
    root = tmp_path_factory.mktemp("provinsi-va")
    shutil.copytree(RECAP, root / "Kabupaten Contoh Timur")
    shutil.copytree(EXAMPLE, root / "kota-contoh")
    return root


@pytest.fixture(scope="module")
def unverified(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("provinsi-tanpa-va")
    shutil.copytree(EXAMPLE, root / "kota-contoh")
    return root


def _batch(root: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["batch", str(root), "--jobs", "1", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_carries_the_verified_total_and_predikat(province: Path) -> None:
    regions = {r["name"]: r for r in json.loads(_batch(province, "--format", "json"))["regions"]}
    timur, kota = regions["Kabupaten Contoh Timur"], regions["Kota Contoh"]
    assert (timur["total"], timur["predicate_id"]) == (751.52, "nindya")
    assert timur["total_verified"] == 585.51
    assert timur["predicate_verified"] == "Pratama"
    assert timur["predicate_verified_id"] == "pratama"
    assert kota["total_verified"] is None
    assert kota["predicate_verified"] is None and kota["predicate_verified_id"] is None


def test_csv_carries_the_verified_total_and_predikat(province: Path) -> None:
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(_batch(province, "--format", "csv")))}
    assert rows["Kabupaten Contoh Timur"]["total_verified"] == "585.51"
    assert rows["Kabupaten Contoh Timur"]["predicate_verified_id"] == "pratama"
    assert rows["Kota Contoh"]["total_verified"] == ""
    assert rows["Kota Contoh"]["predicate_verified_id"] == ""


def test_markdown_and_table_show_a_va_column(province: Path) -> None:
    text = _batch(province, "--format", "markdown")
    header = next(line for line in text.splitlines() if line.startswith("| #"))
    cells = [c.strip() for c in header.strip("|").split("|")]
    assert cells[2:5] == ["Total", "Total with evidence", "Verified total (VA)"]
    assert "| 1 | Kabupaten Contoh Timur | 751.52 | 697.18 | 585.51 | Nindya |" in text
    assert "| Kota Contoh | 663.09 | 596.18 | - | Madya |" in text
    assert "|---:|---|---:|---:|---:|---|" in text  # the VA column is right-aligned
    table = _batch(province, "--format", "table")
    line = next(line for line in table.splitlines() if "Kabupaten Contoh Timur" in line)
    assert line.split()[:8] == [
        *("1", "Kabupaten", "Contoh", "Timur"),
        *("751.52", "697.18", "585.51", "Nindya"),
    ]
    assert "(VA)" in table


def test_without_verified_points_no_va_column(unverified: Path) -> None:
    for fmt in ("markdown", "table"):
        assert "VA" not in _batch(unverified, "--format", fmt)
    (region,) = json.loads(_batch(unverified, "--format", "json"))["regions"]
    assert region["total_verified"] is None and region["predicate_verified"] is None
    (row,) = csv.DictReader(io.StringIO(_batch(unverified, "--format", "csv")))
    assert row["total_verified"] == "" and row["predicate_verified_id"] == ""
