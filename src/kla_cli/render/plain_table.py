"""A plain fixed-width table writer for long tables (the batch of a whole country).

rich lays out every cell as styled text: about 0,6 ms a row, 12 s for 20 000 regions. This
writer draws the same table as `render/batch.batch_table` draws with rich (the layout rich
gives a table with no vertical rules, no edges, two spaces between columns and a rule under the
header: `box.SIMPLE_HEAD`, `show_edge=False`, `pad_edge=False`, `collapse_padding=True`) in
plain string operations: a title line, the header (its cells wrapped and aligned to the bottom),
a rule, and the rows (cells wrapped at spaces, a word longer than its column folded, aligned to
the top). Colour, when asked for, is the same ANSI styles rich writes: an italic title, a bold
header, and a style per cell. A test draws the same tables both ways and compares them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from rich.cells import cell_len

from kla_cli.render.plain_box import divide_line

SGR = {"green": "32", "yellow": "33", "red": "31", "bold red": "1;31", "bold": "1", "italic": "3"}
"""The ANSI codes of the styles this writer uses (as rich writes them)."""


def _styled(text: str, style: str | None, color: bool) -> str:
    if not color or not style or not text:
        return text
    return f"\x1b[{SGR[style]}m{text}\x1b[0m"


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, as rich wraps it: broken before a word that
    does not fit (a word keeps the spaces after it, dropped only where they pass the width),
    a word longer than the width folded into pieces of the width (`plain_box.divide_line`)."""
    if cell_len(text) <= width:
        return [text]
    bounds = [0, *divide_line(text, width), len(text)]
    lines = [text[a:b] for a, b in itertools.pairwise(bounds)]
    return [_crop_spaces(line, width) for line in lines]


def _crop_spaces(line: str, width: int) -> str:
    """The spaces at the end of `line` that pass `width`, removed."""
    excess = cell_len(line) - width
    if excess <= 0:
        return line
    spaces = len(line) - len(line.rstrip(" "))
    return line[: len(line) - min(spaces, excess)]


def _fit(line: str, width: int, right: bool) -> str:
    """A cell's line justified in its column, as rich justifies it."""
    if right:
        line = line.rstrip()
        return " " * max(0, width - cell_len(line)) + line
    return line + " " * max(0, width - cell_len(line))


def plain_table(
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int],
    widths: Sequence[int] | None = None,
    styles: Sequence[Sequence[str | None]] | None = None,
    color: bool = False,
) -> str:
    """The table as text, each line ended by a newline. `widths`: each column's width (cells
    wrap to it), else each column is as wide as its widest cell; `styles`: per row, a style
    for each cell (`SGR`'s names), used only with `color`."""
    if widths is None:
        widths = [
            max(cell_len(cell) for cell in (header, *(row[i] for row in rows)))
            for i, header in enumerate(headers)
        ]
    total = sum(widths) + 2 * (len(widths) - 1)
    out = [_styled(_fit(line, total, False), "italic", color) + "\n" for line in wrap(title, total)]
    right_set = set(right)

    def block(cells: Sequence[str], bottom: bool, cell_styles: Sequence[str | None]) -> None:
        wrapped = [wrap(cell, w) for cell, w in zip(cells, widths, strict=True)]
        height = max(len(lines) for lines in wrapped)
        for n in range(height):
            parts = []
            for i, lines in enumerate(wrapped):
                k = n - (height - len(lines)) if bottom else n
                text = lines[k] if 0 <= k < len(lines) else ""
                padded = _fit(text, widths[i], i in right_set)
                if text and color and cell_styles[i]:
                    lead = len(padded) - len(padded.lstrip(" ")) if i in right_set else 0
                    body = padded[lead:].rstrip(" ") if i not in right_set else padded[lead:]
                    tail = padded[lead + len(body) :]
                    padded = padded[:lead] + _styled(body, cell_styles[i], True) + tail
                parts.append(padded)
            out.append("  ".join(parts) + "\n")

    block(headers, True, ["bold"] * len(headers))
    out.append("─" * total + "\n")
    no_style: list[str | None] = [None] * len(headers)
    for index, row in enumerate(rows):
        block(row, False, styles[index] if styles is not None else no_style)
    return "".join(out)
