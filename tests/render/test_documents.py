"""The documents of issue 19 that are not the report: the recap (`kla merge`), an OPD form
(`kla template`), the plan (`kla gap -o rencana.xlsx`) and the province ranking (`kla batch -o
provinsi.xlsx|.html`), reopened to check what a person printing or filtering them gets."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.workbook.print_setup import POINTS_FORMAT

from ..conftest import EXAMPLE, ROOT

PROVINCE = ROOT / "examples" / "provinsi-contoh"
A4 = "9"
LANDSCAPE_POINTS = 841.89 - 72  # A4 landscape between margins of half an inch


def printed_scale(widths: list[float], landscape: bool = True) -> float:
    """The scale Excel prints a sheet at when fitted to one page wide: the printable width over
    the columns' width (one width unit = 7 pixels of Calibri 11, plus 5 pixels of padding)."""
    points = sum(7 * w + 5 for w in widths) * 0.75
    printable = LANDSCAPE_POINTS if landscape else 595.3 - 72
    return min(1.0, printable / points)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document, written once by the CLI in Indonesian from the shipped examples (the
    region read by its absolute path, as a secretariat's script would)."""
    out = tmp_path_factory.mktemp("documents")
    runner = CliRunner()
    runs = {
        "rekap.xlsx": ["merge", str(EXAMPLE.resolve()), "-o"],
        "forms": ["template", "--opd", "dinkes", "--region", "Kota Contoh", "--year", "2025", "-o"],
        "rencana.xlsx": ["gap", str(EXAMPLE), "--target", "nindya", "-o"],
        "provinsi.xlsx": ["batch", str(PROVINCE), "-o"],
        "provinsi.html": ["batch", str(PROVINCE), "-o"],
        "tindak-lanjut": ["followup", str(EXAMPLE), "--deadline", "2025-12-20", "-o"],
    }
    for name, args in runs.items():
        result = runner.invoke(app, ["--lang", "id", *args, str(out / name)])
        assert result.exit_code in (0, 1), result.output  # 1: below target / findings
    # the follow-up of Dinkes, renamed so that its PDF does not meet the form's (dinkes.pdf)
    followup = out / "tindak-lanjut-dinkes.xlsx"
    shutil.copyfile(out / "tindak-lanjut" / "dinkes.xlsx", followup)
    return {
        "recap": out / "rekap.xlsx",
        "form": out / "forms" / "dinkes.xlsx",
        "plan": out / "rencana.xlsx",
        "province": out / "provinsi.xlsx",
        "province_html": out / "provinsi.html",
        "followup": followup,
        "followup_html": out / "tindak-lanjut" / "tindak-lanjut.html",
    }


def test_every_visible_sheet_prints_on_a4_with_page_numbers(documents: dict[str, Path]) -> None:
    for key in ("recap", "form", "plan", "province"):
        book = load_workbook(documents[key])
        for ws in book.worksheets:
            if ws.sheet_state != "visible":
                continue
            where = f"{key}:{ws.title}"
            assert str(ws.page_setup.paperSize) == A4, where
            assert ws.sheet_properties.pageSetUpPr.fitToPage, where
            assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, where
            assert "Halaman &P dari &N" in str(ws.oddFooter.right.text), where


def test_every_workbook_names_kla_as_its_creator(documents: dict[str, Path]) -> None:
    for key in ("recap", "form", "plan", "province"):
        props = load_workbook(documents[key]).properties
        assert props.creator is not None and props.creator.startswith("kla-cli "), key
        assert props.title, key


def test_recap_shows_no_absolute_path_and_one_number_format(documents: dict[str, Path]) -> None:
    book = load_workbook(documents["recap"])
    here = str(EXAMPLE.resolve())
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert here not in str(cell.value or ""), f"{ws.title}!{cell.coordinate}"
    summary = book["Ringkasan"]
    formats = {c.number_format for c in summary["B"] if isinstance(c.value, float) and c.value % 1}
    assert formats == {POINTS_FORMAT}  # 1.000,00 in an Indonesian locale, as in the report
    isian = book["Isian"]
    header = [c.value for c in isian[6]]
    points = header.index("Nilai") + 1
    assert isian.cell(7, points).number_format == POINTS_FORMAT
    files = {isian.cell(r, header.index("Berkas") + 1).value for r in range(7, 40)}
    assert "dp3a.xlsx" in files or "jdih.xlsx" in files  # relative to the folder read
    findings = book["Temuan"]
    assert any(c.value == "cosource-differs" for c in findings["B"])  # a message with a path


def test_recap_list_sheets_have_filters(documents: dict[str, Path]) -> None:
    book = load_workbook(documents["recap"])
    assert book["Isian"].auto_filter.ref == "A6:M280"
    for name in ("Belum dijawab", "Temuan"):
        ref = book[name].auto_filter.ref
        assert ref is not None and ref.startswith("A1:"), name


@pytest.mark.parametrize("key", ["recap", "form"])
def test_answer_sheet_prints_at_a_readable_size(documents: dict[str, Path], key: str) -> None:
    ws = load_workbook(documents[key])["Isian"]
    widths = [ws.column_dimensions[chr(64 + c)].width or 8.43 for c in range(1, ws.max_column + 1)]
    # 11 pt text at 65 % or more is 7 pt or more on paper (it was ~4 pt)
    assert printed_scale(widths) >= 0.65, printed_scale(widths)
    assert ws.page_setup.orientation == "landscape"


def test_instructions_fit_a_portrait_page_at_full_size(documents: dict[str, Path]) -> None:
    ws = load_workbook(documents["form"])["Petunjuk"]
    widths = [ws.column_dimensions[c].width for c in "AB"]
    assert printed_scale(widths, landscape=False) == 1.0  # no scaling needed at all
    assert ws["B3"].alignment.wrap_text and str(ws["A3"].value) == "1."


def test_plan_sheet(documents: dict[str, Path]) -> None:
    ws = load_workbook(documents["plan"]).active
    assert ws is not None
    header_row = next(r for r in range(1, 20) if ws.cell(r, 1).value == "Kode")
    header = [c.value for c in ws[header_row]]
    assert header == [
        "Kode",
        "Pertanyaan",
        "OPD",
        "Telah dilaksanakan",
        "Belum dilaksanakan",
        "+Nilai",
        "Upaya",
        "Kerjakan dahulu",
        "Data yang dibutuhkan",
        "Status",
    ]
    rows = list(ws.iter_rows(min_row=header_row + 1, max_row=header_row + 21, values_only=True))
    assert len(rows) == 21 and all(r[0] for r in rows)  # the 21 steps of the plan
    assert all(r[9] is None for r in rows)  # status left to fill in
    assert {r[6] for r in rows} <= {"rendah", "sedang", "tinggi"}
    assert any(r[7] == "Ya" for r in rows)
    assert all(isinstance(r[5], int | float) and r[5] > 0 for r in rows)
    assert ws.auto_filter.ref == f"A{header_row}:J{header_row + 21}"
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    # the summary block: the current total's predikat badge in its tier colour (Pratama: red)
    badge = next(c for row in ws.iter_rows(max_row=header_row) for c in row if c.value == "Pratama")
    assert badge.fill.fgColor.rgb.endswith("C8102E")


def test_province_sheet(documents: dict[str, Path]) -> None:
    ws = load_workbook(documents["province"]).active
    assert ws is not None
    header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "#")
    header = [c.value for c in ws[header_row]]
    predicate = header.index("Predikat") + 1
    first = ws.cell(header_row + 1, predicate)
    assert first.fill.fgColor.rgb.endswith("1F6FB2")  # the top region is KLA: blue
    assert isinstance(ws.cell(header_row + 1, 3).value, float)  # totals stay numbers
    assert ws.auto_filter.ref is not None and ws.freeze_panes == f"A{header_row + 1}"


def test_province_html_is_self_contained_and_prints_on_a4(documents: dict[str, Path]) -> None:
    html = documents["province_html"].read_text(encoding="utf-8")
    assert "@page { size: A4" in html
    assert not re.search(r"(src|href)=|url\(|@import", html)  # nothing fetched
    assert 'class=tier style="background:#1F6FB2' in html


def _pdf(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed, so the documents are not converted to PDF")
    return found


@pytest.fixture(scope="module")
def pdfs(documents: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document converted by LibreOffice, as a person printing it would get it (the HTML
    pages through Writer's HTML import, which honours their @page size), each into a folder of
    its own kind: the province's workbook and page share a stem. A LibreOffice without Writer
    (`libreoffice-calc-nogui` alone) cannot open the pages: they are left out, and their tests
    skip saying so."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed, so the documents are not printed")
    _pdf("pdfinfo")
    out = tmp_path_factory.mktemp("pdf")
    profile = f"-env:UserInstallation=file://{out / 'profile'}"
    pdf: dict[str, Path] = {}
    for folder, extra, keys in (
        ("sheets", [], ("recap", "form", "plan", "province", "followup")),
        ("pages", ["--infilter=HTML (StarWriter)"], ("province_html", "followup_html")),
    ):
        files = [str(documents[k]) for k in keys]
        command = [soffice, "--headless", profile, *extra, "--convert-to", "pdf"]
        done = subprocess.run(
            [*command, "--outdir", str(out / folder), *files],
            capture_output=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        made = {k: out / folder / documents[k].with_suffix(".pdf").name for k in keys}
        if folder == "pages" and b"could not be loaded" in done.stderr:
            made = {k: path for k, path in made.items() if path.exists()}
        pdf.update(made)
    return pdf


def _printed(pdfs: dict[str, Path], key: str) -> Path:
    if key not in pdfs:
        pytest.skip("this LibreOffice cannot open .html (Writer not installed)")
    return pdfs[key]


def _pages(pdf: Path) -> tuple[int, float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None
    return pages, float(size[1]), float(size[2])


def _words(pdf: Path) -> list[tuple[float, float, float, str]]:
    """(page width, xMax, font height, word) of every word pdftotext finds."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    for page in re.split(r"<page ", xml)[1:]:
        width = float(re.match(r'width="([\d.]+)"', page)[1])  # type: ignore[index]
        found = re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
            page,
        )
        words += [(width, float(x1), float(y1) - float(y0), w) for y0, x1, y1, w in found]
    return words


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "last_header"),
    [
        ("recap", "Sel"),
        ("form", "Keterangan"),
        ("plan", "Status"),
        ("province", "Galat"),
        ("province_html", "Galat"),
        ("followup", "Poin"),
        ("followup_html", "Poin"),
    ],
)
def test_printed_on_a4_with_every_column_on_the_page(
    pdfs: dict[str, Path], key: str, last_header: str
) -> None:
    _pdf("pdftotext")
    pages, width, height = _pages(_printed(pdfs, key))
    assert pages >= 1
    assert sorted((round(width), round(height))) == [595, 842]  # A4, either way round
    words = _words(pdfs[key])
    assert words, key
    assert {round(page) for page, *_ in words} <= {595, 842}  # every page A4
    outside = [w for page, x, _, w in words if x > page + 0.5]
    assert not outside, f"{key}: printed off the right edge: {outside[:5]}"
    assert last_header in {w for *_, w in words}  # the last column's header is printed
    if key in ("recap", "form"):  # the answer sheet: not microscopic (LibreOffice without
        # Calibri prints wider than Excel; 5 pt here is about 7 pt in Excel)
        heights = sorted(h for _, _, h, _ in words)
        assert heights[len(heights) // 2] >= 5.0, heights[len(heights) // 2]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_instructions_are_not_cut_off_on_the_right(pdfs: dict[str, Path]) -> None:
    """The bug: the form's Petunjuk sheet printed wider than the page in LibreOffice."""
    _pdf("pdftotext")
    pages, width, _ = _pages(pdfs["form"])
    last = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), "-bbox", str(pdfs["form"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Petunjuk" in last
    right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', last))
    assert right <= width - 30  # within the right margin
