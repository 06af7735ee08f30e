"""A table as every writer sees it: a title, headers and rows of numbers and texts.

Report, comparison and history layouts produce `Table`s; the Markdown, terminal, HTML and Excel
writers lay them out. Numbers stay numbers (a float is points, an int a count) until a writer
formats them, so a spreadsheet gets real numbers and a text gets 588,40.

`BoxTable` is a table as a terminal shows it (rich's default boxed table): texts already
formatted, some styled, and how each column wraps (`render/terminal.py` draws it).
"""

from typing import Literal, NamedTuple

from kla_cli.i18n.messages import Lang
from kla_cli.i18n.numbers import fmt_num, fmt_points

Cell = str | float | int | None


class Table(NamedTuple):
    key: str
    """Stable id, e.g. summary, groups, indicators, findings."""
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    empty: str = ""
    """What to say when there are no rows."""
    signed: tuple[int, ...] = ()
    """Columns holding changes, shown with a sign (+12,50)."""
    lead: str = ""
    """A sentence introducing the table."""
    percent: tuple[int, ...] = ()
    """Columns holding percentages (0–100): a spreadsheet stores them as fractions shown as %."""

    def numeric(self, column: int) -> bool:
        values = [row[column] for row in self.rows if row[column] not in (None, "")]
        return bool(values) and all(isinstance(v, int | float) for v in values)


def cell_text(value: Cell, lang: Lang, *, signed: bool = False) -> str:
    """A cell as people read it: 588,40 / 1.234 in Indonesian, 588.40 / 1,234 in English."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        text = fmt_num(value, lang, 0)
    elif isinstance(value, float):
        text = fmt_points(value, lang)
    else:
        return value
    return f"+{text}" if signed and value > 0 else text


def column_widths(table: Table, lang: Lang, budget: int = 100) -> tuple[int, ...]:
    """Widths in characters that fit the table in `budget` (an A4 portrait page holds about 100
    characters of 9–10 pt text): numbers and short texts keep their width, headers wrap at words,
    and the long text columns share what is left, none narrower than 12 (or its longest word)."""
    count = len(table.headers)
    natural = [max(4, *(len(w) for w in (h.split() or [""]))) + 2 for h in table.headers]
    longest_word = list(natural)
    for row in table.rows:
        for c in range(count):
            text = cell_text(row[c], lang)
            natural[c] = max(natural[c], len(text) + 2)
            longest_word[c] = max(longest_word[c], max((len(w) for w in text.split()), default=0))
    if sum(natural) <= budget:
        return tuple(natural)
    fixed = [c for c in range(count) if table.numeric(c) or natural[c] <= 14]
    flexible = [c for c in range(count) if c not in fixed]
    room = max(budget - sum(natural[c] for c in fixed), 12 * len(flexible))
    wanted = sum(natural[c] for c in flexible) or 1
    widths = list(natural)
    for c in flexible:
        floor = min(max(12, longest_word[c] + 1), natural[c], 30)
        widths[c] = max(floor, int(room * natural[c] / wanted))
    return tuple(widths)


Style = str | None
"""A rich style name (`bold`, `dim`, `bold cyan`), used only when rich draws in colour."""
Spans = tuple[tuple[str, Style], ...]
"""Text in pieces, each with its style: what a line or a cell shows."""

STRIP = dict.fromkeys((7, 8, 11, 12, 13))
"""The control characters rich removes from any text (`rich.control.STRIP_CONTROL_CODES`)."""


def spans(*parts: str | tuple[str, Style]) -> Spans:
    """`spans("a", ("b", "bold"))`: text, some of it styled."""
    return tuple((p, None) if isinstance(p, str) else p for p in parts)


def text_of(cell: Spans) -> str:
    """The characters a cell or line shows, as rich keeps them."""
    return "".join(text for text, _ in cell).translate(STRIP)


class Column:
    """A column as `rich.table.Table.add_column` takes it (the options kla uses). A plain class:
    a dataclass costs a millisecond of start-up each."""

    __slots__ = ("header", "justify", "min_width", "no_wrap", "overflow", "ratio", "width")

    def __init__(
        self,
        header: str,
        justify: Literal["left", "right"] = "left",
        *,
        no_wrap: bool = False,
        overflow: Literal["fold", "ellipsis"] = "ellipsis",
        width: int | None = None,
        min_width: int | None = None,
        ratio: int | None = None,
    ) -> None:
        self.header = header
        self.justify = justify
        self.no_wrap = no_wrap
        self.overflow = overflow
        self.width = width
        self.min_width = min_width
        self.ratio = ratio


class BoxTable:
    """A table drawn as rich's default `Table` draws it: `box.HEAVY_HEAD`, edges, header shown,
    padding (0, 1). `sections`: the rows a rule follows (`Table.add_section`)."""

    def __init__(
        self,
        columns: list[Column],
        title: str | None = None,
        *,
        show_lines: bool = False,
        expand: bool = False,
    ) -> None:
        self.columns = columns
        self.title = title
        self.show_lines = show_lines
        self.expand = expand
        self.rows: list[list[Spans]] = []
        self.sections: set[int] = set()

    def add_row(self, *cells: str | Spans) -> None:
        self.rows.append([spans(c) if isinstance(c, str) else c for c in cells])

    def add_section(self) -> None:
        if self.rows:
            self.sections.add(len(self.rows) - 1)
