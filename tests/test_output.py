"""Atomic output files: complete or untouched, with ordinary permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kla_cli.errors import KlaError
from kla_cli.output import atomic_path, write_text


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
