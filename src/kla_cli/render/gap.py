"""Render a `GapAnalysis` (or a bare total's ladder) as a rich table, JSON or Markdown.

`opd_rows` gives the plan per OPD as the four texts real evaluation reports use ("Telah
dilaksanakan / Belum dilaksanakan / Penanggung jawab / Data yang dibutuhkan"), for reuse by other
report writers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kla_cli.core.answers import Answer
from kla_cli.core.gap import Action, ActionKind, Basis, GapAnalysis, Rung
from kla_cli.core.rubric import AnswerType, Direction, Item, Rubric, Tier, tier_floor, tier_for
from kla_cli.core.scoring import ScoreResult
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render import Format, md_escape, safe_cell
from kla_cli.render.score import answer_json, answer_text

TABLE_OPPORTUNITIES = 5
"""Opportunities shown on the one-screen table (Markdown and JSON list them all)."""


# --- texts shared by every format ----------------------------------------------------------


def _tier_name(tier: Tier | None, lang: Lang) -> str:
    return tier.name.get(lang) if tier else t("gap.no_predicate", lang)


def answer_label(item: Item, answer: Answer | None, lang: Lang) -> str:
    """An answer as a person reads it: `62%`, `Ya`, `a (Perda KLA)`, `a, c`, `belum dijawab`."""
    if answer is None:
        return t("gap.unanswered", lang)
    text = answer_text(answer, lang)
    if item.type is AnswerType.PERCENT:
        return f"{text}%"
    if item.type is AnswerType.COUNT and item.unit:
        return f"{text} {item.unit.get(lang)}"
    if item.type is AnswerType.CHOICE:
        option = next((o for o in item.options if o.key == answer), None)
        return f"{text} ({option.label.get(lang)})" if option else text
    return text


def target_label(item: Item, answer: Answer | None, lang: Lang) -> str:
    """What to reach: `≥ 70%` for a band (`≤ 14%` when lower is better), else the answer."""
    label = answer_label(item, answer, lang)
    if item.type in (AnswerType.PERCENT, AnswerType.COUNT) and answer is not None:
        return ("≤ " if item.direction is Direction.LOWER else "≥ ") + label
    return label


def _todo(action: Action, item: Item, lang: Lang) -> str:
    if action.kind is ActionKind.EVIDENCE:
        return t("gap.todo_evidence", lang)
    if item.type is AnswerType.CHECKLIST and isinstance(action.answer_to, frozenset):
        before = action.answer_from if isinstance(action.answer_from, frozenset) else frozenset()
        added = [o for o in item.options if o.key in action.answer_to - before]
        return ", ".join(f"{o.key} ({o.label.get(lang)})" for o in added)
    return target_label(item, action.answer_to, lang)


def _data_needed(action: Action, lang: Lang) -> str:
    if action.kind is ActionKind.EVIDENCE:
        return t("gap.data_current", lang)
    return t("gap.data_new", lang) if action.evidence_required else "-"


@dataclass(frozen=True)
class OpdRow:
    """One line of an OPD's plan, as text in the user's language."""

    code: str
    item: str
    done: str
    """Telah dilaksanakan: the current answer."""
    todo: str
    """Belum dilaksanakan: the answer to reach, or the missing data dukung."""
    responsible: str
    """Penanggung jawab: every responsible OPD, lead first."""
    data_needed: str
    """Data yang dibutuhkan."""
    gain: float


def opd_short(rubric: Rubric, opd_id: str) -> str:
    """An OPD as people call it: its first alias (DP3A, Dinkes), else its name."""
    opd = next((o for o in rubric.opds if o.id == opd_id), None)
    if opd is None:
        return opd_id
    return opd.aliases[0] if opd.aliases else opd.name


def opd_rows(analysis: GapAnalysis, rubric: Rubric, lang: Lang) -> list[tuple[str, list[OpdRow]]]:
    """The plan per lead OPD: (OPD name, rows), in rubric order."""
    index = rubric.item_index
    out: list[tuple[str, list[OpdRow]]] = []
    for group in analysis.plan_by_opd:
        rows = []
        for action in group.actions:
            item = index[action.code][1]
            rows.append(
                OpdRow(
                    code=action.code,
                    item=action.question.get(lang),
                    done=answer_label(item, action.answer_from, lang),
                    todo=_todo(action, item, lang),
                    responsible=", ".join(opd_short(rubric, o) for o in action.opds),
                    data_needed=_data_needed(action, lang),
                    gain=action.gain,
                )
            )
        out.append((group.name, rows))
    return out


def _basis_label(basis: Basis, lang: Lang) -> str:
    return t(f"gap.basis.{basis.value}", lang)


def _summary_lines(analysis: GapAnalysis, lang: Lang) -> list[str]:
    """Plain lines: current total, the other total, the target and points needed, the plan."""
    p = fmt_points
    result = analysis.result
    other = Basis.SELF_ASSESSED if analysis.basis is Basis.EVIDENCED else Basis.EVIDENCED
    other_total = result.total if other is Basis.SELF_ASSESSED else result.total_evidenced
    other_tier = result.predicate if other is Basis.SELF_ASSESSED else result.predicate_evidenced
    lines = [
        t(
            "gap.current",
            lang,
            label=_basis_label(analysis.basis, lang),
            total=p(analysis.total, lang),
            predicate=_tier_name(analysis.predicate, lang),
            other=_basis_label(other, lang).lower(),
            other_total=p(other_total, lang),
            other_predicate=_tier_name(other_tier, lang),
        ),
        _target_line(analysis.target, analysis.floor, analysis.total, analysis.points_needed, lang),
    ]
    if not analysis.reached:
        plan = analysis.plan
        if plan.reached:
            lines.append(
                t(
                    "gap.plan_summary",
                    lang,
                    count=len(plan.actions),
                    gain=p(plan.gain, lang),
                    total=p(plan.end_total, lang),
                )
            )
        else:
            lines.append(
                t(
                    "gap.unreachable",
                    lang,
                    tier=analysis.target.name.get(lang),
                    max=p(plan.max_reachable, lang),
                    floor=p(plan.floor, lang),
                )
            )
    return lines


def _target_line(tier: Tier, floor: float, total: float, needed: float, lang: Lang) -> str:
    p = fmt_points
    if needed <= 0:
        return t("gap.reached", lang, tier=tier.name.get(lang), total=p(total, lang))
    return t(
        "gap.target",
        lang,
        tier=tier.name.get(lang),
        floor=p(floor, lang),
        points=p(needed, lang),
    )


def _ladder_text(rungs: Sequence[Rung], lang: Lang) -> str:
    if not rungs:
        return t("gap.ladder_top", lang)
    steps = " · ".join(
        f"{r.tier.name.get(lang)} ≥ {fmt_points(r.floor, lang)} (+{fmt_points(r.points_needed, lang)})"
        for r in rungs
    )
    return f"{t('gap.ladder', lang)}: {steps}"


def _notes(analysis: GapAnalysis, lang: Lang) -> list[str]:
    notes = []
    if analysis.quick_wins and analysis.basis is Basis.SELF_ASSESSED:
        lost = sum(a.gain for a in analysis.quick_wins)
        notes.append(
            t(
                "gap.self_assessed_note",
                lang,
                count=len(analysis.quick_wins),
                points=fmt_points(lost, lang),
            )
        )
    if analysis.result.provisional:
        notes.append(t("score.provisional", lang))
    return notes


def _gain(action: Action, lang: Lang) -> str:
    return f"+{fmt_points(action.gain, lang)}"


def _opportunity_text(action: Action, item: Item, lang: Lang) -> str:
    return t(
        "gap.gives",
        lang,
        answer_from=answer_label(item, action.answer_from, lang),
        answer_to=target_label(item, action.answer_to, lang),
        gain=fmt_points(action.gain, lang),
    )


# --- JSON ----------------------------------------------------------------------------------


def _tier_json(tier: Tier | None) -> dict[str, Any] | None:
    return {"id": tier.id, "name": tier.name.id} if tier else None


def _ladder_json(rungs: Sequence[Rung]) -> list[dict[str, Any]]:
    return [
        {
            "tier": r.tier.name.id,
            "tier_id": r.tier.id,
            "floor": r.floor,
            "points_needed": r.points_needed,
        }
        for r in rungs
    ]


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
        "target": {**(_tier_json(analysis.target) or {}), "floor": analysis.floor},
        "total": analysis.total,
        "predicate": analysis.predicate.name.id if analysis.predicate else None,
        "predicate_id": analysis.predicate.id if analysis.predicate else None,
        "total_self_assessed": result.total,
        "total_evidenced": result.total_evidenced,
        "points_needed": analysis.points_needed,
        "reached": analysis.reached,
        "ladder": _ladder_json(analysis.ladder),
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
    }
    if assumed:
        data["assumed"] = {code: answer_json(answer) for code, answer in assumed.items()}
    if before is not None:
        data["before"] = {
            "total_self_assessed": before.total,
            "total_evidenced": before.total_evidenced,
        }
    return data


# --- Markdown ------------------------------------------------------------------------------


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]], right: int = 0) -> list[str]:
    """A Markdown table; the last `right` columns are right-aligned."""
    align = ["---"] * (len(header) - right) + ["---:"] * right
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    return lines


def _ladder_md(rungs: Sequence[Rung], lang: Lang) -> list[str]:
    return _md_table(
        [t("gap.col.tier", lang), t("gap.col.floor", lang), t("gap.col.needed", lang)],
        [
            [r.tier.name.get(lang), fmt_points(r.floor, lang), fmt_points(r.points_needed, lang)]
            for r in rungs
        ],
        right=2,
    )


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
    lines += [f"- {line}" for line in _summary_lines(analysis, lang)]
    lines += ["", f"## {t('gap.ladder', lang)}", ""]
    lines += _ladder_md(analysis.ladder, lang)
    # Quick wins first: adding documents for answers already given costs least.
    if analysis.quick_wins:
        lines += ["", f"## {t('gap.quick_wins', lang)}", ""]
        lines += _md_table(
            [t("gap.col.item", lang), t("gap.col.done", lang), "OPD", t("gap.col.gain", lang)],
            [
                [
                    f"{a.code} {a.question.get(lang)}",
                    answer_label(index[a.code][1], a.answer_from, lang),
                    ", ".join(a.opds),
                    _gain(a, lang),
                ]
                for a in analysis.quick_wins
            ],
            right=1,
        )
    if analysis.plan_by_opd:
        lines += ["", f"## {t('gap.plan_by_opd', lang)}"]
        for name, rows in opd_rows(analysis, rubric, lang):
            lines += ["", f"### {md_escape(name)}", ""]
            lines += _md_table(
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
                right=1,
            )
    if analysis.opportunities:
        lines += ["", f"## {t('gap.opportunities', lang)}", ""]
        lines += _md_table(
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
                    _opportunity_text(a, index[a.code][1], lang),
                    ", ".join(a.opds),
                    t(f"gap.effort.{a.effort.value}", lang) if a.effort else "-",
                    _gain(a, lang),
                ]
                for a in analysis.opportunities
            ],
            right=1,
        )
    notes = _notes(analysis, lang)
    if notes:
        lines += ["", *[f"> {n}" for n in notes]]
    return "\n".join(lines) + "\n"


# --- CSV -----------------------------------------------------------------------------------

CSV_COLUMNS = ("opd", "code", "item", "done", "todo", "responsible", "data_needed", "gain")


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def gap_csv(analysis: GapAnalysis, rubric: Rubric, lang: Lang) -> str:
    """The plan per OPD, one row per action (dot decimals, formula-safe text)."""
    return _csv(
        CSV_COLUMNS,
        [
            (name, r.code, r.item, r.done, r.todo, r.responsible, r.data_needed, r.gain)
            for name, rows in opd_rows(analysis, rubric, lang)
            for r in rows
        ],
    )


# --- table ---------------------------------------------------------------------------------


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
    from rich.console import Console
    from rich.table import Table

    index = rubric.item_index
    result = analysis.result
    console = Console(
        file=io.StringIO(), force_terminal=color, no_color=not color, width=width, highlight=False
    )
    console.print(
        f"[bold]{t('gap.title', lang)} · {result.region or '-'} · {result.year or '-'}[/]"
    )
    if assumed_line:
        console.print(f"[yellow]{assumed_line}[/]")
    summary = _summary_lines(analysis, lang)
    console.print(summary[0])
    console.print(f"[bold cyan]{summary[1]}[/]")
    for line in summary[2:]:
        console.print(f"[bold]{line}[/]")
    console.print(_ladder_text(analysis.ladder, lang))

    if analysis.plan_by_opd:
        table = Table(title=t("gap.plan_by_opd", lang), title_justify="left")
        gain_width = max(7, len(t("gap.col.gain", lang)))
        # Five columns cost 16 characters of borders and padding; the points column is never
        # cut, and the text columns share the rest (item 40 %, done and to-do 30 % each).
        rest = max(36, width - 16 - 11 - gain_width)
        side = rest * 3 // 10
        item_width = rest - 2 * side
        table.add_column("OPD", no_wrap=True, overflow="ellipsis", width=11)
        table.add_column(
            t("gap.col.item", lang), no_wrap=True, overflow="ellipsis", width=item_width
        )
        for key in ("gap.col.done", "gap.col.todo"):
            table.add_column(t(key, lang), no_wrap=True, overflow="ellipsis", width=side)
        table.add_column(
            t("gap.col.gain", lang), justify="right", no_wrap=True, min_width=gain_width
        )
        for group, (_, rows) in zip(
            analysis.plan_by_opd, opd_rows(analysis, rubric, lang), strict=True
        ):
            for k, row in enumerate(rows):
                table.add_row(
                    opd_short(rubric, group.opd) if k == 0 else "",
                    f"{row.code} {row.item}",
                    row.done,
                    row.todo,
                    f"+{fmt_points(row.gain, lang)}",
                )
        console.print(table)

    planned = {a.code for a in analysis.plan.actions}
    others = [a for a in analysis.opportunities if a.code not in planned]
    if others and not analysis.reached:
        console.print(f"[bold]{t('gap.more_opportunities', lang)}[/]")
        for action in others[:TABLE_OPPORTUNITIES]:
            item = index[action.code][1]
            console.print(
                f"  {action.code} {_short(action.question.get(lang))}: "
                f"{_opportunity_text(action, item, lang)} "
                f"({', '.join(opd_short(rubric, o) for o in action.opds)})",
                no_wrap=True,
                overflow="ellipsis",
            )
    for note in _notes(analysis, lang):
        console.print(f"[dim]{note}[/]")
    out = console.file
    assert isinstance(out, io.StringIO)
    return out.getvalue()


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
) -> str:
    assumed_line = _assumed_line(rubric, assumed, before, lang) if assumed else None
    if fmt is Format.JSON:
        data = gap_json(analysis, lang, before=before, assumed=assumed)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt is Format.MARKDOWN:
        return gap_markdown(analysis, rubric, lang, assumed_line=assumed_line)
    if fmt is Format.CSV:
        return gap_csv(analysis, rubric, lang)
    return gap_table(analysis, rubric, lang, color=color, width=width, assumed_line=assumed_line)


def _assumed_line(
    rubric: Rubric,
    assumed: Mapping[str, Answer],
    before: ScoreResult | None,
    lang: Lang,
) -> str:
    index = rubric.item_index
    answers = ", ".join(
        f"{code} = {answer_label(index[code][1], answer, lang)}" for code, answer in assumed.items()
    )
    if before is None:
        return t("gap.assumed", lang, answers=answers)
    return t(
        "gap.assumed_before",
        lang,
        answers=answers,
        total=fmt_points(before.total, lang),
        evidenced=fmt_points(before.total_evidenced, lang),
    )


# --- a bare total: the ladder alone --------------------------------------------------------


def render_ladder(
    rubric: Rubric,
    total: float,
    target: Tier,
    rungs: Sequence[Rung],
    needed: float,
    fmt: Format,
    lang: Lang,
) -> str:
    """`kla gap --score 588,40 --target madya`: the total, its predikat and the ladder."""
    predicate = tier_for(rubric, total)
    floor = tier_floor(rubric, target)
    if fmt is Format.JSON:
        data = {
            "target": {**(_tier_json(target) or {}), "floor": floor},
            "total": total,
            "predicate": predicate.name.id if predicate else None,
            "predicate_id": predicate.id if predicate else None,
            "points_needed": needed,
            "reached": needed <= 0,
            "ladder": _ladder_json(rungs),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt is Format.CSV:
        return _csv(
            ("tier", "tier_id", "floor", "points_needed"),
            [(r.tier.name.id, r.tier.id, r.floor, r.points_needed) for r in rungs],
        )
    lines = [
        t(
            "gap.score_line",
            lang,
            total=fmt_points(total, lang),
            predicate=_tier_name(predicate, lang),
        ),
        _target_line(target, floor, total, needed, lang),
    ]
    if fmt is Format.MARKDOWN:
        out = [f"# {t('gap.ladder', lang)}", "", *[f"- {line}" for line in lines], ""]
        out += _ladder_md(rungs, lang)
        return "\n".join(out) + "\n"
    return "\n".join([*lines, _ladder_text(rungs, lang)]) + "\n"
