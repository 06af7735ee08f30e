"""Start-up: `kla --version` and `kla --help` import only what they need (the speed goal itself
is measured by bench/batch_bench.py, never by a timed test)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kla_cli import __version__
from kla_cli.entry import _only_version

HEAVY = ("openpyxl", "python_calamine", "pydantic", "pydantic_core", "yaml", "rich")

_PROBE = """
import json, sys
sys.argv = ["kla", *json.loads(sys.argv[1])]
from kla_cli.entry import main
try:
    main()
except SystemExit:
    pass
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
    assert _only_version(args) is fast
