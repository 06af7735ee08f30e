"""Checks of a region's own recap against the rubric (pure): its subtotal rows against the
question rows below them (real recaps do not always add up; the subtotals are never added
again), its `Nilai Max` against the rubric's maxima, and the verifier's points (VA) of a row.

Every problem is a `Finding` naming the row's cell; nothing here changes a number.
"""

from __future__ import annotations

from collections.abc import Callable

from kla_cli.core.answer_types import CellValue
from kla_cli.core.answers import AnswerProblem, is_blank, parse_number
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.rubric import Item, Rubric
from kla_cli.core.rubric_leaves import fold
from kla_cli.core.submission import Given, Row, Submission, Subtotal

WARNING = Severity.WARNING
TOLERANCE = 0.005
"""Two numbers closer than this are equal (recaps keep two decimals)."""


def _fmt(value: float) -> str:
    return f"{round(value, 2):g}"


def verified_points(item: Item, raw: CellValue) -> float | None:
    """The verifier's points for `item` (None when the cell is blank), or raise AnswerProblem
    (`not-a-number`, `verified-out-of-range`)."""
    if is_blank(raw):
        return None
    value = parse_number(raw)
    if not 0 <= value <= item.max + 1e-9:
        raise AnswerProblem("verified-out-of-range", _fmt(value), (("max", _fmt(item.max)),))
    return round(value, 2)


def wrong_rubric(rubric: Rubric, sub: Submission) -> Finding | None:
    """One error instead of hundreds when most of a recap's codes are not in the rubric (a
    recap of another year's instrument, or the wrong `--rubric`), else None."""
    index = rubric.item_index
    unknown = [row for row in sub.rows if row.code not in index]
    if len(unknown) < 5 or len(unknown) * 2 < len(sub.rows):
        return None
    return Finding(
        Severity.ERROR,
        "recap-wrong-rubric",
        sub.file,
        sub.sheet,
        unknown[0].code_cell,
        {"rubric": rubric.id, "unknown": len(unknown), "count": len(sub.rows)},
    )


def check_recap(rubric: Rubric, sub: Submission) -> list[Finding]:
    """The findings of one recap's maxima and subtotals."""
    found: list[Finding] = []
    index = rubric.item_index
    for row in sub.rows:
        entry = index.get(row.code)
        if entry is None or is_blank(row.max_given):
            continue  # an unknown code is reported where the rows are validated
        given = _number(sub, row.max_cell, row.max_given, found)
        if given is not None and abs(given - entry[1].max) > TOLERANCE:
            found.append(_max_differs(sub, row.max_cell, row.code, given, entry[1].max))
    for total in sub.subtotals:
        _check_subtotal(rubric, sub, total, found)
    return found


def _check_subtotal(rubric: Rubric, sub: Submission, total: Subtotal, found: list[Finding]) -> None:
    name = f"Indikator {total.label}" if total.level == "indicator" else total.label
    expected = _section_max(rubric, total)
    if expected is None:
        cell = f"{(total.points or total.verified or total.max or Given('', None, 'A')).col}"
        found.append(
            Finding(
                WARNING,
                "recap-unknown-section",
                sub.file,
                sub.sheet,
                f"{cell}{total.row}",
                {"section": name},
            )
        )
    if total.max is not None:
        cell = f"{total.max.col}{total.row}"
        given = _number(sub, cell, total.max.value, found)
        if given is not None and expected is not None and abs(given - expected) > TOLERANCE:
            found.append(_max_differs(sub, cell, name, given, expected))
    first, last = total.span
    rows = [row for row in sub.rows if first <= row.row <= last]
    for column, value_of in ((total.points, _answer), (total.verified, _verified)):
        if column is None:
            continue
        cell = f"{column.col}{total.row}"
        given = _number(sub, cell, column.value, found)
        if given is None:
            continue
        added, capped = _sums(rubric, rows, value_of)
        if abs(given - added) > TOLERANCE and abs(given - capped) > TOLERANCE:
            found.append(
                Finding(
                    WARNING,
                    "recap-subtotal-mismatch",
                    sub.file,
                    sub.sheet,
                    cell,
                    {
                        "section": name,
                        "row": total.row,
                        "column": column.header,
                        "found": _fmt(given),
                        "sum": _fmt(capped),
                        "count": len(rows),
                    },
                )
            )


def _sums(rubric: Rubric, rows: list[Row], value_of: Callable[[Row], float]) -> tuple[float, float]:
    """The rows' plain sum, and their sum with each indicator capped at its official maximum
    (as kla scores it: a recap may write either)."""
    by_indicator: dict[str, float] = {}
    for row in rows:
        indicator = row.code.split(".", 1)[0]
        by_indicator[indicator] = by_indicator.get(indicator, 0.0) + value_of(row)
    index = rubric.indicator_index
    capped = sum(
        min(points, index[ind].cap) if ind in index else points
        for ind, points in by_indicator.items()
    )
    return round(sum(by_indicator.values()), 2), round(capped, 2)


def _answer(row: Row) -> float:
    return _quiet(row.answer)


def _verified(row: Row) -> float:
    return _quiet(row.verified)


def _quiet(raw: CellValue) -> float:
    """A question row's number for a sum; blank and unreadable cells (reported where the row
    is validated) add nothing."""
    if is_blank(raw):
        return 0.0
    try:
        return parse_number(raw)
    except AnswerProblem:
        return 0.0


def _number(sub: Submission, cell: str, raw: CellValue, found: list[Finding]) -> float | None:
    try:
        return parse_number(raw)
    except AnswerProblem as problem:
        found.append(
            Finding(
                WARNING, "recap-not-a-number", sub.file, sub.sheet, cell, {"value": problem.value}
            )
        )
        return None


def _max_differs(sub: Submission, cell: str, name: str, given: float, expected: float) -> Finding:
    return Finding(
        WARNING,
        "recap-max-differs",
        sub.file,
        sub.sheet,
        cell,
        {"section": name, "found": _fmt(given), "expected": _fmt(expected)},
    )


def _section_max(rubric: Rubric, total: Subtotal) -> float | None:
    """The rubric's maximum of a subtotal's section (None when the rubric has no such one)."""
    if total.level == "total":
        return rubric.max_total
    if total.level == "indicator":
        indicator = rubric.indicator_index.get(total.label)
        return indicator.cap if indicator else None
    label = fold(total.label)
    for group in rubric.groups:
        names = {fold(group.id), fold(group.name.id), fold(group.name.id.split(":")[0])}
        if group.short is not None:
            names |= {fold(group.short.id), fold(group.short.en)}
        if label in names:
            caps = [ind.cap for ind in rubric.indicators if ind.group == group.id]
            return group.max if group.max is not None else round(sum(caps), 2)
    return None
