"""The recap's row labels and checks, on values built by hand (no workbook)."""

from __future__ import annotations

import pytest

from kla_cli.core.answers import AnswerProblem
from kla_cli.core.recap_check import check_recap, verified_points
from kla_cli.core.recap_layout import (
    full_code,
    group_heading,
    indicator_code,
    indicator_label,
    question_code,
    question_label,
)
from kla_cli.core.rubric import Rubric
from kla_cli.core.submission import Given, Row, Submission, Subtotal
from kla_cli.io.rubric_yaml import load_rubric, shipped_rubrics


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_rubric(shipped_rubrics() / "kla-2024.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indikator 21 A", "21A"),
        ("Indikator 21A", "21A"),
        ("INDIKATOR 7 Pencegahan perkawinan anak", "7"),
        ("indikator 24b", "24B"),
        ("Pertanyaan 2za", None),
        ("Indikatornya", None),
    ],
)
def test_indicator_label(text: str, expected: str | None) -> None:
    assert indicator_label(text) == expected


def test_codes_in_their_many_spellings() -> None:
    assert question_label("Pertanyaan 2za") == "2za"
    assert question_label("Pertanyaan 2 A Apakah …") == "2a"
    assert question_code("2ZA") == question_code("Pertanyaan 2za") == "2za"
    assert indicator_code("21 a") == indicator_code("21A") == "21A"
    assert full_code("21A.2za") == full_code("21 A . 2za") == "21A.2za"
    assert full_code("1.2a") == "1.2a" and full_code("1.2.3") is None
    assert group_heading("KLASTER I: Hak Sipil dan Kebebasan") == "KLASTER I"
    assert group_heading("Kelana  Dekela") == "Kelana Dekela"
    assert group_heading("Kelembagaan") == "Kelembagaan"
    assert group_heading("Klasternya") is None


def test_verified_points(rubric: Rubric) -> None:
    item = rubric.item_index["1.1"][1]  # max 12
    assert verified_points(item, None) is None
    assert verified_points(item, "7,5") == 7.5
    with pytest.raises(AnswerProblem) as above:
        verified_points(item, 13)
    assert above.value.code == "verified-out-of-range"
    with pytest.raises(AnswerProblem) as text:
        verified_points(item, "belum")
    assert text.value.code == "not-a-number"


def _row(code: str, row: int, points: float, verified: float | None = None) -> Row:
    return Row(code=code, row=row, answer=points, is_nilai=True, verified=verified)


def test_subtotals_against_plain_and_capped_sums(rubric: Rubric) -> None:
    rows = (_row("21B.1", 11, 9, 9), _row("21B.2", 12, 9, 6))  # 18, capped at 17
    subtotals = (
        Subtotal("indicator", "21B", 10, (10, 12), Given("Nilai", 17, "D"), Given("VA", 15, "E")),
        Subtotal("indicator", "21B", 10, (10, 12), Given("Nilai", 18, "D")),  # uncapped: fine
        Subtotal("indicator", "21B", 10, (10, 12), Given("Nilai", 16, "D")),
        Subtotal("group", "Klaster V", 9, (9, 12), max=Given("Nilai Max", 205, "C")),
        Subtotal("group", "Klaster IX", 9, (9, 12), max=Given("Nilai Max", 5, "C")),
    )
    sub = Submission("r.xlsx", "Rekap", rows=rows, recap=True, subtotals=subtotals)
    found = [
        (f.code, f.cell, f.args.get("found"), f.args.get("sum")) for f in check_recap(rubric, sub)
    ]
    assert found == [
        ("recap-subtotal-mismatch", "D10", "16", "17"),
        ("recap-unknown-section", "C9", None, None),
    ]  # fmt: skip
