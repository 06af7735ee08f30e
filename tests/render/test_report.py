"""`kla report`: the Excel report reopened with openpyxl, the self-contained HTML, Markdown."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.assess import assess
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.report_model import build_report
from kla_cli.core.rubric import Rubric
from kla_cli.core.scoring import score_region
from kla_cli.render.report_html import report_html
from kla_cli.render.report_xlsx import report_workbook
from kla_cli.workbook.form_writer import Filled
from kla_cli.workbook.read import read_region

from ..conftest import EXAMPLE, MINI_RUBRIC, MakeRegion
from ..core.test_compare import OLD, filled

MINI = ["--rubric", str(MINI_RUBRIC)]
NO_URL = ("http://", "https://", 'src="//', 'href="//', "@import", "url(")


@pytest.fixture(scope="module")
def example_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "laporan.xlsx"
    result = CliRunner().invoke(app, ["report", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return out


def test_xlsx_sheets_chart_and_numbers(example_xlsx: Path, kla: Rubric) -> None:
    book = load_workbook(example_xlsx)
    assert book.sheetnames == [
        "Summary",
        "Groups",
        "Indicators",
        "OPD plan",
        "Findings",
        "Signature",
    ]
    groups = book["Groups"]
    charts = groups._charts
    assert len(charts) == 1 and isinstance(charts[0], BarChart)
    assert len(charts[0].series) == 2  # % of the maximum: self-assessed, with evidence
    assert charts[0].y_axis.scaling.max == 1  # percent, 0 to 100 %
    rows = list(groups.iter_rows(min_row=2, max_row=8, values_only=True))
    assert [r[0] for r in rows] == [
        "Institutional arrangements",
        "Cluster I",
        "Cluster II",
        "Cluster III",
        "Cluster IV",
        "Cluster V",
        "Kelana Dekela",
    ]
    assert [r[4] for r in rows] == [g.max for g in kla.groups]  # 164, 115, …, 100
    for row in rows:
        assert all(isinstance(v, int | float) for v in row[2:6])  # numbers, not text
    assert sum(r[4] for r in rows) == 1000
    assert groups["C2"].number_format == "#,##0.00"
    for ws in book:
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.orientation == "portrait"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert "Kota Contoh" in ws.oddHeader.left.text
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
    for name in ("Groups", "Indicators", "OPD plan", "Findings"):
        assert book[name].freeze_panes == "A2" and book[name].print_title_rows == "$1:$1"
    indicators = book["Indicators"]
    assert indicators.max_row == 32  # header + 31 indicators (1 … 20, 21A … 24B, 25, 26)
    assert isinstance(indicators["D2"].value, int | float)
    assert indicators.column_dimensions["B"].width > 20
    assert {c.value for c in indicators["A"][1:]} >= {"1", "21A"}  # all texts, one alignment
    widths = [d.width for d in indicators.column_dimensions.values()]
    assert sum(widths) <= 110  # fits A4 portrait at a readable scale


def test_xlsx_percent_year_and_alignment(example_xlsx: Path, kla: Rubric) -> None:
    book = load_workbook(example_xlsx)
    groups = book["Groups"]
    assert groups["F1"].value == "% EM"
    for (score, maximum, share), fmt in (
        ((r[2].value, r[4].value, r[5].value), r[5].number_format)
        for r in groups.iter_rows(min_row=2, max_row=9)  # seven groups and the total
    ):
        assert isinstance(share, float) and 0 <= share <= 1 and "%" in fmt
        assert share == pytest.approx(score / maximum, abs=1e-4)
    summary = book["Summary"]
    year = next(row[1] for row in summary.iter_rows(min_row=3) if row[0].value == "Year")
    assert year.value == 2025 and year.number_format == "0"  # a number, shown without 2.025
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None and (ws.title, cell.coordinate) != ("Summary", "A4"):
                    assert cell.alignment.vertical == "top", (ws.title, cell.coordinate)


def test_xlsx_summary_holds_totals_and_ladder(example_xlsx: Path, kla: Rubric) -> None:
    direct = assess(kla, read_region([EXAMPLE])).result
    ws = load_workbook(example_xlsx)["Summary"]
    pairs: dict[object, object] = {}
    for row in ws.iter_rows(values_only=True):
        pairs.setdefault(row[0], row[1])  # the summary's label and value (A, B)
    assert pairs["Total"] == direct.total
    assert pairs["Total with evidence"] == direct.total_evidenced
    assert pairs["Predikat"] == "Madya"
    values = [c for row in ws.iter_rows(values_only=True) for c in row]
    assert "Nindya" in values and "Utama" in values  # the ladder to the next tiers
    assert round(700.01 - direct.total, 2) in values


def test_xlsx_plan_per_opd(example_xlsx: Path) -> None:
    ws = load_workbook(example_xlsx)["OPD plan"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["OPD", "Item", "Question"]
    assert "Effort" not in header  # blank on every row (evidence only): left out
    rows = [r for r in ws.iter_rows(min_row=2, max_row=ws.max_row, values_only=True) if r[1]]
    assert rows, "the example (Pratama with evidence) needs a plan to secure Madya"
    gain = header.index("Gain")
    assert all(isinstance(r[gain], int | float) and r[gain] > 0 for r in rows)
    assert all(r[header.index("Action")] for r in rows)  # what to do, on every row
    assert all(len(str(r[0])) <= 12 for r in rows)  # OPD short names (BPBD, not the full name)


def test_xlsx_texts_from_workbooks_are_formula_safe(mini: Rubric) -> None:
    result = score_region(mini, {}, region='=HYPERLINK("x")', year="+2025")
    finding = Finding(Severity.WARNING, "unknown-opd", "@evil.xlsx", "Isian", "B2", {"opd": "-1"})
    ws = load_workbook(BytesIO(report_workbook(build_report(mini, result, [finding]), "en")))
    pairs = {row[0]: row[1] for row in ws["Summary"].iter_rows(values_only=True)}
    assert pairs["Region"] == '=HYPERLINK("x")'  # as typed, stored as text
    assert pairs["Year"] == "+2025"
    assert ws["Findings"]["C2"].value == "@evil.xlsx"
    for sheet in ws:
        for row in sheet.iter_rows():
            assert not [cell.coordinate for cell in row if cell.data_type == "f"]


def test_xlsx_in_indonesian(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "laporan.xlsx"
    result = runner.invoke(app, ["--lang", "id", "report", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == [
        "Ringkasan",
        "Kelompok",
        "Indikator",
        "Rencana OPD",
        "Temuan",
        "Pengesahan",
    ]
    assert book["Kelompok"]["A1"].value == "Kelompok"


def test_html_is_self_contained(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "laporan.html"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "<svg" not in text and "@media print" in text and "<style>" in text
    assert "@page { size: A4 portrait" in text and "counter(pages)" in text
    for banned in NO_URL:
        assert banned not in text, banned
    assert "<script" not in text and "<link" not in text and "<img" not in text
    assert "Madya" in text and "Cluster V" in text


def test_html_neutralises_urls_and_markup_from_workbooks(
    mini: Rubric, make_region: MakeRegion
) -> None:
    answers = {
        code: Filled(f.answer, "https://bukti.example/x.pdf") for code, f in filled(OLD).items()
    }
    folder = make_region(mini, answers, region='<img src="https://evil.example/x.png">')
    assessment = assess(mini, read_region([folder]))
    text = report_html(build_report(mini, assessment.result, assessment.validation.findings), "en")
    for banned in NO_URL:
        assert banned not in text, banned
    assert "<img" not in text and "&lt;img" in text


def test_markdown_to_stdout_by_default(runner: CliRunner) -> None:
    result = runner.invoke(app, ["report", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# KLA evaluation report · Kota Contoh · 2025")
    for heading in (
        "## Summary",
        "## Ladder",
        "## Groups",
        "## Indicators",
        "## OPD plan",
        "## Findings",
    ):
        assert heading in text
    assert "| Cluster III | " in text


def test_md_extension_and_format_option(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "laporan.md"
    assert runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")
    html = runner.invoke(app, ["report", str(EXAMPLE), "--format", "html"])
    assert html.exit_code == 0 and html.stdout.startswith("<!DOCTYPE html>")
    assert not [p for p in tmp_path.iterdir() if p != out]  # no temp file left behind


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xlsx"],  # Excel needs a file
        ["-o", "laporan.html", "--format", "markdown"],  # extension and format disagree
        ["--format", "json"],  # not a report format
    ],
)
def test_bad_format_choices_are_one_line(
    runner: CliRunner, args: list[str], tmp_path: Path
) -> None:
    args = [str(tmp_path / a) if a.startswith("laporan") else a for a in args]
    result = runner.invoke(app, ["report", str(EXAMPLE), *args])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert result.stdout == "" and not list(tmp_path.iterdir())


def test_blocking_errors_refuse_unless_allowed(
    runner: CliRunner, mini: Rubric, make_region: MakeRegion, tmp_path: Path
) -> None:
    answers = filled(OLD)
    answers["13.1"] = Filled("banyak", "bukti.pdf")
    folder = make_region(mini, answers)
    out = tmp_path / "laporan.xlsx"
    refused = runner.invoke(app, ["report", str(folder), *MINI, "-o", str(out)])
    assert refused.exit_code == 1 and not out.exists()
    allowed = runner.invoke(app, ["report", str(folder), *MINI, "-o", str(out), "--allow-errors"])
    assert allowed.exit_code == 0, allowed.output
    ws = load_workbook(out)["Findings"]
    assert "not-a-number" in [c.value for c in ws["B"]]


@pytest.mark.libreoffice
def test_report_converts_to_pdf_with_libreoffice(example_xlsx: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed, so the PDF conversion is not tried")
    done = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(example_xlsx),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "laporan.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
