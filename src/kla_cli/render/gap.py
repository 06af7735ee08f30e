"""Render a `GapAnalysis` as a rich table, JSON, CSV or Markdown (`kla gap`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kla_cli.core.answer_types import Answer
from kla_cli.core.gap.actions import Action
from kla_cli.core.gap.ladder import Basis
from kla_cli.core.gap.plan import GapAnalysis
from kla_cli.core.predicate import band_rule
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Effort
from kla_cli.core.scoring import ScoreResult
from kla_cli.i18n.display import shown
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render import csv_text
from kla_cli.render.contract import answer_json, json_text
from kla_cli.render.formats import Format
from kla_cli.render.gap_cuts import cuts_json, cuts_markdown, print_cuts
from kla_cli.render.gap_places import TERMINAL_ITEMS, place_lines, places_json
from kla_cli.render.gap_text import (
    FIRST_MARK,
    answer_label,
    assumed_summary,
    gain_text,
    gap_notes,
    opd_rows,
    opd_short,
    opportunity_text,
    summary_lines,
)
from kla_cli.render.ladder import ladder_json, ladder_markdown, ladder_text, tier_json
from kla_cli.render.markdown import md_escape, md_table
from kla_cli.render.tables import BoxTable, Column, spans
from kla_cli.render.terminal import Page

TABLE_OPPORTUNITIES = 5
"""Opportunities shown on the one-screen table (Markdown and JSON list them all)."""


def action_json(action: Action, lang: Lang) -> dict[str, Any]:
    return {
        "kind": action.kind.value,
        "code": action.code,
        "question": action.question.get(lang),
        "indicator": action.indicator,
        "indicator_name": action.indicator_name.get(lang),
        "group": action.group,
        "opd": list(action.opds),
        "answer_from": answer_json(action.answer_from),
        "answer_to": answer_json(action.answer_to),
        "points_from": action.points_from,
        "points_to": action.points_to,
        "gain": action.gain,
        "max": action.max,
        "effort": action.effort.value if action.effort else None,
        "evidence_required": action.evidence_required,
        "evidence_asked": action.evidence_asked.get(lang) if action.evidence_asked else None,
    }


def gap_json(
    analysis: GapAnalysis,
    lang: Lang,
    *,
    before: ScoreResult | None = None,
    assumed: Mapping[str, Answer] | None = None,
) -> dict[str, Any]:
    """The JSON contract of `kla gap --format json`."""
    result = analysis.result
    plan = analysis.plan
    data: dict[str, Any] = {
        "region": result.region,
        "year": result.year,
        "rubric": {"id": result.rubric_id, "version": result.rubric_version},
        "basis": analysis.basis.value,
        "target": {**(tier_json(analysis.target) or {}), "floor": analysis.floor},
        "total": analysis.total,
        "predicate": analysis.predicate.name.id if analysis.predicate else None,
        "predicate_id": analysis.predicate.id if analysis.predicate else None,
        "total_self_assessed": result.total,
        "total_evidenced": result.total_evidenced,
        "total_verified": result.total_verified,
        "points_needed": analysis.points_needed,
        "reached": analysis.reached,
        "ladder": ladder_json(analysis.ladder),
        "cuts": cuts_json(analysis.cuts, lang),
        "quick_wins": [action_json(a, lang) for a in analysis.quick_wins],
        "opportunities": [action_json(a, lang) for a in analysis.opportunities],
        "plan": {
            "actions": [action_json(a, lang) for a in plan.actions],
            "start_total": plan.start_total,
            "end_total": plan.end_total,
            "reaches_target": plan.reached,
            "max_reachable": plan.max_reachable,
        },
        "plan_by_opd": [
            {
                "opd": g.opd,
                "name": g.name,
                "gain": g.gain,
                "actions": [action_json(a, lang) for a in g.actions],
            }
            for g in analysis.plan_by_opd
        ],
        "places": places_json(result),
    }
    if assumed:
        data["assumed"] = {code: answer_json(answer) for code, answer in assumed.items()}
    if before is not None:
        data["before"] = {
            "total_self_assessed": before.total,
            "total_evidenced": before.total_evidenced,
        }
    return data


def gap_markdown(
    analysis: GapAnalysis,
    rubric: Rubric,
    lang: Lang,
    *,
    assumed_line: str | None = None,
) -> str:
    index = rubric.item_index
    result = analysis.result
    title = f"# {t('gap.title', lang)}: {md_escape(result.region or '-')} {result.year or ''}"
    lines = [title.rstrip(), ""]
    if assumed_line:
        lines += [f"> {assumed_line}", ""]
    lines += [f"- {line}" for line in summary_lines(analysis, lang)]
    lines += ["", f"## {t('gap.ladder', lang)}", ""]
    lines += ladder_markdown(analysis.ladder, lang)
    if rule := band_rule(rubric, lang):  # the bands' half-open rule, stated once
        lines += ["", md_escape(rule)]
    # On the verified basis the plan starts with what the verifier cut.
    if analysis.basis is Basis.VERIFIED:
        lines += ["", *cuts_markdown(analysis.cuts, rubric, lang)]
    # Quick wins first: adding documents for answers already given costs least.
    if analysis.quick_wins:
        lines += ["", f"## {t('gap.quick_wins', lang)}", ""]
        lines += md_table(
            [
                t("gap.col.item", lang),
                t("gap.col.done", lang),
                t("gap.cut.asked", lang),
                "OPD",
                t("gap.col.gain", lang),
            ],
            [
                [
                    f"{a.code} {a.question.get(lang)}",
                    answer_label(index[a.code][1], a.answer_from, lang),
                    a.evidence_asked.get(lang) if a.evidence_asked else "-",
                    ", ".join(opd_short(rubric, o) for o in a.opds),
                    gain_text(a, lang),
                ]
                for a in analysis.quick_wins
            ],
            right=(4,),
        )
    if analysis.plan_by_opd:
        lines += ["", f"## {t('gap.plan_by_opd', lang)}"]
        for name, rows in opd_rows(analysis, rubric, lang):
            lines += ["", f"### {md_escape(name)}", ""]
            lines += md_table(
                [
                    t("gap.col.item", lang),
                    t("gap.col.done", lang),
                    t("gap.col.todo", lang),
                    t("gap.col.responsible", lang),
                    t("gap.col.data", lang),
                    t("gap.col.gain", lang),
                ],
                [
                    [
                        f"{r.code} {r.item}",
                        r.done,
                        r.todo,
                        r.responsible,
                        r.data_needed,
                        f"+{fmt_points(r.gain, lang)}",
                    ]
                    for r in rows
                ],
                right=(5,),
            )
    if analysis.opportunities:
        lines += ["", f"## {t('gap.opportunities', lang)}", ""]
        lines += md_table(
            [
                t("gap.col.item", lang),
                t("gap.col.indicator", lang),
                t("gap.col.step", lang),
                "OPD",
                t("gap.col.effort", lang),
                t("gap.col.gain", lang),
            ],
            [
                [
                    f"{a.code} {a.question.get(lang)}",
                    f"{a.indicator}. {a.indicator_name.get(lang)} ({a.group})",
                    opportunity_text(a, index[a.code][1], lang),
                    ", ".join(a.opds),
                    t(f"gap.effort.{a.effort.value}", lang) if a.effort else "-",
                    gain_text(a, lang),
                ]
                for a in analysis.opportunities
            ],
            right=(5,),
        )
    if places := place_lines(result, lang, names=None):  # Markdown names every place
        lines += ["", f"## {t('gap.places', lang)}", ""]
        lines += [f"- {md_escape(line)}" for line in places]
    notes = gap_notes(analysis, lang)
    if notes:
        lines += ["", *[f"> {n}" for n in notes]]
    return "\n".join(lines) + "\n"


CSV_COLUMNS = ("opd", "code", "item", "done", "todo", "responsible", "data_needed", "gain")


def gap_csv(analysis: GapAnalysis, rubric: Rubric, lang: Lang, *, excel: bool = False) -> str:
    """The plan per OPD, one row per action (dot decimals, formula-safe text)."""
    return csv_text(
        CSV_COLUMNS,
        [
            (name, r.code, r.item, r.done, r.todo, r.responsible, r.data_needed, r.gain)
            for name, rows in opd_rows(analysis, rubric, lang)
            for r in rows
        ],
        excel=excel,
    )


def gap_table(
    analysis: GapAnalysis,
    rubric: Rubric,
    lang: Lang,
    *,
    color: bool,
    width: int,
    assumed_line: str | None = None,
) -> str:
    """One screen: totals, target and points needed, ladder, top opportunities, plan per OPD."""
    return gap_page(analysis, rubric, lang, width=width, assumed_line=assumed_line).text(
        color=color
    )


def gap_page(
    analysis: GapAnalysis,
    rubric: Rubric,
    lang: Lang,
    *,
    width: int,
    assumed_line: str | None = None,
) -> Page:
    index = rubric.item_index
    result = analysis.result
    page = Page(width)

    # names from workbooks are text, never markup (`[lama]` stays, `[/bold]` cannot break it)
    title = f"{t('gap.title', lang)} · {result.region or '-'} · {result.year or '-'}"
    page.line((shown(title), "bold"))
    if assumed_line:
        page.line((assumed_line, "yellow"))
    summary = summary_lines(analysis, lang)
    page.line(summary[0])
    page.line((summary[1], "bold cyan"))
    for line in summary[2:]:
        page.line((line, "bold"))
    page.line(ladder_text(analysis.ladder, lang))
    if rule := band_rule(rubric, lang):  # the bands' half-open rule, stated once
        page.line((shown(rule), "dim"))
    if analysis.basis is Basis.VERIFIED:
        print_cuts(page, analysis.cuts, rubric, lang)

    if analysis.plan_by_opd:
        page.table(_plan_table(analysis, rubric, lang, width))
        page.line((t("gap.first_legend", lang, mark=FIRST_MARK), "dim"))

    wraps = analysis.basis is Basis.VERIFIED
    planned = {a.code for a in analysis.plan.actions}
    others = [a for a in analysis.opportunities if a.code not in planned]
    if others and not analysis.reached:
        page.line((t("gap.more_opportunities", lang), "bold"))
        for action in others[:TABLE_OPPORTUNITIES]:
            item = index[action.code][1]
            # the answer, the points and the OPDs are never cut: the question gives way
            tail = (
                f": {opportunity_text(action, item, lang)} "
                f"({', '.join(opd_short(rubric, o) for o in action.opds)})"
            )
            room = width - 3 - len(action.code) - len(tail)
            question = action.question.get(lang)
            page.line(
                f"  {action.code} {question if wraps else _short(question, max(room, 16))}{tail}",
                overflow="fold",
            )
    if places := place_lines(result, lang, items=TERMINAL_ITEMS):
        page.line((t("gap.places", lang), "bold"))
        for line in places:
            page.line(f"  {shown(line)}")
    for note in gap_notes(analysis, lang):
        page.line((note, "dim"))
    return page


def _plan_table(analysis: GapAnalysis, rubric: Rubric, lang: Lang, width: int) -> BoxTable:
    """The plan per OPD as a table that never cuts an action or an answer: they wrap. The
    question is cut to one line (its code names it; Markdown, JSON and the sheet give it whole),
    except on the verified basis, where the plan is a work list and every text wraps. Each OPD
    is a bold row above its actions; an action to do first starts with the marker."""
    gain_width = max(7, len(t("gap.col.gain", lang)))
    effort_width = max(
        len(t(key, lang)) for key in ("gap.col.effort", *(f"gap.effort.{e.value}" for e in Effort))
    )
    # Five columns cost 16 characters of borders and padding; the effort and points columns
    # are never wrapped, and the text columns share the rest (item 40 %, done and to-do 30 %).
    rest = max(36, width - 16 - effort_width - gain_width)
    side = rest * 3 // 10
    item = t("gap.col.item", lang)
    question = (
        Column(item, width=rest - 2 * side, overflow="fold")
        if analysis.basis is Basis.VERIFIED
        else Column(item, width=rest - 2 * side, no_wrap=True, overflow="ellipsis")
    )
    columns = [
        question,
        *(
            Column(t(key, lang), width=side, overflow="fold")
            for key in ("gap.col.done", "gap.col.todo")
        ),
        Column(t("gap.col.effort", lang), no_wrap=True, min_width=effort_width),
        Column(t("gap.col.gain", lang), justify="right", no_wrap=True, min_width=gain_width),
    ]
    table = BoxTable(columns, title=t("gap.plan_by_opd", lang))
    groups = zip(analysis.plan_by_opd, opd_rows(analysis, rubric, lang), strict=True)
    for group, (_, rows) in groups:
        table.add_row(spans((opd_short(rubric, group.opd), "bold")), "", "", "", "")
        for row in rows:
            mark = f"{FIRST_MARK} " if row.first else "  "
            table.add_row(
                f"{mark}{row.code} {row.item}",
                row.done,
                row.todo,
                row.effort,
                f"+{fmt_points(row.gain, lang)}",
            )
    return table


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_gap(
    analysis: GapAnalysis,
    rubric: Rubric,
    fmt: Format,
    lang: Lang,
    *,
    before: ScoreResult | None = None,
    assumed: Mapping[str, Answer] | None = None,
    color: bool = False,
    width: int = 100,
    excel: bool = False,
) -> str | bytes:
    """`excel`: CSV for Excel set to Indonesian (see `render.csv_text`)."""
    if fmt is Format.XLSX:
        from kla_cli.render.gap_sheet import gap_workbook

        return gap_workbook(analysis, rubric, lang)
    assumed_line = assumed_summary(rubric, assumed, before, lang) if assumed else None
    if fmt is Format.JSON:
        data = gap_json(analysis, lang, before=before, assumed=assumed)
        return json_text("gap", data)
    if fmt is Format.MARKDOWN:
        return gap_markdown(analysis, rubric, lang, assumed_line=assumed_line)
    if fmt is Format.CSV:
        return gap_csv(analysis, rubric, lang, excel=excel)
    return gap_table(analysis, rubric, lang, color=color, width=width, assumed_line=assumed_line)
