"""The places a region's flagged questions are asked of (every kecamatan, every desa/kelurahan),
as plain data: the inventory workbook's sheets and rows as read, its layout shared by the writer
and the reader, and an item's coverage (how many places, which ones lack it).

Produced by `workbook.inventory_read`, interpreted by `core.inventory`. No I/O here.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from kla_cli.core.answer_types import CellValue
from kla_cli.core.rubric_leaves import Respondent

INVENTORY_FILE = "inventaris-kecamatan-desa.xlsx"
"""The name `kla template` gives the inventory workbook."""
INVENTORY_FORM = "inventory"
"""The value of the `form` metadata key (`_meta` sheet, `kla.form` property) of an inventory."""
INVENTORY_META_KEYS = (
    "rubric_id",
    "rubric_version",
    "rubric_hash",
    "form",
    "region",
    "year",
    "generator",
)
"""The `_meta` rows of an inventory, in the order written (the first three as on OPD forms)."""
PLACE_SHEETS = {Respondent.KECAMATAN: "Kecamatan", Respondent.DESA: "Desa-Kelurahan"}
"""Sheet names as written (a sheet name cannot hold `/`)."""
NAME_HEADERS = {Respondent.KECAMATAN: "Kecamatan", Respondent.DESA: "Desa/Kelurahan"}
"""The header of the place-name column, as written."""
NAME_LABELS: dict[str, Respondent] = {
    "kecamatan": Respondent.KECAMATAN,
    "nama kecamatan": Respondent.KECAMATAN,
    "distrik": Respondent.KECAMATAN,
    "desa/kelurahan": Respondent.DESA,
    "desa / kelurahan": Respondent.DESA,
    "kelurahan/desa": Respondent.DESA,
    "nama desa/kelurahan": Respondent.DESA,
    "desa": Respondent.DESA,
    "kelurahan": Respondent.DESA,
    "nama desa": Respondent.DESA,
    "nama kelurahan": Respondent.DESA,
    "gampong": Respondent.DESA,
    "nagari": Respondent.DESA,
}
"""Header texts (normalised) that name the place column, and the kind of place they list."""
EVIDENCE_LABELS = ("data dukung", "data dukung (tautan/berkas)", "evidence", "bukti dukung")
HEADER_ROW = 6
FIRST_PLACE_ROW = HEADER_ROW + 1
EVIDENCE_ROW = HEADER_ROW - 1
SUMMARY_NAMES = frozenset({"jumlah", "total", "persentase", "jumlah ya", "%"})
"""A row named so sums the places above it; it is not a place."""


class Place(NamedTuple):
    """One kecamatan or desa/kelurahan: its name, row, and the raw cell of each question."""

    name: str
    row: int
    cells: Mapping[str, CellValue]
    """Item code -> the cell's value as read (None when blank)."""
    named: bool = True
    """False when the row has answers but no name (the name is then its cell, e.g. `B12`)."""


class PlaceSheet(NamedTuple):
    """One sheet of the inventory: the places of one kind and a column per question."""

    kind: Respondent
    sheet: str
    header_row: int
    name_col: str
    columns: Mapping[str, str]
    """Item code -> column letter, in sheet order."""
    places: tuple[Place, ...] = ()
    evidence: Mapping[str, str] = MappingProxyType({})
    """Item code -> the data dukung written above its column (a link or a file name)."""
    evidence_row: int | None = None

    @property
    def last_row(self) -> int:
        return max((p.row for p in self.places), default=self.header_row)


class Inventory(NamedTuple):
    """What an inventory workbook holds: a sheet of kecamatan and/or of desa/kelurahan."""

    sheets: tuple[PlaceSheet, ...] = ()


class Coverage(NamedTuple):
    """Which places an item's inventory answer covers: carried on the response for the gap plan."""

    kind: Respondent
    total: int
    lacking: tuple[str, ...]
    """The places not (yet) in the wanted state, in sheet order."""
    yes_is_bad: bool = False
    """Ya is the unwanted answer (cases of malnutrition, child labour): `lacking` still have it."""
