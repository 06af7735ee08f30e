"""Read OPD workbooks (.xlsx, .xlsm, .xls, .ods) into `Submission`s: `read_workbook`, the one
way into the workbook readers, and the path a file takes through them.

Reading is three layers, each replaceable on its own:

1. A reader turns the file into a `Grid` (`grid`: the answer sheet's cell values by row and
   column): python-calamine by default (fast, and it also reads .xls and .ods), openpyxl as the
   reference reader and the fallback for what calamine cannot see (`books`).
2. Format facts calamine does not give are added to the grid cheaply, for .xlsx only:
   *percent cells* (Excel stores 95,5% as 0.955) from the styles part, and *formulas never
   computed* (calamine returns their missing cached value as an empty cell). The sheet XML is
   only looked at when the styles have a percent format or an answer looks blank, and openpyxl
   is only opened when the sheet really holds formulas (or a layout the cheap scan cannot map)
   (`xlsx_facts`).
3. `submission_from_grid` (pure, `sheet`) finds the metadata, the header row and the item rows.
   A sheet without kla's header is tried as a region's own recap (`recap_read`: `Rekap
   Penilaian Mandiri`, recognised by its headers; `columns` from `--columns` says which column
   is which where a header cannot be matched). A workbook without an `Isian` sheet is read from
   its first sheet that has a recap's header.

A workbook that cannot be read is not an exception: it becomes a Submission carrying an error
finding, so one bad file never stops a region or a batch.
"""

from __future__ import annotations

import functools
import os
import stat
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kla_cli.core.answers import is_blank
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.submission import Submission
from kla_cli.workbook.books import (
    XLSX_SUFFIXES,
    CalamineBook,
    OpenpyxlBook,
    Parts,
    check_size,
    guarded,
    open_failed,
    open_parts,
    read_grid,
)
from kla_cli.workbook.foreign import foreign_facts
from kla_cli.workbook.grid import Grid, PartialGrid
from kla_cli.workbook.paths import workbook_paths
from kla_cli.workbook.sheet import submission_from_grid
from kla_cli.workbook.xlsx_facts import (
    SheetParts,
    add_xlsx_facts,
    calamine_bytes,
    formulas_not_computed,
    read_core,
    read_properties,
)
from kla_cli.workbook.zipparts import MAX_FILE, ZipParts

if TYPE_CHECKING:
    from kla_cli.workbook.recap_read import Columns

Engine = Literal["calamine", "openpyxl"]


def read_workbook(
    path: Path,
    *,
    engine: Engine = "calamine",
    columns: Columns | None = None,
    core_properties: bool = True,
) -> Submission:
    """Read one OPD workbook or region recap; problems become findings on the Submission.

    `engine="openpyxl"` reads with openpyxl only (the reference reader, .xlsx/.xlsm); both
    engines give the same Submission for the same file. `columns` (from `--columns`) maps a
    recap's columns whose headers kla cannot match.

    The Submission also carries when the form was saved (its document properties, else the
    file's time) and who wrote it, so that a re-sent form and kla's own outputs are told apart.
    `core_properties=False`: not for one of kla's forms (its OPD in kla's metadata), whose
    author tells nothing and whose saved time only orders copies of one OPD's form
    (`read_region` reads them where a region has such copies).
    """
    data = None
    if engine == "calamine" and path.suffix.lower() in XLSX_SUFFIXES:
        st, data = whole_file(path)
    else:
        st = _stat(path)
    file_time = st.st_mtime if st is not None else None
    sub = guarded(path, lambda: _read_any(path, engine, columns, st, data, core_properties))
    if sub.saved is None and sub.creator is None and engine == "openpyxl":
        sub = _core_openpyxl(path, sub)
    return sub if sub.file_time == file_time else replace(sub, file_time=file_time)


def _stat(path: Path) -> os.stat_result | None:
    """The file's time, and whether it is a plain file at all (one stat)."""
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)
_OPEN_FLAGS |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
"""Should the file become a pipe or a terminal between the stat and the open: O_NONBLOCK opens
a pipe at once instead of waiting for a writer, O_NOCTTY keeps a terminal from becoming this
process's. Neither changes anything for a regular file."""


def whole_file(path: Path) -> tuple[os.stat_result | None, bytes | None]:
    """The file's status and, when it is a regular file of at most MAX_FILE bytes, its bytes.

    A stat, then one open and one read, where `open()` (an fstat and an isatty of its own), an
    fstat for the size and `read()` (another fstat and a seek) made eight system calls: 7 us a
    form less, measured over the 10 280 forms of the national corpus (2026-12-04). The stat
    comes first so that a device or a pipe named like a workbook is never opened (opening some
    devices does something). Anything unusual (the file cannot be opened, is not a regular
    file, is large) gives no bytes and the ordinary path decides, with its own error."""
    st = _stat(path)
    if st is None or not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE:
        return st, None
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError):
        return st, None
    try:
        data = os.read(fd, st.st_size + 1)  # one byte more tells a file that grew
        if len(data) == st.st_size:
            return st, data
        chunks = [data]  # a short read, or a file that grew: read on to its end
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return st, b"".join(chunks)
    except OSError:
        return st, None
    finally:
        os.close(fd)


def _core_openpyxl(path: Path, sub: Submission) -> Submission:
    """The author and saved time of an .xlsx read by the reference reader."""
    if path.suffix.lower() not in XLSX_SUFFIXES:
        return sub
    from kla_cli.workbook.xlsx_facts import read_core

    try:
        with zipfile.ZipFile(path) as archive:
            creator, saved = read_core(archive)
    except (zipfile.BadZipFile, OSError):
        return sub
    return replace(sub, creator=creator, saved=saved)


def _read_any(
    path: Path,
    engine: Engine,
    columns: Columns | None,
    st: os.stat_result | None,
    data: bytes | None = None,
    core_properties: bool = True,
) -> Submission:
    if st is not None and _is_special(st.st_mode):  # a named pipe would block the read forever
        finding = Finding(Severity.ERROR, "not-a-file", str(path))
        return Submission(str(path), findings=(finding,))
    if engine == "calamine" and path.suffix.lower() in XLSX_SUFFIXES:
        file_time = st.st_mtime if st is not None else None
        return _read_xlsx(path, columns, data, file_time, core_properties)
    problem = check_size(path)
    if problem:
        return problem
    if engine == "openpyxl":
        return _read_openpyxl(path, columns)
    facts = foreign_facts(path)  # before calamine lays out every sheet: bounded, or refused
    if isinstance(facts, Submission):
        return facts
    read = read_grid(path, CalamineBook, columns)
    if isinstance(read, Submission):
        return read
    sheet, grid, meta = read
    percent = facts.get(sheet) if facts is not None else None
    grid.percent = percent or set()
    submission = _from_grid(path, sheet, grid, meta, columns)
    if percent is None and any(isinstance(r.answer, int | float) for r in submission.rows):
        unknown = Finding(Severity.WARNING, "percent-format-unknown", str(path), sheet)
        submission = replace(submission, findings=(*submission.findings, unknown))
    return submission


def _from_grid(
    path: Path, sheet: str, grid: Grid, meta: dict[str, str], columns: Columns | None
) -> Submission:
    """kla's own form, else a region's recap (when the sheet has a recap's header)."""
    from kla_cli.workbook.recap_read import submission_from_recap  # only for a sheet not kla's

    file = str(path)
    submission = submission_from_grid(file, sheet, grid, meta)
    if not _no_header(submission):
        return submission
    recap = submission_from_recap(file, sheet, grid, meta, columns)
    if recap is None:
        return submission
    if path.suffix.lower() in XLSX_SUFFIXES and any(is_blank(r.answer) for r in recap.rows):
        formulas = formulas_not_computed(path, sheet)  # a blank nilai may be one never computed
        if formulas:
            grid.formulas = formulas
            recap = submission_from_recap(file, sheet, grid, meta, columns) or recap
    return recap


def _no_header(submission: Submission) -> bool:
    return not submission.rows and any(f.code == "no-header" for f in submission.findings)


def _is_special(mode: int) -> bool:
    """A pipe, device or socket (a folder or a broken link: opening it reports why)."""
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)


def _read_xlsx(
    path: Path,
    columns: Columns | None,
    data: bytes | None = None,
    file_time: float | None = None,
    core_properties: bool = True,
) -> Submission:
    """.xlsx/.xlsm: calamine for the values, the zip parts for the facts calamine does not give.

    The container (`data`: its bytes, when read already) is indexed once, for the zip-bomb
    check and the format facts. When calamine cannot read the file, openpyxl gets a try (and
    reports its own error if it fails too). The file's facts (who wrote it, when it was saved,
    `file_time`) join the Submission in one copy of it.
    """
    parts = open_parts(path, data)
    if isinstance(parts, Submission):
        return parts
    try:
        read = _read_parts(path, parts, columns)
        creator = saved = None
        if core_properties or not read.meta.get("opd_id"):
            creator, saved = read_core(parts)
        return replace(read, creator=creator, saved=saved, file_time=file_time)
    finally:
        if isinstance(parts, zipfile.ZipFile):
            parts.close()


def _read_parts(path: Path, parts: Parts, columns: Columns | None, lean: bool = True) -> Submission:
    """An .xlsx container already opened and checked, read with calamine (kla's own form
    without its question texts, when `lean`: `calamine_bytes`)."""
    file = str(path)
    # calamine is given the bytes already read (the answer sheet in them already inflated for
    # the bound check), unless the container is not plainly an .xlsx (it would then guess the
    # format from the bytes, where the name should decide)
    data = properties = None
    unread: dict[str, frozenset[int]] = {}
    sheets = SheetParts(parts)
    if isinstance(parts, ZipParts) and "xl/workbook.xml" in parts:
        properties = read_properties(parts)
        form = lean and properties is not None and bool(properties.get("opd_id"))
        data, unread = calamine_bytes(parts, sheets, form)
    read = read_grid(
        path, lambda path: CalamineBook(path, data, properties, sheets.bound, unread), columns
    )
    if isinstance(read, Submission):
        if read.findings[0].code == "unreadable":
            return _calamine_failed(path, columns)
        return read
    sheet, grid, meta = read
    if unread and sheet not in unread:  # calamine read another sheet than the one cut: its own
        return _read_parts(path, parts, columns, lean=False)  # names may differ from kla's
    try:
        submission = submission_from_grid(file, sheet, grid, meta)
        if _no_header(submission):
            return _from_grid(path, sheet, grid, meta, columns)
        if not submission.rows:
            return submission
        return add_xlsx_facts(sheets, path, sheet, grid, submission)
    except PartialGrid:  # the form's layout changed: its question columns are read after all
        return _read_parts(path, parts, columns, lean=False)


def _read_openpyxl(path: Path, columns: Columns | None = None) -> Submission:
    """The reference reader (openpyxl, .xlsx/.xlsm): slower, but it sees every format fact."""
    read = read_grid(path, OpenpyxlBook, columns)
    if isinstance(read, Submission):
        return read
    sheet, grid, meta = read
    submission = submission_from_grid(str(path), sheet, grid, meta)
    if _no_header(submission):
        return _from_grid(path, sheet, grid, meta, columns)
    if any(is_blank(r.answer) for r in submission.rows):
        formulas = formulas_not_computed(path, sheet)
        if formulas:
            grid.formulas = formulas
            submission = submission_from_grid(str(path), sheet, grid, meta)
    return submission


def _calamine_failed(path: Path, columns: Columns | None) -> Submission:
    """Calamine could not read a zip container: refuse what is unsafe or not a workbook, then
    let openpyxl try (it reports its own error if it fails too)."""
    from kla_cli.workbook.sniff import declares_entities

    try:
        with zipfile.ZipFile(path) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                return open_failed(path, zipfile.BadZipFile("no xl/workbook.xml"))
            unsafe = declares_entities(archive, str(path))
            if not unsafe:  # openpyxl fills the gaps up to a far cell: bound every sheet first
                SheetParts(archive).bound_all()
    except (zipfile.BadZipFile, OSError) as exc:
        return open_failed(path, exc)
    return Submission(str(path), findings=(unsafe,)) if unsafe else _read_openpyxl(path, columns)


def _inventory_or(path: Path, sub: Submission) -> Submission:
    from kla_cli.workbook.inventory_read import read_inventory

    return read_inventory(path) or sub


def read_region(
    paths: Iterable[Path],
    columns: Columns | None = None,
    *,
    opd_of: Callable[[Submission], str | None] | None = None,
) -> list[Submission]:
    """Read every workbook under `paths` (files or folders of one region); a file without an
    OPD answer sheet may be the inventory of kecamatan and desa/kelurahan.

    `opd_of` (the rubric's `core.intake.form_opd`, for a batch): the author and saved time of
    kla's forms are read only where they decide something, for the forms of an OPD that sent
    more than one (`core.intake` keeps the newer); a batch's forms mostly come one per OPD."""
    from kla_cli.workbook.inventory_read import maybe_inventory

    found = []
    read = workbook_paths(paths)
    for path in read:
        sub = read_workbook(path, columns=columns, core_properties=opd_of is None)
        if maybe_inventory(sub):
            inventory = guarded(path, functools.partial(_inventory_or, path, sub))
            sub = replace(inventory, saved=sub.saved, file_time=sub.file_time, creator=sub.creator)
        found.append(sub)
    if opd_of is not None:
        opds = [opd_of(sub) for sub in found]
        twice = {opd for opd in opds if opd is not None and opds.count(opd) > 1}
        for i, (path, sub, opd) in enumerate(zip(read, found, opds, strict=True)):
            if opd in twice and sub.saved is None and sub.creator is None:
                found[i] = _with_core_properties(path, sub)
    return found


def _with_core_properties(path: Path, sub: Submission) -> Submission:
    """`sub` with the author and saved time its file's document properties give."""
    parts = open_parts(path)
    if isinstance(parts, Submission):
        return sub
    try:
        creator, saved = read_core(parts)
    finally:
        if isinstance(parts, zipfile.ZipFile):
            parts.close()
    return replace(sub, creator=creator, saved=saved)
