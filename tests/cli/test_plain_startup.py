"""A table without colour (stdout a pipe, NO_COLOR, --output) is drawn by the plain writer:
`kla score` and `kla gap` then load none of rich's console, table and markup (importing them and
laying a table out cost about a sixth of the run). Checked in a fresh process."""

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
sys.stderr.write("\\nRICH " + json.dumps(sorted(m for m in sys.modules if m.startswith("rich"))))
"""


def _rich_loaded(cache: Path, *args: str, colour: bool = False) -> list[str]:
    env = {**os.environ, "KLA_CACHE_DIR": str(cache)}
    env.pop("NO_COLOR" if colour else "FORCE_COLOR", None)
    env["FORCE_COLOR" if colour else "NO_COLOR"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=False
    )
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("RICH "), done.stderr
    loaded: list[str] = json.loads(last.removeprefix("RICH "))
    return loaded


@pytest.mark.slow
def test_a_table_without_colour_loads_no_rich_console(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    drawing = {"rich.console", "rich.table", "rich.markup", "rich.text", "rich.segment"}
    for args in (
        ["score", str(EXAMPLE)],
        ["score", str(EXAMPLE), "--detail"],
        ["gap", str(EXAMPLE), "--target", "nindya"],
    ):
        loaded = _rich_loaded(cache, *args)
        assert "rich.cells" in loaded  # character widths, as rich counts them
        assert not drawing & set(loaded), args
    # colour asked for: rich draws
    assert "rich.console" in _rich_loaded(cache, "score", str(EXAMPLE), colour=True)
