"""The questions cut at verification (`kla gap --basis verified`) in every format: who answers
each (lead OPD first), the points lost, the data dukung asked and the verifier's note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kla_cli.core.gap.cuts import Cut
from kla_cli.core.rubric import Rubric
from kla_cli.i18n.display import shown
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.gap_text import opd_short
from kla_cli.render.markdown import md_table
from kla_cli.render.tables import BoxTable, Column, spans
from kla_cli.render.terminal import Page


def cut_opds(rubric: Rubric, cut: Cut, lang: Lang) -> str:
    """`JDIH (utama), Bagian Hukum, DP3A`: the lead marked, then the co-sources."""
    names = [opd_short(rubric, o) for o in cut.opds]
    if not names:
        return "-"
    return ", ".join([f"{names[0]} ({t('gap.cut.lead', lang)})", *names[1:]])


def cuts_lost(cuts: Sequence[Cut]) -> float:
    return round(sum(c.lost for c in cuts), 2)


def cuts_summary(cuts: Sequence[Cut], lang: Lang) -> str:
    if not cuts:
        return t("gap.cuts_none", lang)
    return t("gap.cuts_summary", lang, count=len(cuts), points=fmt_points(cuts_lost(cuts), lang))


def cuts_json(cuts: Sequence[Cut], lang: Lang) -> list[dict[str, Any]]:
    return [
        {
            "code": c.code,
            "question": c.question.get(lang),
            "indicator": c.indicator,
            "group": c.group,
            "points": c.points,
            "points_verified": c.verified,
            "lost": c.lost,
            "max": c.max,
            "opd": list(c.opds),
            "evidence_asked": c.evidence_asked.get(lang) if c.evidence_asked else None,
            "note": c.note,
        }
        for c in cuts
    ]


def cuts_markdown(cuts: Sequence[Cut], rubric: Rubric, lang: Lang) -> list[str]:
    p = fmt_points
    lines = [f"## {t('gap.cuts', lang)}", "", cuts_summary(cuts, lang)]
    if not cuts:
        return lines
    lines.append("")
    lines += md_table(
        [
            t("gap.col.item", lang),
            t("gap.col.em", lang),
            t("gap.col.va", lang),
            t("gap.col.cut", lang),
            t("gap.cut.opd", lang),
            t("gap.cut.asked", lang),
            t("gap.cut.note", lang),
        ],
        [
            [
                f"{c.code} {c.question.get(lang)}",
                p(c.points, lang),
                p(c.verified, lang),
                f"−{p(c.lost, lang)}",
                cut_opds(rubric, c, lang),
                c.evidence_asked.get(lang) if c.evidence_asked else "-",
                c.note or "-",
            ]
            for c in cuts
        ],
        right=(1, 2, 3),
    )
    return lines


TERMINAL_CUTS = 20
"""Cuts shown on a terminal, largest first; the rest are summed in one line (JSON and Markdown
list them all). A verified recap can have a hundred cuts; a screen should show what to do first."""


def print_cuts(page: Page, cuts: Sequence[Cut], rubric: Rubric, lang: Lang) -> None:
    """The largest cuts as a table whose text column wraps (never cut), within the page's
    width; the others summed in one line."""
    p = fmt_points
    page.line((t("gap.cuts", lang), "bold"))
    page.line(shown(cuts_summary(cuts, lang)))
    if not cuts:
        return
    table = BoxTable(
        [
            Column(t("gap.col.item", lang), no_wrap=True),
            Column("", ratio=1, overflow="fold"),
            Column(t("gap.col.cut", lang), justify="right", no_wrap=True),
        ],
        show_lines=True,
        expand=True,
    )
    for c in cuts[:TERMINAL_CUTS]:
        details = [f"{t('gap.cut.opd', lang)}: {shown(cut_opds(rubric, c, lang))}"]
        if c.evidence_asked:
            details.append(f"{t('gap.cut.asked', lang)}: {shown(c.evidence_asked.get(lang))}")
        if c.note:
            details.append(f"{t('gap.cut.note', lang)}: {shown(c.note)}")
        table.add_row(
            c.code,
            spans((shown(c.question.get(lang)), "bold"), "\n" + "\n".join(details)),
            f"−{p(c.lost, lang)}\n"
            + t("gap.cut.points", lang, points=p(c.points, lang), verified=p(c.verified, lang)),
        )
    page.table(table)
    rest = cuts[TERMINAL_CUTS:]
    if rest:
        page.line(shown(t("gap.cuts_more", lang, count=len(rest), points=p(cuts_lost(rest), lang))))
