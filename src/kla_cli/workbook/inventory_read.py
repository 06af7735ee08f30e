"""Read the inventory of kecamatan and desa/kelurahan into a `Submission` carrying `Place`s.

An inventory has no OPD answer sheet (`Isian`), so `read.read_region` asks here about every file
that lacks one: it is an inventory when kla's metadata says `form: inventory`, or when a sheet has
a place-name column (`Kecamatan`, `Desa/Kelurahan`) beside columns headed by question codes
(`25.2 Forum Anak Kecamatan`). The cells are given to the core as they are; reading them as yes/no
and every finding about a value is `core.inventory`'s. A file with kla's inventory metadata and
no readable place sheet is an error finding, never a silent nothing.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from kla_cli.core.answer_types import CellValue
from kla_cli.core.answers import is_blank
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.form_layout import MAX_HEADER_SCAN, META_LABELS, META_SHEET, label_of
from kla_cli.core.places import (
    EVIDENCE_LABELS,
    INVENTORY_FORM,
    NAME_LABELS,
    SUMMARY_NAMES,
    Inventory,
    Place,
    PlaceSheet,
)
from kla_cli.core.rubric_leaves import Respondent
from kla_cli.core.submission import Submission
from kla_cli.workbook.books import XLSX_SUFFIXES, CalamineBook, open_parts, unreadable
from kla_cli.workbook.grid import Grid, col_letter
from kla_cli.workbook.zipparts import ZipParts

CODE_HEADER = re.compile(r"^\s*(\d{1,2}[A-Z]?\.\d{1,2}[a-z]{0,2})(?=[\s.:)\-–]|$)")
"""A question column's header starts with the item code: `25.2 Forum Anak Kecamatan`."""
_META_KEYS = {
    label: m.key for m in META_LABELS if m.key in ("region", "year") for label in m.accepted
}


def maybe_inventory(sub: Submission) -> bool:
    """Whether a file read as an OPD form could be an inventory: it has no answer sheet."""
    return not sub.rows and any(f.code == "missing-sheet" for f in sub.findings)


def read_inventory(path: Path) -> Submission | None:
    """The inventory in `path` as a Submission, or None when the file is not an inventory."""
    properties = None
    bound = None
    parts: object = None
    if path.suffix.lower() in XLSX_SUFFIXES:
        parts = open_parts(path)
        if isinstance(parts, Submission):
            return None  # read_workbook has reported why already
        from kla_cli.workbook.xlsx_facts import SheetParts, read_properties

        if isinstance(parts, ZipParts):
            properties = read_properties(parts)
        bound = SheetParts(parts).bound  # a zipfile.ZipFile stays open until the sheets are read
    try:
        return _read_places(path, properties, bound)
    finally:
        if isinstance(parts, zipfile.ZipFile):
            parts.close()


def _read_places(
    path: Path, properties: dict[str, str] | None, bound: Callable[[str], None] | None
) -> Submission | None:
    file = str(path)
    try:
        book = CalamineBook(path, None, properties, bound)
    except Exception as exc:  # the library's own kinds, for a file it cannot read
        return unreadable(file, exc)
    sheets: list[PlaceSheet] = []
    top = Grid()
    try:
        meta = book.meta()
        for name in book.sheet_names:
            if name == META_SHEET:
                continue
            grid = book.grid(name)
            found = place_sheet(name, grid)
            if found is not None:
                if not sheets:
                    top = Grid.from_rows(grid.rows[: found.header_row - 1])
                sheets.append(found)
    except Exception as exc:
        return unreadable(file, exc)
    finally:
        book.close()
    marked = meta.get("form") == INVENTORY_FORM
    if not sheets:
        if not marked:
            return None
        finding = Finding(Severity.ERROR, "inventory-no-sheet", file)
        return Submission(file, meta=meta, findings=(finding,))
    region, year, cells = _labels(top)
    return Submission(
        file=file,
        sheet=sheets[0].sheet,
        region=region,
        year=year,
        meta=meta,
        meta_cells=cells,
        inventory=Inventory(tuple(sheets)),
    )


def _text(value: CellValue) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None


def place_sheet(name: str, grid: Grid) -> PlaceSheet | None:
    """The places and question columns of one sheet (pure), or None when it is not a place sheet."""
    found = _header(grid)
    if found is None:
        return None
    header_row, kind_col, kind, columns = found
    evidence_row, evidence = _evidence(grid, header_row, columns)
    places: list[Place] = []
    name_letter = col_letter(kind_col)
    for r in range(header_row + 1, len(grid.rows) + 1):
        place = _text(grid.get(r, kind_col))
        cells = {code: grid.get(r, col) for code, col in columns.items()}
        answered = any(not is_blank(v) for v in cells.values())
        if place is None and not answered:
            continue
        if place is not None and label_of(place) in SUMMARY_NAMES:
            continue
        if place is None:
            places.append(Place(f"{name_letter}{r}", r, cells, named=False))
        else:
            places.append(Place(" ".join(place.split()), r, cells))
    return PlaceSheet(
        kind=kind,
        sheet=name,
        header_row=header_row,
        name_col=name_letter,
        columns={code: col_letter(col) for code, col in columns.items()},
        places=tuple(places),
        evidence=evidence,
        evidence_row=evidence_row,
    )


def _header(grid: Grid) -> tuple[int, int, Respondent, dict[str, int]] | None:
    """The header row: a place-name column and at least one column headed by a question code."""
    for r, row in enumerate(grid.rows[:MAX_HEADER_SCAN], start=1):
        kind_col, kind = 0, None
        columns: dict[str, int] = {}
        for c, raw in enumerate(row, start=1):
            if not raw or not isinstance(raw, str):
                continue
            label = label_of(raw)
            if kind is None and label in NAME_LABELS:
                kind_col, kind = c, NAME_LABELS[label]
                continue
            match = CODE_HEADER.match(raw)
            if match and match.group(1) not in columns:
                columns[match.group(1)] = c
        if kind is not None and columns:
            return r, kind_col, kind, columns
    return None


def _evidence(
    grid: Grid, header_row: int, columns: dict[str, int]
) -> tuple[int | None, dict[str, str]]:
    """The "Data dukung" row above the header: each question column's link or file name."""
    for r in range(header_row - 1, 0, -1):
        row = grid.rows[r - 1] if r <= len(grid.rows) else ()
        if any(isinstance(v, str) and label_of(v) in EVIDENCE_LABELS for v in row):
            evidence = {
                code: text
                for code, col in columns.items()
                if (text := _text(grid.get(r, col))) is not None
            }
            return r, evidence
    return None, {}


def _labels(grid: Grid) -> tuple[str | None, str | None, dict[str, str]]:
    """The region and year written beside their labels (the rows above the header)."""
    values: dict[str, str] = {}
    cells: dict[str, str] = {}
    for r, row in enumerate(grid.rows, start=1):
        for c, raw in enumerate(row, start=1):
            if not isinstance(raw, str) or (key := _META_KEYS.get(label_of(raw))) is None:
                continue
            if key in cells:
                continue
            cells[key] = f"{col_letter(c + 1)}{r}"  # where it belongs, when left blank
            for cc in range(c + 1, len(row) + 1):
                text = _text(grid.get(r, cc))
                if text:
                    values[key], cells[key] = text, f"{col_letter(cc)}{r}"
                    break
    return values.get("region"), values.get("year"), cells
