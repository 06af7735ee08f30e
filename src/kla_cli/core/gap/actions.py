"""Actions on one item: its next reachable answers, the opportunities (a better answer) and the
quick wins (the missing data dukung of an answer already given)."""

import math
from enum import StrEnum
from typing import NamedTuple

from kla_cli.core.answer_types import Answer, Nilai
from kla_cli.core.rubric import Indicator, Item, Rubric
from kla_cli.core.rubric_leaves import AnswerType, Direction, Effort, Text
from kla_cli.core.scoring import ItemScore, ScoreResult, item_points

EFFORT_RANK = {Effort.LOW: 0, Effort.MEDIUM: 1, Effort.HIGH: 2, None: 1}
"""Cheapest first; no effort hint counts as medium."""


class ActionKind(StrEnum):
    EVIDENCE = "evidence"
    """Keep the answer, add the missing data dukung."""
    ANSWER = "answer"
    """Reach a better answer (with its data dukung when the item requires it)."""
    CUT = "cut"
    """Keep the answer, recover the points the verifier cut (the data dukung the note asks)."""


class Action(NamedTuple):
    """One thing to do on one item: an opportunity, a quick win, or a step of the plan.

    `points_from`/`points_to` are the item's points before and after: for opportunities the
    answer's own points, for quick wins and plan actions the points on the analysis basis.
    """

    kind: ActionKind
    code: str
    question: Text
    indicator: str
    indicator_name: Text
    group: str
    opds: tuple[str, ...]
    """Responsible OPD ids; the first one answers the item in its workbook (the lead)."""
    answer_from: Answer | None
    answer_to: Answer | None
    points_from: float
    points_to: float
    max: float
    effort: Effort | None
    evidence_required: bool
    type: AnswerType
    unit: Text | None = None
    evidence_asked: Text | None = None
    """The data dukung the question asks for (a document, a MATRIKS table, photos, …)."""

    @property
    def gain(self) -> float:
        return round(self.points_to - self.points_from, 2)

    @property
    def needs_evidence(self) -> bool:
        """Whether a document must be supplied for the gain to count after verification."""
        return self.evidence_required


def _band_answer(item: Item, threshold: float) -> float:
    if item.type is AnswerType.COUNT:
        value = math.floor(threshold) if item.direction is Direction.LOWER else math.ceil(threshold)
        return float(max(0, value))
    return float(min(100.0, max(0.0, threshold)))


def next_answers(item: Item, answer: Answer | None) -> list[Answer]:
    """The next reachable answers of `item` from `answer`, each worth more points.

    Choice: the cheapest better option. Percent/count: the value reaching the next better band.
    Yes/no: Ya. Checklist: the current elements plus one more (one candidate per element); from
    a recap's points (`Nilai`, which elements they stand for is not known), the fewest elements
    that give more, the richest first.
    """
    current = 0.0 if answer is None else item_points(item, answer)
    kind = item.type
    if kind is AnswerType.YESNO:  # a recap's points may already be the item's maximum
        return [True] if answer is not True and item.max > current else []
    if kind is AnswerType.CHECKLIST and isinstance(answer, Nilai):
        return _more_than(item, current)
    if kind is AnswerType.CHECKLIST:
        ticked = answer if isinstance(answer, frozenset) else frozenset()
        found: list[Answer] = []
        for option in item.options:
            if option.key not in ticked:
                new = ticked | {option.key}
                if item_points(item, new) > current:
                    found.append(new)
        return found
    if kind is AnswerType.CHOICE:
        better = [o for o in item.options if o.points > current]
        return [min(better, key=lambda o: o.points).key] if better else []
    candidates = [_band_answer(item, b.threshold) for b in item.bands if b.points > current]
    reaching = [(item_points(item, v), v) for v in candidates]
    reaching = [(p, v) for p, v in reaching if p > current]
    return [min(reaching)[1]] if reaching else []


def _more_than(item: Item, points: float) -> list[Answer]:
    """The fewest elements of a checklist `item` worth more than `points`, the richest first
    (in rubric order among equals); none when even all of them are not."""
    ticked: frozenset[str] = frozenset()
    for option in sorted(item.options, key=lambda o: -o.points):
        ticked |= {option.key}
        if round(item_points(item, ticked) - points, 2) > 0:  # as `plan._candidates` counts
            return [ticked]
    return []


def action_for(
    rubric: Rubric,
    indicator: Indicator,
    item: Item,
    kind: ActionKind,
    before: tuple[Answer | None, float],
    after: tuple[Answer | None, float],
) -> Action:
    """The action on `item` from `before` to `after` (each an answer and its points)."""
    return Action(
        kind=kind,
        code=item.code,
        question=item.question,
        indicator=indicator.id,
        indicator_name=indicator.name,
        group=indicator.group,
        opds=rubric.item_opds(indicator, item),
        answer_from=before[0],
        answer_to=after[0],
        points_from=before[1],
        points_to=after[1],
        max=item.max,
        effort=item.effort,
        evidence_required=item.evidence,
        type=item.type,
        unit=item.unit,
        evidence_asked=item.evidence_asked,
    )


def item_scores(result: ScoreResult) -> dict[str, ItemScore]:
    """Each item's score by code."""
    return {s.code: s for s in result.all_items()}


def opportunities(rubric: Rubric, result: ScoreResult) -> tuple[Action, ...]:
    """For every item below its maximum, the next reachable answer and the points it adds.

    Ranked by gain (largest first), then effort (cheapest first), then rubric order.
    """
    scores = item_scores(result)
    found: list[tuple[tuple[float, int, int], Action]] = []
    for order, (indicator, item) in enumerate(rubric.iter_items()):
        score = scores.get(item.code)
        answer = score.response.answer if score and score.response else None
        now = 0.0 if answer is None else item_points(item, answer)
        best = max(next_answers(item, answer), key=lambda a: item_points(item, a), default=None)
        if best is None:
            continue
        action = action_for(
            rubric,
            indicator,
            item,
            ActionKind.ANSWER,
            (answer, now),
            (best, item_points(item, best)),
        )
        found.append(((-action.gain, EFFORT_RANK[item.effort], order), action))
    return tuple(a for _, a in sorted(found, key=lambda pair: pair[0]))


def quick_wins(rubric: Rubric, result: ScoreResult) -> tuple[Action, ...]:
    """Answered items whose points are lost only for want of the required data dukung."""
    scores = item_scores(result)
    found: list[tuple[tuple[float, int], Action]] = []
    for order, (indicator, item) in enumerate(rubric.iter_items()):
        score = scores.get(item.code)
        if not score or not score.response or score.points_evidenced >= score.points:
            continue
        answer = score.response.answer
        action = action_for(
            rubric,
            indicator,
            item,
            ActionKind.EVIDENCE,
            (answer, score.points_evidenced),
            (answer, score.points),
        )
        found.append(((-action.gain, order), action))
    return tuple(a for _, a in sorted(found, key=lambda pair: pair[0]))
