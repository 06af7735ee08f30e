"""Gap analysis (pure): how far a scored region is from a target predikat, and what closes the gap.

Everything here is a function of a `Rubric` and a `ScoreResult`; nothing reads files or prints.

Which total is targeted
-----------------------
By default the gap is measured on `total_evidenced` (`Basis.EVIDENCED`): the total that counts an
item only when its required data dukung is present. That is the total that survives the
province's administrative verification (Kotim 2023: 721 self-assessed, 588,40 after verification
"karena ada beberapa berkas dokumen yang belum lengkap"), so it is the one a predikat target is
really about. It is also the only basis on which the "evidence quick wins" the secretariat asks
for add anything: on the self-assessed total, uploading a document changes nothing. With
`Basis.SELF_ASSESSED` (`kla gap --self-assessed`) the gap is measured on `total`, as answered in
the penilaian mandiri; evidence actions then drop out of the plan.

Vocabulary
----------
- A *rung* of the ladder: a higher tier, its floor (the smallest two-decimal total that reaches
  it, `rubric.tier_floor`: bands are half-open, so Madya starts at 600,01) and the points needed.
- An *opportunity*: for an item below its maximum, the next reachable answer (next option, next
  band, one more checklist element, Ya) and the points the answer itself would add.
- A *quick win*: an answered item whose required data dukung is missing; adding the document
  restores `points - points_evidenced`.
- The *plan*: a small set of actions that reaches the target floor. Evidence first (cheapest),
  then answer steps by effort (low < medium < high; no hint counts as medium) and points, greedily
  until the floor is reached; then every action that is not needed is dropped, most costly first.
  The greedy only ever takes steps with positive gain and can continue to every item's best
  answer, so it reaches the target whenever the target is reachable at all; otherwise the plan
  says `reached=False` and how far the best possible total (`max_reachable`) falls short.
- An assumed answer (`what_if`, `kla gap --assume`) is taken to come with its data dukung, so that
  re-scoring a plan's answers (including evidence-only actions, assumed as the current answer)
  reproduces the plan's total on both bases.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from kla_cli.core.answers import Answer, AnswerProblem, parse_answer, parse_number
from kla_cli.core.rubric import (
    AnswerType,
    Direction,
    Effort,
    Indicator,
    Item,
    Rubric,
    Text,
    Tier,
    fold,
    tier_floor,
    tier_for,
)
from kla_cli.core.scoring import ItemScore, Response, ScoreResult, item_points, score_region
from kla_cli.errors import KlaError

ASSUMED_EVIDENCE = "(--assume)"
"""The data dukung recorded for an assumed answer."""

_EFFORT_RANK = {Effort.LOW: 0, Effort.MEDIUM: 1, Effort.HIGH: 2, None: 1}
_EVIDENCE_RANK = -1


class Basis(StrEnum):
    EVIDENCED = "evidenced"
    """`total_evidenced`: what survives administrative verification (the default)."""
    SELF_ASSESSED = "self_assessed"
    """`total`: as answered in the penilaian mandiri."""


class ActionKind(StrEnum):
    EVIDENCE = "evidence"
    """Keep the answer, add the missing data dukung."""
    ANSWER = "answer"
    """Reach a better answer (with its data dukung when the item requires it)."""


@dataclass(frozen=True)
class Rung:
    """A tier above the current total and the distance to it."""

    tier: Tier
    floor: float
    points_needed: float


@dataclass(frozen=True)
class Action:
    """One thing to do on one item: an opportunity, a quick win, or a step of the plan.

    `points_from`/`points_to` are the item's points before and after: for opportunities the
    answer's own points, for quick wins and plan actions the points on the analysis basis.
    """

    kind: ActionKind
    code: str
    question: Text
    indicator: int
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

    @property
    def gain(self) -> float:
        return round(self.points_to - self.points_from, 2)

    @property
    def needs_evidence(self) -> bool:
        """Whether a document must be supplied for the gain to count after verification."""
        return self.evidence_required


@dataclass(frozen=True)
class Plan:
    actions: tuple[Action, ...]
    """Evidence actions first, then answer steps by effort and gain."""
    start_total: float
    end_total: float
    """The total (on the basis) once every action is done."""
    floor: float
    reached: bool
    """Whether `end_total` reaches the floor (False only when the target is unreachable)."""
    max_reachable: float
    """The best total possible with every item at its best answer and evidenced."""

    @property
    def gain(self) -> float:
        return round(self.end_total - self.start_total, 2)


@dataclass(frozen=True)
class OpdPlan:
    """The plan's actions for which one OPD is the lead (it answers those items)."""

    opd: str
    name: str
    actions: tuple[Action, ...]

    @property
    def gain(self) -> float:
        return round(sum(a.gain for a in self.actions), 2)


@dataclass(frozen=True)
class GapAnalysis:
    target: Tier
    basis: Basis
    floor: float
    total: float
    """The current total on the basis."""
    predicate: Tier | None
    points_needed: float
    reached: bool
    ladder: tuple[Rung, ...]
    opportunities: tuple[Action, ...]
    quick_wins: tuple[Action, ...]
    plan: Plan
    plan_by_opd: tuple[OpdPlan, ...]
    result: ScoreResult


# --- tiers and the ladder ------------------------------------------------------------------


def find_tier(rubric: Rubric, name: str) -> Tier:
    """The tier named `name` (id, Indonesian or English name, any case), or KlaError."""
    wanted = fold(name)
    for tier in rubric.tiers:
        if wanted in {tier.id, tier.name.id.casefold(), tier.name.en.casefold()}:
            return tier
    raise KlaError(
        "gap.unknown_tier",
        params={
            "name": name,
            "valid": ", ".join(
                t.name.id if t.name.id.casefold() == t.id else f"{t.name.id} ({t.id})"
                for t in rubric.tiers
            ),
        },
    )


def next_tier(rubric: Rubric, total: float) -> Tier:
    """The lowest tier `total` has not reached (the highest tier when all are reached)."""
    return next(
        (t for t in rubric.tiers if tier_floor(rubric, t) > round(total, 2)), rubric.tiers[-1]
    )


def points_needed(rubric: Rubric, total: float, tier: Tier) -> float:
    """Points missing from `total` to reach `tier` (0 when reached)."""
    return max(0.0, round(tier_floor(rubric, tier) - round(total, 2), 2))


def ladder(rubric: Rubric, total: float) -> tuple[Rung, ...]:
    """Every tier not yet reached by `total`, lowest first, with the points it needs."""
    return tuple(
        Rung(tier, tier_floor(rubric, tier), points_needed(rubric, total, tier))
        for tier in rubric.tiers
        if tier_floor(rubric, tier) > round(total, 2)
    )


def parse_total(text: str, max_total: float) -> float:
    """A total typed by hand (`kla gap --score 588,40`), rounded to 2 decimals; KlaError unless
    it is a number from 0 to `max_total`."""
    try:
        value = parse_number(text)
    except AnswerProblem:
        value = -1.0
    if not 0 <= value <= max_total:
        raise KlaError(
            "gap.score_invalid",
            params={"value": text, "max": f"{max_total:g}"},
            hint="gap.score_invalid.hint",
        )
    return round(value, 2)


def total_ladder(
    rubric: Rubric, total: float, target: str | None
) -> tuple[Tier, float, tuple[Rung, ...]]:
    """Where a bare total stands (`kla gap --score`): the tier aimed at (`target`, else the next
    one not reached), the points it still needs, and every tier not yet reached."""
    tier = find_tier(rubric, target) if target else next_tier(rubric, total)
    return tier, points_needed(rubric, total, tier), ladder(rubric, total)


def basis_total(result: ScoreResult, basis: Basis) -> float:
    return result.total_evidenced if basis is Basis.EVIDENCED else result.total


# --- item states ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _State:
    answer: Answer | None
    evidenced: bool


@dataclass(frozen=True)
class _Step:
    code: str
    answer: Answer | None
    """The new answer; for checklists the element set after ticking one more element."""
    evidence_only: bool
    rank: int
    gain: float


def _value(item: Item, state: _State, basis: Basis) -> float:
    if state.answer is None:
        return 0.0
    if basis is Basis.EVIDENCED and item.evidence and not state.evidenced:
        return 0.0
    return item_points(item, state.answer)


def _initial(score: ItemScore) -> _State:
    r = score.response
    return _State(r.answer, r.has_evidence) if r else _State(None, False)


def _band_answer(item: Item, threshold: float) -> float:
    if item.type is AnswerType.COUNT:
        value = math.floor(threshold) if item.direction is Direction.LOWER else math.ceil(threshold)
        return float(max(0, value))
    return float(min(100.0, max(0.0, threshold)))


def next_answers(item: Item, answer: Answer | None) -> list[Answer]:
    """The next reachable answers of `item` from `answer`, each worth more points.

    Choice: the cheapest better option. Percent/count: the value reaching the next better band.
    Yes/no: Ya. Checklist: the current elements plus one more (one candidate per element).
    """
    current = 0.0 if answer is None else item_points(item, answer)
    kind = item.type
    if kind is AnswerType.YESNO:
        return [True] if answer is not True and item.max > 0 else []
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


# --- opportunities and quick wins ----------------------------------------------------------


def _action(
    rubric: Rubric,
    indicator: Indicator,
    item: Item,
    kind: ActionKind,
    before: tuple[Answer | None, float],
    after: tuple[Answer | None, float],
) -> Action:
    return Action(
        kind=kind,
        code=item.code,
        question=item.question,
        indicator=indicator.number,
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
    )


def _scores(result: ScoreResult) -> dict[str, ItemScore]:
    return {s.code: s for s in result.all_items()}


def opportunities(rubric: Rubric, result: ScoreResult) -> tuple[Action, ...]:
    """For every item below its maximum, the next reachable answer and the points it adds.

    Ranked by gain (largest first), then effort (cheapest first), then rubric order.
    """
    scores = _scores(result)
    found: list[tuple[tuple[float, int, int], Action]] = []
    for order, (indicator, item) in enumerate(rubric.iter_items()):
        score = scores.get(item.code)
        answer = score.response.answer if score and score.response else None
        now = 0.0 if answer is None else item_points(item, answer)
        best = max(next_answers(item, answer), key=lambda a: item_points(item, a), default=None)
        if best is None:
            continue
        action = _action(
            rubric,
            indicator,
            item,
            ActionKind.ANSWER,
            (answer, now),
            (best, item_points(item, best)),
        )
        found.append(((-action.gain, _EFFORT_RANK[item.effort], order), action))
    return tuple(a for _, a in sorted(found, key=lambda pair: pair[0]))


def quick_wins(rubric: Rubric, result: ScoreResult) -> tuple[Action, ...]:
    """Answered items whose points are lost only for want of the required data dukung."""
    scores = _scores(result)
    found: list[tuple[tuple[float, int], Action]] = []
    for order, (indicator, item) in enumerate(rubric.iter_items()):
        score = scores.get(item.code)
        if not score or not score.response or score.points_evidenced >= score.points:
            continue
        answer = score.response.answer
        action = _action(
            rubric,
            indicator,
            item,
            ActionKind.EVIDENCE,
            (answer, score.points_evidenced),
            (answer, score.points),
        )
        found.append(((-action.gain, order), action))
    return tuple(a for _, a in sorted(found, key=lambda pair: pair[0]))


# --- the plan ------------------------------------------------------------------------------


def _total(rubric: Rubric, states: Mapping[str, _State], basis: Basis) -> float:
    return round(sum(_value(item, states[item.code], basis) for _, item in rubric.iter_items()), 2)


def _apply(states: dict[str, _State], step: _Step) -> None:
    old = states[step.code]
    if step.evidence_only:
        states[step.code] = _State(old.answer, True)
    else:
        states[step.code] = _State(step.answer, True)


def _fold(start: Mapping[str, _State], steps: Iterable[_Step]) -> dict[str, _State]:
    states = dict(start)
    for step in steps:
        _apply(states, step)
    return states


def _candidates(
    items: Mapping[str, Item], states: Mapping[str, _State], basis: Basis
) -> list[_Step]:
    steps: list[_Step] = []
    for code, item in items.items():
        state = states[code]
        now = _value(item, state, basis)
        for answer in next_answers(item, state.answer):
            gain = round(_value(item, _State(answer, True), basis) - now, 2)
            if gain > 0:
                steps.append(_Step(code, answer, False, _EFFORT_RANK[item.effort], gain))
    return steps


def _evidence_steps(
    items: Mapping[str, Item], states: Mapping[str, _State], basis: Basis
) -> list[_Step]:
    if basis is not Basis.EVIDENCED:
        return []
    steps = []
    for code, item in items.items():
        state = states[code]
        gain = round(
            _value(item, _State(state.answer, True), basis) - _value(item, state, basis), 2
        )
        if gain > 0:
            steps.append(_Step(code, state.answer, True, _EVIDENCE_RANK, gain))
    return sorted(steps, key=lambda s: -s.gain)


def make_plan(rubric: Rubric, result: ScoreResult, target: Tier, basis: Basis) -> Plan:
    """A small set of actions reaching `target` on `basis`: evidence first, then cheap steps."""
    floor = tier_floor(rubric, target)
    items = {item.code: item for _, item in rubric.iter_items()}
    scores = _scores(result)
    start = {
        code: (_initial(scores[code]) if code in scores else _State(None, False)) for code in items
    }
    order = {code: i for i, code in enumerate(items)}
    states = dict(start)
    chosen: list[_Step] = []

    def total() -> float:
        return _total(rubric, states, basis)

    for step in _evidence_steps(items, states, basis):
        if total() >= floor:
            break
        _apply(states, step)
        chosen.append(step)
    while total() < floor:
        candidates = _candidates(items, states, basis)
        if not candidates:
            break
        step = min(candidates, key=lambda s: (s.rank, -s.gain, order[s.code]))
        _apply(states, step)
        chosen.append(step)

    max_reachable = _max_total(rubric, items, states, basis)
    if total() >= floor:
        chosen = _prune(rubric, start, chosen, floor, basis)
        states = _fold(start, chosen)
    actions = _merge(rubric, start, states, basis, chosen)
    return Plan(
        actions=actions,
        start_total=_total(rubric, start, basis),
        end_total=total(),
        floor=floor,
        reached=total() >= floor,
        max_reachable=max(max_reachable, total()),
    )


def _max_total(
    rubric: Rubric, items: Mapping[str, Item], states: Mapping[str, _State], basis: Basis
) -> float:
    best = dict(states)
    while candidates := _candidates(items, best, basis) + _evidence_steps(items, best, basis):
        for step in candidates:
            _apply(best, step)
    return _total(rubric, best, basis)


def _prune(
    rubric: Rubric,
    start: Mapping[str, _State],
    chosen: list[_Step],
    floor: float,
    basis: Basis,
) -> list[_Step]:
    """Drop every step the target does not need, the costliest (then smallest) first."""
    kept = list(chosen)
    for step in sorted(chosen, key=lambda s: (-s.rank, s.gain)):
        trial = [s for s in kept if s is not step]
        if _total(rubric, _fold(start, trial), basis) >= floor:
            kept = trial
    return kept


def _merge(
    rubric: Rubric,
    start: Mapping[str, _State],
    end: Mapping[str, _State],
    basis: Basis,
    chosen: list[_Step],
) -> tuple[Action, ...]:
    """One action per changed item, from its starting state to its final state."""
    rank = {s.code: s.rank for s in chosen}
    found: list[tuple[tuple[int, float, int], Action]] = []
    for order, (indicator, item) in enumerate(rubric.iter_items()):
        before, after = start[item.code], end[item.code]
        if before == after:
            continue
        kind = ActionKind.EVIDENCE if before.answer == after.answer else ActionKind.ANSWER
        action = _action(
            rubric,
            indicator,
            item,
            kind,
            (before.answer, _value(item, before, basis)),
            (after.answer, _value(item, after, basis)),
        )
        key_rank = _EVIDENCE_RANK if kind is ActionKind.EVIDENCE else rank.get(item.code, 1)
        found.append(((key_rank, -action.gain, order), action))
    return tuple(a for _, a in sorted(found, key=lambda pair: pair[0]))


def plan_by_opd(rubric: Rubric, plan: Plan) -> tuple[OpdPlan, ...]:
    """The plan split per lead OPD (the OPD whose workbook answers the item), rubric order."""
    return tuple(
        OpdPlan(opd.id, opd.name, actions)
        for opd in rubric.opds
        if (actions := tuple(a for a in plan.actions if a.opds[:1] == (opd.id,)))
    )


# --- what-if -------------------------------------------------------------------------------


def parse_assumption(rubric: Rubric, text: str) -> tuple[str, Answer]:
    """`14.3=b` → ("14.3", "b"); the answer is read like a workbook cell (`13.1=18,5`)."""
    code, sep, raw = text.partition("=")
    code = code.strip()
    if not sep or not code or not raw.strip():
        raise KlaError("gap.assume_syntax", params={"value": text}, hint="gap.assume_syntax.hint")
    index = rubric.item_index
    if code not in index:
        raise KlaError("gap.assume_unknown", params={"code": code}, hint="gap.assume_unknown.hint")
    try:
        return code, parse_answer(index[code][1], raw.strip())
    except AnswerProblem as problem:
        raise KlaError(
            f"finding.{problem.code}",
            f"--assume {text}",
            f"finding.{problem.code}.hint",
            {"code": code, **problem.args_dict},
        ) from None


def what_if(rubric: Rubric, result: ScoreResult, assumptions: Mapping[str, Answer]) -> ScoreResult:
    """Re-score `result` with some answers replaced; assumed answers count as evidenced."""
    responses: dict[str, Response] = {
        s.code: s.response for s in result.all_items() if s.response is not None
    }
    index = rubric.item_index
    for code, answer in assumptions.items():
        indicator, item = index[code]
        old = responses.get(code)
        responses[code] = Response(
            answer=answer,
            evidence=old.evidence if old and old.has_evidence else ASSUMED_EVIDENCE,
            source=ASSUMED_EVIDENCE,
            opd=old.opd if old else rubric.item_opds(indicator, item)[0],
        )
    return score_region(
        rubric, responses, region=result.region, year=result.year, skipped=result.skipped
    )


def plan_assumptions(plan: Plan) -> dict[str, Answer]:
    """The plan as `--assume` answers (an evidence action assumes the current answer)."""
    return {a.code: a.answer_to for a in plan.actions if a.answer_to is not None}


def apply_plan(rubric: Rubric, result: ScoreResult, plan: Plan) -> ScoreResult:
    """Re-score `result` as if every action of `plan` were done."""
    return what_if(rubric, result, plan_assumptions(plan))


# --- everything at once --------------------------------------------------------------------


def analyse(
    rubric: Rubric, result: ScoreResult, target: Tier, basis: Basis = Basis.EVIDENCED
) -> GapAnalysis:
    """The full gap analysis of `result` towards `target`."""
    total = basis_total(result, basis)
    plan = make_plan(rubric, result, target, basis)
    needed = points_needed(rubric, total, target)
    return GapAnalysis(
        target=target,
        basis=basis,
        floor=tier_floor(rubric, target),
        total=total,
        predicate=tier_for(rubric, total),
        points_needed=needed,
        reached=needed == 0,
        ladder=ladder(rubric, total),
        opportunities=opportunities(rubric, result),
        quick_wins=quick_wins(rubric, result),
        plan=plan,
        plan_by_opd=plan_by_opd(rubric, plan),
        result=result,
    )
