"""Scoring (pure): answers in, item, indicator and group points, totals and predikat out.

Three totals are kept: `total`, as answered (the penilaian mandiri, EM); `total_evidenced`, which
counts an item only when its required data dukung is present, since administrative verification
cuts unevidenced answers; and `total_verified`, the verifier's points (VA) where a form or recap
carries them (None otherwise; an item the verifier left blank counts 0 there). An indicator never
scores above its official maximum (19 and 21B have questions worth more). Item points keep two
decimals; sums are rounded to two decimals, as announced.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from kla_cli.core.answer_types import Answer, Nilai
from kla_cli.core.places import Coverage
from kla_cli.core.rubric_leaves import AnswerType, Direction, Text, Tier, tier_for

if TYPE_CHECKING:
    from kla_cli.core.rubric import Indicator, Item, Rubric


class Response(NamedTuple):
    """One item's answer as consolidated from the OPD workbooks."""

    answer: Answer
    evidence: str | None = None
    """The data dukung given (file name or link), or None."""
    source: str | None = None
    """Where it came from: `file:Sheet!E12`."""
    opd: str | None = None
    verified: float | None = None
    """The verifier's points (Nilai VA / Nilai Verifikasi), when the form or recap has them."""
    note: str | None = None
    """The verifier's note (Catatan Verifikasi)."""
    coverage: Coverage | None = None
    """For an answer computed from the inventory: the places counted and those lacking."""

    @property
    def has_evidence(self) -> bool:
        """Whether data dukung is named (`names_evidence`)."""
        return names_evidence(self.evidence)


NO_EVIDENCE = frozenset(
    {"-", "–", "—", "0", "?", "x", "nihil", "menyusul", "belum", "belum ada", "tidak", "tidak ada",
     "kosong", "none", "n/a", "na", "tba", "nanti"}
)  # fmt: skip
"""What people type in a data dukung cell to say there is none (yet)."""


def names_evidence(text: str | None) -> bool:
    """Whether a data dukung cell names a document; one that says there is none (`-`, `belum
    ada`, `nihil`, `menyusul`, …) does not."""
    return bool(text and text.strip()) and not says_no_evidence(text)


def says_no_evidence(text: str | None) -> bool:
    """A data dukung cell that names no document but says there is none."""
    if text is None or len(text) > 20:  # every such phrase is short; a link or file name is not
        return False
    return " ".join(text.split()).casefold().strip(".") in NO_EVIDENCE


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
    points_verified: float | None = None
    """The verifier's points; None when the region's results carry no verification."""

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

    id: str
    group: str
    name: Text
    opd: tuple[str, ...]
    items: tuple[ItemScore, ...]
    score: float
    score_evidenced: float
    max: float
    score_verified: float | None = None


def indicator_score(
    indicator: "Indicator", items: tuple[ItemScore, ...], *, verified: bool = False
) -> IndicatorScore:
    """Sum an indicator's items, capped at its official maximum."""
    cap = indicator.cap
    return IndicatorScore(
        id=indicator.id,
        group=indicator.group,
        name=indicator.name,
        opd=indicator.lead_opds,
        items=items,
        score=_capped(sum(i.points for i in items), cap),
        score_evidenced=_capped(sum(i.points_evidenced for i in items), cap),
        max=round(cap, 2),
        score_verified=_capped(sum(i.points_verified or 0.0 for i in items), cap)
        if verified
        else None,
    )


def _capped(points: float, cap: float) -> float:
    """An indicator's sum of points, capped at its official maximum (two decimals)."""
    return round(min(points, cap), 2)


class GroupScore(NamedTuple):
    id: str
    name: Text
    short: Text
    score: float
    score_evidenced: float
    max: float
    score_verified: float | None = None


class ScoreResult(NamedTuple):
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
    total_verified: float | None = None
    predicate_verified: Tier | None = None
    provisional_points: bool = False
    """The rubric's points themselves are provisional (kla-2023), not only its graded steps."""

    def all_items(self) -> list[ItemScore]:
        return [item for ind in self.indicators for item in ind.items]


_NUMBER = (int, float)


MEMO_ANSWERS = 256
"""Answers an item remembers the points of (`Item.answer_points`); past this many it starts
anew."""


def item_points(item: "Item", answer: Answer) -> float:
    """Points `answer` earns on `item`, by the rubric's rules alone.

    Remembered per item (`Item.answer_points`): the gap plan asks for the points of the same few
    answers of each question thousands of times, and a batch for those of the answers forms
    repeat (`a`, `Ya`, a band's value)."""
    key = (type(answer), answer)
    memo = item.answer_points
    found = memo.get(key)
    if found is None:
        found = _earned(item, answer)
        if len(memo) >= MEMO_ANSWERS:
            memo.clear()
        memo[key] = found
    return found


def _earned(item: "Item", answer: Answer) -> float:
    kind = item.type
    if isinstance(answer, Nilai):
        return round(min(max(answer.points, 0.0), item.max), 2)
    if kind is AnswerType.SCORE:
        return round(min(float(answer), item.max), 2) if isinstance(answer, _NUMBER) else 0.0
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


def _points(
    item: "Item", response: Response | None, verified: bool
) -> tuple[float, float, float | None]:
    """An item's points as answered, as evidenced, and as verified (None without verification)."""
    points = 0.0 if response is None else item_points(item, response.answer)
    evidenced = points if (not item.evidence or (response and response.has_evidence)) else 0.0
    checked = None
    if verified:
        given = response.verified if response is not None else None
        checked = round(min(max(given or 0.0, 0.0), item.max), 2)
    return points, evidenced, checked


def score_item(
    item: "Item", opd: tuple[str, ...], response: Response | None, *, verified: bool = False
) -> ItemScore:
    points, evidenced, checked = _points(item, response, verified)
    return ItemScore(  # by position, in the order of ItemScore's fields (as `sheet` makes Rows)
        item.code,  # code
        item.type,  # type
        item.question,  # question
        item.max,  # max
        points,  # points
        evidenced,  # points_evidenced
        item.evidence,  # evidence_required
        response,  # response
        opd,  # opd
        checked,  # points_verified
    )


class Totals(NamedTuple):
    """A region's three totals, as `score_region` gives them."""

    total: float
    total_evidenced: float
    total_verified: float | None


def region_totals(rubric: "Rubric", responses: Mapping[str, Response]) -> Totals:
    """The totals of `score_region`, summed in the same order with the same rounding, without
    making a score for each item, indicator and group: a batch shows a region's totals only.
    Tests hold the two equal."""
    get = responses.get
    verified = any(r.verified is not None for r in responses.values())
    scores: list[float] = []
    evidenced: list[float] = []
    checked: list[float] = []
    for ind in rubric.indicators:  # sum() as there: from Python 3.12 it is not a plain loop
        items = [_points(item, get(item.code), verified) for item in ind.items]
        scores.append(_capped(sum(points for points, _, _ in items), ind.cap))
        evidenced.append(_capped(sum(points for _, points, _ in items), ind.cap))
        checked.append(_capped(sum(points or 0.0 for _, _, points in items), ind.cap))
    return Totals(
        round(sum(scores), 2),
        round(sum(evidenced), 2),
        round(sum(checked), 2) if verified else None,
    )


def score_region(
    rubric: "Rubric",
    responses: Mapping[str, Response],
    *,
    region: str | None = None,
    year: str | None = None,
    skipped: tuple[str, ...] = (),
) -> ScoreResult:
    """Score one region's consolidated responses (missing items earn 0)."""
    get = responses.get
    verified = any(r.verified is not None for r in responses.values())
    indicators = tuple(
        indicator_score(
            ind,
            tuple(
                score_item(item, item.opd or ind.opd, get(item.code), verified=verified)
                for item in ind.items  # `item.opd or ind.opd`: `Rubric.item_opds`
            ),
            verified=verified,
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
            score_verified=(
                round(sum(i.score_verified or 0.0 for i in mine), 2) if verified else None
            ),
        )
        for g in rubric.groups
        for mine in (by_group.get(g.id, ()),)
    )
    total = round(sum(i.score for i in indicators), 2)
    total_evidenced = round(sum(i.score_evidenced for i in indicators), 2)
    total_verified = (
        round(sum(i.score_verified or 0.0 for i in indicators), 2) if verified else None
    )
    return ScoreResult(
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        provisional=rubric.any_provisional,
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
        total_verified=total_verified,
        predicate_verified=None if total_verified is None else tier_for(rubric, total_verified),
        provisional_points=rubric.provisional,
    )
