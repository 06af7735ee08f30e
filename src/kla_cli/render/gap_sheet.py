"""The plan of `kla gap` as a sheet people work in (`-o rencana.xlsx`): one row per action, with
the same texts as the terminal table and the CSV (`gap_text.opd_rows`), the effort, the "do this
first" marker and a blank status column; above it the current total, the target and the points
needed, each predikat in its tier colour."""

from __future__ import annotations

from kla_cli.core.gap.plan import GapAnalysis
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import tier_for
from kla_cli.i18n.messages import Lang, t
from kla_cli.render.gap_text import basis_label, gap_notes, opd_rows
from kla_cli.render.tier_colours import tier_colour
from kla_cli.render.xlsx_list import Column, Line, ListSheet, list_workbook

STATUSES = ("gap.status.todo", "gap.status.doing", "gap.status.done")


def gap_workbook(analysis: GapAnalysis, rubric: Rubric, lang: Lang) -> bytes:
    result = analysis.result
    where = " · ".join(p for p in (result.region, result.year) if p)
    target = analysis.target
    after = tier_for(rubric, analysis.plan.end_total)
    lines = [
        Line(
            basis_label(analysis.basis, lang),
            analysis.total,
            analysis.predicate.name.get(lang)
            if analysis.predicate
            else t("gap.xlsx.no_tier", lang),
            tier_colour(rubric, analysis.predicate),
        ),
        Line(
            t("gap.xlsx.target", lang),
            analysis.floor,
            target.name.get(lang),
            tier_colour(rubric, target),
        ),
        Line(t("gap.col.needed", lang), analysis.points_needed),
    ]
    if not analysis.reached:
        lines.append(
            Line(
                t("gap.xlsx.after", lang),
                analysis.plan.end_total,
                after.name.get(lang) if after else t("gap.xlsx.no_tier", lang),
                tier_colour(rubric, after),
            )
        )
    columns = [
        Column(t("show.code", lang), 8),
        Column(t("show.question", lang), 42, "wrap"),
        Column("OPD", 12, "wrap"),
        Column(t("gap.col.done", lang), 16, "wrap"),
        Column(t("gap.col.todo", lang), 18, "wrap"),
        Column(t("gap.col.gain", lang), 8, "points"),
        Column(t("gap.col.effort", lang), 9),
        Column(t("gap.col.first", lang), 10),
        Column(t("gap.col.data", lang), 28, "wrap"),
        Column(t("gap.col.status", lang), 14, "input"),
    ]
    rows = [
        [
            row.code,
            row.item,
            row.opd,
            row.done,
            row.todo,
            row.gain,
            row.effort,
            t("yes", lang) if row.first else "",
            row.data_needed,
            None,
        ]
        for _, group in opd_rows(analysis, rubric, lang)
        for row in group
    ]
    spec = ListSheet(
        title=t("gap.xlsx.title", lang, tier=target.name.get(lang), where=where or "-"),
        sheet=t("gap.xlsx.sheet", lang),
        columns=columns,
        rows=rows,
        lines=lines,
        choices=[t(key, lang) for key in STATUSES],
        notes=[t("gap.xlsx.first_note", lang), *gap_notes(analysis, lang)],
        subject=where,
        page_header=where,
    )
    return list_workbook(spec, lang)
