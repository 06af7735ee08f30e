"""Render a `Comparison`: its tables (shared by every format), JSON, Markdown, terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kla_cli.core.compare import Change, Comparison, Snapshot
from kla_cli.core.predicate import predicate_label
from kla_cli.core.provisional import provisional_note
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.contract import json_text
from kla_cli.render.formats import Format
from kla_cli.render.markdown import document_markdown
from kla_cli.render.tables import Cell, Table, cell_text
from kla_cli.render.terminal import document_page


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


def _label(comparison: Comparison, key: str, lang: Lang) -> str:
    """`compare.old` and friends, or their stage wording (EM, VA) for the stages of one result."""
    return t(f"compare.stage.{key}" if comparison.stages else f"compare.{key}", lang)


def _sides(comparison: Comparison, lang: Lang) -> tuple[tuple[Cell, ...], ...]:
    old, new = comparison.old, comparison.new
    if comparison.stages:
        return (
            (t("score.region", lang), _side(new)),
            (t("compare.stage.self_assessed", lang), predicate_label(old.predicate, lang)),
            (t("compare.stage.verified", lang), predicate_label(new.predicate, lang)),
        )
    return ((t("compare.old", lang), _side(old)), (t("compare.new", lang), _side(new)))


def summary_table(comparison: Comparison, lang: Lang) -> Table:
    old, new = comparison.old, comparison.new
    rows: list[tuple[Cell, ...]] = [
        *_sides(comparison, lang),
        (t("score.total", lang), _moved(old.total, new.total, comparison.total, lang)),
    ]
    evidenced = comparison.total_evidenced
    if (
        old.total_evidenced is not None
        and new.total_evidenced is not None
        and evidenced is not None
    ):
        rows.append(
            (
                t("score.total_evidenced", lang),
                _moved(old.total_evidenced, new.total_evidenced, evidenced, lang),
            )
        )
    rows.append((t("score.predicate", lang), predicate_change(comparison, lang)))
    if old.items and new.items:
        rows.append(
            (
                t("compare.items", lang),
                t(
                    "compare.items_changed",
                    lang,
                    count=len(comparison.changed_items()),
                    total=len(comparison.items),
                ),
            )
        )
    return Table("summary", _title(comparison, lang), ("", ""), tuple(rows))


def changes_table(
    key: str,
    title: str,
    label: str,
    changes: Sequence[Change],
    lang: Lang,
    comparison: Comparison | None = None,
) -> Table:
    def head(name: str) -> str:
        return _label(comparison, name, lang) if comparison else t(f"compare.{name}", lang)

    return Table(
        key,
        title,
        (
            label,
            t("report.full_name", lang),
            head("old"),
            head("new"),
            head("change"),
            t("score.max", lang),
        ),
        tuple((c.key, c.name, c.old, c.new, c.shown_delta, c.max) for c in changes),
        empty=t("compare.none_changed", lang),
        signed=(4,),
    )


def comparison_tables(comparison: Comparison, lang: Lang, top: int) -> list[Table]:
    item = t("score.item", lang)
    old, new = comparison.old, comparison.new
    tables = [summary_table(comparison, lang)]
    # Groups are shown when either result has them (a side without any reads "-", its change
    # unknown); indicators and items only when both results have them (a result sheet has not).
    if comparison.groups:
        tables.append(
            changes_table(
                "groups",
                t("report.sheet.groups", lang),
                t("score.group", lang),
                comparison.groups,
                lang,
                comparison,
            )
        )
    if old.indicators and new.indicators:
        tables.append(
            changes_table(
                "indicators",
                t("report.sheet.indicators", lang),
                "#",
                comparison.indicators,
                lang,
                comparison,
            )
        )
    if not (old.items and new.items):
        return tables
    if comparison.stages:  # what verification cut the most first
        return [
            *tables,
            changes_table(
                "losses",
                _label(comparison, "losses", lang),
                item,
                comparison.losses(top),
                lang,
                comparison,
            ),
            changes_table(
                "gains",
                _label(comparison, "gains", lang),
                item,
                comparison.gains(top),
                lang,
                comparison,
            ),
        ]
    return [
        *tables,
        changes_table("gains", t("compare.gains", lang), item, comparison.gains(top), lang),
        changes_table("losses", t("compare.losses", lang), item, comparison.losses(top), lang),
        evidence_table(comparison, lang),
    ]


def _title(comparison: Comparison, lang: Lang) -> str:
    return t("compare.stages_title" if comparison.stages else "compare.title", lang)


def comparison_notes(comparison: Comparison, lang: Lang) -> list[str]:
    """The provisional note, when either result rests on provisional points or steps."""
    sides = (comparison.old, comparison.new)
    note = provisional_note(
        any(s.provisional for s in sides), any(s.provisional_points for s in sides), lang
    )
    return [note] if note else []


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
            "change": c.shown_delta,
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
        "stage": snapshot.stage,
        "detail": "items" if snapshot.items else ("groups" if snapshot.groups else "total"),
    }


def mismatch_lines(comparison: Comparison, lang: Lang) -> list[str]:
    """One line per way the two results are unlike one region's results over time (other
    regions, other rubrics, the years the wrong way round)."""
    return [
        t(f"compare.mismatch.{m.kind}", lang, old=m.old, new=m.new) for m in comparison.mismatches()
    ]


def comparison_json(comparison: Comparison, top: int, lang: Lang = "id") -> dict[str, Any]:
    return {
        "stages": comparison.stages,
        "warnings": [
            {"kind": m.kind, "old": m.old, "new": m.new, "message": line}
            for m, line in zip(
                comparison.mismatches(), mismatch_lines(comparison, lang), strict=True
            )
        ],
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
        return json_text("compare", comparison_json(comparison, top, lang))
    if comparison.stages:
        title = f"{_title(comparison, lang)}: {_side(comparison.new)}"
    else:
        title = f"{t('compare.title', lang)}: {_side(comparison.old)} → {_side(comparison.new)}"
    tables = comparison_tables(comparison, lang, top)
    notes = comparison_notes(comparison, lang)
    if fmt is Format.MARKDOWN:
        return document_markdown(title, tables, lang, notes)
    return document_page(title, tables, lang, notes=notes, width=width).text(color=color)
