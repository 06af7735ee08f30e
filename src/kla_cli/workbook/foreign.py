"""The facts of an `.xls` or `.ods` read before python-calamine opens it (calamine reads every
sheet when it opens these, and gives no number formats): each sheet's rectangle, bounded
(`bounds`), and its percent cells (`biff` for .xls, `ods_facts` for .ods).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from kla_cli.core.findings import Finding, Severity
from kla_cli.core.submission import Submission
from kla_cli.workbook.books import MAX_UNCOMPRESSED, Parts, damaged, has_part, open_parts
from kla_cli.workbook.bounds import check
from kla_cli.workbook.zipparts import ZipParts

Percent = dict[str, set[tuple[int, int]]]
"""Percent cells by sheet name."""


def foreign_facts(path: Path) -> Percent | Submission | None:
    """Percent cells by sheet (None: the formats could not be read), or a Submission with the
    finding that refuses the file; raises SheetTooLarge for a sheet too large to lay out."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        return _xls(path)
    if suffix == ".ods":
        return _ods(path)
    return None


def _xls(path: Path) -> Percent | Submission | None:
    from kla_cli.workbook.biff import OLE_MAGIC, Damaged, workbook_stream, xls_facts

    data = path.read_bytes()  # its size was checked (books.check_size)
    if not data.startswith(OLE_MAGIC):
        return None  # not a compound file at all: calamine says what it is not
    try:
        stream = workbook_stream(data)
    except Damaged:
        return damaged(str(path))
    facts = xls_facts(stream)
    for name, sheet in facts.sheets.items():
        check(name, sheet.rows, sheet.columns)
    if not facts.formats_known:
        return None
    return {name: sheet.percent for name, sheet in facts.sheets.items()}


def _read(parts: Parts, name: str) -> bytes:
    if not has_part(parts, name):
        return b""
    if isinstance(parts, ZipParts):
        return parts.read(name, limit=MAX_UNCOMPRESSED)
    return parts.read(name)


def _ods(path: Path) -> Percent | Submission | None:
    from xml.etree.ElementTree import ParseError  # only for an .ods: xml.etree costs 4 ms

    from kla_cli.workbook.ods_facts import percent_styles, table_facts

    parts = open_parts(path)
    if isinstance(parts, Submission):
        return parts
    try:
        content, styles = _read(parts, "content.xml"), _read(parts, "styles.xml")
    except (KeyError, ValueError, zipfile.BadZipFile):
        return damaged(str(path))
    finally:
        if isinstance(parts, zipfile.ZipFile):
            parts.close()
    for name, xml in (("content.xml", content), ("styles.xml", styles)):
        if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
            finding = Finding(Severity.ERROR, "xml-entities", str(path), args={"part": name})
            return Submission(str(path), findings=(finding,))
    if not content:
        return None  # calamine says what is missing
    try:
        tables = table_facts(content, percent_styles(content, styles))
    except ParseError:
        return damaged(str(path))
    for name, table in tables.items():
        check(name, table.rows, table.columns)
    return {name: table.percent for name, table in tables.items()}
