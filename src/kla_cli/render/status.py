"""`kla status`: a region in progress as one screen (table), JSON or Markdown (`core.status`)."""

from __future__ import annotations

from typing import Any

from kla_cli.core.findings import Finding, Severity
from kla_cli.core.predicate import predicate_label
from kla_cli.core.status import OpdStatus, State, Status
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.contract import json_text
from kla_cli.render.formats import Format
from kla_cli.render.markdown import document_markdown, md_escape
from kla_cli.render.tables import Cell, Table
from kla_cli.render.terminal import document_page

STATE_ORDER = {State.ERRORS: 0, State.MISSING: 1, State.CLEAN: 2}
"""What needs the secretariat first: forms to correct, then forms to chase, then the rest."""


def state_text(row: OpdStatus, lang: Lang) -> str:
    """`belum masuk`, `masuk, bersih`, `masuk, 2 galat`; `, dikirim ulang` when re-sent."""
    text = t(f"status.state.{row.state.value}", lang, count=len(row.errors))
    return text + (t("status.state.resent", lang) if row.resent else "")


def _headline(status: Status, lang: Lang) -> str:
    where = " · ".join(x for x in (status.region, status.year) if x)
    return t("status.title", lang) + (f" · {where}" if where else "")


def _summary(status: Status, lang: Lang, lowest: float) -> Table:
    def p(value: float) -> str:
        return fmt_points(value, lang)

    rows: list[tuple[Cell, Cell]] = [
        (
            t("status.forms", lang),
            t(
                "status.forms_value",
                lang,
                received=status.received,
                count=len(status.opds),
                clean=status.count(State.CLEAN),
                errors=status.count(State.ERRORS),
                missing=status.count(State.MISSING),
            ),
        ),
        (
            t("status.total", lang),
            f"{p(status.total)} → {predicate_label(status.predicate, lang, lowest)}",
        ),
        (
            t("status.total_evidenced", lang),
            f"{p(status.total_evidenced)} → "
            f"{predicate_label(status.predicate_evidenced, lang, lowest)}",
        ),
    ]
    if status.total_verified is not None:
        rows.append((t("status.total_verified", lang), p(status.total_verified)))
    key = "status.to_target" if status.target_given else "status.to_next"
    target = status.target.name.get(lang)
    rows.append(
        (
            t(key, lang, tier=target),
            t("status.reached", lang)
            if status.points_to_target <= 0
            else t("status.points_short", lang, points=p(status.points_to_target)),
        )
    )
    if status.deadline is not None and status.days_left is not None:
        rows.append(
            (
                t("status.deadline", lang),
                t(
                    "status.days_left" if status.days_left >= 0 else "status.days_over",
                    lang,
                    date=status.deadline.isoformat(),
                    count=abs(status.days_left),
                ),
            )
        )
    return Table("summary", t("status.summary", lang), ("", ""), tuple(rows))


def _opd_table(status: Status, lang: Lang) -> Table:
    rows = tuple(
        (
            row.opd.short,
            state_text(row, lang),
            len(row.unanswered),
            len(row.evidence_missing),
            row.at_stake,
            row.points_evidenced,
            row.max,
        )
        for row in sorted(status.opds, key=lambda r: STATE_ORDER[r.state])
    )
    headers = tuple(
        t(f"status.col.{key}", lang)
        for key in ("opd", "state", "unanswered", "evidence", "at_stake", "points", "max")
    )
    return Table("opds", t("status.opds", lang), headers, rows)


def _notes(status: Status, findings: list[Finding], lang: Lang) -> list[str]:
    notes = [f.problem(lang) for f in findings if f.code.startswith("form-resent")]
    for file in status.unplaced:
        why = next(
            (f.problem(lang) for f in findings if f.file == file and f.severity is Severity.ERROR),
            None,
        )
        notes.append(t("status.unplaced", lang, file=file, why=why or t("status.no_opd", lang)))
    notes += [t("status.skipped", lang, file=file) for file in status.skipped]
    notes.append(t("status.legend", lang))
    return notes


def status_json(status: Status, findings: list[Finding], lang: Lang) -> dict[str, Any]:
    def items(row: OpdStatus, which: str) -> list[dict[str, Any]]:
        found = row.unanswered if which == "unanswered" else row.evidence_missing
        return [
            {
                "code": s.code,
                "question": s.question.get(lang),
                "cell": row.cells.get(s.code),
                "points": s.points,
                "points_at_stake": round(s.points - s.points_evidenced, 2)
                if which == "evidence"
                else s.max,
                "max": s.max,
            }
            for s in found
        ]

    return {
        "region": status.region,
        "year": status.year,
        "total": status.total,
        "total_evidenced": status.total_evidenced,
        "total_verified": status.total_verified,
        "max_total": status.max_total,
        "predicate": status.predicate.name.id if status.predicate else None,
        "predicate_evidenced": status.predicate_evidenced.name.id
        if status.predicate_evidenced
        else None,
        "target": status.target.id,
        "target_given": status.target_given,
        "points_to_target": status.points_to_target,
        "deadline": status.deadline.isoformat() if status.deadline else None,
        "days_left": status.days_left,
        "received": status.received,
        "skipped": list(status.skipped),
        "opds": [
            {
                "id": row.opd.id,
                "name": row.opd.name,
                "state": row.state.value,
                "files": list(row.files),
                "resent": {
                    "used": row.resent.used.file,
                    "set_aside": [s.file for s in row.resent.set_aside],
                    "by": row.resent.by,
                    "differing": list(row.resent.differing),
                }
                if row.resent
                else None,
                "errors": [
                    {"code": f.code, "where": f.location, "message": f.message(lang)}
                    for f in row.errors
                ],
                "warnings": row.warnings,
                "unanswered": items(row, "unanswered"),
                "evidence_missing": items(row, "evidence"),
                "points": row.points,
                "points_evidenced": row.points_evidenced,
                "max": row.max,
            }
            for row in status.opds
        ],
        "notes": _notes(status, findings, lang),
    }


def _detail_markdown(status: Status, lang: Lang) -> list[str]:
    lines = [f"## {md_escape(t('status.detail', lang))}", ""]
    for row in sorted(status.opds, key=lambda r: STATE_ORDER[r.state]):
        if not (row.unanswered or row.evidence_missing or row.errors):
            continue
        lines += [f"### {md_escape(row.opd.name)} ({md_escape(state_text(row, lang))})", ""]
        for f in row.errors:
            lines.append(f"- {md_escape(f.location)}: {md_escape(f.message(lang))}")
        for s in row.unanswered:
            where = row.cells.get(s.code)
            lines.append(
                "- "
                + md_escape(
                    t("status.item_unanswered", lang, code=s.code, points=fmt_points(s.max, lang))
                    + (f" ({where})" if where else "")
                )
            )
        for s in row.evidence_missing:
            where = row.cells.get(s.code)
            lines.append(
                "- "
                + md_escape(
                    t(
                        "status.item_evidence",
                        lang,
                        code=s.code,
                        points=fmt_points(s.points - s.points_evidenced, lang),
                    )
                    + (f" ({where})" if where else "")
                )
            )
        lines.append("")
    return lines


def render_status(
    status: Status,
    findings: list[Finding],
    fmt: Format,
    lang: Lang,
    *,
    lowest: float,
    color: bool = False,
    width: int = 100,
) -> str:
    if fmt is Format.JSON:
        return json_text("status", status_json(status, findings, lang))
    tables = [_summary(status, lang, lowest), _opd_table(status, lang)]
    notes = _notes(status, findings, lang)
    if fmt is Format.MARKDOWN:
        text = document_markdown(_headline(status, lang), tables, lang)
        detail = "\n".join(_detail_markdown(status, lang)).rstrip("\n")
        return text + "\n" + detail + "\n\n" + "\n".join(f"> {md_escape(n)}" for n in notes) + "\n"
    page = document_page(_headline(status, lang), tables, lang, notes=notes, width=width)
    return page.text(color=color)
