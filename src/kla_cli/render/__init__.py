"""Renderers: result objects in, text out (never printing, never exiting).

This module holds the one CSV writer (formula-safe through `workbook.safe_cells`): plain CSV for
programs, or with `excel=True` CSV that Excel set to Indonesian opens in columns with numbers
(a UTF-8 BOM, `;` separators, comma decimals). Every renderer imports this package, most never
write CSV: `csv` and the formula guard are imported when the first CSV is written.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

EXCEL_BOM = "\ufeff"


def _excel_value(value: object) -> object:
    """A number as Excel set to Indonesian reads it: `588,4`, not `588.4` (read as text)."""
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return value


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, excel: bool = False
) -> str:
    """A CSV file's text: the header, then one line per row (formula-safe).

    Plain (the default, for programs): `,` separators, dot decimals. `excel`: a UTF-8 BOM (Excel
    otherwise reads UTF-8 as the ANSI code page), `;` separators and comma decimals (the list
    separator and decimal sign of an Indonesian Windows). `\\n` line ends either way."""
    import csv

    from kla_cli.workbook.safe_cells import safe_cell

    buffer = io.StringIO(EXCEL_BOM if excel else "")
    buffer.seek(0, io.SEEK_END)
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        cells = [safe_cell(v) for v in row]
        writer.writerow([_excel_value(v) for v in cells] if excel else cells)
    return buffer.getvalue()
