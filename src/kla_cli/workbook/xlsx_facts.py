"""Facts read from the parts of an .xlsx container that calamine does not give: *percent
cells* (Excel stores 95,5% as 0.955) from the styles part, *error values* and *formulas never
computed* (calamine reads both as empty cells), and kla's custom document properties.

A module of its own because it reads the zip parts with byte-level regular expressions rather
than through a workbook library: cheap enough for a batch of tens of thousands of files, and
it falls back to openpyxl when the cheap scan cannot tell.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TypeVar

from kla_cli.core.answers import is_blank
from kla_cli.core.form_layout import FORM_COLUMNS, META_PROPERTY
from kla_cli.core.submission import Submission
from kla_cli.workbook.books import (
    MAX_UNCOMPRESSED,
    Parts,
    answer_sheet,
    grid_openpyxl,
    has_part,
    own_rows,
    uncached_formulas,
)
from kla_cli.workbook.bounds import check, xlsx_extent, xlsx_layout
from kla_cli.workbook.byte_search import contains
from kla_cli.workbook.grid import Grid, col_letter, col_number, shows_as_percent
from kla_cli.workbook.sheet import READ_KEYS, meta_from_rows, submission_from_grid
from kla_cli.workbook.zipparts import ZipParts

MAX_PROPERTIES = 1024 * 1024
"""Bytes of the document properties part looked at (kla's take a few hundred)."""


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


def read_properties(parts: ZipParts) -> dict[str, str] | None:
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
    return meta_from_rows(pairs) if pairs else None


_CORE_PROPERTIES = "docProps/core.xml"
_RE_CORE = {
    key: re.compile(r"<(?:[A-Za-z_][\w.-]*:)?" + tag + r"\b[^>]*>\s*([^<]*?)\s*<")
    for key, tag in (("creator", "creator"), ("modified", "modified"))
}


def read_core(parts: Parts) -> tuple[str | None, str | None]:
    """The document's author and last-saved time (`docProps/core.xml`: `dc:creator`,
    `dcterms:modified`, ISO 8601), each None when absent; Excel and LibreOffice update the time
    on every save, so it tells a corrected form from the one it replaces."""
    if not has_part(parts, _CORE_PROPERTIES):
        return None, None
    try:
        if isinstance(parts, ZipParts):
            xml = parts.read(_CORE_PROPERTIES, limit=MAX_PROPERTIES)
        else:
            xml = parts.read(_CORE_PROPERTIES)[:MAX_PROPERTIES]
    except (ValueError, KeyError, OSError, zipfile.BadZipFile):
        return None, None
    text = xml.decode("utf-8", "replace")
    found = {
        key: (m.group(1) or None) if (m := rx.search(text)) else None
        for key, rx in _RE_CORE.items()
    }
    creator = found["creator"]
    if creator and "&" in creator:
        from html import unescape

        creator = unescape(creator)
    return creator, found["modified"]


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
        if fmt_id and fmt_id.isdigit() and code and shows_as_percent(code):
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


_K = TypeVar("_K")
_V = TypeVar("_V")


def _per_template(cache: dict[_K, _V], key: _K, make: Callable[[], _V], most: int = 64) -> _V:
    """`cache[key]`, made by `make()` the first time. The key is a part as stored (its bytes):
    the forms of one template share their workbook, relationships and styles parts, so a batch
    works out what they say once, not once per workbook. A run meets a few templates; past
    `most` entries the cache starts anew all the same."""
    if key in cache:
        return cache[key]
    found = make()
    if len(cache) >= most:
        cache.clear()
    cache[key] = found
    return found


_PERCENT_FORMATS: dict[tuple[int, bytes], frozenset[int]] = {}
"""Percent cell formats by styles part as stored (`_per_template`)."""


def _percent_formats(archive: Parts) -> frozenset[int]:
    """The percent cell formats of the workbook's styles part."""
    if not isinstance(archive, ZipParts):
        return _percent_in(archive.read("xl/styles.xml"))
    key = archive.stored("xl/styles.xml")
    return _per_template(_PERCENT_FORMATS, key, lambda: _percent_in(archive.inflate(key)))


_SHEET_PARTS: dict[tuple[tuple[int, bytes], tuple[int, bytes], str], str | None] = {}
"""Worksheet members by workbook part and relationships as stored, and sheet name
(`_per_template`)."""


def _unescape(text: str) -> str:
    """An attribute's text with XML's five named entities replaced (as `xml.sax.saxutils`
    would, without importing it: it pulls in urllib, http and email, 15 ms of start-up)."""
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'")):
        text = text.replace(entity, char)
    return text.replace("&amp;", "&")


def _sheet_part(archive: Parts, sheet: str) -> str | None:
    """The zip member holding worksheet `sheet`, from the workbook part and its relationships."""
    if not isinstance(archive, ZipParts):
        return _find_sheet_part(archive, sheet)
    key = (archive.stored("xl/workbook.xml"), archive.stored("xl/_rels/workbook.xml.rels"), sheet)
    return _per_template(_SHEET_PARTS, key, lambda: _find_sheet_part(archive, sheet), 256)


def _workbook_sheets(xml: bytes) -> list[tuple[str, str | None]]:
    """Each sheet the workbook part lists, in order: its name and its relationship id."""
    found = []
    for m in _RE_SHEET.finditer(xml):
        name = _attr(m.group(1), rb"name")
        if name is not None:
            found.append((_unescape(name), _attr(m.group(1), rb"[\w.-]+:id")))
    return found


def _find_sheet_part(archive: Parts, sheet: str) -> str | None:
    sheets = _workbook_sheets(archive.read("xl/workbook.xml"))
    rel_id = next((rel for name, rel in sheets if name == sheet), None)
    if rel_id is None:
        return None
    for m in _RE_REL.finditer(archive.read("xl/_rels/workbook.xml.rels")):
        if _attr(m.group(1), rb"Id") == rel_id:
            target = _attr(m.group(1), rb"Target") or ""
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


_SHEET_NAMES: dict[tuple[int, bytes], list[str]] = {}
"""The sheet names by workbook part as stored (`_per_template`)."""


def _sheet_names(archive: ZipParts) -> list[str]:
    """The sheet names the workbook part lists, in order."""
    key = archive.stored("xl/workbook.xml")
    return _per_template(
        _SHEET_NAMES, key, lambda: [name for name, _ in _workbook_sheets(archive.inflate(key))]
    )


def calamine_bytes(
    archive: ZipParts, sheets: SheetParts, form: bool = False
) -> tuple[bytes, dict[str, frozenset[int]]]:
    """The container's bytes for calamine, and the columns of a sheet it was given without their
    cells from `UNREAD_FROM_ROW` down (sheet name -> column numbers, for `Grid.unread`): the
    answer sheet stored uncompressed, the styles part as lean as calamine needs it, and in kla's
    own form (`form`: its properties name the OPD) the answer sheet without its question texts.
    The one place of these three speed tricks.

    The bound check inflates the answer sheet before calamine lays it out (`SheetParts.bound`);
    handed the sheet already inflated, calamine does not inflate it a second time (a tenth of
    reading a form). Of the styles, calamine reads the number formats and the cell formats
    (which tell a date from a number); the fonts, fills, borders and colour palette it parses
    and throws away took 40 % of opening a form (`lean_styles`: 50 -> 30 us a form, measured
    2026-12-04). Half a form's sheet is the texts of its question columns (indicator, question,
    role, options, data dukung asked), which kla never reads below the header: calamine parsed
    and converted them in 210 of its 480 us a form; cutting them out, with the check that makes
    it safe, 120 (`lean_sheet`).
    A reading that needs one of those columns after all (the header moved, a column inserted)
    raises `PartialGrid`, and the sheet is read whole. Each stays as it is when it cannot be
    found or made here: calamine then reads (and reports) it as it would have anyway."""
    members: dict[str, tuple[bytes, int]] = {}
    unread: dict[str, frozenset[int]] = {}
    try:
        sheet = answer_sheet(_sheet_names(archive))
        part = _sheet_part(archive, sheet) if sheet is not None else None
        xml = sheets.xml(sheet) if sheet is not None and part is not None else None
        if sheet is not None and part is not None and xml is not None:
            lean = sheets.lean(sheet) if form else None
            if lean is not None:
                members[part] = (lean, zlib.crc32(lean))
                unread[sheet] = FORM_TEXT_COLUMNS
            elif (member := archive.stored_as(part, xml)) is not None:
                members[part] = member
    except (KeyError, ValueError):
        pass
    styles = _lean_styles(archive)
    if styles is not None:
        members[_STYLES] = styles
    return (archive.with_members(members) if members else archive.data), unread


FORM_TEXT_COLUMNS = frozenset(
    i for i, column in enumerate(FORM_COLUMNS, start=1) if column.key not in READ_KEYS
)
"""The columns of kla's form that hold the question's texts (B-E and G): read by their header
only, never below it."""
_TEXT_LETTERS = b"".join(col_letter(c).encode() for c in sorted(FORM_TEXT_COLUMNS))
_RE_TEXT_CELL = re.compile(
    rb'<c r="[' + _TEXT_LETTERS + rb'][1-9][0-9]{1,3}"'  # rows 10 (UNREAD_FROM_ROW) to 9999
    rb'(?: [A-Za-z]++="[^"]*+")*+ ?'  # plain attributes
    rb"(?:/>|>(?:<is><t(?: xml:space=\"preserve\")?>[^<]*+</t></is>|<v>[^<]*+</v>)?</c>)"
)
"""A cell of a question column in rows 10-9999 as kla, openpyxl, Excel and LibreOffice write it:
its reference first, plain attributes, then nothing, a value, or an inline text without runs. A
cell written otherwise does not match, and stays; so does a far one (row 10 000 and below),
which only the bound check looks at. A match holds no `<` but its own tags, so it cannot reach
into another cell."""
_RE_MARKUP = re.compile(rb"<[!?]")
"""A comment, CDATA, DOCTYPE or processing instruction: where a cell's markup may be text, or a
cut could move the end of one (`<!-- <c r="C12" x="-->"/>`, found by a review)."""


def lean_sheet(xml: bytes) -> bytes | None:
    """The worksheet part without the cells of FORM_TEXT_COLUMNS in rows 10-9999, or None when
    none is found or the part holds anything but elements, attributes and text after its XML
    declaration (`_RE_MARKUP`). Used only where every cell tag left starts with its reference
    (`SheetParts.lean`), so that no cell takes its place from one cut.

    That check costs 40 us on a form's 36 KB sheet (`<` is every tenth byte), the cut 80 us,
    against the 210 us calamine spends on what is cut (measured 2026-12-04). A cut cell
    calamine would have refused (a shared string's index out of range, say) no longer makes
    the form unreadable: kla never reads it."""
    start = 0
    if xml.startswith((b"<?xml", b"\xef\xbb\xbf<?xml")):
        start = xml.find(b"?>") + 2
    if start == 1 or _RE_MARKUP.search(xml, start):
        return None
    lean = _RE_TEXT_CELL.sub(b"", xml)
    return lean if len(lean) < len(xml) else None


_STYLES = "xl/styles.xml"
_LEAN_STYLES: dict[tuple[int, bytes], tuple[bytes, int] | None] = {}
"""The lean styles part and its CRC-32 by the part as stored (`_per_template`)."""


def _lean_styles(archive: ZipParts) -> tuple[bytes, int] | None:
    if _STYLES not in archive:
        return None
    try:
        key = archive.stored(_STYLES)
    except (KeyError, ValueError):
        return None

    def make() -> tuple[bytes, int] | None:
        try:
            lean = lean_styles(archive.inflate(key))
        except ValueError:
            return None
        return None if lean is None else (lean, zlib.crc32(lean))

    return _per_template(_LEAN_STYLES, key, make)


_RE_STYLES_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml\b[^>]*\?>\s*)?<styleSheet\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
)
"""The root element's start tag, whole (a `>` inside an attribute's quotes does not end it)."""
_RE_FORMATS = re.compile(rb"<(numFmts|cellXfs)(?=[\s>/])[^>]*?(?:/>|>.*?</\1\s*>)", re.S)
"""The number formats or the cell formats, as a whole element (an end tag may hold spaces)."""
_RE_PREFIXED_FORMATS = re.compile(rb"<[A-Za-z_][\w.-]*:(?:numFmts?|cellXfs|xf)\b")
MAX_LEAN_STYLES = 256 * 1024
"""Larger styles parts (a workbook with tens of thousands of cell formats) go to calamine as
they are: the lean parts are kept per template (`_LEAN_STYLES`), and should stay small."""


def lean_styles(xml: bytes) -> bytes | None:
    """The styles part with only its number formats (`numFmts`) and cell formats (`cellXfs`),
    in their order, under its own root element (its namespace declarations kept): all calamine
    reads of it. None when the part is not plainly written (a prefixed root or format element,
    a comment, CDATA, a DTD, a section twice, missing or not matched whole) or is large: it is
    then given to calamine as it is."""
    root = _RE_STYLES_ROOT.match(xml)
    if root is None or len(xml) > MAX_LEAN_STYLES:
        return None
    if any(mark in xml for mark in (b"<!--", b"<![CDATA[", b"<!DOCTYPE")):
        return None
    sections = [m.group(0) for m in _RE_FORMATS.finditer(xml)]
    names = [section[1:8] for section in sections]  # `numFmts` or `cellXfs`
    if (
        names.count(b"numFmts") != xml.count(b"<numFmts")  # each one matched whole
        or names.count(b"numFmts") > 1
        or names.count(b"cellXfs") != 1
        or xml.count(b"<cellXfs") != 1
        or _RE_PREFIXED_FORMATS.search(xml)
    ):
        return None
    return b"".join((root.group(0), *sections, b"</styleSheet>"))


class SheetParts:
    """The worksheet members of one container, each found and inflated once: bounded before
    calamine lays the sheet out (`bound`, for `CalamineBook`), then read for the format facts."""

    def __init__(self, archive: Parts) -> None:
        self.archive = archive
        self._xml: dict[str, bytes | None] = {}
        self._layout: dict[str, tuple[int, int, bool]] = {}

    def xml(self, sheet: str) -> bytes | None:
        """The worksheet part of `sheet`, or None when the workbook part does not name it."""
        if sheet not in self._xml:
            self._xml[sheet] = None
            part = _sheet_part(self.archive, sheet)
            if part is not None and has_part(self.archive, part):
                self._xml[sheet] = self._read(part)
        return self._xml[sheet]

    def _read(self, part: str) -> bytes:
        archive = self.archive
        if isinstance(archive, ZipParts):
            return archive.read(part, limit=MAX_UNCOMPRESSED)
        return archive.read(part)

    def layout(self, sheet: str) -> tuple[int, int, bool]:
        """`bounds.xlsx_layout` of the sheet's part, found once; KeyError when there is none."""
        found = self._layout.get(sheet)
        if found is None:
            xml = self.xml(sheet)
            if xml is None:
                raise KeyError(sheet)
            found = self._layout[sheet] = xlsx_layout(xml)
        return found

    def lean(self, sheet: str) -> bytes | None:
        """The sheet's part without its question texts (`lean_sheet`), or None; when given,
        the sheet's bound is that of the lean part, the one calamine lays out. It holds for
        the whole part too: the cells cut are near ones (B-G, rows 10-9999), which move no
        bound, and every cell tag left starts with its reference (else None), so every cell
        cut did too, and none left takes its place from one cut."""
        xml = self.xml(sheet)
        lean = lean_sheet(xml) if xml is not None else None
        if lean is None:
            return None
        layout = xlsx_layout(lean)
        if not layout[2]:
            return None
        self._layout[sheet] = layout
        return lean

    def bound(self, sheet: str) -> None:
        """Raise SheetTooLarge when the sheet's rectangle passes MAX_CELLS (`bounds`). When the
        workbook part does not say which member holds the sheet, every worksheet is checked."""
        try:
            rows, columns, _ = self.layout(sheet)
        except (KeyError, ValueError):
            self.bound_all(sheet)
        else:
            check(sheet, rows, columns)

    def bound_all(self, sheet: str | None = None) -> None:
        """Bound every worksheet member (named by `sheet`, else by its member name)."""
        for name in self.archive.namelist():
            if name.startswith("xl/worksheets/"):
                check(sheet or name, *xlsx_extent(self._read(name)))


_RE_REF = re.compile(r"([A-Z]+)([0-9]+)$")
_RE_ERROR_TYPE = re.compile(rb"""\st\s*=\s*["']e["']""")
_ERROR_VALUES = (b'"e"', b"'e'", b"\"e'", b"'e\"")
"""What `_RE_ERROR_TYPE` must find in its match: looked for first, as plain bytes, since the
regex (starting with a space class) scans a sheet 50 times more slowly."""


def _has_error_cells(xml: bytes) -> bool:
    """Whether some cell of the sheet is of the error type (`t="e"`)."""
    found = any(contains(xml, value) for value in _ERROR_VALUES)
    return found and _RE_ERROR_TYPE.search(xml) is not None


_RE_PLAIN_FORMULA = re.compile(rb"<f[\s/>]")
_RE_PREFIXED_FORMULA = re.compile(rb":f[\s/>]")


def _has_formulas(xml: bytes) -> bool:
    """Whether the sheet holds a formula tag: `_RE_FORMULA` searched as two patterns that
    start with plain bytes, `<f` (no prefix) and `:f` (every prefixed tag, `<x:f`, has it), which
    a compiled pattern finds fast; the full pattern only confirms the second (96 us against about
    35 on a form's 40 KB sheet, whose data validations' `<formula1>` rule out a search for `<f`
    alone)."""
    if _RE_PLAIN_FORMULA.search(xml) is not None:
        return True
    return _RE_PREFIXED_FORMULA.search(xml) is not None and _RE_FORMULA.search(xml) is not None


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


def _text_formulas(xml: bytes) -> set[tuple[int, int]]:
    """Formula cells whose result is a text (`t="str"`): computed, even when to "" (an
    `=IF(A7="","",…)` left blank reads as unanswered), unlike a formula never computed, which
    a program writes with no result type."""
    found = set()
    for m in _RE_CELL_BODY.finditer(xml):
        attrs = m.group(1)
        ref = _RE_REF.match(_attr(attrs, rb"r") or "")
        if ref and _attr(attrs, rb"t") == "str":
            found.add((int(ref.group(2)), col_number(ref.group(1))))
    return found


def formulas_not_computed(path: Path, sheet: str) -> set[tuple[int, int]]:
    """The formulas of `sheet` never computed: `uncached_formulas` less those computed to a text
    (`_text_formulas`), for the readers that do not hold the sheet's XML (openpyxl, the reference
    reader and calamine's fallback; a region's recap), so that every reader tells a formula
    computed to "" (unanswered) from one never computed as `add_xlsx_facts` does."""
    formulas = uncached_formulas(path, sheet)
    if not formulas:
        return formulas
    try:  # openpyxl has just read this sheet whole: reading its part again is bounded
        with zipfile.ZipFile(path) as archive:
            xml = SheetParts(archive).xml(sheet)
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, EOFError, RuntimeError):
        return formulas
    return formulas - _text_formulas(xml) if xml is not None else formulas


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


def add_xlsx_facts(
    sheets: SheetParts, path: Path, sheet: str, grid: Grid, submission: Submission
) -> Submission:
    """Add percent cells and uncached formulas that calamine cannot report (see module doc).

    A percent format only matters to a number, and error values and formulas only to an answer
    that reads blank: a sheet with neither is left alone.
    """
    archive = sheets.archive
    blank_answer = number_answer = False
    for row in submission.rows:  # one pass over the answers
        if is_blank(row.answer):
            blank_answer = True
        elif isinstance(row.answer, int | float):
            number_answer = True
    if not blank_answer and not number_answer:
        return submission
    try:
        has_styles = number_answer and has_part(archive, "xl/styles.xml")
        percent = _percent_formats(archive) if has_styles else frozenset()
        if not percent and not blank_answer:
            return submission
        xml = sheets.xml(sheet)
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, EOFError, RuntimeError):
        xml = None
    if xml is None:
        return _with_openpyxl_facts(path, sheet, grid, submission)
    changed = False
    if blank_answer and _has_error_cells(xml):
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
    if blank_answer and _has_formulas(xml):
        formulas = uncached_formulas(path, sheet) - _text_formulas(xml)
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
            grid.percent = grid_openpyxl(own_rows(book[sheet]), data_only=True).percent
        finally:
            book.close()
    except Exception:
        return submission
    grid.formulas = formulas_not_computed(path, sheet)
    return submission_from_grid(submission.file, submission.sheet, grid, submission.meta)
