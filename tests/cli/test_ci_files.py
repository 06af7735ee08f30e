"""action.yml and .pre-commit-hooks.yaml call kla with options kla really has."""

from __future__ import annotations

import re
import shlex
from typing import Any

import yaml
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.render.formats import BATCH_FORMATS, FINDING_FORMATS

from ..conftest import ROOT


def _options(*command: str) -> set[str]:
    out = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", out.stdout))


def _action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return data


def test_the_action_is_a_composite_with_the_inputs_the_docs_name() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"path", "command", "rubric", "fail-under", "python-version"}
    assert action["inputs"]["path"]["required"] is True
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert "${{ inputs.python-version }}" in steps[0]["with"]["python-version"]
    install = next(s["run"] for s in steps if "pip install" in s.get("run", ""))
    assert '"$GITHUB_ACTION_PATH"' in install  # the action's own checkout, not a registry copy
    kla = next(s for s in steps if s.get("id") == "kla")
    assert "junit-file=" in kla["run"] and "$GITHUB_OUTPUT" in kla["run"]
    assert action["outputs"]["junit-file"]["value"] == "${{ steps.kla.outputs.junit-file }}"
    assert all(s.get("shell") == "bash" for s in steps if "run" in s)


def test_the_actions_kla_lines_use_real_options_and_formats() -> None:
    script = next(s["run"] for s in _action()["runs"]["steps"] if s.get("id") == "kla")
    used = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", script))
    assert used >= {"--rubric", "--fail-under", "--format", "--output"}
    assert used <= _options("batch")
    assert used - {"--fail-under"} <= _options("validate")  # --fail-under is added for batch only
    assert "--fail-under" in script.split("= batch ]", 1)[1].split("fi", 1)[0]
    formats = set(re.findall(r"--format (\w+)", script))
    assert formats == {"junit", "github"}
    assert formats <= {f.value for f in BATCH_FORMATS} & {f.value for f in FINDING_FORMATS}
    kla_lines = [line.strip() for line in script.splitlines() if line.strip().startswith("kla ")]
    assert len(kla_lines) == 2 and all('"${args[@]}"' in line for line in kla_lines)


def test_pre_commit_hooks_run_real_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"kla-rubric-check", "kla-validate"}
    for hook in hooks:
        assert hook["language"] == "python"
        command = shlex.split(hook["entry"])
        assert command[0] == "kla"
        _options(*command[1:])  # the command exists
    rubric = by_id["kla-rubric-check"]
    assert re.search(rubric["files"], "rubrics/kla-2024.yaml")
    assert not re.search(rubric["files"], "examples/provinsi-contoh/provinsi-contoh.yaml")
    validate = by_id["kla-validate"]
    assert validate["pass_filenames"] is False  # the region's folder comes from args
    assert re.search(validate["files"], "data/kota/dinkes.xlsx")
