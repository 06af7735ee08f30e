"""Atomic output files: complete or untouched, with ordinary permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kla_cli.errors import KlaError
from kla_cli.io.output import Inputs, atomic_path, write_bytes, write_text


def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "laporan.md", "# Laporan\n")
    finally:
        os.umask(old)
    assert (tmp_path / "laporan.md").stat().st_mode & 0o777 == 0o644


def test_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "nilai.csv"
    target.write_text("lama\n", encoding="utf-8")
    target.chmod(0o640)
    write_text(target, "baru\n")
    assert target.read_text(encoding="utf-8") == "baru\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "rekap.json"
    target.write_text("{}", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text('{"half":', encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rekap.json"]


def test_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KlaError) as info:
        write_text(tmp_path, "x")
    assert str(tmp_path) in info.value.render()


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("lama\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_text(link, "baru\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "baru\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_is_written_through_not_replaced(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_text(fifo, "a,b\n")
    reader.join(timeout=10)
    assert got == [b"a,b\n"]
    assert fifo.is_fifo()


def test_a_character_device_is_written_through(tmp_path: Path) -> None:
    if not Path(os.devnull).is_char_device():
        pytest.skip(f"{os.devnull} is not a character device here")
    write_text(
        Path(os.devnull), "x\n"
    )  # replacing /dev/null by a file would need root and break it
    assert Path(os.devnull).is_char_device()


def test_a_full_device_gives_a_located_error() -> None:
    if not Path("/dev/full").is_char_device():
        pytest.skip("/dev/full exists on Linux only")
    with pytest.raises(KlaError) as info:
        write_text(Path("/dev/full"), "x\n")
    assert "/dev/full" in info.value.render()


def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets on this system")
    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as sock:
        try:
            sock.bind(str(path))
        except OSError as exc:  # path too long for a socket address on some systems
            pytest.skip(f"cannot bind a socket here: {exc}")
        with pytest.raises(KlaError) as info:
            write_text(path, "x\n")
    assert info.value.key == "output.not_regular"


@pytest.mark.parametrize("target", ["/dev/full", "pipe"])
def test_stdout_that_cannot_take_the_result(target: str) -> None:
    """A full disk is one located line and exit 2; a reader that stops early (`| head`) is not
    an error, and neither ends in a traceback."""
    import subprocess
    import sys

    if target == "/dev/full" and not Path(target).is_char_device():
        pytest.skip("/dev/full exists on Linux only")
    root = Path(__file__).parents[2] / "examples" / "provinsi-contoh"
    # --no-cache: an earlier test may have cached the province, and a run from the cache says so
    # on stderr, a line this test does not expect
    cmd = [
        sys.executable,
        "-m",
        "kla_cli",
        "batch",
        str(root),
        "-f",
        "csv",
        "-j",
        "1",
        "--no-cache",
    ]
    env = {**os.environ, "KLA_LANG": "en"}
    if target == "pipe":
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader is gone before anything is written
        stderr = proc.stderr.read().decode()
        assert proc.wait(timeout=120) in (0, 1)  # the example province has regions below target
        assert "Traceback" not in stderr and "Error:" not in stderr
        return
    with open(target, "wb") as full:
        done = subprocess.run(cmd, stdout=full, stderr=subprocess.PIPE, env=env, check=False)
    lines = done.stderr.decode().strip().splitlines()
    assert done.returncode == 2
    assert lines == [
        "Error: stdout: cannot write: No space left on device. Hint: check the free disk space"
        " and that whatever reads the output is still running"
    ]


def test_the_inputs_given_are_never_written_over(tmp_path: Path) -> None:
    """An input file is never replaced (not even through another spelling of its path), and no
    spreadsheet lands in an input folder; other outputs there are fine."""
    rubric = tmp_path / "rubrik.yaml"
    rubric.write_text("id: x\n", encoding="utf-8")
    folder = tmp_path / "kota"
    folder.mkdir()
    inputs = Inputs(files=frozenset({rubric}), folders=frozenset({folder}))
    with pytest.raises(KlaError) as info:
        write_text(folder / ".." / "rubrik.yaml", "x\n", inputs=inputs)
    assert info.value.key == "output.is_input"
    assert rubric.read_text(encoding="utf-8") == "id: x\n"
    with pytest.raises(KlaError) as info:
        write_bytes(folder / "laporan.xlsx", b"PK", inputs=inputs)
    assert info.value.key == "output.in_input_folder"
    write_text(folder / "laporan.md", "# Laporan\n", inputs=inputs)
    write_text(rubric, "baru\n")  # without inputs, nothing is guarded
    assert rubric.read_text(encoding="utf-8") == "baru\n"


def test_a_report_left_open_in_excel_says_to_close_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows, Excel holds its open file: renaming over it raises PermissionError."""
    from kla_cli.i18n.messages import t

    target = tmp_path / "laporan.xlsx"
    target.write_bytes(b"old")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(KlaError) as caught:
        write_bytes(target, b"new")
    assert caught.value.key == "output.locked"
    assert caught.value.render("en") == (
        f"{target}: the file is in use by another program. Hint: close the file in Excel and"
        " try again"
    )
    assert t("output.locked.hint", "id") == "tutup berkas di Excel lalu ulangi"
    assert t("output.locked.hint", "en") == "close the file in Excel and try again"
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob(".*.tmp"))
