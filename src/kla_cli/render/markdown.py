"""Markdown, for a repository, a wiki or a CI job summary: the one table writer and `Table`s."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from kla_cli.i18n.display import document_text
from kla_cli.i18n.messages import Lang
from kla_cli.render.tables import Table, cell_text


def md_escape(text: str) -> str:
    """Text safe inside a table cell or a line: `|` escaped, line breaks made spaces, control
    characters as `document_text` leaves them."""
    return document_text(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def md_table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], right: Collection[int] = ()
) -> list[str]:
    """A Markdown table's lines; the columns numbered in `right` are right-aligned.

    Every header and cell is escaped (Markdown markup such as `**bold**` passes through)."""
    align = ("---:" if c in right else "---" for c in range(len(headers)))
    lines = [
        "| " + " | ".join(md_escape(h) or " " for h in headers) + " |",
        "|" + "|".join(align) + "|",
    ]
    lines += ["| " + " | ".join(md_escape(cell) for cell in row) + " |" for row in rows]
    return lines


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
    lines += md_table(
        table.headers,
        (
            [cell_text(row[c], lang, signed=c in table.signed) for c in columns]
            for row in table.rows
        ),
        right=[c for c in columns if table.numeric(c)],
    )
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
