"""The report's tables in one language (pure): titles, headers and rows of numbers and texts.

Every writer (Excel, HTML, Markdown) lays out these same tables, so the formats cannot drift
apart. Numbers stay numbers here (a float is points, an int a count); each writer formats them.
"""

from __future__ import annotations

from pathlib import PurePath

from kla_cli.core.findings import Finding, Overflow, capped
from kla_cli.core.gap.actions import Action, ActionKind
from kla_cli.core.predicate import band_rule, predicate_label
from kla_cli.core.provisional import provisional_note
from kla_cli.core.report_model import EvidenceStatus, Report
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.gap_text import action_row
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


def reached_or(needed: float | None, lang: Lang) -> Cell:
    """Points still needed, or "tercapai" once a total has reached the tier."""
    if needed is None:
        return None
    return needed if needed > 0 else t("report.reached", lang)


def ladder_table(report: Report, lang: Lang) -> Table:
    """The tiers above the basis total, each with the points every total still misses."""
    va = report.verified
    return Table(
        "ladder",
        t("report.ladder", lang),
        (
            t("score.predicate", lang),
            t("report.floor", lang),
            t("report.needed", lang),
            t("report.needed_evidenced", lang),
            *((t("report.needed_verified", lang),) if va else ()),
        ),
        tuple(
            (
                rung.tier.name.get(lang),
                rung.floor,
                reached_or(rung.needed, lang),
                reached_or(rung.needed_evidenced, lang),
                *((reached_or(rung.needed_verified, lang),) if va else ()),
            )
            for rung in report.ladder
        ),
        empty=t("report.top_tier", lang),
        lead=band_rule(report.rubric, lang),  # the bands' half-open rule, stated once
    )


def stage_labels(report: Report, lang: Lang) -> tuple[str, ...]:
    """The short names of the stages the result carries: EM, with evidence, VA."""
    return (
        t("report.stage.self", lang),
        t("report.stage.evidenced", lang),
        *((t("report.stage.verified", lang),) if report.verified else ()),
    )


def _verified_header(report: Report, lang: Lang) -> tuple[str, ...]:
    """The VA column's header, only when the result carries the verifier's points."""
    return (t("score.verified", lang),) if report.verified else ()


def _verified_cell(report: Report, value: float | None) -> tuple[Cell, ...]:
    return (value,) if report.verified else ()


def groups_table(report: Report, lang: Lang) -> Table:
    """Each group's points per stage and the same as a share of the group's maximum."""
    va = _verified_header(report, lang)
    shares = tuple(f"% {label}" for label in stage_labels(report, lang))

    def row(label: str, name: str, points: tuple[float, ...], maximum: float) -> tuple[Cell, ...]:
        return (label, name, *points, maximum, *(percent(p, maximum) for p in points))

    def stages(score: float, evidenced: float, verified: float | None) -> tuple[float, ...]:
        return (score, evidenced, *((verified or 0.0,) if report.verified else ()))

    first = 4 + len(va)  # the maximum's column; the shares follow it
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
            *shares,
        ),
        (
            *(
                row(
                    g.short.get(lang),
                    g.name.get(lang),
                    stages(g.score, g.score_evidenced, g.score_verified),
                    g.max,
                )
                for g in report.groups
            ),
            row(
                t("score.total", lang),
                "",
                stages(report.total, report.total_evidenced, report.total_verified),
                report.max_total,
            ),
        ),
        percent=tuple(range(first + 1, first + 1 + len(shares))),
    )


def percent(score: float, maximum: float) -> float:
    return round(100 * score / maximum, 2) if maximum else 0.0


def evidence_text(status: EvidenceStatus, lang: Lang) -> str:
    if status.required == 0:
        return t("status.not_required", lang)
    done = f"{status.present}/{status.required}"
    if status.present == status.required:
        return f"{done} {t('report.evidence.complete', lang)}"
    parts = []
    if status.missing:
        parts.append(t("report.evidence.missing", lang, count=status.missing))
    if status.unanswered:
        parts.append(t("report.evidence.unanswered", lang, count=status.unanswered))
    return f"{done}: " + ", ".join(parts)


def basis_share_header(report: Report, lang: Lang) -> str:
    return f"% {stage_labels(report, lang)[-1]}"


def indicators_table(report: Report, lang: Lang) -> Table:
    """One row per indicator; OPDs by their short names (the legend gives the full ones)."""
    va = _verified_header(report, lang)
    return Table(
        "indicators",
        t("report.sheet.indicators", lang),
        (
            "#",
            t("score.indicator", lang),
            t("score.points", lang),
            t("score.evidenced", lang),
            *va,
            t("score.max", lang),
            basis_share_header(report, lang),
            t("score.opd", lang),
            t("report.evidence_status", lang),
        ),
        tuple(
            (
                ind.number,
                ind.name.get(lang),
                ind.score,
                ind.score_evidenced,
                *_verified_cell(report, ind.score_verified),
                ind.max,
                percent(ind.on(report.basis), ind.max),
                ", ".join(report.opd_short(o) for o in ind.opds),
                evidence_text(ind.evidence, lang),
            )
            for ind in report.indicators
        ),
        percent=(5 + len(va),),
    )


def plan_lead(report: Report, lang: Lang) -> str:
    plan, p = report.plan, fmt_points
    name = report.target.name.get(lang)
    basis = t(f"report.basis.{report.basis.value}", lang)
    if not plan.actions and plan.reached:
        return t("report.plan.done", lang, tier=name)
    if not plan.reached:
        return t(
            "report.plan.unreachable",
            lang,
            tier=name,
            basis=basis,
            best=p(plan.max_reachable, lang),
        )
    return t(
        "report.plan.lead",
        lang,
        tier=name,
        basis=basis,
        floor=p(plan.floor, lang),
        start=p(plan.start_total, lang),
        end=p(plan.end_total, lang),
        count=len(plan.actions),
    )


def _effort(action: Action, lang: Lang) -> str:
    if action.effort and action.kind is ActionKind.ANSWER:
        return t(f"report.effort.{action.effort.value}", lang)
    return ""


def plan_table(report: Report, lang: Lang) -> Table:
    """The plan, lead OPD by lead OPD: what is there, what to do, the data dukung asked."""
    rubric = report.rubric
    return without_empty_columns(
        Table(
            "plan",
            t("report.sheet.plan", lang),
            (
                t("score.opd", lang),
                t("score.item", lang),
                t("show.question", lang),
                t("report.plan.done_now", lang),
                t("report.plan.action", lang),
                t("report.plan.data", lang),
                t("report.plan.gain", lang),
                t("report.effort", lang),
            ),
            tuple(
                (
                    report.opd_short(opd.opd),
                    row.code,
                    row.item,
                    row.done,
                    row.todo,
                    row.data_needed,
                    row.gain,
                    _effort(a, lang),
                )
                for opd in report.plan_opds
                for a in opd.actions
                for row in [action_row(rubric, a, lang)]
            ),
            signed=(6,),
            lead=plan_lead(report, lang),
        )
    )


def without_empty_columns(table: Table) -> Table:
    """`table` without the columns that are blank on every row (none when there are no rows)."""
    if not table.rows:
        return table
    keep = [c for c in range(len(table.headers)) if any(r[c] not in ("", None) for r in table.rows)]
    if len(keep) == len(table.headers):
        return table
    moved = {old: new for new, old in enumerate(keep)}
    return table._replace(
        headers=tuple(table.headers[c] for c in keep),
        rows=tuple(tuple(r[c] for c in keep) for r in table.rows),
        signed=tuple(moved[c] for c in table.signed if c in moved),
        percent=tuple(moved[c] for c in table.percent if c in moved),
    )


def legend_table(report: Report, lang: Lang) -> Table:
    """The OPDs named by their short names, with their full names: printed once."""
    return Table(
        "legend",
        t("report.legend", lang),
        (t("score.opd", lang), t("report.full_name", lang)),
        tuple((short, name) for short, name in report.opds_named() if short != name),
    )


def _finding_row(finding: Finding | Overflow, lang: Lang) -> tuple[Cell, ...]:
    if isinstance(finding, Overflow):  # at most MAX_SHOWN_PER_KIND of a kind per file
        severity = t(f"severity.{finding.severity.value}", lang)
        name = PurePath(finding.file).name or finding.file
        return (severity, finding.code, name, "", "", finding.message(lang))
    place = "!".join(p for p in (finding.sheet, finding.cell) if p)
    return (
        t(f"severity.{finding.severity.value}", lang),
        finding.code,
        PurePath(finding.file).name or finding.file,
        place,
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
            t("report.place", lang),
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
        legend_table(report, lang),
        findings_table(report, lang),
    ]
