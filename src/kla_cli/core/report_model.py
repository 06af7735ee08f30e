"""What a report says (pure): summary, ladder to the next tiers, groups, indicators, findings.

Built from the rubric, the score and the validation; the writers (Excel, HTML, Markdown) only lay
it out. Texts stay bilingual (`Text`) and findings stay `Finding` values, so one model serves both
languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from kla_cli.core.findings import Finding, Severity
from kla_cli.core.gap.ladder import Basis, next_tier, points_needed
from kla_cli.core.gap.ladder import ladder as gap_ladder
from kla_cli.core.gap.plan import OpdPlan, Plan, make_plan, plan_by_opd
from kla_cli.core.rubric import Rubric, Text, Tier
from kla_cli.core.scoring import GroupScore, IndicatorScore, ScoreResult


@dataclass(frozen=True)
class Rung:
    """A tier above the current one, and how many points are still missing to reach it."""

    tier: Tier
    floor: float
    needed: float
    needed_evidenced: float


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
    """Names of the responsible OPDs (lead first)."""
    evidence: EvidenceStatus
    score_verified: float | None = None
    """The verifier's points (VA); None when the result carries none."""

    @property
    def gap(self) -> float:
        return round(self.max - self.score, 2)


@dataclass(frozen=True)
class Report:
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
    """The plan's target: the next tier above the total with evidence (or the highest)."""
    plan: Plan
    """The gap plan on the total with evidence (what survives verification)."""
    plan_opds: tuple[OpdPlan, ...]
    provisional_points: bool = False
    """The rubric's points themselves are provisional, not only its graded steps."""
    total_verified: float | None = None
    """The verifier's total (VA); None when the result carries no verified points."""
    predicate_verified: Tier | None = None
    verified_cut: float = 0.0
    """Points the verifier took off the self-assessed ones."""
    verified_cut_items: int = 0

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


def ladder(rubric: Rubric, total: float, total_evidenced: float) -> tuple[Rung, ...]:
    """Every tier above `total`'s, with the points missing from both totals."""
    return tuple(
        Rung(
            tier=rung.tier,
            floor=rung.floor,
            needed=rung.points_needed,
            needed_evidenced=points_needed(rubric, total_evidenced, rung.tier),
        )
        for rung in gap_ladder(rubric, total)
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
) -> Report:
    names = {o.id: o.name for o in rubric.opds}
    items = result.all_items()
    target = next_tier(rubric, result.total_evidenced)
    plan = make_plan(rubric, result, target, Basis.EVIDENCED)
    cut = [i for i in items if i.points_verified is not None and i.points_verified < i.points]
    return Report(
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
        ladder=ladder(rubric, result.total, result.total_evidenced),
        groups=result.groups,
        indicators=tuple(
            IndicatorRow(
                number=ind.id,
                group=ind.group,
                name=ind.name,
                score=ind.score,
                score_evidenced=ind.score_evidenced,
                max=ind.max,
                opds=tuple(names.get(o, o) for o in ind.opd),
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
    )
