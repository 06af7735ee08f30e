"""Render a `Report` in the format asked for: Markdown here, HTML and Excel in their modules."""

from __future__ import annotations

from kla_cli.core.report_model import Report
from kla_cli.i18n.messages import Lang
from kla_cli.render.formats import Format
from kla_cli.render.markdown import document_markdown, md_escape
from kla_cli.render.report_front import build_front, printed_line, signature_lines
from kla_cli.render.report_layout import notes, report_tables


def report_markdown(report: Report, lang: Lang) -> str:
    front = build_front(report, lang)
    summary, *rest = report_tables(report, lang)
    lead = [
        f"**{front.badge_label}: {front.badge}** · {front.headline}. {front.next_line}",
        printed_line(report, lang),
    ]
    body = document_markdown(
        front.title,
        [summary, front.stages, front.gaps, front.actions, *rest],
        lang,
        notes(report, lang),
        lead=" · ".join(line for line in lead if line),
    )
    sign = [md_escape(line) if line else "" for line in signature_lines(report, lang)]
    return body + "\n" + "  \n".join(sign).rstrip() + "\n"


def render_report(report: Report, fmt: Format, lang: Lang) -> str | bytes:
    """Text for Markdown and HTML, bytes for Excel."""
    if fmt is Format.XLSX:
        from kla_cli.render.report_xlsx import report_workbook

        return report_workbook(report, lang)
    if fmt is Format.HTML:
        from kla_cli.render.report_html import report_html

        return report_html(report, lang)
    return report_markdown(report, lang)
