"""`kla report` as a person prints it: the first page's content, reproducible files
(SOURCE_DATE_EPOCH), the .pdf through LibreOffice, and every written report converted to PDF and
checked (A4 portrait, a sane page count, no table column off the page)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kla_cli.cli.app import app

from ..conftest import EXAMPLE, ROOT

RECAP = ROOT / "examples" / "rekap-contoh"
EPOCH = "1764633600"  # 2 December 2025, 00:00 UTC
A4 = (595.3, 841.9)


def _report(tmp: Path, name: str, source: Path = EXAMPLE, *extra: str) -> Path:
    out = tmp / name
    result = CliRunner().invoke(app, [*extra, "report", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.mark.parametrize("ext", ["xlsx", "html", "md"])
def test_same_input_and_epoch_give_identical_bytes(tmp_path: Path, ext: str) -> None:
    first = _report(tmp_path, f"a.{ext}").read_bytes()
    second = _report(tmp_path, f"b.{ext}").read_bytes()
    assert first == second
    if ext != "xlsx":
        assert "2 December 2025" in first.decode("utf-8")  # the date printed is the epoch's


def test_first_page_says_what_a_bupati_needs(tmp_path: Path) -> None:
    text = _report(tmp_path, "l.md", RECAP, "--lang", "id").read_text(encoding="utf-8")
    head = text[: text.index("## Tangga")]
    assert "**Predikat terverifikasi (VA): Pratama** · 585,51 dari 1.000,00 poin." in head
    assert "Kurang 14,50 poin menuju Madya (601–700)." in head  # the band as officials write it
    assert "Dicetak 2 Desember 2025" in head
    for stage in ("Penilaian mandiri (EM) | 751,52 | Nindya", "| 697,18 | Madya", "| 585,51 |"):
        assert stage in head, stage
    gaps = head[head.index("## Tiga selisih") : head.index("## Lima langkah")]
    assert gaps.count("\n| ") == 4  # header + three groups
    actions = head[head.index("## Lima langkah") :]
    steps = int(re.search(r"dengan (\d+) langkah", actions).group(1))  # type: ignore[union-attr]
    assert actions.count("\n| ") == 1 + min(5, steps)  # header + the first (up to) five
    assert "Dinas Pemberdayaan" not in actions  # OPDs by their short names
    assert "Ketua Gugus Tugas KLA" in text and "NIP: ____" in text


def test_ladder_starts_above_the_total_the_report_is_about(tmp_path: Path) -> None:
    """Kota Contoh: Madya self-assessed, Pratama with evidence (596,18): the ladder starts at
    Madya, the next tier above the evidenced total (which the self-assessed total has already
    reached), under the bands' half-open rule."""
    text = _report(tmp_path, "l.md").read_text(encoding="utf-8")
    rule, ladder = text[text.index("## Ladder") :].split("\n\n")[1:3]
    assert (
        rule
        == "Bands: a total above 600 and up to 700 is Madya (600.50 is Madya); Pratama starts at 500."
    )
    rows = ladder.splitlines()[2:]
    assert rows[0].startswith("| Madya | 600.01 | reached | 3.83 |")
    assert [r.split("|")[1].strip() for r in rows] == [
        "Madya",
        "Nindya",
        "Utama",
        "Child-Friendly Regency/City",
    ]
    assert text.count("Bands: a total above") == 1  # stated once


@pytest.mark.parametrize("ext", ["html", "xlsx"])
def test_the_bands_rule_is_the_ladders_legend(tmp_path: Path, ext: str) -> None:
    out = _report(tmp_path, f"l.{ext}", EXAMPLE, "--lang", "id")
    if ext == "html":
        text = out.read_text(encoding="utf-8")
    else:
        book = load_workbook(out)
        text = "\n".join(
            str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row
        )
    rule = (
        "Batas predikat: nilai di atas 600 sampai dengan 700 adalah Madya (600,50 termasuk Madya)"
    )
    assert text.count(rule) == 1


def test_pdf_without_libreoffice_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "laporan.pdf"
    result = CliRunner().invoke(app, ["report", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    lines = result.stderr.strip().splitlines()
    assert len(lines) <= 2 and "Traceback" not in result.output
    assert "LibreOffice" in result.stderr and "libreoffice-calc-nogui" in result.stderr


# --- converted to PDF and checked page by page -------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: no PDF to check"
)


def _to_pdf(document: Path, out: Path) -> Path:
    assert SOFFICE is not None
    out.mkdir(exist_ok=True)
    done = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(document),
        ],
        capture_output=True,
        timeout=240,
        check=False,
    )
    pdf = out / f"{document.stem}.pdf"
    if not pdf.exists() and b"could not be loaded" in done.stderr:
        pytest.skip(f"this LibreOffice cannot open {document.suffix} (Writer not installed)")
    assert pdf.exists(), done.stderr
    return pdf


def _pages(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]


def _words_outside(pdf: Path) -> list[str]:
    """Words pdftotext places beyond a page's right or bottom edge."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    outside = []
    for page in re.findall(
        r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", html, re.S
    ):
        width, height, words = float(page[0]), float(page[1]), page[2]
        for x_max, y_max, word in re.findall(
            r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', words
        ):
            if float(x_max) > width + 0.5 or float(y_max) > height + 0.5:
                outside.append(word)
    return outside


@pytest.mark.libreoffice
@needs_soffice
@pytest.mark.parametrize(
    ("source", "ext", "most"),
    [(EXAMPLE, "xlsx", 12), (EXAMPLE, "html", 24), (RECAP, "xlsx", 12), (EXAMPLE, "pdf", 12)],
)
def test_printed_report_fits_a4_portrait(tmp_path: Path, source: Path, ext: str, most: int) -> None:
    document = _report(tmp_path, f"laporan.{ext}", source)
    pdf = document if ext == "pdf" else _to_pdf(document, tmp_path / "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = _pages(pdf)
    assert 2 <= len(pages) <= most
    for width, height in pages:
        assert (round(width, 1), round(height, 1)) == A4  # portrait: narrower than tall
    assert _words_outside(pdf) == []
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for last_header in ("Data dukung status", "Message", "Gain", "% with evidence"):
        assert last_header.split()[0] in text, last_header  # each table's last column is there
    assert (
        "Chair of the KLA Task Force" in text
        and "NIP" in text.split("\f")[-2 if text.endswith("\f") else -1]
    )
    assert "Page 1 of" in text or ext == "html"  # html: the browser's margin boxes number pages


def test_kept_files_are_valid_workbooks(tmp_path: Path) -> None:
    book = load_workbook(_report(tmp_path, "l.xlsx"))
    assert book.properties.modified is not None and book.properties.modified.year == 2025
    assert os.environ["SOURCE_DATE_EPOCH"] == EPOCH


# --- the HTML report printed by a browser -------------------------------------------------------

CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (found := shutil.which(name))
    ),
    None,
)


def _browser_pdf(page: Path) -> Path:
    assert CHROMIUM is not None
    pdf = page.with_suffix(".browser.pdf")
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return pdf


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: no browser print to check")
@pytest.mark.parametrize("source", [EXAMPLE, RECAP])
def test_the_browser_prints_every_header_whole_and_the_front_on_one_page(
    tmp_path: Path, source: Path
) -> None:
    """A browser lays tables out otherwise than LibreOffice: a header kept on one line ran over
    its neighbours and off the page (`Kurang (total berda`), and the first page spilled over."""
    page = _report(tmp_path, "laporan.html", source, "--lang", "id")
    pdf = _browser_pdf(page)
    pages = _pages(pdf)
    assert 2 <= len(pages) <= 24
    assert all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in pages)  # A4 portrait
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(text.split())
    html = page.read_text(encoding="utf-8")
    headers = {" ".join(h.split()) for h in re.findall(r"<th[^>]*>([^<]+)</th>", html)}
    for header in sorted(headers):
        assert all(word in words for word in header.split()), header
    first, second = (" ".join(p.split()) for p in text.split("\f")[:2])
    assert "Lima langkah pertama" in first and "Instrumen Evaluasi KLA" in first  # the rubric
    assert "Ringkasan" not in first and second.count("Ringkasan") == 1  # the front on one page
