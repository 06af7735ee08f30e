"""Render a `History` in the format asked for: JSON, Markdown and terminal here, HTML and Excel
in their modules."""

from __future__ import annotations

from typing import Any

from kla_cli.core.history import History, story
from kla_cli.i18n.messages import Lang, t
from kla_cli.render.contract import json_text
from kla_cli.render.formats import Format
from kla_cli.render.history_layout import history_table, history_title
from kla_cli.render.markdown import document_markdown
from kla_cli.render.terminal import document_page


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
                "total_verified": y.snapshot.total_verified,
                "predicate_verified_id": y.snapshot.predicate_verified_id,
                "detail": "items"
                if y.snapshot.items
                else ("groups" if y.snapshot.groups else "total"),
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
    history: History, fmt: Format, lang: Lang, *, color: bool = False, width: int = 100
) -> str | bytes:
    """Text for every format but Excel (bytes)."""
    if fmt is Format.XLSX:
        from kla_cli.render.xlsx import history_workbook

        return history_workbook(history, lang)
    if fmt is Format.HTML:
        from kla_cli.render.html import history_html

        return history_html(history, lang)
    if fmt is Format.JSON:
        return json_text("history", history_json(history, lang))
    title = history_title(history, lang)
    lead = f"{t('history.story', lang)}: {story(history, lang)}"
    tables = [history_table(history, lang)]
    if fmt is Format.MARKDOWN:
        return document_markdown(title, tables, lang, lead=lead)
    return document_page(title, tables, lang, lead=lead, width=width).text(color=color)
