"""Reading a region's own recap (Rekap Penilaian Mandiri): header variants, the three code
layouts, subtotal and maximum checks, numbers kla cannot read, `--columns`, the verifier's
columns on kla's own forms, and a recap saved by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kla_cli.core.answer_types import Nilai
from kla_cli.core.assess import Assessment, assess
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.recap_layout import RECAP_COLUMNS, recap_column
from kla_cli.core.rubric import Rubric
from kla_cli.io.rubric_yaml import load_rubric, shipped_rubrics
from kla_cli.workbook.read import read_region, read_workbook
from tests.conftest import ROOT
from tests.workbook.recap_files import (
    HEADERS,
    QUESTIONS,
    TOTAL,
    TOTAL_VERIFIED,
    full_code_rows,
    hierarchy_rows,
    separate_rows,
    text_only_rows,
    write_recap,
)

CODES = [f"{q[0]}.{q[1]}" for q in QUESTIONS]
EXAMPLE_RECAP = ROOT / "examples" / "rekap-contoh"


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_rubric(shipped_rubrics() / "kla-2024.yaml")


def _assess(rubric: Rubric, path: Path, columns: dict[str, int] | None = None) -> Assessment:
    return assess(rubric, [read_workbook(path, columns=columns)])


def _codes(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def _checks(assessment: Assessment) -> list[Finding]:
    """The findings but the questions this small recap leaves out (unanswered)."""
    return [f for f in assessment.validation.findings if f.code != "unanswered"]


def _reads_everything(rubric: Rubric, path: Path) -> Assessment:
    """The recap's six questions, their points, VA, notes and sources, and no error."""
    sub = read_workbook(path)
    assert sub.recap and sub.sheet == "Rekap"
    assert [row.code for row in sub.rows] == CODES
    assessment = assess(rubric, [sub])
    validation = assessment.validation
    assert validation.blocking == [], [f.render() for f in validation.blocking]
    assert validation.responses["1.2za"].answer == Nilai(1.0)
    assert validation.responses["21A.4a"].verified == 3.0
    assert validation.responses["1.1"].note == "SK belum ttd"
    assert validation.responses["1.1"].opd == "jdih"  # the first source the rubric knows
    assert validation.responses["21A.4b"].evidence == "https://x/4b.pdf"
    assert assessment.result.total == TOTAL
    assert assessment.result.total_verified == TOTAL_VERIFIED
    assert validation.region == "Kabupaten Uji" and validation.year == "2024"
    return assessment


# --- headers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [(text, column.key) for column in RECAP_COLUMNS for text in column.accepted]
    + [
        ("  NILAI   Max ", "max"),
        ("Nilai Maks:", "max"),
        ("Nilai EM (Evaluasi Mandiri)", "nilai"),
        ("Nilai VA*", "va"),
        ("CATATAN VERIFIKASI", "catatan"),
        ("Data  Dukung", "dukung"),
    ],
)
def test_every_header_variant_names_its_column(text: str, key: str) -> None:
    assert recap_column(text) == key


@pytest.mark.parametrize(
    "headers",
    [
        HEADERS,
        ("KODE", "URAIAN", "NILAI MAKS", "NILAI EM", "NILAI VERIFIKASI", "SUMBER DATA",
         "LAMPIRAN", "CATATAN VERIFIKASI"),
        ("kode", "Pertanyaan", "Bobot", "Skor", "Nilai Verifikasi", "Sumber", "Link", "Catatan"),
        ("Kode", "Uraian", "Nilai Maksimal", "Nilai", "Nilai VA", "OPD", "Tautan", "Catatan VA"),
    ],
)  # fmt: skip
def test_header_variants_read_the_same(
    rubric: Rubric, tmp_path: Path, headers: tuple[str, ...]
) -> None:
    _reads_everything(rubric, write_recap(tmp_path / "rekap.xlsx", headers))


# --- code layouts ----------------------------------------------------------------------------


def test_hierarchy_with_indikator_21_a_and_21a(rubric: Rubric, tmp_path: Path) -> None:
    assessment = _reads_everything(rubric, write_recap(tmp_path / "a.xlsx"))
    assert _checks(assessment) == []  # the subtotals add up (21B capped at 17)
    joined = hierarchy_rows(label="Indikator {ind}")
    assert any(row[0] == "Indikator 21 A" for row in joined)
    solid = [
        [str(c).replace("21 A", "21A").replace("21 B", "21B") if c else c for c in row]
        for row in joined
    ]
    _reads_everything(rubric, write_recap(tmp_path / "b.xlsx", rows=solid))  # fmt: skip


@pytest.mark.parametrize("carry", [False, True])
def test_separate_indikator_and_pertanyaan_columns(
    rubric: Rubric, tmp_path: Path, carry: bool
) -> None:
    headers, rows = separate_rows(carry)
    assessment = _reads_everything(rubric, write_recap(tmp_path / "rekap.xlsx", headers, rows))
    assert _checks(assessment) == []


def test_full_codes_in_one_column(rubric: Rubric, tmp_path: Path) -> None:
    headers = ("Kode", "Pertanyaan", *HEADERS[2:])  # Pertanyaan holds texts here
    assessment = _reads_everything(
        rubric, write_recap(tmp_path / "r.xlsx", headers, full_code_rows())
    )
    assert _checks(assessment) == []  # fmt: skip


def test_labels_in_the_text_column(rubric: Rubric, tmp_path: Path) -> None:
    headers, rows = text_only_rows()
    _reads_everything(rubric, write_recap(tmp_path / "rekap.xlsx", headers, rows))


# --- checks ----------------------------------------------------------------------------------


def test_subtotal_mismatch_is_a_warning_naming_the_row_and_both_numbers(
    rubric: Rubric, tmp_path: Path
) -> None:
    rows = hierarchy_rows(off={"KLASTER V": (3, 2.5), "Indikator 21 A": (4, -1.0)})
    assessment = _assess(rubric, write_recap(tmp_path / "rekap.xlsx", rows=rows))
    found = sorted(
        _codes(assessment.validation.findings, "recap-subtotal-mismatch"), key=lambda f: f.cell
    )
    assert [(f.severity, f.cell, f.args["found"], f.args["sum"]) for f in found] == [
        (Severity.WARNING, "D10", "26.5", "24"),  # EM of KLASTER V, header in row 5
        (Severity.WARNING, "E11", "3", "4"),  # VA of Indikator 21 A
    ]
    text = found[0].message("en")
    assert "KLASTER V" in text and "Nilai Evaluasi says 26.5" in text and "sum to 24" in text
    assert assessment.result.total == TOTAL  # subtotals are never added


def test_max_mismatch_is_a_warning(rubric: Rubric, tmp_path: Path) -> None:
    rows = hierarchy_rows(max_of={"KLASTER V": 150, "1.2za": 2})
    findings = _assess(rubric, write_recap(tmp_path / "rekap.xlsx", rows=rows)).validation.findings
    found = _codes(findings, "recap-max-differs")
    assert {(f.args["section"], f.args["found"], f.args["expected"]) for f in found} == {
        ("KLASTER V", "150", "205"),
        ("1.2za", "2", "1"),
    }
    assert all(f.severity is Severity.WARNING for f in found)


def test_nilai_above_max_is_an_error(rubric: Rubric, tmp_path: Path) -> None:
    rows = hierarchy_rows()
    row = next(r for r in rows if r[0] == "Pertanyaan 2za")
    row[3] = 1.5
    assessment = _assess(rubric, write_recap(tmp_path / "rekap.xlsx", rows=rows))
    (error,) = assessment.validation.blocking
    assert (error.code, error.cell, error.item) == ("nilai-out-of-range", "D9", "1.2za")
    assert "1.2za" in assessment.result.skipped


def test_code_not_in_rubric_and_unreadable_cells(rubric: Rubric, tmp_path: Path) -> None:
    rows = hierarchy_rows()
    rows[2][0] = "Pertanyaan 9z"  # 1.9z is not in the rubric
    next(r for r in rows if r[0] == "Pertanyaan 4a")[3] = "banyak"
    next(r for r in rows if r[0] == "Pertanyaan 4b")[4] = "belum"
    rows[0][3] = "sepuluh"  # KELEMBAGAAN's EM subtotal
    path = write_recap(tmp_path / "rekap.xlsx", rows=rows)
    findings = _assess(rubric, path).validation.findings
    where = {(f.code, f.cell) for f in findings}
    assert ("unknown-item", "A8") in where
    assert ("not-a-number", "D12") in where  # the EM cell
    assert ("not-a-number", "E13") in where  # the VA cell
    assert ("recap-not-a-number", "D6") in where
    assert all(f.file == str(path) and f.sheet == "Rekap" for f in findings)


def test_a_row_with_points_but_no_code_is_reported(rubric: Rubric, tmp_path: Path) -> None:
    rows = hierarchy_rows()
    rows.insert(3, ["Lain-lain", "tambahan", 1, 1, 1])
    rows.insert(0, ["Pertanyaan 3", "tanpa indikator", 1, 1, 1])
    findings = _assess(rubric, write_recap(tmp_path / "r.xlsx", rows=rows)).validation.findings
    assert {(f.code, f.cell) for f in findings if f.code.startswith("recap-")} == {
        ("recap-no-indicator", "A6"),
        ("recap-row-unread", "D10"),
    }


def test_columns_option_maps_unmatched_headers(rubric: Rubric, tmp_path: Path) -> None:
    headers = (
        "No. Butir",
        "Teks",
        "Maks. Poin",
        "Poin Daerah",
        "Poin Prov",
        "Asal",
        "Berkas",
        "Cat.",
    )
    path = write_recap(tmp_path / "rekap.xlsx", headers)  # fmt: skip
    assert [f.code for f in read_workbook(path).findings] == ["missing-sheet"]
    columns = {"kode": 1, "uraian": 2, "max": 3, "nilai": 4, "va": 5, "sumber": 6, "dukung": 7,
               "catatan": 8}  # fmt: skip
    sub = read_workbook(path, columns=columns)
    assert [row.code for row in sub.rows] == CODES
    assessment = assess(rubric, [sub])
    assert assessment.result.total == TOTAL
    assert assessment.result.total_verified == TOTAL_VERIFIED
    assert assessment.validation.responses["1.1"].note == "SK belum ttd"
    # a partial override: the headers kla knows stay, --columns fills the rest
    partial = write_recap(tmp_path / "b.xlsx", ("Kode", *headers[1:]))
    only = read_workbook(partial, columns={"nilai": 4, "va": 5})
    assert [row.code for row in only.rows] == CODES and only.rows[0].verified == 6


def test_region_and_year_from_the_title(rubric: Rubric, tmp_path: Path) -> None:
    title = (("REKAP PENILAIAN MANDIRI KLA KABUPATEN KOTAWARINGIN UJI TAHUN 2024",),)
    sub = read_workbook(write_recap(tmp_path / "r.xlsx", title=title))
    assert (sub.region, sub.year) == ("KABUPATEN KOTAWARINGIN UJI", "2024")
    assert sub.meta_cells == {"region": "A1", "year": "A1"}


def test_kla_merge_recap_still_reads_as_before(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLE

    recap = tmp_path / "rekap.xlsx"
    from typer.testing import CliRunner

    from kla_cli.cli.app import app

    result = CliRunner().invoke(app, ["merge", str(EXAMPLE), "-o", str(recap)])
    assert result.exit_code == 0, result.output
    sub = read_workbook(recap)
    assert not sub.recap and sub.rows and all(not row.is_nilai for row in sub.rows)
    rubric = load_rubric(shipped_rubrics() / "demo-2023.yaml")
    assert assess(rubric, [sub]).result.total == assess(rubric, read_region([EXAMPLE])).result.total


def test_verifier_columns_on_a_kla_form(tmp_path: Path) -> None:
    """A verifier adds `Nilai Verifikasi` and `Catatan Verifikasi` to the right of a form."""
    from tests.conftest import EXAMPLE

    source = sorted(EXAMPLE.glob("*.xlsx"))[0]
    plain = read_workbook(source)
    target = tmp_path / source.name
    book = load_workbook(source)
    ws = book["Isian"]
    header = 6
    ws.cell(header, 12, "Nilai Verifikasi")
    ws.cell(header, 13, "Catatan Verifikasi")
    first = plain.rows[0]
    ws.cell(first.row, 12, 0)
    ws.cell(first.row, 13, "Dokumen tidak sah")
    book.save(target)
    row = read_workbook(target).rows[0]
    assert (row.verified, row.verified_col, row.verifier_note) == (0, "L", "Dokumen tidak sah")
    rubric = load_rubric(shipped_rubrics() / "demo-2023.yaml")
    response = assess(rubric, [read_workbook(target)]).validation.responses.get(first.code)
    if response is not None:  # answered in the example
        assert (response.verified, response.note) == (0.0, "Dokumen tidak sah")


# --- the example and LibreOffice -------------------------------------------------------------


def test_example_tells_self_assessed_nindya_verified_pratama(rubric: Rubric) -> None:
    assessment = assess(rubric, read_region([EXAMPLE_RECAP]))
    result = assessment.result
    assert result.total > 700 and result.predicate is not None
    assert result.predicate.id == "nindya"
    assert result.total_verified is not None and result.total_verified < 600
    assert result.predicate_verified is not None and result.predicate_verified.id == "pratama"
    findings = assessment.validation.findings
    assert assessment.validation.blocking == []
    assert len(_codes(findings, "recap-subtotal-mismatch")) >= 3
    assert _codes(findings, "recap-max-differs")
    assert sum(1 for r in assessment.validation.responses.values() if r.note) >= 10


@pytest.mark.libreoffice
@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_recap_saved_by_libreoffice(rubric: Rubric, tmp_path: Path, suffix: str) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = next(EXAMPLE_RECAP.glob("*.xlsx"))
    out = tmp_path / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            suffix,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = assess(rubric, read_region([out]))
    original = assess(rubric, [read_workbook(source)])
    assert saved.result.total == original.result.total
    assert saved.result.total_verified == original.result.total_verified
    assert [f.code for f in saved.validation.findings] == [
        f.code for f in original.validation.findings
    ]


def test_both_engines_read_the_example_alike() -> None:
    source = next(EXAMPLE_RECAP.glob("*.xlsx"))
    fast, reference = read_workbook(source), read_workbook(source, engine="openpyxl")
    assert fast == reference
    assert len(fast.rows) == 274 and fast.subtotals  # every question, and the subtotal rows


def test_a_recap_of_another_instrument_is_one_error(tmp_path: Path) -> None:
    """Most codes unknown: one finding naming the rubric, not one per row."""
    old = load_rubric(shipped_rubrics() / "demo-2023.yaml")
    findings = assess(old, read_region([EXAMPLE_RECAP])).validation.findings
    (error,) = [f for f in findings if f.severity is Severity.ERROR]
    assert error.code == "recap-wrong-rubric" and error.args["rubric"] == "demo-2023"
    assert error.args["count"] == 274 and "--rubric" in error.message("en")


def test_two_header_rows_em_and_va_under_nilai(rubric: Rubric, tmp_path: Path) -> None:
    """`Nilai` merged over two columns, `EM` | `VA` in the row below it."""
    path = write_recap(tmp_path / "rekap.xlsx", ("Kode", "Uraian", "Nilai Max", "Nilai", None,
                       "Sumber Data", "Data Dukung", "Catatan"))  # fmt: skip
    book = load_workbook(path)
    ws = book["Rekap"]
    ws.insert_rows(6)
    ws["D6"], ws["E6"] = "EM", "VA"
    ws.merge_cells("D5:E5")
    book.save(path)
    _reads_everything(rubric, path)


def _questions_first(separate: bool) -> tuple[list[str], list[list[object]]]:
    """The question rows only: question 1.1 right under the header."""
    if separate:  # bare codes `1` | `1`: no full code to see
        headers, rows = separate_rows()
        return headers, [row for row in rows if row[1] is not None]
    return list(HEADERS), [row for row in full_code_rows() if "." in str(row[0])]


@pytest.mark.parametrize("separate", [False, True], ids=["kode", "indikator-pertanyaan"])
@pytest.mark.parametrize(
    ("key", "word"),
    [("dukung", "Lampiran"), ("dukung", "Link"), ("catatan", "Catatan"), ("sumber", "OPD")],
)
def test_a_header_word_in_the_first_question_row_keeps_it(
    rubric: Rubric, tmp_path: Path, key: str, word: str, separate: bool
) -> None:
    """A first question whose Data Dukung says `Lampiran` (or Catatan `Catatan`, Sumber Data
    `OPD`) is a question, not a second header row: it was lost without a word."""
    headers, rows = _questions_first(separate)
    rows[0][[recap_column(h) for h in headers].index(key)] = word
    path = write_recap(tmp_path / "rekap.xlsx", headers, rows)
    sub = read_workbook(path)
    assert [row.code for row in sub.rows] == CODES
    first = sub.rows[0]
    assert {"dukung": first.evidence, "catatan": first.verifier_note, "sumber": first.opd}[
        key
    ] == word
    assessment = _assess(rubric, path)
    assert assessment.result.total == TOTAL
    assert "1.1" not in [
        f.args.get("code") for f in _codes(assessment.validation.findings, "unanswered")
    ]


def test_an_unanswered_first_question_of_header_words_is_kept(tmp_path: Path) -> None:
    """No points yet, only its code and header words: still a question, not a header row."""
    rows: list[list[object]] = [[CODES[0], None, None, None, None, "OPD", "Lampiran", "Catatan"]]
    path = write_recap(tmp_path / "rekap.xlsx", HEADERS, rows)
    (row,) = read_workbook(path).rows
    assert (row.code, row.answer, row.evidence, row.opd) == (CODES[0], None, "Lampiran", "OPD")


def test_a_nilai_formula_computed_to_empty_text_is_unanswered(
    tmp_path: Path, rubric: Rubric
) -> None:
    """A recap's Nilai computed to "" (`=IF(…;"";…)`, saved with its text result) is a question
    not answered, not `formula-not-computed`; one never computed still is."""
    from tests.core.test_validate import _computed_to_text

    path = write_recap(tmp_path / "rekap.xlsx")
    rows = {r.code: r.row for r in read_workbook(path).rows}
    book = load_workbook(path)
    ws = book.active
    assert ws is not None
    nilai = HEADERS.index("Nilai Evaluasi") + 1
    first, second = CODES[0], CODES[1]
    ws.cell(rows[first], nilai).value = '=IF(1=1,"","x")'
    ws.cell(rows[second], nilai).value = "=1+1"  # openpyxl saves no cached value
    book.save(path)
    _computed_to_text(path, ws.cell(rows[first], nilai).coordinate)
    found = {r.code: r for r in read_workbook(path).rows}
    assert found[first].answer is None and not found[first].uncached_formula
    assert found[second].answer is None and found[second].uncached_formula
    codes = {(f.item, f.code) for f in assess(rubric, [read_workbook(path)]).validation.findings}
    assert (first, "formula-not-computed") not in codes
    assert (second, "formula-not-computed") in codes
