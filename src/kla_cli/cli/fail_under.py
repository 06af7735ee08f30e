"""`--fail-under TIER` on `kla score` and `kla gap` as on `kla batch`: exit 1 when the region is
below that predikat (on the evidenced total, as `kla batch` judges a target; `kla gap` on its
`--basis`). The tier is resolved before any work, worded as `kla batch` words it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kla_cli.cli.console import err
from kla_cli.i18n.messages import active_lang, t
from kla_cli.i18n.numbers import fmt_points

if TYPE_CHECKING:
    from kla_cli.core.rubric import Rubric
    from kla_cli.core.rubric_leaves import Tier, Tiers


def resolve(rubric: Rubric | Tiers, value: str | None) -> Tier | None:
    """The `--fail-under` tier, or a one-line error listing the rubric's tier ids."""
    if not value:
        return None  # the batch module (its pool, its manifest) is not loaded for nothing
    from kla_cli.batch import resolve_tier

    return resolve_tier(rubric, value, "--fail-under")


def below(
    rubric: Rubric | Tiers, wanted: Tier | None, total: float, predicate: Tier | None
) -> bool:
    """Whether `predicate` (the tier of `total`) is below `wanted`; says so on stderr if it is."""
    from kla_cli.core.predicate import predicate_label

    if wanted is None:
        return False
    ids = [tier.id for tier in rubric.tiers]
    if (ids.index(predicate.id) if predicate else -1) >= ids.index(wanted.id):
        return False
    lang = active_lang()
    shown = predicate_label(predicate, lang)
    err(t("fail_under.below", lang, total=fmt_points(total, lang), predicate=shown, tier=wanted.id))
    return True
