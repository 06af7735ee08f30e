"""The desk: where a region in progress stands (pure), for `kla status` and `kla followup`.

Between sending the forms and the deadline the secretariat asks every day: which OPDs have sent
their form, which forms have errors, which came twice (and which copy counts), what is still
unanswered or without data dukung, what the totals are now and how far the target is, and how
many days are left. Everything here is computed from one `Assessment` (the region as read so
far); nothing is read or printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kla_cli.core.assess import Assessment
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.gap.ladder import next_tier, points_needed
from kla_cli.core.intake import Resent, form_opd
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import RESPONDENT_OPDS, Opd, Tier, tier_for
from kla_cli.core.scoring import ItemScore
from kla_cli.core.submission import Submission
from kla_cli.core.validate import NON_BLOCKING


class State(StrEnum):
    MISSING = "missing"
    """No form received yet."""
    ERRORS = "errors"
    """Received, with errors to correct (unanswered questions aside: they are counted)."""
    CLEAN = "clean"
    """Received, no error."""


@dataclass(frozen=True)
class OpdStatus:
    opd: Opd
    state: State
    files: tuple[str, ...]
    """The files read for this OPD (one, unless several forms answer for it)."""
    resent: Resent | None
    """Two or more forms from this OPD: which one is used and why."""
    unanswered: tuple[ItemScore, ...]
    """Questions it leads still without a usable answer (blank or with errors)."""
    evidence_missing: tuple[ItemScore, ...]
    """Questions it leads answered without the data dukung they need (points at stake)."""
    errors: tuple[Finding, ...]
    warnings: int
    cells: dict[str, str]
    """Question code -> where to fix it: the answer cell of an unanswered question, the data
    dukung cell of a missing document (`file:Isian!F12`), from the findings."""
    points: float
    points_evidenced: float
    max: float

    @property
    def at_stake(self) -> float:
        """Points lost at verification for the missing data dukung."""
        return round(sum((s.points - s.points_evidenced for s in self.evidence_missing), 0.0), 2)


@dataclass(frozen=True)
class Status:
    region: str | None
    year: str | None
    opds: tuple[OpdStatus, ...]
    total: float
    total_evidenced: float
    total_verified: float | None
    predicate: Tier | None
    predicate_evidenced: Tier | None
    target: Tier
    target_given: bool
    """False when `target` is only the next tier above the evidenced total."""
    points_to_target: float
    """On the evidenced total (what survives verification)."""
    deadline: date | None
    days_left: int | None
    skipped: tuple[str, ...]
    """kla's own outputs found in the folder and not read."""
    unplaced: tuple[str, ...]
    """Files read that answer for no OPD of the rubric: damaged, not a form, an OPD kla does
    not know (their findings say which); perhaps a form an OPD sent, so the desk names them."""
    max_total: float

    def count(self, state: State) -> int:
        return sum(1 for o in self.opds if o.state is state)

    @property
    def received(self) -> int:
        return sum(1 for o in self.opds if o.state is not State.MISSING)


def region_status(
    rubric: Rubric,
    assessment: Assessment,
    submissions: Sequence[Submission],
    *,
    target: Tier | None = None,
    deadline: date | None = None,
    today: date | None = None,
) -> Status:
    """Where the region stands: every OPD of the rubric that leads questions, the totals, the
    points to `target` (else to the next tier) and the days left to `deadline` from `today`."""
    validation, result = assessment.validation, assessment.result
    intake = validation.intake
    resent = {r.opd: r for r in intake.resent} if intake else {}
    files_of: dict[str, list[str]] = {}
    unplaced: list[str] = []
    for sub in submissions:
        owner = form_opd(rubric, sub) or _inventory_opd(sub)
        if owner and sub.kla_output is None:
            files_of.setdefault(owner, []).append(sub.file)
        elif sub.kla_output is None and not sub.recap:
            unplaced.append(sub.file)
    used_files = {s.file for s in intake.forms} if intake else {s.file for s in submissions}
    scores = {s.code: s for s in result.all_items()}
    findings_by_file: dict[str, list[Finding]] = {}
    for finding in validation.findings:
        findings_by_file.setdefault(finding.file, []).append(finding)

    rows = []
    for opd in rubric.opds:
        led = rubric.items_by_opd.get(opd.id, ())
        if not led:
            continue
        items = [scores[item.code] for _, item in led if item.code in scores]
        files = tuple(files_of.get(opd.id, ()))
        if opd.id in RESPONDENT_OPDS:
            files = tuple(files_of.get("inventory", ()))
        found = [f for file in files if file in used_files for f in findings_by_file.get(file, ())]
        errors = tuple(
            f for f in found if f.severity is Severity.ERROR and f.code not in NON_BLOCKING
        )
        received = bool(files) or (opd.id in validation.opds)
        state = State.MISSING if not received else (State.ERRORS if errors else State.CLEAN)
        rows.append(
            OpdStatus(
                opd=opd,
                state=state,
                files=files,
                resent=resent.get(opd.id),
                unanswered=tuple(s for s in items if s.response is None),
                evidence_missing=tuple(
                    s for s in items if s.evidence_missing and s.points > s.points_evidenced
                ),
                errors=errors,
                warnings=sum(1 for f in found if f.severity is Severity.WARNING),
                cells={f.item: f.location for f in found if f.item and f.cell},
                points=round(sum(s.points for s in items), 2),
                points_evidenced=round(sum(s.points_evidenced for s in items), 2),
                max=round(sum(s.max for s in items), 2),
            )
        )
    aimed = target or next_tier(rubric, result.total_evidenced)
    return Status(
        region=result.region,
        year=result.year,
        opds=tuple(rows),
        total=result.total,
        total_evidenced=result.total_evidenced,
        total_verified=result.total_verified,
        predicate=tier_for(rubric, result.total),
        predicate_evidenced=tier_for(rubric, result.total_evidenced),
        target=aimed,
        target_given=target is not None,
        points_to_target=points_needed(rubric, result.total_evidenced, aimed),
        deadline=deadline,
        days_left=(deadline - today).days if deadline and today else None,
        skipped=tuple(s.file for s in intake.skipped) if intake else (),
        unplaced=tuple(unplaced),
        max_total=rubric.max_total,
    )


def _inventory_opd(sub: Submission) -> str | None:
    """The kecamatan/desa inventory answers for the respondents (one file for both)."""
    return "inventory" if sub.inventory is not None else None
