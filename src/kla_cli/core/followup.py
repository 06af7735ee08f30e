"""The follow-up to each OPD (pure): what is missing or rejected, then the improvements that
reach the target, cheapest first, for `kla followup` (issue 19).

Built from the desk (`core.status`: what each OPD still owes) and the gap plan (`core.gap`:
which actions reach the target), never recomputed: a message says what `kla status` and
`kla gap` say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kla_cli.core.gap.actions import Action
from kla_cli.core.gap.plan import GapAnalysis
from kla_cli.core.rubric import Indicator, Item, Rubric
from kla_cli.core.rubric_leaves import Opd, Text, Tier
from kla_cli.core.status import OpdStatus, State, Status


class Owed(StrEnum):
    FORM = "form"
    """The whole form: not received yet."""
    ERROR = "error"
    """An answer kla could not read (an error to correct)."""
    UNANSWERED = "unanswered"
    EVIDENCE = "evidence"
    """Answered, the data dukung missing: its points are lost at verification."""


@dataclass(frozen=True)
class Missing:
    kind: Owed
    code: str
    question: Text | None
    where: str | None
    """The cell to fill (`dinkes.xlsx:Isian!H30`), when the form is in."""
    evidence_asked: Text | None
    points: float
    """The points at stake."""
    problem: str | None = None
    """For an error: what is wrong (the finding's text, in the output language)."""


@dataclass(frozen=True)
class FollowUp:
    opd: Opd
    state: State
    missing: tuple[Missing, ...]
    improvements: tuple[Action, ...]
    """The plan's actions this OPD leads that are not already in `missing`, cheapest first."""

    @property
    def at_stake(self) -> float:
        return round(sum((m.points for m in self.missing), 0.0), 2)

    @property
    def gain(self) -> float:
        return round(sum((a.gain for a in self.improvements), 0.0), 2)

    @property
    def empty(self) -> bool:
        return not self.missing and not self.improvements


@dataclass(frozen=True)
class FollowUps:
    region: str | None
    year: str | None
    target: Tier
    target_given: bool
    points_to_target: float
    deadline: date | None
    days_left: int | None
    opds: tuple[FollowUp, ...]


def follow_ups(
    rubric: Rubric, status: Status, analysis: GapAnalysis, lang_problem: dict[str, str]
) -> FollowUps:
    """One follow-up per OPD of `status` with something to ask; `analysis` is the gap towards
    the same target on the evidenced total. `lang_problem`: an error finding's text by its
    location (the caller words findings in the output language)."""
    index = rubric.item_index
    found = []
    for row in status.opds:
        missing = _missing(index, row, lang_problem)
        owed = {m.code for m in missing}
        improvements = tuple(
            a for a in analysis.plan.actions if a.opds[:1] == (row.opd.id,) and a.code not in owed
        )
        follow = FollowUp(row.opd, row.state, missing, improvements)
        if not follow.empty:
            found.append(follow)
    return FollowUps(
        region=status.region,
        year=status.year,
        target=status.target,
        target_given=status.target_given,
        points_to_target=status.points_to_target,
        deadline=status.deadline,
        days_left=status.days_left,
        opds=tuple(found),
    )


def _missing(
    index: dict[str, tuple[Indicator, Item]], row: OpdStatus, problems: dict[str, str]
) -> tuple[Missing, ...]:
    def item(code: str) -> Item | None:
        entry = index.get(code)
        return entry[1] if entry else None

    out: list[Missing] = []
    error_codes = set()
    for finding in row.errors:
        if finding.item:
            error_codes.add(finding.item)
        it = item(finding.item) if finding.item else None
        out.append(
            Missing(
                Owed.ERROR,
                finding.item or "",
                it.question if it else None,
                finding.location,
                it.evidence_asked if it else None,
                it.max if it else 0.0,
                problems.get(finding.location),
            )
        )
    kind = Owed.FORM if row.state is State.MISSING else Owed.UNANSWERED
    for score in row.unanswered:
        if score.code in error_codes:
            continue
        it = item(score.code)
        out.append(
            Missing(
                kind,
                score.code,
                score.question,
                row.cells.get(score.code),
                it.evidence_asked if it else None,
                score.max,
            )
        )
    for score in row.evidence_missing:
        it = item(score.code)
        out.append(
            Missing(
                Owed.EVIDENCE,
                score.code,
                score.question,
                row.cells.get(score.code),
                it.evidence_asked if it else None,
                round(score.points - score.points_evidenced, 2),
            )
        )
    return tuple(out)
