"""What a command loads: with its rubric cached, `kla score` and `kla gap` run without pydantic
or yaml (their import and pydantic's validators were most of a command's start-up), nor OpenSSL
(`_hashlib`), tomllib (no kla.toml), tempfile (nothing written), xml (no JUnit) or the recap
reader (the example's inventory is known by its metadata), and without
rich when nothing is drawn as a table (and without rich's console when a table is drawn without
colour: the plain writer draws it). Checked in a fresh process, as a user runs kla."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import EXAMPLE

PROBE = """
import json, sys
from kla_cli.cli.app import main
sys.argv = ["kla", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
records = sorted(
    f"{name}.{value.__qualname__}"
    for name, module in list(sys.modules.items())
    if name.startswith("kla_cli.")
    for value in list(vars(module).values())
    if isinstance(value, type) and value.__module__ == name and "__dataclass_fields__" in vars(value)
)
sys.stderr.write("\\nDATACLASSES " + json.dumps(records))
sys.stderr.write("\\nLOADED " + json.dumps(sorted(sys.modules)) + "\\n")
"""
DATACLASSES = {
    "kla_cli.errors.KlaError": "an exception",
    "kla_cli.core.answers.AnswerProblem": "an exception",
    "kla_cli.core.rubric.Item": "keeps cached lookups",
    "kla_cli.core.rubric.Indicator": "keeps cached lookups",
    "kla_cli.core.rubric.Rubric": "keeps cached lookups",
    "kla_cli.core.submission.Submission": "the file's own facts are left out of equality",
    "kla_cli.core.findings.Overflow": "its field `count` would hide tuple.count",
    "kla_cli.core.validate.Validation": "filled in as it is built",
    "kla_cli.workbook.grid.Grid": "indexes its merges as it is read",
}
"""The dataclasses on the run path of `kla score` and `kla gap`, and why each is one: a record
is otherwise a named tuple, whose class is created about five times faster (every command
creates its classes at start-up; see docs/architecture.md)."""
OFF = {"pydantic", "yaml", "rich", "_hashlib", "tomllib", "tempfile", "xml"}
"""Packages (by their top name) a command loads only when it needs them."""


def _modules(cache: Path, *args: str, colour: bool | None = None) -> set[str]:
    """The modules loaded by `kla ARGS` in a fresh process (`colour`: forced on or off)."""
    env = {**os.environ, "KLA_CACHE_DIR": str(cache)}
    if colour is not None:
        env.pop("NO_COLOR" if colour else "FORCE_COLOR", None)
        env["FORCE_COLOR" if colour else "NO_COLOR"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=False
    )
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("LOADED "), done.stderr
    return set(json.loads(last.removeprefix("LOADED ")))


def _dataclasses(cache: Path, *args: str) -> set[str]:
    """The dataclasses of kla's modules loaded by `kla ARGS` in a fresh process."""
    env = {**os.environ, "KLA_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=False
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("DATACLASSES "))
    return set(json.loads(line.removeprefix("DATACLASSES ")))


def _loaded(cache: Path, *args: str) -> list[str]:
    modules = _modules(cache, *args)
    heavy = sorted({m.split(".")[0] for m in modules} & OFF)
    return heavy + [m for m in ("kla_cli.batch", "kla_cli.workbook.recap_read") if m in modules]


@pytest.mark.slow
def test_a_cached_rubric_keeps_pydantic_and_yaml_off_the_run_path(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _loaded(cache, "score", str(EXAMPLE), "-f", "json")
    assert "pydantic" in first and "yaml" in first  # a miss: the rubric is validated
    assert _loaded(cache, "score", str(EXAMPLE), "-f", "json") == []
    assert _loaded(cache, "gap", str(EXAMPLE), "-f", "json") == []
    assert "pydantic" not in _loaded(cache, "score", str(EXAMPLE))
    # the batch module is not loaded by a region's commands, not even for --fail-under's parsing
    assert "kla_cli.batch" not in _loaded(cache, "score", str(EXAMPLE), "-f", "json")
    rubric = EXAMPLE.parents[1] / "rubrics" / "kla-2024.yaml"
    assert "pydantic" in _loaded(cache, "rubric", "check", str(rubric))  # always validates


@pytest.mark.slow
def test_a_table_without_colour_loads_no_rich_console(tmp_path: Path) -> None:
    """Without colour (a pipe, NO_COLOR, --output) the plain writer draws the tables."""
    cache = tmp_path / "cache"
    drawing = {"rich.console", "rich.table", "rich.markup", "rich.text", "rich.segment"}
    for args in (
        ["score", str(EXAMPLE)],
        ["score", str(EXAMPLE), "--detail"],
        ["gap", str(EXAMPLE), "--target", "nindya"],
    ):
        loaded = _modules(cache, *args, colour=False)
        # nor rich's character widths: the example's texts are all one cell a character
        # (`render/plain_box.cell_len`; tests/render/test_plain_box.py compares it with rich's)
        assert not (drawing | {"rich.cells"}) & loaded, args
    # colour asked for: rich draws
    assert "rich.console" in _modules(cache, "score", str(EXAMPLE), colour=True)


@pytest.mark.slow
def test_records_on_the_run_path_are_named_tuples_unless_they_must_not_be(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _dataclasses(cache, "score", str(EXAMPLE))  # fills the rubric cache
    _dataclasses(cache, "score", str(EXAMPLE))  # fills the region's memo
    for args in (["score", str(EXAMPLE)], ["gap", str(EXAMPLE), "--target", "nindya"]):
        found = _dataclasses(cache, *args)
        assert found <= set(DATACLASSES), sorted(found - set(DATACLASSES))
        # the rubric's classes only where the rubric is loaded: not for a result from the memo
        assert ("kla_cli.core.rubric.Rubric" in found) is (args[0] == "gap"), args


def test_typer_reads_every_command_s_annotations_as_objects() -> None:
    """A string annotation (`from __future__ import annotations` in a command's module) is
    compiled and evaluated twice by typer on every run (`kla_cli/cli/commands/__init__.py`)."""
    import inspect

    import typer

    from kla_cli.cli.app import build_app

    def callbacks(app: typer.Typer) -> list[object]:
        found: list[object] = [app.registered_callback.callback] if app.registered_callback else []
        found += [command.callback for command in app.registered_commands]
        for group in app.registered_groups:
            assert group.typer_instance is not None
            found += callbacks(group.typer_instance)
        return found

    functions = callbacks(build_app())
    assert len(functions) >= 16  # the global options, 13 commands, `rubric check` and `show`
    for function in functions:
        assert callable(function)
        strings = {
            name: value
            for name, value in inspect.get_annotations(function).items()
            if isinstance(value, str)
        }
        assert not strings, (function, strings)


def test_modules_with_named_tuples_or_commands_have_no_string_annotations() -> None:
    """`typing.NamedTuple` compiles each string annotation into a `ForwardRef` (27 us a field:
    about 4 ms of `kla score`'s start-up, 5 of `kla gap`'s), and typer evaluates a command's
    twice: such modules do without `from __future__ import annotations`
    (docs/architecture.md, "A new record")."""
    import ast

    package = Path(__file__).resolve().parents[2] / "src" / "kla_cli"
    offenders = []
    checked = 0
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        records = any(
            isinstance(node, ast.ClassDef)
            and any(isinstance(b, ast.Name) and b.id == "NamedTuple" for b in node.bases)
            for node in ast.walk(tree)
        )
        if not records and path.parent.name != "commands":
            continue
        checked += 1
        future = any(
            isinstance(node, ast.ImportFrom)
            and node.module == "__future__"
            and any(alias.name == "annotations" for alias in node.names)
            for node in tree.body
        )
        if future:
            offenders.append(str(path.relative_to(package)))
    assert checked > 30  # the scan finds the modules
    assert offenders == []
