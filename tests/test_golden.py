"""Golden files: what score, gap and batch print on the shipped examples, as tables and Markdown.

A change to any of these outputs shows up here as a diff of the whole text. When the change is
intended, regenerate the files and review the diff in git:

    KLA_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app

from .conftest import EXAMPLE, ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
# Relative to the checkout, so that a long checkout path cannot change where lines wrap.
EXAMPLE_REL = EXAMPLE.relative_to(ROOT)
MANIFEST = Path("examples") / "provinsi-contoh" / "provinsi-contoh.yaml"

CASES = {
    "score-table-id": ["--lang", "id", "score", str(EXAMPLE_REL)],
    "score-markdown-en": ["--lang", "en", "score", str(EXAMPLE_REL), "-f", "markdown"],
    "gap-table-id": ["--lang", "id", "gap", str(EXAMPLE_REL), "--target", "nindya"],
    "gap-markdown-en": [
        "--lang",
        "en",
        "gap",
        str(EXAMPLE_REL),
        "--target",
        "nindya",
        "-f",
        "markdown",
    ],
    "batch-table-id": ["--lang", "id", "batch", str(MANIFEST), "-j", "1"],
    "batch-markdown-en": ["--lang", "en", "batch", str(MANIFEST), "-j", "1", "-f", "markdown"],
    # the folder without its manifest: names from the forms, no targets (no pass or fail)
    "batch-folder-table-en": ["--lang", "en", "batch", str(MANIFEST.parent), "-j", "1"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_golden_file(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    env = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
    result = runner.invoke(app, CASES[name], env=env)
    text = result.stdout.replace(str(ROOT), "<root>")
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("KLA_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run with KLA_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")
