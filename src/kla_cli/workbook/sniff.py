"""What a file named .xlsx really holds, when it cannot be read as one.

OPD files travel by email and WhatsApp and are saved by every program: an old .xls or a
LibreOffice .ods renamed .xlsx, a password-protected workbook (an encrypted OLE container), a web
page "exported to Excel", an empty download. Reading the first bytes tells these apart, so the
finding can say what the file is and what to do, instead of a library's "File is not a zip file".
Only called after a read has failed, so a good workbook costs nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from kla_cli.core.findings import Finding, Severity

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
"""The stream name an encrypted Office file stores its package in (MS-OFFCRYPTO)."""
SCAN_LIMIT = 64 * 1024 * 1024
"""Bytes of an OLE file searched for the encrypted-package stream name."""
_CHUNK = 1024 * 1024


def _finding(file: str, code: str, **args: object) -> Finding:
    return Finding(Severity.ERROR, code, file, args=args)


def _wrong(file: str, kind: str) -> Finding:
    from kla_cli.i18n.messages import t

    return _finding(file, "wrong-format", format=t(f"format.{kind}"))


def _ole_is_encrypted(path: Path) -> bool:
    overlap = len(ENCRYPTED_STREAM)
    with path.open("rb") as handle:
        tail = b""
        read = 0
        while read < SCAN_LIMIT:
            chunk = handle.read(_CHUNK)
            if not chunk:
                return False
            if ENCRYPTED_STREAM in tail + chunk:
                return True
            tail = chunk[-overlap:]
            read += len(chunk)
    return False


def _zip_kind(path: Path) -> str | None:
    """'ods' or 'zip' for a zip that is not a workbook, 'damaged' for a broken one, else None."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
                return "ods"
            return None if "xl/workbook.xml" in names else "zip"
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, EOFError):
        return "damaged"


def declares_entities(archive: zipfile.ZipFile, file: str) -> Finding | None:
    """A finding when an XML part of the workbook declares a DOCTYPE or entities.

    Excel never writes them; they are how "billion laughs" and external-entity attacks start.
    Such a file is refused before any XML parser that might expand them sees it.
    """
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(info) as member:
                head = member.read(4096)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
            continue
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            return _finding(file, "xml-entities", part=info.filename)
    return None


def content_problem(path: Path) -> Finding | None:
    """A finding naming what `path` (a .xlsx/.xlsm that failed to read) really is, or None."""
    file = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return None
    if not head:
        return _finding(file, "empty-file")
    if head.startswith(OLE_MAGIC):
        try:
            encrypted = _ole_is_encrypted(path)
        except OSError:
            return None
        return _finding(file, "encrypted") if encrypted else _wrong(file, "xls")
    if head.startswith(ZIP_MAGIC):
        kind = _zip_kind(path)
        if kind == "damaged":
            return _finding(file, "damaged")
        return _wrong(file, kind) if kind else None
    if head.startswith(b"%PDF"):
        return _wrong(file, "pdf")
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<table" in lowered:
        return _wrong(file, "html")
    if lowered.startswith(b"<?xml"):
        return _wrong(file, "xml")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut at the end of the sample
            return _wrong(file, "unknown")
    return _wrong(file, "text")
