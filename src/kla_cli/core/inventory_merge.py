"""The inventory's answers merged with the OPD forms' (pure): the kecamatan and desa/kelurahan
questions computed from the inventory count over an OPD's answer to the same question, and a
disagreement is a warning at the OPD's cell; an empty inventory column leaves the question to
the forms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kla_cli.core.answers import display
from kla_cli.core.consolidate import Candidate
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.form_layout import ANSWER_SHEET
from kla_cli.core.inventory import inventory_items, inventory_responses, shares
from kla_cli.core.rubric import Rubric
from kla_cli.core.scoring import Response
from kla_cli.core.submission import Submission

WARNING = Severity.WARNING


def merge_inventories(
    rubric: Rubric,
    subs: Sequence[Submission],
    seen: Mapping[str, Candidate],
    responses: dict[str, Response],
    invalid: set[str],
) -> list[Finding]:
    """Put the inventories' answers into `responses` (over an OPD's answer to the same question)
    and their unreadable questions into `invalid`; the findings on their cells, returned.

    `seen`: the answer that counts per item code (with its row and file), from `consolidate`.
    """
    if not subs:  # most regions: no inventory
        return []
    flagged = bool(inventory_items(rubric))
    index = rubric.item_index
    empty: dict[str, tuple[Submission, str, str]] = {}
    findings: list[Finding] = []
    for sub in subs:
        if sub.inventory is None:
            continue
        if not flagged:
            findings.append(
                Finding(WARNING, "inventory-unused", sub.file, args={"rubric": rubric.id})
            )
            continue
        reading = shares(rubric, sub.inventory, sub.file)
        findings.extend(reading.findings)
        invalid |= reading.invalid
        for code, (sheet, cell) in reading.empty.items():
            empty.setdefault(code, (sub, sheet, cell))
        for code, response in inventory_responses(rubric, reading.shares).items():
            share = reading.shares[code]
            if code in responses and responses[code].coverage is not None:
                where = responses[code].source or ""
                findings.append(
                    Finding(
                        WARNING,
                        "inventory-twice",
                        sub.file,
                        share.sheet,
                        share.cells,
                        {"code": code, "other": where},
                        code,
                    )
                )
                continue
            if code in seen:
                given = seen[code]
                row, form = given.row, given.sub
                if not _same(given.answer, response.answer):
                    args = {
                        "code": code,
                        "form": display(row.answer),
                        "yes": share.yes,
                        "total": share.total,
                        "percent": f"{share.percent:.4g}",
                    }
                    findings.append(
                        Finding(
                            WARNING,
                            "inventory-disagrees",
                            form.file,
                            form.sheet or ANSWER_SHEET,
                            row.answer_cell,
                            args,
                            code,
                        )
                    )
            if index[code][1].evidence and not response.has_evidence:
                findings.append(
                    Finding(
                        WARNING,
                        "evidence-missing",
                        sub.file,
                        share.sheet,
                        share.evidence_cell,
                        {"code": code},
                        code,
                    )
                )
            invalid.discard(code)
            responses[code] = response
    for code, (sub, sheet, cell) in empty.items():
        if code not in responses and code not in invalid:
            findings.append(
                Finding(
                    WARNING, "inventory-empty-column", sub.file, sheet, cell, {"code": code}, code
                )
            )
    return findings


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) < 0.005
    return a == b
