"""The terminal: the one console every table is drawn on, a `Page` of lines and boxed tables,
and `Table`s drawn on it.

A `Page` is drawn by rich in colour and, without colour (a pipe, NO_COLOR, --output), by
`render/plain_box.py` in the same characters without importing rich's console (about a sixth
of a `kla score` run). `rich_page_text` stays the reference the plain drawing is tested
against. rich is imported inside the functions, so commands that never draw start faster.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kla_cli.i18n.display import shown
from kla_cli.i18n.messages import Lang
from kla_cli.render.tables import BoxTable, Column, Spans, Table, cell_text, spans, text_of

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


Line = tuple[Spans, str]
"""A line of text and how a word longer than the width is shown (`fold`, `ellipsis`)."""


class Page:
    """What a command prints on a terminal `width` columns wide: lines (wrapped at the width)
    and boxed tables. Every text is shown as it is, never read as markup."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.blocks: list[Line | BoxTable] = []

    def line(self, *parts: str | tuple[str, str | None], overflow: str = "fold") -> None:
        self.blocks.append((spans(*parts), overflow))

    def table(self, table: BoxTable) -> None:
        self.blocks.append(table)

    def text(self, *, color: bool) -> str:
        """The page in colour (drawn by rich), else plain (without rich's console)."""
        if color:
            return rich_page_text(self, color=True)
        from kla_cli.render.plain_box import box_lines, print_lines

        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, tuple):
                out += print_lines(text_of(block[0]), self.width, block[1])
            else:
                out += box_lines(block, self.width)
        return "".join(f"{line}\n" for line in out)


def rich_page_text(page: Page, *, color: bool = False) -> str:
    """`page` drawn by rich (the reference of the plain drawing)."""
    from rich.table import Table as RichTable
    from rich.text import Text

    console = new_console(color=color, width=page.width)
    for block in page.blocks:
        if isinstance(block, tuple):
            console.print(_rich_text(block[0]), overflow=block[1])  # type: ignore[arg-type]
            continue
        title = Text(block.title, style="table.title") if block.title else None
        table = RichTable(
            title=title, title_justify="left", show_lines=block.show_lines, expand=block.expand
        )
        for column in block.columns:
            table.add_column(
                Text(column.header),
                justify=column.justify,
                no_wrap=column.no_wrap,
                overflow=column.overflow,
                width=column.width,
                min_width=column.min_width,
                ratio=column.ratio,
            )
        for index, row in enumerate(block.rows):
            table.add_row(*(_rich_text(cell) for cell in row))
            if index in block.sections:
                table.add_section()
        console.print(table)
    return console_text(console)


def _rich_text(parts: Spans) -> Any:
    from rich.text import Text

    text = Text()
    for part, style in parts:
        text.append(part, style)
    return text


def document_page(
    title: str,
    tables: Sequence[Table],
    lang: Lang,
    *,
    notes: Sequence[str] = (),
    lead: str = "",
    width: int,
) -> Page:
    """A report, comparison or history as lines and boxed tables."""
    page = Page(width)
    page.line((shown(title), "bold"))
    if lead:
        page.line(shown(lead))
    for table in tables:
        if not any(table.headers):
            page.line()
            for label, value, *_ in table.rows:
                page.line(
                    (f"{shown(cell_text(label, lang))}:", "bold"),
                    f" {shown(cell_text(value, lang))}",
                )
            continue
        if table.lead:
            page.line(shown(table.lead))
        if not table.rows:
            page.line((shown(table.title), "bold"), f": {shown(table.empty or '-')}")
            continue
        box = BoxTable(
            [
                Column(header, justify="right" if table.numeric(column) else "left")
                for column, header in enumerate(table.headers)
            ],
            title=table.title,
        )
        for row in table.rows:
            box.add_row(
                *(
                    shown(cell_text(value, lang, signed=column in table.signed))
                    for column, value in enumerate(row)
                )
            )
        page.table(box)
    for note in notes:
        page.line((shown(note), "dim"))
    return page
