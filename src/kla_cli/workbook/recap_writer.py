"""The recap workbook of `kla merge`: one region's OPD files consolidated for the secretariat.

Sheets: a summary; `Isian`, every item with its answer, data dukung, points and provenance (OPD,
file and cell), in the OPD workbook layout plus the `OPD` column so `kla score rekap.xlsx` reads
it like the OPD files and gives the same total; the items still unanswered per OPD; and the
validation findings. Items whose answers had errors are left blank (they score 0, as with
`kla score --allow-errors`) and marked in the Keterangan column. All workbook text is written
through `safe_cells.put`, so nothing an OPD typed can become a formula.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kla_cli.core.assess import Assessment
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.form_layout import (
    ANSWER_SHEET,
    COLUMNS,
    FIRST_ITEM_ROW,
    HEADER_ROW,
    META_SHEET,
    OPD_COLUMN,
)
from kla_cli.core.predicate import predicate_label
from kla_cli.core.provisional import provisional_note
from kla_cli.core.rubric import Indicator, Item, Rubric
from kla_cli.core.scoring import ItemScore, Response
from kla_cli.core.submission import Row, Submission
from kla_cli.i18n.messages import Lang, t
from kla_cli.workbook.form_text import items_for, short_name
from kla_cli.workbook.form_writer import (
    HEADER_FILL,
    INSTRUCTION_SHEET,
    OPTIONS_SHEET,
    Filled,
    build_workbook,
)
from kla_cli.workbook.print_setup import COUNT_FORMAT, POINTS_FORMAT, describe, print_a4
from kla_cli.workbook.row_heights import text_lines
from kla_cli.workbook.safe_cells import put

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from kla_cli.io.output import Inputs

EXTRA_WIDTHS = (8, 9, 7)
"""Nilai, Nilai berdata dukung, Maks: narrow, so the recap's answer sheet prints on A4
landscape at a readable size (about 7.5 pt)."""
PROVENANCE_WIDTHS = (12, 8)
"""Berkas, Sel."""

EXTRA_COLUMNS = ("recap.col.points", "recap.col.points_evidenced", "recap.col.max")
PROVENANCE_COLUMNS = ("recap.col.file", "recap.col.cell")


def _row_index(submissions: Sequence[Submission]) -> dict[str, tuple[Submission, Row]]:
    """Each answer's source (`file:Sheet!E12`, as in `Response.source`) -> where it was read."""
    return {
        f"{sub.file}:{sub.sheet}!{row.answer_cell}": (sub, row)
        for sub in submissions
        for row in sub.rows
    }


def _opd_name(rubric: Rubric, opd: str | None) -> str:
    """An OPD as the recap names it: its short name (DP3A, Dinkes), which the reader matches."""
    return short_name(rubric, opd) if opd else ""


def shown_files(submissions: Sequence[Submission], roots: Sequence[Path]) -> dict[str, str]:
    """Each file read -> the name the recap shows: its path inside the folder given on the
    command line (`dinkes.xlsx`, `kecamatan/a.xlsx`), never the absolute path of the machine that
    merged; a file given by itself shows its name."""
    folders = [root for root in roots if root.is_dir()]
    shown: dict[str, str] = {}
    for sub in submissions:
        path = Path(sub.file)
        shown[sub.file] = path.name
        for folder in folders:
            for inner, outer in ((path, folder), (path.resolve(), folder.resolve())):
                if inner.is_relative_to(outer):
                    shown[sub.file] = inner.relative_to(outer).as_posix()
                    break
            else:
                continue
            break
    return shown


def _relative(value: object, shown: Mapping[str, str]) -> object:
    """`value` with every file path read replaced by the name the recap shows."""
    if not isinstance(value, str):
        return value
    for full in sorted(shown, key=len, reverse=True):
        if full in value:
            value = value.replace(full, shown[full])
    return value


def build_recap(
    rubric: Rubric,
    assessment: Assessment,
    submissions: Sequence[Submission],
    lang: Lang,
    roots: Sequence[Path] = (),
) -> Workbook:
    """The recap workbook (pure: nothing is written here). `roots`: the folders and files given
    on the command line; file names are shown relative to them."""
    from openpyxl.utils import get_column_letter

    validation = assessment.validation
    sources = _row_index(submissions)
    shown = shown_files(submissions, roots)
    filled: dict[str, Filled] = {}
    for code, response in validation.responses.items():
        found = sources.get(response.source or "")
        filled[code] = Filled(response.answer, response.evidence, found[1].note if found else None)
    for code in validation.invalid:
        filled[code] = Filled(note=t("recap.skipped", lang))
    book = build_workbook(
        rubric,
        None,
        region=validation.region or "",
        year=validation.year or "",
        lang=lang,
        filled=filled,
        opd_label="",
    )
    del book[INSTRUCTION_SHEET]
    ws = book[ANSWER_SHEET]
    ws.protection.sheet = False
    put(ws, 1, 1, t("recap.title", lang, rubric=rubric.title.get(lang)))
    put(ws, 5, 1, t("recap.hint", lang, files=len(submissions)))
    scores = {item.code: item for item in assessment.result.all_items()}
    items = items_for(rubric, None)
    _recap_columns(ws, rubric, items, scores, validation.responses, sources, shown, lang)
    last = get_column_letter(ws.max_column)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{FIRST_ITEM_ROW + len(items) - 1}"

    region = validation.region or ""
    summary = book.create_sheet(t("recap.sheet.summary", lang), 0)
    _summary(summary, rubric, assessment, submissions, lang)
    unanswered = book.create_sheet(t("recap.sheet.unanswered", lang))
    _unanswered(unanswered, rubric, assessment, lang)
    findings = [
        f._replace(
            file=shown.get(f.file, Path(f.file).name),
            args={key: _relative(value, shown) for key, value in f.args.items()},
        )
        for f in validation.findings
    ]
    _findings(book.create_sheet(t("recap.sheet.findings", lang)), findings, lang)
    for sheet in (summary, unanswered, book[t("recap.sheet.findings", lang)]):
        is_list = sheet is not summary
        print_a4(
            sheet,
            lang=lang,
            landscape=is_list,
            title_rows="1:1" if is_list else None,
            header=region,
        )
    describe(
        book,
        title=t("recap.title", lang, rubric=rubric.title.get(lang)),
        subject=" · ".join(p for p in (region, validation.year or "") if p),
    )
    meta = book[META_SHEET]
    book.move_sheet(meta, len(book.sheetnames) - 1 - book.index(meta))  # hidden, last
    if OPTIONS_SHEET in book.sheetnames:  # the dropdown lists, hidden, after it
        options = book[OPTIONS_SHEET]
        book.move_sheet(options, len(book.sheetnames) - 1 - book.index(options))
    book.active = 0
    return book


def _header(ws: Worksheet, row: int, col: int, text: str, width: int) -> None:
    """A header cell styled like the template's header row."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cell = put(ws, row, col, text)
    cell.font = Font(bold=True, color="FFFFFF")
    cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.column_dimensions[get_column_letter(col)].width = width


def _recap_columns(
    ws: Worksheet,
    rubric: Rubric,
    items: list[tuple[Indicator, Item]],
    scores: dict[str, ItemScore],
    responses: dict[str, Response],
    sources: dict[str, tuple[Submission, Row]],
    shown: Mapping[str, str],
    lang: Lang,
) -> None:
    from openpyxl.styles import Alignment

    first = len(COLUMNS) + 1
    headers = [
        (OPD_COLUMN.header, OPD_COLUMN.width),
        *((t(key, lang), w) for key, w in zip(EXTRA_COLUMNS, EXTRA_WIDTHS, strict=True)),
        *((t(key, lang), w) for key, w in zip(PROVENANCE_COLUMNS, PROVENANCE_WIDTHS, strict=True)),
    ]
    top = Alignment(vertical="top", wrap_text=True)
    for offset, (text, width) in enumerate(headers):
        _header(ws, HEADER_ROW, first + offset, text, width)
    for row, (ind, item) in enumerate(items, start=FIRST_ITEM_ROW):
        response = responses.get(item.code)
        score = scores[item.code]
        opd = response.opd if response else rubric.item_opds(ind, item)[0]
        found = sources.get(response.source or "") if response else None
        values: list[Any] = [
            _opd_name(rubric, opd),
            score.points,
            score.points_evidenced,
            item.max,
            shown.get(found[0].file, Path(found[0].file).name) if found else None,
            f"{found[0].sheet}!{found[1].answer_cell}" if found else None,
        ]
        for offset, value in enumerate(values):
            cell = put(ws, row, first + offset, value)
            cell.alignment = top
            if isinstance(value, int | float):
                cell.number_format = POINTS_FORMAT


def _table(ws: Worksheet, headers: Sequence[tuple[str, int]], rows: list[list[object]]) -> None:
    """A list sheet: a header row, the rows wrapped at their column's width, filters."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for col, (text, width) in enumerate(headers, start=1):
        _header(ws, 1, col, text, width)
    top = Alignment(vertical="top", wrap_text=True)
    for row, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            put(ws, row, col, value).alignment = top
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


def _summary(
    ws: Worksheet,
    rubric: Rubric,
    assessment: Assessment,
    submissions: Sequence[Submission],
    lang: Lang,
) -> None:
    from openpyxl.styles import Alignment, Font

    result, validation = assessment.result, assessment.validation
    errors = sum(1 for f in validation.findings if f.severity is Severity.ERROR)
    answered = sum(1 for item in result.all_items() if item.answered)
    lowest = rubric.tiers[0].min
    rows: list[tuple[str, Any]] = [
        (t("score.region", lang), result.region or ""),
        (t("score.year", lang), result.year or ""),
        (t("score.rubric", lang), f"{result.rubric_id} {result.rubric_version}"),
        (t("recap.files", lang), len(submissions)),
        (t("score.total", lang), result.total),
        (t("score.total_evidenced", lang), result.total_evidenced),
        (t("score.max", lang), result.max_total),
        (t("score.predicate", lang), predicate_label(result.predicate, lang, lowest)),
        (
            t("recap.predicate_evidenced", lang),
            predicate_label(result.predicate_evidenced, lang, lowest),
        ),
        (t("recap.answered", lang), answered),
        (t("recap.unanswered", lang), len(result.all_items()) - answered),
        (t("recap.skipped_count", lang), len(result.skipped)),
        (t("recap.errors", lang), errors),
        (t("recap.warnings", lang), len(validation.findings) - errors),
    ]
    put(ws, 1, 1, t("recap.title", lang, rubric=rubric.title.get(lang))).font = Font(
        bold=True, size=14
    )
    for row, (label, value) in enumerate(rows, start=3):
        put(ws, row, 1, label).font = Font(bold=True)
        cell = put(ws, row, 2, value)
        cell.alignment = Alignment(horizontal="left")
        if isinstance(value, float):
            cell.number_format = POINTS_FORMAT
        elif isinstance(value, int):
            cell.number_format = COUNT_FORMAT
    note = provisional_note(result.provisional, result.provisional_points, lang)
    if note:  # one wrapped paragraph across both columns, printed within the page
        row = len(rows) + 4
        cell = put(ws, row, 1, note)
        cell.font = Font(italic=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.row_dimensions[row].height = 15 * text_lines(note, 70)
    ws["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A1:B1")
    ws.row_dimensions[1].height = 20 * text_lines(str(ws["A1"].value), 60)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 44


def _unanswered(ws: Worksheet, rubric: Rubric, assessment: Assessment, lang: Lang) -> None:
    validation = assessment.validation
    by_code = {item.code: item for item in assessment.result.all_items()}
    rows: list[list[object]] = []
    for opd in rubric.opds:
        for ind, item in rubric.items_by_opd.get(opd.id, ()):  # the questions it leads
            if by_code[item.code].answered:
                continue
            if item.code in validation.invalid:
                status = "recap.status.error"
            elif opd.id not in validation.opds:
                status = "recap.status.no_file"
            else:
                status = "recap.status.blank"
            rows.append(
                [
                    opd.short,
                    item.code,
                    f"{ind.id}. {ind.name.get(lang)}",
                    item.question.get(lang),
                    t("yes" if item.required else "no", lang),
                    t(status, lang),
                ]
            )
    headers = [
        (OPD_COLUMN.header, 14),
        (t("show.code", lang), 8),
        (t("score.indicator", lang), 26),
        (t("show.question", lang), 56),
        (t("recap.col.required", lang), 8),
        (t("recap.col.status", lang), 26),
    ]
    _table(ws, headers, rows)


def _findings(ws: Worksheet, findings: Sequence[Finding], lang: Lang) -> None:
    rows: list[list[object]] = [
        [
            t(f"severity.{f.severity.value}", lang),
            f.code,
            f.file,
            f.sheet,
            f.cell,
            f.item,
            f.problem(lang),
            f.expected(lang),
        ]
        for f in findings
    ]
    headers = [
        (t("recap.col.severity", lang), 11),
        (t("recap.col.code", lang), 18),
        (t("recap.col.file", lang), 18),
        (t("recap.col.sheet", lang), 8),
        (t("recap.col.cell", lang), 6),
        (t("score.item", lang), 7),
        (t("recap.col.problem", lang), 52),
        (t("recap.col.expected", lang), 36),
    ]
    _table(ws, headers, rows)


def check_recap_target(target: Path, inputs: Sequence[Path]) -> None:
    """Refuse a recap path that is not .xlsx or lies in a merged folder (it would be re-read)."""
    from kla_cli.errors import KlaError

    if target.suffix.lower() != ".xlsx":
        raise KlaError("merge.not_xlsx", str(target), "merge.not_xlsx.hint")
    parent = target.resolve().parent
    if any(path.is_dir() and path.resolve() == parent for path in inputs):
        raise KlaError("merge.inside", str(target), "merge.inside.hint")


def write_recap(target: Path, book: Workbook, inputs: Inputs) -> None:
    """Save the recap, never over one of the run's `inputs`."""
    from kla_cli.workbook.forms import save_workbook

    save_workbook(book, target, inputs=inputs)
