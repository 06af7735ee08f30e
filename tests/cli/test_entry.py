"""Start-up: `kla --version` and `kla --help` import only what they need (the speed goal itself
is measured by bench/batch_bench.py, never by a timed test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kla_cli import __version__
from kla_cli.cli.argv import only_version
from kla_cli.entry import _exit_code, run

HEAVY = ("openpyxl", "python_calamine", "pydantic", "pydantic_core", "yaml", "rich")

_PROBE = """
import json, sys
sys.argv = ["kla", *json.loads(sys.argv[1])]
from kla_cli.entry import run
run()
sys.stdout.flush()
loaded = sorted({m.split(".")[0] for m in sys.modules})
sys.stderr.write(json.dumps(loaded))
"""


def _loaded(*args: str) -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
        env={"KLA_LANG": "en", "PATH": ""},
    )
    return done.stdout, set(json.loads(done.stderr))


@pytest.mark.parametrize(
    "args", [["--version"], ["--lang", "en", "--version"], ["--version", "--lang=id", "--debug"]]
)
def test_version_loads_no_framework(args: list[str]) -> None:
    out, loaded = _loaded(*args)
    assert out == f"kla {__version__}\n"
    assert not loaded & {"typer", *HEAVY}, loaded & {"typer", *HEAVY}


def test_help_loads_no_reader_and_no_validation_library() -> None:
    out, loaded = _loaded("--help")
    assert "batch" in out and "score" in out
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


@pytest.mark.parametrize(
    ("args", "fast"),
    [
        (["--version"], True),
        (["--lang", "en", "--version"], True),
        (["--lang", "xx", "--version"], False),  # the CLI says the language is unknown
        (["score", "--version"], False),
        (["--version", "--version"], False),
        ([], False),
    ],
)
def test_only_version(args: list[str], fast: bool) -> None:
    assert only_version(args) is fast


ROOT = Path(__file__).resolve().parents[2]


def _kla(*args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """The console script's own path (`python -m kla_cli` runs `entry.main`), in English."""
    options.setdefault("capture_output", True)
    return subprocess.run(
        [sys.executable, "-m", "kla_cli", *args],
        text=True,
        cwd=ROOT,
        env={**os.environ, "KLA_LANG": "en"},
        check=False,
        **options,
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (
            [
                "batch",
                "examples/provinsi-contoh",
                "-f",
                "json",
                "-j",
                "2",
                "--fail-under",
                "pratama",
            ],
            1,
        ),
        (["batch", "examples/provinsi-contoh", "-f", "json", "-j", "1"], 1),  # one invalid region
        (["batch", "examples/no-such-province", "-f", "json"], 2),
        (["score", "examples/kota-contoh", "-f", "json"], 0),
    ],
)
def test_the_console_script_ends_with_the_commands_exit_code_and_all_its_output(
    args: list[str], code: int
) -> None:
    """`main` skips the interpreter's teardown (os._exit): the exit code and every byte of
    stdout and stderr must still arrive, through a pipe as through a file."""
    done = _kla(*args)
    assert done.returncode == code, done.stderr
    if code == 2:  # could not run: with -f json, the failure as JSON, whole
        assert json.loads(done.stdout)["error"]["code"] == "path-missing"
        assert done.stderr.count("\n") == 1 and "no-such-province" in done.stderr
        return
    result = json.loads(done.stdout)  # the whole document, not a truncated buffer
    if args[0] == "batch":
        assert len(result["regions"]) == 7
    else:
        assert result["total"] > 0


def test_the_console_script_writes_an_output_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "hasil.json"
    done = _kla("batch", "examples/provinsi-contoh", "-o", str(out))
    assert done.returncode == 1, done.stderr  # one region has a broken workbook
    assert len(json.loads(out.read_text(encoding="utf-8"))["regions"]) == 7
    assert done.stdout == ""
    assert str(out) in done.stderr  # "written: …", flushed before the process ended


def test_a_closed_stdout_is_still_one_line_and_exit_2(tmp_path: Path) -> None:
    """Started with stdout closed (`kla … >&-`), Python has no sys.stdout at all."""
    done = _kla(
        "score",
        "examples/kota-contoh",
        "-f",
        "json",
        capture_output=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        close_fds=True,
        preexec_fn=lambda: os.close(1),
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1


def test_exit_code_is_what_sys_exit_would_give(capsys: pytest.CaptureFixture[str]) -> None:
    assert _exit_code(SystemExit()) == 0
    assert _exit_code(SystemExit(2)) == 2
    assert _exit_code(SystemExit("stopped")) == 1
    assert capsys.readouterr().err == "stopped\n"


@pytest.mark.parametrize("command", [["score", "examples/kota-contoh"], ["rubric", "show"]])
def test_a_windows_cp1252_pipe_gets_every_character(command: list[str]) -> None:
    """On Windows, output sent to a file or a pipe is cp1252, which has no box lines, arrows or
    minus sign: kla writes it as UTF-8 instead of crashing."""
    done = subprocess.run(
        [sys.executable, "-m", "kla_cli", *command],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "KLA_LANG": "en", "PYTHONIOENCODING": "cp1252"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    assert "━" in text and "Error" not in done.stderr.decode("utf-8", "replace")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "code", "expected"),
    [
        (["score", "examples/kota-contoh"], 0, "─"),
        (["gap", "examples/kota-contoh", "--target", "nindya"], 1, "─"),
        (["batch", "examples/provinsi-contoh", "-j", "1"], 1, "─"),
        (["validate", "{tmp}/kota→contoh"], 0, "kota→contoh"),  # its findings name the files
        (["report", "examples/kota-contoh", "-f", "markdown"], 0, "→"),
        (["rubric", "show"], 0, "━"),
    ],
)
def test_every_command_prints_through_a_cp1252_pipe(
    command: list[str], code: int, expected: str, tmp_path: Path
) -> None:
    """Windows redirects output as cp1252; neither stdout nor stderr may crash on a character
    it has not (box lines, arrows, the minus sign): they are written as UTF-8."""
    import shutil

    if any("{tmp}" in arg for arg in command):
        shutil.copytree(ROOT / "examples" / "kota-contoh", tmp_path / "kota→contoh")
    done = subprocess.run(
        [sys.executable, "-m", "kla_cli", *(arg.format(tmp=tmp_path) for arg in command)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "KLA_LANG": "en", "PYTHONIOENCODING": "cp1252"},
        check=False,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == code, err
    assert "Traceback" not in err and "internal error" not in err
    assert expected in done.stdout.decode("utf-8") + err


def test_the_command_runs_with_the_collector_on_and_the_start_up_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The CLI's modules are imported with the garbage collector off (`entry`'s speed trick):
    the command itself must run with it on again (a long `--watch` or batch makes garbage),
    and what the import made must be frozen, not left for the collector to walk."""
    import gc

    from kla_cli.cli import app

    seen: list[tuple[bool, int]] = []

    def command() -> None:
        seen.append((gc.isenabled(), gc.get_freeze_count()))

    monkeypatch.setattr(app, "main", command)
    monkeypatch.setattr(sys, "argv", ["kla", "score", "x"])
    gc.unfreeze()  # whatever an earlier test froze
    try:
        assert run() == 0
    finally:
        gc.unfreeze()
        gc.enable()
    ((enabled, frozen),) = seen
    assert enabled and frozen > 0


def test_a_failed_import_leaves_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    monkeypatch.setitem(sys.modules, "kla_cli.cli.app", None)  # the import raises ImportError
    monkeypatch.setattr(sys, "argv", ["kla", "score", "x"])
    try:
        with pytest.raises(ImportError):
            run()
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
