"""A region's submissions validated and scored: the step every command shares (pure).

Reading the workbooks (`workbook.read.read_region`) happens before, at the edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from kla_cli.core.rubric import Rubric
from kla_cli.core.scoring import ScoreResult, score_region
from kla_cli.core.submission import Submission
from kla_cli.core.validate import Validation, validate_region


class Assessment(NamedTuple):
    validation: Validation
    result: ScoreResult


def assess(
    rubric: Rubric,
    submissions: Sequence[Submission],
    *,
    whole_region: bool = True,
    keep_warnings: bool = True,
) -> Assessment:
    """Validate and score one region; items with errors are skipped (scored 0).
    `whole_region=False`: forms given one by one (`core.intake.checked_as_region`);
    `keep_warnings=False`: the warnings about answered rows only counted (a batch)."""
    validation = validate_region(
        rubric, submissions, whole_region=whole_region, keep_warnings=keep_warnings
    )
    result = score_region(
        rubric,
        validation.responses,
        region=validation.region,
        year=validation.year,
        skipped=tuple(sorted(validation.invalid, key=_code_key)),
    )
    return Assessment(validation, result)


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in code.split("."))
