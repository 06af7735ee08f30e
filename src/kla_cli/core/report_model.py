"""What a report says (pure): summary, ladder to the next tiers, groups, indicators, findings.

Built from the rubric, the score and the validation; the writers (Excel, HTML, Markdown) only lay
it out. Texts stay bilingual (`Text`) and findings stay `Finding` values, so one model serves both
languages.

The report is *about* one total, its `basis`: the verifier's (VA) when the result carries it, else
the total with evidence (what survives verification). The headline predikat, the points to the
next tier, the ladder, the biggest gaps and the plan are all measured on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kla_cli.core.findings import Finding, Severity
from kla_cli.core.gap.actions import Action
from kla_cli.core.gap.ladder import Basis, basis_total, next_tier, points_needed
from kla_cli.core.gap.ladder import ladder as gap_ladder
from kla_cli.core.gap.plan import OpdPlan, Plan, make_plan, plan_by_opd
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Text, Tier
from kla_cli.core.scoring import GroupScore, IndicatorScore, ScoreResult


@dataclass(frozen=True)
class Rung:
    """A tier above the current one, and how many points are still missing to reach it."""

    tier: Tier
    floor: float
    needed: float
    """From the self-assessed total (0 once reached)."""
    needed_evidenced: float
    needed_verified: float | None = None
    """From the verified total (VA); None when the result carries none."""


@dataclass(frozen=True)
class EvidenceStatus:
    """Data dukung of one indicator's items that require it."""

    required: int
    present: int
    missing: int
    """Answered without the required evidence (points lost at verification)."""
    unanswered: int


@dataclass(frozen=True)
class IndicatorRow:
    number: str
    group: str
    name: Text
    score: float
    score_evidenced: float
    max: float
    opds: tuple[str, ...]
    """Ids of the responsible OPDs (lead first); `Report.opd_short` names them."""
    evidence: EvidenceStatus
    score_verified: float | None = None
    """The verifier's points (VA); None when the result carries none."""

    @property
    def gap(self) -> float:
        return round(self.max - self.score, 2)

    def on(self, basis: Basis) -> float:
        """The indicator's points on `basis`."""
        if basis is Basis.VERIFIED:
            return self.score_verified or 0.0
        return self.score_evidenced if basis is Basis.EVIDENCED else self.score


@dataclass(frozen=True)
class GroupGap:
    """A group and the points it still misses on the report's basis."""

    group: GroupScore
    points: float
    """On the basis."""
    gap: float


@dataclass(frozen=True)
class Report:
    rubric: Rubric
    """For the OPDs' short and full names and the items' answer labels."""
    rubric_id: str
    rubric_version: str
    rubric_title: Text
    provisional: bool
    region: str | None
    year: str | None
    total: float
    total_evidenced: float
    max_total: float
    predicate: Tier | None
    predicate_evidenced: Tier | None
    lowest: float
    """The lowest tier's minimum (below it: no predikat)."""
    ladder: tuple[Rung, ...]
    groups: tuple[GroupScore, ...]
    indicators: tuple[IndicatorRow, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[str, ...]
    unanswered: int
    evidence_lost: float
    """Points that count as answered but not with evidence."""
    evidence_lost_items: int
    target: Tier
    """The plan's target: the next tier above the basis total (or the highest)."""
    plan: Plan
    """The gap plan on the basis total (verified, else with evidence)."""
    plan_opds: tuple[OpdPlan, ...]
    provisional_points: bool = False
    """The rubric's points themselves are provisional, not only its graded steps."""
    total_verified: float | None = None
    """The verifier's total (VA); None when the result carries no verified points."""
    predicate_verified: Tier | None = None
    verified_cut: float = 0.0
    """Points the verifier took off the self-assessed ones."""
    verified_cut_items: int = 0
    printed: datetime | None = None
    """When the document is printed (SOURCE_DATE_EPOCH when set, for reproducible files)."""

    @property
    def basis(self) -> Basis:
        """The total the report is about: verified when known, else with evidence."""
        return Basis.VERIFIED if self.verified else Basis.EVIDENCED

    @property
    def basis_total(self) -> float:
        if self.total_verified is not None:
            return self.total_verified
        return self.total_evidenced

    @property
    def basis_predicate(self) -> Tier | None:
        return self.predicate_verified if self.verified else self.predicate_evidenced

    @property
    def target_needed(self) -> float:
        """Points the basis total still misses to the plan's target (0 when reached)."""
        return points_needed(self.rubric, self.basis_total, self.target)

    def group_gaps(self, count: int = 3) -> tuple[GroupGap, ...]:
        """The `count` groups missing the most points on the basis, largest first."""
        gaps = [GroupGap(g, _on(g, self), round(g.max - _on(g, self), 2)) for g in self.groups]
        return tuple(sorted(gaps, key=lambda g: -g.gap)[:count])

    def first_actions(self, count: int = 5) -> tuple[Action, ...]:
        """The plan's first actions (evidence first, then the cheapest answer steps)."""
        return self.plan.actions[:count]

    def opd_short(self, opd_id: str) -> str:
        """An OPD as people call it (its first alias), else the id as given."""
        opd = next((o for o in self.rubric.opds if o.id == opd_id), None)
        return opd.short if opd else opd_id

    def opds_named(self) -> tuple[tuple[str, str], ...]:
        """(short, full name) of every OPD the report names by its short name, rubric order;
        printed once as a legend."""
        used = {o for ind in self.indicators for o in ind.opds}
        used |= {o for a in self.plan.actions for o in a.opds}
        return tuple((o.short, o.name) for o in self.rubric.opds if o.id in used)

    @property
    def verified(self) -> bool:
        """Whether the result carries the verifier's points (a VA stage to show)."""
        return self.total_verified is not None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)


def _on(group: GroupScore, report: Report) -> float:
    if report.verified:
        return group.score_verified or 0.0
    return group.score_evidenced


def ladder(rubric: Rubric, result: ScoreResult, basis: Basis) -> tuple[Rung, ...]:
    """Every tier above the `basis` total's, with the points each total still misses (0 once a
    total reaches it): the ladder starts where the total the report is about stands."""
    verified = result.total_verified
    return tuple(
        Rung(
            tier=rung.tier,
            floor=rung.floor,
            needed=points_needed(rubric, result.total, rung.tier),
            needed_evidenced=points_needed(rubric, result.total_evidenced, rung.tier),
            needed_verified=None
            if verified is None
            else points_needed(rubric, verified, rung.tier),
        )
        for rung in gap_ladder(rubric, basis_total(result, basis))
    )


def evidence_status(indicator: IndicatorScore) -> EvidenceStatus:
    needing = [i for i in indicator.items if i.evidence_required]
    answered = [i for i in needing if i.response is not None]
    present = [i for i in answered if i.response is not None and i.response.has_evidence]
    return EvidenceStatus(
        required=len(needing),
        present=len(present),
        missing=len(answered) - len(present),
        unanswered=len(needing) - len(answered),
    )


def build_report(
    rubric: Rubric,
    result: ScoreResult,
    findings: list[Finding] | tuple[Finding, ...] = (),
    printed: datetime | None = None,
) -> Report:
    items = result.all_items()
    basis = Basis.EVIDENCED if result.total_verified is None else Basis.VERIFIED
    target = next_tier(rubric, basis_total(result, basis))
    plan = make_plan(rubric, result, target, basis)
    cut = [i for i in items if i.points_verified is not None and i.points_verified < i.points]
    return Report(
        rubric=rubric,
        rubric_id=result.rubric_id,
        rubric_version=result.rubric_version,
        rubric_title=rubric.title,
        provisional=result.provisional,
        provisional_points=result.provisional_points,
        region=result.region,
        year=result.year,
        total=result.total,
        total_evidenced=result.total_evidenced,
        max_total=result.max_total,
        predicate=result.predicate,
        predicate_evidenced=result.predicate_evidenced,
        lowest=rubric.tiers[0].min,
        ladder=ladder(rubric, result, basis),
        groups=result.groups,
        indicators=tuple(
            IndicatorRow(
                number=ind.id,
                group=ind.group,
                name=ind.name,
                score=ind.score,
                score_evidenced=ind.score_evidenced,
                max=ind.max,
                opds=ind.opd,
                evidence=evidence_status(ind),
                score_verified=ind.score_verified,
            )
            for ind in result.indicators
        ),
        findings=tuple(findings),
        skipped=result.skipped,
        unanswered=sum(1 for i in items if not i.answered),
        evidence_lost=round(sum(i.points - i.points_evidenced for i in items), 2),
        evidence_lost_items=sum(1 for i in items if i.points > i.points_evidenced),
        target=target,
        plan=plan,
        plan_opds=plan_by_opd(rubric, plan),
        total_verified=result.total_verified,
        predicate_verified=result.predicate_verified,
        verified_cut=round(sum(i.points - (i.points_verified or 0.0) for i in cut), 2),
        verified_cut_items=len(cut),
        printed=printed,
    )
