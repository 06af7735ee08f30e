"""What-if: assumed answers (`kla gap --assume 14.3=b`) read and re-scored, a plan applied."""

from __future__ import annotations

from collections.abc import Mapping

from kla_cli.core.answer_types import Answer
from kla_cli.core.gap.ladder import Basis, basis_total, next_tier
from kla_cli.core.gap.plan import GapAnalysis, Plan, analyse
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Tier
from kla_cli.core.scoring import Response, ScoreResult, item_points, score_region
from kla_cli.errors import KlaError

ASSUMED_EVIDENCE = "(--assume)"
"""The data dukung recorded for an assumed answer."""


def parse_assumption(rubric: Rubric, text: str) -> tuple[str, Answer]:
    """`14.3=b` → ("14.3", "b"); the answer is read like a workbook cell (`13.1=18,5`)."""
    from kla_cli.core.answers import AnswerProblem, parse_answer  # for `--assume` only

    code, sep, raw = text.partition("=")
    code = code.strip()
    if not sep or not code or not raw.strip():
        raise KlaError("gap.assume_syntax", params={"value": text}, hint="gap.assume_syntax.hint")
    index = rubric.item_index
    if code not in index:
        raise KlaError("gap.assume_unknown", params={"code": code}, hint="gap.assume_unknown.hint")
    try:
        return code, parse_answer(index[code][1], raw.strip())
    except AnswerProblem as problem:
        raise KlaError(
            f"finding.{problem.code}",
            f"--assume {text}",
            f"finding.{problem.code}.hint",
            {"code": code, **problem.args_dict},
        ) from None


def what_if(rubric: Rubric, result: ScoreResult, assumptions: Mapping[str, Answer]) -> ScoreResult:
    """Re-score `result` with some answers replaced; assumed answers count as evidenced, and as
    verified at their own points when the result carries verification."""
    responses: dict[str, Response] = {
        s.code: s.response for s in result.all_items() if s.response is not None
    }
    index = rubric.item_index
    for code, answer in assumptions.items():
        indicator, item = index[code]
        old = responses.get(code)
        responses[code] = Response(
            answer=answer,
            evidence=old.evidence if old and old.has_evidence else ASSUMED_EVIDENCE,
            source=ASSUMED_EVIDENCE,
            opd=old.opd if old else rubric.item_opds(indicator, item)[0],
            verified=None if result.total_verified is None else item_points(item, answer),
        )
    return score_region(
        rubric, responses, region=result.region, year=result.year, skipped=result.skipped
    )


def plan_assumptions(plan: Plan) -> dict[str, Answer]:
    """The plan as `--assume` answers (an evidence action assumes the current answer)."""
    return {a.code: a.answer_to for a in plan.actions if a.answer_to is not None}


def apply_plan(rubric: Rubric, result: ScoreResult, plan: Plan) -> ScoreResult:
    """Re-score `result` as if every action of `plan` were done."""
    return what_if(rubric, result, plan_assumptions(plan))


def gap_with_assumptions(
    rubric: Rubric,
    result: ScoreResult,
    target: Tier | None,
    assumed: Mapping[str, Answer],
    basis: Basis,
) -> tuple[GapAnalysis, ScoreResult | None]:
    """What `kla gap` reports on a scored region: the analysis of `result` with the `assumed`
    answers applied, towards `target` (else the next tier not reached on `basis`); and the
    result before the assumptions, when there are any."""
    before = result if assumed else None
    if assumed:
        result = what_if(rubric, result, assumed)
    tier = target or next_tier(rubric, basis_total(result, basis))
    return analyse(rubric, result, tier, basis), before
