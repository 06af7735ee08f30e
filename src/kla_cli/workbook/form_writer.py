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
from kla_cli.core.answer_types import Answer
from kla_cli.core.form_layout import (
    ANSWER_SHEET,
    COLUMNS,
    FIRST_ITEM_ROW,
    FORM_COLUMNS,
    HEADER_ROW,
    META_KEYS,
    META_LABELS,
    META_PROPERTY,
    META_ROWS,
    META_SHEET,
)
from kla_cli.core.provisional import provisional_note
from kla_cli.core.rubric import Item, Rubric
from kla_cli.core.rubric_leaves import AnswerType, Opd
from kla_cli.core.validate import rubric_fingerprint
from kla_cli.i18n.display import document_text
from kla_cli.i18n.messages import Lang, t
from kla_cli.workbook.form_text import (
    cell_answer,
    items_for,
    option_entries,
    options_text,
    points_text,
    role_text,
)
from kla_cli.workbook.print_setup import PORTRAIT_TEXT_WIDTH, describe, print_a4
from kla_cli.workbook.safe_cells import put

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

INSTRUCTION_SHEET = "Petunjuk"
OPTIONS_SHEET = "_pilihan"
"""Hidden sheet holding the dropdown lists of the choice questions (one column per list): a list
typed into the validation itself may not hold commas and is cut at 255 characters."""
INPUT_FILL = "FFF9C4"
HEADER_FILL = "1F4E79"


@dataclass(frozen=True)
class Filled:
    """An answer to write into a workbook (examples, tests, `kla merge`)."""

    answer: Answer | None = None
    evidence: str | None = None
    note: str | None = None


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

    put(ws, 1, 1, t("tpl.title", lang, rubric=rubric.title.get(lang))).font = Font(
        bold=True, size=14
    )
    meta_values = {"opd": opd_name, "region": region, "year": year}
    for m in META_LABELS:
        row = META_ROWS[m.key]
        ws.cell(row, 1, m.label).font = Font(bold=True)
        value = put(ws, row, 2, meta_values[m.key] or None)
        value.fill, value.protection, value.border = input_fill, unlocked, border
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
    ws.cell(5, 1, t("tpl.fill_hint", lang)).font = Font(italic=True, color="7F7F7F")

    columns = FORM_COLUMNS if opd is not None else COLUMNS
    col = {c.key: i for i, c in enumerate(columns, start=1)}
    for i, column in enumerate(columns, start=1):
        cell = ws.cell(HEADER_ROW, i, column.header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = border
        ws.column_dimensions[cell.column_letter].width = column.width

    validations = _Validations(book, ws, lang)
    row = FIRST_ITEM_ROW
    for ind, item in items_for(rubric, opd):
        fill = (filled or {}).get(item.code, Filled())
        asked = item.evidence_asked.get(lang) if item.evidence_asked else None
        values: dict[str, Any] = {
            "code": item.code,
            "indicator": f"{ind.id}. {ind.name.get(lang)}",
            "question": item.question.get(lang) + (" *" if item.evidence else ""),
            "role": role_text(rubric, ind, item, opd, lang),
            "options": options_text(item, lang),
            "answer": cell_answer(item, fill.answer, lang),
            "evidence_asked": asked,
            "evidence": fill.evidence,
            "note": fill.note,
        }
        for key, c in col.items():
            cell = put(ws, row, c, values[key])
            cell.alignment, cell.border = wrap, border
            if key in ("answer", "evidence", "note"):
                cell.fill, cell.protection = input_fill, unlocked
        validations.add(item, ws.cell(row, col["answer"]).coordinate)
        row += 1
    if opd is not None:
        _signature(ws, row + 1, col["evidence_asked"], opd_name, lang)

    ws.freeze_panes = ws.cell(FIRST_ITEM_ROW, 1).coordinate
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    print_a4(
        ws, lang=lang, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", header=opd_name
    )

    _instructions(book.create_sheet(INSTRUCTION_SHEET), rubric, opd_name, lang)
    title = t("tpl.title", lang, rubric=rubric.title.get(lang))
    describe(book, title=title, subject=" · ".join(p for p in (opd_name, region, year) if p))
    _meta(book, rubric, opd, opd_name, region, year)
    if OPTIONS_SHEET in book.sheetnames:  # hidden, after the sheets people read
        book.move_sheet(OPTIONS_SHEET, len(book.sheetnames) - 1 - book.index(book[OPTIONS_SHEET]))
    return book


def _instructions(ws: Worksheet, rubric: Rubric, opd_name: str, lang: Lang) -> None:
    lines = [t(f"tpl.instr.{i}", lang, opd=opd_name or "OPD") for i in range(1, 11)]
    instructions_sheet(ws, rubric, lines, lang)


def instructions_sheet(ws: Worksheet, rubric: Rubric, lines: list[str], lang: Lang) -> None:
    """The instructions sheet of a form or an inventory: a title, one numbered, wrapped
    paragraph per line, the provisional note where the rubric has one; printed on A4 portrait.

    The numbers have their own narrow column A and the text column B is no wider than the page
    (`PORTRAIT_TEXT_WIDTH`): LibreOffice counts a single column wider than the page as "one
    page wide" and prints it unscaled, cut off on the right, whatever fit-to-width says."""
    from openpyxl.styles import Alignment, Font

    ws.column_dimensions["A"].width = NUMBER_WIDTH
    ws.column_dimensions["B"].width = PORTRAIT_TEXT_WIDTH - NUMBER_WIDTH
    note = provisional_note(rubric.any_provisional, rubric.provisional, lang)
    put(ws, 1, 1, t("tpl.instr.title", lang)).font = Font(bold=True, size=14)
    top = Alignment(wrap_text=True, vertical="top")
    for i, line in enumerate(lines, start=1):
        put(ws, i + 2, 1, f"{i}.").alignment = top
        put(ws, i + 2, 2, line).alignment = top
    if note:
        cell = put(ws, len(lines) + 4, 2, note)
        cell.alignment, cell.font = top, Font(italic=True)
    print_a4(ws, lang=lang)
    ws.protection.sheet = True


NUMBER_WIDTH = 4
"""The instructions' number column."""


def _signature(ws: Worksheet, row: int, column: int, opd_name: str, lang: Lang) -> None:
    """Below the questions, the OPD head's sign-off: place and date, the title, room to sign,
    name and NIP; the values in two merged yellow cells to the right of each label. Nothing is
    written in the Kode column, so the reader skips these rows."""
    from openpyxl.styles import Border, Font, PatternFill, Protection, Side

    input_fill = PatternFill("solid", fgColor=INPUT_FILL)
    line = Border(bottom=Side(style="thin", color="595959"))
    head = t("tpl.sign.head", lang, opd=opd_name or "OPD")
    rows = [
        (row, t("tpl.sign.date", lang), True),
        (row + 1, head, False),
        (row + 5, t("tpl.sign.name", lang), True),
        (row + 6, t("tpl.sign.nip", lang), True),
    ]
    for r, label, value in rows:
        ws.cell(r, column, label).font = Font(bold=not value)
        if not value:
            continue
        cell = ws.cell(r, column + 1)
        cell.fill, cell.protection, cell.border = input_fill, Protection(locked=False), line
        ws.cell(r, column + 2).border = line
        ws.merge_cells(start_row=r, start_column=column + 1, end_row=r, end_column=column + 2)
    ws.cell(row + 4, column + 1).border = line  # the line to sign on
    ws.cell(row + 4, column + 2).border = line


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
    rows = [(key, values[key]) for key in META_KEYS]
    ws = book.create_sheet(META_SHEET)
    for row, (key, value) in enumerate(rows, start=1):
        put(ws, row, 1, key)
        put(ws, row, 2, value)
        if value:
            prop = StringProperty(name=META_PROPERTY + key, value=document_text(value))
            book.custom_doc_props.append(prop)  # type: ignore[attr-defined]
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


class _Validations:
    """The answer cells' data validations, one per kind of answer: a dropdown per distinct list
    of options (its entries on the hidden options sheet), a range per score maximum."""

    def __init__(self, book: Workbook, ws: Worksheet, lang: Lang) -> None:
        self.book, self.ws, self.lang = book, ws, lang
        self.lists: dict[tuple[str, ...], DataValidation] = {}
        self.scores: dict[float, DataValidation] = {}
        yes_no = f'"{t("yes", lang)},{t("no", lang)}"'
        self.fixed: dict[AnswerType, DataValidation] = {
            AnswerType.YESNO: self._new(
                "list", None, (yes_no,), t("tpl.dv_yesno", lang), t("tpl.prompt.yesno", lang)
            ),
            AnswerType.PERCENT: self._new(
                "decimal",
                "between",
                ("0", "100"),
                t("tpl.dv_percent", lang),
                t("tpl.prompt.percent", lang),
            ),
            AnswerType.COUNT: self._new(
                "whole",
                "greaterThanOrEqual",
                ("0",),
                t("tpl.dv_count", lang),
                t("tpl.prompt.count", lang),
            ),
            # any text is accepted (kla validate checks it): only the prompt is shown
            AnswerType.CHECKLIST: self._new(None, None, (), "", t("tpl.prompt.checklist", lang)),
        }

    def _new(
        self, kind: Any, operator: Any, bounds: tuple[str, ...], error: str, prompt: str
    ) -> DataValidation:
        """A validation with an input prompt, shown when an answer cell is selected (Excel
        keeps a prompt to 255 characters, its title to 32)."""
        from openpyxl.worksheet.datavalidation import DataValidation

        dv = DataValidation(
            type=kind,
            operator=operator,
            formula1=bounds[0] if bounds else None,
            formula2=bounds[1] if len(bounds) > 1 else None,
            allow_blank=True,
            showErrorMessage=bool(error),
            showInputMessage=True,
            # a warning, not a stop: an option letter (`a`) or points (`nilai 7,5`) typed by
            # hand are answers kla reads, and kla validate checks every cell anyway
            errorStyle="warning",
        )
        if error:
            dv.error, dv.errorTitle = error, "KLA"
        dv.promptTitle, dv.prompt = t("tpl.prompt.title", self.lang)[:32], prompt[:255]
        self.ws.add_data_validation(dv)
        return dv

    def add(self, item: Item, ref: str) -> None:
        if item.type is AnswerType.CHOICE:
            self._choice(item).add(ref)
        elif item.type is AnswerType.SCORE:
            if item.max not in self.scores:
                top = points_text(item.max, self.lang)
                error = t("tpl.dv_score", self.lang, max=top)
                prompt = t("tpl.prompt.score", self.lang, max=top)
                bounds = ("0", f"{item.max:g}")
                self.scores[item.max] = self._new("decimal", "between", bounds, error, prompt)
            self.scores[item.max].add(ref)
        elif item.type in self.fixed:
            self.fixed[item.type].add(ref)

    def _choice(self, item: Item) -> DataValidation:
        """The dropdown of `item`'s options (`a. Peraturan Daerah (Perda) — 12`, …)."""
        from openpyxl.utils import get_column_letter

        entries = tuple(option_entries(item, self.lang))
        if entries not in self.lists:
            if OPTIONS_SHEET in self.book.sheetnames:
                sheet = self.book[OPTIONS_SHEET]
            else:
                sheet = self.book.create_sheet(OPTIONS_SHEET)
                sheet.sheet_state = "hidden"
                sheet.protection.sheet = True
            column = len(self.lists) + 1
            for r, entry in enumerate(entries, start=1):
                put(sheet, r, column, entry)
            letter = get_column_letter(column)
            source = f"'{OPTIONS_SHEET}'!${letter}$1:${letter}${len(entries)}"
            letters = ", ".join(o.key for o in item.options)
            error = t("tpl.dv_choice", self.lang, options=letters)
            prompt = t("tpl.prompt.choice", self.lang, options=letters)
            self.lists[entries] = self._new("list", None, (source,), error, prompt)
        return self.lists[entries]
