"""The real 2024 instrument (rubrics/kla-2024.yaml) and real outcomes it must reproduce.

The official figures come from docs/kla-reference.md §7 (a region's Rekap Penilaian Mandiri
2024, two regions' dashboards, and results regions published).
"""

from __future__ import annotations

from collections import Counter

import pytest

from kla_cli.core.answer_types import Nilai
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import AnswerType, tier_for
from kla_cli.core.scales import step_points
from kla_cli.core.scoring import Response, score_region
from kla_cli.io.rubric_yaml import load_rubric, shipped_rubrics

GROUP_MAXIMA = {"K": 164, "I": 115, "II": 156, "III": 150, "IV": 110, "V": 205, "KD": 100}
INDICATOR_MAXIMA = {
    "1": 96, "2": 36, "3": 32, "4": 15, "5": 45, "6": 55, "7": 36, "8": 45, "9": 13, "10": 27,
    "11": 35, "12": 23, "13": 20, "14": 32, "15": 20, "16": 25, "17": 30, "18": 24, "19": 51,
    "20": 35, "21A": 83, "21B": 17, "21C": 22, "22A": 17, "22B": 18, "23A": 23, "23B": 4,
    "24A": 14, "24B": 7, "25": 21, "26": 79,
}  # fmt: skip


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_rubric(shipped_rubrics() / "kla-2024.yaml")


def test_structure_and_official_maxima(rubric: Rubric) -> None:
    assert rubric.id == "kla-2024" and rubric.year == 2024 and rubric.max_total == 1000
    assert {g.id: g.max for g in rubric.groups} == GROUP_MAXIMA
    assert {i.id: i.max for i in rubric.indicators} == INDICATOR_MAXIMA
    assert [i.id for i in rubric.indicators] == list(INDICATOR_MAXIMA)
    items = [item for _, item in rubric.iter_items()]
    assert len(items) == 274
    assert sum(i.cap for i in rubric.indicators) == 1000
    assert (
        round(sum(item.max for item in items), 2) == 1004
    )  # 19 and 21B: questions worth more than the cap
    by_group = Counter(ind.group for ind in rubric.indicators)
    assert by_group == {"K": 3, "I": 3, "II": 5, "III": 6, "IV": 3, "V": 9, "KD": 2}


def test_official_codes_and_oddities(rubric: Rubric) -> None:
    index = rubric.item_index
    for code in ("1.1", "1.2za", "21A.4b", "26.17", "24B.1"):
        assert code in index
    assert index["26.17"][1].max == 0
    assert index["1.1"][1].max == 12
    assert index["9.1"][0].name.id.startswith("Pengembangan Anak Usia Dini")  # 9 is PAUD-HI
    assert "Pengasuhan Alternatif" in rubric.indicator_index["10"].name.id
    for ind_id in ("25", "26"):
        first = rubric.indicator_index[ind_id].items[0].code
        assert first == f"{ind_id}.2"


def test_capped_indicators_warn(tmp_path: object) -> None:
    warnings: list[str] = []
    load_rubric(shipped_rubrics() / "kla-2024.yaml", warnings=warnings)
    assert len(warnings) == 2
    assert "indicators[18].max" in warnings[0] and "19" in warnings[0]
    assert "21B" in warnings[1]


def test_opds_lead_and_cosources(rubric: Rubric) -> None:
    several = sum(1 for ind, item in rubric.iter_items() if len(rubric.item_opds(ind, item)) > 1)
    assert several == 181
    for spelling, opd_id in {
        "Capil": "disdukcapil",
        "CAPIL": "disdukcapil",
        "Dukcapil": "disdukcapil",
        "Dinas PU": "dpupr",
        "PU Perkim": "dpupr",
        "PUPR": "dpupr",
        "DPPPAPPKB": "dp3a",
        "DP3A": "dp3a",
        "PAN": "pengadilan-agama",
        "UPPA Polres": "polres",
        "Forum Anak Daerah (FAD)": "forum-anak",
    }.items():
        found = rubric.opd_by_name(spelling)
        assert found is not None and found.id == opd_id, spelling
    for new in ("jdih", "kejaksaan", "uptd-ppa", "kesbangpol", "bapenda", "dunia-usaha"):
        assert any(o.id == new for o in rubric.opds)
    assert rubric.item_opds(*rubric.item_index["1.1"])[0] == "jdih"  # the first listed leads
    flagged = [item for _, item in rubric.iter_items() if item.respondent is not None]
    assert len(flagged) == 22


def test_graded_scales_are_provisional(rubric: Rubric) -> None:
    policy = rubric.item_index["1.1"][1]
    assert [o.points for o in policy.options] == [12, 9, 6, 3, 0]
    assert policy.provisional
    budget = rubric.item_index["1.3a"][1]
    assert [o.points for o in budget.options] == [2, 1.33, 0.67, 0]
    assert budget.provisional
    share = rubric.item_index["26.2"][1]
    assert share.type is AnswerType.PERCENT and share.provisional
    assert [b.points for b in share.bands] == [1.2, 2.4, 3.6, 4.8, 6]
    assert not rubric.provisional  # the points are official
    assert rubric.any_provisional  # the steps are not
    assert step_points(0.25, 5.28) == 1.32  # two decimals, not one


@pytest.mark.parametrize(
    ("total", "tier"),
    [
        (499.99, None),
        (500.00, "pratama"),
        (505.85, "pratama"),
        (597.93, "pratama"),
        (600.00, "pratama"),
        (600.01, "madya"),
        (697.40, "madya"),
        (700.00, "madya"),
        (700.01, "nindya"),
        (735.70, "nindya"),
        (800.00, "nindya"),
        (805.20, "utama"),
        (885.40, "utama"),
        (900.01, "kla"),
    ],
)
def test_official_bands(rubric: Rubric, total: float, tier: str | None) -> None:
    found = tier_for(rubric, total)
    assert (found.id if found else None) == tier


def _spread(rubric: Rubric, indicator: str, points: float) -> dict[str, Response]:
    """Nilai answers giving `points` to one indicator, filling its questions in order."""
    out = {}
    for item in rubric.indicator_index[indicator].items:
        given = min(item.max, points)
        points = round(points - given, 2)
        out[item.code] = Response(Nilai(given), evidence="ada.pdf")
    return out


def test_tasikmalaya_kelembagaan(rubric: Rubric) -> None:
    """Kelembagaan 146/164 = 88/96 + 31/36 + 27/32 (a region's dashboard)."""
    responses = {
        **_spread(rubric, "1", 88),
        **_spread(rubric, "2", 31),
        **_spread(rubric, "3", 27),
    }
    result = score_region(rubric, responses)
    kelembagaan = result.groups[0]
    assert (kelembagaan.score, kelembagaan.max) == (146, 164)
    assert [i.score for i in result.indicators[:3]] == [88, 31, 27]


def test_indicator_capped_at_official_max(rubric: Rubric) -> None:
    full = {item.code: Response(Nilai(item.max), "x.pdf") for _, item in rubric.iter_items()}
    result = score_region(rubric, full)
    by_id = {i.id: i for i in result.indicators}
    assert by_id["19"].score == 51 and by_id["21B"].score == 17
    assert result.total == 1000 and result.predicate is not None
    assert result.predicate.id == "kla"


def test_verified_total_and_predicate(rubric: Rubric) -> None:
    """Self-assessed above 700, verified below 600 (the Kotim story)."""
    responses = {}
    for _, item in rubric.iter_items():
        responses[item.code] = Response(
            Nilai(round(item.max * 0.75, 2)), "x.pdf", verified=round(item.max * 0.58, 2)
        )
    result = score_region(rubric, responses)
    assert result.total > 700 and result.predicate and result.predicate.id == "nindya"
    assert result.total_verified is not None and result.total_verified < 600
    assert result.predicate_verified is not None and result.predicate_verified.id == "pratama"
    without = score_region(rubric, {c: r._replace(verified=None) for c, r in responses.items()})
    assert without.total_verified is None and without.predicate_verified is None


def test_an_indicator_names_the_leads_of_its_questions(rubric: Rubric) -> None:
    """kla-2024 names OPDs per question; an indicator (score, report, rubric show) lists their
    leads in order, so no OPD column is empty."""
    assert rubric.indicator_index["1"].lead_opds == ("jdih", "bappeda")
    assert all(ind.lead_opds for ind in rubric.indicators)
    result = score_region(rubric, {})
    assert result.indicators[0].opd == ("jdih", "bappeda")


def test_every_question_matches_the_official_instrument(rubric: Rubric) -> None:
    """tests/data/kla-2024-instrument.csv is the 2024 instrument question by question (from a
    region's Rekap Penilaian Mandiri; docs/kla-reference.md §7): codes, maxima, indicator
    maxima, groups and sources must be the rubric's, in the same order."""
    import csv

    from ..conftest import DATA

    with open(DATA / "kla-2024-instrument.csv", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    items = list(rubric.iter_items())
    assert [item.code for _, item in items] == [row["code"] for row in rows]
    for (indicator, item), row in zip(items, rows, strict=True):
        assert (indicator.id, indicator.group, indicator.max) == (
            row["indicator"],
            row["group"],
            float(row["indicator_max"]),
        ), row["code"]
        assert item.max == float(row["max"]), row["code"]
        named = [s.strip() for s in row["sumber_data"].split(";") if s.strip()]
        found = [rubric.opd_by_name(name) for name in named]
        assert None not in found, (row["code"], named)
        expected = list(dict.fromkeys(opd.id for opd in found if opd))
        if expected:  # the lead first, then the co-sources, as the region wrote them
            assert list(rubric.item_opds(indicator, item)) == expected, row["code"]
        flagged = (
            "kecamatan"
            if row["per_kecamatan"] == "1"
            else "desa"
            if row["per_desa"] == "1"
            else None
        )
        assert (item.respondent.value if item.respondent else None) == flagged, row["code"]
