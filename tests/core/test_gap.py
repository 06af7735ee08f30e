"""Gap analysis core on crafted results with the mini rubric (unit and property tests)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kla_cli.core.answer_types import Answer, Nilai
from kla_cli.core.gap.actions import ActionKind, next_answers, opportunities, quick_wins
from kla_cli.core.gap.ladder import Basis, basis_total, find_tier, ladder, next_tier, points_needed
from kla_cli.core.gap.plan import analyse
from kla_cli.core.gap.whatif import apply_plan, parse_assumption, plan_assumptions, what_if
from kla_cli.core.rubric import Item, Rubric
from kla_cli.core.rubric_leaves import AnswerType, Option, Tier, tier_floor
from kla_cli.core.scoring import Response, ScoreResult, item_points, score_region
from kla_cli.errors import KlaError
from kla_cli.io.rubric_yaml import load_rubric

from ..conftest import MINI_RUBRIC

EVIDENCE = "bukti.pdf"


def _result(
    rubric: Rubric, answers: Mapping[str, Answer], *, missing: set[str] | None = None
) -> ScoreResult:
    """Score `answers`; every answer has evidence except the codes in `missing`."""
    missing = missing or set()
    responses = {
        code: Response(answer, None if code in missing else EVIDENCE)
        for code, answer in answers.items()
    }
    return score_region(rubric, responses, region="Kota Uji", year="2025")


def _item(rubric: Rubric, code: str) -> Item:
    return rubric.item_index[code][1]


# --- tiers and ladder ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["nindya", "NINDYA", " Nindya ", "nInDyA"])
def test_find_tier_ignores_case(mini: Rubric, name: str) -> None:
    assert find_tier(mini, name).id == "nindya"


def test_find_tier_by_english_name_and_id(mini: Rubric) -> None:
    assert find_tier(mini, "child-friendly regency/city").id == "kla"
    assert find_tier(mini, "KLA").id == "kla"
    assert find_tier(mini, "Kabupaten/Kota Layak Anak").id == "kla"


def test_unknown_tier_lists_the_valid_ones(mini: Rubric) -> None:
    with pytest.raises(KlaError) as caught:
        find_tier(mini, "platinum")
    text = caught.value.render("en")
    assert "platinum" in text
    assert "Pratama, Madya, Nindya, Utama, Kabupaten/Kota Layak Anak (kla)" in text


def test_ladder_uses_half_open_floors(mini: Rubric) -> None:
    rungs = ladder(mini, 58.4)
    assert [(r.tier.id, r.floor, r.points_needed) for r in rungs] == [
        ("madya", 60.01, 1.61),
        ("nindya", 70.01, 11.61),
        ("utama", 80.01, 21.61),
        ("kla", 90.01, 31.61),
    ]
    # 60,00 is still Pratama: Madya is 0,01 away
    assert ladder(mini, 60.0)[0].tier.id == "madya"
    assert ladder(mini, 60.0)[0].points_needed == 0.01
    assert ladder(mini, 60.01)[0].tier.id == "nindya"
    assert ladder(mini, 100) == ()


def test_points_needed_is_clamped_at_zero(mini: Rubric) -> None:
    madya = find_tier(mini, "madya")
    assert points_needed(mini, 75, madya) == 0
    assert points_needed(mini, 59.99, madya) == 0.02


def test_next_tier(mini: Rubric) -> None:
    assert next_tier(mini, 0).id == "pratama"
    assert next_tier(mini, 65).id == "nindya"
    assert next_tier(mini, 100).id == "kla"


# --- next answers --------------------------------------------------------------------------


def test_next_answers_per_type(mini: Rubric) -> None:
    assert next_answers(_item(mini, "1.1"), "c") == ["b"]  # the cheapest better option
    assert next_answers(_item(mini, "1.1"), "b") == ["a"]
    assert next_answers(_item(mini, "1.1"), "a") == []
    assert next_answers(_item(mini, "1.2"), False) == [True]
    assert next_answers(_item(mini, "1.2"), True) == []
    assert next_answers(_item(mini, "2.1"), frozenset({"a"})) == [
        frozenset({"a", "b"}),
        frozenset({"a", "c"}),
    ]
    assert next_answers(_item(mini, "2.2"), None) == [5.0]  # count, higher is better
    assert next_answers(_item(mini, "2.2"), 7.0) == [20.0]
    assert next_answers(_item(mini, "13.1"), 22.0) == [20.0]  # lower is better
    assert next_answers(_item(mini, "13.1"), 35.0) == [30.0]
    assert next_answers(_item(mini, "13.1"), 10.0) == []
    assert next_answers(_item(mini, "13.2"), 62.0) == [70.0]


def test_next_answers_from_a_recap_s_points(mini: Rubric) -> None:
    """A region's recap gives points (`Nilai`), not answers."""
    yesno, checklist = _item(mini, "1.2"), _item(mini, "2.1")
    assert next_answers(yesno, Nilai(10.0)) == []  # already its maximum
    assert next_answers(yesno, Nilai(4.0)) == [True]
    # checklist (a 5, b 10, c 5; max 20): the fewest elements worth more, the richest first
    assert next_answers(checklist, Nilai(4.0)) == [frozenset({"b"})]
    assert next_answers(checklist, Nilai(12.0)) == [frozenset({"a", "b"})]  # no single one does
    assert next_answers(checklist, Nilai(15.0)) == [frozenset({"a", "b", "c"})]
    assert next_answers(checklist, Nilai(20.0)) == []


def test_a_checklist_s_gain_is_counted_to_the_cent(mini: Rubric) -> None:
    """Found in review: elements of 6,69, 6,66 and 6,65 points add up to 13,350000000000001;
    from a recap's 13,35 the next step is all three, not a step worth +0,00."""
    item = _item(mini, "2.1")
    points = (6.69, 6.66, 6.65)
    odd = replace(
        item,
        options=tuple(o._replace(points=p) for o, p in zip(item.options, points, strict=True)),
    )
    assert next_answers(odd, Nilai(13.35)) == [frozenset({"a", "b", "c"})]
    assert next_answers(odd, Nilai(13.34)) == [frozenset({"a", "b"})]


def test_no_opportunity_without_a_gain(mini: Rubric) -> None:
    """An item a recap already gives its maximum is no opportunity (it was listed, +0,00); one
    whose points no single element of a checklist beats still is."""
    result = _result(mini, {"1.2": Nilai(10.0), "2.1": Nilai(12.0)})
    found = {a.code: a for a in opportunities(mini, result)}
    assert "1.2" not in found
    assert (found["2.1"].answer_to, found["2.1"].gain) == (frozenset({"a", "b"}), 3.0)
    assert all(a.gain > 0 for a in found.values())


# --- opportunities and quick wins ----------------------------------------------------------


def test_opportunity_asi_62_to_70(mini: Rubric) -> None:
    result = _result(mini, {"13.2": 62.0, "1.1": "a"})
    found = {a.code: a for a in opportunities(mini, result)}
    asi = found["13.2"]
    assert (asi.answer_from, asi.answer_to, asi.gain) == (62.0, 70.0, 6.0)
    assert asi.opds == ("dinkes",) and asi.group == "III" and asi.indicator == "13"
    assert "1.1" not in found  # already at its maximum
    assert found["1.2"].answer_from is None and found["1.2"].answer_to is True
    gains = [a.gain for a in found.values()]
    assert gains == sorted(gains, reverse=True)


def test_quick_wins_only_where_evidence_is_required_and_missing(mini: Rubric) -> None:
    result = _result(
        mini, {"1.1": "b", "2.2": 25.0, "13.2": 40.0, "1.2": True}, missing={"1.1", "2.2", "13.2"}
    )
    wins = quick_wins(mini, result)
    # 2.2 needs no evidence; 13.2 at 40 % earns nothing, so evidence would add nothing
    assert [(a.code, a.kind, a.gain) for a in wins] == [("1.1", ActionKind.EVIDENCE, 12.0)]
    assert wins[0].answer_from == wins[0].answer_to == "b"


# --- the plan ------------------------------------------------------------------------------


def test_evidence_alone_can_close_the_gap(mini: Rubric) -> None:
    answers: dict[str, Answer] = {
        "1.1": "a",
        "1.2": True,
        "2.1": frozenset("abc"),
        "2.2": 25.0,
        "13.1": 25.0,
    }
    result = _result(mini, answers, missing={"1.1", "1.2"})
    assert result.total == 65 and result.total_evidenced == 35
    analysis = analyse(mini, result, find_tier(mini, "madya"))
    assert analysis.points_needed == 25.01
    assert [(a.code, a.kind) for a in analysis.plan.actions] == [
        ("1.1", ActionKind.EVIDENCE),
        ("1.2", ActionKind.EVIDENCE),
    ]
    assert analysis.plan.end_total == 65 and analysis.plan.reached


def test_self_assessed_basis_ignores_evidence(mini: Rubric) -> None:
    result = _result(mini, {"1.1": "a", "1.2": True, "2.1": frozenset("abc")}, missing={"1.1"})
    analysis = analyse(mini, result, find_tier(mini, "pratama"), Basis.SELF_ASSESSED)
    assert analysis.total == 50 and analysis.reached and analysis.plan.actions == ()
    evidenced = analyse(mini, result, find_tier(mini, "pratama"))
    assert evidenced.total == 30 and not evidenced.reached
    assert evidenced.plan.actions[0].kind is ActionKind.EVIDENCE


def test_plan_prefers_low_effort_steps(mini: Rubric) -> None:
    # 1.1 (low effort) b→a gives 8; 13.1 (high effort) gives up to 25
    result = _result(mini, {"1.1": "b", "1.2": True, "2.1": frozenset("abc"), "13.1": 25.0})
    assert result.total_evidenced == 47
    analysis = analyse(mini, result, find_tier(mini, "pratama"))
    assert [(a.code, a.answer_to) for a in analysis.plan.actions] == [("1.1", "a")]
    assert analysis.plan.end_total == 55


def test_plan_by_opd_uses_the_lead_opd(mini: Rubric) -> None:
    analysis = analyse(mini, _result(mini, {}), find_tier(mini, "kla"))
    groups = {g.opd: {a.code for a in g.actions} for g in analysis.plan_by_opd}
    assert groups["bappeda"] == {"2.1"}  # indicator 2 lists bappeda first
    assert "2.2" in groups["dp3a"]  # the item's own opd overrides the indicator's
    assert [g.opd for g in analysis.plan_by_opd] == ["dp3a", "dinkes", "bappeda"]  # rubric order
    assert sum(g.gain for g in analysis.plan_by_opd) == analysis.plan.gain


def test_reached_target_needs_no_plan(mini: Rubric) -> None:
    result = _result(mini, {"1.1": "a", "1.2": True, "2.1": frozenset("abc"), "13.1": 10.0})
    analysis = analyse(mini, result, find_tier(mini, "madya"))
    assert analysis.total == 75 and analysis.reached and analysis.points_needed == 0
    assert analysis.plan.actions == () and analysis.plan.reached


def _capped(rubric: Rubric) -> Rubric:
    """The mini rubric with 1.1 worth 10 at best instead of 20: 90 points at best."""
    item = _item(rubric, "1.1")
    options = tuple(
        Option(key=o.key, label=o.label, points=p)
        for o, p in zip(item.options, (10, 6, 0), strict=True)
    )
    first = rubric.indicators[0]
    items = (replace(item, options=options), *first.items[1:])
    indicators = (replace(first, items=items), *rubric.indicators[1:])
    return replace(rubric, indicators=indicators)


def test_unreachable_target_is_said_clearly(mini: Rubric) -> None:
    capped = _capped(mini)
    analysis = analyse(capped, _result(capped, {}), find_tier(capped, "kla"))
    assert not analysis.plan.reached
    assert analysis.plan.max_reachable == 90 == analysis.plan.end_total
    assert not analysis.reached and analysis.points_needed == 90.01


# --- what-if -------------------------------------------------------------------------------


def test_parse_assumption(mini: Rubric) -> None:
    assert parse_assumption(mini, "13.1=18,5") == ("13.1", 18.5)
    assert parse_assumption(mini, " 1.1 = B ") == ("1.1", "b")
    assert parse_assumption(mini, "1.2=ya") == ("1.2", True)
    assert parse_assumption(mini, "2.1=a,c") == ("2.1", frozenset("ac"))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("13.1", "gap.assume_syntax"),
        ("=b", "gap.assume_syntax"),
        ("1.1=", "gap.assume_syntax"),
        ("99.9=a", "gap.assume_unknown"),
        ("1.1=z", "finding.not-an-option"),
        ("13.1=150", "finding.percent-out-of-range"),
    ],
)
def test_bad_assumptions(mini: Rubric, text: str, key: str) -> None:
    with pytest.raises(KlaError) as caught:
        parse_assumption(mini, text)
    assert caught.value.key == key


def test_what_if_counts_assumed_answers_as_evidenced(mini: Rubric) -> None:
    result = _result(mini, {"1.1": "b", "13.1": 25.0}, missing={"1.1"})
    after = what_if(mini, result, {"1.1": "b", "13.1": 18.5})
    assert (result.total, result.total_evidenced) == (17, 5)
    assert (after.total, after.total_evidenced) == (27, 27)
    assert result.total == 17  # the input is not changed


# --- properties ----------------------------------------------------------------------------


def _answer(item: Item) -> st.SearchStrategy[Answer]:
    keys = [o.key for o in item.options]
    if item.type is AnswerType.CHOICE:
        return st.sampled_from(keys)
    if item.type is AnswerType.CHECKLIST:
        return st.frozensets(st.sampled_from(keys))
    if item.type is AnswerType.YESNO:
        return st.booleans()
    if item.type is AnswerType.COUNT:
        return st.integers(0, 40).map(float)
    return st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 1))


def _responses(rubric: Rubric) -> st.SearchStrategy[dict[str, Response]]:
    entries = {
        item.code: st.one_of(
            st.none(),
            st.builds(Response, _answer(item), st.sampled_from([None, EVIDENCE])),
        )
        for _, item in rubric.iter_items()
    }
    return st.fixed_dictionaries(entries).map(lambda d: {k: v for k, v in d.items() if v})


MINI = load_rubric(MINI_RUBRIC)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    responses=_responses(MINI),
    tier=st.sampled_from(MINI.tiers),
    basis=st.sampled_from(list(Basis)),
    kept=st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=20, max_size=20),
)
@pytest.mark.slow
def test_plan_really_reaches_the_target(
    responses: dict[str, Response], tier: Tier, basis: Basis, kept: list[float]
) -> None:
    if basis is Basis.VERIFIED:  # the verifier keeps all, half or none of each item's points
        index = MINI.item_index
        responses = {
            code: r._replace(
                verified=round(item_points(index[code][1], r.answer) * kept[i % len(kept)], 2)
            )
            for i, (code, r) in enumerate(responses.items())
        }
        assume(responses)
    result = score_region(MINI, responses)
    analysis = analyse(MINI, result, tier, basis)
    floor = tier_floor(MINI, tier)

    assert analysis.points_needed == max(0.0, round(floor - analysis.total, 2))
    assert analysis.reached == (analysis.total >= floor)
    assert all(a.gain > 0 for a in analysis.opportunities)
    assert all(a.gain > 0 for a in analysis.quick_wins)
    assert all(a.gain > 0 for a in analysis.plan.actions)

    plan = analysis.plan
    assert plan.reached  # every mini tier is reachable: each item can reach its maximum
    if analysis.reached:
        assert plan.actions == ()
    after = apply_plan(MINI, result, plan)
    assert basis_total(after, basis) == plan.end_total >= floor
    # no action is superfluous: leaving any one out misses the target
    assumed = plan_assumptions(plan)
    for code in assumed:
        fewer = {c: a for c, a in assumed.items() if c != code}
        assert basis_total(what_if(MINI, result, fewer), basis) < floor


def test_gap_with_assumptions_is_what_the_command_reports(mini: Rubric) -> None:
    """The one core call behind `kla gap PATH --assume …`: the assumed answers applied, the
    target defaulting to the next tier on the basis, the result before kept for the report."""
    from kla_cli.core.gap.ladder import Basis, next_tier
    from kla_cli.core.gap.whatif import gap_with_assumptions

    result = score_region(mini, {})
    plain, before = gap_with_assumptions(mini, result, None, {}, Basis.EVIDENCED)
    assert before is None and plain.target == next_tier(mini, result.total_evidenced)
    code, item = next((i.code, i) for _, i in mini.iter_items() if i.type.value == "yesno")
    assumed, before = gap_with_assumptions(
        mini, result, plain.target, {code: True}, Basis.EVIDENCED
    )
    assert before is result
    assert assumed.total == round(result.total_evidenced + item.max, 2)


def test_plan_totals_cap_each_indicator_like_the_score(kla: Rubric) -> None:
    """Items of 21B add up to 18 points where the indicator is worth 17: the plan starts from
    the scored total (697,18 on the example recap), not from the uncapped sum (698,18)."""
    from kla_cli.core.assess import assess
    from kla_cli.core.gap.plan import make_plan
    from kla_cli.workbook.read import read_region

    from ..conftest import ROOT

    result = assess(kla, read_region([ROOT / "examples" / "rekap-contoh"])).result
    for basis in Basis:
        plan = make_plan(kla, result, next_tier(kla, basis_total(result, basis)), basis)
        assert plan.start_total == basis_total(result, basis), basis
        assert applied_total(kla, result, plan, basis) == plan.end_total, basis


def applied_total(rubric: Rubric, result: ScoreResult, plan: object, basis: Basis) -> float:
    from kla_cli.core.gap.plan import Plan

    assert isinstance(plan, Plan)
    return basis_total(apply_plan(rubric, result, plan), basis)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    responses=_responses(MINI),
    basis=st.sampled_from(list(Basis)),
    picks=st.lists(st.integers(0, 10_000), max_size=12),
)
def test_running_totals_are_the_totals_worked_out_anew(
    responses: dict[str, Response], basis: Basis, picks: list[int]
) -> None:
    """The plan's incremental totals (`_Running`) equal the totals of all items summed again,
    bit for bit, after any sequence of steps and for any one item changed."""
    from kla_cli.core.gap.actions import item_scores
    from kla_cli.core.gap.plan import _initial, _Running, _State, _total

    result = score_region(MINI, responses)
    items = {item.code: item for _, item in MINI.iter_items()}
    scores = item_scores(result)
    start = {c: _initial(scores[c]) if c in scores else _State(None, False) for c in items}
    running = _Running(MINI, items, start, basis)
    assert running.total() == _total(MINI, start, basis)
    for pick in picks:
        candidates = running.candidates()
        if not candidates:
            break
        running.apply(candidates[pick % len(candidates)])
        assert running.total() == _total(MINI, running.states, basis)
        code = list(items)[pick % len(items)]
        other = _State(start[code].answer, not start[code].evidenced)
        assert running.total_with(code, other) == _total(
            MINI, {**running.states, code: other}, basis
        )
