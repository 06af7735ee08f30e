"""A predikat as every output names it: the tier's name, or "belum berpredikat" below the lowest."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from kla_cli.core.rubric_leaves import Tier, tier_floor
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points

if TYPE_CHECKING:
    from kla_cli.core.rubric import Rubric


def predicate_label(tier: Tier | str | None, lang: Lang, lowest: float | None = None) -> str:
    """`tier` (a tier, or its name already in `lang`) as text; no tier reads "belum berpredikat",
    followed by "(< 500,00)" when the lowest tier's minimum `lowest` is given."""
    if isinstance(tier, Tier):
        return tier.name.get(lang)
    if tier:
        return tier
    label = t("predicate.none", lang)
    return label if lowest is None else f"{label} (< {fmt_points(lowest, lang)})"


def _whole(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def band_range(tier: Tier, floor: float) -> str:
    """A band as officials write it: `500–600` for the lowest, `601–700` above it (`floor`,
    the smallest two-decimal total reaching the tier, rounded up to a whole point)."""
    lower = math.ceil(floor) if float(tier.min).is_integer() else floor
    return f"{_whole(lower)}–{_whole(tier.max)}"


def bands_line(rubric: Rubric, lang: Lang) -> str:
    """Every band, one way everywhere: `Pratama 500–600 · Madya 601–700 · …`."""
    return " · ".join(
        f"{tier.name.get(lang)} {band_range(tier, tier_floor(rubric, tier))}"
        for tier in rubric.tiers
    )


def band_rule(rubric: Rubric, lang: Lang) -> str:
    """The half-open rule, stated once: a total above 600 and up to 700 is Madya (600,50 is)."""
    if len(rubric.tiers) < 2:
        return ""
    tier = rubric.tiers[1]
    return t(
        "predicate.rule",
        lang,
        tier=tier.name.get(lang),
        low=_whole(tier.min),
        high=_whole(tier.max),
        example=fmt_points(tier.min + 0.5, lang),
        lowest=rubric.tiers[0].name.get(lang),
        start=_whole(rubric.tiers[0].min),
    )
