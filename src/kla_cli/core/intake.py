"""Files as they really arrive in a region's folder (pure): which of them are read as its forms.

Over the weeks between sending the forms and the deadline an OPD's form comes back by WhatsApp
or email, sometimes twice (`dinkes.xlsx` and `dinkes (1).xlsx`, `Dinkes_rev2 FINAL.xlsx`), and
kla's own outputs (a recap written by `kla merge`, a report) end up in the same folder. Before
validation:

- the forms are grouped by the OPD they answer for (kla's metadata, else the OPD cell: never
  the file name, which WhatsApp and email rename); of two or more forms of one OPD the newer is
  used (by the form's own saved time, else the file's time, else the later name), ONE finding
  says which and why, and ONE finding per set-aside copy counts the answers that differ;
- kla's own outputs are skipped with one finding each (a recap written by `kla merge` is read
  when it is the only thing given: it is itself a valid input).
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import PurePath
from typing import NamedTuple

from kla_cli.core.answers import display, is_blank
from kla_cli.core.findings import Finding, Severity, named_beside
from kla_cli.core.rubric import Rubric
from kla_cli.core.submission import Submission


class Resent(NamedTuple):
    """Two or more forms of one OPD: the one used, and why."""

    opd: str
    """Rubric OPD id."""
    used: Submission
    set_aside: tuple[Submission, ...]
    by: str
    """What decided: `saved` (the forms' own saved time), `file` (the files' time) or `name`."""
    differing: tuple[int, ...]
    """Per set-aside copy, how many answers differ from the form used."""


class Intake(NamedTuple):
    forms: tuple[Submission, ...]
    """The files to validate, in their order: every file but the set-aside and skipped ones."""
    resent: tuple[Resent, ...]
    skipped: tuple[Submission, ...]
    """kla's own outputs, not read."""
    findings: tuple[Finding, ...]


def checked_as_region(submissions: Sequence[Submission], folder_given: bool) -> bool:
    """Whether the files are checked as a region (every OPD expected) or as forms: a folder or a
    recap is a region; forms handed over one by one (`kla validate dinkes.xlsx`, `kla score
    dinkes.xlsx`) are checked as forms, with no finding about the OPDs that sent nothing yet."""
    return folder_given or any(sub.recap or sub.kla_output == "recap" for sub in submissions)


def form_opd(rubric: Rubric, sub: Submission) -> str | None:
    """The rubric OPD a form answers for: kla's metadata (the OPD it was sent to), else its OPD
    cell; None for a recap, an inventory or a form naming no OPD kla knows."""
    if sub.recap or sub.inventory is not None or not sub.rows:
        return None
    for name in (sub.meta.get("opd_id"), sub.opd):
        opd = rubric.opd_by_name(name) if name else None
        if opd is not None:
            return opd.id
    return None


def sort_time(sub: Submission) -> tuple[str, str]:
    """When a file was saved, as text that sorts in time, and where that came from (`saved` or
    `file`); ("", "name") when neither is known."""
    if sub.saved:
        return _normal_iso(sub.saved), "saved"
    if sub.file_time is not None:
        stamp = datetime.fromtimestamp(sub.file_time, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return stamp, "file"
    return "", "name"


def _normal_iso(text: str) -> str:
    """`2025-11-20T10:31:00Z` and `2025-11-20T10:31:00.123+00:00` sort the same way."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _stamp(sub: Submission, by: str) -> str:
    """The time that decided, as a finding shows it."""
    if by == "file" and sub.file_time is not None:
        return shown_time(datetime.fromtimestamp(sub.file_time, UTC).strftime("%Y-%m-%dT%H:%M"))
    return shown_time(sort_time(sub)[0])


def shown_time(stamp: str) -> str:
    """`2025-11-20T10:31:00Z` → `2025-11-20 10:31` (UTC), as a finding shows it."""
    return stamp.replace("T", " ")[:16] if stamp else "?"


def take_in(rubric: Rubric, submissions: Sequence[Submission]) -> Intake:
    """Which files are read as the region's forms, and one finding per decision."""
    findings: list[Finding] = []
    skipped: list[Submission] = []
    forms_given = any(sub.kla_output is None and sub.rows for sub in submissions)
    kept: list[Submission] = []
    for sub in submissions:
        kind = sub.kla_output
        if kind == "report" or (kind == "recap" and forms_given):
            skipped.append(sub)
            findings.append(Finding(Severity.WARNING, f"kla-output-{kind}", sub.file))
        else:
            kept.append(sub)
    by_opd: dict[str, list[Submission]] = {}
    for sub in kept:
        if (opd := form_opd(rubric, sub)) is not None:
            by_opd.setdefault(opd, []).append(sub)
    resent: list[Resent] = []
    aside: set[int] = set()
    for opd_id, forms in by_opd.items():
        if len(forms) < 2:
            continue
        ranked = sorted(forms, key=_order)
        used, older = ranked[-1], tuple(ranked[:-1])
        by = _decided_by(used, older)
        differing = tuple(_differing(used, other) for other in older)
        resent.append(Resent(opd_id, used, older, by, differing))
        aside.update(id(s) for s in older)
        findings.extend(_resent_findings(rubric, opd_id, used, older, by, differing))
    forms_used = tuple(sub for sub in kept if id(sub) not in aside)
    return Intake(forms_used, tuple(resent), tuple(skipped), tuple(findings))


def _order(sub: Submission) -> tuple[str, float, str]:
    """Older first: by the saved time (the form's own, else the file's), then the file's time,
    then the name."""
    return sort_time(sub)[0], sub.file_time or 0.0, sub.file


def _decided_by(used: Submission, older: Sequence[Submission]) -> str:
    """What told the newer form: its own saved time, else the file's time, else the name."""
    used_time, used_source = sort_time(used)
    if used_time and all(sort_time(o)[0] < used_time for o in older):
        return "saved" if used_source == "saved" else "file"
    if used.file_time is not None and all(
        o.file_time is not None and o.file_time < used.file_time for o in older
    ):
        return "file"
    return "name"


def chosen_by_file_times(resent: Sequence[Resent]) -> tuple[Submission, ...]:
    """The forms whose files' modification times took part in choosing among re-sent copies:
    every form of a group in which some form has no saved time of its own, or two share one
    (`_order` then compares the files' times). A result that depends on them can change when
    a file is only touched or copied anew, its bytes the same (`batch_cache` keeps the times)."""
    found: list[Submission] = []
    for group in resent:
        forms = (group.used, *group.set_aside)
        saved = [_normal_iso(sub.saved) for sub in forms if sub.saved]
        if len(saved) < len(forms) or len(set(saved)) < len(saved):
            found.extend(forms)
    return tuple(found)


def _differing(used: Submission, other: Submission) -> int:
    """The questions the two forms answer differently (blank against an answer included)."""

    def answers(sub: Submission) -> dict[str, str]:
        return {
            row.code: display(row.answer).strip().casefold()
            for row in sub.rows
            if not is_blank(row.answer)
        }

    mine, theirs = answers(used), answers(other)
    return sum(1 for code in mine.keys() | theirs.keys() if mine.get(code) != theirs.get(code))


def _resent_findings(
    rubric: Rubric,
    opd_id: str,
    used: Submission,
    older: tuple[Submission, ...],
    by: str,
    differing: tuple[int, ...],
) -> list[Finding]:
    opd = rubric.opd_by_name(opd_id)
    name = opd.name if opd else opd_id
    findings = [
        Finding(
            Severity.WARNING,
            f"form-resent-{by}",
            older[-1].file,
            args={
                "opd": name,
                "count": len(older) + 1,
                "used": named_beside(used.file, older[-1].file),
                "others": ", ".join(named_beside(o.file, older[-1].file) for o in older),
                "time": _stamp(used, by),
                "other_time": _stamp(older[-1], by),
            },
        )
    ]
    for other, count in zip(older, differing, strict=True):
        if count:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "form-resent-differs",
                    other.file,
                    args={
                        "used": named_beside(used.file, other.file),
                        "other": PurePath(other.file).name,  # the finding's own file
                        "count": count,
                    },
                )
            )
    return findings
