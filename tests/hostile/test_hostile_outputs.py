"""Outputs under attack: text typed into OPD workbooks never becomes a formula in a CSV or Excel
output, and an interrupted write leaves the old output whole and no temporary file behind."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.form_layout import ANSWER_SHEET, FIRST_ITEM_ROW
from kla_cli.core.rubric import Rubric
from kla_cli.io import output
from kla_cli.workbook.safe_cells import FORMULA_PREFIXES
from kla_cli.workbook.synthetic import synthetic_answers, write_region

from ..conftest import EXAMPLE, MINI_RUBRIC

RUBRIC = ["--rubric", str(MINI_RUBRIC)]
HOSTILE = [
    '=HYPERLINK("http://x.example","klik")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


def _as_text(cell: object, value: str) -> None:
    cell.value = value  # type: ignore[attr-defined]
    cell.data_type = "s"  # type: ignore[attr-defined]  # text, as a careless export stores it


@pytest.fixture
def hostile_region(mini: Rubric, tmp_path: Path) -> Path:
    """A region whose name, evidence and notes start with formula characters."""
    root = tmp_path / "provinsi"
    folder = root / "kota"
    write_region(mini, folder, "Kota Uji", "2025", synthetic_answers(mini, 0.8, seed=5))
    for path in sorted(folder.glob("*.xlsx")):
        book = load_workbook(path)
        ws = book[ANSWER_SHEET]
        _as_text(ws["B3"], HOSTILE[0])  # region
        for i, row in enumerate(range(FIRST_ITEM_ROW, ws.max_row + 1)):
            if ws.cell(row, 1).value:
                _as_text(ws.cell(row, 6), HOSTILE[i % len(HOSTILE)])  # data dukung
                _as_text(ws.cell(row, 7), HOSTILE[(i + 1) % len(HOSTILE)])  # keterangan
        book.save(path)
    return folder


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_inert(cells: list[object], where: str) -> None:
    texts = [c for c in cells if isinstance(c, str)]
    assert texts, where
    dangerous = [c for c in texts if c.startswith(FORMULA_PREFIXES)]
    assert dangerous == [], where
    assert any(c.startswith("'=HYPERLINK") for c in texts) or any(
        "HYPERLINK" in c for c in texts
    ), where  # the text is there, neutralised, not dropped


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(app, ["--lang", "en", *args])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    return result.stdout


def test_score_csv_is_formula_safe(hostile_region: Path) -> None:
    text = _invoke("score", str(hostile_region), *RUBRIC, "-f", "csv", "--allow-errors")
    _assert_inert(list(_csv_cells(text)), "score csv")


def test_gap_csv_is_formula_safe(hostile_region: Path) -> None:
    text = _invoke("gap", str(hostile_region), *RUBRIC, "-f", "csv", "--allow-errors")
    cells = _csv_cells(text)
    assert not [c for c in cells if c.startswith(FORMULA_PREFIXES)]


def test_batch_csv_is_formula_safe(hostile_region: Path) -> None:
    text = _invoke("batch", str(hostile_region.parent), *RUBRIC, "-f", "csv", "-j", "1")
    cells = _csv_cells(text)
    assert not [c for c in cells if c.startswith(FORMULA_PREFIXES)]
    assert any(c.startswith("'=HYPERLINK") for c in cells)  # the region name, neutralised


def _xlsx_cells(path: Path) -> list[object]:
    """Every cell value of `path`; none is a formula (openpyxl's own reading of the file)."""
    book = load_workbook(path)
    cells: list[object] = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name}:{ws.title}!{cell.coordinate}"
                cells.append(cell.value)
    return cells


def _calamine_cells(path: Path) -> list[object]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return [
        value
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for value in row
    ]


def _assert_text_cells(path: Path, where: str) -> None:
    """The hostile texts are in the workbook exactly as typed (no apostrophe), as string
    cells: openpyxl sees no formula and calamine reads the same text."""
    for cells in (_xlsx_cells(path), _calamine_cells(path)):
        texts = [c for c in cells if isinstance(c, str)]
        assert HOSTILE[0] in texts, where
        assert not [c for c in texts if c.startswith("'=")], where


def test_report_xlsx_is_formula_safe(hostile_region: Path, tmp_path: Path) -> None:
    out = tmp_path / "laporan.xlsx"
    _invoke("report", str(hostile_region), *RUBRIC, "-o", str(out), "--allow-errors")
    _assert_text_cells(out, "report xlsx")


def test_merge_recap_is_formula_safe(hostile_region: Path, tmp_path: Path) -> None:
    out = tmp_path / "rekap.xlsx"
    _invoke("merge", str(hostile_region), *RUBRIC, "-o", str(out))
    _assert_text_cells(out, "merge recap")


# --- atomic outputs --------------------------------------------------------------------------


def test_interrupted_score_keeps_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run is interrupted while the new report is being written: the old one stays whole."""
    out = tmp_path / "hasil.json"
    out.write_text("laporan lama\n", encoding="utf-8")

    def half_then_interrupt(self: Path, data: bytes, *args: object, **kwargs: object) -> int:
        with self.open("wb") as handle:
            handle.write(data[: len(data) // 2])
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "write_bytes", half_then_interrupt)
    result = CliRunner().invoke(
        app, ["--lang", "en", "score", str(EXAMPLE), "-f", "json", "-o", str(out)]
    )
    monkeypatch.undo()
    assert result.exit_code == 2
    assert "interrupted" in result.stderr and "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "laporan lama\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.json"]


def test_disk_full_while_writing_keeps_the_old_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "rekap.csv"
    out.write_bytes(b"lama")

    def disk_full(self: Path, data: bytes) -> int:
        with self.open("wb") as handle:
            handle.write(data[:3])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    with pytest.raises(output.KlaError) as info:
        output.write_bytes(out, b"baru dan lengkap")
    monkeypatch.undo()
    assert info.value.key == "output.failed"
    assert "No space left" in str(info.value)
    assert out.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.csv"]
