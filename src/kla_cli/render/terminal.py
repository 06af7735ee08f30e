"""The terminal (rich): the one console every table is drawn on, and `Table`s drawn on it.

rich is imported inside the functions, so commands that never draw a table start faster.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kla_cli.i18n.messages import Lang
from kla_cli.render.tables import Table, cell_text

if TYPE_CHECKING:
    from rich.console import Console


def new_console(*, color: bool, width: int) -> Console:
    """A console writing into memory: colour only when asked, `width` columns, no highlighting."""
    from rich.console import Console

    return Console(
        file=io.StringIO(), force_terminal=color, no_color=not color, width=width, highlight=False
    )


def console_text(console: Console) -> str:
    """What was printed on a console made by `new_console`."""
    out = console.file
    assert isinstance(out, io.StringIO)
    return out.getvalue()


def document_terminal(
    title: str,
    tables: Sequence[Table],
    lang: Lang,
    *,
    notes: Sequence[str] = (),
    lead: str = "",
    color: bool,
    width: int,
) -> str:
    from rich.markup import escape
    from rich.table import Table as RichTable

    console = new_console(color=color, width=width)
    console.print(f"[bold]{escape(title)}[/]")
    if lead:
        console.print(escape(lead))
    for table in tables:
        if not any(table.headers):
            console.print()
            for label, value, *_ in table.rows:
                console.print(
                    f"[bold]{escape(cell_text(label, lang))}:[/] {escape(cell_text(value, lang))}"
                )
            continue
        if table.lead:
            console.print(escape(table.lead))
        if not table.rows:
            console.print(f"[bold]{escape(table.title)}[/]: {escape(table.empty or '-')}")
            continue
        rich = RichTable(title=table.title, title_justify="left")
        for column, header in enumerate(table.headers):
            rich.add_column(header, justify="right" if table.numeric(column) else "left")
        for row in table.rows:
            rich.add_row(
                *(
                    escape(cell_text(value, lang, signed=column in table.signed))
                    for column, value in enumerate(row)
                )
            )
        console.print(rich)
    for note in notes:
        console.print(f"[dim]{escape(note)}[/]")
    return console_text(console)
