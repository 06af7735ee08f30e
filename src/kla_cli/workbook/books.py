"""Opening a workbook: the calamine and openpyxl adapters (`Book`), the answer sheet's grid
and kla's metadata read through them, the zip container's parts with the zip-bomb and size
caps, and the findings that stand for a file that cannot be opened.

What every reading path shares sits here; which path is taken is `read`'s business, and the
facts read from the xlsx parts are `xlsx_facts`'. Heavy libraries are imported inside the
adapters so that `kla --help` stays fast.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from io import BytesIO
from pathlib import Path
from typing import Protocol

from kla_cli.core.findings import Finding, Severity
from kla_cli.core.form_layout import (
    ANSWER_SHEET,
    META_PROPERTY,
    META_SHEET,
    label_of,
    normalise_label,
)
from kla_cli.core.places import INVENTORY_FORM
from kla_cli.core.submission import Submission
from kla_cli.i18n.messages import os_error
from kla_cli.workbook.bounds import MAX_CELLS, SheetTooLarge
from kla_cli.workbook.grid import Grid, shows_as_percent
from kla_cli.workbook.sheet import meta_from_rows
from kla_cli.workbook.zipparts import ZipParts

MAX_UNCOMPRESSED = 256 * 1024 * 1024
"""Refuse workbooks that inflate beyond this (zip bombs); also the size cap of .xls files."""

ZIP_SUFFIXES = (".xlsx", ".xlsm", ".ods")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


# --- what cannot be opened -------------------------------------------------------------------


def unreadable(file: str, error: object) -> Submission:
    text = " ".join(str(error).split()) or type(error).__name__  # a library's text, on one line
    finding = Finding(
        Severity.ERROR,
        "unreadable",
        file,
        args={"error": text if len(text) <= 200 else text[:199] + "…"},
    )
    return Submission(file, findings=(finding,))


def too_large(file: str, size: int) -> Submission:
    """The container inflates past MAX_UNCOMPRESSED (a zip bomb, or an .xls that large)."""
    from kla_cli.i18n.messages import t

    mb = 1024 * 1024
    limit = MAX_UNCOMPRESSED // mb
    detail = t("finding.too-large.inflates", size=f"{size / mb:.0f}", limit=f"{limit}")
    finding = Finding(Severity.ERROR, "too-large", file, args={"detail": detail, "limit": limit})
    return Submission(file, findings=(finding,))


OOM = "out_of_memory"
"""The argument that marks a too-large finding made when memory ran out while reading."""


def sheet_too_large(file: str, exc: SheetTooLarge, *, out_of_memory: bool = False) -> Submission:
    """A sheet whose cells would span more than MAX_CELLS once laid out (`bounds`), or, with
    `out_of_memory`, one whose reading ran out of memory (marked `OOM`: it may pass)."""
    from kla_cli.i18n.messages import t
    from kla_cli.i18n.numbers import fmt_num

    detail = t(
        "finding.too-large.cells",
        sheet=exc.sheet,
        rows=fmt_num(exc.rows, places=0),
        columns=fmt_num(exc.columns, places=0),
        limit=fmt_num(MAX_CELLS, places=0),
    )
    args = {"detail": detail, "limit": MAX_CELLS} | ({OOM: True} if out_of_memory else {})
    finding = Finding(Severity.ERROR, "too-large", file, args=args)
    return Submission(file, findings=(finding,))


def damaged(file: str) -> Submission:
    return Submission(file, findings=(Finding(Severity.ERROR, "damaged", file),))


def guarded(path: Path, read: Callable[[], Submission]) -> Submission:
    """`read()`, with anything it raises turned into a finding naming `path`.

    The one guard around a file's read: a library's error, a damaged part (zlib.error,
    struct.error, BadZipFile), running out of memory, and python-calamine's PanicException,
    which derives from BaseException and so passes every `except Exception` (and cannot be
    pickled back from a batch worker). Only the user's Ctrl-C and an exit go through.
    """
    try:
        return read()
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except SheetTooLarge as exc:
        return sheet_too_large(str(path), exc)
    except MemoryError:  # said as a sheet too large, but it may pass: never kept (`may_pass`)
        return sheet_too_large(str(path), SheetTooLarge("?", 0, 0), out_of_memory=True)
    except BaseException as exc:
        return open_failed(path, exc)


def may_pass(finding: Finding) -> bool:
    """A failure to read that a later run may not repeat: the file could not be opened (a form
    held open by Excel on Windows is readable once closed), or memory ran out. A region with one
    is never kept by a cache (`batch_cache`, `region_memo`)."""
    return finding.code == "cannot-open" or bool(finding.args.get(OOM))


def open_failed(path: Path, exc: BaseException) -> Submission:
    """The file could not be opened as a workbook: say what it really is when we can tell.

    A library's own error (python-calamine's, openpyxl's, a zip's) is shown in its words; what
    a reader raises from deep inside while decoding damaged bytes (a panic, an index or struct
    error: Python's or Rust's internals, meaningless to a secretariat) is `damaged`."""
    from kla_cli.workbook.sniff import content_problem

    try:
        found = content_problem(path) if path.suffix.lower() in XLSX_SUFFIXES else None
    except Exception:  # the sniffing of a damaged file failed too: say it is damaged
        found = None
    if found:
        return Submission(str(path), findings=(found,))
    if isinstance(exc, OSError) and exc.strerror:
        finding = Finding(Severity.ERROR, "cannot-open", str(path), args={"error": os_error(exc)})
        return Submission(str(path), findings=(finding,))
    if _is_library_error(exc):
        return unreadable(str(path), str(exc) or type(exc).__name__)
    return damaged(str(path))


def _is_library_error(exc: BaseException) -> bool:
    """An error a reading library raises on purpose, with a message meant for its users."""
    if isinstance(exc, zipfile.BadZipFile | zipfile.LargeZipFile):
        return True
    module = type(exc).__module__
    return module.startswith(("python_calamine", "openpyxl")) and isinstance(exc, Exception)


def missing_sheet(file: str, names: Sequence[str]) -> Submission:
    """No answer sheet: `answer-sheet-renamed` when one sheet's name holds `Isian` (`Isian
    Dinkes`, `Isian (2)`: the form, its sheet renamed), else `missing-sheet`."""
    renamed = [n for n in names if _ANSWER_LABEL in label_of(n)]
    args = {"sheet": ANSWER_SHEET, "sheets": ", ".join(names)}
    if len(renamed) == 1:
        code, args = "answer-sheet-renamed", {"sheet": ANSWER_SHEET, "found": renamed[0]}
    else:
        code = "missing-sheet"
    return Submission(file, findings=(Finding(Severity.ERROR, code, file, args=args),))


_ANSWER_LABEL = normalise_label(ANSWER_SHEET)


def answer_sheet(names: Sequence[str]) -> str | None:
    """The answer sheet (`Isian`, as its label reads) among a workbook's sheet names."""
    return next((n for n in names if label_of(n) == _ANSWER_LABEL), None)


def check_size(path: Path) -> Submission | None:
    """Why the file is not a safe workbook container, or None (zip bomb and size caps)."""
    if path.suffix.lower() in ZIP_SUFFIXES:
        parts = open_parts(path)
        if isinstance(parts, zipfile.ZipFile):
            parts.close()
        return parts if isinstance(parts, Submission) else None
    try:
        size = path.stat().st_size
    except OSError as exc:
        return open_failed(path, exc)
    return too_large(str(path), size) if size > MAX_UNCOMPRESSED else None


# --- the readers ------------------------------------------------------------------------------


class Book(Protocol):
    """An open workbook as the readers see it (one adapter per library)."""

    sheet_names: Sequence[str]

    def grid(self, sheet: str) -> Grid: ...

    def meta(self) -> dict[str, str]:
        """What kla recorded in the file: its document properties, else its `_meta` sheet."""
        ...

    def close(self) -> None: ...


class CalamineBook:
    def __init__(
        self,
        path: Path,
        data: bytes | None = None,
        properties: dict[str, str] | None = None,
        bound: Callable[[str], None] | None = None,
        unread: Mapping[str, frozenset[int]] | None = None,
    ) -> None:
        """`data`: the file's bytes when already read (then calamine reads exactly the bytes
        that were checked, and the file is not read twice); `properties`: kla's document
        properties when already read (calamine does not read them); `bound`: called with a
        sheet's name before calamine lays it out, raises `SheetTooLarge` (`bounds`: .xlsx
        sheets are laid out one at a time, when asked for); `unread`: the columns `data` holds
        without their lower cells, by sheet (`Grid.unread`)."""
        from python_calamine import CalamineWorkbook

        self._properties = properties
        self._bound = bound
        self._unread = unread or {}
        if data is None:
            self._book = CalamineWorkbook.from_path(str(path))
        else:
            self._book = CalamineWorkbook.from_filelike(BytesIO(data))
        self.sheet_names: Sequence[str] = self._book.sheet_names

    def grid(self, sheet: str) -> Grid:
        if self._bound is not None:
            self._bound(sheet)
        found = self._book.get_sheet_by_name(sheet)
        grid = Grid.from_rows(found.to_python(skip_empty_area=False))
        grid.unread = self._unread.get(sheet, frozenset())
        grid.merged = [
            (r0 + 1, c0 + 1, r1 + 1, c1 + 1)
            for (r0, c0), (r1, c1) in found.merged_cell_ranges or ()
        ]
        return grid

    def meta(self) -> dict[str, str]:
        if self._properties is not None:
            return self._properties
        if META_SHEET not in self.sheet_names:
            return {}
        if self._bound is not None:
            self._bound(META_SHEET)
        rows = self._book.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False)
        return meta_from_rows(rows)

    def close(self) -> None:
        self._book.close()


class OpenpyxlBook:
    def __init__(self, path: Path) -> None:
        import openpyxl

        self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        self.sheet_names: Sequence[str] = self._book.sheetnames

    def grid(self, sheet: str) -> Grid:
        return grid_openpyxl(own_rows(self._book[sheet]), data_only=True)

    def meta(self) -> dict[str, str]:
        properties = getattr(self._book, "custom_doc_props", ())  # not in the type stubs
        found = [
            (p.name.removeprefix(META_PROPERTY), p.value)
            for p in properties
            if p.name.startswith(META_PROPERTY) and isinstance(p.value, str)
        ]
        if found:
            return meta_from_rows(found)
        if META_SHEET not in self.sheet_names:
            return {}
        return meta_from_rows(self._book[META_SHEET].iter_rows(values_only=True, max_col=2))

    def close(self) -> None:
        self._book.close()


def read_grid(
    path: Path, opener: Callable[[Path], Book], columns: Mapping[str, int] | None = None
) -> tuple[str, Grid, dict[str, str]] | Submission:
    """The answer sheet's name and grid and the metadata sheet; a Submission when unreadable.

    Without an `Isian` sheet, the first sheet with a region recap's header is read (the first
    sheet when `columns` from `--columns` says where the recap's columns are)."""
    file = str(path)
    try:
        book = opener(path)
    except SheetTooLarge:
        raise
    except Exception as exc:  # each library raises its own kinds for a corrupt file
        return _read_failed(file, exc)
    try:
        names = book.sheet_names
        sheet = answer_sheet(names)
        meta = None
        if sheet is not None:
            grid = book.grid(sheet)
        else:
            meta = book.meta()
            if meta.get("form") == INVENTORY_FORM:  # kla's own: `inventory_read` reads it
                return missing_sheet(file, names)
            found = _recap_sheet(book, names, columns)
            if found is None:
                return missing_sheet(file, names)
            sheet, grid = found
        meta = book.meta() if meta is None else meta
    except SheetTooLarge:
        raise
    except Exception as exc:
        return _read_failed(file, exc)
    finally:
        book.close()
    return sheet, grid, meta


def _read_failed(file: str, exc: Exception) -> Submission:
    """A library's error in its words (`unreadable`); an internal one as `damaged`."""
    if _is_library_error(exc) or isinstance(exc, OSError):
        return unreadable(file, exc)
    return damaged(file)


MAX_RECAP_SHEETS = 12
"""Sheets looked at for a recap's header in a workbook without an `Isian` sheet."""


def _recap_sheet(
    book: Book, names: Sequence[str], columns: Mapping[str, int] | None
) -> tuple[str, Grid] | None:
    from kla_cli.workbook.recap_read import find_recap_header

    for name in [n for n in names if n != META_SHEET][:MAX_RECAP_SHEETS]:
        grid = book.grid(name)
        if find_recap_header(grid, columns) is not None:
            return name, grid
    return None


def own_rows(ws: object) -> Iterable[Sequence[object]]:
    """A read-only openpyxl sheet's rows as stored, not padded to its `<dimension>`: openpyxl
    pads every row, and fills every missing row, up to the dimension the file states, so a
    lying `A1:XFD1048576` (or one formula at XFD1048576) would mean 17 billion empty cells."""
    reset = getattr(ws, "reset_dimensions", None)
    if reset is not None:
        reset()
    rows: Iterable[Sequence[object]] = ws.iter_rows()  # type: ignore[attr-defined]
    return rows


def grid_openpyxl(rows: Iterable[Sequence[object]], data_only: bool) -> Grid:
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
            grid.put(*key, value)
            if shows_as_percent(str(getattr(cell, "number_format", ""))):
                grid.percent.add(key)
    return grid


def uncached_formulas(path: Path, sheet: str) -> set[tuple[int, int]]:
    """Cells of `sheet` holding a formula (a blank cached value then means never computed)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        try:
            return grid_openpyxl(own_rows(book[sheet]), data_only=False).formulas
        finally:
            book.close()
    except Exception:
        return set()


# --- the zip container ------------------------------------------------------------------------


class Parts(Protocol):
    """A zip container's members by name: `zipparts.ZipParts` or `zipfile.ZipFile`."""

    def namelist(self) -> list[str]: ...

    def read(self, name: str) -> bytes: ...


def _first_repeated(names: Iterable[str]) -> str | None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            return name
        seen.add(name)
    return None


def has_part(archive: Parts, name: str) -> bool:
    return name in archive if isinstance(archive, ZipParts) else name in archive.namelist()


def open_parts(path: Path, data: bytes | None = None) -> Parts | Submission:
    """The container's parts, or why it is not a safe one (zip-bomb cap included); `data`: the
    file's bytes when they were read already (`read.whole_file`)."""
    fast = ZipParts.open(path) if data is None else ZipParts.parse(data)
    if fast is not None:
        size, twice = fast.uncompressed_size, fast.duplicate
    else:  # not a plain zip: let the standard library judge it
        try:
            with zipfile.ZipFile(path) as archive:
                infos = archive.infolist()
                size = sum(info.file_size for info in infos)
                twice = _first_repeated(info.filename for info in infos)
        except (zipfile.BadZipFile, OSError) as exc:
            return open_failed(path, exc)
    if twice is not None:
        # Two copies of one part: which one a reader takes is up to the reader (calamine and
        # openpyxl may even differ), so the file could say one thing in Excel and another here.
        finding = Finding(Severity.ERROR, "duplicate-part", str(path), args={"part": twice})
        return Submission(str(path), findings=(finding,))
    if size > MAX_UNCOMPRESSED:
        return too_large(str(path), size)
    return fast if fast is not None else zipfile.ZipFile(path)
