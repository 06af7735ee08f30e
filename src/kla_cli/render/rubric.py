"""Render a rubric (`kla rubric show`): a tree-like table, or the tree as JSON for other tools."""

from __future__ import annotations

from typing import Any

from kla_cli.core.predicate import band_rule, bands_line
from kla_cli.core.provisional import provisional_note
from kla_cli.core.rubric import Indicator, Item, Rubric
from kla_cli.core.rubric_leaves import Text
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.contract import json_text
from kla_cli.render.terminal import console_text, new_console


def rubric_table(rubric: Rubric, lang: Lang, *, items: bool, color: bool, width: int) -> str:
    from rich.table import Table

    console = new_console(color=color, width=width)
    title = f"{rubric.title.get(lang)} · {rubric.id} {rubric.version}"
    table = Table(title=title, title_justify="left")
    table.add_column(t("show.code", lang))
    table.add_column(
        t("score.indicator", lang) + (" / " + t("show.question", lang) if items else "")
    )
    if items:
        table.add_column(t("show.type", lang))
    table.add_column(t("score.opd", lang))
    table.add_column(t("score.max", lang), justify="right")
    names = {o.id: o.short for o in rubric.opds}  # as people call them
    for group in rubric.groups:
        inds = [i for i in rubric.indicators if i.group == group.id]
        total = sum(ind.cap for ind in inds)
        cells = [f"[bold]{group.id}[/]", f"[bold]{group.name.get(lang)}[/]"]
        table.add_row(*cells, *([""] if items else []), "", f"[bold]{fmt_points(total, lang)}[/]")
        for ind in inds:
            opds = ", ".join(names.get(o, o) for o in ind.lead_opds)
            table.add_row(
                ind.id,
                ind.name.get(lang),
                *([""] if items else []),
                opds,
                fmt_points(ind.cap, lang),
            )
            if items:
                for item in ind.items:
                    mark = " *" if item.evidence else ""
                    table.add_row(
                        f"  {item.code}",
                        f"  [dim]{item.question.get(lang)}[/]",
                        item.type.value,
                        ", ".join(names.get(o, o) for o in rubric.item_opds(ind, item)),
                        fmt_points(item.max, lang) + mark,
                    )
    console.print(table)
    console.print(f"{t('score.predicate', lang)}: {bands_line(rubric, lang)}")
    console.print(band_rule(rubric, lang))
    if items:
        console.print(f"* = {t('show.evidence_required', lang)}")
    note = provisional_note(rubric.any_provisional, rubric.provisional, lang)
    if note:
        console.print(f"[dim]{note}[/]")
    return console_text(console)


def _text(text: Text | None) -> dict[str, str] | None:
    return {"id": text.id, "en": text.en} if text else None


def _item_json(rubric: Rubric, indicator: Indicator, item: Item) -> dict[str, Any]:
    return {
        "code": item.code,
        "question": _text(item.question),
        "type": item.type.value,
        "max": item.max,
        "provisional": item.provisional,
        "scale": item.scale,
        "opd": list(rubric.item_opds(indicator, item)),
        "respondent": item.respondent.value if item.respondent else None,
        "evidence_required": item.evidence,
        "evidence_asked": _text(item.evidence_asked),
        "required": item.required,
        "unit": _text(item.unit),
        "direction": item.direction.value if item.direction else None,
        "effort": item.effort.value if item.effort else None,
        "options": [
            {"key": o.key, "label": _text(o.label), "points": o.points} for o in item.options
        ],
        "bands": [{"threshold": b.threshold, "points": b.points} for b in item.bands],
    }


def rubric_json(rubric: Rubric) -> dict[str, Any]:
    """The rubric's tree for other tools (`kla rubric show -f json`): texts in both languages,
    OPDs lead first, each question's answer steps with their points."""
    caps: dict[str, float] = {}
    for ind in rubric.indicators:
        caps[ind.group] = round(caps.get(ind.group, 0.0) + ind.cap, 2)
    return {
        "id": rubric.id,
        "title": _text(rubric.title),
        "version": rubric.version,
        "year": rubric.year,
        "legal_basis": list(rubric.legal_basis),
        "provisional": rubric.provisional,
        "provisional_steps": rubric.any_provisional,
        "max_total": rubric.max_total,
        "tiers": [
            {"id": t.id, "name": _text(t.name), "min": t.min, "max": t.max} for t in rubric.tiers
        ],
        "opds": [{"id": o.id, "name": o.name, "aliases": list(o.aliases)} for o in rubric.opds],
        "groups": [
            {
                "id": g.id,
                "name": _text(g.name),
                "short": _text(g.short),
                "max": g.max if g.max is not None else caps.get(g.id, 0.0),
            }
            for g in rubric.groups
        ],
        "indicators": [
            {
                "id": ind.id,
                "group": ind.group,
                "name": _text(ind.name),
                "max": ind.cap,
                "opd": list(ind.lead_opds),
                "items": [_item_json(rubric, ind, item) for item in ind.items],
            }
            for ind in rubric.indicators
        ],
    }


def rubric_json_text(rubric: Rubric) -> str:
    return json_text("rubric-show", rubric_json(rubric))
