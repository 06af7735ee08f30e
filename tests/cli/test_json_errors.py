"""With JSON output, a command that could not run (exit 2) still writes one JSON document on
stdout (`kla.error/1`) besides its one line on stderr, so that `kla score … -f json | jq`
always reads JSON; without JSON output stdout stays empty."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner, Result

from kla_cli import __version__
from kla_cli.cli.app import app
from kla_cli.cli.argv import format_given
from kla_cli.errors import KlaError, Terminated
from kla_cli.render.schemas import schema

from ..conftest import EXAMPLE, ROOT

PROVINCE = ROOT / "examples" / "provinsi-contoh"
VALIDATOR = jsonschema.Draft202012Validator(schema("error"))


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), prog_name="kla")


def _error(result: Result) -> dict[str, Any]:
    """The one JSON document on stdout of a run that could not run, checked against its schema;
    the `error` object."""
    assert result.exit_code == 2, result.output
    data: dict[str, Any] = json.loads(result.stdout)  # one document, nothing else
    errors = [e.message for e in VALIDATOR.iter_errors(data)]
    assert not errors, errors
    assert list(data)[:2] == ["schema", "kla_version"]
    assert data["schema"] == "kla.error/1" and data["kla_version"] == __version__
    assert data["exit_code"] == 2
    error: dict[str, Any] = data["error"]
    return error


def _stderr_line(result: Result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


MISSING = "tidak-ada"

COMMANDS = [
    ["score", MISSING],
    ["gap", MISSING, "-t", "utama"],
    ["validate", MISSING],
    ["batch", MISSING],
    ["compare", MISSING],
    ["history", MISSING],
    ["status", MISSING],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_a_missing_folder_is_a_json_error(args: list[str], tmp_path: Path) -> None:
    missing = str(tmp_path / MISSING)
    args = [missing if arg == MISSING else arg for arg in args]
    result = _invoke(*args, "-f", "json")
    error = _error(result)
    assert error["code"] == "path-missing"
    assert error["where"] == missing
    assert error["message"] == "no such file or folder"
    assert error["hint"] and error["details"] == []
    # stderr is what it always was: one line naming the file, the message and the hint
    line = _stderr_line(result)
    assert line == f"Error: {missing}: {error['message']}. Hint: {error['hint']}"


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_without_json_nothing_is_written_on_stdout(args: list[str], tmp_path: Path) -> None:
    missing = str(tmp_path / MISSING)
    args = [missing if arg == MISSING else arg for arg in args]
    for fmt in ([], ["-f", "table"], ["-f", "markdown"]):
        result = _invoke(*args, *fmt)
        assert result.exit_code == 2 and result.stdout == ""
        assert _stderr_line(result).startswith(f"Error: {missing}: no such file or folder")


def test_an_unreadable_rubric_names_its_line(tmp_path: Path) -> None:
    rubric = tmp_path / "rusak.yaml"
    rubric.write_text("id: x\ngroups: [\n", encoding="utf-8")
    result = _invoke("score", str(EXAMPLE), "-r", str(rubric), "-f", "json")
    error = _error(result)
    assert error["code"] == "rubric-yaml-error"
    assert error["where"] == f"{rubric}:3"
    assert _stderr_line(result).startswith(f"Error: {rubric}:3: invalid YAML")


def test_an_invalid_rubric_lists_its_problems_as_details(tmp_path: Path) -> None:
    rubric = tmp_path / "salah.yaml"
    rubric.write_text("id: x\ntitle: t\nversion: '1'\nfoo: 1\n", encoding="utf-8")
    result = _invoke("gap", str(EXAMPLE), "-r", str(rubric), "-f", "json")
    error = _error(result)
    assert error["code"] == "rubric-invalid" and error["where"] == str(rubric)
    assert f"{rubric}:4: foo: unknown key 'foo'" in "\n".join(error["details"])
    # stderr: the same detail lines, then the one error line
    lines = result.stderr.splitlines()
    assert lines[:-1] == error["details"]
    assert lines[-1].startswith(f"Error: {rubric}: invalid rubric")


def test_a_bad_manifest_names_its_line(tmp_path: Path) -> None:
    manifest = tmp_path / "provinsi.yaml"
    manifest.write_text("regions:\n  - path: a\n   bad: [\n", encoding="utf-8")
    result = _invoke("batch", str(manifest), "-f", "json")
    error = _error(result)
    assert error["code"] == "batch-manifest-invalid"
    assert error["where"] == f"{manifest}:3"
    assert _stderr_line(result).startswith(f"Error: {manifest}:3: invalid manifest")


def test_a_bad_option_value_kla_checks(tmp_path: Path) -> None:
    result = _invoke("batch", str(PROVINCE), "-j", "0", "-f", "json")
    assert _error(result)["code"] == "batch-jobs"
    result = _invoke("compare", str(EXAMPLE), "-f", "json", "-o", str(tmp_path / "a.md"))
    error = _error(result)
    assert error["code"] == "report-format-mismatch" and error["where"] == str(tmp_path / "a.md")


def test_an_output_path_that_cannot_be_written(tmp_path: Path) -> None:
    target = tmp_path / "no-folder" / "hasil.json"
    result = _invoke("score", str(EXAMPLE), "-f", "json", "-o", str(target))
    error = _error(result)
    assert error["code"] == "output-no-folder" and error["where"] == str(target)
    assert _stderr_line(result).startswith(f"Error: {target}: ")
    # without -f json stdout stays empty, `-o hasil.json` (JSON into that file) included
    for name in ("hasil.json", "hasil.md"):
        result = _invoke("score", str(EXAMPLE), "-o", str(tmp_path / "no-folder" / name))
        assert result.exit_code == 2 and result.stdout == ""


def test_a_bad_kla_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KLA_LANG")  # else the environment's language wins over the file's
    (tmp_path / "kla.toml").write_text('lang = "xx"\n', encoding="utf-8")
    result = _invoke("score", str(tmp_path), "-f", "json")
    error = _error(result)
    assert error["code"] == "lang-unknown" and error["where"] == f"{tmp_path / 'kla.toml'}:1"
    assert error["hint"] is None
    assert not _invoke("score", str(tmp_path)).stdout


def test_the_language_of_the_run(tmp_path: Path) -> None:
    missing = str(tmp_path / MISSING)
    error = _error(_invoke("--lang", "id", "score", missing, "-f", "json"))
    assert error["code"] == "path-missing"  # codes are never translated
    assert error["message"] == "berkas atau folder tidak ada"


def test_an_interrupt_or_a_signal(monkeypatch: pytest.MonkeyPatch) -> None:
    from kla_cli.cli.commands import score

    def stopped(*args: object, **kwargs: object) -> None:
        raise Terminated("SIGTERM")

    monkeypatch.setattr(score, "assessed_region", stopped)
    result = _invoke("score", str(EXAMPLE), "-f", "json")
    error = _error(result)
    assert error == {
        "code": "terminated",
        "message": "stopped by signal SIGTERM",
        "where": None,
        "hint": None,
        "details": [],
    }
    assert _stderr_line(result) == "Error: stopped by signal SIGTERM"

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(score, "assessed_region", interrupted)
    assert _error(_invoke("score", str(EXAMPLE), "-f", "json"))["code"] == "interrupted"
    assert _invoke("score", str(EXAMPLE)).stdout == ""


def test_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from kla_cli.cli.commands import score

    def broken(*args: object, **kwargs: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(score, "assessed_region", broken)
    error = _error(_invoke("score", str(EXAMPLE), "-f", "json"))
    assert error["code"] == "internal" and "IndexError" in error["message"]


def test_a_result_already_written_is_the_only_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure after the result went to stdout adds nothing there: one document stays."""
    from kla_cli.cli.commands import score

    def fails(blocked: bool) -> None:
        raise KlaError("output.failed", "laporan.json", params={"error": "disk full"})

    monkeypatch.setattr(score, "finish", fails)
    result = _invoke("score", str(EXAMPLE), "-f", "json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["schema"] == "kla.score/1"
    assert _stderr_line(result).startswith("Error: laporan.json: ")


# --- usage errors: before the options are parsed ---------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["score", "-f", "json"], "usage-missing"),
        (["score", "x", "--format=json", "--zzz"], "usage-no-option"),
        (["batch", "x", "-fjson", "-j", "many"], "usage-bad-value"),
        (["compare", "a", "b", "c", "-f", "json"], "usage-extra"),
        (["scor", "x", "-f", "json"], "usage-no-command"),
        (["rubric", "show", "-f", "json", "--itemz"], "usage-no-option"),
        (["--lang", "xx", "score", "x", "-f", "json"], "lang-unknown"),
    ],
)
def test_a_usage_error_with_json_in_argv(args: list[str], code: str) -> None:
    result = _invoke(*args)
    error = _error(result)
    assert error["code"] == code
    line = _stderr_line(result)
    assert line.startswith("Error: ") and error["message"] in line
    if code.startswith("usage-"):
        assert error["where"] in ("kla", f"kla {args[0]}", "kla rubric show")
        assert error["hint"] == f"see {error['where']} --help"


@pytest.mark.parametrize(
    "args",
    [
        ["score", "-f", "table"],  # no JSON asked for
        ["score", "x", "--zzz"],
        ["report", str(EXAMPLE), "-f", "json"],  # report writes no JSON: json is a bad value
        ["schema", "score", "-f", "json"],  # nor does schema (no --format at all)
        ["rubric", "check", "-f", "json"],
        ["score", "x", "--", "-f", "json"],  # after `--`, a path
    ],
)
def test_a_usage_error_without_json_writes_nothing_on_stdout(args: list[str]) -> None:
    result = _invoke(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert _stderr_line(result).startswith("Error: ")


def test_format_given_reads_every_spelling() -> None:
    assert format_given(["score", "x", "-f", "json"]) == "json"
    assert format_given(["score", "--format", "csv", "x"]) == "csv"
    assert format_given(["score", "--format=json"]) == "json"
    assert format_given(["score", "-fjson"]) == "json"
    assert format_given(["score", "-f", "csv", "-f", "json"]) == "json"  # the last one counts
    assert format_given(["score", "--", "-f", "json"]) is None
    assert format_given(["score", "-f"]) is None


def test_commands_without_json_are_unaffected(tmp_path: Path) -> None:
    missing = str(tmp_path / MISSING)
    for args in (["report", missing], ["merge", missing, "-o", str(tmp_path / "r.xlsx")]):
        result = _invoke(*args)
        assert result.exit_code == 2 and result.stdout == "", result.output
    result = _invoke("rubric", "check", missing)
    assert result.exit_code == 2 and result.stdout == ""


def test_a_later_run_in_the_same_process_starts_afresh(tmp_path: Path) -> None:
    assert _error(_invoke("score", str(tmp_path / "a"), "-f", "json"))
    assert _invoke("score", str(tmp_path / "a")).stdout == ""


def test_typer_exit_of_the_command_is_not_a_failure() -> None:
    """`finish` and `--fail-under` end with exit 1 and the result: no error document."""
    result = _invoke("score", str(EXAMPLE), "-f", "json", "--fail-under", "kla")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["schema"] == "kla.score/1"


# --- the real process: encodings, a narrow terminal, a full disk -----------------------------


def _kla(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kla_cli", *args],
        capture_output=True,
        env={**os.environ, "KLA_LANG": "en", **env},
        check=False,
    )


@pytest.mark.slow
def test_cp1252_and_80_columns(tmp_path: Path) -> None:
    """A Windows pipe (cp1252) and an 80-column terminal: the stderr line is the one line it
    always was, and stdout is UTF-8 JSON even for a name cp1252 cannot write."""
    missing = str(tmp_path / "Kota Tanjung→Pinang ñ")
    done = _kla("score", missing, "-f", "json", PYTHONIOENCODING="cp1252", COLUMNS="80")
    assert done.returncode == 2
    error = json.loads(done.stdout.decode("utf-8"))["error"]
    assert error["where"] == missing and error["code"] == "path-missing"
    line = done.stderr.decode("utf-8")
    assert line.count("\n") == 1 and "Traceback" not in line
    assert line.startswith(f"Error: {missing}: no such file or folder. Hint: ")
    plain = _kla("score", missing, PYTHONIOENCODING="cp1252", COLUMNS="80")
    assert plain.returncode == 2 and plain.stdout == b""
    assert plain.stderr == done.stderr


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_behind_stdout_keeps_the_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "kla_cli", "score", str(tmp_path / "x"), "-f", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            env={**os.environ, "KLA_LANG": "en"},
            check=False,
        )
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"Error: {tmp_path / 'x'}: no such file or folder"
    )
