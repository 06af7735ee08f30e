"""Shared fixtures: rubrics, a CLI runner with separate stdout/stderr, synthetic regions."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.core.rubric import Rubric
from kla_cli.i18n.messages import current_lang
from kla_cli.io.rubric_yaml import load_rubric
from kla_cli.workbook.form_writer import Filled

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
MINI_RUBRIC = DATA / "mini-rubric.yaml"
DEMO_RUBRIC = ROOT / "rubrics" / "demo-2023.yaml"
"""The invented demonstration instrument: every answer type, 85 items (not the KLA instrument)."""
KLA_RUBRIC_2024 = ROOT / "rubrics" / "kla-2024.yaml"
"""The real instrument, the default: the examples are filled in on it."""
EXAMPLE = ROOT / "examples" / "kota-contoh"

os.environ.setdefault("NO_COLOR", "1")
os.environ["KLA_CACHE_DIR"] = tempfile.mkdtemp(prefix="kla-test-cache-")
"""Every test run (and every process it starts) caches into a folder of its own, never the
user's: a rubric cached by older code under the same version must not be read. It is removed
when the run ends, so that runs do not pile folders up in the temporary directory."""
atexit.register(shutil.rmtree, os.environ["KLA_CACHE_DIR"], ignore_errors=True)
os.environ["KLA_LANG"] = "en"  # tests pin the language; language tests pass --lang explicitly


@pytest.fixture(autouse=True)
def _reset_language() -> Iterator[None]:
    """The CLI sets the language for the process; each test starts from the environment's."""
    yield
    current_lang.set(None)


@pytest.fixture(scope="session")
def mini() -> Rubric:
    return load_rubric(MINI_RUBRIC)


@pytest.fixture(scope="session")
def kla() -> Rubric:
    """The real 2024 instrument (the default rubric, the examples' rubric)."""
    return load_rubric(KLA_RUBRIC_2024)


@pytest.fixture(scope="session")
def demo() -> Rubric:
    """The invented demonstration instrument (every answer type)."""
    return load_rubric(DEMO_RUBRIC)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


MakeRegion = Callable[..., Path]


@pytest.fixture
def make_region(tmp_path: Path) -> MakeRegion:
    """Write one workbook per OPD of `rubric` with the given answers into a fresh folder."""

    def make(
        rubric: Rubric,
        filled: dict[str, Filled],
        *,
        region: str = "Kota Uji",
        year: str = "2025",
        name: str = "region",
    ) -> Path:
        from kla_cli.workbook.synthetic import write_region

        folder = tmp_path / name
        write_region(rubric, folder, region, year, filled)
        return folder

    return make
