"""From paths to a validated, scored region: the steps every command shares.

`read_region` is the I/O step (workbook files in); `assess` is pure (submissions in, validation
and score out).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kla_cli.core.rubric import Rubric
from kla_cli.core.scoring import ScoreResult, score_region
from kla_cli.core.submission import Submission
from kla_cli.core.validate import Validation, validate_region
from kla_cli.workbook.paths import workbook_paths
from kla_cli.workbook.read import read_workbook


@dataclass(frozen=True)
class Assessment:
    validation: Validation
    result: ScoreResult


def read_region(paths: Iterable[Path]) -> list[Submission]:
    """Read every workbook under `paths` (files or folders of one region)."""
    return [read_workbook(path) for path in workbook_paths(paths)]


def assess(rubric: Rubric, submissions: Sequence[Submission]) -> Assessment:
    """Validate and score one region; items with errors are skipped (scored 0)."""
    validation = validate_region(rubric, submissions)
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
