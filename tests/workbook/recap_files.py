"""Small region recaps ("Rekap Penilaian Mandiri") in each layout regions keep, written as
.xlsx for the recap reader's tests."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

QUESTIONS = (
    # indicator, question, text, max, EM, VA, sumber data, data dukung, catatan
    ("1", "1", "Ada Perda KLA?", 12, 9, 6, "JDIH, Bagian Hukum", "https://x/1.pdf", "SK belum ttd"),
    ("1", "2za", "Kebijakan lain?", 1, 1, 0.5, "DPPPAPPKB", "https://x/2za.pdf", None),
    ("21A", "4a", "Lembaga layanan?", 6, 6, 3, "UPTD PPA", "https://x/4a.pdf", None),
    (
        "21A",
        "4b",
        "Lembaga masyarakat?",
        2,
        1,
        1,
        "Dinsos",
        "https://x/4b.pdf",
        "Foto tanpa tanggal",
    ),
    ("21B", "1", "Pencegahan?", 9, 9, 9, "Dinsos", "https://x/b1.pdf", None),
    ("21B", "2", "Penanganan?", 9, 9, 6, "Dinsos", "https://x/b2.pdf", None),
)
"""21B's questions add up to 18; its official maximum (17) caps it."""
GROUPS = (("KELEMBAGAAN", 164, ("1",)), ("KLASTER V", 205, ("21A", "21B")))
INDICATORS = {"1": ("Peraturan KLA", 96), "21A": ("Pencegahan", 83), "21B": ("Anak bencana", 17)}
TOTAL, TOTAL_VERIFIED = 34.0, 25.5
"""10 + 7 + 17 (21B capped) self-assessed; 6,5 + 4 + 15 verified."""

HEADERS = (
    "Kode",
    "Uraian",
    "Nilai Max",
    "Nilai Evaluasi",
    "Nilai VA",
    "Sumber Data",
    "Data Dukung",
    "Catatan",
)


def _sums(codes: tuple[str, ...]) -> tuple[float, float]:
    em = va = 0.0
    for ind in codes:
        cap = INDICATORS[ind][1]
        em += min(cap, sum(q[4] for q in QUESTIONS if q[0] == ind))
        va += min(cap, sum(q[5] for q in QUESTIONS if q[0] == ind))
    return em, va


def hierarchy_rows(
    off: dict[str, tuple[int, float]] | None = None,
    label: str = "Indikator {ind}",
    max_of: dict[str, float] | None = None,
) -> list[list[object]]:
    """Group, indicator and question rows with subtotals, codes in the first column.

    `off`: a subtotal written wrong on purpose (label -> (column offset 3 EM / 4 VA, added));
    `max_of`: a Nilai Max written differently (label or question code -> value)."""
    off, max_of = off or {}, max_of or {}
    rows: list[list[object]] = []

    def subtotal(name: str, text: str, top: float, em: float, va: float) -> list[object]:
        row: list[object] = [name, text, max_of.get(name, top), em, va, None, None, None]
        if name in off:
            col, by = off[name]
            row[col] = float(row[col]) + by  # type: ignore[arg-type]
        return row

    for heading, top, inds in GROUPS:
        rows.append(subtotal(heading, heading.title(), top, *_sums(inds)))
        for ind in inds:
            name = label.format(ind=ind if len(ind) == 1 else f"{ind[:-1]} {ind[-1]}")
            rows.append(subtotal(name, INDICATORS[ind][0], INDICATORS[ind][1], *_sums((ind,))))
            for q in (q for q in QUESTIONS if q[0] == ind):
                code = f"{ind}.{q[1]}"
                rows.append(
                    [f"Pertanyaan {q[1]}", q[2], max_of.get(code, q[3]), q[4], q[5], *q[6:]]
                )
    rows.append(subtotal("TOTAL", "", 1000, TOTAL, TOTAL_VERIFIED))
    return rows


def separate_rows(carry: bool = False) -> tuple[list[str], list[list[object]]]:
    """`Indikator` | `Pertanyaan` | `Uraian` …: bare codes in two columns; with `carry`, the
    indicator only on its first question (as under a merged cell)."""
    headers = ["Indikator", "Pertanyaan", "Uraian", *HEADERS[2:]]
    rows: list[list[object]] = []
    for heading, _, inds in GROUPS:
        rows.append([None, None, heading])
        for ind in inds:
            rows.append([ind, None, INDICATORS[ind][0], INDICATORS[ind][1], *_sums((ind,))])
            for n, q in enumerate(q for q in QUESTIONS if q[0] == ind):
                rows.append([None if carry and n else ind, q[1], q[2], q[3], q[4], q[5], *q[6:]])
    return headers, rows


def full_code_rows() -> list[list[object]]:
    """`21A.4a` in the Kode column; group headings, no indicator rows."""
    rows: list[list[object]] = []
    for heading, top, inds in GROUPS:
        rows.append([heading, None, top, *_sums(inds)])
        rows.extend(
            [f"{q[0]}.{q[1]}", q[2], q[3], q[4], q[5], *q[6:]] for q in QUESTIONS if q[0] in inds
        )
    return rows


def text_only_rows() -> tuple[list[str], list[list[object]]]:
    """No code column: `Indikator 1 Peraturan …` and `Pertanyaan 2za Apakah …` in Uraian."""
    headers = ["No", *HEADERS[1:]]
    rows: list[list[object]] = []
    for heading, _, inds in GROUPS:
        rows.append([None, heading])
        for ind in inds:
            name = f"Indikator {ind} {INDICATORS[ind][0]}"
            rows.append([None, name, INDICATORS[ind][1], *_sums((ind,))])
            for n, q in enumerate(q for q in QUESTIONS if q[0] == ind):
                rows.append([n + 1, f"Pertanyaan {q[1]} {q[2]}", q[3], q[4], q[5], *q[6:]])
    return headers, rows


def write_recap(
    path: Path,
    headers: list[str] | tuple[str, ...] = HEADERS,
    rows: list[list[object]] | None = None,
    *,
    title: tuple[tuple[object, ...], ...] = (
        ("REKAP PENILAIAN MANDIRI KLA",),
        ("Kabupaten/Kota", "Kabupaten Uji"),
        ("Tahun", 2024),
    ),
    sheet: str = "Rekap",
) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for line in title:
        ws.append(list(line))
    ws.append([])
    ws.append(list(headers))
    for row in hierarchy_rows() if rows is None else rows:
        ws.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
