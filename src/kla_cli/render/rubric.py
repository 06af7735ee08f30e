"""Render a rubric as a tree-like table (`kla rubric show`)."""

from __future__ import annotations

from kla_cli.core.provisional import provisional_note
from kla_cli.core.rubric import Rubric
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
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
    names = {o.id: o.name for o in rubric.opds}
    for group in rubric.groups:
        inds = [i for i in rubric.indicators if i.group == group.id]
        total = sum(item.max for ind in inds for item in ind.items)
        cells = [f"[bold]{group.id}[/]", f"[bold]{group.name.get(lang)}[/]"]
        table.add_row(*cells, *([""] if items else []), "", f"[bold]{fmt_points(total, lang)}[/]")
        for ind in inds:
            opds = ", ".join(names.get(o, o) for o in ind.opd)
            table.add_row(
                ind.id,
                ind.name.get(lang),
                *([""] if items else []),
                opds,
                fmt_points(sum(i.max for i in ind.items), lang),
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
    tiers = "  ".join(
        f"{tier.name.get(lang)} {fmt_points(tier.min, lang)}–{fmt_points(tier.max, lang)}"
        for tier in rubric.tiers
    )
    console.print(f"{t('score.predicate', lang)}: {tiers}")
    if items:
        console.print(f"* = {t('show.evidence_required', lang)}")
    note = provisional_note(rubric.any_provisional, rubric.provisional, lang)
    if note:
        console.print(f"[dim]{note}[/]")
    return console_text(console)
