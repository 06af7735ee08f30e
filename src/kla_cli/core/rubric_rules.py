"""The cross-field rules of a rubric (`kla rubric check`): duplicates, sums, options, bands.

Collected as a list, so that a rubric author sees every problem at once instead of the first
one. A problem is an error unless it says `warning`: the 2024 instrument itself has indicators
whose questions add up to more than the official maximum (19, 21B), which caps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kla_cli.core.rubric import Indicator, Item, Rubric
from kla_cli.core.rubric_leaves import AnswerType

Path = tuple[str | int, ...]
"""A location inside the rubric document, e.g. ("indicators", 3, "items", 0, "max")."""

TWO_PLACES = 0.005  # tolerance when comparing point sums (scores carry two decimals)


@dataclass(frozen=True)
class RubricProblem:
    """A semantic problem in a rubric, located by its path in the document."""

    path: Path
    key: str
    """Message-catalogue key."""
    args: dict[str, object]
    warning: bool = False
    """A warning does not make the rubric invalid (`kla rubric check` prints it, exit 0)."""


def best_points(item: Item) -> float:
    """The most points any answer to `item` can earn."""
    if item.type in (AnswerType.YESNO, AnswerType.SCORE):
        return item.max
    if item.type is AnswerType.CHECKLIST:
        return sum(o.points for o in item.options)
    values = [o.points for o in item.options] or [b.points for b in item.bands]
    return max(values, default=0.0)


def rubric_problems(rubric: Rubric) -> list[RubricProblem]:
    """Every cross-field problem of a structurally valid rubric, in document order."""
    problems: list[RubricProblem] = []

    def add(path: Path, msg: str, /, **args: object) -> None:
        problems.append(RubricProblem(path, msg, args))

    def warn(path: Path, msg: str, /, **args: object) -> None:
        problems.append(RubricProblem(path, msg, args, warning=True))

    group_ids = {g.id for g in rubric.groups}
    opd_ids = {o.id for o in rubric.opds}
    _duplicates(problems, [(("groups", i, "id"), g.id) for i, g in enumerate(rubric.groups)])
    _duplicates(problems, [(("opds", i, "id"), o.id) for i, o in enumerate(rubric.opds)])
    _duplicates(
        problems,
        [(("indicators", i, "id"), ind.id) for i, ind in enumerate(rubric.indicators)],
    )
    _duplicates(
        problems,
        [
            (("indicators", i, "items", j, "code"), item.code)
            for i, ind in enumerate(rubric.indicators)
            for j, item in enumerate(ind.items)
        ],
    )

    total = 0.0
    by_group: dict[str, float] = {}
    for i, ind in enumerate(rubric.indicators):
        here: Path = ("indicators", i)
        if ind.group not in group_ids:
            add(
                (*here, "group"),
                "rubric.unknown_group",
                group=ind.group,
                known=", ".join(sorted(group_ids)),
            )
        for k, opd in enumerate(ind.opd):
            if opd not in opd_ids:
                add((*here, "opd", k), "rubric.unknown_opd", opd=opd)
        for j, item in enumerate(ind.items):
            _item_problems(add, (*here, "items", j), ind, item, opd_ids)
            if not rubric.item_opds(ind, item):
                add((*here, "items", j, "opd"), "rubric.no_opd", code=item.code)
        if ind.max is not None and ind.items_max > ind.max + TWO_PLACES:
            warn(
                (*here, "max"),
                "rubric.indicator_capped",
                id=ind.id,
                items=ind.items_max,
                max=ind.max,
            )
        elif ind.max is not None and ind.items_max < ind.max - TWO_PLACES:
            add(
                (*here, "max"),
                "rubric.indicator_unreachable",
                id=ind.id,
                items=ind.items_max,
                max=ind.max,
            )
        total += ind.cap
        by_group[ind.group] = by_group.get(ind.group, 0.0) + ind.cap

    for i, group in enumerate(rubric.groups):
        found = round(by_group.get(group.id, 0.0), 2)
        if group.max is not None and abs(found - group.max) > TWO_PLACES:
            add(
                ("groups", i, "max"), "rubric.group_sum", group=group.id, total=found, max=group.max
            )

    if abs(total - rubric.max_total) > TWO_PLACES:
        add(("max_total",), "rubric.sum_mismatch", total=round(total, 2), declared=rubric.max_total)

    _tier_problems(add, rubric)
    return problems


def _duplicates(problems: list[RubricProblem], entries: list[tuple[Path, str]]) -> None:
    seen: dict[str, Path] = {}
    for path, value in entries:
        if value in seen:
            problems.append(RubricProblem(path, "rubric.duplicate", {"value": value}))
        else:
            seen[value] = path


def _item_problems(add: _Add, here: Path, ind: Indicator, item: Item, opd_ids: set[str]) -> None:
    if not item.code.startswith(f"{ind.id}."):
        add((*here, "code"), "rubric.code_prefix", code=item.code, number=ind.id)
    for k, opd in enumerate(item.opd):
        if opd not in opd_ids:
            add((*here, "opd", k), "rubric.unknown_opd", opd=opd)
    kind = item.type
    if kind in (AnswerType.CHOICE, AnswerType.CHECKLIST):
        if not item.options:
            add((*here, "options"), "rubric.missing_options", code=item.code)
        if item.bands:
            add((*here, "bands"), "rubric.unexpected_field", field="bands", type=kind.value)
        keys = [o.key for o in item.options]
        _dup_keys = {k for k in keys if keys.count(k) > 1}
        for k, opt in enumerate(item.options):
            if opt.key in _dup_keys and keys.index(opt.key) != k:
                add((*here, "options", k, "key"), "rubric.duplicate", value=opt.key)
            if opt.points > item.max + TWO_PLACES:
                add(
                    (*here, "options", k, "points"),
                    "rubric.option_over_max",
                    key=opt.key,
                    points=opt.points,
                    max=item.max,
                )
    elif kind in (AnswerType.PERCENT, AnswerType.COUNT):
        if not item.bands:
            add((*here, "bands"), "rubric.missing_bands", code=item.code)
        if item.direction is None:
            add((*here,), "rubric.missing_direction", code=item.code)
        if item.options:
            add((*here, "options"), "rubric.unexpected_field", field="options", type=kind.value)
        for k, band in enumerate(item.bands):
            if band.points > item.max + TWO_PLACES:
                add(
                    (*here, "bands", k, "points"),
                    "rubric.option_over_max",
                    key=f"{band.threshold:g}",
                    points=band.points,
                    max=item.max,
                )
            if kind is AnswerType.PERCENT and not 0 <= band.threshold <= 100:
                add(
                    (*here, "bands", k, "threshold"),
                    "rubric.percent_threshold",
                    value=band.threshold,
                )
    elif (kind is AnswerType.SCORE and (item.options or item.bands)) or item.options or item.bands:
        add((*here,), "rubric.unexpected_field", field="options/bands", type=kind.value)

    if kind is AnswerType.CHECKLIST:
        if item.options and abs(best_points(item) - item.max) > TWO_PLACES:
            add(
                (*here, "max"),
                "rubric.checklist_sum",
                code=item.code,
                total=best_points(item),
                max=item.max,
            )
    elif (
        (item.options or item.bands or kind is AnswerType.YESNO)
        and abs(best_points(item) - item.max) > TWO_PLACES
        and best_points(item) < item.max
    ):
        add(
            (*here, "max"),
            "rubric.max_unreachable",
            code=item.code,
            best=best_points(item),
            max=item.max,
        )


class _Add(Protocol):
    def __call__(self, path: Path, msg: str, /, **args: object) -> None: ...


def _tier_problems(add: _Add, rubric: Rubric) -> None:
    _dup_ids = [t.id for t in rubric.tiers]
    for i, tier in enumerate(rubric.tiers):
        if _dup_ids.index(tier.id) != i:
            add(("tiers", i, "id"), "rubric.duplicate", value=tier.id)
        if tier.min >= tier.max:
            add(("tiers", i), "rubric.tier_empty", tier=tier.id, min=tier.min, max=tier.max)
        if tier.max > rubric.max_total + TWO_PLACES:
            add(
                ("tiers", i, "max"),
                "rubric.tier_above_total",
                tier=tier.id,
                max=tier.max,
                total=rubric.max_total,
            )
        if i == 0:
            continue
        prev = rubric.tiers[i - 1]
        if tier.min < prev.max - TWO_PLACES:
            add(("tiers", i, "min"), "rubric.tier_overlap", tier=tier.id, other=prev.id)
        elif tier.min > prev.max + TWO_PLACES:
            add(
                ("tiers", i, "min"),
                "rubric.tier_gap",
                tier=tier.id,
                other=prev.id,
                start=prev.max,
                end=tier.min,
            )
