"""Write the inventory workbook: one row per kecamatan or desa/kelurahan, one yes/no column per
question the rubric asks of them (`kla template`, the example, tests).

A sheet per kind of place (`Kecamatan`, `Desa-Kelurahan`), each with the region and year above,
a "Data dukung" row for each question's link, the header row (`25.2 Forum Anak Kecamatan`), and
formatted rows with Ya/Tidak dropdowns (a warning, not a refusal: 1/0 and counts are read too);
an instruction sheet; and kla's metadata (rubric id, version and hash, `form: inventory`) in a
hidden `_meta` sheet and as document properties, like the OPD forms. Prints on A4 landscape,
one page wide, with the header and names repeated on every page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kla_cli import __version__
from kla_cli.core.form_layout import META_LABELS, META_PROPERTY, META_SHEET
from kla_cli.core.inventory import inventory_items, short_label
from kla_cli.core.places import (
    EVIDENCE_ROW,
    FIRST_PLACE_ROW,
    HEADER_ROW,
    INVENTORY_FILE,
    INVENTORY_FORM,
    INVENTORY_META_KEYS,
    NAME_HEADERS,
    PLACE_SHEETS,
)
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Respondent
from kla_cli.core.validate import rubric_fingerprint
from kla_cli.i18n.display import document_text
from kla_cli.i18n.messages import Lang, t
from kla_cli.workbook.form_writer import instructions_sheet
from kla_cli.workbook.grid import col_letter
from kla_cli.workbook.print_setup import describe, print_a4
from kla_cli.workbook.safe_cells import put

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

INSTRUCTION_SHEET = "Petunjuk"
INPUT_FILL = "FFF9C4"
HEADER_FILL = "1F4E79"
BLANK_ROWS = {Respondent.KECAMATAN: 60, Respondent.DESA: 400}
"""Formatted rows per sheet for a blank template (more can be typed below them)."""
FIRST_ANSWER_COL = 3

PlaceRow = tuple[str, Mapping[str, bool | None]]
"""A place to write: its name and its answer per item code (None: left blank)."""


def inventory_path(folder: Path) -> Path:
    """Where `kla template` writes the inventory."""
    return folder / INVENTORY_FILE


def build_inventory(
    rubric: Rubric,
    *,
    region: str = "",
    year: str = "",
    lang: Lang = "id",
    places: Mapping[Respondent, Sequence[PlaceRow]] | None = None,
    evidence: Mapping[str, str] | None = None,
) -> Workbook | None:
    """The inventory workbook for `rubric`, blank or filled; None when the rubric asks nothing
    of kecamatan or desa/kelurahan."""
    from openpyxl import Workbook

    kinds = [kind for kind in Respondent if inventory_items(rubric, kind)]
    if not kinds:
        return None
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for kind in kinds:
        ws = book.create_sheet(PLACE_SHEETS[kind])
        rows = (places or {}).get(kind)
        _place_sheet(ws, rubric, kind, region, year, lang, rows, evidence or {})
    _instructions(book.create_sheet(INSTRUCTION_SHEET), rubric, lang)
    _meta(book, rubric, region, year)
    title = t("inv.title", lang, rubric=rubric.title.get(lang))
    describe(book, title=title, subject=" · ".join(p for p in (region, year) if p))
    return book


def _place_sheet(
    ws: Worksheet,
    rubric: Rubric,
    kind: Respondent,
    region: str,
    year: str,
    lang: Lang,
    rows: Sequence[PlaceRow] | None,
    evidence: Mapping[str, str],
) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    input_fill = PatternFill("solid", fgColor=INPUT_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    items = [item for _, item in inventory_items(rubric, kind)]
    title_key = "inv.title_kecamatan" if kind is Respondent.KECAMATAN else "inv.title_desa"

    put(ws, 1, 1, t(title_key, lang, rubric=rubric.title.get(lang))).font = Font(bold=True, size=14)
    values = {"region": region, "year": year}
    for row, meta in enumerate(m for m in META_LABELS if m.key in values):
        put(ws, 2 + row, 2, meta.label).font = Font(bold=True)  # column A is narrow
        cell = put(ws, 2 + row, 3, values[meta.key] or None)
        cell.fill, cell.border = input_fill, border
    ws.cell(4, 1, t("inv.fill_hint", lang)).font = Font(italic=True, color="7F7F7F")

    label = ws.cell(EVIDENCE_ROW, 2, t("inv.evidence", lang))
    label.font, label.alignment = Font(bold=True), Alignment(horizontal="right")
    headers = ["No", NAME_HEADERS[kind], *(f"{i.code} {short_label(i, lang)}" for i in items)]
    for col, text in enumerate(headers, start=1):
        cell = put(ws, HEADER_ROW, col, text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = border
        width = 5 if col == 1 else 30 if col == 2 else 16
        ws.column_dimensions[col_letter(col)].width = width
    for k, item in enumerate(items):
        cell = put(ws, EVIDENCE_ROW, FIRST_ANSWER_COL + k, evidence.get(item.code))
        cell.fill, cell.border, cell.alignment = input_fill, border, wrap

    count = len(rows) if rows is not None else BLANK_ROWS[kind]
    last_col = col_letter(FIRST_ANSWER_COL + len(items) - 1)
    last_row = FIRST_PLACE_ROW + max(count, 1) - 1
    yes, no = t("yes", lang), t("no", lang)
    for r in range(count):
        row = FIRST_PLACE_ROW + r
        name, answers = rows[r] if rows is not None else ("", {})
        ws.cell(row, 1, r + 1 if rows is not None else None).border = border
        cell = put(ws, row, 2, name or None)
        cell.fill, cell.border = input_fill, border
        for k, item in enumerate(items):
            mark = answers.get(item.code)
            value = None if mark is None else (yes if mark else no)
            cell = ws.cell(row, FIRST_ANSWER_COL + k, value)
            cell.fill, cell.border = input_fill, border
            cell.alignment = Alignment(horizontal="center")

    dv = DataValidation(type="list", formula1=f'"{yes},{no}"', allow_blank=True)
    dv.error, dv.errorTitle = t("inv.dv_yesno", lang), "KLA"
    dv.errorStyle, dv.showErrorMessage = "warning", True  # 1/0 and counts are read too
    dv.add(f"{col_letter(FIRST_ANSWER_COL)}{FIRST_PLACE_ROW}:{last_col}{last_row}")
    ws.add_data_validation(dv)

    ws.freeze_panes = ws.cell(FIRST_PLACE_ROW, FIRST_ANSWER_COL).coordinate
    print_a4(
        ws, lang=lang, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", title_cols="A:B"
    )
    ws.print_area = f"A1:{last_col}{last_row}"


def _instructions(ws: Worksheet, rubric: Rubric, lang: Lang) -> None:
    lines = [t(key, lang) for key in ("inv.instr.1", "inv.instr.2", "inv.instr.3", "inv.instr.4")]
    instructions_sheet(ws, rubric, lines, lang)


def _meta(book: Workbook, rubric: Rubric, region: str, year: str) -> None:
    """The hidden `_meta` sheet and the same pairs as `kla.<key>` document properties."""
    from openpyxl.packaging.custom import StringProperty

    values = {
        "rubric_id": rubric.id,
        "rubric_version": rubric.version,
        "rubric_hash": rubric_fingerprint(rubric),
        "form": INVENTORY_FORM,
        "region": region,
        "year": year,
        "generator": f"kla-cli {__version__}",
    }
    ws = book.create_sheet(META_SHEET)
    for row, key in enumerate(INVENTORY_META_KEYS, start=1):
        value = values[key]
        put(ws, row, 1, key)
        put(ws, row, 2, value)
        if value:
            prop = StringProperty(name=META_PROPERTY + key, value=document_text(value))
            book.custom_doc_props.append(prop)  # type: ignore[attr-defined]
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
