"""Render a `Comparison`: its tables (shared by every format), JSON, Markdown, terminal."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from kla_cli.core.compare import Change, Comparison, Snapshot
from kla_cli.core.predicate import predicate_label
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.formats import Format
from kla_cli.render.markdown import document_markdown
from kla_cli.render.tables import Cell, Table, cell_text
from kla_cli.render.terminal import document_terminal


def _side(snapshot: Snapshot) -> str:
    return " ".join(p for p in (snapshot.region or "-", snapshot.year or "") if p)


def predicate_change(comparison: Comparison, lang: Lang) -> str:
    old = predicate_label(comparison.old.predicate, lang)
    new = predicate_label(comparison.new.predicate, lang)
    if comparison.predicate_move > 0:
        return t("compare.predicate_up", lang, old=old, new=new)
    if comparison.predicate_move < 0:
        return t("compare.predicate_down", lang, old=old, new=new)
    return t("compare.predicate_same", lang, name=new)


def _moved(old: float, new: float, change: float, lang: Lang) -> str:
    return f"{fmt_points(old, lang)} → {fmt_points(new, lang)} ({cell_text(change, lang, signed=True)})"


def summary_table(comparison: Comparison, lang: Lang) -> Table:
    old, new = comparison.old, comparison.new
    rows: tuple[tuple[Cell, ...], ...] = (
        (t("compare.old", lang), _side(old)),
        (t("compare.new", lang), _side(new)),
        (t("score.total", lang), _moved(old.total, new.total, comparison.total, lang)),
        (
            t("score.total_evidenced", lang),
            _moved(old.total_evidenced, new.total_evidenced, comparison.total_evidenced, lang),
        ),
        (t("score.predicate", lang), predicate_change(comparison, lang)),
        (
            t("compare.items", lang),
            t(
                "compare.items_changed",
                lang,
                count=len(comparison.changed_items()),
                total=len(comparison.items),
            ),
        ),
    )
    return Table("summary", t("compare.title", lang), ("", ""), rows)


def changes_table(key: str, title: str, label: str, changes: Sequence[Change], lang: Lang) -> Table:
    return Table(
        key,
        title,
        (
            label,
            t("report.full_name", lang),
            t("compare.old", lang),
            t("compare.new", lang),
            t("compare.change", lang),
            t("score.max", lang),
        ),
        tuple((c.key, c.name, c.old, c.new, c.delta, c.max) for c in changes),
        empty=t("compare.none_changed", lang),
        signed=(4,),
    )


def comparison_tables(comparison: Comparison, lang: Lang, top: int) -> list[Table]:
    return [
        summary_table(comparison, lang),
        changes_table(
            "groups",
            t("report.sheet.groups", lang),
            t("score.group", lang),
            comparison.groups,
            lang,
        ),
        changes_table(
            "indicators", t("report.sheet.indicators", lang), "#", comparison.indicators, lang
        ),
        changes_table(
            "gains", t("compare.gains", lang), t("score.item", lang), comparison.gains(top), lang
        ),
        changes_table(
            "losses", t("compare.losses", lang), t("score.item", lang), comparison.losses(top), lang
        ),
        evidence_table(comparison, lang),
    ]


def evidence_table(comparison: Comparison, lang: Lang) -> Table:
    """Items answered alike whose evidenced points moved: data dukung added or lost."""
    return Table(
        "evidence",
        t("compare.evidence", lang),
        (
            t("score.item", lang),
            t("report.full_name", lang),
            t("compare.old_evidenced", lang),
            t("compare.new_evidenced", lang),
            t("compare.change", lang),
            t("score.max", lang),
        ),
        tuple(
            (c.key, c.name, c.old_evidenced, c.new_evidenced, c.delta_evidenced, c.max)
            for c in comparison.evidence_changes()
        ),
        empty=t("compare.none_changed", lang),
        signed=(4,),
    )


def _changes_json(changes: Sequence[Change]) -> list[dict[str, Any]]:
    return [
        {
            "key": c.key,
            "name": c.name,
            "old": c.old,
            "new": c.new,
            "change": c.delta,
            "old_evidenced": c.old_evidenced,
            "new_evidenced": c.new_evidenced,
            "change_evidenced": c.delta_evidenced,
            "max": c.max,
        }
        for c in changes
    ]


def _side_json(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "region": snapshot.region,
        "year": snapshot.year,
        "rubric": {"id": snapshot.rubric_id, "version": snapshot.rubric_version},
        "total": snapshot.total,
        "total_evidenced": snapshot.total_evidenced,
        "predicate": snapshot.predicate,
        "predicate_id": snapshot.predicate_id,
    }


def comparison_json(comparison: Comparison, top: int) -> dict[str, Any]:
    return {
        "old": _side_json(comparison.old),
        "new": _side_json(comparison.new),
        "change": {
            "total": comparison.total,
            "total_evidenced": comparison.total_evidenced,
            "predicate": comparison.predicate_move,
        },
        "groups": _changes_json(comparison.groups),
        "indicators": _changes_json(comparison.indicators),
        "items": _changes_json(comparison.items),
        "gains": _changes_json(comparison.gains(top)),
        "losses": _changes_json(comparison.losses(top)),
        "evidence_changes": _changes_json(comparison.evidence_changes()),
    }


def render_comparison(
    comparison: Comparison,
    fmt: Format,
    lang: Lang,
    *,
    top: int = 10,
    color: bool = False,
    width: int = 100,
) -> str:
    if fmt is Format.JSON:
        return json.dumps(comparison_json(comparison, top), ensure_ascii=False, indent=2) + "\n"
    title = f"{t('compare.title', lang)}: {_side(comparison.old)} → {_side(comparison.new)}"
    tables = comparison_tables(comparison, lang, top)
    if fmt is Format.MARKDOWN:
        return document_markdown(title, tables, lang)
    return document_terminal(title, tables, lang, color=color, width=width)
