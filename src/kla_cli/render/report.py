"""Render a `Report` in the format asked for: Markdown here, HTML and Excel in their modules."""

from __future__ import annotations

from kla_cli.core.report_model import Report
from kla_cli.i18n.messages import Lang
from kla_cli.render.formats import Format
from kla_cli.render.markdown import document_markdown
from kla_cli.render.report_layout import heading, notes, report_tables


def report_markdown(report: Report, lang: Lang) -> str:
    return document_markdown(
        heading(report, lang), report_tables(report, lang), lang, notes(report, lang)
    )


def render_report(report: Report, fmt: Format, lang: Lang) -> str | bytes:
    """Text for Markdown and HTML, bytes for Excel."""
    if fmt is Format.XLSX:
        from kla_cli.render.xlsx import report_workbook

        return report_workbook(report, lang)
    if fmt is Format.HTML:
        from kla_cli.render.html import report_html

        return report_html(report, lang)
    return report_markdown(report, lang)
