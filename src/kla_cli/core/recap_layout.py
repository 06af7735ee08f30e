"""The layout of a region's own recap ("Rekap Penilaian Mandiri"), as regions keep it: the
column headers kla recognises (with their spelling variants), the keys `--columns` names the
columns by, and how row labels are read (group headings, `Indikator 21 A`, `Pertanyaan 2za`,
a full code `21A.2za`). Pure: the reader (`workbook.recap_read`) and the checks
(`core.recap_check`) share it, and docs/workbook-format.md describes it for people.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kla_cli.core.form_layout import normalise_label


@dataclass(frozen=True)
class RecapColumn:
    key: str
    """The column's key, also its name in `--columns` (`nilai=F`)."""
    accepted: tuple[str, ...]
    """Header texts read as this column (normalised: lower case, single spaces)."""
    aliases: tuple[str, ...] = ()
    """Other names `--columns` accepts for the key (English)."""


RECAP_COLUMNS: tuple[RecapColumn, ...] = (
    RecapColumn("kode", ("kode", "kode butir", "kode soal", "code"), ("code",)),
    RecapColumn(
        "indikator", ("indikator", "kode indikator", "no indikator", "indicator"), ("indicator",)
    ),
    RecapColumn(
        "pertanyaan",
        ("pertanyaan", "kode pertanyaan", "no pertanyaan", "butir", "question"),
        ("question",),
    ),
    RecapColumn(
        "uraian",
        (
            "uraian",
            "uraian pertanyaan",
            "uraian indikator/pertanyaan",
            "indikator/pertanyaan",
            "teks pertanyaan",
            "klaster/indikator/pertanyaan",
            "description",
        ),
        ("text",),
    ),
    RecapColumn(
        "max",
        (
            "nilai max",
            "nilai maks",
            "nilai maksimal",
            "nilai maksimum",
            "nilai maximal",
            "bobot",
            "bobot nilai",
            "skor max",
            "skor maks",
            "skor maksimal",
            "max",
            "maks",
        ),
    ),
    RecapColumn(
        "nilai",
        (
            "nilai evaluasi",
            "nilai evaluasi mandiri",
            "nilai em",
            "nilai mandiri",
            "nilai penilaian mandiri",
            "nilai pm",
            "nilai",
            "em",
            "skor",
            "skor em",
            "skor evaluasi",
            "points",
        ),
        ("points", "em"),
    ),
    RecapColumn(
        "va",
        (
            "nilai va",
            "nilai verifikasi",
            "nilai verifikasi administrasi",
            "nilai verifikator",
            "skor va",
            "skor verifikasi",
            "va",
            "verified",
        ),
        ("verified",),
    ),
    RecapColumn(
        "sumber",
        ("sumber data", "sumber", "opd", "perangkat daerah", "opd pengampu", "source"),
        ("opd", "source"),
    ),
    RecapColumn(
        "dukung",
        (
            "data dukung",
            "lampiran",
            "link",
            "tautan",
            "link data dukung",
            "bukti dukung",
            "dokumen pendukung",
            "evidence",
        ),
        ("evidence", "link", "lampiran"),
    ),
    RecapColumn(
        "catatan",
        ("catatan", "catatan verifikasi", "catatan verifikator", "catatan va", "verifier note"),
        ("note",),
    ),
    RecapColumn("keterangan", ("keterangan", "ket", "remarks"), ("remarks",)),
)
"""The recap's columns. `catatan` is the verifier's note; `keterangan` the region's own."""

CODE_KEYS = ("kode", "indikator", "pertanyaan", "uraian")
"""Columns that may hold a row's label (group heading, indicator or question code)."""

_BY_LABEL: dict[str, str] = {}
for _column in reversed(RECAP_COLUMNS):
    for _label in _column.accepted:
        _BY_LABEL[_label] = _column.key

COLUMN_NAMES: dict[str, str] = {
    name: column.key for column in RECAP_COLUMNS for name in (column.key, *column.aliases)
}
"""A `--columns` name (key or alias) -> the column key."""


@functools.lru_cache(maxsize=1024)
def recap_column(text: str) -> str | None:
    """The recap column a header cell names (case, spaces, a trailing `:`/`*`/`.` and a
    bracketed remark ignored: `Nilai EM (Evaluasi Mandiri)` is `nilai`), or None."""
    label = normalise_label(text).rstrip(".").strip()
    if label in _BY_LABEL:
        return _BY_LABEL[label]
    bare = re.sub(r"\s*\(.*?\)\s*", " ", label).strip()
    return _BY_LABEL.get(bare)


# --- row labels ------------------------------------------------------------------------------

_GROUP = re.compile(
    r"^(?:kelembagaan|klaster\s*(?:[ivx]+|\d)\b|kelana\s*(?:(?:&|dan|-)\s*)?dekela|kelana|dekela)",
    re.IGNORECASE,
)
_INDICATOR_LABEL = re.compile(r"^indikator\s*(?:no\.?\s*)?(\d{1,2})\s*([a-z])?(?![a-z0-9])", re.I)
_QUESTION_LABEL = re.compile(
    r"^pertanyaan\s*(?:no\.?\s*)?(\d{1,2})\s*([a-z]{0,2})(?![a-z0-9])", re.I
)
_INDICATOR_BARE = re.compile(r"^(\d{1,2})\s*([a-z])?$", re.I)
_QUESTION_BARE = re.compile(r"^(\d{1,2})\s*([a-z]{0,2})$", re.I)
_FULL_CODE = re.compile(r"^(\d{1,2})\s*([a-z])?\s*\.\s*(\d{1,2})\s*([a-z]{0,2})$", re.I)
_TOTAL = re.compile(r"^(?:total|jumlah|grand total|nilai total|total nilai)\b", re.I)


def _indicator(number: str, letter: str | None) -> str:
    return f"{int(number)}{(letter or '').upper()}"


def _question(number: str, letters: str | None) -> str:
    return f"{int(number)}{(letters or '').lower()}"


def group_heading(text: str) -> str | None:
    """`KLASTER I: Hak Sipil…` -> `KLASTER I` (the heading as written), or None."""
    found = _GROUP.match(text.strip())
    return " ".join(found.group(0).split()) if found else None


def indicator_label(text: str) -> str | None:
    """`Indikator 21 A`, `Indikator 21A Pencegahan…` -> `21A`; None otherwise."""
    found = _INDICATOR_LABEL.match(text.strip())
    return _indicator(found[1], found[2]) if found else None


def question_label(text: str) -> str | None:
    """`Pertanyaan 2za`, `Pertanyaan 2 a` -> `2za`, `2a`; None otherwise."""
    found = _QUESTION_LABEL.match(text.strip())
    return _question(found[1], found[2]) if found else None


def indicator_code(text: str) -> str | None:
    """An `Indikator` column's cell: `21A`, `21 A`, `7` or `Indikator 21 A` -> the id."""
    found = _INDICATOR_BARE.match(text.strip())
    return _indicator(found[1], found[2]) if found else indicator_label(text)


def question_code(text: str) -> str | None:
    """A `Pertanyaan` code column's cell: `2za`, `1` or `Pertanyaan 2za` -> the question."""
    found = _QUESTION_BARE.match(text.strip())
    return _question(found[1], found[2]) if found else question_label(text)


def full_code(text: str) -> str | None:
    """`21A.2za`, `21 A.2za`, `1.2a` -> the rubric's item code; None otherwise."""
    found = _FULL_CODE.match(text.strip())
    if not found:
        return None
    return f"{_indicator(found[1], found[2])}.{_question(found[3], found[4])}"


def is_total(text: str) -> bool:
    """A grand-total row (`TOTAL`, `Jumlah`, `Nilai Total`)."""
    return bool(_TOTAL.match(text.strip()))
