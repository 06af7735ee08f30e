"""A region's own recap ("Rekap Penilaian Mandiri") read from its grid into a `Submission`
(pure, no I/O): its header row found by the column names regions use (`core.recap_layout`),
its rows walked as a hierarchy (group heading, indicator, questions), each question a `Row`
answered with points, and the group, indicator and total rows kept as `Subtotal`s to be
checked (`core.recap_check`), never added again.

The codes may stand in one label column (`Indikator 21 A`, then `Pertanyaan 2za`), in separate
`Indikator`/`Pertanyaan` columns (`21A` | `2za`), or as a full code (`21A.2za`) in one column.
Where a header cannot be matched, `--columns nilai=F,kode=B` says which column is which.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kla_cli.core.answer_types import CellValue
from kla_cli.core.answers import AnswerProblem, is_blank, parse_number
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.form_layout import MAX_HEADER_SCAN
from kla_cli.core.recap_layout import (
    CODE_KEYS,
    full_code,
    group_heading,
    indicator_code,
    indicator_label,
    is_total,
    question_code,
    question_label,
    recap_column,
)
from kla_cli.core.submission import Given, Row, Submission, Subtotal
from kla_cli.workbook.grid import Grid, col_letter
from kla_cli.workbook.sheet import MAX_LABEL, cell_text, meta_above

Columns = Mapping[str, int]
"""Column key (`nilai`, `kode`, …) -> its 1-based column number (from `--columns`)."""

_SAMPLE = 60
"""Cells looked at to tell a `Pertanyaan` column of codes from one of question texts."""


@dataclass
class _Header:
    row: int
    """The header row (0 when none was found and `--columns` says it all)."""
    cols: dict[str, int]
    names: dict[str, str]
    """Each column's header text as written (for messages)."""
    first_data: int


def _labels(grid: Grid, r: int) -> dict[str, tuple[int, str]]:
    """The recap columns row `r` names: key -> (column, header text); the first one wins."""
    found: dict[str, tuple[int, str]] = {}
    if r < 1 or r > len(grid.rows):
        return found
    for c, raw in enumerate(grid.rows[r - 1], start=1):
        if not raw or type(raw) is not str or len(raw) > MAX_LABEL:
            continue
        key = recap_column(raw)
        if key is not None and key not in found:
            found[key] = (c, " ".join(raw.split()))
    return found


def _complete(keys: Iterable[str]) -> bool:
    """A points column and a column that may hold the rows' codes."""
    names = set(keys)
    return "nilai" in names and any(key in names for key in CODE_KEYS)


def find_recap_header(grid: Grid, columns: Columns | None = None) -> _Header | None:
    """The recap's header row and columns, or None when the sheet is not a recap.

    A header row names a points column (`Nilai Evaluasi`, `Nilai EM`, `Skor`, …) and a label
    column (`Kode`, `Indikator`, `Pertanyaan`, `Uraian`). A second header row below it (`EM` |
    `VA` under a merged `Nilai`) refines it. `columns` (from `--columns`) overrides what the
    headers say, and supplies what they do not.
    """
    given = dict(columns or {})
    for r in range(1, min(len(grid.rows), MAX_HEADER_SCAN) + 1):
        found = _labels(grid, r)
        if not found or not _complete({*found, *given}):
            continue
        below = _labels(grid, r + 1)
        first = r + 1
        if below and _sub_header(grid, r + 1):
            for key, place in below.items():
                if key not in found or key in ("nilai", "va"):
                    found[key] = place
            first = r + 2
        return _with_given(grid, r, found, given, first)
    if _complete(given):
        return _with_given(grid, 0, {}, given, 1)
    return None


def _sub_header(grid: Grid, r: int) -> bool:
    """Row `r` is a second header row (`EM` | `VA` under a merged `Nilai`): every cell it fills
    is a header word. A question row is never one, even when its Data Dukung says `Lampiran`,
    its Catatan `Catatan` or its Sumber Data `OPD`: its code, points or text are not header
    words."""
    for c in range(1, len(grid.rows[r - 1]) + 1):
        raw = grid.get(r, c)
        if cell_text(raw) is None:
            continue
        if type(raw) is not str or len(raw) > MAX_LABEL or recap_column(raw) is None:
            return False
    return True


def _with_given(
    grid: Grid, r: int, found: dict[str, tuple[int, str]], given: dict[str, int], first: int
) -> _Header:
    cols = {key: c for key, (c, _) in found.items()}
    names = {key: text for key, (_, text) in found.items()}
    for key, c in given.items():
        cols[key] = c
        names[key] = (cell_text(grid.get(r, c)) if r else None) or key.capitalize()
    header = _Header(r, cols, names, first)
    if "pertanyaan" in found and "pertanyaan" not in given:
        _pertanyaan_role(grid, header)
    return header


def _pertanyaan_role(grid: Grid, header: _Header) -> None:
    """A column headed `Pertanyaan` holds question codes (`2za`) or question texts: by its
    cells. Texts make it the `uraian` column (unless another column already is)."""
    col = header.cols["pertanyaan"]
    codes = texts = 0
    for r in range(header.first_data, min(len(grid.rows), header.first_data + _SAMPLE) + 1):
        text = cell_text(grid.get(r, col))
        if text is None:
            continue
        if question_code(text) or full_code(text):
            codes += 1
        elif not (indicator_label(text) or group_heading(text)):
            texts += 1
    if texts > codes:
        del header.cols["pertanyaan"]
        name = header.names.pop("pertanyaan")
        if "uraian" not in header.cols:
            header.cols["uraian"], header.names["uraian"] = col, name


# --- the rows --------------------------------------------------------------------------------


@dataclass
class _Section:
    level: str
    label: str
    row: int
    given: tuple[Given | None, Given | None, Given | None]


class _Walk:
    """The rows below the header, walked once: question rows, sections and their subtotals."""

    def __init__(self, file: str, sheet: str, grid: Grid, header: _Header) -> None:
        self.file, self.sheet, self.grid, self.header = file, sheet, grid, header
        self.cols = header.cols
        self.rows: list[Row] = []
        self.subtotals: list[Subtotal] = []
        self.findings: list[Finding] = []
        self.group: _Section | None = None
        self.indicator: _Section | None = None
        self.current: str | None = None
        """The indicator id the question rows below belong to."""

    def text(self, r: int, key: str) -> str | None:
        col = self.cols.get(key)
        return cell_text(self.grid.get(r, col)) if col else None

    def value(self, r: int, key: str) -> CellValue:
        col = self.cols.get(key)
        return self.grid.get(r, col) if col else None

    def letter(self, key: str) -> str:
        col = self.cols.get(key)
        return col_letter(col) if col else ""

    def given(self, r: int, key: str) -> Given | None:
        value = self.value(r, key)
        return None if is_blank(value) else Given(self.header.names[key], value, self.letter(key))

    def walk(self) -> None:
        last = len(self.grid.rows)
        for r in range(self.header.first_data, last + 1):
            self.visit(r)
        self.close("indicator", last)
        self.close("group", last)

    def visit(self, r: int) -> None:
        kode, ind = self.text(r, "kode"), self.text(r, "indikator")
        ques, text = self.text(r, "pertanyaan"), self.text(r, "uraian")
        code = full_code(kode) if kode else None
        where = "kode" if code else None
        question = None
        if code is None:
            for key, cell, read in (
                ("pertanyaan", ques, question_code),
                ("kode", kode, question_label),
                ("uraian", text, question_label),
            ):
                question = read(cell) if cell else None
                if question:
                    where = key
                    break
        indicator = None
        for cell, read in ((ind, indicator_code), (kode, indicator_label), (text, indicator_label)):
            indicator = read(cell) if cell else None
            if indicator:
                break
        if code or question:
            if indicator:
                self.current = indicator
            owner = indicator or self.current
            if code is None and owner is None:
                self.finding(r, where or "kode", "recap-no-indicator", question=question)
                return
            self.question(r, code or f"{owner}.{question}", where or "kode")
        elif indicator:
            self.close("indicator", r - 1)
            self.current = indicator
            self.indicator = self.section(r, "indicator", indicator)
        elif heading := next((group_heading(c) for c in (kode, text, ind) if c), None):
            self.close("indicator", r - 1)
            self.close("group", r - 1)
            self.current = None
            self.group = self.section(r, "group", heading)
        elif any(cell and is_total(cell) for cell in (kode, text)):
            found = self.section(r, "total", " ".join((kode or text or "").split()))
            if any(found.given):
                self.add(found, (self.header.first_data, len(self.grid.rows)))
        elif _number_like(self.value(r, "nilai")):
            self.finding(r, "nilai", "recap-row-unread", row=r)

    def section(self, r: int, level: str, label: str) -> _Section:
        given = (self.given(r, "nilai"), self.given(r, "va"), self.given(r, "max"))
        return _Section(level, label, r, given)

    def close(self, level: str, end: int) -> None:
        found = self.indicator if level == "indicator" else self.group
        if found is not None and any(found.given):
            self.add(found, (found.row, end))
        if level == "indicator":
            self.indicator = None
        else:
            self.group = None

    def add(self, found: _Section, span: tuple[int, int]) -> None:
        points, verified, top = found.given
        self.subtotals.append(
            Subtotal(found.level, found.label, found.row, span, points, verified, top)
        )

    def question(self, r: int, code: str, where: str) -> None:
        grid, nilai = self.grid, self.cols["nilai"]
        answer_merged = any(c0 <= nilai <= c1 for _, c0, _, c1 in grid.merged)
        self.rows.append(
            Row(
                code=code,
                row=r,
                answer=grid.get(r, nilai),
                evidence=self.text(r, "dukung"),
                note=self.text(r, "keterangan"),
                opd=self.text(r, "sumber"),
                uncached_formula=(r, nilai) in grid.formulas,
                merged=grid.merged_over(r, nilai) if answer_merged else None,
                answer_col=col_letter(nilai),
                evidence_col=self.letter("dukung") or col_letter(nilai),
                code_col=self.letter(where),
                is_nilai=True,
                verified=self.value(r, "va"),
                verified_col=self.letter("va"),
                verifier_note=self.text(r, "catatan"),
                max_given=self.value(r, "max"),
                max_col=self.letter("max"),
            )
        )

    def finding(self, r: int, key: str, code: str, **args: object) -> None:
        cell = f"{self.letter(key) or 'A'}{r}"
        self.findings.append(Finding(Severity.WARNING, code, self.file, self.sheet, cell, args))


def _number_like(value: CellValue) -> bool:
    if is_blank(value) or isinstance(value, bool):
        return False
    try:
        parse_number(value)
    except AnswerProblem:
        return False
    return True


_REGION = re.compile(
    r"\b((?:kabupaten|kab\.|kota)\s+[^\d,;()]+?)(?=\s+(?:tahun|provinsi)\b|\s*\d|$)", re.I
)
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def _title_meta(grid: Grid, header_row: int) -> tuple[dict[str, str], dict[str, str]]:
    """Region and year from the title rows above the header (`REKAP … KABUPATEN X TAHUN
    2024`), for recaps without `Kabupaten/Kota:` and `Tahun:` labels."""
    meta: dict[str, str] = {}
    cells: dict[str, str] = {}
    for r in range(1, max(0, header_row - 1) + 1):
        for c, raw in enumerate(grid.rows[r - 1], start=1):
            if not raw or type(raw) is not str:
                continue
            region = _REGION.search(raw)
            if region and "region" not in meta:
                meta["region"], cells["region"] = " ".join(region[1].split()), f"{col_letter(c)}{r}"
            years = _YEAR.findall(raw)
            if years and "year" not in meta:
                meta["year"], cells["year"] = years[-1], f"{col_letter(c)}{r}"
    return meta, cells


def submission_from_recap(
    file: str, sheet: str, grid: Grid, meta: dict[str, str], columns: Columns | None = None
) -> Submission | None:
    """The recap in `grid` as a Submission, or None when the sheet is not a recap."""
    header = find_recap_header(grid, columns)
    if header is None:
        return None
    walk = _Walk(file, sheet, grid, header)
    walk.walk()
    found, cells = meta_above(grid, header.row)
    titled, title_cells = _title_meta(grid, header.row)
    for key in ("region", "year"):
        if key not in found and key in titled:
            found[key], cells[key] = titled[key], title_cells[key]
    return Submission(
        file=file,
        sheet=sheet,
        opd=found.get("opd"),
        region=found.get("region"),
        year=found.get("year"),
        rows=tuple(walk.rows),
        meta=meta,
        meta_cells=cells,
        findings=tuple(walk.findings),
        recap=True,
        subtotals=tuple(walk.subtotals),
    )
