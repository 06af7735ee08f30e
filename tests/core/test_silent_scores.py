"""Answers that used to give a silent wrong score (issue 17's first cases): each is now read as
what it says, with its own finding."""

from __future__ import annotations

import pytest

from kla_cli.core.answers import AnswerProblem, parse_answer
from kla_cli.core.assess import assess
from kla_cli.core.rubric import Rubric
from kla_cli.core.scoring import Response, says_no_evidence
from kla_cli.core.submission import Row, Submission


def _form(opd: str, *rows: Row) -> Submission:
    return Submission(file=f"{opd}.xlsx", sheet="Isian", opd=opd, region="Kota Uji", year="2024",
                      rows=rows)  # fmt: skip


@pytest.mark.parametrize(
    "cell", ["-", "belum ada", "Tidak ada", "0", "?", "x", "nihil", "menyusul", " Belum Ada. "]
)
def test_a_cell_saying_there_is_no_evidence_is_no_evidence(kla: Rubric, cell: str) -> None:
    assert says_no_evidence(cell)
    assert not Response(answer="a", evidence=cell).has_evidence
    form = _form("jdih", Row(code="1.1", row=7, answer="a", evidence=cell))
    assessment = assess(kla, [form])
    item = assessment.result.all_items()[0]
    assert item.code == "1.1" and item.points == 12 and item.points_evidenced == 0
    codes = [
        f.code for f in assessment.validation.findings if f.item == "1.1" or "1.1" in str(f.args)
    ]
    assert "evidence-none-said" in codes and "evidence-missing" not in codes


def test_a_document_name_is_evidence(kla: Rubric) -> None:
    for cell in ("perda-kla.pdf", "https://jdih.example/perda/3", "x.pdf"):
        assert Response(answer="a", evidence=cell).has_evidence


@pytest.mark.parametrize("typed", ["a dan b", "a atau b", "b & c", "(a) atau (c)"])
def test_one_choice_naming_two_options_is_an_error(kla: Rubric, typed: str) -> None:
    item = kla.item_index["1.1"][1]
    with pytest.raises(AnswerProblem) as info:
        parse_answer(item, typed)
    assert info.value.code == "several-options"
    form = _form("jdih", Row(code="1.1", row=7, answer=typed, evidence="perda.pdf"))
    assessment = assess(kla, [form])
    assert any(f.code == "several-options" for f in assessment.validation.blocking)
    assert assessment.result.all_items()[0].points == 0  # never the best of the two


def test_a_zero_point_answer_has_no_points_to_lose(kla: Rubric) -> None:
    """`e` (none) on 1.1 earns 0: no 'evidence missing, points will be lost' warning."""
    form = _form("jdih", Row(code="1.1", row=7, answer="e", evidence=None))
    findings = assess(kla, [form]).validation.findings
    assert not [f for f in findings if f.code.startswith("evidence-")]
    with_points = assess(kla, [_form("jdih", Row(code="1.1", row=7, answer="b", evidence=None))])
    assert [f.code for f in with_points.validation.findings if f.code.startswith("evidence-")] == [
        "evidence-missing"
    ]


@pytest.mark.parametrize(
    ("typed", "points"), [("nilai 7,5", 7.5), ("Nilai: 9", 9.0), ("skor 0", 0.0)]
)
def test_any_question_takes_the_points_themselves(kla: Rubric, typed: str, points: float) -> None:
    form = _form("jdih", Row(code="1.1", row=7, answer=typed, evidence="perda.pdf"))
    item = assess(kla, [form]).result.all_items()[0]
    assert item.code == "1.1" and item.points == points


def test_points_above_the_maximum_are_refused(kla: Rubric) -> None:
    form = _form("jdih", Row(code="1.1", row=7, answer="nilai 13", evidence="perda.pdf"))
    assessment = assess(kla, [form])
    assert [f.code for f in assessment.validation.blocking] == ["nilai-out-of-range"]
    assert assessment.result.all_items()[0].points == 0
