"""`kla gap --basis verified`: the questions cut at verification come first, then the usual plan
on the verified total; re-scoring the plan reproduces it."""

from __future__ import annotations

import pytest

from kla_cli.core.gap.actions import ActionKind
from kla_cli.core.gap.cuts import verification_cuts
from kla_cli.core.gap.ladder import Basis, basis_total, find_tier
from kla_cli.core.gap.plan import analyse
from kla_cli.core.gap.whatif import apply_plan

from ..stages import CUT_INDICATORS, NOTE, PARTLY, result, rubric_2024


def test_cuts_are_the_questions_below_their_self_assessed_points() -> None:
    rubric = rubric_2024()
    cuts = verification_cuts(rubric, result())
    expected = {
        item.code
        for ind, item in rubric.iter_items()
        if (ind.id in CUT_INDICATORS and item.max > 0) or item.code in PARTLY
    }
    assert {c.code for c in cuts} == expected
    assert [c.lost for c in cuts] == sorted((c.lost for c in cuts), reverse=True)
    first = cuts[0]
    assert first.lost == round(first.points - first.verified, 2) > 0
    partly = next(c for c in cuts if c.code == "2.1")
    assert (partly.points, partly.verified, partly.lost) == (2.25, 1.0, 1.25)
    assert partly.note == NOTE and partly.opds[0] == rubric.item_opds(*rubric.item_index["2.1"])[0]
    assert round(sum(c.lost for c in cuts), 2) == round(result().total - result().total_verified, 2)
    assert verification_cuts(rubric, result(checked=False)) == ()


def test_verified_plan_starts_with_the_cuts_and_reaches_the_target() -> None:
    rubric = rubric_2024()
    scored = result()
    assert basis_total(scored, Basis.VERIFIED) == 558.32
    analysis = analyse(rubric, scored, find_tier(rubric, "madya"), Basis.VERIFIED)
    assert analysis.total == 558.32 and analysis.points_needed == 41.69
    assert analysis.cuts and analysis.quick_wins == ()
    plan = analysis.plan
    assert plan.reached and plan.end_total >= 600.01
    kinds = [a.kind for a in plan.actions]
    assert kinds[0] is ActionKind.CUT  # recovering the cut points comes first
    assert kinds == sorted(kinds, key=lambda k: k is not ActionKind.CUT)
    recovered = {a.code: a for a in plan.actions if a.kind is ActionKind.CUT}
    assert all(a.points_from == 0.0 or a.code in PARTLY for a in recovered.values())
    # Re-scoring the plan gives its total on the verified basis.
    after = apply_plan(rubric, scored, plan)
    assert after.total_verified == plan.end_total
    assert after.total == scored.total  # recovering a cut changes no answer


def test_without_cuts_the_verified_plan_steps_answers() -> None:
    rubric = rubric_2024()
    scored = result(share=0.6)  # 600 self-assessed, with cuts
    analysis = analyse(rubric, scored, find_tier(rubric, "nindya"), Basis.VERIFIED)
    assert any(a.kind is ActionKind.ANSWER for a in analysis.plan.actions)
    assert analysis.plan.reached


@pytest.mark.parametrize("basis", [Basis.EVIDENCED, Basis.SELF_ASSESSED])
def test_other_bases_list_no_cuts(basis: Basis) -> None:
    rubric = rubric_2024()
    analysis = analyse(rubric, result(), find_tier(rubric, "utama"), basis)
    assert analysis.cuts == ()
    assert all(a.kind is not ActionKind.CUT for a in analysis.plan.actions)
