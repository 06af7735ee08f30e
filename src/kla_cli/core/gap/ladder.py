"""The predikat ladder: a tier by name, the tiers above a total and the points each needs,
and the total (self-assessed, evidenced or verified) a gap is measured on."""

from enum import StrEnum
from typing import NamedTuple

from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Tier, Tiers, fold, tier_floor
from kla_cli.core.scoring import ScoreResult
from kla_cli.errors import KlaError


class Basis(StrEnum):
    EVIDENCED = "evidenced"
    """`total_evidenced`: what survives administrative verification (the default)."""
    SELF_ASSESSED = "self_assessed"
    """`total`: as answered in the penilaian mandiri."""
    VERIFIED = "verified"
    """`total_verified`: the verifier's points (Nilai VA), where the results carry them."""


class Rung(NamedTuple):
    """A tier above the current total and the distance to it."""

    tier: Tier
    floor: float
    points_needed: float


def find_tier(rubric: Rubric | Tiers, name: str) -> Tier:
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


def basis_total(result: ScoreResult, basis: Basis) -> float:
    """The total a gap on `basis` is measured on (0 on the verified basis without verification:
    the command refuses that basis first)."""
    if basis is Basis.VERIFIED:
        return result.total_verified or 0.0
    return result.total_evidenced if basis is Basis.EVIDENCED else result.total


def parse_total(text: str, max_total: float) -> float:
    """A total typed by hand (`kla gap --score 588,40`), rounded to 2 decimals; KlaError unless
    it is a number from 0 to `max_total`."""
    from kla_cli.core.answers import AnswerProblem, parse_number  # for `--score` only

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
