"""Synthetic regions on the 2024 instrument (workbook/synthetic.py): every question type answered,
a nilai for `score` questions, and what is written reads back to the same score."""

from __future__ import annotations

import random
from pathlib import Path

from kla_cli.core.assess import assess
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import RESPONDENT_OPDS, AnswerType
from kla_cli.core.scoring import item_points
from kla_cli.workbook.form_writer import Filled
from kla_cli.workbook.read import read_region
from kla_cli.workbook.synthetic import (
    answer_for_quality,
    score_filled,
    synthetic_answers,
    write_region,
)


def test_every_2024_question_type_gets_an_answer_its_type_accepts(kla: Rubric) -> None:
    rng = random.Random(1)
    types = {item.type for _, item in kla.iter_items()}
    assert types == {AnswerType.CHOICE, AnswerType.YESNO, AnswerType.PERCENT, AnswerType.SCORE}
    for _, item in kla.iter_items():
        for quality in (0.0, 0.5, 1.0):
            answer = answer_for_quality(item, quality, rng)
            points = item_points(item, answer)
            assert 0 <= points <= item.max, item.code
            if item.type is AnswerType.SCORE:  # the nilai itself, two decimals
                assert isinstance(answer, float) and answer == round(answer, 2)
                assert points == answer


def test_a_score_question_follows_the_quality(kla: Rubric) -> None:
    nilai = kla.item_index["21A.3"][1]  # type: score, max 15
    rng = random.Random(2)
    low = [answer_for_quality(nilai, 0.1, rng) for _ in range(50)]
    high = [answer_for_quality(nilai, 0.9, rng) for _ in range(50)]
    assert max(low) < min(high) and min(low) >= 0 and max(high) <= 15


def test_written_region_reads_back_to_the_same_score(kla: Rubric, tmp_path: Path) -> None:
    filled = synthetic_answers(kla, 0.7, seed=5, missing_evidence=0.2)
    led_by_respondents = {
        item.code
        for ind, item in kla.iter_items()
        if kla.item_opds(ind, item)[0] in RESPONDENT_OPDS
    }
    assert led_by_respondents and not led_by_respondents & set(filled)  # the inventory's
    written = write_region(kla, tmp_path / "r", "Kota Uji", "2025", filled)
    assert not {p.stem for p in written} & RESPONDENT_OPDS
    expected = score_filled(kla, filled)
    result = assess(kla, read_region([tmp_path / "r"])).result
    assert (result.total, result.total_evidenced) == (expected.total, expected.total_evidenced)


def test_a_co_source_can_answer_in_its_own_form(kla: Rubric, tmp_path: Path) -> None:
    filled = synthetic_answers(kla, 0.7, seed=5)
    by_opd = {"uptd-ppa": {"21A.2": Filled()}, "polres": {"21A.2": Filled(True, "bukti.pdf")}}
    write_region(kla, tmp_path / "r", "Kota Uji", "2025", filled, by_opd=by_opd)
    validation = assess(kla, read_region([tmp_path / "r"])).validation
    response = validation.responses["21A.2"]
    assert (response.answer, response.opd) == (True, "polres")
    assert not [f for f in validation.findings if f.item == "21A.2"]
