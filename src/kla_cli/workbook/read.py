"""Read OPD workbooks (.xlsx, .xlsm, .xls, .ods) into `Submission`s. The only module that opens
input workbooks.

Reading is three layers, each replaceable on its own:

1. A reader turns the file into a `Grid` (the answer sheet's cell values by row and column):
   python-calamine by default (fast, and it also reads .xls and .ods), openpyxl as the reference
   reader and the fallback for what calamine cannot see.
2. Format facts calamine does not give are added to the grid cheaply, for .xlsx only:
   *percent cells* (Excel stores 95,5% as 0.955) from the styles part, and *formulas never
   computed* (calamine returns their missing cached value as an empty cell). The sheet XML is
   only looked at when the styles have a percent format or an answer looks blank, and openpyxl
   is only opened when the sheet really holds formulas (or a layout the cheap scan cannot map).
3. `submission_from_grid` (pure) finds the metadata, the header row and the item rows.

A workbook that cannot be read is not an exception: it becomes a Submission carrying an error
finding, so one bad file never stops a region or a batch. Heavy libraries are imported inside the
readers so that `kla --help` stays fast.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from io import BytesIO
from pathlib import Path
from typing import Literal, Protocol

from kla_cli.core.answers import CellValue, is_blank
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.form_layout import (
    ANSWER_SHEET,
    COLUMNS,
    MAX_HEADER_SCAN,
    META_LABELS,
    META_PROPERTY,
    META_SHEET,
    OPD_COLUMN,
    REQUIRED_COLUMNS,
    WORKBOOK_SUFFIXES,
    label_of,
    normalise_label,
)
from kla_cli.core.submission import Row, Submission
from kla_cli.errors import KlaError
from kla_cli.workbook.zipparts import ZipParts

MAX_PROPERTIES = 1024 * 1024
"""Bytes of the document properties part looked at (kla's take a few hundred)."""
MAX_UNCOMPRESSED = 256 * 1024 * 1024
"""Refuse workbooks that inflate beyond this (zip bombs); also the size cap of .xls files."""

ZIP_SUFFIXES = (".xlsx", ".xlsm", ".ods")
XLSX_SUFFIXES = (".xlsx", ".xlsm")

Engine = Literal["calamine", "openpyxl"]


# --- the grid --------------------------------------------------------------------------------


@dataclass
class Grid:
    """The cells of one sheet, 1-based, plus format facts.

    The cells are kept as the reader's rows (`rows[r - 1][c - 1]`, '' or None when empty) and
    converted only when looked at (`get`): the batch reads tens of thousands of sheets,
    and most of a sheet's cells (questions, hints) are never needed.
    """

    rows: list[Sequence[object]] = field(default_factory=list)
    percent: set[tuple[int, int]] = field(default_factory=set)
    """Cells with a percent number format."""
    formulas: set[tuple[int, int]] = field(default_factory=set)
    """Cells holding a formula whose cached value is missing."""
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as (first row, first column, last row, last column)."""

    def get(self, row: int, col: int) -> CellValue:
        rows = self.rows
        if row > len(rows):
            return None
        cells = rows[row - 1]
        if col > len(cells):
            return None
        raw = cells[col - 1]
        if raw == "" or raw is None:
            return None
        return raw if type(raw) in _PLAIN_TYPES else _cell_value(raw)  # type: ignore[return-value]

    def merged_over(self, row: int, col: int) -> str | None:
        """The merged range hiding this cell (one of a merge's cells but its first), e.g. E7:E8."""
        for r0, c0, r1, c1 in self.merged:
            if r0 <= row <= r1 and c0 <= col <= c1 and (row, col) != (r0, c0):
                return f"{col_letter(c0)}{r0}:{col_letter(c1)}{r1}"
        return None

    def put(self, row: int, col: int, value: CellValue) -> None:
        rows = self.rows
        if len(rows) < row:
            rows.extend([()] * (row - len(rows)))
        cells = rows[row - 1]
        if not isinstance(cells, list):
            cells = rows[row - 1] = list(cells)
        if len(cells) < col:
            cells.extend([None] * (col - len(cells)))
        cells[col - 1] = value

    @property
    def values(self) -> dict[tuple[int, int], CellValue]:
        """Every non-empty cell by (row, column)."""
        return {
            (r, c): self.get(r, c)
            for r, row in enumerate(self.rows, start=1)
            for c, raw in enumerate(row, start=1)
            if raw != "" and raw is not None
        }

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[object]]) -> Grid:
        """From rows of values starting at A1 (as calamine gives them); '' is an empty cell."""
        return cls(rows if isinstance(rows, list) else list(rows))


_PLAIN_TYPES = frozenset({str, float, int, bool})


def _cell_value(value: object) -> CellValue:
    """Calamine's values in the types openpyxl gives (dates as datetimes, durations as days)."""
    if isinstance(value, str | bool | int | float | datetime | time):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, timedelta):
        return value.total_seconds() / 86400
    return str(value)


def col_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


# --- grid -> submission (pure) ---------------------------------------------------------------


def _text(value: CellValue) -> str | None:
    """A cell as text (None when blank); a whole number without its '.0'."""
    if value is None:
        return None
    if type(value) is str:
        return value.strip() or None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_HEADER_COLUMNS = (*COLUMNS, OPD_COLUMN)
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
        for c, raw in enumerate(row, start=1):
            if not raw or type(raw) is not str or len(raw) > MAX_LABEL:  # most cells are ''
                continue
            keys = _label_keys(raw)
            if keys is None:
                continue
            column, meta_key = keys
            if column is not None and column not in found:
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
                    meta[key] = _text(value) or ""
                    meta_cells[key] = f"{col_letter(cc)}{r}"
                    break
    return None


def submission_from_grid(file: str, sheet: str, grid: Grid, meta: dict[str, str]) -> Submission:
    """Find metadata, header and item rows in the answer sheet's grid (pure)."""
    header = _find_header(grid)
    if header is None:
        finding = Finding(Severity.ERROR, "no-header", file, sheet, "A1")
        return Submission(file, sheet, meta=meta, findings=(finding,))
    header_row, cols, found_meta, meta_cells = header
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
    get = grid.get
    answer_merged = any(c0 <= answer_col <= c1 for _, c0, _, c1 in grid.merged)
    percent, formulas = grid.percent, grid.formulas
    items: list[Row] = []
    for r in range(header_row + 1, len(grid.rows) + 1):
        code = _text(get(r, code_col))
        if code is None:
            continue
        items.append(
            Row(  # positional (the field order of Row): this runs for every row of a batch
                code,
                r,
                get(r, answer_col),
                _text(get(r, evidence_col)),
                _text(get(r, note_col)) if note_col else None,
                _text(get(r, opd_col)) if opd_col else None,
                (r, answer_col) in percent,
                (r, answer_col) in formulas,
                grid.merged_over(r, answer_col) if answer_merged else None,
                answer_letter,
                evidence_letter,
                code_letter,
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
    )


# --- shared reader steps ---------------------------------------------------------------------


def _unreadable(file: str, error: object) -> Submission:
    text = " ".join(str(error).split()) or type(error).__name__  # a library's text, on one line
    finding = Finding(
        Severity.ERROR,
        "unreadable",
        file,
        args={"error": text if len(text) <= 200 else text[:199] + "…"},
    )
    return Submission(file, findings=(finding,))


def _too_large(file: str, size: int) -> Submission:
    mb = 1024 * 1024
    finding = Finding(
        Severity.ERROR,
        "too-large",
        file,
        args={"size": f"{size / mb:.0f}", "limit": f"{MAX_UNCOMPRESSED // mb}"},
    )
    return Submission(file, findings=(finding,))


def _is_plain_file(path: Path) -> bool:
    """Not a pipe, device or socket (a folder or a broken link: opening it reports why)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return True
    return not (
        stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)
    )


def _open_failed(path: Path, exc: Exception) -> Submission:
    """The file could not be opened as a workbook: say what it really is when we can tell."""
    from kla_cli.workbook.sniff import content_problem

    found = content_problem(path) if path.suffix.lower() in XLSX_SUFFIXES else None
    if found:
        return Submission(str(path), findings=(found,))
    if isinstance(exc, OSError) and exc.strerror:
        finding = Finding(Severity.ERROR, "cannot-open", str(path), args={"error": exc.strerror})
        return Submission(str(path), findings=(finding,))
    return _unreadable(str(path), str(exc) or type(exc).__name__)


def _calamine_failed(path: Path) -> Submission:
    """Calamine could not read a zip container: refuse what is unsafe or not a workbook, then
    let openpyxl try (it reports its own error if it fails too)."""
    from kla_cli.workbook.sniff import declares_entities

    try:
        with zipfile.ZipFile(path) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                return _open_failed(path, zipfile.BadZipFile("no xl/workbook.xml"))
            unsafe = declares_entities(archive, str(path))
    except (zipfile.BadZipFile, OSError) as exc:
        return _open_failed(path, exc)
    return Submission(str(path), findings=(unsafe,)) if unsafe else _read_openpyxl(path)


def _missing_sheet(file: str, names: Sequence[str]) -> Submission:
    finding = Finding(
        Severity.ERROR,
        "missing-sheet",
        file,
        args={"sheet": ANSWER_SHEET, "sheets": ", ".join(names)},
    )
    return Submission(file, findings=(finding,))


_ANSWER_LABEL = normalise_label(ANSWER_SHEET)


def _answer_sheet(names: Sequence[str]) -> str | None:
    return next((n for n in names if label_of(n) == _ANSWER_LABEL), None)


def _check_size(path: Path) -> Submission | None:
    """Why the file is not a safe workbook container, or None (zip bomb and size caps)."""
    if path.suffix.lower() in ZIP_SUFFIXES:
        parts = _open_parts(path)
        if isinstance(parts, zipfile.ZipFile):
            parts.close()
        return parts if isinstance(parts, Submission) else None
    try:
        size = path.stat().st_size
    except OSError as exc:
        return _open_failed(path, exc)
    return _too_large(str(path), size) if size > MAX_UNCOMPRESSED else None


def _meta_from_rows(rows: Iterable[Sequence[object]]) -> dict[str, str]:
    """Key/value pairs (the `_meta` sheet's columns A and B, or the document properties)."""
    meta: dict[str, str] = {}
    for row in rows:
        if len(row) < 2:
            continue
        key, value = row[0], row[1]
        if key in (None, "") or value in (None, ""):
            continue
        if type(value) is not str:
            value = _text(_cell_value(value)) or str(value)
        meta[str(key)] = value.strip() or value
    return meta


def read_workbook(path: Path, *, engine: Engine = "calamine") -> Submission:
    """Read one OPD workbook; problems become findings on the returned Submission.

    `engine="openpyxl"` reads with openpyxl only (the reference reader, .xlsx/.xlsm); both
    engines give the same Submission for the same file.
    """
    if not _is_plain_file(path):  # a named pipe would block the read forever
        finding = Finding(Severity.ERROR, "not-a-file", str(path))
        return Submission(str(path), findings=(finding,))
    if engine == "calamine" and path.suffix.lower() in XLSX_SUFFIXES:
        return _read_xlsx(path)
    problem = _check_size(path)
    if problem:
        return problem
    if engine == "openpyxl":
        return _read_openpyxl(path)
    read = _read_grid(path, _CalamineBook)
    return read if isinstance(read, Submission) else submission_from_grid(str(path), *read)


# --- calamine --------------------------------------------------------------------------------


class _Book(Protocol):
    """An open workbook as the readers see it (one adapter per library)."""

    sheet_names: Sequence[str]

    def grid(self, sheet: str) -> Grid: ...

    def meta(self) -> dict[str, str]:
        """What kla recorded in the file: its document properties, else its `_meta` sheet."""
        ...

    def close(self) -> None: ...


class _CalamineBook:
    def __init__(
        self, path: Path, data: bytes | None = None, properties: dict[str, str] | None = None
    ) -> None:
        """`data`: the file's bytes when already read (then calamine reads exactly the bytes
        that were checked, and the file is not read twice); `properties`: kla's document
        properties when already read (calamine does not read them)."""
        from python_calamine import CalamineWorkbook

        self._properties = properties
        if data is None:
            self._book = CalamineWorkbook.from_path(str(path))
        else:
            self._book = CalamineWorkbook.from_filelike(BytesIO(data))
        self.sheet_names: Sequence[str] = self._book.sheet_names

    def grid(self, sheet: str) -> Grid:
        found = self._book.get_sheet_by_name(sheet)
        grid = Grid.from_rows(found.to_python(skip_empty_area=False))
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
        rows = self._book.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False)
        return _meta_from_rows(rows)

    def close(self) -> None:
        self._book.close()


class _OpenpyxlBook:
    def __init__(self, path: Path) -> None:
        import openpyxl

        self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        self.sheet_names: Sequence[str] = self._book.sheetnames

    def grid(self, sheet: str) -> Grid:
        return _grid_openpyxl(self._book[sheet].iter_rows(), data_only=True)

    def meta(self) -> dict[str, str]:
        properties = getattr(self._book, "custom_doc_props", ())  # not in the type stubs
        found = [
            (p.name.removeprefix(META_PROPERTY), p.value)
            for p in properties
            if p.name.startswith(META_PROPERTY) and isinstance(p.value, str)
        ]
        if found:
            return _meta_from_rows(found)
        if META_SHEET not in self.sheet_names:
            return {}
        return _meta_from_rows(self._book[META_SHEET].iter_rows(values_only=True, max_col=2))

    def close(self) -> None:
        self._book.close()


def _read_grid(
    path: Path, opener: Callable[[Path], _Book]
) -> tuple[str, Grid, dict[str, str]] | Submission:
    """The answer sheet's name and grid and the metadata sheet; a Submission when unreadable."""
    file = str(path)
    try:
        book = opener(path)
    except Exception as exc:  # each library raises its own kinds for a corrupt file
        return _unreadable(file, exc)
    try:
        names = book.sheet_names
        sheet = _answer_sheet(names)
        if sheet is None:
            return _missing_sheet(file, names)
        grid = book.grid(sheet)
        meta = book.meta()
    except Exception as exc:
        return _unreadable(file, exc)
    finally:
        book.close()
    return sheet, grid, meta


class _Parts(Protocol):
    """A zip container's members by name: `zipparts.ZipParts` or `zipfile.ZipFile`."""

    def namelist(self) -> list[str]: ...

    def read(self, name: str) -> bytes: ...


def _has(archive: _Parts, name: str) -> bool:
    return name in archive if isinstance(archive, ZipParts) else name in archive.namelist()


def _open_parts(path: Path) -> _Parts | Submission:
    """The container's parts, or why it is not a safe one (zip-bomb cap included)."""
    fast = ZipParts.open(path)
    if fast is not None:
        size = fast.uncompressed_size
    else:  # not a plain zip: let the standard library judge it
        try:
            with zipfile.ZipFile(path) as archive:
                size = sum(info.file_size for info in archive.infolist())
        except (zipfile.BadZipFile, OSError) as exc:
            return _open_failed(path, exc)
    if size > MAX_UNCOMPRESSED:
        return _too_large(str(path), size)
    return fast if fast is not None else zipfile.ZipFile(path)


def _read_xlsx(path: Path) -> Submission:
    """.xlsx/.xlsm: calamine for the values, the zip parts for the facts calamine does not give.

    The container is indexed once, for the zip-bomb check and the format facts. When calamine
    cannot read the file, openpyxl gets a try (and reports its own error if it fails too).
    """
    file = str(path)
    parts = _open_parts(path)
    if isinstance(parts, Submission):
        return parts
    try:
        # calamine is given the bytes already read, unless the container is not plainly an
        # .xlsx (it would then guess the format from the bytes, where the name should decide)
        data = properties = None
        if isinstance(parts, ZipParts) and "xl/workbook.xml" in parts:
            data, properties = parts.data, _read_properties(parts)
        read = _read_grid(path, lambda path: _CalamineBook(path, data, properties))
        if isinstance(read, Submission):
            return _calamine_failed(path) if read.findings[0].code == "unreadable" else read
        sheet, grid, meta = read
        submission = submission_from_grid(file, sheet, grid, meta)
        if not submission.rows:
            return submission
        return _add_xlsx_facts(parts, path, sheet, grid, submission)
    finally:
        if isinstance(parts, zipfile.ZipFile):
            parts.close()


_PERCENT_BUILTIN = frozenset({9, 10})
"""Excel's built-in number formats 0% and 0.00%."""
_NS = rb"(?:[A-Za-z_][\w.-]*:)?"
_RE_NUMFMT = re.compile(rb"<" + _NS + rb"numFmt\b([^>]*)>")
_RE_CELLXFS = re.compile(rb"<" + _NS + rb"cellXfs\b.*?</" + _NS + rb"cellXfs>", re.S)
_RE_XF = re.compile(rb"<" + _NS + rb"xf\b([^>]*)>")
_RE_CELL = re.compile(rb"<" + _NS + rb"c\b([^>]*)>")
_RE_FORMULA = re.compile(rb"<" + _NS + rb"f[\s/>]")
_RE_SHEET = re.compile(rb"<" + _NS + rb"sheet\b([^>]*)>")
_RE_REL = re.compile(rb"<" + _NS + rb"Relationship\b([^>]*)>")


_CUSTOM_PROPERTIES = "docProps/custom.xml"
_RE_PROPERTY = re.compile(
    r"<(?:[A-Za-z_][\w.-]*:)?property\b[^>]*?\sname\s*=\s*[\"']"
    + re.escape(META_PROPERTY)
    + r"([^\"']*)[\"'][^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?(?:lpwstr|bstr)>([^<]*)<"
)
"""One of kla's custom properties with a text value: its key (the name after the prefix) and
its text."""


def _read_properties(parts: ZipParts) -> dict[str, str] | None:
    """kla's metadata from the custom document properties part, read without calamine (which
    does not see it); None when there is none (the `_meta` sheet is read instead)."""
    if _CUSTOM_PROPERTIES not in parts:
        return None
    try:
        xml = parts.read(_CUSTOM_PROPERTIES, limit=MAX_PROPERTIES)
    except ValueError:
        return None
    text = xml.decode("utf-8", "replace")
    pairs: list[tuple[str, str]] = _RE_PROPERTY.findall(text)
    if "&" in text:  # XML's five entities and character references
        from html import unescape

        pairs = [(unescape(key), unescape(value)) for key, value in pairs]
    return _meta_from_rows(pairs) if pairs else None


def _attr(attrs: bytes, name: bytes) -> str | None:
    found = re.search(rb"(?:^|\s)" + name + rb'\s*=\s*["\']([^"\']*)["\']', attrs)
    return found.group(1).decode("utf-8", "replace") if found else None


_RE_PERCENT_ID = re.compile(
    rb"numFmtId\s*=\s*[\"'](?:" + b"|".join(b"%d" % n for n in _PERCENT_BUILTIN) + rb")[\"']"
)


def _maybe_percent(styles: bytes) -> bool:
    """A quick look for a percent format in the styles (a custom one has % in its code)."""
    return b"%" in styles or _RE_PERCENT_ID.search(styles) is not None


def _percent_in(styles: bytes) -> frozenset[int]:
    return frozenset(_percent_styles(styles)) if _maybe_percent(styles) else frozenset()


def _percent_styles(styles: bytes) -> set[int]:
    """Indexes of the cell formats (the `s` of a cell) that show numbers as percentages."""
    percent_fmts = set(_PERCENT_BUILTIN)
    for m in _RE_NUMFMT.finditer(styles):
        fmt_id, code = _attr(m.group(1), rb"numFmtId"), _attr(m.group(1), rb"formatCode")
        if fmt_id and fmt_id.isdigit() and code and "%" in code:
            percent_fmts.add(int(fmt_id))
    block = _RE_CELLXFS.search(styles)
    if block is None:
        return set()
    found = set()
    for index, m in enumerate(_RE_XF.finditer(block.group(0))):
        fmt_id = _attr(m.group(1), rb"numFmtId")
        if fmt_id and fmt_id.isdigit() and int(fmt_id) in percent_fmts:
            found.add(index)
    return found


_PERCENT_FORMATS: dict[tuple[int, bytes], frozenset[int]] = {}
"""Percent cell formats by styles part as stored: the forms of one template share it, so a
batch inflates and scans it once, not once per workbook."""


def _percent_formats(archive: _Parts) -> frozenset[int]:
    """The percent cell formats of the workbook's styles part."""
    if not isinstance(archive, ZipParts):
        return _percent_in(archive.read("xl/styles.xml"))
    key = archive.stored("xl/styles.xml")
    found = _PERCENT_FORMATS.get(key)
    if found is None:
        found = _percent_in(archive.inflate(key))
        if len(_PERCENT_FORMATS) >= 64:  # a few templates in a run; bound it anyway
            _PERCENT_FORMATS.clear()
        _PERCENT_FORMATS[key] = found
    return found


def _sheet_part(archive: _Parts, sheet: str) -> str | None:
    """The zip member holding worksheet `sheet`, from the workbook part and its relationships."""
    from xml.sax.saxutils import unescape

    rel_id = None
    for m in _RE_SHEET.finditer(archive.read("xl/workbook.xml")):
        name = _attr(m.group(1), rb"name")
        if name is not None and unescape(name, {"&quot;": '"', "&apos;": "'"}) == sheet:
            rel_id = _attr(m.group(1), rb"[\w.-]+:id")
            break
    if rel_id is None:
        return None
    for m in _RE_REL.finditer(archive.read("xl/_rels/workbook.xml.rels")):
        if _attr(m.group(1), rb"Id") == rel_id:
            target = _attr(m.group(1), rb"Target") or ""
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


_RE_REF = re.compile(r"([A-Z]+)([0-9]+)$")
_RE_ERROR_TYPE = re.compile(rb"""\st\s*=\s*["']e["']""")
_RE_CELL_BODY = re.compile(rb"<" + _NS + rb"c\b([^>]*[^/])>(.*?)</" + _NS + rb"c>", re.S)
_RE_VALUE = re.compile(rb"<" + _NS + rb"v>([^<]*)</" + _NS + rb"v>")


def _error_cells(xml: bytes) -> dict[tuple[int, int], str]:
    """Cells holding an Excel error value (#DIV/0!, #N/A, …), which calamine reads as empty."""
    found = {}
    for m in _RE_CELL_BODY.finditer(xml):
        attrs = m.group(1)
        if _attr(attrs, rb"t") != "e":
            continue
        ref = _RE_REF.match(_attr(attrs, rb"r") or "")
        value = _RE_VALUE.search(m.group(2))
        if ref and value:
            key = (int(ref.group(2)), col_number(ref.group(1)))
            found[key] = value.group(1).decode("utf-8", "replace")
    return found


def _percent_cells(xml: bytes, styles: AbstractSet[int]) -> set[tuple[int, int]] | None:
    """Cells whose style is a percent format; None when the cheap scan cannot tell."""
    if 0 in styles:
        return None  # unstyled cells would be percent too: leave it to openpyxl
    cells = set()
    for m in _RE_CELL.finditer(xml):
        attrs = m.group(1)
        style = _attr(attrs, rb"s")
        if style is None or not style.isdigit() or int(style) not in styles:
            continue
        ref = _RE_REF.match(_attr(attrs, rb"r") or "")
        if ref is None:
            return None
        cells.add((int(ref.group(2)), col_number(ref.group(1))))
    return cells


def _add_xlsx_facts(
    archive: _Parts, path: Path, sheet: str, grid: Grid, submission: Submission
) -> Submission:
    """Add percent cells and uncached formulas that calamine cannot report (see module doc).

    A percent format only matters to a number, and error values and formulas only to an answer
    that reads blank: a sheet with neither is left alone.
    """
    blank_answer = any(is_blank(r.answer) for r in submission.rows)
    number_answer = any(isinstance(r.answer, int | float) for r in submission.rows)
    if not blank_answer and not number_answer:
        return submission
    try:
        has_styles = number_answer and _has(archive, "xl/styles.xml")
        percent = _percent_formats(archive) if has_styles else frozenset()
        if not percent and not blank_answer:
            return submission
        part = _sheet_part(archive, sheet)
        xml = archive.read(part) if part and _has(archive, part) else None
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, EOFError, RuntimeError):
        xml = None
    if xml is None:
        return _with_openpyxl_facts(path, sheet, grid, submission)
    changed = False
    if blank_answer and _RE_ERROR_TYPE.search(xml):
        for (r, c), text in _error_cells(xml).items():
            if grid.get(r, c) is None:
                grid.put(r, c, text)
                changed = True
    if percent:
        cells = _percent_cells(xml, percent)
        if cells is None:
            return _with_openpyxl_facts(path, sheet, grid, submission)
        if cells:
            grid.percent = cells
            changed = True
    if blank_answer and _RE_FORMULA.search(xml):
        formulas = _uncached_formulas_openpyxl(path, sheet)
        if formulas:
            grid.formulas = formulas
            changed = True
    if not changed:
        return submission
    return submission_from_grid(submission.file, submission.sheet, grid, submission.meta)


def _with_openpyxl_facts(path: Path, sheet: str, grid: Grid, submission: Submission) -> Submission:
    """Percent cells and uncached formulas read by openpyxl (unusual layouts only)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            grid.percent = _grid_openpyxl(book[sheet].iter_rows(), data_only=True).percent
        finally:
            book.close()
    except Exception:
        return submission
    grid.formulas = _uncached_formulas_openpyxl(path, sheet)
    return submission_from_grid(submission.file, submission.sheet, grid, submission.meta)


# --- openpyxl --------------------------------------------------------------------------------


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
            grid.put(*key, value)
            if "%" in str(getattr(cell, "number_format", "")):
                grid.percent.add(key)
    return grid


def _read_openpyxl(path: Path) -> Submission:
    """The reference reader (openpyxl, .xlsx/.xlsm): slower, but it sees every format fact."""
    read = _read_grid(path, _OpenpyxlBook)
    if isinstance(read, Submission):
        return read
    sheet, grid, meta = read
    submission = submission_from_grid(str(path), sheet, grid, meta)
    if any(is_blank(r.answer) for r in submission.rows):
        formulas = _uncached_formulas_openpyxl(path, sheet)
        if formulas:
            grid.formulas = formulas
            submission = submission_from_grid(str(path), sheet, grid, meta)
    return submission


def _uncached_formulas_openpyxl(path: Path, sheet: str) -> set[tuple[int, int]]:
    """Cells of `sheet` holding a formula (a blank cached value then means never computed)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        try:
            return _grid_openpyxl(book[sheet].iter_rows(), data_only=False).formulas
        finally:
            book.close()
    except Exception:
        return set()


# --- paths -----------------------------------------------------------------------------------


def workbook_paths(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into the workbook files to read, sorted; raise for missing paths."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            names = [
                name
                for name in os.listdir(path)
                if name.lower().endswith(WORKBOOK_SUFFIXES) and not name.startswith(("~$", "."))
            ]
            # sorted by name as paths sort (case-insensitively on Windows), without making and
            # comparing a Path per file
            inside = [path / name for name in sorted(names, key=os.path.normcase)]
            if not inside:
                raise KlaError("path.no_workbooks", str(path), "path.no_workbooks.hint")
            found.extend(inside)
        elif path.is_file():
            if path.suffix.lower() not in WORKBOOK_SUFFIXES:
                raise KlaError("path.not_workbook", str(path), "path.not_workbook.hint")
            found.append(path)
        else:
            raise KlaError("path.missing", str(path), "path.missing.hint")
    return found
