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
    between the stat and the read: the bytes are those up to the end of the file."""
    form = tmp_path / "form.xlsx"
    form.write_bytes(FORM.read_bytes())
    real_read = os.read
    monkeypatch.setattr(read.os, "read", lambda fd, n: real_read(fd, min(n, 1000)))
    assert whole_file(form)[1] == FORM.read_bytes()

    real_stat = os.stat

    def older(path: object) -> os.stat_result:  # the size as it was before 10 bytes were added
        st = real_stat(path)  # type: ignore[arg-type]
        return os.stat_result((st.st_mode, *st[1:6], st.st_size - 10, *st[7:]))

    monkeypatch.setattr(read.os, "read", real_read)
    monkeypatch.setattr(read.os, "stat", older)
    assert whole_file(form)[1] == FORM.read_bytes()


def test_what_is_not_a_small_regular_file_gives_no_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    st, data = whole_file(tmp_path / "hilang.xlsx")
    assert st is None and data is None
    st, data = whole_file(tmp_path)
    assert st is not None and data is None  # a folder: its status, never bytes
    monkeypatch.setattr(read, "MAX_FILE", 100)
    st, data = whole_file(FORM)
    assert st is not None and data is None  # left to the path that does not read it whole
    assert read_workbook(FORM).rows  # and that path reads it


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_or_a_device_is_refused_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pipe would block the read; opening some devices does something (a watchdog, a tape):
    neither is opened, each is `not-a-file`."""
    pipe = tmp_path / "pipa.xlsx"
    os.mkfifo(pipe)
    device = tmp_path / "perangkat.xlsx"
    device.symlink_to(os.devnull)
    opened: list[str] = []
    real_open = os.open

    def watched(path: object, *args: object, **kwargs: object) -> int:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(read.os, "open", watched)
    for special in (pipe, device):
        st, data = whole_file(special)
        assert st is not None and data is None
        assert [f.code for f in read_workbook(special).findings] == ["not-a-file"]
    assert opened == []
