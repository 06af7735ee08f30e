"""The questions cut at verification: self-assessed points above the verifier's (Nilai VA), with
who answers them (lead OPD first, then the co-sources), the data dukung the question asks for and
the verifier's note. Where a verified gap plan starts ("721 self-assessed, 588,40 verified: who
does what first")."""

from typing import NamedTuple

from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Text
from kla_cli.core.scoring import ScoreResult


class Cut(NamedTuple):
    code: str
    question: Text
    indicator: str
    group: str
    opds: tuple[str, ...]
    """Lead OPD first, then the co-sources."""
    points: float
    """As self-assessed (EM)."""
    verified: float
    """As verified (VA)."""
    max: float
    evidence_asked: Text | None
    note: str | None
    """The verifier's note (Catatan Verifikasi), if any."""

    @property
    def lost(self) -> float:
        return round(self.points - self.verified, 2)


def verification_cuts(rubric: Rubric, result: ScoreResult) -> tuple[Cut, ...]:
    """Every question whose verified points are below its self-assessed points, the largest cut
    first (then in rubric order); empty when the result carries no verification."""
    found: list[tuple[tuple[float, int], Cut]] = []
    index = rubric.item_index
    order = 0
    for ind_score in result.indicators:
        for score in ind_score.items:
            order += 1
            checked = score.points_verified
            if checked is None or checked >= score.points or score.code not in index:
                continue
            indicator, item = index[score.code]
            cut = Cut(
                code=score.code,
                question=score.question,
                indicator=ind_score.id,
                group=ind_score.group,
                opds=rubric.item_opds(indicator, item),
                points=score.points,
                verified=checked,
                max=score.max,
                evidence_asked=item.evidence_asked,
                note=score.response.note if score.response else None,
            )
            found.append(((-cut.lost, order), cut))
    return tuple(c for _, c in sorted(found, key=lambda pair: pair[0]))
