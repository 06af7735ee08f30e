"""A region's submissions validated and scored: the step every command shares (pure).

Reading the workbooks (`workbook.read.read_region`) happens before, at the edge.
"""

from collections.abc import Sequence
from typing import NamedTuple

from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Tier, tier_for
from kla_cli.core.scoring import ScoreResult, Totals, region_totals, score_region
from kla_cli.core.submission import Submission
from kla_cli.core.validate import Validation, validate_region


class Assessment(NamedTuple):
    validation: Validation
    result: ScoreResult


def assess(
    rubric: Rubric, submissions: Sequence[Submission], *, whole_region: bool = True
) -> Assessment:
    """Validate and score one region; items with errors are skipped (scored 0).
    `whole_region=False`: forms given one by one (`core.intake.checked_as_region`)."""
    validation = validate_region(rubric, submissions, whole_region=whole_region)
    result = score_region(
        rubric,
        validation.responses,
        region=validation.region,
        year=validation.year,
        skipped=tuple(sorted(validation.invalid, key=_code_key)),
    )
    return Assessment(validation, result)


class Judged(NamedTuple):
    """What a batch shows of a region: its validation and its totals with their predikat."""

    validation: Validation
    totals: Totals
    predicate: Tier | None
    predicate_evidenced: Tier | None
    predicate_verified: Tier | None


def judge(rubric: Rubric, submissions: Sequence[Submission]) -> Judged:
    """`assess` for a batch, which shows a region's totals and how many warnings it has: the
    warnings about answered rows only counted, and the totals without a score for each item,
    indicator and group (`scoring.region_totals`, held equal to `score_region`'s by tests)."""
    validation = validate_region(rubric, submissions, keep_warnings=False)
    totals = region_totals(rubric, validation.responses)
    verified = totals.total_verified
    return Judged(
        validation,
        totals,
        tier_for(rubric, totals.total),
        tier_for(rubric, totals.total_evidenced),
        None if verified is None else tier_for(rubric, verified),
    )


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in code.split("."))
