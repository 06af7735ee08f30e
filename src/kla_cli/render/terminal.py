"""The terminal (rich): the one console every table is drawn on, and `Table`s drawn on it.

rich is imported inside the functions, so commands that never draw a table start faster.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kla_cli.i18n.display import shown
from kla_cli.i18n.messages import Lang
from kla_cli.render.tables import Table, cell_text

if TYPE_CHECKING:
    from rich.console import Console


def plain(text: str) -> str:
    """Text from workbooks and rubrics for a console: never markup (`[lama]` stays, `[/bold]` is
    shown), control characters shown as escapes (`\\x0b`), never sent raw to the terminal."""
    from rich.markup import escape

    return escape(shown(text))


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
    from rich.table import Table as RichTable

    console = new_console(color=color, width=width)
    console.print(f"[bold]{plain(title)}[/]")
    if lead:
        console.print(plain(lead))
    for table in tables:
        if not any(table.headers):
            console.print()
            for label, value, *_ in table.rows:
                console.print(
                    f"[bold]{plain(cell_text(label, lang))}:[/] {plain(cell_text(value, lang))}"
                )
            continue
        if table.lead:
            console.print(plain(table.lead))
        if not table.rows:
            console.print(f"[bold]{plain(table.title)}[/]: {plain(table.empty or '-')}")
            continue
        rich = RichTable(title=table.title, title_justify="left")
        for column, header in enumerate(table.headers):
            rich.add_column(header, justify="right" if table.numeric(column) else "left")
        for row in table.rows:
            rich.add_row(
                *(
                    plain(cell_text(value, lang, signed=column in table.signed))
                    for column, value in enumerate(row)
                )
            )
        console.print(rich)
    for note in notes:
        console.print(f"[dim]{plain(note)}[/]")
    return console_text(console)
