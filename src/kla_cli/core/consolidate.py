"""Which answer counts when several files answer one question (pure).

A question names its OPDs: the first leads, the others are co-sources (`Rubric.item_opds`).
Every OPD's form carries the questions it leads or co-sources, so one question may come back
answered more than once. The rules, applied once every file of the region is read (so that the
order of the files does not matter):

- the lead's answer counts; a co-source that answered differently is ONE warning naming the
  question, both OPDs and both answers (`cosource-differs`); a co-source that agrees is silent;
- with no answer from the lead, a co-source's answer counts without a warning; two co-sources
  that disagree are a conflict (kla cannot know which is right);
- two answers from an OPD the question does not name (or two forms naming no OPD kla knows)
  are compared as before (two forms of one known OPD never get here: `core.intake` reads the
  newer one only): the same answer is a `duplicate-answer` warning, a different one
  a `conflicting-answers` error that leaves the question unscored.
"""

from collections.abc import Callable
from enum import Enum
from typing import NamedTuple

from kla_cli.core.answer_types import Answer
from kla_cli.core.answers import display
from kla_cli.core.findings import Finding, Severity, named_beside
from kla_cli.core.form_layout import ANSWER_SHEET
from kla_cli.core.rubric import Rubric
from kla_cli.core.scoring import Response
from kla_cli.core.submission import Row, Submission


class Role(Enum):
    LEAD = "lead"
    COSOURCE = "cosource"
    OTHER = "other"
    """An OPD the question does not name, or none kla knows."""


def role_of(opd_id: str | None, responsible: tuple[str, ...]) -> Role:
    """The part `opd_id` plays in a question whose OPDs are `responsible` (lead first)."""
    if opd_id is None or opd_id not in responsible:
        return Role.OTHER
    return Role.LEAD if opd_id == responsible[0] else Role.COSOURCE


class Candidate(NamedTuple):
    """One file's answer to one question, before kla decides which answer counts.

    Only the answer that counts becomes a `Response` (`response`): a question is answered two
    or three times in a region (its lead and its co-sources), and a national batch makes
    hundreds of thousands of candidates."""

    answer: Answer
    opd: str | None
    """The OPD that gave it (a rubric id when kla knows the OPD), as `Response.opd`."""
    verified: float | None
    row: Row
    sub: Submission
    role: Role

    def response(self) -> Response:
        row, sub = self.row, self.sub
        return Response(
            self.answer,
            row.evidence,
            f"{sub.file}:{sub.sheet}!{row.answer_col}{row.row}",  # `Row.answer_cell`
            self.opd,
            self.verified,
            row.verifier_note,
        )

    def where_seen_from(self, other: "Candidate") -> str:
        """This answer's file, sheet and cell as a finding on `other` names them."""
        shown = named_beside(self.sub.file, other.sub.file)
        return f"{shown}:{self.sub.sheet}!{self.row.answer_cell}"


Add = Callable[[Severity, str, Candidate, dict[str, object]], None]


def consolidate(
    rubric: Rubric,
    candidates: dict[str, list[Candidate]],
    findings: list[Finding],
    invalid: set[str],
    responses: dict[str, Response],
) -> dict[str, Candidate]:
    """Pick the answer that counts for each question (code -> candidate, in `responses` too);
    findings for answers that disagree; conflicting questions go to `invalid`."""

    def add(severity: Severity, code: str, at: Candidate, args: dict[str, object]) -> None:
        sheet = at.sub.sheet or ANSWER_SHEET
        item = at.row.code
        findings.append(Finding(severity, code, at.sub.file, sheet, at.row.answer_cell, args, item))

    chosen: dict[str, Candidate] = {}
    for code, found in candidates.items():
        pick = _pick(rubric, found, add)
        if pick is None:
            invalid.add(code)
            continue
        chosen[code] = pick
        responses[code] = pick.response()
    return chosen


def _pick(rubric: Rubric, found: list[Candidate], add: Add) -> Candidate | None:
    """The answer that counts among one question's answers, or None for a conflict."""
    if len(found) == 1:
        return found[0]
    leads = [c for c in found if c.role is Role.LEAD]
    if not leads:
        return _in_order(found, add)
    lead = leads[0] if len(leads) == 1 else _in_order(leads, add)
    if lead is None:
        return None
    for other in found:
        if other.role is Role.LEAD:
            continue
        if other.role is Role.COSOURCE:
            if other.answer != lead.answer:
                add(Severity.WARNING, "cosource-differs", other, _differs(rubric, lead, other))
        elif not _same_as_before(lead, other, add):
            return None
    return lead


def _in_order(found: list[Candidate], add: Add) -> Candidate | None:
    """The first answer counts; each later one agrees with it or conflicts."""
    first = found[0]
    ok = True
    for later in found[1:]:
        if _cosources(first, later):
            if later.answer != first.answer:
                _conflict(first, later, add)
                ok = False
            continue
        ok = _same_as_before(first, later, add) and ok
    return first if ok else None


def _cosources(first: Candidate, later: Candidate) -> bool:
    """Two different co-sources of the question."""
    return first.role is Role.COSOURCE and later.role is Role.COSOURCE and first.opd != later.opd


def _same_as_before(first: Candidate, later: Candidate, add: Add) -> bool:
    """The rule for two forms of one OPD (or an OPD the question does not name): the same
    answer is a warning, a different one a conflict. False on a conflict."""
    if later.answer == first.answer:
        add(
            Severity.WARNING,
            "duplicate-answer",
            later,
            {"code": later.row.code, "other": first.where_seen_from(later)},
        )
        return True
    _conflict(first, later, add)
    return False


def _conflict(first: Candidate, later: Candidate, add: Add) -> None:
    add(
        Severity.ERROR,
        "conflicting-answers",
        later,
        {
            "code": later.row.code,
            "other": first.where_seen_from(later),
            "value": display(later.row.answer),
            "first": display(first.row.answer),
        },
    )


def _differs(rubric: Rubric, lead: Candidate, other: Candidate) -> dict[str, object]:
    def name(c: Candidate) -> str:
        opd = rubric.opd_by_name(c.opd) if c.opd else None
        return opd.name if opd else (c.opd or "?")

    return {
        "code": other.row.code,
        "lead": name(lead),
        "lead_answer": display(lead.row.answer),
        "opd": name(other),
        "answer": display(other.row.answer),
        "other": lead.where_seen_from(other),
    }
