"""Scoring by the rubric's rules: every answer type, both directions, totals and band edges."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kla_cli.core.rubric import Rubric, Text, Tier, tier_floor, tier_for
from kla_cli.core.scoring import Response, item_points, score_region


def _item(rubric: Rubric, code: str):  # type: ignore[no-untyped-def]
    return rubric.item_index[code][1]


@pytest.mark.parametrize(("answer", "points"), [("a", 20), ("b", 12), ("c", 0), ("z", 0)])
def test_choice_points(mini: Rubric, answer: str, points: float) -> None:
    assert item_points(_item(mini, "1.1"), answer) == points


def test_yesno_points(mini: Rubric) -> None:
    assert item_points(_item(mini, "1.2"), True) == 10
    assert item_points(_item(mini, "1.2"), False) == 0


@pytest.mark.parametrize(
    ("ticked", "points"), [(set(), 0), ({"a"}, 5), ({"a", "c"}, 10), ({"a", "b", "c"}, 20)]
)
def test_checklist_points(mini: Rubric, ticked: set[str], points: float) -> None:
    assert item_points(_item(mini, "2.1"), frozenset(ticked)) == points


@pytest.mark.parametrize(
    ("value", "points"),
    [(0, 0), (4.9, 0), (5, 5), (19, 5), (20, 10), (500, 10)],
)
def test_count_higher_is_better(mini: Rubric, value: float, points: float) -> None:
    assert item_points(_item(mini, "2.2"), float(value)) == points


@pytest.mark.parametrize(
    ("value", "points"),
    [(0, 25), (14, 25), (14.01, 15), (20, 15), (25, 5), (30, 5), (30.1, 0), (100, 0)],
)
def test_percent_lower_is_better(mini: Rubric, value: float, points: float) -> None:
    assert item_points(_item(mini, "13.1"), float(value)) == points


@pytest.mark.parametrize(
    ("value", "points"), [(49.9, 0), (50, 4), (69.99, 4), (70, 10), (80, 15), (100, 15)]
)
def test_percent_higher_is_better(mini: Rubric, value: float, points: float) -> None:
    assert item_points(_item(mini, "13.2"), float(value)) == points


def test_totals_groups_and_evidence(mini: Rubric) -> None:
    responses = {
        "1.1": Response("a", "perda.pdf"),  # 20, evidenced
        "1.2": Response(True, None),  # 10, evidence missing
        "2.1": Response(frozenset({"a", "b"}), "sk.pdf"),  # 15
        "2.2": Response(25.0, None),  # 10, evidence not required
        "13.1": Response(18.0, "  "),  # 15, blank evidence counts as missing
    }
    result = score_region(mini, responses, region="Kota Uji", year="2025")
    assert result.total == 70.0
    assert result.total_evidenced == 45.0
    assert [g.score for g in result.groups] == [55.0, 15.0]
    assert [g.score_evidenced for g in result.groups] == [45.0, 0.0]
    assert sum(g.score for g in result.groups) == result.total
    assert result.predicate is not None and result.predicate.id == "madya"  # 70 is the top of Madya
    assert result.predicate_evidenced is None  # 45 is below Pratama's 50
    unanswered = [i.code for i in result.all_items() if not i.answered]
    assert unanswered == ["13.2"]
    assert [i.code for i in result.all_items() if i.evidence_missing] == ["1.2", "13.1"]


def _official_tiers(kla_like: Rubric) -> Rubric:
    tiers = [
        Tier(id="pratama", name=Text(id="Pratama", en="Pratama"), min=500, max=600),
        Tier(id="madya", name=Text(id="Madya", en="Madya"), min=600, max=700),
        Tier(id="nindya", name=Text(id="Nindya", en="Nindya"), min=700, max=800),
        Tier(id="utama", name=Text(id="Utama", en="Utama"), min=800, max=900),
        Tier(id="kla", name=Text(id="KLA", en="KLA"), min=900, max=1000),
    ]
    return replace(kla_like, tiers=tuple(tiers), max_total=1000)


@pytest.mark.parametrize(
    ("total", "tier"),
    [
        (0, None),
        (499.99, None),
        (500, "pratama"),
        (550, "pratama"),
        (600, "pratama"),
        (600.01, "madya"),
        (600.5, "madya"),
        (700, "madya"),
        (700.01, "nindya"),
        (800, "nindya"),
        (900, "utama"),
        (900.01, "kla"),
        (1000, "kla"),
    ],
)
def test_band_edges(mini: Rubric, total: float, tier: str | None) -> None:
    rubric = _official_tiers(mini)
    found = tier_for(rubric, total)
    assert (found.id if found else None) == tier


def test_band_floor(mini: Rubric) -> None:
    rubric = _official_tiers(mini)
    assert [tier_floor(rubric, t) for t in rubric.tiers] == [500, 600.01, 700.01, 800.01, 900.01]


def test_variant_pratama_501(mini: Rubric) -> None:
    rubric = _official_tiers(mini)
    tiers = (rubric.tiers[0]._replace(min=501), *rubric.tiers[1:])
    variant = replace(rubric, tiers=tiers)
    assert tier_for(variant, 500.5) is None
    assert tier_for(variant, 501).id == "pratama"  # type: ignore[union-attr]
