"""What an old `.xls` says before python-calamine reads it: whether its container is whole, how
large each sheet is, and which cells are formatted as percent.

Calamine reads every sheet of an `.xls` when it opens it, sizes each sheet from its DIMENSIONS
record (a 2-byte change there asks for gigabytes and aborts the process) and panics on a file
cut short; it does not give number formats at all, so 91,8% (stored 0,918) would read as 0,918.
This module reads just enough of the file, bounded, to answer those three questions:

* the compound file (CFB, "OLE2"): header, FAT, directory, the `Workbook` (`Book`) stream, the
  mini stream for a small one. Every sector number is checked against the file's length, and
  every chain is bounded by the number of sectors, so a cut or looping file is `Damaged`;
* the BIFF5/BIFF8 records of that stream: BOUNDSHEET (sheet names), FORMAT and XF (which cell
  formats show a percent, `grid.shows_as_percent`), and per sheet DIMENSIONS and the row and
  column of each cell record (the sheet's rectangle, `bounds`), and the XF of each number.

An `.xls` this module cannot follow (encrypted, an unknown BIFF version, records it cannot
decode) gives `None` for its facts: calamine still reads the values, and the reader says that
the percent formats are unknown instead of guessing.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from kla_cli.workbook.grid import shows_as_percent

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_PERCENT_BUILTIN = frozenset({9, 10})
"""Excel's built-in number formats 0% and 0.00%."""


class Damaged(Exception):
    """The compound file is cut short or its sector chains do not hold together."""


WRAPPED = 2**32
"""The rows of a sheet whose DIMENSIONS record gives a first row or column past the last."""


@dataclass
class SheetFacts:
    rows: int = 0
    columns: int = 0
    """The sheet's rectangle: the larger of its DIMENSIONS record and its cells' places."""
    percent: set[tuple[int, int]] = field(default_factory=set)
    """Number cells (1-based row, column) whose format shows a percent."""


@dataclass
class XlsFacts:
    sheets: dict[str, SheetFacts]
    formats_known: bool
    """False when the records could not be followed (encrypted, unknown version)."""


# --- the compound file ---------------------------------------------------------------------


def _chain(fat: list[int], start: int, limit: int) -> list[int]:
    chain: list[int] = []
    sector = start
    while sector != _END:
        if sector >= len(fat) or len(chain) >= limit:
            raise Damaged(f"sector chain breaks at {sector}")
        chain.append(sector)
        sector = fat[sector]
    return chain


def workbook_stream(data: bytes) -> bytes:
    """The `Workbook` (BIFF8) or `Book` (BIFF5) stream of a compound file; Damaged if cut."""
    if len(data) < 512 or not data.startswith(OLE_MAGIC):
        raise Damaged("not a compound file")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise Damaged("unusual sector size")
    size = 1 << shift
    n_fat, first_dir, _, cutoff, first_minifat, n_minifat, first_difat, n_difat = (
        struct.unpack_from("<I I I I I I I I", data, 0x2C)
    )
    sectors = max(0, -(-(len(data) - size) // size))  # the header takes one sector's room

    def sector(n: int) -> bytes:
        if n >= sectors:
            raise Damaged(f"sector {n} beyond the end of the file")
        start = (n + 1) * size
        chunk = data[start : start + size]
        if len(chunk) < size:
            raise Damaged(f"sector {n} cut short")
        return chunk

    difat = list(struct.unpack_from("<109I", data, 0x4C))
    next_difat, seen = first_difat, 0
    while next_difat not in (_END, _FREE) and seen <= n_difat:
        block = struct.unpack(f"<{size // 4}I", sector(next_difat))
        difat.extend(block[:-1])
        next_difat = block[-1]
        seen += 1
    fat_sectors = [s for s in difat if s not in (_FREE, _END)][:n_fat]
    if len(fat_sectors) < n_fat:
        raise Damaged("FAT sectors missing")
    fat: list[int] = []
    for s in fat_sectors:
        fat.extend(struct.unpack(f"<{size // 4}I", sector(s)))
    fat = fat[: max(sectors, 1)]

    def stream(start: int, length: int) -> bytes:
        chain = _chain(fat, start, sectors)
        out = b"".join(sector(s) for s in chain)
        if len(out) < length:
            raise Damaged("stream cut short")
        return out[:length]

    directory = stream(first_dir, len(_chain(fat, first_dir, sectors)) * size)
    root_start = root_size = None
    found: tuple[int, int] | None = None
    for pos in range(0, len(directory) - 127, 128):
        name_len, kind = struct.unpack_from("<HB", directory, pos + 64)
        name = directory[pos : pos + max(0, min(name_len, 64) - 2)].decode("utf-16-le", "replace")
        start, length = struct.unpack_from("<II", directory, pos + 116)
        if kind == 5:
            root_start, root_size = start, length
        elif kind == 2 and name in ("Workbook", "Book") and found is None:
            found = (start, length)
    if found is None:
        raise Damaged("no Workbook stream")
    start, length = found
    if length >= cutoff:
        return stream(start, length)
    if root_start is None or root_size is None:
        raise Damaged("no root entry")
    mini_stream = stream(root_start, root_size)
    minifat: list[int] = []
    if n_minifat:
        raw = stream(first_minifat, len(_chain(fat, first_minifat, sectors)) * size)
        minifat = list(struct.unpack(f"<{len(raw) // 4}I", raw))
    chunks = []
    for s in _chain(minifat, start, len(minifat) + 1):
        chunk = mini_stream[s * 64 : s * 64 + 64]
        if len(chunk) < 64:
            raise Damaged("mini stream cut short")
        chunks.append(chunk)
    out = b"".join(chunks)
    if len(out) < length:
        raise Damaged("stream cut short")
    return out[:length]


# --- the BIFF records -----------------------------------------------------------------------

_BOF, _EOF, _BOUNDSHEET, _FORMAT, _XF, _DIMENSIONS, _FILEPASS = (
    0x0809,
    0x000A,
    0x0085,
    0x041E,
    0x00E0,
    0x0200,
    0x002F,
)
_NUMBER_CELLS = frozenset({0x0203, 0x027E, 0x0006})  # NUMBER, RK, FORMULA: row, col, xf
_OTHER_CELLS = frozenset({0x00FD, 0x0204, 0x0205, 0x0201, 0x00D6})  # LABELSST, LABEL, ...
_MULRK, _MULBLANK = 0x00BD, 0x00BE


def _format_code(body: bytes, biff8: bool) -> tuple[int, str]:
    index = struct.unpack_from("<H", body)[0]
    if not biff8:
        count = body[2]
        return index, body[3 : 3 + count].decode("latin-1")
    count, flags = struct.unpack_from("<HB", body, 2)
    raw = body[5:]
    text = (
        raw[: count * 2].decode("utf-16-le", "replace")
        if flags & 1
        else raw[:count].decode("latin-1")
    )
    return index, text


def _sheet_name(body: bytes, biff8: bool) -> tuple[int, str]:
    offset = struct.unpack_from("<I", body)[0]
    count = body[6]
    if not biff8:
        return offset, body[7 : 7 + count].decode("latin-1")
    wide = body[7] & 1
    raw = body[8:]
    return offset, raw[: count * 2].decode("utf-16-le", "replace") if wide else raw[:count].decode(
        "latin-1"
    )


def xls_facts(stream: bytes) -> XlsFacts:
    """Each sheet's rectangle and percent cells, from the workbook stream's records."""
    names: dict[int, str] = {}
    formats: set[int] = set(_PERCENT_BUILTIN)
    xf_formats: list[int] = []
    sheets: dict[str, SheetFacts] = {}
    current: SheetFacts | None = None
    biff8 = True
    pos, end = 0, len(stream)
    try:
        while pos + 4 <= end:
            kind, length = struct.unpack_from("<HH", stream, pos)
            body = stream[pos + 4 : pos + 4 + length]
            here, pos = pos, pos + 4 + length
            if kind == _BOF:
                version, substream = struct.unpack_from("<HH", body)
                if substream == 0x0005:
                    biff8 = version == 0x0600
                    if version not in (0x0500, 0x0600):
                        return XlsFacts(sheets, False)
                elif substream == 0x0010:
                    current = sheets.setdefault(names.get(here, f"#{len(sheets)}"), SheetFacts())
                else:
                    current = None  # a chart or macro sheet: no cells calamine lays out
            elif kind == _EOF:
                current = None
            elif kind == _FILEPASS:
                return XlsFacts(sheets, False)  # encrypted: the records cannot be read
            elif kind == _BOUNDSHEET:
                offset, name = _sheet_name(body, biff8)
                names[offset] = name
            elif kind == _FORMAT:
                index, code = _format_code(body, biff8)
                if shows_as_percent(code):
                    formats.add(index)
            elif kind == _XF:
                xf_formats.append(struct.unpack_from("<H", body, 2)[0])
            elif current is None:
                continue
            elif kind == _DIMENSIONS:
                first_row, last_row, first_col, last_col = struct.unpack_from(
                    "<IIHH" if biff8 else "<HHHH", body
                )
                # a first row or column past the last (a damaged record): calamine sizes the
                # sheet from their difference, which wraps round to billions
                if first_row > last_row or first_col > last_col:
                    last_row = WRAPPED
                current.rows = max(current.rows, last_row)
                current.columns = max(current.columns, last_col)
            elif kind in _NUMBER_CELLS or kind in _OTHER_CELLS:
                row, col, xf = struct.unpack_from("<HHH", body)
                current.rows, current.columns = (
                    max(current.rows, row + 1),
                    max(current.columns, col + 1),
                )
                if kind in _NUMBER_CELLS and _is_percent(xf, xf_formats, formats):
                    current.percent.add((row + 1, col + 1))
            elif kind in (_MULRK, _MULBLANK):
                row, first = struct.unpack_from("<HH", body)
                last = struct.unpack_from("<H", body, len(body) - 2)[0]
                current.rows = max(current.rows, row + 1)
                current.columns = max(current.columns, last + 1)
                if kind == _MULRK:
                    for i in range(max(0, last - first + 1)):
                        (xf,) = struct.unpack_from("<H", body, 4 + 6 * i)
                        if _is_percent(xf, xf_formats, formats):
                            current.percent.add((row + 1, first + i + 1))
    except (struct.error, IndexError):
        return XlsFacts(sheets, False)
    return XlsFacts(sheets, True)


def _is_percent(xf: int, xf_formats: list[int], formats: set[int]) -> bool:
    return xf < len(xf_formats) and xf_formats[xf] in formats
