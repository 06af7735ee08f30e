"""The predikat ladder as text: the rungs above a total in every format, and `kla gap --score`
(a bare total: its predikat, the target and the ladder alone)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kla_cli.core.gap.ladder import Rung
from kla_cli.core.predicate import band_range, predicate_label
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Tier, tier_floor, tier_for
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render import csv_text
from kla_cli.render.contract import json_text
from kla_cli.render.formats import Format
from kla_cli.render.markdown import md_table


def target_line(tier: Tier, floor: float, total: float, needed: float, lang: Lang) -> str:
    p = fmt_points
    if needed <= 0:
        return t("gap.reached", lang, tier=tier.name.get(lang), total=p(total, lang))
    return t(
        "gap.target",
        lang,
        tier=tier.name.get(lang),
        floor=band_range(tier, floor),
        points=p(needed, lang),
    )


def ladder_text(rungs: Sequence[Rung], lang: Lang) -> str:
    if not rungs:
        return t("gap.ladder_top", lang)
    steps = " · ".join(
        f"{r.tier.name.get(lang)} {band_range(r.tier, r.floor)} "
        f"(+{fmt_points(r.points_needed, lang)})"
        for r in rungs
    )
    return f"{t('gap.ladder', lang)}: {steps}"


def tier_json(tier: Tier | None) -> dict[str, Any] | None:
    return {"id": tier.id, "name": tier.name.id} if tier else None


def ladder_json(rungs: Sequence[Rung]) -> list[dict[str, Any]]:
    return [
        {
            "tier": r.tier.name.id,
            "tier_id": r.tier.id,
            "floor": r.floor,
            "points_needed": r.points_needed,
        }
        for r in rungs
    ]


def ladder_markdown(rungs: Sequence[Rung], lang: Lang) -> list[str]:
    return md_table(
        [t("gap.col.tier", lang), t("gap.col.floor", lang), t("gap.col.needed", lang)],
        (
            [r.tier.name.get(lang), fmt_points(r.floor, lang), fmt_points(r.points_needed, lang)]
            for r in rungs
        ),
        right=(1, 2),
    )


def render_ladder(
    rubric: Rubric,
    total: float,
    target: Tier,
    rungs: Sequence[Rung],
    needed: float,
    fmt: Format,
    lang: Lang,
    *,
    excel: bool = False,
) -> str:
    """`kla gap --score 588,40 --target madya`: the total, its predikat and the ladder."""
    predicate = tier_for(rubric, total)
    floor = tier_floor(rubric, target)
    if fmt is Format.JSON:
        data = {
            "target": {**(tier_json(target) or {}), "floor": floor},
            "total": total,
            "predicate": predicate.name.id if predicate else None,
            "predicate_id": predicate.id if predicate else None,
            "points_needed": needed,
            "reached": needed <= 0,
            "ladder": ladder_json(rungs),
        }
        return json_text("gap", data)
    if fmt is Format.CSV:
        return csv_text(
            ("tier", "tier_id", "floor", "points_needed"),
            [(r.tier.name.id, r.tier.id, r.floor, r.points_needed) for r in rungs],
            excel=excel,
        )
    lines = [
        t(
            "gap.score_line",
            lang,
            total=fmt_points(total, lang),
            predicate=predicate_label(predicate, lang),
        ),
        target_line(target, floor, total, needed, lang),
    ]
    if fmt is Format.MARKDOWN:
        out = [f"# {t('gap.ladder', lang)}", "", *[f"- {line}" for line in lines], ""]
        out += ladder_markdown(rungs, lang)
        return "\n".join(out) + "\n"
    return "\n".join([*lines, ladder_text(rungs, lang)]) + "\n"
