"""rich's default boxed table and its printed lines, drawn without rich's console (no colour).

`kla score` and `kla gap` print boxed tables (`box.HEAVY_HEAD`, edges, a rule under the header
and between sections, padding of one space each side) and lines that wrap at the console's
width. Importing rich's console, table and markup and laying a table out cost about a sixth of
a `kla score` run; without colour the same characters come from the plain string operations
here. This is a port of the parts of rich that kla's tables use (ported from rich
15.0.0, the version CI installs; the comparison tests pass against rich 14.3.0 too, the floor
in pyproject, and compare with whichever rich is installed), kept in rich's order of operations so that every width comes out the same:
`rich/table.py` `Table._calculate_column_widths`, `_collapse_widths`, `_measure_column`,
`_render`; `rich/_ratio.py` `ratio_reduce`, `ratio_distribute`; `rich/_wrap.py` `divide_line`;
`rich/text.py` `Text.wrap`, `truncate`, `rstrip_end`, `expand_tabs`, `__rich_measure__`;
`rich/padding.py` and `rich/measure.py` `Measurement.get`. A test draws random tables both ways
(`tests/render/test_plain_box.py`). Only `rich.cells` (character widths) is used from rich. The
tables (`BoxTable`) are in `render/tables.py`, the pages of lines and tables in `terminal.py`.

`render/plain_table.py` is the other plain writer: the batch table (`box.SIMPLE_HEAD`, no edges,
colour too) for tables of thousands of rows, where widths are fixed beforehand.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from math import ceil
from typing import Literal

from kla_cli.render.tables import STRIP, BoxTable, Column, text_of

# --- character widths: rich.cells, imported only for text that needs its tables --------------

MARKS = "−→…≤≥–—‘’“”•"
"""Marks kla's own texts use (minus, arrow, ellipsis, dashes, quotes) that rich's table makes
one cell wide (`tests/render/test_plain_box.py` asks rich), outside its single-cell ranges."""
_MARK = re.compile(f"[{MARKS}]")
_NOT_SINGLE = re.compile(
    f"[^\\x20-\\x7e\\xa0-\\xac\\xae-\\u02ff\\u0370-\\u0482\\u2500-\\u25fc\\u2800-\\u28ff{MARKS}]"
)
"""A character outside `rich.cells._SINGLE_CELL_UNICODE_RANGES` (rich 15.0.0) and `MARKS`:
text without one is one cell per character, for which rich's functions below take their own
shortcut (or, with a mark, come to the same), so they are followed here without importing rich
(1,7 ms of a 95 ms `kla score`); any other text goes to rich itself."""


def cell_len(text: str) -> int:
    """`rich.cells.cell_len`."""
    if not _NOT_SINGLE.search(text):
        return len(text)
    from rich.cells import cell_len as rich_cell_len

    return rich_cell_len(text)


def set_cell_size(text: str, total: int) -> str:
    """`rich.cells.set_cell_size`: `text` cropped or padded with spaces to `total` cells."""
    if not _NOT_SINGLE.search(text):
        if total <= 0 and _MARK.search(text):  # rich's own path for a mark: nothing left
            return ""
        size = len(text)
        return text + " " * (total - size) if size < total else text[:total]
    from rich.cells import set_cell_size as rich_set_cell_size

    return rich_set_cell_size(text, total)


def chop_cells(text: str, width: int) -> list[str]:
    """`rich.cells.chop_cells`: `text` in lines of at most `width` cells."""
    if not _NOT_SINGLE.search(text):
        return [text[index : index + width] for index in range(0, len(text), width)]
    from rich.cells import chop_cells as rich_chop_cells

    return rich_chop_cells(text, width)


# --- text: rich/text.py Text.wrap and rich/_wrap.py divide_line ------------------------------

_WORD = re.compile(r"\s*\S+\s*")
_END_SPACE = re.compile(r"\s+$")


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Where `text` breaks to fit `width` cells (`rich._wrap.divide_line`)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            if fold:
                pieces = chop_cells(word, width)
                for n, piece in enumerate(pieces):
                    if start:
                        breaks.append(start)
                    if n == len(pieces) - 1:
                        offset = cell_len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def _expand_tabs(line: str, size: int = 8) -> str:
    out: list[str] = []
    position = 0
    for part in re.split(r"(?<=\t)", line):
        if part.endswith("\t"):
            part = part[:-1] + " "
            position += cell_len(part)
            if remainder := position % size:
                part += " " * (size - remainder)
                position += size - remainder
        else:
            position += cell_len(part)
        out.append(part)
    return "".join(out)


def _truncate(line: str, width: int, overflow: str, pad: bool = False) -> str:
    length = cell_len(line)
    if length > width:
        line = (
            set_cell_size(line, width - 1) + "…"
            if overflow == "ellipsis"
            else set_cell_size(line, width)
        )
    if pad and length < width:
        line += " " * (width - length)
    return line


def wrap_text(
    text: str,
    width: int,
    *,
    justify: Literal["default", "left", "right"] = "default",
    overflow: str = "fold",
    no_wrap: bool = False,
) -> list[str]:
    """`text` (control characters removed) in lines of `width` cells, as `rich.text.Text.wrap`
    makes them: `default` justification leaves a line as it is, `left` pads it, `right` puts
    the spaces before it."""
    lines: list[str] = []
    for line in text.split("\n"):
        if "\t" in line:
            line = _expand_tabs(line)
        if no_wrap:
            pieces = [line]
        else:
            bounds = [0, *divide_line(line, width, fold=overflow == "fold"), len(line)]
            pieces = [_rstrip_end(line[a:b], width) for a, b in itertools.pairwise(bounds)]
        if justify == "left":
            pieces = [_truncate(p, width, overflow, pad=True) for p in pieces]
        elif justify == "right":
            pieces = [_truncate(p.rstrip(), width, overflow) for p in pieces]
            pieces = [" " * (width - cell_len(p)) + p for p in pieces]
        lines += [_truncate(p, width, overflow) for p in pieces]
    return lines


def _rstrip_end(line: str, size: int) -> str:
    """The spaces at the end of `line` past `size` characters removed (`Text.rstrip_end`)."""
    excess = len(line) - size
    if excess > 0 and (match := _END_SPACE.search(line)):
        return line[: len(line) - min(len(match.group()), excess)]
    return line


def print_lines(text: str, width: int, overflow: str = "fold") -> list[str]:
    """What `Console.print(text)` prints of plain text on a console `width` wide."""
    return wrap_text(text.translate(STRIP), width, overflow=overflow)


# --- widths: rich/table.py, rich/measure.py, rich/padding.py, rich/_ratio.py -----------------

PAD = 2
"""The padding of a cell: one space each side."""


def _normal(low: int, high: int) -> tuple[int, int]:
    low = min(max(0, low), high)
    return max(0, low), max(0, max(low, high))


def _measure_cell(text: str, max_width: int) -> tuple[int, int]:
    """`Measurement.get` of a padded cell's text at `max_width`."""
    if max_width < 1:
        return 0, 0
    if max_width - PAD < 1:  # Padding.__rich_measure__
        low, high = max_width, max_width
    else:
        lines = text.splitlines()
        longest = max(cell_len(line) for line in lines) if lines else 0
        words = text.split()
        low, high = _normal(max(cell_len(w) for w in words) if words else longest, longest)
        low, high = min(low, max_width), min(high, max_width)
        low, high = (0, 0) if high < 1 else _normal(low, high)
        low, high = min(low + PAD, max_width), min(high + PAD, max_width)
    low, high = _normal(low, high)
    low, high = min(low, max_width), min(high, max_width)
    return (0, 0) if high < 1 else _normal(low, high)


def _measure_column(column: Column, cells: Sequence[str], max_width: int) -> tuple[int, int]:
    if max_width < 1:
        return 0, 0
    if column.width is not None:
        return min(column.width + PAD, max_width), min(column.width + PAD, max_width)
    sizes = [_measure_cell(cell, max_width) for cell in cells]
    low = max(s[0] for s in sizes) if sizes else 1
    high = max(s[1] for s in sizes) if sizes else max_width
    low, high = min(low, max_width), min(high, max_width)
    if column.min_width is not None:
        least = max(0, column.min_width + PAD)
        low, high = max(low, least), max(high, least)
    return low, high


def ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result: list[int] = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def ratio_distribute(total: int, ratios: list[int], minimums: list[int] | None = None) -> list[int]:
    if minimums:
        ratios = [ratio if least else 0 for ratio, least in zip(ratios, minimums, strict=True)]
    total_ratio = sum(ratios)
    remaining = total
    result: list[int] = []
    for ratio, least in zip(ratios, minimums or [0] * len(ratios), strict=True):
        share = max(least, ceil(ratio * remaining / total_ratio)) if total_ratio > 0 else remaining
        result.append(share)
        total_ratio -= ratio
        remaining -= share
    return result


def _collapse_widths(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
            second = max(
                w if ok and w != widest else 0 for w, ok in zip(widths, wrapable, strict=True)
            )
            ratios = [
                1 if (w == widest and ok) else 0 for w, ok in zip(widths, wrapable, strict=True)
            ]
            if not any(ratios) or not widest - second:
                break
            most = [min(excess, widest - second)] * len(widths)
            widths = ratio_reduce(excess, ratios, most, widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def column_widths(table: BoxTable, max_width: int) -> list[int]:
    """Each column's width, padding included (`Table._calculate_column_widths`)."""
    columns = table.columns
    cells = [
        [column.header, *(text_of(row[i]) for row in table.rows)]
        for i, column in enumerate(columns)
    ]
    ranges = [_measure_column(c, cs, max_width) for c, cs in zip(columns, cells, strict=True)]
    widths = [high or 1 for _, high in ranges]
    if table.expand:
        ratios = [c.ratio or 0 for c in columns if c.ratio is not None]
        if any(ratios):
            fixed = [
                0 if c.ratio is not None else r[1] for r, c in zip(ranges, columns, strict=True)
            ]
            least = [(c.width or 1) + PAD for c in columns if c.ratio is not None]
            flex = iter(ratio_distribute(max_width - sum(fixed), ratios, least))
            for i, column in enumerate(columns):
                if column.ratio is not None:
                    widths[i] = fixed[i] + next(flex)
    table_width = sum(widths)
    if table_width > max_width:
        wrapable = [c.width is None and not c.no_wrap for c in columns]
        widths = _collapse_widths(widths, wrapable, max_width)
        table_width = sum(widths)
        if table_width > max_width:  # last resort, reduce columns evenly
            widths = ratio_reduce(table_width - max_width, [1] * len(widths), widths, widths)
            table_width = sum(widths)
        widths = [
            _measure_column(c, cs, w)[1] for w, c, cs in zip(widths, columns, cells, strict=True)
        ]
    if table_width < max_width and table.expand:
        pads = ratio_distribute(max_width - table_width, widths)
        widths = [w + p for w, p in zip(widths, pads, strict=True)]
    return widths


# --- drawing: rich/table.py Table._render with box.HEAVY_HEAD --------------------------------


def _cell_lines(text: str, column: Column, width: int) -> list[str]:
    """A padded cell's lines, each `width` cells (a Padding of a Text rendered at `width`)."""
    inner = width - PAD
    if inner < 1:
        return []
    justify = column.justify
    lines = wrap_text(
        text, inner, justify=justify, overflow=column.overflow, no_wrap=column.no_wrap
    )
    return [set_cell_size(f" {set_cell_size(line, inner)} ", width) for line in lines]


def box_lines(table: BoxTable, width: int) -> list[str]:
    """The table's lines as `Console.print(table)` prints them on a console `width` wide."""
    columns = table.columns
    extra = 2 + len(columns) - 1
    widths = column_widths(table, width - extra)
    out = []
    if table.title:
        out += wrap_text(table.title.translate(STRIP), sum(widths) + extra, justify="left")

    def rule(left: str, line: str, cross: str, right: str) -> str:
        return left + cross.join(line * w for w in widths) + right

    def row(cells: Sequence[str], bottom: bool, bar: str) -> None:
        drawn = [_cell_lines(t, c, w) for t, c, w in zip(cells, columns, widths, strict=True)]
        height = max(1, *(len(d) for d in drawn))
        for n in range(height):
            parts = []
            for lines, w in zip(drawn, widths, strict=True):
                k = n - (height - len(lines)) if bottom else n
                parts.append(lines[k] if 0 <= k < len(lines) else " " * w)
            out.append(bar + bar.join(parts) + bar)

    out.append(rule("┏", "━", "┳", "┓"))
    row([c.header for c in columns], True, "┃")
    out.append(rule("┡", "━", "╇", "┩"))
    for index, cells in enumerate(table.rows):
        row([text_of(cell) for cell in cells], False, "│")
        last = index == len(table.rows) - 1
        if not last and (table.show_lines or index in table.sections):
            out.append(rule("├", "─", "┼", "┤"))
    out.append(rule("└", "─", "┴", "┘"))
    # the console crops what passes its width
    return [set_cell_size(line, width) if cell_len(line) > width else line for line in out]
