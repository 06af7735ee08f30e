"""A predikat as every output names it: the tier's name, or "belum berpredikat" below the lowest."""

from __future__ import annotations

from kla_cli.core.rubric import Tier
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points


def predicate_label(tier: Tier | str | None, lang: Lang, lowest: float | None = None) -> str:
    """`tier` (a tier, or its name already in `lang`) as text; no tier reads "belum berpredikat",
    followed by "(< 500,00)" when the lowest tier's minimum `lowest` is given."""
    if isinstance(tier, Tier):
        return tier.name.get(lang)
    if tier:
        return tier
    label = t("predicate.none", lang)
    return label if lowest is None else f"{label} (< {fmt_points(lowest, lang)})"
