"""The hostile-input corpus (tests/hostile_corpus.py): every bad input gets one located line with
a hint, the right exit code, no traceback (unless --debug), and its bytes are left unchanged."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.i18n.catalogue import MESSAGES

from .hostile_corpus import CASES, RUBRIC_ARGS, Case, _batch_symlink_loop, _non_utf8_name

ROOT = Path(__file__).resolve().parents[2]


PYTHON_INTERNALS = (
    "Traceback",
    "internal error",
    "kesalahan internal",
    "list index out of range",
    "object has no attribute",
    "NoneType",
    "[Errno",
    "Error: ValueError",
    "KeyError",
    "IndexError",
    "RecursionError",
    "maximum recursion depth",
    "embedded null byte",
    "zlib.error",
    "PanicException",
)
"""Phrases of Python's, not kla's: no message of the corpus may show one."""


def python_internals(text: str) -> list[str]:
    return [phrase for phrase in PYTHON_INTERNALS if phrase in text]


def test_python_internals_are_recognised() -> None:
    line = "Error: internal error: IndexError: list index out of range; run again with --debug"
    assert python_internals(line) == ["internal error", "list index out of range", "IndexError"]
    assert python_internals("Error: a.xlsx: cannot be used: File name too long. Hint: …") == []


def _digest(paths: list[Path]) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _static(key: str) -> str:
    """The English text of `key` up to its first placeholder."""
    return MESSAGES[key][1].split("{")[0]


def _hint_text(case: Case) -> str:
    assert case.code is not None
    if "." in case.code:
        return "Hint: "
    return _static(f"finding.{case.code}.hint")


def test_corpus_is_large_enough() -> None:
    refused = [c for c in CASES if c.code is not None]
    assert len(refused) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_input(case: Case, tmp_path: Path) -> None:
    built = case.build(tmp_path)
    before = _digest(built.inputs)
    result = CliRunner().invoke(app, ["--lang", "en", *built.args])

    assert result.exit_code == case.exit, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert python_internals(result.output) == [], result.output
    assert _digest(built.inputs) == before  # the input's bytes are unchanged
    assert not list(tmp_path.rglob(".*.tmp"))  # no temporary output left behind
    named = [line for line in result.stderr.splitlines() if built.named in line]
    if case.code is None:
        assert named == [], result.stderr
        assert result.stdout.strip()
        return
    if "json" in built.args and built.args[built.args.index("json") - 1] in ("-f", "--format"):
        error = json.loads(result.stdout)["error"]  # -f json: the failure as kla.error/1
        assert error["code"] == case.code.replace(".", "-").replace("_", "-"), error
    else:
        assert result.stdout == ""
    assert len(named) == case.lines, result.stderr
    hits = [line for line in named if case.fragment in line]
    assert hits, result.stderr
    hit = hits[0]
    if case.where:
        assert built.named + case.where in hit, hit
    if "." in case.code:
        assert any(_static(case.code) in line for line in named), result.stderr
    else:
        assert f"[{case.code}]" in hit
    assert any(_hint_text(case) in line for line in named), result.stderr
    assert all(len(line) < 600 for line in result.stderr.splitlines())


@pytest.mark.parametrize("case", [c for c in CASES if c.exit == 2], ids=lambda c: c.id)
def test_debug_shows_the_traceback(case: Case, tmp_path: Path) -> None:
    built = case.build(tmp_path)
    result = CliRunner().invoke(app, ["--lang", "en", "--debug", *built.args])
    assert result.exit_code == 2
    assert "Traceback" in result.stderr


def test_python_tag_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    rubric = tmp_path / "objek.yaml"
    rubric.write_text(f"id: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["rubric", "check", str(rubric)])
    assert result.exit_code == 1  # a problem in the file, refused: a finding
    assert not marker.exists()


def _kla(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "KLA_LANG": "en", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "kla_cli", *args], cwd=cwd, env=env, capture_output=True, check=False
    )


def test_non_utf8_name_in_json_output_real_process(tmp_path: Path) -> None:
    """A real process (real stdout encoding): the JSON stays valid UTF-8 and names the file."""
    built = _non_utf8_name(tmp_path)
    folder = built.args[1]
    result = _kla("score", folder, *RUBRIC_ARGS, "--allow-errors", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    data = json.loads(result.stdout.decode("utf-8"))
    files = [f["file"] for f in data["findings"] if f["code"] == "wrong-format"]
    assert len(files) == 1 and files[0].endswith("dinas-\ufffd\ufffd.xlsx")
    out = tmp_path / "hasil.json"
    written = _kla(
        "score", folder, *RUBRIC_ARGS, "--allow-errors", "-f", "json", "-o", str(out), cwd=tmp_path
    )
    assert written.returncode == 0, written.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]
    refused = _kla("score", folder, *RUBRIC_ARGS, cwd=tmp_path)
    assert refused.returncode == 1
    line = [ln for ln in refused.stderr.decode("utf-8").splitlines() if "dinas-" in ln]
    assert len(line) == 1 and "dinas-\\xff\\xfe.xlsx" in line[0]


def test_batch_reports_looping_links_as_findings(tmp_path: Path) -> None:
    """A link to itself and a link to the parent folder inside a region: findings, no hang."""
    built = _batch_symlink_loop(tmp_path)
    result = CliRunner().invoke(app, ["--lang", "en", *built.args, "-f", "json"])
    assert result.exit_code == 1, result.output
    (region,) = json.loads(result.stdout)["regions"]
    problems = [m for m in region["messages"] if "[cannot-open]" in m]
    assert any(built.named in m and "symbolic links" in m for m in problems), problems
