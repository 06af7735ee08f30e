"""`kla report` on a recap carrying the verifier's points: the verified total (VA) and its
predikat in the summary, a VA column in the group and indicator tables; none without them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kla_cli.cli.app import app

from ..conftest import EXAMPLE, ROOT

RECAP = ROOT / "examples" / "rekap-contoh"
"""Self-assessed 751.52 (Nindya), with evidence 697.18, verified 585.51 (Pratama)."""


def _report(path: Path, out: Path, *lang: str) -> Path:
    result = CliRunner().invoke(app, [*lang, "report", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report-va")
    for name, path in (("rekap", RECAP), ("kota", EXAMPLE)):
        for ext in ("md", "html", "xlsx"):
            _report(path, folder / f"{name}.{ext}")
    return folder


def _md_table(text: str, header_start: str) -> list[list[str]]:
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[first:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip("|").split("|")])
    return [rows[0], *rows[2:]]


def test_markdown_summary_shows_the_three_stages(outputs: Path) -> None:
    text = (outputs / "rekap.md").read_text(encoding="utf-8")
    assert "- **Total**: 751.52" in text
    assert "- **Total with evidence**: 697.18" in text
    assert "- **Verified total (VA)**: 585.51" in text
    assert "- **Verified predikat (VA)**: Pratama" in text
    assert re.search(r"\d+ items were cut at verification", text)


def test_markdown_group_and_indicator_tables_have_a_va_column(outputs: Path) -> None:
    text = (outputs / "rekap.md").read_text(encoding="utf-8")
    groups = _md_table(text, "| Group | Full name |")
    head = groups[0]
    assert head[2:9] == [
        "Score",
        "Score with evidence",
        "Verified (VA)",
        "Max",
        "% EM",
        "% with evidence",
        "% VA",
    ]
    va = head.index("Verified (VA)")
    *body, total = groups[1:]
    assert len(body) == 7 and total[0] == "Total" and total[va] == "585.51"
    assert round(sum(float(r[va].replace(",", "")) for r in body), 2) == 585.51
    assert total[head.index("% EM")] == "75.15"  # the self-assessed share of the maximum
    assert total[head.index("% VA")] == "58.55"
    indicators = _md_table(text, "| # |")
    ind_head = indicators[0]
    assert ind_head[2:5] == ["Score", "Score with evidence", "Verified (VA)"]
    col = ind_head.index("Verified (VA)")
    assert len(indicators) == 32  # header + 31 indicators
    assert round(sum(float(r[col].replace(",", "")) for r in indicators[1:]), 2) == 585.51


def test_xlsx_summary_groups_and_chart_carry_the_verified_stage(outputs: Path) -> None:
    book = load_workbook(outputs / "rekap.xlsx")
    summary: dict[object, object] = {}
    for r in book["Summary"].iter_rows(values_only=True):
        summary.setdefault(r[0], r[1])
    assert summary["Verified total (VA)"] == 585.51
    assert summary["Verified predikat (VA)"] == "Pratama"
    assert summary["Total with evidence"] == 697.18
    groups = book["Groups"]
    head = [c.value for c in groups[1]]
    assert head[2:7] == ["Score", "Score with evidence", "Verified (VA)", "Max", "% EM"]
    total = list(groups[9])
    assert total[0].value == "Total" and total[4].value == 585.51
    assert total[6].number_format == "0.00%" and total[6].value == pytest.approx(0.7515)
    assert total[8].value == pytest.approx(0.5855)
    (chart,) = groups._charts
    assert len(chart.series) == 3  # % of the maximum: self-assessed, with evidence, verified
    indicators = book["Indicators"]
    ind_head = [c.value for c in indicators[1]]
    col = ind_head.index("Verified (VA)")
    assert col == ind_head.index("Score with evidence") + 1
    values = [r[col] for r in indicators.iter_rows(min_row=2, values_only=True)]
    assert len(values) == 31 and round(sum(values), 2) == 585.51


def test_html_shows_the_verified_stage(outputs: Path) -> None:
    text = (outputs / "rekap.html").read_text(encoding="utf-8")
    assert "<tr><th>Verified total (VA)</th><td>585.51</td></tr>" in text
    assert "<tr><th>Verified predikat (VA)</th><td>Pratama</td></tr>" in text
    assert text.count("<th class=num>Verified (VA)</th>") == 2  # groups and indicators


def test_without_verified_points_no_va_anywhere(outputs: Path) -> None:
    for ext in ("md", "html"):
        assert "VA)" not in (outputs / f"kota.{ext}").read_text(encoding="utf-8")
    book = load_workbook(outputs / "kota.xlsx")
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and "VA)" in v for v in row), ws.title
    groups = book["Groups"]
    assert [c.value for c in groups[1]][4:7] == ["Max", "% EM", "% with evidence"]
    assert len(groups._charts[0].series) == 2


def test_indonesian_labels(tmp_path: Path) -> None:
    text = _report(RECAP, tmp_path / "laporan.md", "--lang", "id").read_text(encoding="utf-8")
    assert "- **Total terverifikasi (VA)**: 585,51" in text
    assert "- **Predikat terverifikasi (VA)**: Pratama" in text
    assert "| Nilai | Nilai berdata dukung | Nilai VA | Maks |" in text
