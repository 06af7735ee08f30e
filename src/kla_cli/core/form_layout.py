"""The OPD workbook layout, shared by the reader and the writers (template, examples, recap).

Documented for people in docs/workbook-format.md. The reader finds the header row and the
metadata labels by their text, in Indonesian or English, so a user who inserts a row or moves a
column does not break the file.
"""

import functools
from typing import NamedTuple

ANSWER_SHEET = "Isian"
META_SHEET = "_meta"
"""Hidden sheet of key/value rows written by `kla template` (rubric id, version, hash, …)."""
META_KEYS = (
    "rubric_id",
    "rubric_version",
    "rubric_hash",
    "opd_id",
    "opd",
    "region",
    "year",
    "generator",
)
"""The `_meta` rows in the order written (key in column A, value in column B)."""
META_PROPERTY = "kla."
"""The same keys and values are also written as custom document properties named `kla.<key>`,
which survive Excel and LibreOffice and are read without parsing a second sheet. The reader
takes them when present, else the `_meta` sheet (older forms, other spreadsheet programs)."""

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
"""The files read as OPD workbooks (a folder's other files are ignored)."""

HEADER_ROW = 6
FIRST_ITEM_ROW = HEADER_ROW + 1
MAX_HEADER_SCAN = 30


class Column(NamedTuple):
    key: str
    header: str
    """The header as written by kla (Indonesian)."""
    accepted: tuple[str, ...]
    """Header texts the reader accepts (lower case)."""
    width: int


# The widths (Excel units) keep a form or a recap printable on A4 landscape at about 70 % in
# Excel (8 pt text): about 200 units in all. Kode is as wide as the labels above it
# (Kabupaten/Kota), which share its column.
COLUMNS: tuple[Column, ...] = (
    Column("code", "Kode", ("kode", "code", "kode butir", "no"), 16),
    Column("indicator", "Indikator", ("indikator", "indicator"), 18),
    Column("question", "Pertanyaan", ("pertanyaan", "question", "butir"), 38),
    Column("options", "Pilihan jawaban / satuan", ("pilihan jawaban / satuan", "options"), 24),
    Column("answer", "Jawaban", ("jawaban", "answer", "isian", "nilai isian"), 16),
    Column("evidence", "Data dukung", ("data dukung", "evidence", "bukti dukung"), 22),
    Column("note", "Keterangan", ("keterangan", "notes", "note", "catatan"), 16),
)
ROLE_COLUMN = Column("role", "Peran OPD", ("peran opd", "peran", "role"), 12)
"""In an OPD's form: whether the OPD leads the question (`utama`) or co-sources it."""
ASKED_COLUMN = Column(
    "evidence_asked",
    "Data dukung yang diminta",
    ("data dukung yang diminta", "evidence asked"),
    26,
)
"""In an OPD's form: the data dukung the question asks for (`Item.evidence_asked`)."""
FORM_COLUMNS: tuple[Column, ...] = (
    *COLUMNS[:3],
    ROLE_COLUMN,
    COLUMNS[3]._replace(width=34),  # the options with their points
    COLUMNS[4]._replace(width=18),  # room for a picked option's text
    ASKED_COLUMN,
    COLUMNS[5]._replace(width=26),
    COLUMNS[6]._replace(width=18),
)
"""The columns of an OPD's form (`kla template`): the recap's, with the OPD's role after the
question and the data dukung asked before the data dukung given. The reader finds every column
by its header, so forms and recaps read the same way."""
OPD_COLUMN = Column("opd", "OPD", ("opd", "perangkat daerah"), 12)
"""Present in the recap made by `kla merge`: which OPD gave each answer."""

VERIFY_COLUMNS: tuple[Column, ...] = (
    Column(
        "verified",
        "Nilai Verifikasi",
        ("nilai va", "nilai verifikasi", "nilai verifikator", "skor verifikasi"),
        12,
    ),
    Column(
        "verifier_note",
        "Catatan Verifikasi",
        ("catatan verifikasi", "catatan verifikator", "catatan va"),
        30,
    ),
)
"""Columns a verifier adds to the right of a form: the points given (VA) and a note. kla does
not write them; it reads them when present."""

REQUIRED_COLUMNS = ("code", "answer", "evidence")


class MetaLabel(NamedTuple):
    key: str
    label: str
    accepted: tuple[str, ...]


META_LABELS: tuple[MetaLabel, ...] = (
    MetaLabel("opd", "OPD", ("opd", "perangkat daerah", "nama opd", "agency")),
    MetaLabel(
        "region",
        "Kabupaten/Kota",
        ("kabupaten/kota", "kota/kabupaten", "wilayah", "region", "kabupaten", "kota"),
    ),
    MetaLabel("year", "Tahun", ("tahun", "year", "tahun evaluasi")),
)
META_ROWS = {m.key: 2 + i for i, m in enumerate(META_LABELS)}
"""Row of each metadata label in column A (value in column B)."""


def normalise_label(value: object) -> str:
    return " ".join(str(value).split()).strip(" :*").casefold()


@functools.lru_cache(maxsize=4096)
def label_of(text: str) -> str:
    """`normalise_label` of a cell text, cached: every workbook repeats the same labels."""
    return normalise_label(text)


def meta_cell(key: str) -> str:
    """The A1 address of a `_meta` value as written by kla."""
    return f"B{META_KEYS.index(key) + 1}"
