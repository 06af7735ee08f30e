"""The kecamatan and desa/kelurahan questions computed from the inventory (pure).

A question the rubric flags with `respondent: kecamatan` or `respondent: desa` asks what share of
them has something (Forum Anak, a KTR, a PATBM). The secretariat keeps one row per place and one
yes/no column per question; here each cell is read as yes/no (`place_mark`), each column becomes a
`Share` (how many places, how many say yes, which lack it), and each share becomes the question's
answer (`inventory_responses`): the percentage for a percent question (the rubric's bands, e.g.
`fifths`, give the points; with direction `lower` a yes is a case, so fewer is better), the number
of places for a count, Ya for a yes/no question only when every place says yes, and the bad option
of a `yes-is-bad` question when any place says yes.

A cell that cannot be read is an error finding naming its cell, and its question is not scored;
a blank cell among answered ones counts against the region (never as a silent yes) and is a
warning naming the first blank cell.
"""

import re
from collections.abc import Mapping
from typing import NamedTuple

from kla_cli.core.answer_types import Answer, CellValue
from kla_cli.core.answers import AnswerProblem, display, is_blank, parse_number, yes_no_word
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.places import Coverage, Inventory, PlaceSheet
from kla_cli.core.rubric import Indicator, Item, Rubric
from kla_cli.core.rubric_leaves import AnswerType, Direction, Respondent
from kla_cli.core.scales import SCALES
from kla_cli.core.scoring import Response
from kla_cli.i18n.messages import Lang

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def inventory_items(rubric: Rubric, kind: Respondent | None = None) -> list[tuple[Indicator, Item]]:
    """The flagged items the inventory answers (of `kind`, or both kinds), in rubric order."""
    return [
        (ind, item)
        for ind, item in rubric.iter_items()
        if item.respondent is not None
        and (kind is None or item.respondent is kind)
        and _supported(item)
    ]


def _supported(item: Item) -> bool:
    if item.type in (AnswerType.PERCENT, AnswerType.COUNT, AnswerType.YESNO):
        return True
    return item.type is AnswerType.CHOICE and item.scale == "yes-is-bad"


def yes_is_bad(item: Item) -> bool:
    """Whether a place's Ya is the unwanted answer (a case, child labour)."""
    return item.direction is Direction.LOWER or item.scale == "yes-is-bad"


_LEAD_INS = (
    r"^berapa (persentase|jumlah) (kecamatan|desa/kelurahan|desa|kelurahan) yang (memiliki |punya )?",
    r"^apakah (di )?(kecamatan|desa/kelurahan|desa|kelurahan) ",
    r"^what (share|number) of (kecamatan|desa/kelurahan) (have |has )?(an? )?",
    r"^(do|does|is|are) (there )?(any )?(children )?(in )?(the )?(kecamatan|desa/kelurahan) ",
)


def short_label(item: Item, lang: Lang) -> str:
    """The question as a column header: its lead-in ("Berapa persentase kecamatan yang
    memiliki …") and question mark dropped: `Forum Anak Kecamatan`."""
    text = item.question.get(lang).strip().rstrip("?").strip()
    for pattern in _LEAD_INS:
        cut = re.sub(pattern, "", text, count=1, flags=re.IGNORECASE)
        if cut != text and cut:
            text = cut
            break
    return text[:1].upper() + text[1:]


def place_mark(raw: CellValue) -> bool | None:
    """A place's cell as yes/no: Ya/Tidak (and their usual variants), 1/0, a number above 0 is
    yes; None when blank. Raises AnswerProblem for anything else (a date, a negative number,
    a word that is neither)."""
    if is_blank(raw):
        return None
    if isinstance(raw, bool):
        return raw
    word = yes_no_word(raw) if isinstance(raw, str) else None
    if word is not None:
        return word
    try:
        value = parse_number(raw)
    except AnswerProblem:
        raise AnswerProblem("inventory-not-yes-no", display(raw)) from None
    if value < 0:
        raise AnswerProblem("inventory-not-yes-no", display(raw))
    return value > 0


class Share(NamedTuple):
    """One question's column: how many places, how many say Ya, which lack the wanted state."""

    code: str
    kind: Respondent
    total: int
    yes: int
    lacking: tuple[str, ...]
    yes_is_bad: bool
    file: str
    sheet: str
    cells: str
    """The column's range, e.g. `C7:C18`."""
    evidence: str | None = None
    evidence_cell: str | None = None
    """Where its data dukung is written (the "Data dukung" row above the column)."""

    @property
    def percent(self) -> float:
        """The share of places saying Ya, in percent (exact: never rounded over a band edge)."""
        return 100 * self.yes / self.total if self.total else 0.0

    @property
    def source(self) -> str:
        return f"{self.file}:{self.sheet}!{self.cells}"

    @property
    def coverage(self) -> Coverage:
        return Coverage(self.kind, self.total, self.lacking, self.yes_is_bad)


class InventoryReading(NamedTuple):
    """Every share of one inventory workbook and what was found reading its cells."""

    shares: dict[str, Share]
    findings: list[Finding]
    invalid: set[str]
    """Codes with unreadable cells: not scored."""
    empty: dict[str, tuple[str, str]]
    """Codes whose column is blank throughout -> (sheet, header cell)."""


def shares(rubric: Rubric, inventory: Inventory, file: str) -> InventoryReading:
    """Each flagged question's share from the inventory's sheets, and the findings on its cells."""
    wanted = {item.code: item for _, item in inventory_items(rubric)}
    out = InventoryReading({}, [], set(), {})
    for sheet in inventory.sheets:
        if not sheet.places:
            out.findings.append(
                Finding(
                    WARNING,
                    "inventory-no-places",
                    file,
                    sheet.sheet,
                    f"{sheet.name_col}{sheet.header_row + 1}",
                )
            )
        _check_names(sheet, file, out)
        for code, col in sheet.columns.items():
            item = wanted.get(code)
            header = f"{col}{sheet.header_row}"
            if item is None or item.respondent is not sheet.kind:
                out.findings.append(
                    Finding(
                        WARNING,
                        "inventory-unknown-column",
                        file,
                        sheet.sheet,
                        header,
                        {"code": code},
                    )
                )
                continue
            if code in out.shares or code in out.invalid or code in out.empty:
                out.findings.append(
                    Finding(
                        WARNING, "inventory-twice", file, sheet.sheet, header, {"code": code}, code
                    )
                )
                continue
            _read_column(item, sheet, col, file, out)
    return out


def _check_names(sheet: PlaceSheet, file: str, out: InventoryReading) -> None:
    seen: dict[str, int] = {}
    for place in sheet.places:
        cell = f"{sheet.name_col}{place.row}"
        if not place.named:
            out.findings.append(Finding(WARNING, "inventory-no-name", file, sheet.sheet, cell))
            continue
        key = " ".join(place.name.split()).casefold()
        if key in seen:
            args: dict[str, object] = {"name": place.name, "first": f"{sheet.name_col}{seen[key]}"}
            out.findings.append(
                Finding(WARNING, "inventory-duplicate-place", file, sheet.sheet, cell, args)
            )
        else:
            seen[key] = place.row


def _read_column(item: Item, sheet: PlaceSheet, col: str, file: str, out: InventoryReading) -> None:
    code, bad = item.code, yes_is_bad(item)
    yes, lacking, blanks, broken = 0, [], [], False
    for place in sheet.places:
        cell = f"{col}{place.row}"
        try:
            mark = place_mark(place.cells.get(code))
        except AnswerProblem as problem:
            args = {"code": code, "place": place.name, **problem.args_dict}
            out.findings.append(Finding(ERROR, problem.code, file, sheet.sheet, cell, args, code))
            broken = True
            continue
        if mark is None:
            blanks.append(cell)
            mark = bad  # a blank counts against the region: never a silent yes
        yes += mark
        if mark is bad:
            lacking.append(place.name)
    if broken:
        out.invalid.add(code)
        return
    if sheet.places and len(blanks) == len(sheet.places):
        out.empty[code] = (sheet.sheet, f"{col}{sheet.header_row}")
        return
    if blanks:
        args = {"code": code, "count": len(blanks), "total": len(sheet.places)}
        out.findings.append(
            Finding(WARNING, "inventory-blank", file, sheet.sheet, blanks[0], args, code)
        )
    if not sheet.places:
        return
    first, last = sheet.places[0].row, sheet.places[-1].row
    out.shares[code] = Share(
        code=code,
        kind=sheet.kind,
        total=len(sheet.places),
        yes=yes,
        lacking=tuple(lacking),
        yes_is_bad=bad,
        file=file,
        sheet=sheet.sheet,
        cells=f"{col}{first}:{col}{last}",
        evidence=sheet.evidence.get(code),
        evidence_cell=f"{col}{sheet.evidence_row or sheet.header_row}",
    )


def share_answer(item: Item, share: Share) -> Answer:
    """The region's answer to `item` from its share of places."""
    if item.type is AnswerType.PERCENT:
        return share.percent
    if item.type is AnswerType.COUNT:
        return float(share.yes)
    if item.type is AnswerType.YESNO:
        return not share.lacking
    steps = sorted(SCALES["yes-is-bad"].steps, key=lambda step: step[3])  # by fraction
    bad, good = steps[0][0], steps[-1][0]  # "Ya" (b) and "Tidak" (a), whatever the max
    return bad if share.yes else good


def inventory_responses(rubric: Rubric, found: Mapping[str, Share]) -> dict[str, Response]:
    """The responses the shares give, in rubric order, each carrying its coverage."""
    return {
        item.code: Response(
            answer=share_answer(item, share),
            evidence=share.evidence,
            source=share.source,
            opd=rubric.item_opds(ind, item)[0],
            coverage=share.coverage,
        )
        for ind, item in inventory_items(rubric)
        if (share := found.get(item.code)) is not None
    }
