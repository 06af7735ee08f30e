"""What one OPD workbook says, as plain data: metadata and one row per answered item.

Produced by the workbook reader (`workbook.read`), consumed by `validate`. No I/O here.
"""

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from kla_cli.core.answer_types import CellValue
from kla_cli.core.findings import Finding
from kla_cli.core.places import Inventory

KLA_CREATOR = re.compile(r"kla-cli \d")
"""How kla names itself as the author of what it writes: `kla-cli <version>`."""


class Row(NamedTuple):
    """One item row of a workbook. Rows, responses and item scores are named tuples, not frozen
    dataclasses: as immutable, and built about three times faster, which a national batch of
    hundreds of thousands of rows feels."""

    code: str
    row: int
    answer: CellValue
    evidence: str | None = None
    note: str | None = None
    opd: str | None = None
    """Per-row OPD (recap workbooks); otherwise the workbook's OPD applies."""
    percent_cell: bool = False
    """The answer cell has a percent number format (Excel stored 95,5% as 0.955)."""
    uncached_formula: bool = False
    """The answer cell holds a formula whose value was never computed and saved."""
    merged: str | None = None
    """The merged range hiding the answer cell (not its top-left cell), e.g. `E7:E8`."""
    answer_col: str = "E"
    evidence_col: str = "F"
    code_col: str = "A"
    is_nilai: bool = False
    """The answer cell holds the points themselves (a region's recap: its Nilai/EM column)."""
    verified: CellValue = None
    """The verifier's points (Nilai VA / Nilai Verifikasi) as the cell holds them."""
    verified_col: str = ""
    verifier_note: str | None = None
    """The verifier's note (Catatan Verifikasi; a region's recap: its Catatan column)."""
    max_given: CellValue = None
    """The row's Nilai Max as the recap writes it (checked against the rubric)."""
    max_col: str = ""

    @property
    def answer_cell(self) -> str:
        return f"{self.answer_col}{self.row}"

    @property
    def evidence_cell(self) -> str:
        return f"{self.evidence_col}{self.row}"

    @property
    def code_cell(self) -> str:
        return f"{self.code_col}{self.row}"

    @property
    def verified_cell(self) -> str:
        return f"{self.verified_col}{self.row}"

    @property
    def max_cell(self) -> str:
        return f"{self.max_col}{self.row}"


class Given(NamedTuple):
    """A number a recap's subtotal row gives in one column: its header, value and column."""

    header: str
    value: CellValue
    col: str


class Subtotal(NamedTuple):
    """A group, indicator or grand-total row of a region's recap: its numbers are checked
    against the question rows below it (`span`), never added again."""

    level: str
    """`group`, `indicator` or `total`."""
    label: str
    """As written: `KLASTER I`, or the indicator's id (`21A`), or `TOTAL`."""
    row: int
    span: tuple[int, int]
    """The first and last sheet row of its section (its question rows lie in between)."""
    points: Given | None = None
    verified: Given | None = None
    max: Given | None = None


@dataclass(frozen=True)
class Submission:
    file: str
    sheet: str = ""
    opd: str | None = None
    region: str | None = None
    year: str | None = None
    rows: tuple[Row, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)
    """The hidden metadata sheet of a kla template (rubric id, version, hash, …), if present."""
    meta_cells: dict[str, str] = field(default_factory=dict)
    """Where the OPD, region and year were read: key -> A1 address."""
    findings: tuple[Finding, ...] = ()
    """Problems found while reading (unreadable file, missing sheet or header)."""
    recap: bool = False
    """A region's own recap (Rekap Penilaian Mandiri): every OPD's questions in one sheet,
    answered with points (`Row.points`)."""
    subtotals: tuple[Subtotal, ...] = ()
    """A recap's group, indicator and total rows."""
    inventory: Inventory | None = None
    """Set when the file is the inventory of kecamatan and desa/kelurahan (no OPD rows)."""
    # the file's own facts, not its content: two copies of one form compare equal
    saved: str | None = field(default=None, compare=False)
    """When the form itself says it was last saved (ISO 8601, UTC: the document properties'
    `modified`), if it says so; tells a re-sent form from the one it replaces."""
    file_time: float | None = field(default=None, compare=False)
    """The file's modification time (seconds since the epoch): the fallback for `saved`."""
    creator: str | None = field(default=None, compare=False)
    """The program the document properties name as its author (`kla-cli 0.1.0` for kla's own
    outputs)."""

    @property
    def made_by_kla(self) -> bool:
        """Written by kla itself (a form, an inventory, a recap or a report)."""
        return any(
            KLA_CREATOR.match(text or "") for text in (self.creator, self.meta.get("generator"))
        )

    @property
    def kla_output(self) -> str | None:
        """`recap` for a recap written by `kla merge`, `report` for another document kla wrote
        (a report, a batch or history workbook: no form metadata); None for what people fill
        in (forms and inventories, which kla writes too, and a region's own recap)."""
        if self.meta.get("opd_id") or self.inventory is not None or not self.made_by_kla:
            return None  # an OPD form or an inventory (kla writes them for people to fill in)
        if self.findings and not self.rows:
            return None  # unreadable as written (a form whose sheet was renamed): say why instead
        if self.meta.get("rubric_id") and self.rows and not self.recap:
            return "recap"  # kla's form layout for every OPD at once
        return "report"
