"""Property tests (hypothesis): whatever a user types within the template's limits scores cleanly,
better answers never lower the total, groups add up, and every total has exactly one predikat."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kla_cli.core.answer_types import Answer
from kla_cli.core.assess import assess
from kla_cli.core.rubric import Item, Rubric
from kla_cli.core.rubric_leaves import AnswerType, Direction, tier_for
from kla_cli.core.scoring import Response, score_region
from kla_cli.io.rubric_yaml import load_rubric
from kla_cli.workbook.form_text import items_for
from kla_cli.workbook.form_writer import Filled, build_workbook
from kla_cli.workbook.read import read_workbook

from ..conftest import DEMO_RUBRIC, MINI_RUBRIC

MINI = load_rubric(MINI_RUBRIC)
DEMO = load_rubric(DEMO_RUBRIC)
"""Every answer type (the invented demonstration instrument)."""


def answer_for(item: Item) -> st.SearchStrategy[Answer]:
    """Any answer the template's data validation lets a user type into the item's cell."""
    kind = item.type
    if kind is AnswerType.CHOICE:
        return st.sampled_from([o.key for o in item.options])
    if kind is AnswerType.CHECKLIST:
        return st.frozensets(st.sampled_from([o.key for o in item.options]))
    if kind is AnswerType.YESNO:
        return st.booleans()
    if kind is AnswerType.PERCENT:
        return st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 2))
    return st.integers(0, 1_000_000).map(float)


def answers(rubric: Rubric) -> st.SearchStrategy[dict[str, Answer | None]]:
    items = [item for _, item in rubric.iter_items()]
    return st.fixed_dictionaries(
        {item.code: st.one_of(st.none(), answer_for(item)) for item in items}
    )


def _responses(chosen: dict[str, Answer | None]) -> dict[str, Response]:
    return {code: Response(a, "bukti.pdf") for code, a in chosen.items() if a is not None}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@pytest.mark.slow
@given(chosen=answers(MINI), evidence=st.booleans())
def test_any_workbook_the_template_accepts_scores_without_error(
    chosen: dict[str, Answer | None], evidence: bool, tmp_path: Path
) -> None:
    filled = {
        code: Filled(answer, "bukti.pdf" if evidence else None)
        for code, answer in chosen.items()
        if answer is not None
    }
    submissions = []
    for opd in MINI.opds:
        if not items_for(MINI, opd):
            continue
        book = build_workbook(MINI, opd, region="Kota Uji", year="2025", filled=filled)
        buffer = io.BytesIO()
        book.save(buffer)
        path = tmp_path / f"{opd.id}.xlsx"
        path.write_bytes(buffer.getvalue())
        submissions.append(read_workbook(path))
    assessment = assess(MINI, submissions)
    assert assessment.validation.blocking == []
    result = assessment.result
    assert 0 <= result.total_evidenced <= result.total <= result.max_total
    scored = {i.code for i in result.all_items() if i.answered}
    assert scored == {code for code, answer in chosen.items() if answer is not None}


NUMERIC_HIGHER = [
    item
    for _, item in DEMO.iter_items()
    if item.type in (AnswerType.PERCENT, AnswerType.COUNT) and item.direction is Direction.HIGHER
]


@settings(max_examples=200, deadline=None)
@given(
    chosen=answers(DEMO),
    item=st.sampled_from(NUMERIC_HIGHER),
    low=st.floats(0, 100, allow_nan=False),
    step=st.floats(0, 100, allow_nan=False),
)
@pytest.mark.slow
def test_a_higher_answer_on_a_higher_is_better_item_never_lowers_the_total(
    chosen: dict[str, Answer | None], item: Item, low: float, step: float
) -> None:
    if item.type is AnswerType.COUNT:
        low, step = float(int(low)), float(int(step))
    high = min(low + step, 100.0) if item.type is AnswerType.PERCENT else low + step
    before = score_region(DEMO, _responses({**chosen, item.code: low}))
    after = score_region(DEMO, _responses({**chosen, item.code: high}))
    assert after.total >= before.total
    assert after.total_evidenced >= before.total_evidenced


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(chosen=answers(DEMO))
def test_total_is_the_sum_of_groups_and_of_indicators(chosen: dict[str, Answer | None]) -> None:
    result = score_region(DEMO, _responses(chosen))
    assert abs(result.total - sum(g.score for g in result.groups)) < 1e-6
    assert abs(result.total - sum(i.score for i in result.indicators)) < 1e-6
    assert 0 <= result.total <= result.max_total == 1000


@settings(max_examples=500, deadline=None)
@given(total=st.floats(0, 1000, allow_nan=False))
def test_every_total_has_exactly_one_band_or_none_below_the_lowest(total: float) -> None:
    for rubric in (DEMO, MINI):
        scaled = total * rubric.max_total / 1000
        shown = round(scaled, 2)
        containing = [
            tier
            for i, tier in enumerate(rubric.tiers)
            if (shown >= tier.min if i == 0 else shown > tier.min) and shown <= tier.max
        ]
        found = tier_for(rubric, scaled)
        if shown < rubric.tiers[0].min:
            assert found is None and containing == []
        else:
            assert len(containing) == 1
            assert found is containing[0]


def test_band_edges() -> None:
    lowest, *_ = DEMO.tiers
    assert tier_for(DEMO, lowest.min - 0.01) is None
    assert tier_for(DEMO, lowest.min) is lowest
    for below, above in zip(DEMO.tiers, DEMO.tiers[1:], strict=False):
        assert tier_for(DEMO, below.max) is below  # 600,00 is still the lower band
        assert tier_for(DEMO, below.max + 0.01) is above
    assert tier_for(DEMO, 1000) is DEMO.tiers[-1]
