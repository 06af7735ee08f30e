"""Scoring by the rubric's rules: every answer type, both directions, totals and band edges."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Text, Tier, tier_floor, tier_for
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


@pytest.mark.parametrize("seed", range(12))
def test_region_totals_are_score_regions_totals(kla: Rubric, seed: int) -> None:
    """`region_totals` (a batch's totals, without item scores) equals `score_region`'s three
    totals to the cent: answers of every quality, evidence missing or said to be missing,
    verified points on some items or none, wrong-typed answers and items left out."""
    import random

    from kla_cli.core.answer_types import Nilai
    from kla_cli.core.scoring import region_totals
    from kla_cli.workbook.synthetic import synthetic_answers

    rng = random.Random(seed)
    filled = synthetic_answers(kla, rng.random(), seed, missing_evidence=rng.random())
    verified = seed % 3 != 0
    responses: dict[str, Response] = {}
    for code, given in filled.items():
        if given.answer is None or rng.random() < 0.1:
            continue  # unanswered, or left out for an error
        item = kla.item_index[code][1]
        answer = given.answer
        if rng.random() < 0.05:
            answer = Nilai(round(rng.uniform(-1, item.max + 2), 2))  # points given directly
        elif rng.random() < 0.03:
            answer = "jawaban yang salah"
        evidence = given.evidence if rng.random() < 0.9 else rng.choice(["-", "belum ada", " "])
        checked = (
            round(rng.uniform(-1, item.max + 1), 3) if verified and rng.random() < 0.8 else None
        )
        responses[code] = Response(answer, evidence, verified=checked)
    result = score_region(kla, responses)
    totals = region_totals(kla, responses)
    assert totals == (result.total, result.total_evidenced, result.total_verified)
    assert (totals.total_verified is not None) == any(
        r.verified is not None for r in responses.values()
    )


def test_a_batch_judges_a_region_as_assess_scores_it() -> None:
    """`core.assess.judge` (the batch's) gives `assess`'s totals and predikat, its errors, and
    as many warnings, on the example city and the example province's regions."""
    from kla_cli.core.assess import assess, judge
    from kla_cli.core.findings import Severity
    from kla_cli.io.rubric_yaml import load_rubric
    from kla_cli.workbook.read import read_region

    from ..conftest import ROOT

    rubric = load_rubric(ROOT / "rubrics" / "kla-2024.yaml")
    folders = [ROOT / "examples" / "kota-contoh"]
    folders += sorted(p for p in (ROOT / "examples" / "provinsi-contoh").iterdir() if p.is_dir())
    assert len(folders) > 3
    for folder in folders:
        submissions = read_region([folder])
        full, judged = assess(rubric, submissions), judge(rubric, submissions)
        result = full.result
        assert judged.totals == (result.total, result.total_evidenced, result.total_verified)
        assert (judged.predicate, judged.predicate_evidenced, judged.predicate_verified) == (
            result.predicate,
            result.predicate_evidenced,
            result.predicate_verified,
        )
        warnings = [f for f in full.validation.findings if f.severity is Severity.WARNING]
        assert judged.validation.warnings == len(warnings), folder
        assert judged.validation.blocking == full.validation.blocking


def test_points_remembered_per_answer_type_and_value(mini: Rubric) -> None:
    """`item_points` remembers each item's answers (`Item.answer_points`) by type and value:
    True, 1 and 1.0 are one key of a plain dict, and do not earn the same on a yes/no item."""
    from kla_cli.core.answer_types import Nilai
    from kla_cli.core.scoring import MEMO_ANSWERS

    yesno, count = _item(mini, "1.2"), _item(mini, "2.2")
    for item in (yesno, count):
        item.answer_points.clear()
    for _ in range(2):  # worked out, then remembered: the same
        assert [item_points(yesno, a) for a in (True, 1, 1.0, Nilai(1.0))] == [10, 0, 0, 1]
        assert [item_points(count, a) for a in (20.0, 20, True)] == [10, 10, 0]
    assert len(yesno.answer_points) == 4
    for value in range(MEMO_ANSWERS + 10):
        item_points(count, float(value))
    assert len(count.answer_points) <= MEMO_ANSWERS  # bounded: it starts anew
    assert item_points(count, 20.0) == 10
