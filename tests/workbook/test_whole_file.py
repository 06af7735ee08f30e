"""`read.whole_file`: a form's status and bytes in one open, and the ordinary path for anything
unusual."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kla_cli.workbook import read
from kla_cli.workbook.read import read_workbook, whole_file

from ..conftest import ROOT

FORM = next((ROOT / "examples" / "kota-contoh").glob("*.xlsx"))


def test_a_form_is_read_whole_with_the_status_of_the_bytes_read() -> None:
    st, data = whole_file(FORM)
    assert data == FORM.read_bytes()
    assert st is not None and st.st_size == len(data)
    assert st.st_mtime == os.stat(FORM).st_mtime


def test_an_empty_file_gives_no_bytes_to_read_but_its_status(tmp_path: Path) -> None:
    empty = tmp_path / "kosong.xlsx"
    empty.write_bytes(b"")
    st, data = whole_file(empty)
    assert st is not None and st.st_size == 0 and data == b""
    assert read_workbook(empty).findings  # said, not raised


def test_a_short_read_or_a_file_that_grew_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`os.read` may return fewer bytes than asked (a network drive), and a file may grow
    between the fstat and the read: the bytes are those up to the end of the file."""
    form = tmp_path / "form.xlsx"
    form.write_bytes(FORM.read_bytes())
    real_read = os.read
    monkeypatch.setattr(read.os, "read", lambda fd, n: real_read(fd, min(n, 1000)))
    assert whole_file(form)[1] == FORM.read_bytes()

    real_fstat = os.fstat

    def older(fd: int) -> os.stat_result:  # the size as it was before 10 bytes were added
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], st.st_size - 10, *st[7:]))

    monkeypatch.setattr(read.os, "read", real_read)
    monkeypatch.setattr(read.os, "fstat", older)
    assert whole_file(form)[1] == FORM.read_bytes()


def test_what_is_not_a_small_regular_file_gives_no_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    st, data = whole_file(tmp_path / "hilang.xlsx")
    assert st is None and data is None
    st, data = whole_file(tmp_path)
    if st is not None:  # a folder opens on POSIX (not on Windows): its status, never bytes
        assert data is None
    monkeypatch.setattr(read, "MAX_FILE", 100)
    st, data = whole_file(FORM)
    assert st is not None and data is None  # left to the path that does not read it whole
    assert read_workbook(FORM).rows  # and that path reads it


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_opened_without_waiting_and_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "pipa.xlsx"
    os.mkfifo(pipe)
    st, data = whole_file(pipe)  # with no writer, a blocking open would wait forever
    assert st is not None and data is None
    assert [f.code for f in read_workbook(pipe).findings] == ["not-a-file"]
