"""What `kla status` and `kla followup` share at the edge: today's date (injectable for tests
and reproducible documents), `--deadline`, `--target`, reading the region, and the polling
loop of `kla status --watch`."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kla_cli.cli.framework import h
from kla_cli.errors import KlaError

if TYPE_CHECKING:
    from kla_cli.core.assess import Assessment
    from kla_cli.core.rubric import Rubric
    from kla_cli.core.rubric_leaves import Tier
    from kla_cli.core.submission import Submission
    from kla_cli.io.output import Inputs

DeadlineOpt = Annotated[
    str | None,
    typer.Option("--deadline", help=h("help.deadline"), show_default=False, metavar="YYYY-MM-DD"),
]
TargetOpt = Annotated[
    str | None,
    typer.Option("--target", "-t", help=h("help.gap_target"), show_default=False),
]


def today() -> date:
    """Today, unless `KLA_TODAY` (YYYY-MM-DD) or `SOURCE_DATE_EPOCH` says otherwise (tests,
    reproducible documents)."""
    fixed = os.environ.get("KLA_TODAY", "").strip()
    if fixed:
        return parse_date(fixed, "KLA_TODAY")
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def parse_date(text: str, where: str = "--deadline") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise KlaError("desk.bad_date", where, "desk.bad_date.hint", {"value": text}) from None


def deadline_and_target(
    rubric: Rubric, deadline: str | None, target: str | None
) -> tuple[date | None, Tier | None]:
    from kla_cli.cli.options import target_tier

    return parse_date(deadline) if deadline else None, target_tier(rubric, target)


def assess_region(
    rubric: Rubric, path: Path, columns: str | None
) -> tuple[list[Submission], Assessment, Inputs]:
    """The region's folder (or recap) read and assessed as it stands."""
    from kla_cli.cli.options import read_region
    from kla_cli.core.assess import assess

    submissions, inputs = read_region([path], columns)
    return submissions, assess(rubric, submissions), inputs


def folder_state(path: Path) -> tuple[tuple[str, float, int], ...]:
    """What changes when a file arrives, is replaced or removed: names, times and sizes."""
    from kla_cli.workbook.paths import workbook_paths

    try:
        files = workbook_paths([path])
    except KlaError:
        return ()
    found = []
    for file in files:
        try:
            info = file.stat()
        except OSError:
            continue
        found.append((file.name, info.st_mtime, info.st_size))
    return tuple(found)


def watch(
    draw: Callable[[], None],
    state: Callable[[], object],
    interval: float,
    *,
    sleep: Callable[[float], None] = time.sleep,
    iterations: int | None = None,
) -> int:
    """Draw, then poll `state` every `interval` seconds and draw again when it changed; until
    Ctrl-C (or `iterations` polls, for tests). Returns how many times it drew."""
    drawn, polls = 0, 0
    try:
        seen = state()
        draw()
        drawn += 1
        while iterations is None or polls < iterations:
            sleep(interval)
            polls += 1
            now = state()
            if now != seen:
                seen = now
                draw()
                drawn += 1
    except KeyboardInterrupt:
        pass
    return drawn
