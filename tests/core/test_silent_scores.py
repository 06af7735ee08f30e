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


@pytest.mark.parametrize(
    ("code", "scales"),
    [
        ("0%", True),
        ("0.0%", True),
        ('0.0"%"', False),
        ("0.0\\%", False),
        ("0.0&quot;%&quot;", False),
    ],
)
def test_only_an_unquoted_percent_sign_scales(code: str, scales: bool) -> None:
    from kla_cli.workbook.grid import shows_as_percent

    assert shows_as_percent(code) is scales


def test_a_literal_percent_format_is_not_read_as_times_100(tmp_path: object, kla: Rubric) -> None:
    """A cell formatted `0.0"%"` shows 0,5% and holds 0,5: it is 0,5 %, not 50 %."""
    from pathlib import Path

    from openpyxl import Workbook

    from kla_cli.workbook.books import grid_openpyxl
    from kla_cli.workbook.grid import Grid

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws["A1"], ws["A2"] = 0.5, 0.5
    ws["A1"].number_format, ws["A2"].number_format = '0.0"%"', "0.0%"
    path = Path(str(tmp_path)) / "p.xlsx"
    book.save(path)
    from openpyxl import load_workbook

    grid: Grid = grid_openpyxl(load_workbook(path).active.iter_rows(), data_only=True)
    assert (1, 1) not in grid.percent and (2, 1) in grid.percent


def test_a_fraction_for_a_percentage_is_questioned(kla: Rubric) -> None:
    form = _form("dinkes", Row(code="13.3", row=7, answer="0,213", evidence="data.pdf"))
    findings = assess(kla, [form]).validation.findings
    found = [f for f in findings if f.code == "percent-as-fraction"]
    assert len(found) == 1 and "21,3" in found[0].message("id")
    for text in ("21,3", "0,5%", "0.5 %"):  # a percentage as such, or one with its sign
        typed = _form("dinkes", Row(code="13.3", row=7, answer=text, evidence="data.pdf"))
        assessment = assess(kla, [typed])
        assert not [f for f in assessment.validation.findings if f.code == "percent-as-fraction"]
    scored = next(s for s in assessment.result.all_items() if s.code == "13.3")
    assert scored.response is not None and scored.response.answer == 0.5


def test_a_decimal_below_one_typed_as_text_is_not_a_thousands_number() -> None:
    from kla_cli.core.answers import parse_number

    assert parse_number("0.955") == 0.955 and parse_number("1.234") == 1234


def test_the_forms_metadata_names_the_opd_over_a_typo_in_its_cell(kla: Rubric) -> None:
    """A form made for Dinkes whose OPD cell says 'Dinsos' still answers as Dinkes, with a
    warning; before, the whole form moved to Dinsos without a word."""
    form = Submission(
        file="dinkes.xlsx", sheet="Isian", opd="Dinsos", region="Kota Uji", year="2024",
        rows=(Row(code="12.1", row=7, answer="80", evidence="data.pdf"),),
        meta={"opd_id": "dinkes", "rubric_id": "kla-2024"},
    )  # fmt: skip
    assessment = assess(kla, [form])
    assert assessment.validation.responses["12.1"].opd == "dinkes"
    assert "dinkes" in assessment.validation.opds and "dinsos" not in assessment.validation.opds
    assert any(f.code == "opd-mismatch" for f in assessment.validation.findings)
