"""The commands on a region's own recap: the example, `--columns` on every command that reads
workbooks (score, validate, gap, report, compare, batch), and a bad `--columns`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.io.rubric_yaml import shipped_rubrics
from tests.conftest import ROOT
from tests.workbook.recap_files import HEADERS, TOTAL, write_recap

EXAMPLE_RECAP = ROOT / "examples" / "rekap-contoh"
RUBRIC_2024 = str(shipped_rubrics() / "kla-2024.yaml")
UNMATCHED = (
    "No. Butir",
    "Teks",
    "Maks. Poin",
    "Poin Daerah",
    "Poin Prov",
    "Asal",
    "Berkas",
    "Cat.",
)
COLUMNS = "kode=A,uraian=B,max=C,nilai=D,va=E,sumber=F,dukung=G,catatan=H"


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--rubric", RUBRIC_2024])
    return result.exit_code, result.stdout, result.stderr


def test_score_the_example_recap_as_json() -> None:
    code, out, err = _invoke("score", str(EXAMPLE_RECAP), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["total"] > 700 and data["predicate_id"] == "nindya"
    assert data["region"] == "Kabupaten Contoh Timur" and data["year"] == "2024"


def test_validate_the_example_recap_warns_and_passes() -> None:
    code, out, _ = _invoke("validate", str(EXAMPLE_RECAP), "--lang", "en")
    assert code == 0
    assert "[recap-subtotal-mismatch] KLASTER II: Nilai Evaluasi says" in out
    assert "[recap-max-differs] KLASTER I: Nilai Max says 150, the rubric says 115" in out


@pytest.fixture
def unmatched(tmp_path: Path) -> Path:
    """A recap whose headers kla does not know, in its own region folder."""
    return write_recap(tmp_path / "kab-uji" / "rekap.xlsx", UNMATCHED)


@pytest.mark.parametrize(
    "command",
    [
        ["score", "{recap}", "-f", "json", "--allow-errors"],
        ["validate", "{recap}"],
        ["gap", "{recap}", "--allow-errors"],
        ["report", "{recap}", "-o", "{tmp}/laporan.md", "--allow-errors"],
        ["compare", "{recap}", "{recap}", "--allow-errors"],
        ["batch", "{root}", "-f", "json", "-j", "2"],
    ],
    ids=lambda c: c[0],
)
def test_columns_option_on_every_reading_command(
    unmatched: Path, tmp_path: Path, command: list[str]
) -> None:
    second = unmatched.parents[1] / "kab-dua" / "rekap.xlsx"
    second.parent.mkdir()
    shutil.copy(unmatched, second)
    values = {"recap": str(unmatched), "root": str(unmatched.parents[1]), "tmp": str(tmp_path)}
    args = [part.format(**values) for part in command]
    without = _invoke(*args)
    mapped = _invoke(*args, "--columns", COLUMNS)
    assert "missing-sheet" in without[1] + without[2]
    assert mapped[0] in (0, 1), mapped[2]  # 1: findings or below the target, never "cannot run"
    assert "missing-sheet" not in mapped[1] + mapped[2]
    if command[0] == "score":
        assert json.loads(mapped[1])["total"] == TOTAL
    if command[0] == "batch":
        totals = [region["total"] for region in json.loads(mapped[1])["regions"]]
        assert totals == [TOTAL, TOTAL]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("nilai=F,skor=B", "unknown column name 'skor'"),
        ("nilai=6", "column 'nilai': '6' is not an Excel column letter"),
    ],
)
def test_bad_columns_option_exits_2_with_a_hint(tmp_path: Path, value: str, message: str) -> None:
    recap = write_recap(tmp_path / "rekap.xlsx", HEADERS)
    code, out, err = _invoke("score", str(recap), "--columns", value, "--lang", "en")
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert "--columns" in line and message in line and "nilai=F,kode=B" in line
