"""Just enough of a zip reader to check a workbook container and read a few small parts, fast.

The standard `zipfile` builds an object per member and costs about as much as reading the
workbook's values with calamine; the batch reads tens of thousands of files, so the reader uses
this instead. It handles the plain case only (one disk, no zip64, stored or deflated, not
encrypted) and answers `None` for anything else, so that the caller falls back to `zipfile`.
Decompression is capped, so a member lying about its size cannot inflate without bound.
`with_stored` hands a member already inflated back as the container's bytes, the member stored,
so that calamine does not inflate it again (`xlsx_facts.calamine_bytes`).
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Mapping
from pathlib import Path

_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_CENTRAL = struct.Struct("<4s4xHH8xIIHHH8xI")
"""Central directory header: signature, flags, method, sizes, name/extra/comment lengths, offset."""
MAX_FILE = 32 * 1024 * 1024
"""Larger files are left to zipfile (which does not read them whole)."""
_LOCAL = struct.Struct("<4s22xHH")
"""Local file header: signature, then name and extra lengths."""
_DESCRIPTOR = 0x8
"""Flag: the member's CRC and sizes follow its data rather than sit in its local header."""
MAX_RATIO = 1032
"""The most a deflate stream inflates: 258 bytes from a match coded in two bits (zlib's FAQ)."""


class ZipParts:
    """The members of a plain zip file; `open` returns None when the file is not plain."""

    def __init__(
        self,
        data: bytes,
        directory: bytes,
        members: dict[bytes, int],
        uncompressed_size: int,
        directory_at: int,
    ) -> None:
        self.data = data
        self._directory = directory
        self._members = members
        """Raw member name -> where its header starts in the central directory (names are
        decoded and headers unpacked only for the few members read)."""
        self.uncompressed_size = uncompressed_size
        """The members' sizes once inflated, as the directory states them."""
        self.duplicate: str | None = None
        """A member name the directory lists twice (Excel refuses such a file), if any."""
        self._directory_at = directory_at
        """Where the central directory starts (the end record follows it, then the comment)."""

    def __contains__(self, name: str) -> bool:
        return self._key(name) in self._members

    def _key(self, name: str) -> bytes:
        return name.encode("utf-8") if name.isascii() else self._nonascii.get(name, b"")

    @property
    def _nonascii(self) -> dict[str, bytes]:
        return {self._decode(raw): raw for raw in self._members if not raw.isascii()}

    def _decode(self, raw: bytes) -> str:
        flags = _CENTRAL.unpack_from(self._directory, self._members[raw])[1]
        return raw.decode("utf-8" if flags & 0x800 else "cp437", "replace")

    def namelist(self) -> list[str]:
        return [
            raw.decode("ascii") if raw.isascii() else self._decode(raw) for raw in self._members
        ]

    def stored(self, name: str) -> tuple[int, bytes]:
        """A member as stored: its compression method (0 stored, 8 deflated) and bytes, which
        identify its content without inflating it; KeyError if absent, ValueError if damaged."""
        return self._located(name)[:2]

    def _located(self, name: str) -> tuple[int, bytes, int]:
        """`stored`, and the member's size once inflated as the directory states it."""
        pos = self._members[self._key(name)]
        _, _, method, compressed, size, _, _, _, offset = _CENTRAL.unpack_from(self._directory, pos)
        head = self.data[offset : offset + _LOCAL.size]
        if len(head) < _LOCAL.size:
            raise ValueError("truncated local header")
        signature, name_len, extra_len = _LOCAL.unpack(head)
        if signature != b"PK\x03\x04":
            raise ValueError("bad local header")
        start = offset + _LOCAL.size + name_len + extra_len
        return method, self.data[start : start + compressed], size

    def read(self, name: str, limit: int = 64 * 1024 * 1024) -> bytes:
        """A member's bytes (at most `limit`); KeyError if absent, ValueError if damaged.

        A member small enough that even the densest deflate stream could not inflate it past
        `limit` (MAX_RATIO) is inflated in one call into a buffer of the size the directory
        states (bounded by that ratio, in case it lies), where the streaming decompressor grows
        its buffer block by block and joins the blocks: 6-10 us less on a form's 36 KB sheet
        (2026-12-04). A stream that one call refuses (no final block) is read as the streaming
        decompressor reads it: the bytes it holds."""
        method, data, size = self._located(name)
        if method != 8 or len(data) * MAX_RATIO > limit:
            return self.inflate((method, data), limit)
        try:
            return zlib.decompress(data, -15, max(1, min(size, len(data) * MAX_RATIO)))
        except zlib.error:  # a stream without its final block, say: what it holds, as before
            return self.inflate((method, data), limit)  # (and as calamine reads it)

    @staticmethod
    def inflate(stored: tuple[int, bytes], limit: int = 64 * 1024 * 1024) -> bytes:
        """The bytes of a member as `stored` returned it (at most `limit`); ValueError if damaged."""
        method, data = stored
        if method == 0:
            return data[:limit]
        try:
            return zlib.decompressobj(-15).decompress(data, limit)
        except zlib.error as exc:
            raise ValueError(str(exc)) from None

    def with_stored(self, name: str, content: bytes) -> bytes | None:
        """The container's bytes with member `name` stored uncompressed as `content`, its bytes
        already inflated (by `read`): a reader given these does not inflate the member again.
        None when `content` is not the whole member as the directory states it, or the member
        is stored already (`with_members`; the CRC-32 of the inflated bytes is unchanged)."""
        member = self.stored_as(name, content)
        return None if member is None else self.with_members({name: member})

    def stored_as(self, name: str, content: bytes) -> tuple[bytes, int] | None:
        """Member `name` as `with_members` takes it, given its inflated bytes (`content`) and
        the CRC-32 the directory states; None when `content` is not the whole member, or the
        member is stored already."""
        pos = self._members[self._key(name)]
        _, _, method, _, size, _, _, _, _ = _CENTRAL.unpack_from(self._directory, pos)
        if method == 0 or size != len(content):
            return None
        return content, struct.unpack_from("<I", self._directory, pos + 16)[0]

    def with_members(self, members: Mapping[str, tuple[bytes, int]]) -> bytes:
        """The container's bytes with each member named stored uncompressed as the content
        given, with its CRC-32.

        Each is added after the others (its old copy stays, unreferenced) and the central
        directory, which is all a reader follows, points at it; a data descriptor's CRC and
        sizes move into its header."""
        data, at, directory = self.data, self._directory_at, self._directory
        pieces: list[bytes | bytearray] = [data[:at]]
        where = at
        entries: list[tuple[int, bytearray]] = []
        for name, (content, crc) in members.items():
            pos = self._members[self._key(name)]
            _, flags, _, _, _, name_len, extra_len, comment_len, offset = _CENTRAL.unpack_from(
                directory, pos
            )
            head = bytearray(data[offset : offset + _LOCAL.size])
            local_name_len, local_extra_len = _LOCAL.unpack(head)[1:]
            start = offset + _LOCAL.size
            head += data[start : start + local_name_len + local_extra_len]
            size = len(content)
            struct.pack_into("<HH", head, 6, flags & ~_DESCRIPTOR, 0)  # flags, method: stored
            struct.pack_into("<III", head, 14, crc, size, size)
            entry = bytearray(
                directory[pos : pos + _CENTRAL.size + name_len + extra_len + comment_len]
            )
            struct.pack_into("<HH", entry, 8, flags & ~_DESCRIPTOR, 0)
            struct.pack_into("<III", entry, 16, crc, size, size)
            struct.pack_into("<I", entry, 42, where)
            pieces += (head, content)
            where += len(head) + size
            entries.append((pos, entry))
        done = 0
        for pos, entry in sorted(entries, key=lambda found: found[0]):
            pieces += (directory[done:pos], entry)
            done = pos + len(entry)
        end = bytearray(data[at + len(directory) :])
        struct.pack_into("<I", end, 16, where)  # where the directory now starts
        pieces += (directory[done:], end)
        return b"".join(pieces)

    @classmethod
    def open(cls, path: Path) -> ZipParts | None:
        """Index the central directory; None when it is not a plain zip (let zipfile decide)."""
        try:
            with open(path, "rb") as file:
                if os.fstat(file.fileno()).st_size > MAX_FILE:
                    return None
                data = file.read()  # workbooks are small: one read, then slices
        except OSError:
            return None
        return cls.parse(data)

    @classmethod
    def parse(cls, data: bytes) -> ZipParts | None:
        """The container `data` (a whole file), indexed; None when it is not a plain zip."""
        end = len(data)
        at = data.rfind(_EOCD, max(0, end - 65535 - _EOCD_SIZE))
        if at < 0 or end - at < _EOCD_SIZE:
            return None
        disk, cd_disk, _, count, cd_size, cd_offset = struct.unpack_from("<HHHHII", data, at + 4)
        if disk or cd_disk or count == 0xFFFF or cd_offset == 0xFFFFFFFF:
            return None  # multi-disk or zip64
        if cd_offset + cd_size != at:
            return None  # data before the archive, or a damaged directory
        directory = data[cd_offset:at]
        members: dict[bytes, int] = {}
        duplicate: bytes | None = None
        pos = total = 0
        unpack, header = _CENTRAL.unpack_from, _CENTRAL.size
        for _ in range(count):
            if pos + header > len(directory):
                return None
            sig, flags, method, _, size, name_len, extra_len, comment_len, _ = unpack(
                directory, pos
            )
            if sig != b"PK\x01\x02" or flags & 0x1 or method not in (0, 8):
                return None  # damaged, encrypted or an unusual compression
            start = pos + header
            name = directory[start : start + name_len]
            if name in members and duplicate is None:
                duplicate = name
            members[name] = pos
            total += size
            pos = start + name_len + extra_len + comment_len
        found = cls(data, directory, members, total, cd_offset)
        found.duplicate = duplicate.decode("utf-8", "replace") if duplicate is not None else None
        return found
