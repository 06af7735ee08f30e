"""The answer sheet's layout, found in its grid (pure, no I/O): the metadata above the form,
the header row and its columns, one `Row` per item row; and kla's key/value metadata (the
`_meta` sheet or the document properties) as a dict.

Separate from the readers so that both engines (calamine and openpyxl) and the format facts
share one scan, and so that it can be tested on a grid built by hand.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from kla_cli.core.answer_types import CellValue
from kla_cli.core.answers import is_blank
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.form_layout import (
    COLUMNS,
    MAX_HEADER_SCAN,
    META_LABELS,
    OPD_COLUMN,
    REQUIRED_COLUMNS,
    VERIFY_COLUMNS,
    label_of,
)
from kla_cli.core.submission import Row, Submission
from kla_cli.workbook.grid import (
    UNREAD_FROM_ROW,
    Grid,
    PartialGrid,
    cell_at,
    cell_value,
    col_letter,
)


def cell_text(value: CellValue) -> str | None:
    """A cell as text (None when blank); a whole number without its '.0'."""
    if value is None:
        return None
    if type(value) is str:
        return value.strip() or None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def text_at(cells: Sequence[object], col: int) -> str | None:
    """`cell_text` of column `col` of a grid's row, a text cell (the common case) first."""
    raw = cells[col - 1] if col <= len(cells) else None
    if type(raw) is str:
        return raw.strip() or None
    return cell_text(cell_at(cells, col))


_HEADER_COLUMNS = (*COLUMNS, OPD_COLUMN, *VERIFY_COLUMNS)
READ_KEYS = ("code", "answer", "evidence", "note", OPD_COLUMN.key, *(c.key for c in VERIFY_COLUMNS))
"""The columns `submission_from_grid` reads below the header; the others (question, options,
...) are only found, by their header."""
MAX_LABEL = 80
"""Longer cell texts are not header or metadata labels (skipped without normalising)."""


_LABELS: dict[str, tuple[str | None, str | None]] = {}
"""Normalised label -> (header column key, metadata key) it names (the first column wins)."""
for _column in reversed(_HEADER_COLUMNS):
    for _label in _column.accepted:
        _LABELS[_label] = (_column.key, None)
for _meta in reversed(META_LABELS):
    for _label in _meta.accepted:
        _LABELS[_label] = (_LABELS.get(_label, (None, None))[0], _meta.key)


@functools.lru_cache(maxsize=4096)
def _label_keys(text: str) -> tuple[str | None, str | None] | None:
    """The header column and metadata keys a cell's text names, or None (cached: every
    workbook repeats the same labels)."""
    return _LABELS.get(label_of(text))


_Top = tuple[int, dict[str, int], dict[str, str], dict[str, str]]


def _find_header(grid: Grid) -> _Top | None:
    """The header row and its columns by key, and the metadata above it: values by key and
    their cells. A metadata value is the first non-blank cell to its label's right.

    Labels are texts, never numbers; texts longer than MAX_LABEL are questions or titles.
    """
    meta: dict[str, str] = {}
    meta_cells: dict[str, str] = {}
    for r, row in enumerate(grid.rows[:MAX_HEADER_SCAN], start=1):
        found: dict[str, int] = {}
        labels: list[tuple[int, str]] = []
        numbered = False  # the code column found so far is a `No` column (a running number)
        for c, raw in enumerate(row, start=1):
            if not raw or type(raw) is not str or len(raw) > MAX_LABEL:  # most cells are ''
                continue
            keys = _label_keys(raw)
            if keys is None:
                continue
            column, meta_key = keys
            if column == "code":  # `No` stands for `Kode` only where no `Kode` column is
                no = label_of(raw) == "no"
                if "code" not in found or (numbered and not no):
                    found["code"], numbered = c, no
            elif column is not None and column not in found:
                found[column] = c
            if meta_key is not None:
                labels.append((c, meta_key))
        if "code" in found and "answer" in found:
            return r, found, meta, meta_cells
        for c, key in labels:
            if key in meta:
                continue
            for cc in range(c + 1, len(row) + 1):
                value = grid.get(r, cc)
                if not is_blank(value):
                    meta[key] = cell_text(value) or ""
                    meta_cells[key] = f"{col_letter(cc)}{r}"
                    break
    return None


def meta_above(grid: Grid, header_row: int) -> tuple[dict[str, str], dict[str, str]]:
    """The metadata labelled above `header_row` (OPD, region, year) and their cells, read as
    the form's header scan reads them (for layouts found by another scan: a region's recap)."""
    meta: dict[str, str] = {}
    meta_cells: dict[str, str] = {}
    for r, row in enumerate(grid.rows[: max(0, header_row - 1)], start=1):
        for c, raw in enumerate(row, start=1):
            if not raw or type(raw) is not str or len(raw) > MAX_LABEL:
                continue
            keys = _label_keys(raw)
            if keys is None or keys[1] is None or keys[1] in meta:
                continue
            for cc in range(c + 1, len(row) + 1):
                value = grid.get(r, cc)
                if not is_blank(value):
                    meta[keys[1]] = cell_text(value) or ""
                    meta_cells[keys[1]] = f"{col_letter(cc)}{r}"
                    break
    return meta, meta_cells


def submission_from_grid(file: str, sheet: str, grid: Grid, meta: dict[str, str]) -> Submission:
    """Find metadata, header and item rows in the answer sheet's grid (pure).

    Raises `PartialGrid` when the grid lacks cells this needs (`Grid.unread`): no header above
    UNREAD_FROM_ROW, or a column read below it among the unread ones."""
    header = _find_header(grid)
    if header is None and grid.unread:
        raise PartialGrid  # the whole sheet may hold a header lower down, or be a recap
    if header is None:
        finding = Finding(Severity.ERROR, "no-header", file, sheet, "A1")
        return Submission(file, sheet, meta=meta, findings=(finding,))
    header_row, cols, found_meta, meta_cells = header
    if grid.unread and (
        header_row >= UNREAD_FROM_ROW or any(cols.get(key) in grid.unread for key in READ_KEYS)
    ):
        raise PartialGrid
    missing = [key for key in REQUIRED_COLUMNS if key not in cols]
    if missing:
        names = {c.key: c.header for c in COLUMNS}
        findings = tuple(
            Finding(
                Severity.ERROR,
                "missing-column",
                file,
                sheet,
                f"A{header_row}",
                {"column": names[k]},
            )
            for k in missing
        )
        return Submission(file, sheet, meta=meta, findings=findings)

    code_col, answer_col = cols["code"], cols["answer"]
    evidence_col, note_col, opd_col = cols["evidence"], cols.get("note"), cols.get("opd")
    answer_letter, evidence_letter = col_letter(answer_col), col_letter(evidence_col)
    code_letter = col_letter(code_col)
    verified_col, verifier_note_col = cols.get("verified"), cols.get("verifier_note")
    verified_letter = col_letter(verified_col) if verified_col else ""
    answer_merged = any(c0 <= answer_col <= c1 for _, c0, _, c1 in grid.merged)
    twice = tuple(
        Finding(
            Severity.WARNING,
            "answer-column-twice",
            file,
            sheet,
            f"{col_letter(c)}{header_row}",
            {"first": answer_letter, "second": col_letter(c)},
        )
        for c, raw in enumerate(grid.rows[header_row - 1], start=1)
        if c != answer_col and type(raw) is str and (_label_keys(raw) or ("",))[0] == "answer"
    )
    percent, formulas = grid.percent, grid.formulas
    items: list[Row] = []
    rows = grid.rows
    for r in range(header_row + 1, len(rows) + 1):
        cells = rows[r - 1]  # a row's cells looked at directly, not through `Grid.get`
        code = text_at(cells, code_col)
        if code is None:
            continue
        items.append(
            Row(  # by position, in the order of Row's fields: a third of the cost by keyword
                code,  # code
                r,  # row
                cell_at(cells, answer_col),  # answer
                text_at(cells, evidence_col),  # evidence
                text_at(cells, note_col) if note_col else None,  # note
                text_at(cells, opd_col) if opd_col else None,  # opd
                bool(percent) and (r, answer_col) in percent,  # percent_cell
                bool(formulas) and (r, answer_col) in formulas,  # uncached_formula
                grid.merged_over(r, answer_col) if answer_merged else None,  # merged
                answer_letter,  # answer_col
                evidence_letter,  # evidence_col
                code_letter,  # code_col
                False,  # is_nilai
                cell_at(cells, verified_col) if verified_col else None,  # verified
                verified_letter,  # verified_col
                text_at(cells, verifier_note_col) if verifier_note_col else None,  # verifier_note
            )
        )
    return Submission(
        file=file,
        sheet=sheet,
        opd=found_meta.get("opd"),
        region=found_meta.get("region"),
        year=found_meta.get("year"),
        rows=tuple(items),
        meta=meta,
        meta_cells=meta_cells,
        findings=twice,
    )


def meta_from_rows(rows: Iterable[Sequence[object]]) -> dict[str, str]:
    """Key/value pairs (the `_meta` sheet's columns A and B, or the document properties)."""
    meta: dict[str, str] = {}
    for row in rows:
        if len(row) < 2:
            continue
        key, value = row[0], row[1]
        if key in (None, "") or value in (None, ""):
            continue
        if type(value) is not str:
            value = cell_text(cell_value(value)) or str(value)
        meta[str(key)] = value.strip() or value
    return meta
