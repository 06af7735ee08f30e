"""Names from workbooks are text, never terminal markup (issue 17): a region called
`Kota [/bold] [lama]` crashed `kla score` (a rich MarkupError) and lost `[lama]` in `kla gap`."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from kla_cli.cli.app import app

from ..conftest import EXAMPLE

NAME = "Kota [/bold] [lama]"


def _region_named(folder: Path) -> Path:
    folder.mkdir()
    form = folder / "dinkes.xlsx"
    shutil.copyfile(EXAMPLE / "dinkes.xlsx", form)
    book = load_workbook(form)
    ws = book["Isian"]
    cells = [c for row in ws.iter_rows(max_row=6) for c in row if c.value == "Kota Contoh"]
    assert cells, "the example form names its region in its header"
    for cell in cells:
        cell.value = NAME
    book.save(form)
    return folder


def test_score_and_gap_show_a_bracketed_region_name_as_it_is(tmp_path: Path) -> None:
    region = _region_named(tmp_path / "r")
    runner = CliRunner()
    env = {"COLUMNS": "100", "NO_COLOR": "1"}
    score = runner.invoke(app, ["score", str(region), "--allow-errors"], env=env)
    assert score.exit_code == 0, score.stderr
    assert NAME in score.stdout
    gap = runner.invoke(app, ["gap", str(region), "-t", "madya", "--allow-errors"], env=env)
    assert gap.exit_code == 1 and NAME in gap.stdout.splitlines()[0]
