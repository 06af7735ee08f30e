"""Wrapped text gets row heights, so long questions do not print over each other."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from kla_cli.core.form_layout import FIRST_ITEM_ROW
from kla_cli.core.rubric import Rubric
from kla_cli.workbook.form_writer import build_workbook
from kla_cli.workbook.forms import save_workbook
from kla_cli.workbook.row_heights import LINE_HEIGHT, text_lines


def test_text_lines() -> None:
    assert text_lines("", 20) == 1
    assert text_lines("x" * 19, 20) == 1
    assert text_lines("x" * 20, 20) == 2
    assert text_lines("a\nb\nc", 40) == 3


def test_saved_template_rows_fit_their_text(kla: Rubric, tmp_path: Path) -> None:
    opd = kla.opd_by_name("dinkes")
    target = tmp_path / "dinkes.xlsx"
    save_workbook(build_workbook(kla, opd, region="Kota Uji", year="2025"), target)
    ws = load_workbook(target)["Isian"]
    items = [r for r in range(FIRST_ITEM_ROW, ws.max_row + 1) if ws.cell(r, 1).value]
    assert len(items) > 10 and items[-1] < ws.max_row  # the sign-off follows the items
    heights = [ws.row_dimensions[row].height for row in items]
    assert all(h is not None and h >= 2 * LINE_HEIGHT for h in heights)  # options span lines
