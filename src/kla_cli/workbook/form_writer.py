"""Write OPD workbooks (the format OPDs fill in) with openpyxl: `kla template` and the examples.

The layout is `workbook_format`'s. Made for people working in Excel or LibreOffice: an instruction
sheet, yellow unlocked input cells on a protected sheet, dropdowns for choice and yes/no items,
numeric limits on percent and count cells, and the options shown beside every answer cell. A
hidden `_meta` sheet records the rubric (id, version, hash), OPD, region and year, so a returned
file can be matched to what was sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kla_cli import __version__
from kla_cli.core.answers import Answer, answer_text
from kla_cli.core.form_layout import (
    ANSWER_SHEET,
    COLUMNS,
    FIRST_ITEM_ROW,
    HEADER_ROW,
    META_KEYS,
    META_LABELS,
    META_PROPERTY,
    META_ROWS,
    META_SHEET,
)
from kla_cli.core.provisional import provisional_note
from kla_cli.core.rubric import AnswerType, Direction, Indicator, Item, Opd, Rubric
from kla_cli.core.validate import rubric_fingerprint
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_num
from kla_cli.workbook.safe_cells import safe_cell

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

INSTRUCTION_SHEET = "Petunjuk"
INPUT_FILL = "FFF9C4"
HEADER_FILL = "1F4E79"
COL = {c.key: i + 1 for i, c in enumerate(COLUMNS)}


@dataclass(frozen=True)
class Filled:
    """An answer to write into a workbook (examples, tests, `kla merge`)."""

    answer: Answer | None = None
    evidence: str | None = None
    note: str | None = None


def items_for(rubric: Rubric, opd: Opd | None) -> list[tuple[Indicator, Item]]:
    """The items an OPD answers: those it leads (first responsible OPD); all items for None."""
    return [
        (ind, item)
        for ind, item in rubric.iter_items()
        if opd is None or rubric.item_opds(ind, item)[0] == opd.id
    ]


def options_text(item: Item, lang: Lang) -> str:
    """What can be answered, shown beside the answer cell."""
    if item.type in (AnswerType.CHOICE, AnswerType.CHECKLIST):
        lines = [
            f"{o.key}. {o.label.get(lang)} ({fmt_num(o.points, lang, 1)})" for o in item.options
        ]
        head = t("tpl.choice" if item.type is AnswerType.CHOICE else "tpl.checklist", lang)
        return "\n".join([head, *lines])
    if item.type is AnswerType.YESNO:
        return t("tpl.yesno", lang, points=fmt_num(item.max, lang, 1))
    unit = item.unit.get(lang) if item.unit else ("%" if item.type is AnswerType.PERCENT else "")
    better = t("tpl.lower" if item.direction is Direction.LOWER else "tpl.higher", lang)
    sign = "≤" if item.direction is Direction.LOWER else "≥"
    bands = "; ".join(
        f"{sign} {fmt_num(b.threshold, lang, 1)}: {fmt_num(b.points, lang, 1)}" for b in item.bands
    )
    kind = t("tpl.percent" if item.type is AnswerType.PERCENT else "tpl.count", lang)
    return f"{kind} ({unit}); {better}\n{bands}".replace(" ()", "")


def cell_answer(item: Item, answer: Answer | None, lang: Lang) -> object:
    """An answer as a person would type it into the cell."""
    if answer is None:
        return None
    if isinstance(answer, float):
        return int(answer) if item.type is AnswerType.COUNT else answer
    return answer_text(answer, lang)


def build_workbook(
    rubric: Rubric,
    opd: Opd | None,
    *,
    region: str = "",
    year: str = "",
    lang: Lang = "id",
    filled: Mapping[str, Filled] | None = None,
    opd_label: str | None = None,
) -> Workbook:
    """An OPD workbook with the OPD's items (every item for None), optionally filled in."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = ANSWER_SHEET
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    input_fill = PatternFill("solid", fgColor=INPUT_FILL)
    unlocked = Protection(locked=False)
    wrap = Alignment(wrap_text=True, vertical="top")
    opd_name = opd_label if opd_label is not None else (opd.name if opd else "")

    ws["A1"] = t("tpl.title", lang, rubric=rubric.title.get(lang))
    ws["A1"].font = Font(bold=True, size=14)
    meta_values = {"opd": opd_name, "region": region, "year": year}
    for m in META_LABELS:
        row = META_ROWS[m.key]
        ws.cell(row, 1, m.label).font = Font(bold=True)
        value = ws.cell(row, 2, safe_cell(meta_values[m.key]) or None)
        value.fill, value.protection, value.border = input_fill, unlocked, border
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
    ws.cell(5, 1, t("tpl.fill_hint", lang)).font = Font(italic=True, color="7F7F7F")

    for i, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(HEADER_ROW, i, column.header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = border
        ws.column_dimensions[cell.column_letter].width = column.width

    choice_dv: dict[str, DataValidation] = {}
    yesno_dv = DataValidation(
        type="list",
        formula1=f'"{t("yes", lang)},{t("no", lang)}"',
        allow_blank=True,
        showErrorMessage=True,
    )
    percent_dv = DataValidation(
        type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True
    )
    count_dv = DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True
    )
    for dv, key in (
        (yesno_dv, "tpl.dv_yesno"),
        (percent_dv, "tpl.dv_percent"),
        (count_dv, "tpl.dv_count"),
    ):
        dv.error, dv.errorTitle, dv.showErrorMessage = t(key, lang), "KLA", True
        ws.add_data_validation(dv)

    row = FIRST_ITEM_ROW
    for ind, item in items_for(rubric, opd):
        fill = (filled or {}).get(item.code, Filled())
        values: dict[str, Any] = {
            "code": item.code,
            "indicator": f"{ind.id}. {ind.name.get(lang)}",
            "question": item.question.get(lang) + (" *" if item.evidence else ""),
            "options": options_text(item, lang),
            "answer": cell_answer(item, fill.answer, lang),
            "evidence": safe_cell(fill.evidence),
            "note": safe_cell(fill.note),
        }
        for key, col in COL.items():
            cell = ws.cell(row, col, values[key])
            cell.alignment, cell.border = wrap, border
            if key in ("answer", "evidence", "note"):
                cell.fill, cell.protection = input_fill, unlocked
        ref = ws.cell(row, COL["answer"]).coordinate
        if item.type is AnswerType.CHOICE:
            letters = ",".join(o.key for o in item.options)
            if letters not in choice_dv:
                dv = DataValidation(
                    type="list", formula1=f'"{letters}"', allow_blank=True, showErrorMessage=True
                )
                dv.error, dv.errorTitle = t("tpl.dv_choice", lang, options=letters), "KLA"
                ws.add_data_validation(dv)
                choice_dv[letters] = dv
            choice_dv[letters].add(ref)
        elif item.type is AnswerType.YESNO:
            yesno_dv.add(ref)
        elif item.type is AnswerType.PERCENT:
            percent_dv.add(ref)
        elif item.type is AnswerType.COUNT:
            count_dv.add(ref)
        row += 1

    ws.freeze_panes = ws.cell(FIRST_ITEM_ROW, 1).coordinate
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"

    _instructions(book.create_sheet(INSTRUCTION_SHEET), rubric, opd_name, lang)
    _meta(book, rubric, opd, opd_name, region, year)
    return book


def _instructions(ws: Worksheet, rubric: Rubric, opd_name: str, lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font

    ws.column_dimensions["A"].width = 110
    lines = [t(f"tpl.instr.{i}", lang, opd=opd_name or "OPD") for i in range(1, 9)]
    note = provisional_note(rubric.any_provisional, rubric.provisional, lang)
    if note:
        lines.append(note)
    ws["A1"] = t("tpl.instr.title", lang)
    ws["A1"].font = Font(bold=True, size=14)
    for i, line in enumerate(lines, start=3):
        ws.cell(i, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
    ws.protection.sheet = True


def _meta(
    book: Workbook, rubric: Rubric, opd: Opd | None, opd_name: str, region: str, year: str
) -> None:
    """The hidden `_meta` sheet, and the same pairs as document properties (`META_PROPERTY`)."""
    from openpyxl.packaging.custom import StringProperty

    values = {
        "rubric_id": rubric.id,
        "rubric_version": rubric.version,
        "rubric_hash": rubric_fingerprint(rubric),
        "opd_id": opd.id if opd else "",
        "opd": opd_name,
        "region": region,
        "year": year,
        "generator": f"kla-cli {__version__}",
    }
    rows = [(key, safe_cell(values[key])) for key in META_KEYS]
    ws = book.create_sheet(META_SHEET)
    for key, value in rows:
        ws.append((key, value))
        if value:
            prop = StringProperty(name=META_PROPERTY + key, value=value)
            book.custom_doc_props.append(prop)  # type: ignore[attr-defined]
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
