"""Property tests (hypothesis) of `workbook.zipparts.ZipParts` against `zipfile.ZipFile`.

What ZipParts promises (see its module): on a plain archive (one disk, no zip64, stored or
deflated, not encrypted) it lists the same members and reads the same bytes as zipfile; on
anything else `open` answers None (never raises), and a member it lists reads as bytes of at most
`limit` or raises ValueError (KeyError only for a name it does not hold).

It checks no CRC and trusts the central directory's compressed size (the caller's calamine reads
the data again and refuses what is damaged), so on damaged bytes it may return content that
zipfile refuses; the test asserts the bounds above there, and agreement where zipfile reads a
member whose stated sizes the damage left alone.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kla_cli.workbook.zipparts import ZipParts

_NAME = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00/\\"),
    min_size=1,
    max_size=12,
).map(lambda s: s.lstrip("."))

MEMBERS = st.lists(
    st.tuples(
        st.one_of(
            _NAME, st.sampled_from(["xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"])
        ),
        st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
        st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda m: m[0],
).filter(lambda ms: all(name for name, _, _ in ms))


def _archive(members: list[tuple[str, bytes, int]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, method in members:
            archive.writestr(name, data, compress_type=method)
    return buffer.getvalue()


def _open(data: bytes) -> ZipParts | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.xlsx"
        path.write_bytes(data)
        return ZipParts.open(path)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(members=MEMBERS)
def test_a_plain_archive_reads_as_zipfile_reads_it(members: list[tuple[str, bytes, int]]) -> None:
    data = _archive(members)
    parts = _open(data)
    assert parts is not None
    with zipfile.ZipFile(io.BytesIO(data)) as reference:
        assert parts.namelist() == reference.namelist()
        assert parts.uncompressed_size == sum(i.file_size for i in reference.infolist())
        for info in reference.infolist():
            assert info.filename in parts
            assert parts.read(info.filename) == reference.read(info)
            assert parts.stored(info.filename)[0] == info.compress_type
            assert parts.read(info.filename, limit=7) == reference.read(info)[:7]
    names = {name for name, _, _ in members}
    for absent in ("not/a/member.xml", "bukan-anggota-é.xml"):
        assert (absent in parts) is (absent in names)


_MUTATION = st.one_of(
    st.tuples(st.just("set"), st.integers(0, 10**6), st.integers(0, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.integers(0, 255)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.just(0)),
)


def _mutate(data: bytes, mutations: list[tuple[str, int, int]]) -> bytes:
    out = bytearray(data)
    for kind, at, value in mutations:
        if not out:
            break
        at %= len(out)
        if kind == "set":
            out[at] = value
        elif kind == "cut":
            del out[at:]
        elif kind == "insert":
            out.insert(at, value)
        else:
            del out[at]
    return bytes(out)


def _zipfile_reads(data: bytes) -> dict[str, tuple[bytes, int, int]] | None:
    """What zipfile reads (CRC checked): name -> (bytes, compressed size, size); None if it
    refuses the archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as reference:
            found = {}
            for info in reference.infolist():
                try:
                    found[info.filename] = (
                        reference.read(info),
                        info.compress_size,
                        info.file_size,
                    )
                except Exception:  # zipfile refuses this member
                    continue
            return found
    except Exception:  # zipfile refuses the whole archive
        return None


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(members=MEMBERS, mutations=st.lists(_MUTATION, min_size=1, max_size=3))
def test_damaged_bytes_are_refused_or_read_within_bounds(
    members: list[tuple[str, bytes, int]], mutations: list[tuple[str, int, int]]
) -> None:
    original = _archive(members)
    data = _mutate(original, mutations)
    parts = _open(data)  # never raises
    if parts is None:
        return
    reference = _zipfile_reads(data)
    for name in parts.namelist():
        assert name in parts
        try:
            content = parts.read(name, limit=4096)
        except ValueError:
            continue
        assert len(content) <= 4096
        again = parts.with_stored(name, content)  # bytes or None, never an exception
        assert again is None or isinstance(again, bytes)
        if reference is None or name not in reference:
            continue
        expected, compressed, size = reference[name]
        stored = parts.stored(name)
        if stored[0] == zipfile.ZIP_STORED and len(stored[1]) == compressed == size:
            assert content == expected[:4096]
        elif stored[0] == zipfile.ZIP_DEFLATED and compressed == len(stored[1]):
            # the stream zipfile inflated (and checked) is the one ZipParts inflates: the same
            # bytes, unless the stream has data past its end that zipfile cut at the stated size
            assert content[: len(expected)] == expected[:4096]


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in: it then writes each member's CRC and sizes in a
    data descriptor after the data, as some writers do."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return self.buffer.write(data)


def _archive_commented(
    members: list[tuple[str, bytes, int]], comment: bytes, streamed: bool
) -> bytes:
    stream = _Unseekable() if streamed else io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:  # type: ignore[arg-type]
        for name, data, method in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            with archive.open(info, "w") as member:
                member.write(data)
        archive.comment = comment
    return stream.buffer.getvalue() if isinstance(stream, _Unseekable) else stream.getvalue()


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    members=MEMBERS,
    streamed=st.booleans(),
    comment=st.text("abc xyz", max_size=20).map(str.encode),
    pick=st.integers(0, 5),
)
def test_a_member_stored_again_reads_as_before(
    members: list[tuple[str, bytes, int]], streamed: bool, comment: bytes, pick: int
) -> None:
    """`with_stored`: the member given as its inflated bytes is stored, and every member of the
    new container (checked by zipfile, CRC included) reads as it did."""
    data = _archive_commented(members, comment, streamed)
    parts = _open(data)
    assert parts is not None
    name = members[pick % len(members)][0]
    content = parts.read(name)
    again = parts.with_stored(name, content)
    if parts.stored(name)[0] == zipfile.ZIP_STORED:
        assert again is None
        return
    assert again is not None
    assert parts.with_stored(name, content + b"x") is None  # not the whole member
    with zipfile.ZipFile(io.BytesIO(data)) as before, zipfile.ZipFile(io.BytesIO(again)) as after:
        assert after.testzip() is None
        assert after.namelist() == before.namelist()
        assert after.comment == before.comment
        for info in before.infolist():
            assert after.read(info.filename) == before.read(info)
        assert after.getinfo(name).compress_type == zipfile.ZIP_STORED
    reopened = _open(again)
    assert reopened is not None
    assert reopened.uncompressed_size == parts.uncompressed_size
    assert reopened.read(name) == content
