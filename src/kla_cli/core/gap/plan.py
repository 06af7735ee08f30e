"""The plan: a small set of actions reaching a target predikat (evidence first, then cheap answer
steps, then everything not needed dropped), the plan per lead OPD, and the full gap analysis."""

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from kla_cli.core.answer_types import Answer
from kla_cli.core.gap.actions import (
    EFFORT_RANK,
    Action,
    ActionKind,
    action_for,
    item_scores,
    next_answers,
    opportunities,
    quick_wins,
)
from kla_cli.core.gap.cuts import Cut, verification_cuts
from kla_cli.core.gap.ladder import Basis, Rung, basis_total, ladder, points_needed
from kla_cli.core.rubric import Item, Rubric
from kla_cli.core.rubric_leaves import Tier, tier_floor, tier_for
from kla_cli.core.scoring import ItemScore, ScoreResult, item_points

_EVIDENCE_RANK = -1


class Plan(NamedTuple):
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


class OpdPlan(NamedTuple):
    """The plan's actions for which one OPD is the lead (it answers those items)."""

    opd: str
    name: str
    actions: tuple[Action, ...]

    @property
    def gain(self) -> float:
        return round(sum(a.gain for a in self.actions), 2)


class GapAnalysis(NamedTuple):
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
    cuts: tuple[Cut, ...] = ()
    """On the verified basis: the questions cut at verification, where the plan starts."""


class _State(NamedTuple):
    answer: Answer | None
    evidenced: bool
    verified: float | None = None
    """The verifier's points while the item is as verified; None once it changes (a new answer
    or the cut recovered counts its own points)."""


class _Step(NamedTuple):
    code: str
    answer: Answer | None
    """The new answer; for checklists the element set after ticking one more element."""
    evidence_only: bool
    rank: int
    gain: float


def _value(item: Item, state: _State, basis: Basis) -> float:
    if basis is Basis.VERIFIED and state.verified is not None:
        return state.verified
    if state.answer is None:
        return 0.0
    if basis is Basis.EVIDENCED and item.evidence and not state.evidenced:
        return 0.0
    return item_points(item, state.answer)


def _initial(score: ItemScore) -> _State:
    r = score.response
    if r is None:
        return _State(None, False, score.points_verified)
    return _State(r.answer, r.has_evidence, score.points_verified)


def _total(rubric: Rubric, states: Mapping[str, _State], basis: Basis) -> float:
    """The total on `basis`, each indicator capped at its maximum as `score_region` does (an
    indicator's items may add up to more than its official points)."""
    return round(
        sum(
            round(min(ind.cap, sum(_value(i, states[i.code], basis) for i in ind.items)), 2)
            for ind in rubric.indicators
        ),
        2,
    )


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
        for answer, gain in _answer_gains(item, states[code], basis):
            steps.append(_Step(code, answer, False, EFFORT_RANK[item.effort], gain))
    return steps


def _answer_gains(item: Item, state: _State, basis: Basis) -> list[tuple[Answer, float]]:
    """Each next answer of `item` from `state` that gains points, with its gain (evidenced)."""
    now = _value(item, state, basis)
    gains = (
        (a, round(_value(item, _State(a, True), basis) - now, 2))
        for a in next_answers(item, state.answer)
    )
    return [(answer, gain) for answer, gain in gains if gain > 0]


def _evidence_gain(item: Item, state: _State, basis: Basis) -> float:
    """What evidencing `item`'s answer in `state` gains (nothing on the self-assessed basis)."""
    if basis is Basis.SELF_ASSESSED:
        return 0.0
    return round(_value(item, _State(state.answer, True), basis) - _value(item, state, basis), 2)


def _evidence_steps(
    items: Mapping[str, Item], states: Mapping[str, _State], basis: Basis
) -> list[_Step]:
    steps = []
    for code, item in items.items():
        state = states[code]
        gain = _evidence_gain(item, state, basis)
        if gain > 0:
            steps.append(_Step(code, state.answer, True, _EVIDENCE_RANK, gain))
    return sorted(steps, key=lambda s: -s.gain)


class _Running:
    """The states of a plan being built, with each item's value, each indicator's sum and each
    item's candidate steps kept up to date: a step changes one item, so only that item and its
    indicator are worked out again (the greedy search and the pruning would otherwise re-score
    all 274 items after every step). Sums are taken over an indicator's items in rubric order,
    as `_total` takes them, so the totals are the same to the last bit."""

    def __init__(
        self, rubric: Rubric, items: Mapping[str, Item], start: Mapping[str, _State], basis: Basis
    ) -> None:
        self.items, self.basis, self.states = items, basis, dict(start)
        self.indicators = rubric.indicators
        self.indicator_of = {i.code: n for n, ind in enumerate(self.indicators) for i in ind.items}
        self.values = {code: _value(item, start[code], basis) for code, item in items.items()}
        self.sums = [self._sum(n) for n in range(len(self.indicators))]
        self.steps: dict[str, list[_Step]] | None = None
        """Each item's candidate steps, once asked for (pruning never asks)."""

    def _sum(self, n: int, code: str = "", value: float = 0.0) -> float:
        """Indicator `n`'s capped sum (were item `code`, when given, worth `value`)."""
        ind, values = self.indicators[n], self.values
        return round(
            min(ind.cap, sum(value if i.code == code else values[i.code] for i in ind.items)), 2
        )

    def total(self) -> float:
        return round(sum(self.sums), 2)

    def total_with(self, code: str, state: _State) -> float:
        """The total were item `code` in `state` instead."""
        n = self.indicator_of[code]
        changed = self._sum(n, code, _value(self.items[code], state, self.basis))
        return round(sum(changed if k == n else s for k, s in enumerate(self.sums)), 2)

    def candidates(self) -> list[_Step]:
        if self.steps is None:
            states, basis = self.states, self.basis
            self.steps = {
                code: _candidates({code: i}, states, basis) for code, i in self.items.items()
            }
        return [step for steps in self.steps.values() for step in steps]

    def apply(self, step: _Step) -> None:
        states = {step.code: self.states[step.code]}
        _apply(states, step)
        self.set(step.code, states[step.code])

    def set(self, code: str, state: _State) -> None:
        item = self.items[code]
        self.states[code] = state
        self.values[code] = _value(item, state, self.basis)
        n = self.indicator_of[code]
        self.sums[n] = self._sum(n)
        if self.steps is not None:
            self.steps[code] = _candidates({code: item}, self.states, self.basis)


def make_plan(rubric: Rubric, result: ScoreResult, target: Tier, basis: Basis) -> Plan:
    """A small set of actions reaching `target` on `basis`: evidence first, then cheap steps."""
    floor = tier_floor(rubric, target)
    items = {item.code: item for _, item in rubric.iter_items()}
    scores = item_scores(result)
    start = {
        code: (_initial(scores[code]) if code in scores else _State(None, False)) for code in items
    }
    order = {code: i for i, code in enumerate(items)}
    running = _Running(rubric, items, start, basis)
    chosen: list[_Step] = []

    for step in _evidence_steps(items, start, basis):
        if running.total() >= floor:
            break
        running.apply(step)
        chosen.append(step)
    while running.total() < floor:
        candidates = running.candidates()
        if not candidates:
            break
        step = min(candidates, key=lambda s: (s.rank, -s.gain, order[s.code]))
        running.apply(step)
        chosen.append(step)

    states = running.states
    max_reachable = _max_total(rubric, items, states, basis)
    if running.total() >= floor:
        chosen = _prune(_Running(rubric, items, states, basis), start, chosen, floor)
        states = _fold(start, chosen)
    end_total = _total(rubric, states, basis)
    actions = _merge(rubric, start, states, basis, chosen)
    return Plan(
        actions=actions,
        start_total=_total(rubric, start, basis),
        end_total=end_total,
        floor=floor,
        reached=end_total >= floor,
        max_reachable=max(max_reachable, end_total),
    )


def _max_total(
    rubric: Rubric, items: Mapping[str, Item], states: Mapping[str, _State], basis: Basis
) -> float:
    """The total with every item taken up its answer steps and evidenced, each item on its own
    (an item's steps depend on its own state only)."""
    best = {code: _climb(item, states[code], basis) for code, item in items.items()}
    return _total(rubric, best, basis)


def _climb(item: Item, state: _State, basis: Basis) -> _State:
    """`item` taken from `state` up its answer steps (`_candidates`) and evidenced
    (`_evidence_steps`) until no step gains: each round applies the round's steps in order,
    the answer steps (each from the round's state, so the last one stands), then the evidence
    step, which only evidences what the answer steps left."""
    while True:
        better = _answer_gains(item, state, basis)
        if better:
            state = _State(better[-1][0], True)
        elif _evidence_gain(item, state, basis) > 0:
            state = _State(state.answer, True)
        else:
            return state


def _prune(
    running: _Running, start: Mapping[str, _State], chosen: list[_Step], floor: float
) -> list[_Step]:
    """Drop every step the target does not need, the costliest (then smallest) first.
    `running`: the states once every chosen step is done."""
    kept = list(chosen)
    for step in sorted(chosen, key=lambda s: (-s.rank, s.gain)):
        trial = [s for s in kept if s is not step]
        code = step.code
        state = _fold({code: start[code]}, (s for s in trial if s.code == code))[code]
        if running.total_with(code, state) >= floor:
            kept = trial
            running.set(code, state)
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
        if kind is ActionKind.EVIDENCE and basis is Basis.VERIFIED:
            kind = ActionKind.CUT
        action = action_for(
            rubric,
            indicator,
            item,
            kind,
            (before.answer, _value(item, before, basis)),
            (after.answer, _value(item, after, basis)),
        )
        key_rank = _EVIDENCE_RANK if kind is not ActionKind.ANSWER else rank.get(item.code, 1)
        found.append(((key_rank, -action.gain, order), action))
    return tuple(a for _, a in sorted(found, key=lambda pair: pair[0]))


def plan_by_opd(rubric: Rubric, plan: Plan) -> tuple[OpdPlan, ...]:
    """The plan split per lead OPD (the OPD whose workbook answers the item), rubric order."""
    return tuple(
        OpdPlan(opd.id, opd.name, actions)
        for opd in rubric.opds
        if (actions := tuple(a for a in plan.actions if a.opds[:1] == (opd.id,)))
    )


def analyse(
    rubric: Rubric, result: ScoreResult, target: Tier, basis: Basis = Basis.EVIDENCED
) -> GapAnalysis:
    """The full gap analysis of `result` towards `target`."""
    total = basis_total(result, basis)
    verified = basis is Basis.VERIFIED
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
        # On the verified basis the verifier has judged the data dukung: the cuts replace them.
        quick_wins=() if verified else quick_wins(rubric, result),
        plan=plan,
        plan_by_opd=plan_by_opd(rubric, plan),
        result=result,
        cuts=verification_cuts(rubric, result) if verified else (),
    )
