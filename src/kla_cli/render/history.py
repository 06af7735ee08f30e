"""Render a `History`: its year table (shared by every format), JSON, Markdown, terminal."""

from __future__ import annotations

import json
from typing import Any

from kla_cli.core.history import History, predicate_name, story
from kla_cli.i18n.messages import Lang, t
from kla_cli.render.formats import OutFormat
from kla_cli.render.markdown import document_markdown
from kla_cli.render.tables import Table
from kla_cli.render.terminal import document_terminal


def history_title(history: History, lang: Lang) -> str:
    return " · ".join(p for p in (t("history.title", lang), history.region) if p)


def history_table(history: History, lang: Lang) -> Table:
    return Table(
        "history",
        t("history.sheet", lang),
        (
            t("score.year", lang),
            t("score.total", lang),
            t("score.total_evidenced", lang),
            t("score.predicate", lang),
            t("compare.change", lang),
            t("history.source", lang),
        ),
        tuple(
            (
                y.year,
                y.snapshot.total,
                y.snapshot.total_evidenced,
                predicate_name(y.snapshot, history.lowest, lang),
                history.change(i),
                y.source,
            )
            for i, y in enumerate(history.years)
        ),
        signed=(4,),
    )


def history_json(history: History, lang: Lang) -> dict[str, Any]:
    return {
        "region": history.region,
        "story": story(history, lang),
        "years": [
            {
                "year": y.year,
                "source": y.source,
                "total": y.snapshot.total,
                "total_evidenced": y.snapshot.total_evidenced,
                "max_total": y.snapshot.max_total,
                "predicate": y.snapshot.predicate,
                "predicate_id": y.snapshot.predicate_id,
                "change": history.change(i),
                "rubric": {"id": y.snapshot.rubric_id, "version": y.snapshot.rubric_version},
            }
            for i, y in enumerate(history.years)
        ],
    }


def render_history(
    history: History, fmt: OutFormat, lang: Lang, *, color: bool = False, width: int = 100
) -> str | bytes:
    """Text for every format but Excel (bytes)."""
    if fmt is OutFormat.XLSX:
        from kla_cli.render.xlsx import history_workbook

        return history_workbook(history, lang)
    if fmt is OutFormat.HTML:
        from kla_cli.render.html import history_html

        return history_html(history, lang)
    if fmt is OutFormat.JSON:
        return json.dumps(history_json(history, lang), ensure_ascii=False, indent=2) + "\n"
    title = history_title(history, lang)
    lead = f"{t('history.story', lang)}: {story(history, lang)}"
    tables = [history_table(history, lang)]
    if fmt is OutFormat.MARKDOWN:
        return document_markdown(title, tables, lang, lead=lead)
    return document_terminal(title, tables, lang, lead=lead, color=color, width=width)
