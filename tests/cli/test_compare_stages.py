"""`kla compare` of result sheets (group totals only) and of one result's stages (EM → VA), and
`kla history` over result sheets, from real outcomes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.io.rubric_yaml import shipped_rubrics
from kla_cli.render.score import score_json

from ..conftest import EXAMPLE
from ..io.test_result_sheet import LOMBOK_TENGAH_VA_CSV, SUMBAWA_2022
from ..stages import result

RUBRIC = ["--rubric", str(shipped_rubrics() / "kla-2024.yaml")]
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
LOMBOK_TENGAH_EM = "region: Kabupaten Lombok Tengah\nyear: 2024\ntotal: 779,05\n"


def _run(*args: str, lang: str = "id") -> tuple[int, str, str]:
    out = CliRunner().invoke(app, ["--lang", lang, *args], env=ENV)
    return out.exit_code, out.stdout, out.stderr


def _sheets(tmp_path: Path) -> tuple[Path, Path]:
    em = tmp_path / "lomtengah-em.yaml"
    em.write_text(LOMBOK_TENGAH_EM, encoding="utf-8")
    va = tmp_path / "lomtengah-va.csv"
    va.write_text(LOMBOK_TENGAH_VA_CSV, encoding="utf-8")
    return em, va


def test_lombok_tengah_self_assessed_against_verified(tmp_path: Path) -> None:
    em, va = _sheets(tmp_path)
    code, out, err = _run("compare", str(em), str(va), *RUBRIC)
    assert code == 0, err
    assert "779,05 → 597,93 (-181,12)" in out
    assert "turun: Nindya → Pratama" in out
    assert "99,01" in out and "Indikator" not in out  # group totals only
    _, text, _ = _run("compare", str(em), str(va), *RUBRIC, "-f", "json")
    data = json.loads(text)
    assert data["change"]["total"] == -181.12 and data["change"]["predicate"] == -1
    assert data["old"]["detail"] == "total" and data["new"]["detail"] == "groups"
    assert data["new"]["total"] == 597.928  # rounded only when shown
    kelembagaan = data["groups"][0]
    assert kelembagaan["new"] == 99.01 and kelembagaan["old"] is None
    assert kelembagaan["change"] is None  # unknown, not +99,01


def test_one_sheet_with_both_stages(tmp_path: Path) -> None:
    sheet = tmp_path / "lt.yaml"
    sheet.write_text(
        LOMBOK_TENGAH_EM
        + "total_verified: 597.928\ngroups:\n"
        + "".join(
            f"  - {{group: {g}, verified: {v}}}\n"
            for g, v in zip(
                ("K", "I", "II", "III", "IV", "V", "KD"),
                ("99.01", "64.67", "103.8", "114", "58", "87.15", "71.3"),
                strict=True,
            )
        ),
        encoding="utf-8",
    )
    code, out, err = _run("compare", str(sheet), *RUBRIC)
    assert code == 0, err
    assert "Penilaian mandiri → verifikasi" in out
    assert "779,05 → 597,93 (-181,12)" in out and "Nindya → Pratama" in out


def test_stages_of_a_saved_score(tmp_path: Path) -> None:
    saved = tmp_path / "kab-uji-2024.json"
    saved.write_text(json.dumps(score_json(result())), encoding="utf-8")
    code, out, err = _run("compare", str(saved), *RUBRIC, lang="en")
    assert code == 0, err
    assert "Self-assessment → verification" in out
    assert "753.05 → 558.32 (-194.73)" in out and "down: Nindya → Pratama" in out
    assert "Cut the most" in out and "VA − EM" in out
    assert "The points are official; the graded steps" in out
    _, text, _ = _run("compare", str(saved), *RUBRIC, "-f", "json")
    data = json.loads(text)
    assert data["stages"] is True
    assert data["old"]["stage"] == "self_assessed" and data["new"]["stage"] == "verified"
    first = data["groups"][0]
    assert (first["old"], first["new"], first["change"]) == (123.03, 49.78, -73.25)
    indicator = data["indicators"][0]
    assert indicator["key"] == "1" and indicator["new"] == 0.0
    assert data["losses"][0]["change"] < 0


def test_one_path_without_verification_refuses() -> None:
    code, out, err = _run("compare", str(EXAMPLE), lang="en")
    assert code == 2 and out == ""
    assert "no verified points" in err and "kla compare OLD NEW" in err


def test_history_over_result_sheets(tmp_path: Path) -> None:
    (tmp_path / "sumbawa-2022.yaml").write_text(SUMBAWA_2022, encoding="utf-8")
    later = SUMBAWA_2022.replace("2022", "2023").replace("Dekela 30,50/75", "Dekela 60,50/75")
    (tmp_path / "sumbawa-2023.yaml").write_text(later, encoding="utf-8")
    code, out, err = _run("history", str(tmp_path), *RUBRIC, "-f", "json")
    assert code == 0, err
    years = json.loads(out)["years"]
    assert [(y["year"], y["total"], y["predicate_id"]) for y in years] == [
        ("2022", 505.85, "pratama"),
        ("2023", 535.85, "pratama"),
    ]
    assert years[1]["change"] == 30 and years[0]["total_evidenced"] is None
    assert years[0]["detail"] == "groups"
    _, table, _ = _run("history", str(tmp_path), *RUBRIC)
    assert "505,85" in table and "+30,00" in table


def test_gap_of_a_published_total() -> None:
    code, out, _ = _run("gap", "--score", "505,85", "--target", "madya", *RUBRIC)
    assert code == 1 and "kurang 94,16 poin" in out


def test_an_unreadable_form_shows_why_before_anything_about_stages(tmp_path: Path) -> None:
    """A damaged form carries no points at all: its own error comes first, and the command
    does not go on to say it lacks verified points."""
    damaged = tmp_path / "dinkes.xlsx"
    damaged.write_bytes(b"PK\x03\x04 cut off")
    result = CliRunner().invoke(app, ["--lang", "en", "compare", str(damaged)])
    assert result.exit_code != 0
    assert "[damaged]" in result.stderr.splitlines()[0]
    assert "no verified points" not in result.stderr
