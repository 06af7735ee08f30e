"""The best reachable total (`Plan.max_reachable`): `plan._climb` takes each item to the same
state as the round-by-round climb over the plan's own steps, which it replaced for speed."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kla_cli.core.assess import assess
from kla_cli.core.gap import plan
from kla_cli.core.gap.actions import item_scores
from kla_cli.core.gap.ladder import Basis
from kla_cli.core.rubric import Item, Rubric
from kla_cli.workbook.read import read_region

from ..conftest import EXAMPLE, ROOT

REGIONS = [EXAMPLE, ROOT / "examples" / "rekap-contoh", ROOT / "examples" / "provinsi-contoh"]


def _by_rounds(
    items: Mapping[str, Item], states: Mapping[str, plan._State], basis: Basis
) -> dict[str, plan._State]:
    """The climb as `_max_total` first did it: every step of a round applied in turn."""
    best = dict(states)
    for code, item in items.items():
        one = {code: item}
        while steps := plan._candidates(one, best, basis) + plan._evidence_steps(one, best, basis):
            for step in steps:
                plan._apply(best, step)
    return best


def _start(kla: Rubric, region: Path) -> tuple[dict[str, Item], dict[str, plan._State]]:
    folder = region if region.name != "provinsi-contoh" else region / "kota-bahari"
    result = assess(kla, read_region([folder])).result
    scores = item_scores(result)
    items = {item.code: item for _, item in kla.iter_items()}
    states = {
        code: plan._initial(scores[code]) if code in scores else plan._State(None, False)
        for code in items
    }
    return items, states


@pytest.mark.parametrize("region", REGIONS, ids=lambda p: p.name)
@pytest.mark.parametrize("basis", list(Basis))
def test_each_item_climbs_to_the_same_state(kla: Rubric, region: Path, basis: Basis) -> None:
    items, states = _start(kla, region)
    expected = _by_rounds(items, states, basis)
    assert {c: plan._climb(i, states[c], basis) for c, i in items.items()} == expected
    assert plan._max_total(kla, items, states, basis) == plan._total(kla, expected, basis)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), basis=st.sampled_from(list(Basis)))
def test_from_any_start(kla: Rubric, data: st.DataObject, basis: Basis) -> None:
    """Starts the examples do not have: any evidence flag, verified points, an answer stepped
    part of the way."""
    items, states = _start(kla, EXAMPLE)
    for code in data.draw(st.lists(st.sampled_from(sorted(items)), max_size=60)):
        item, state = items[code], states[code]
        steps = plan.next_answers(item, state.answer)
        answer = data.draw(st.sampled_from(steps)) if steps else state.answer
        verified = data.draw(st.none() | st.floats(0, item.max or 1, allow_nan=False))
        states[code] = plan._State(answer, data.draw(st.booleans()), verified)
    expected = _by_rounds(items, states, basis)
    assert {c: plan._climb(i, states[c], basis) for c, i in items.items()} == expected
