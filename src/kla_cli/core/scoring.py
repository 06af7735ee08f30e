"""Scoring (pure): answers in, item, indicator and group points, totals and predikat out.

Two totals are kept: `total`, as answered (the penilaian mandiri), and `total_evidenced`, which
counts an item only when its required data dukung is present, since administrative verification
cuts unevidenced answers. Points are floats; totals are rounded to two decimals, as announced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from kla_cli.core.answers import Answer
from kla_cli.core.rubric import AnswerType, Direction, Indicator, Item, Rubric, Text, Tier, tier_for


class Response(NamedTuple):
    """One item's answer as consolidated from the OPD workbooks."""

    answer: Answer
    evidence: str | None = None
    """The data dukung given (file name or link), or None."""
    source: str | None = None
    """Where it came from: `file:Sheet!E12`."""
    opd: str | None = None

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence and self.evidence.strip())


class ItemScore(NamedTuple):
    """One item's points (a named tuple for speed, like `Response`; see `submission.Row`)."""

    code: str
    type: AnswerType
    question: Text
    max: float
    points: float
    points_evidenced: float
    evidence_required: bool
    response: Response | None
    opd: tuple[str, ...]

    @property
    def answered(self) -> bool:
        return self.response is not None

    @property
    def evidence_missing(self) -> bool:
        return (
            self.evidence_required and self.response is not None and not self.response.has_evidence
        )


class IndicatorScore(NamedTuple):
    """An indicator's items and their sums (made by `indicator_score`)."""

    number: int
    group: str
    name: Text
    opd: tuple[str, ...]
    items: tuple[ItemScore, ...]
    score: float
    score_evidenced: float
    max: float


def indicator_score(indicator: Indicator, items: tuple[ItemScore, ...]) -> IndicatorScore:
    return IndicatorScore(
        number=indicator.number,
        group=indicator.group,
        name=indicator.name,
        opd=indicator.opd,
        items=items,
        score=round(sum(i.points for i in items), 2),
        score_evidenced=round(sum(i.points_evidenced for i in items), 2),
        max=round(sum(i.max for i in items), 2),
    )


@dataclass(frozen=True)
class GroupScore:
    id: str
    name: Text
    short: Text
    score: float
    score_evidenced: float
    max: float


@dataclass(frozen=True)
class ScoreResult:
    rubric_id: str
    rubric_version: str
    provisional: bool
    region: str | None
    year: str | None
    max_total: float
    total: float
    total_evidenced: float
    predicate: Tier | None
    predicate_evidenced: Tier | None
    groups: tuple[GroupScore, ...]
    indicators: tuple[IndicatorScore, ...]
    skipped: tuple[str, ...] = ()
    """Item codes left out because their answers had validation errors (--allow-errors)."""

    def all_items(self) -> list[ItemScore]:
        return [item for ind in self.indicators for item in ind.items]


_NUMBER = (int, float)


def item_points(item: Item, answer: Answer) -> float:
    """Points `answer` earns on `item`, by the rubric's rules alone."""
    kind = item.type
    if kind is AnswerType.YESNO:
        return item.max if answer is True else 0.0
    if kind is AnswerType.CHOICE:
        return next((o.points for o in item.options if o.key == answer), 0.0)
    if kind is AnswerType.CHECKLIST:
        ticked = answer if isinstance(answer, frozenset) else frozenset()
        return min(item.max, sum(o.points for o in item.options if o.key in ticked))
    if type(answer) is bool or not isinstance(answer, _NUMBER):
        return 0.0
    if item.direction is Direction.LOWER:
        reached = [b.points for b in item.bands if answer <= b.threshold]
    else:
        reached = [b.points for b in item.bands if answer >= b.threshold]
    return max(reached, default=0.0)


def score_item(item: Item, opd: tuple[str, ...], response: Response | None) -> ItemScore:
    points = 0.0 if response is None else item_points(item, response.answer)
    evidenced = points if (not item.evidence or (response and response.has_evidence)) else 0.0
    return ItemScore(
        code=item.code,
        type=item.type,
        question=item.question,
        max=item.max,
        points=points,
        points_evidenced=evidenced,
        evidence_required=item.evidence,
        response=response,
        opd=opd,
    )


def score_region(
    rubric: Rubric,
    responses: Mapping[str, Response],
    *,
    region: str | None = None,
    year: str | None = None,
    skipped: tuple[str, ...] = (),
) -> ScoreResult:
    """Score one region's consolidated responses (missing items earn 0)."""
    get = responses.get
    indicators = tuple(
        indicator_score(
            ind,
            tuple(
                score_item(item, rubric.item_opds(ind, item), get(item.code)) for item in ind.items
            ),
        )
        for ind in rubric.indicators
    )
    by_group: dict[str, list[IndicatorScore]] = {}
    for ind_score in indicators:
        by_group.setdefault(ind_score.group, []).append(ind_score)
    groups = tuple(
        GroupScore(
            id=g.id,
            name=g.name,
            short=g.short or g.name,
            score=round(sum(i.score for i in mine), 2),
            score_evidenced=round(sum(i.score_evidenced for i in mine), 2),
            max=round(sum(i.max for i in mine), 2),
        )
        for g in rubric.groups
        for mine in (by_group.get(g.id, ()),)
    )
    items = [i for ind in indicators for i in ind.items]
    total = round(sum(i.points for i in items), 2)
    total_evidenced = round(sum(i.points_evidenced for i in items), 2)
    return ScoreResult(
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        provisional=rubric.provisional,
        region=region,
        year=year,
        max_total=rubric.max_total,
        total=total,
        total_evidenced=total_evidenced,
        predicate=tier_for(rubric, total),
        predicate_evidenced=tier_for(rubric, total_evidenced),
        groups=groups,
        indicators=indicators,
        skipped=skipped,
    )
