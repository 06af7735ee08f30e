"""Write examples/rekap-contoh/rekap-penilaian-mandiri-2024.xlsx: a region's own recap
("Rekap Penilaian Mandiri") as regions keep it, read by `kla score` without kla's OPD forms.

The layout is the one regions use (see docs/workbook-format.md, "Reading a region's own
recap"): a group heading (`KELEMBAGAAN`, `KLASTER I` … `KELANA DEKELA`), an indicator row
(`Indikator 21 A` / `Indikator 21A`) and its question rows (`Pertanyaan 2za`), each with Nilai
Max, the self-assessed points (Nilai Evaluasi, EM), the verifier's points (Nilai VA), Sumber
Data, Data Dukung and the verifier's note; groups, indicators and the total carry subtotals.

The numbers are invented. They tell a real story (Kotim 2023: 721 self-assessed, 588,40 after
verification): self-assessed above 700 (Nindya), verified below 600 (Pratama). A few subtotal
rows do not add up and Klaster I's Nilai Max says 150 (as in the transcription the instrument
comes from), so `kla validate` has something to say. Deterministic (a fixed seed and fixed
document dates):

    .venv/bin/python scripts/make_recap_example.py
"""

from __future__ import annotations

import random
import sys
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from kla_cli.core.rubric import Indicator, Item, Rubric
from kla_cli.io.rubric_yaml import load_rubric
from kla_cli.workbook.row_heights import fit_wrapped_rows

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "examples" / "rekap-contoh" / "rekap-penilaian-mandiri-2024.xlsx"
REGION, YEAR = "Kabupaten Contoh Timur", "2024"
STAMP = datetime(2024, 7, 15, 9, 0, 0)

HEADERS = (
    ("No", 5),
    ("Kode", 16),
    ("Uraian", 62),
    ("Nilai Max", 9),
    ("Nilai Evaluasi", 10),
    ("Nilai VA", 9),
    ("Sumber Data", 28),
    ("Data Dukung", 34),
    ("Catatan Verifikasi", 40),
)
HEADER_ROW = 6
SELF_LEVELS = (1.0, 1.0, 1.0, 1.0, 0.75, 0.75, 0.5, 0.25)
"""Fractions of a question's max the region gives itself (mean about 0,78)."""
KEPT = (1.0, 1.0, 1.0, 1.0, 0.75, 0.75, 0.75, 0.5, 0.5, 0.25)
"""Fractions of the self-assessed points the verifier keeps (mean about 0,75)."""
NOTES = (
    "SK belum ditandatangani kepala daerah",
    "Data dukung tahun 2022, bukan tahun evaluasi",
    "Tautan tidak dapat dibuka",
    "Matriks belum diisi lengkap per kecamatan",
    "Dokumen anggaran tanpa tanda tangan Bappeda",
    "Foto kegiatan tanpa keterangan waktu dan tempat",
)
OFF_BY = {"II": ("nilai", 2.5), "7": ("va", 1.0), "21A": ("nilai", -3.0), "KD": ("va", 0.75)}
"""Subtotals written wrong on purpose (group id or indicator id -> column, difference)."""
MAX_WRITTEN = {"I": 150.0, "1.2f": 2.0}
"""Nilai Max written differently from the rubric (Klaster I as in the transcription)."""

BOLD = Font(bold=True)
GROUP_FILL = PatternFill("solid", fgColor="F4B183")
INDICATOR_FILL = PatternFill("solid", fgColor="FCE4D6")
HEADER_FILL = PatternFill("solid", fgColor="C55A11")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _points(rng: random.Random, item: Item) -> tuple[float, float]:
    """Self-assessed and verified points of one question."""
    given = round(item.max * rng.choice(SELF_LEVELS), 2)
    kept = round(given * rng.choice(KEPT), 2)
    return given, kept


def _opd_names(rubric: Rubric, indicator: Indicator, item: Item) -> str:
    """The sources as regions write them: short names (the first alias), comma-separated."""
    names = []
    for opd_id in rubric.item_opds(indicator, item)[:4]:
        opd = next(o for o in rubric.opds if o.id == opd_id)
        names.append(opd.aliases[0] if opd.aliases else opd.name)
    return ", ".join(names)


def _indicator_label(ind: Indicator, n: int) -> str:
    """`Indikator 21 A` and `Indikator 21A` alternate, as in real recaps."""
    if ind.id[-1].isalpha() and n % 2:
        return f"Indikator {ind.id[:-1]} {ind.id[-1]}"
    return f"Indikator {ind.id}"


def build(rubric: Rubric) -> tuple[Workbook, float, float]:
    rng = random.Random(721)
    book = Workbook()
    ws = book.active
    assert isinstance(ws, Worksheet)
    ws.title = "Rekap PM 2024"
    ws["A1"] = "REKAP PENILAIAN MANDIRI KABUPATEN/KOTA LAYAK ANAK TAHUN 2024"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"], ws["C2"] = "Kabupaten/Kota", REGION
    ws["A3"], ws["C3"] = "Tahun", YEAR
    ws["A4"] = "Nilai Evaluasi: penilaian mandiri daerah; Nilai VA: hasil verifikasi administrasi"
    ws["A4"].font = Font(italic=True, color="595959")
    for col, (text, width) in enumerate(HEADERS, start=1):
        cell = ws.cell(HEADER_ROW, col, text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = BOX
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)

    row = HEADER_ROW + 1
    serial = 0
    total_em = total_va = 0.0
    note_at = set(rng.sample(sorted(rubric.item_index), 14))
    for group in rubric.groups:
        indicators = [ind for ind in rubric.indicators if ind.group == group.id]
        group_row, row = row, row + 1
        group_em = group_va = 0.0
        for n, ind in enumerate(indicators):
            ind_row, row = row, row + 1
            ind_em = ind_va = 0.0
            for item in ind.items:
                serial += 1
                em, va = _points(rng, item)
                ind_em, ind_va = ind_em + em, ind_va + va
                question = item.code.split(".", 1)[1]
                link = f"https://drive.contoh.example/kla2024/{item.code}.pdf"
                values = (
                    serial,
                    f"Pertanyaan {question}",
                    item.question.id,
                    MAX_WRITTEN.get(item.code, item.max),
                    em,
                    va,
                    _opd_names(rubric, ind, item),
                    None if rng.random() < 0.04 else link,
                    rng.choice(NOTES) if item.code in note_at else None,
                )
                _write(ws, row, values)
                row += 1
            ind_em, ind_va = round(min(ind_em, ind.cap), 2), round(min(ind_va, ind.cap), 2)
            group_em, group_va = group_em + ind_em, group_va + ind_va
            em_written, va_written = _off(ind.id, ind_em, ind_va)
            values = (None, _indicator_label(ind, n), ind.name.id, ind.cap, em_written, va_written)
            _write(ws, ind_row, values, INDICATOR_FILL)
        total_em, total_va = total_em + group_em, total_va + group_va
        em_written, va_written = _off(group.id, round(group_em, 2), round(group_va, 2))
        heading = (group.short or group.name).id.upper()
        top = MAX_WRITTEN.get(group.id, group.max)
        _write(
            ws, group_row, (None, heading, group.name.id, top, em_written, va_written), GROUP_FILL
        )
    _write(
        ws,
        row,
        (None, "TOTAL", None, rubric.max_total, round(total_em, 2), round(total_va, 2)),
        HEADER_FILL,
        Font(bold=True, color="FFFFFF"),
    )
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    fit_wrapped_rows(book)
    book.properties.creator = "kla-cli scripts/make_recap_example.py"
    book.properties.created = book.properties.modified = STAMP
    return book, round(total_em, 2), round(total_va, 2)


def _off(key: str, em: float, va: float) -> tuple[float, float]:
    column, by = OFF_BY.get(key, ("", 0.0))
    return (round(em + by, 2) if column == "nilai" else em), (
        round(va + by, 2) if column == "va" else va
    )


def _write(
    ws: Worksheet,
    row: int,
    values: tuple[object, ...],
    fill: PatternFill | None = None,
    font: Font | None = None,
) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=col in (3, 7, 8, 9), vertical="top")
        if col in (4, 5, 6):
            cell.number_format = "0.00"
        if fill is not None:
            cell.fill = fill
            cell.font = font or BOLD
    for col in range(len(values) + 1, len(HEADERS) + 1):
        cell = ws.cell(row, col)
        cell.border = BOX
        if fill is not None:
            cell.fill = fill


def main() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "kla-2024.yaml")
    book, em, va = build(rubric)
    assert 700 < em <= 800, em  # Nindya as self-assessed
    assert 500 <= va <= 600, va  # Pratama once verified
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    book.save(TARGET)
    _fix_dates(TARGET)
    sys.stderr.write(f"{TARGET.relative_to(ROOT)}: Nilai Evaluasi {em:.2f}, Nilai VA {va:.2f}\n")


def _fix_dates(path: Path) -> None:
    """openpyxl stamps the save time into docProps/core.xml and every zip member: rewrite both
    with STAMP so that the file is byte-identical from run to run."""
    import re
    import zipfile

    members = []
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "docProps/core.xml":
                stamp = STAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            members.append((info.filename, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=STAMP.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


if __name__ == "__main__":
    main()
