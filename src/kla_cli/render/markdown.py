"""`Table`s as Markdown: for a repository, a wiki or a CI job summary."""

from __future__ import annotations

from collections.abc import Sequence

from kla_cli.i18n.messages import Lang
from kla_cli.render import md_escape
from kla_cli.render.tables import Table, cell_text


def table_markdown(table: Table, lang: Lang, level: int = 2) -> list[str]:
    lines = [f"{'#' * level} {md_escape(table.title)}", ""]
    if table.lead:
        lines += [md_escape(table.lead), ""]
    if not table.rows:
        return [*lines, table.empty or "-", ""]
    if not any(table.headers):  # label/value pairs
        for label, value, *_ in table.rows:
            lines.append(
                f"- **{md_escape(cell_text(label, lang))}**: {md_escape(cell_text(value, lang))}"
            )
        return [*lines, ""]
    columns = range(len(table.headers))
    lines.append("| " + " | ".join(md_escape(h) or " " for h in table.headers) + " |")
    lines.append("|" + "|".join("---:" if table.numeric(c) else "---" for c in columns) + "|")
    for row in table.rows:
        cells = (md_escape(cell_text(row[c], lang, signed=c in table.signed)) for c in columns)
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def document_markdown(
    title: str, tables: Sequence[Table], lang: Lang, notes: Sequence[str] = (), lead: str = ""
) -> str:
    lines = [f"# {md_escape(title)}", ""]
    if lead:
        lines += [md_escape(lead), ""]
    for table in tables:
        lines += table_markdown(table, lang)
    if notes:
        lines += [f"> {md_escape(n)}" for n in notes]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
