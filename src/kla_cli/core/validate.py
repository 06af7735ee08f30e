"""Validate one region's OPD submissions and consolidate them into responses (pure).

Every problem becomes a `Finding` (never an exception), so the secretariat sees all of them at
once. The responses are what scoring uses: one per item, from the OPD that answered it (the
lead's answer when the lead and a co-source both did: `consolidate`); items whose answers had
errors are left out and listed in `invalid`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kla_cli.core.answer_types import Answer, Nilai
from kla_cli.core.answers import AnswerProblem, display, is_blank, parse_answer, parse_nilai
from kla_cli.core.consolidate import Candidate, consolidate, role_of
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.form_layout import ANSWER_SHEET, META_ROWS, META_SHEET, meta_cell
from kla_cli.core.intake import Intake, take_in
from kla_cli.core.inventory import inventory_items
from kla_cli.core.inventory_merge import merge_inventories
from kla_cli.core.recap_check import check_recap, verified_points, wrong_rubric
from kla_cli.core.rubric import Indicator, Item, Rubric
from kla_cli.core.rubric_leaves import RESPONDENT_OPDS, AnswerType, Opd, fold
from kla_cli.core.scoring import Response, item_points, names_evidence, says_no_evidence
from kla_cli.core.submission import Row, Submission

ERROR, WARNING = Severity.ERROR, Severity.WARNING

NON_BLOCKING = frozenset({"unanswered"})
"""Error codes that do not stop `kla score`: an unanswered item simply earns 0 points."""


@dataclass
class Validation:
    responses: dict[str, Response] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    invalid: set[str] = field(default_factory=set)
    """Item codes with error findings: not scored unless the errors are fixed."""
    region: str | None = None
    year: str | None = None
    opds: list[str] = field(default_factory=list)
    """Rubric OPD ids that sent a workbook."""
    intake: Intake | None = None
    """Which files were read as the region's forms: re-sent copies set aside, kla's own
    outputs skipped (`core.intake`)."""
    keep_warnings: bool = True
    """False where only their number is wanted (a batch): the warnings about one answered row
    each, the most numerous, are counted in `warnings_not_kept` instead of being made."""
    warnings_not_kept: int = 0

    @property
    def warnings(self) -> int:
        """How many warnings the region has, kept or only counted."""
        return self.warnings_not_kept + sum(1 for f in self.findings if f.severity is WARNING)

    @property
    def blocking(self) -> list[Finding]:
        """Errors that make a score untrustworthy (everything but unanswered items)."""
        return [f for f in self.findings if f.severity is ERROR and f.code not in NON_BLOCKING]


def rubric_fingerprint(rubric: Rubric) -> str:
    """A short stable hash of the rubric's content, written into templates."""
    return rubric.content_hash


def validate_region(
    rubric: Rubric,
    submissions: Sequence[Submission],
    *,
    whole_region: bool = True,
    keep_warnings: bool = True,
) -> Validation:
    """Check every submission of one region and consolidate their answers.

    Of two forms from one OPD the newer is read and kla's own outputs are skipped
    (`core.intake`). `whole_region=False` checks the forms given as forms (files handed to
    `kla validate` one by one): no finding about the OPDs that sent nothing yet.
    `keep_warnings=False`: the warnings about answered rows are only counted
    (`Validation.keep_warnings`)."""
    intake = take_in(rubric, submissions)
    submissions = intake.forms
    out = Validation(intake=intake, keep_warnings=keep_warnings)
    out.findings.extend(intake.findings)
    index = rubric.item_index
    fingerprint = rubric_fingerprint(rubric)
    candidates: dict[str, list[Candidate]] = {}
    answering: list[tuple[Submission, str, dict[str, Row]]] = []
    inventories: list[Submission] = []

    for sub in submissions:
        if sub.inventory is not None:
            inventories.append(sub)
            continue
        out.findings.extend(sub.findings)
        if sub.findings and not sub.rows:
            continue
        if sub.recap and (mismatch := wrong_rubric(rubric, sub)):
            out.findings.append(mismatch)
            continue
        _check_meta(rubric, fingerprint, sub, out)
        if sub.recap:
            out.findings.extend(check_recap(rubric, sub))
        # the OPD the form was made for (kla's metadata) wins over a typo in its OPD cell;
        # the mismatch is a warning (`_check_meta`)
        sent_to = rubric.opd_by_name(sub.meta["opd_id"]) if sub.meta.get("opd_id") else None
        opd = sent_to or (rubric.opd_by_name(sub.opd) if sub.opd else None)
        if opd and opd.id not in out.opds:
            out.opds.append(opd.id)
        rows_seen: dict[str, Row] = {}
        for row in sub.rows:
            _check_row(rubric, index, sub, opd, row, rows_seen, candidates, out)
        if opd:
            answering.append((sub, opd.id, rows_seen))
        elif not sub.opd:  # a recap names the OPD on every row
            for opd_id in _row_opds(rubric, sub):
                if opd_id not in out.opds:
                    out.opds.append(opd_id)
                answering.append((sub, opd_id, rows_seen))
        if sub.recap:  # a region's own recap answers for every OPD
            answering.extend((sub, opd_id, rows_seen) for opd_id in rubric.items_by_opd)
    for sub in inventories:
        out.findings.extend(sub.findings)
        if sub.inventory is not None and inventory_items(rubric):
            _check_meta(rubric, fingerprint, sub, out)
    # once every file is read: the lead's answer counts, whatever the order of the files
    seen = consolidate(rubric, candidates, out.findings, out.invalid, out.responses)
    out.findings += merge_inventories(rubric, inventories, seen, out.responses, out.invalid)
    for sub, opd_id, rows_seen in answering:  # another OPD may have answered
        _check_unanswered(rubric, sub, opd_id, rows_seen, seen, out)

    answered_opds = set(out.opds)
    place = None
    recap = any(sub.recap and sub.rows for sub in submissions)
    for opd in () if recap or not whole_region else rubric.opds:
        assigned = [item.code for _, item in rubric.items_by_opd.get(opd.id, ())]
        if assigned and opd.id not in answered_opds and not _covered(assigned, out):
            file = place = place or _region_place(submissions)
            code = "respondent-missing" if opd.id in RESPONDENT_OPDS else "opd-missing"
            out.findings.append(
                Finding(WARNING, code, file, args={"opd": opd.name, "count": len(assigned)})
            )
    for code in out.invalid:  # e.g. a later file contradicted an earlier answer
        out.responses.pop(code, None)
    return out


def _row_opds(rubric: Rubric, sub: Submission) -> list[str]:
    """The rubric OPDs named on rows that carry an answer (a recap made by `kla merge`)."""
    found = (named_opd(rubric, row.opd) for row in sub.rows if row.opd and not is_blank(row.answer))
    return list(dict.fromkeys(opd.id for opd in found if opd))


def named_opd(rubric: Rubric, text: str) -> Opd | None:
    """The OPD a row names; a recap's `Sumber Data` may list several (`JDIH, Bagian Hukum,
    DPPPAPPKB`): the first the rubric knows."""
    found = rubric.opd_by_name(text)
    if found is None and any(sep in text for sep in ",;\n"):
        parts = (part.strip() for part in text.replace(";", ",").replace("\n", ",").split(","))
        found = next((opd for part in parts if part and (opd := rubric.opd_by_name(part))), None)
    return found


def _region_place(submissions: Sequence[Submission]) -> str:
    """Where a region-wide finding is reported: the folder holding the region's files."""
    import posixpath

    folders = [posixpath.dirname(sub.file.replace("\\", "/")) or "." for sub in submissions]
    if len(set(folders)) == 1:  # the usual case: one folder
        return folders[0]
    try:
        return (posixpath.commonpath(folders) if folders else "") or "."
    except ValueError:  # absolute and relative paths mixed
        return folders[0]


def _covered(codes: list[str], out: Validation) -> bool:
    return all(code in out.responses for code in codes)


def _check_meta(rubric: Rubric, fingerprint: str, sub: Submission, out: Validation) -> None:
    meta = sub.meta
    if meta.get("rubric_id") and meta["rubric_id"] != rubric.id:
        out.findings.append(
            Finding(
                ERROR,
                "wrong-rubric",
                sub.file,
                META_SHEET,
                meta_cell("rubric_id"),
                {"found": meta["rubric_id"], "expected": rubric.id},
            )
        )
    elif meta.get("rubric_version") and meta["rubric_version"] != rubric.version:
        out.findings.append(
            Finding(
                ERROR,
                "rubric-version",
                sub.file,
                META_SHEET,
                meta_cell("rubric_version"),
                {"found": meta["rubric_version"], "expected": rubric.version},
            )
        )
    elif meta.get("rubric_hash") and meta["rubric_hash"] != fingerprint:
        out.findings.append(
            Finding(WARNING, "rubric-changed", sub.file, META_SHEET, meta_cell("rubric_hash"))
        )
    sent_to = rubric.opd_by_name(meta["opd_id"]) if meta.get("opd_id") else None
    named = rubric.opd_by_name(sub.opd) if sub.opd else None
    if sent_to and named and named.id != sent_to.id:
        cell = sub.meta_cells.get("opd", f"B{META_ROWS['opd']}")
        out.findings.append(
            Finding(
                WARNING,
                "opd-mismatch",
                sub.file,
                sub.sheet,
                cell,
                {"found": named.name, "expected": sent_to.name},
            )
        )

    for key, value in (("opd", sub.opd), ("region", sub.region), ("year", sub.year)):
        cell = sub.meta_cells.get(key) or f"B{META_ROWS[key]}"
        if not value:
            if key == "opd" and (
                sub.recap or sub.inventory or (sub.rows and all(r.opd for r in sub.rows))
            ):
                continue  # a recap is the whole region's or names the OPD on every row;
                # an inventory names none
            out.findings.append(Finding(ERROR, f"missing-{key}", sub.file, sub.sheet, cell))
            continue
        if key == "opd":
            if sub.inventory is None and rubric.opd_by_name(value) is None:
                out.findings.append(
                    Finding(WARNING, "unknown-opd", sub.file, sub.sheet, cell, {"opd": value})
                )
            continue
        current = out.region if key == "region" else out.year
        if current is None:
            if key == "region":
                out.region = value
            else:
                out.year = value
        elif value != current and fold(value) != fold(current):
            out.findings.append(
                Finding(
                    ERROR,
                    f"{key}-mismatch",
                    sub.file,
                    sub.sheet,
                    cell,
                    {"found": value, "expected": current},
                )
            )


def _check_row(
    rubric: Rubric,
    index: dict[str, tuple[Indicator, Item]],
    sub: Submission,
    sub_opd: Opd | None,
    row: Row,
    rows_seen: dict[str, Row],
    candidates: dict[str, list[Candidate]],
    out: Validation,
) -> None:
    """One row of one file: its answer parsed and checked, then kept as a candidate answer.

    Every row of every form of a batch passes here (hundreds of thousands in a national run),
    so the common case, an answered row of a known item, does no more than it must: the blank
    test once, the verifier's cell only when it holds something, the evidence only when the
    question asks for it."""
    code = row.code
    entry = index.get(code)
    if entry is None:
        _add(out, sub, row, ERROR, "unknown-item", row.code_cell, code=code)
        return
    indicator, item = entry
    first = rows_seen.get(code)
    if first is not None:
        _add(out, sub, row, ERROR, "duplicate-row", row.code_cell, code=code, first=first.code_cell)
        return
    rows_seen[code] = row
    raw = row.answer
    if raw is None or (isinstance(raw, str) and not raw.strip()):  # `is_blank`, inlined
        if row.uncached_formula:
            _add(out, sub, row, ERROR, "formula-not-computed", row.answer_cell, code=code)
            out.invalid.add(code)
        elif row.merged:
            _add(out, sub, row, ERROR, "merged-cell", row.answer_cell, code=code, range=row.merged)
            out.invalid.add(code)
        return  # else reported by _check_unanswered for the responsible OPD
    try:
        if row.is_nilai:  # a recap gives the points themselves
            answer: Answer = Nilai(parse_nilai(item, raw))
        else:
            answer = parse_answer(item, raw, percent_cell=row.percent_cell)
    except AnswerProblem as problem:
        _add(out, sub, row, ERROR, problem.code, row.answer_cell, code=code, **problem.args_dict)
        out.invalid.add(code)
        return
    if (
        item.type is AnswerType.PERCENT
        and isinstance(answer, float)
        and 0 < answer < 1
        and not row.percent_cell
        and not (isinstance(raw, str) and "%" in raw)  # `0,5%` says what it means
    ):  # 0,213 for a stunting rate of 21,3 %: most likely a fraction, not 0,213 %
        shown = f"{answer * 100:.4g}".replace(".", ",")
        _add(
            out,
            sub,
            row,
            WARNING,
            "percent-as-fraction",
            row.answer_cell,
            code=code,
            value=display(raw),
            percent=shown,
        )
    verified = None
    if row.verified is not None:  # an OPD form has no verifier's column
        try:
            verified = verified_points(item, row.verified)
        except AnswerProblem as problem:  # the self-assessed answer still counts
            cell = row.verified_cell
            _add(out, sub, row, ERROR, problem.code, cell, code=code, **problem.args_dict)
    opd = named_opd(rubric, row.opd) if row.opd else sub_opd
    responsible = item.opd or indicator.opd  # `Rubric.item_opds`
    if opd and opd.id not in responsible:
        _add(out, sub, row, WARNING, "not-responsible", row.answer_cell, code=code, opd=opd.name)
    if item.evidence and not names_evidence(row.evidence) and item_points(item, answer) > 0:
        # a 0-point answer has no points to lose: no warning
        kind = "evidence-none-said" if says_no_evidence(row.evidence) else "evidence-missing"
        value = display(row.evidence)
        _add(out, sub, row, WARNING, kind, row.evidence_cell, code=code, value=value)
    opd_id = opd.id if opd else None
    given = Candidate(
        answer, opd_id or row.opd or sub.opd, verified, row, sub, role_of(opd_id, responsible)
    )
    found = candidates.get(code)
    if found is None:
        candidates[code] = [given]
    else:
        found.append(given)


def _add(
    out: Validation,
    sub: Submission,
    row: Row,
    severity: Severity,
    kind: str,
    cell: str,
    /,
    **args: object,
) -> None:
    """A finding about `row` of `sub` (a warning only counted when they are not kept)."""
    if severity is WARNING and not out.keep_warnings:
        out.warnings_not_kept += 1
        return
    out.findings.append(
        Finding(severity, kind, sub.file, sub.sheet or ANSWER_SHEET, cell, args, row.code)
    )


def _check_unanswered(
    rubric: Rubric,
    sub: Submission,
    opd_id: str,
    rows_seen: dict[str, Row],
    seen: dict[str, Candidate],
    out: Validation,
) -> None:
    """The items this OPD leads that no file answered (errors are reported where they are)."""
    for _, item in rubric.items_by_opd.get(opd_id, ()):
        if item.code in seen or item.code in out.invalid or item.code in out.responses:
            continue
        row = rows_seen.get(item.code)
        if row is not None and not is_blank(row.answer):
            continue  # an answer with errors, reported by _check_row
        severity = ERROR if item.required else WARNING
        cell = row.answer_cell if row else None
        out.findings.append(
            Finding(
                severity, "unanswered", sub.file, sub.sheet, cell, {"code": item.code}, item.code
            )
        )
