"""The report's tables in one language (pure): titles, headers and rows of numbers and texts.

Every writer (Excel, HTML, Markdown) lays out these same tables, so the formats cannot drift
apart. Numbers stay numbers here (a float is points, an int a count); each writer formats them.
"""

from __future__ import annotations

from kla_cli.core.answers import answer_text
from kla_cli.core.findings import Finding, Overflow, capped
from kla_cli.core.gap.actions import Action, ActionKind
from kla_cli.core.predicate import predicate_label
from kla_cli.core.provisional import provisional_note
from kla_cli.core.report_model import EvidenceStatus, Report
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.tables import Cell, Table


def heading(report: Report, lang: Lang) -> str:
    parts = [t("report.title", lang), report.region or "-", report.year or ""]
    return " · ".join(p for p in parts if p)


def summary_table(report: Report, lang: Lang) -> Table:
    rows: list[tuple[Cell, ...]] = [
        (t("score.region", lang), report.region),
        (t("score.year", lang), report.year),
        (
            t("score.rubric", lang),
            f"{report.rubric_title.get(lang)} ({report.rubric_id} {report.rubric_version})",
        ),
        (t("score.total", lang), report.total),
        (t("score.max", lang), report.max_total),
        (t("score.predicate", lang), predicate_label(report.predicate, lang, report.lowest)),
        (t("score.total_evidenced", lang), report.total_evidenced),
        (
            f"{t('score.predicate', lang)} ({t('score.total_evidenced', lang)})",
            predicate_label(report.predicate_evidenced, lang, report.lowest),
        ),
        *(
            (
                (t("score.total_verified", lang), report.total_verified),
                (
                    t("report.predicate_verified", lang),
                    predicate_label(report.predicate_verified, lang, report.lowest),
                ),
            )
            if report.verified
            else ()
        ),
        (
            t("report.sheet.findings", lang),
            t("report.findings.count", lang, errors=report.errors, warnings=report.warnings),
        ),
    ]
    return Table("summary", t("report.sheet.summary", lang), ("", ""), tuple(rows))


def ladder_table(report: Report, lang: Lang) -> Table:
    return Table(
        "ladder",
        t("report.ladder", lang),
        (
            t("score.predicate", lang),
            t("report.floor", lang),
            t("report.needed", lang),
            t("report.needed_evidenced", lang),
        ),
        tuple(
            (rung.tier.name.get(lang), rung.floor, rung.needed, rung.needed_evidenced)
            for rung in report.ladder
        ),
        empty=t("report.top_tier", lang),
    )


def _verified_header(report: Report, lang: Lang) -> tuple[str, ...]:
    """The VA column's header, only when the result carries the verifier's points."""
    return (t("score.verified", lang),) if report.verified else ()


def _verified_cell(report: Report, value: float | None) -> tuple[Cell, ...]:
    return (value,) if report.verified else ()


def groups_table(report: Report, lang: Lang) -> Table:
    va = _verified_header(report, lang)
    return Table(
        "groups",
        t("report.sheet.groups", lang),
        (
            t("score.group", lang),
            t("report.full_name", lang),
            t("score.points", lang),
            t("score.evidenced", lang),
            *va,
            t("score.max", lang),
            t("score.percent", lang),
        ),
        (
            *(
                (
                    g.short.get(lang),
                    g.name.get(lang),
                    g.score,
                    g.score_evidenced,
                    *_verified_cell(report, g.score_verified),
                    g.max,
                    percent(g.score, g.max),
                )
                for g in report.groups
            ),
            (
                t("score.total", lang),
                "",
                report.total,
                report.total_evidenced,
                *_verified_cell(report, report.total_verified),
                report.max_total,
                percent(report.total, report.max_total),
            ),
        ),
        percent=(5 + len(va),),
    )


def percent(score: float, maximum: float) -> float:
    return round(100 * score / maximum, 2) if maximum else 0.0


def evidence_text(status: EvidenceStatus, lang: Lang) -> str:
    if status.required == 0:
        return t("status.not_required", lang)
    if status.present == status.required:
        return t("report.evidence.complete", lang)
    parts = []
    if status.missing:
        parts.append(t("report.evidence.missing", lang, count=status.missing))
    if status.unanswered:
        parts.append(t("report.evidence.unanswered", lang, count=status.unanswered))
    return ", ".join(parts)


def indicators_table(report: Report, lang: Lang) -> Table:
    return Table(
        "indicators",
        t("report.sheet.indicators", lang),
        (
            "#",
            t("score.group", lang),
            t("score.indicator", lang),
            t("score.points", lang),
            t("score.evidenced", lang),
            *_verified_header(report, lang),
            t("score.max", lang),
            t("report.gap", lang),
            t("score.opd", lang),
            t("show.evidence_required", lang),
            t("report.evidence_present", lang),
            t("report.evidence_status", lang),
        ),
        tuple(
            (
                ind.number,
                ind.group,
                ind.name.get(lang),
                ind.score,
                ind.score_evidenced,
                *_verified_cell(report, ind.score_verified),
                ind.max,
                ind.gap,
                ", ".join(ind.opds),
                ind.evidence.required,
                ind.evidence.present,
                evidence_text(ind.evidence, lang),
            )
            for ind in report.indicators
        ),
    )


def _action_text(action: Action, lang: Lang) -> str:
    if action.kind is ActionKind.EVIDENCE:
        return t("report.plan.evidence", lang)
    old = answer_text(action.answer_from, lang) or "-"
    return t("report.plan.answer", lang, old=old, new=answer_text(action.answer_to, lang))


def plan_lead(report: Report, lang: Lang) -> str:
    plan, p = report.plan, fmt_points
    name = report.target.name.get(lang)
    if not plan.actions and plan.reached:
        return t("report.plan.done", lang, tier=name)
    if not plan.reached:
        return t("report.plan.unreachable", lang, tier=name, best=p(plan.max_reachable, lang))
    return t(
        "report.plan.lead",
        lang,
        tier=name,
        floor=p(plan.floor, lang),
        start=p(plan.start_total, lang),
        end=p(plan.end_total, lang),
        count=len(plan.actions),
    )


def plan_table(report: Report, lang: Lang) -> Table:
    return Table(
        "plan",
        t("report.sheet.plan", lang),
        (
            t("score.opd", lang),
            t("score.item", lang),
            "#",
            t("show.question", lang),
            t("report.plan.action", lang),
            t("report.plan.from", lang),
            t("report.plan.to", lang),
            t("report.plan.gain", lang),
            t("report.effort", lang),
        ),
        tuple(
            (
                opd.name,
                a.code,
                a.indicator,
                a.question.get(lang),
                _action_text(a, lang),
                a.points_from,
                a.points_to,
                a.gain,
                t(f"report.effort.{a.effort.value}", lang)
                if a.effort and a.kind is ActionKind.ANSWER
                else "",
            )
            for opd in report.plan_opds
            for a in opd.actions
        ),
        signed=(7,),
        lead=plan_lead(report, lang),
    )


def _finding_row(finding: Finding | Overflow, lang: Lang) -> tuple[Cell, ...]:
    if isinstance(finding, Overflow):  # at most MAX_SHOWN_PER_KIND of a kind per file
        severity = t(f"severity.{finding.severity.value}", lang)
        return (severity, finding.code, finding.file, "", "", "", finding.message(lang))
    return (
        t(f"severity.{finding.severity.value}", lang),
        finding.code,
        finding.file,
        finding.sheet or "",
        finding.cell or "",
        finding.item or "",
        finding.message(lang),
    )


def findings_table(report: Report, lang: Lang) -> Table:
    return Table(
        "findings",
        t("report.sheet.findings", lang),
        (
            t("report.severity", lang),
            t("show.code", lang),
            t("report.file", lang),
            t("report.sheet", lang),
            t("report.cell", lang),
            t("score.item", lang),
            t("report.message", lang),
        ),
        tuple(_finding_row(f, lang) for f in capped(report.findings)),
        empty=t("report.findings.none", lang),
    )


def notes(report: Report, lang: Lang) -> list[str]:
    out = []
    if report.evidence_lost > 0:
        out.append(
            t(
                "score.evidence_note",
                lang,
                count=report.evidence_lost_items,
                points=fmt_points(report.evidence_lost, lang),
            )
        )
    if report.unanswered:
        out.append(t("score.unanswered_note", lang, count=report.unanswered))
    if report.skipped:
        out.append(
            t(
                "findings.skipped",
                lang,
                count=len(report.skipped),
                codes=", ".join(report.skipped),
            )
        )
    if report.verified_cut_items:
        out.append(
            t(
                "score.verified_note",
                lang,
                count=report.verified_cut_items,
                points=fmt_points(report.verified_cut, lang),
            )
        )
    note = provisional_note(report.provisional, report.provisional_points, lang)
    if note:
        out.append(note)
    return out


def report_tables(report: Report, lang: Lang) -> list[Table]:
    """Every table of the report, in reading order."""
    return [
        summary_table(report, lang),
        ladder_table(report, lang),
        groups_table(report, lang),
        indicators_table(report, lang),
        plan_table(report, lang),
        findings_table(report, lang),
    ]
