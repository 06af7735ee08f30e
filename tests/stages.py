"""A region of the 2024 instrument with both stages, for the tests of what uses verification:
every question answered with a nilai (EM) and the verifier's points (VA), some cut with a note."""

from __future__ import annotations

from functools import cache

from kla_cli.core.answer_types import Nilai
from kla_cli.core.rubric import Rubric
from kla_cli.core.scoring import Response, ScoreResult, score_region
from kla_cli.io.rubric_yaml import load_rubric, shipped_rubrics

CUT_INDICATORS = ("1", "21A", "26")
"""Indicators the verifier cut to 0 (the data dukung did not convince)."""
PARTLY = {"2.1": 1.0}
"""Questions the verifier cut in part (code -> verified points)."""
NOTE = "SK belum ditandatangani bupati"


@cache
def rubric_2024() -> Rubric:
    return load_rubric(shipped_rubrics() / "kla-2024.yaml")


def responses(*, checked: bool = True, share: float = 0.75) -> dict[str, Response]:
    """Each question at `share` of its max; with `checked`, the verifier's points and notes."""
    out = {}
    for indicator, item in rubric_2024().iter_items():
        points = round(item.max * share, 2)
        cut = indicator.id in CUT_INDICATORS and points > 0
        verified = 0.0 if cut else PARTLY.get(item.code, points)
        note = NOTE if cut or item.code in PARTLY else None
        if not checked:
            verified, note = None, None
        out[item.code] = Response(
            Nilai(points), "bukti.pdf", opd="DP3A", verified=verified, note=note
        )
    return out


def result(*, checked: bool = True, share: float = 0.75) -> ScoreResult:
    return score_region(
        rubric_2024(),
        responses(checked=checked, share=share),
        region="Kab. Uji",
        year="2024",
    )
