"""The operating system's errors in the user's language (Python words them in English only)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.i18n.messages import current_lang, os_error


@pytest.mark.parametrize(
    ("code", "indonesian"),
    [(errno.ENOENT, "berkas atau folder tidak ada"), (errno.ENOSPC, "ruang disk habis")],
)
def test_a_known_error_speaks_the_language_in_force(code: int, indonesian: str) -> None:
    exc = OSError(code, os.strerror(code))
    current_lang.set("id")
    assert os_error(exc) == indonesian
    current_lang.set("en")
    assert os_error(exc) == os.strerror(code)  # the system's own English text, on Linux


def test_an_unknown_error_keeps_the_systems_text() -> None:
    current_lang.set("id")
    assert os_error(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "Invalid cross-device link"
    )
    assert os_error(OSError("no errno at all")) == "no errno at all"
    assert os_error(TimeoutError()) == "TimeoutError"


def test_a_cli_error_about_a_path_is_indonesian_through_and_through(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    target = tmp_path / "file.txt" / "forms"
    result = CliRunner().invoke(app, ["--lang", "id", "template", "-o", str(target)])
    assert result.exit_code == 2
    assert "tidak dapat menulis: bukan folder. Saran:" in result.stderr


def test_the_finding_for_a_form_that_cannot_be_opened_too(tmp_path: Path) -> None:
    (tmp_path / "dinkes.xlsx").mkdir()  # a folder where a form should be
    result = CliRunner().invoke(app, ["--lang", "id", "validate", str(tmp_path)])
    line = next(x for x in result.stdout.splitlines() if "[cannot-open]" in x)
    assert "(berupa folder)" in line and "directory" not in line
