"""Read OPD workbooks (.xlsx) into `Submission`s. The only module that opens input workbooks.

Reading is two steps: a reader turns the file into a grid of cell values (openpyxl here), then
`submission_from_grid` (pure) finds the metadata, the header row and the item rows. A workbook
that cannot be read is not an exception: it becomes a Submission carrying an error finding, so
one bad file never stops a region or a batch.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kla_cli.answers import CellValue, is_blank
from kla_cli.errors import KlaError
from kla_cli.findings import Finding, Severity
from kla_cli.submission import Row, Submission
from kla_cli.workbook_format import (
    ANSWER_SHEET,
    COLUMNS,
    MAX_HEADER_SCAN,
    META_LABELS,
    META_SHEET,
    OPD_COLUMN,
    REQUIRED_COLUMNS,
    normalise_label,
)

MAX_UNCOMPRESSED = 256 * 1024 * 1024
"""Refuse workbooks that inflate beyond this (zip bombs)."""

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class Grid:
    """The cells of one sheet: values by (row, column), 1-based, plus format facts."""

    values: dict[tuple[int, int], CellValue] = field(default_factory=dict)
    percent: set[tuple[int, int]] = field(default_factory=set)
    formulas: set[tuple[int, int]] = field(default_factory=set)
    """Cells holding a formula whose cached value is missing."""

    def get(self, row: int, col: int) -> CellValue:
        return self.values.get((row, col))

    @property
    def max_row(self) -> int:
        return max((r for r, _ in self.values), default=0)


def col_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _text(value: CellValue) -> str | None:
    if is_blank(value):
        return None
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return text


def _find_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    columns = (*COLUMNS, OPD_COLUMN)
    for row in range(1, MAX_HEADER_SCAN + 1):
        found: dict[str, int] = {}
        for (r, c), value in grid.values.items():
            if r != row or value is None:
                continue
            label = normalise_label(value)
            for column in columns:
                if label in column.accepted and column.key not in found:
                    found[column.key] = c
        if "code" in found and "answer" in found:
            return row, found
    return None


def submission_from_grid(file: str, sheet: str, grid: Grid, meta: dict[str, str]) -> Submission:
    """Find metadata, header and item rows in the answer sheet's grid (pure)."""
    header = _find_header(grid)
    if header is None:
        finding = Finding(Severity.ERROR, "no-header", file, sheet, "A1")
        return Submission(file, sheet, meta=meta, findings=(finding,))
    header_row, cols = header
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

    found_meta: dict[str, str] = {}
    meta_cells: dict[str, str] = {}
    for (r, c), value in sorted(grid.values.items()):
        if r >= header_row or value is None:
            continue
        label = normalise_label(value)
        for m in META_LABELS:
            if label in m.accepted and m.key not in found_meta:
                right = [
                    (cc, v)
                    for (rr, cc), v in grid.values.items()
                    if rr == r and cc > c and not is_blank(v)
                ]
                if right:
                    cc, v = min(right, key=lambda cv: cv[0])
                    found_meta[m.key] = _text(v) or ""
                    meta_cells[m.key] = f"{col_letter(cc)}{r}"

    code_col, answer_col = cols["code"], cols["answer"]
    evidence_col, note_col, opd_col = cols["evidence"], cols.get("note"), cols.get("opd")
    rows: list[Row] = []
    for r in range(header_row + 1, grid.max_row + 1):
        code = _text(grid.get(r, code_col))
        if code is None:
            continue
        rows.append(
            Row(
                code=code,
                row=r,
                answer=grid.get(r, answer_col),
                evidence=_text(grid.get(r, evidence_col)),
                note=_text(grid.get(r, note_col)) if note_col else None,
                opd=_text(grid.get(r, opd_col)) if opd_col else None,
                percent_cell=(r, answer_col) in grid.percent,
                uncached_formula=(r, answer_col) in grid.formulas,
                answer_col=col_letter(answer_col),
                evidence_col=col_letter(evidence_col),
                code_col=col_letter(code_col),
            )
        )
    return Submission(
        file=file,
        sheet=sheet,
        opd=found_meta.get("opd"),
        region=found_meta.get("region"),
        year=found_meta.get("year"),
        rows=tuple(rows),
        meta=meta,
        meta_cells=meta_cells,
    )


def _unreadable(file: str, error: object) -> Submission:
    finding = Finding(
        Severity.ERROR, "unreadable", file, args={"error": str(error) or type(error).__name__}
    )
    return Submission(file, findings=(finding,))


def _check_zip(path: Path) -> str | None:
    """Why the file is not a safe xlsx container, or None."""
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        return str(exc) or type(exc).__name__
    if size > MAX_UNCOMPRESSED:
        return f"uncompressed size {size} bytes exceeds the limit of {MAX_UNCOMPRESSED}"
    return None


def _grid_openpyxl(rows: Iterable[Sequence[object]], data_only: bool) -> Grid:
    grid = Grid()
    for row in rows:
        for cell in row:
            value = getattr(cell, "value", None)
            if value is None:
                continue
            key = (int(getattr(cell, "row", 0)), int(getattr(cell, "column", 0)))
            if not data_only:
                if isinstance(value, str) and value.startswith("="):
                    grid.formulas.add(key)
                continue
            grid.values[key] = value
            if "%" in str(getattr(cell, "number_format", "")):
                grid.percent.add(key)
    return grid


def read_workbook(path: Path) -> Submission:
    """Read one OPD workbook; problems become findings on the returned Submission."""
    import openpyxl

    file = str(path)
    problem = _check_zip(path)
    if problem:
        return _unreadable(file, problem)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a corrupt file
        return _unreadable(file, exc)
    try:
        names = book.sheetnames
        sheet = next((n for n in names if normalise_label(n) == ANSWER_SHEET.lower()), None)
        if sheet is None:
            finding = Finding(
                Severity.ERROR,
                "missing-sheet",
                file,
                args={"sheet": ANSWER_SHEET, "sheets": ", ".join(names)},
            )
            return Submission(file, findings=(finding,))
        grid = _grid_openpyxl(book[sheet].iter_rows(), data_only=True)
        meta: dict[str, str] = {}
        if META_SHEET in names:
            for key, value, *_ in book[META_SHEET].iter_rows(values_only=True, max_col=2):
                if key is not None and value is not None:
                    meta[str(key)] = str(value)
    except Exception as exc:
        return _unreadable(file, exc)
    finally:
        book.close()
    submission = submission_from_grid(file, sheet, grid, meta)
    if any(is_blank(r.answer) for r in submission.rows):
        submission = _mark_uncached_formulas(path, sheet, grid, submission)
    return submission


def _mark_uncached_formulas(
    path: Path, sheet: str, grid: Grid, submission: Submission
) -> Submission:
    """Re-read formulas where answers look blank: a formula never computed must not read as empty."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        try:
            grid.formulas = _grid_openpyxl(book[sheet].iter_rows(), data_only=False).formulas
        finally:
            book.close()
    except Exception:
        return submission
    if not grid.formulas:
        return submission
    return submission_from_grid(submission.file, submission.sheet, grid, submission.meta)


def workbook_paths(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into the workbook files to read, sorted; raise for missing paths."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith(("~$", "."))
            )
            if not inside:
                raise KlaError("path.no_workbooks", str(path), "path.no_workbooks.hint")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise KlaError("path.missing", str(path))
    return found
