"""`kla gap --basis`: verified (the cuts first, then the plan), the old flags as aliases, and a
clear refusal where the results carry no verified points."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core import assess as assess_module
from kla_cli.core.assess import Assessment
from kla_cli.core.validate import Validation
from kla_cli.io.rubric_yaml import shipped_rubrics

from ..conftest import EXAMPLE
from ..stages import NOTE, result

RUBRIC_2024 = ["--rubric", str(shipped_rubrics() / "kla-2024.yaml")]
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}


@pytest.fixture
def verified_region(monkeypatch: pytest.MonkeyPatch) -> Path:
    """A region whose recap carries Nilai VA: the example's workbooks are read, and scored as
    `tests.stages` (reading a Nilai VA column is the reader's own test). `_gap` runs with
    `--no-cache`: the region memo neither answers for the patched assessment nor keeps it."""
    monkeypatch.setattr(
        assess_module,
        "assess",
        lambda rubric, submissions, **_: Assessment(Validation(), result()),
    )
    return EXAMPLE


def _gap(*args: str, lang: str = "id") -> tuple[int, str, str]:
    out = CliRunner().invoke(app, ["--lang", lang, "gap", "--no-cache", *args], env=ENV)
    return out.exit_code, out.stdout, out.stderr


def test_verified_table_starts_with_the_cuts(verified_region: Path) -> None:
    code, out, _ = _gap(str(verified_region), *RUBRIC_2024, "--basis", "verified", "-t", "madya")
    assert code == 1
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "Total terverifikasi (VA): 558,32 (Pratama); total penilaian mandiri: 753,05" in out
    assert "kurang 41,69 poin" in out
    cuts_at = out.index("Dipotong saat verifikasi")
    assert cuts_at < out.index("Rencana per OPD")
    assert "−9,00" in out and "9,00 → 0,00" in out  # 1.1: 9 points self-assessed, 0 verified
    assert "JDIH (utama)" in out
    assert "Catatan verifikator: SK belum ditandatangani" in out
    assert "Data dukung diminta:" in out
    table = [line for line in lines if line.startswith(("┃", "│"))]
    assert table and not any("…" in line for line in table)  # wrapped, never cut
    # the 20 largest cuts on the table; the other 73 of the 93 summed (194,73 − 110,25 shown)
    assert "… dan 73 butir lain yang dipotong (−84,48 poin)" in out
    assert "penuhi" in out and "verifikator" in out[out.index("Rencana per OPD") :]
    assert "Bobot butir resmi" in out  # the graded steps are provisional


def test_verified_json_and_markdown(verified_region: Path) -> None:
    _, out, _ = _gap(str(verified_region), *RUBRIC_2024, "--basis", "verified", "-f", "json")
    data = json.loads(out)
    assert data["basis"] == "verified" and data["total"] == 558.32
    assert data["total_self_assessed"] == 753.05 and data["total_verified"] == 558.32
    assert data["target"]["id"] == "madya"  # the next predikat above the verified total
    first = data["cuts"][0]
    assert first["lost"] == round(first["points"] - first["points_verified"], 2)
    assert first["note"] == NOTE and first["opd"] and first["evidence_asked"]
    assert data["plan"]["actions"][0]["kind"] == "cut"
    assert data["quick_wins"] == []
    _, md, _ = _gap(
        str(verified_region), *RUBRIC_2024, "--basis", "verified", "-f", "markdown", lang="en"
    )
    assert "## Cut at verification" in md
    assert (
        "| Item | Self-assessed | Verified | Cut | OPD | Data dukung asked | Verifier's note |"
        in md
    )
    assert md.index("## Cut at verification") < md.index("## Plan per OPD")


def test_aliases_and_conflicts() -> None:
    base = _gap(str(EXAMPLE), "-t", "nindya", "-f", "json")[1]
    assert json.loads(base)["basis"] == "evidenced"
    for flags, basis in (
        (["--self-assessed"], "self_assessed"),
        (["--basis", "self-assessed"], "self_assessed"),
        (["--evidenced"], "evidenced"),
        (["--basis", "evidenced", "--evidenced"], "evidenced"),
    ):
        out = _gap(str(EXAMPLE), "-t", "nindya", "-f", "json", *flags)[1]
        assert json.loads(out)["basis"] == basis, flags
    code, _, err = _gap(str(EXAMPLE), "--basis", "verified", "--self-assessed")
    assert code == 2 and "--basis verified" in err and "--self-assessed" in err


def test_verified_basis_without_verification_refuses() -> None:
    code, out, err = _gap(str(EXAMPLE), "--basis", "verified", lang="en")
    assert code == 2 and out == ""
    assert "no verified points" in err and "Nilai VA" in err and "Traceback" not in err
