"""Renderers: result objects in, text out (never printing, never exiting).

This module holds the one CSV writer (formula-safe through `workbook.safe_cells`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from kla_cli.workbook.safe_cells import safe_cell


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV file's text: the header, then one line per row (formula-safe, `\\n` line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return buffer.getvalue()
