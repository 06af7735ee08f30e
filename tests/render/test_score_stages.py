"""`kla score` with the verifier's points: the third total (VA) in the table, Markdown, CSV and
JSON, and outputs unchanged without verification; the provisional note of each instrument."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.provisional import provisional_note
from kla_cli.render.formats import Format
from kla_cli.render.score import render_score

from ..conftest import EXAMPLE
from ..stages import NOTE, result


def _render(fmt: Format, *, checked: bool = True, lang: str = "id") -> str:
    return render_score(
        result(checked=checked),
        fmt,
        lang,
        lowest=500,
        detail=True,
        width=120,  # type: ignore[arg-type]
    )


def test_json_has_the_three_totals_and_the_verifiers_points() -> None:
    data = json.loads(_render(Format.JSON))
    assert (data["total"], data["total_evidenced"], data["total_verified"]) == (
        753.05,
        753.05,
        558.32,
    )
    assert data["predicate_id"] == "nindya"
    assert (data["predicate_verified"], data["predicate_verified_id"]) == ("Pratama", "pratama")
    kelembagaan = data["groups"][0]
    assert (kelembagaan["score"], kelembagaan["score_verified"]) == (123.03, 49.78)
    first = data["indicators"][0]
    assert first["id"] == "1" and first["score_verified"] == 0.0
    item = first["items"][0]
    assert item["code"] == "1.1" and item["points"] == 9.0
    assert item["points_verified"] == 0.0 and item["note"] == NOTE
    kept = data["indicators"][3]["items"][0]
    assert kept["points_verified"] == kept["points"] and kept["note"] is None


def test_json_without_verification_says_null() -> None:
    data = json.loads(_render(Format.JSON, checked=False))
    assert data["total_verified"] is None and data["predicate_verified_id"] is None
    assert data["groups"][0]["score_verified"] is None
    assert data["indicators"][0]["score_verified"] is None
    item = data["indicators"][0]["items"][0]
    assert item["points_verified"] is None and item["note"] is None


def test_table_shows_the_verified_column_and_total_line() -> None:
    text = _render(Format.TABLE)
    assert "Nilai VA" in text
    assert "Total terverifikasi (VA): 558,32 → Pratama" in text
    assert "753,05" in text and "49,78" in text
    assert "dipotong saat verifikasi (−194,73 poin" in text
    plain = _render(Format.TABLE, checked=False)
    assert "Nilai VA" not in plain and "terverifikasi" not in plain


def test_markdown_and_csv() -> None:
    md = _render(Format.MARKDOWN, lang="en")
    assert "- **Verified total (VA)**: 558.32 (Pratama)" in md
    assert "| Group | Score | Score with evidence | Verified (VA) | Max |" in md
    assert "| **Total** | **753.05** | **753.05** | **558.32** | **1,000.00** |" in md
    rows = list(csv.DictReader(io.StringIO(_render(Format.CSV))))
    first = rows[0]
    assert first["code"] == "1.1" and first["points_verified"] == "0.0"
    assert first["note"] == NOTE
    header = _render(Format.CSV, checked=False).splitlines()[0]
    assert "points_verified" not in header and header.endswith(",opd")


def test_provisional_note_of_each_instrument() -> None:
    text = _render(Format.TABLE)
    assert "Bobot butir resmi" in text and "DUGAAN" in text
    assert "bukan bobot resmi" not in text
    en = _render(Format.MARKDOWN, lang="en")
    assert "The points are official; the graded steps" in en
    assert provisional_note(False, False, "en") is None
    assert "PROVISIONAL (not KemenPPPA" in (provisional_note(True, True, "en") or "")


def test_cli_score_without_verification_is_unchanged() -> None:
    out = CliRunner().invoke(app, ["--lang", "id", "score", str(EXAMPLE), "-f", "json"])
    data = json.loads(out.stdout)
    assert data["total_verified"] is None
    # the example is on kla-2024: official points, inferred graded steps
    assert data["rubric"]["provisional_points"] is False and data["rubric"]["provisional"] is True
    table = CliRunner().invoke(app, ["--lang", "id", "score", str(EXAMPLE)]).stdout
    assert "Nilai VA" not in table and "terverifikasi" not in table
    assert "Bobot butir resmi" in table and "DUGAAN" in table
    assert "bukan bobot resmi" not in table
