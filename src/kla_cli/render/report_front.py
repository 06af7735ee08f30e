"""The report's first page (pure), read by a bupati in one minute: the predikat as a coloured
badge, the totals of each stage, the points to the next tier, the tier ladder with the region's
position, the three biggest gaps by group and the five first actions with their OPD. Also the
texts every printed page carries (header, date) and the signature block of the last page.

Every writer (Excel, HTML, Markdown) lays out this same `Front`, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from kla_cli.core.predicate import band_range, predicate_label
from kla_cli.core.report_model import Report
from kla_cli.core.rubric_leaves import Tier, tier_floor
from kla_cli.i18n.dates import fmt_date
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.gap_text import action_row
from kla_cli.render.report_layout import heading, percent, plan_lead, stage_labels
from kla_cli.render.tables import Table
from kla_cli.render.tier_colours import TierColour, tier_colour

BLANK = "____________________"
STAGE_COLOURS = ("2F6DB5", "5AA469", "7B3FA0")
"""The bars of each stage in every chart: self-assessed, with evidence, verified."""


@dataclass(frozen=True)
class Band:
    """One tier on the ladder: its name, the totals it spans and its colour."""

    name: str
    low: float
    high: float
    colour: TierColour


@dataclass(frozen=True)
class Marker:
    """Where one of the region's totals stands on the ladder."""

    label: str
    total: float
    headline: bool
    band: int
    """The index in `Front.bands` of the tier the total reaches."""


@dataclass(frozen=True)
class Front:
    title: str
    badge: str
    """The predikat of the total the report is about (or "belum berpredikat")."""
    badge_label: str
    colour: TierColour
    headline: str
    """"585,51 dari 1.000,00 poin": the basis total."""
    next_line: str
    stages: Table
    """Stage | total | predikat; `stage_colours` colours the predikat cells."""
    stage_colours: tuple[TierColour, ...]
    bands: tuple[Band, ...]
    markers: tuple[Marker, ...]
    max_total: float
    gaps: Table
    actions: Table


def build_front(report: Report, lang: Lang) -> Front:
    rubric, p = report.rubric, fmt_points
    totals = (
        (report.total, report.predicate),
        (report.total_evidenced, report.predicate_evidenced),
        *(((report.total_verified or 0.0, report.predicate_verified),) if report.verified else ()),
    )
    labels = stage_labels(report, lang)
    long_labels = (
        t("report.stage.self_long", lang),
        t("score.total_evidenced", lang),
        t("score.total_verified", lang),
    )
    basis_tier = report.basis_predicate
    target = report.target
    needed = report.target_needed
    if needed > 0:
        next_line = t(
            "report.front.next",
            lang,
            points=p(needed, lang),
            tier=target.name.get(lang),
            floor=band_range(target, tier_floor(rubric, target)),
        )
    else:
        next_line = t("report.top_tier", lang)
    tiers = rubric.tiers
    bands = tuple(
        Band(tier.name.get(lang), tier.min, tier.max, tier_colour(rubric, tier)) for tier in tiers
    )
    below = tiers[0].min > 0
    if below:
        bands = (
            Band(predicate_label(None, lang), 0.0, tiers[0].min, tier_colour(rubric, None)),
            *bands,
        )

    def band(tier: Tier | None) -> int:
        if tier is None:
            return 0
        return [each.id for each in tiers].index(tier.id) + int(below)

    return Front(
        title=heading(report, lang),
        badge=predicate_label(basis_tier, lang),
        badge_label=t(f"report.badge.{report.basis.value}", lang),
        colour=tier_colour(rubric, basis_tier),
        headline=t(
            "report.front.total",
            lang,
            total=p(report.basis_total, lang),
            max=p(report.max_total, lang),
        ),
        next_line=next_line,
        stages=Table(
            "stages",
            t("report.front.stages", lang),
            (t("report.stage", lang), t("score.total", lang), t("score.predicate", lang)),
            tuple(
                (long, total, predicate_label(tier, lang))
                for long, (total, tier) in zip(long_labels, totals, strict=False)
            ),
        ),
        stage_colours=tuple(tier_colour(rubric, tier) for _, tier in totals),
        bands=bands,
        markers=tuple(
            Marker(label, total, i == len(totals) - 1, band(tier))
            for i, (label, (total, tier)) in enumerate(zip(labels, totals, strict=True))
        ),
        max_total=report.max_total,
        gaps=_gaps(report, lang),
        actions=_actions(report, lang),
    )


def _gaps(report: Report, lang: Lang) -> Table:
    basis = stage_labels(report, lang)[-1]
    return Table(
        "gaps",
        t("report.front.gaps", lang),
        (
            t("score.group", lang),
            f"{t('score.points', lang)} ({basis})",
            t("score.max", lang),
            t("report.front.missing", lang),
            f"% {basis}",
        ),
        tuple(
            (g.group.name.get(lang), g.points, g.group.max, g.gap, percent(g.points, g.group.max))
            for g in report.group_gaps()
        ),
        percent=(4,),
    )


def _actions(report: Report, lang: Lang) -> Table:
    rows = []
    for number, action in enumerate(report.first_actions(), start=1):
        row = action_row(report.rubric, action, lang)
        opd = report.opd_short(action.opds[0]) if action.opds else "-"
        rows.append((number, opd, f"{row.code} {row.item}", row.todo, row.gain))
    return Table(
        "actions",
        t("report.front.actions", lang),
        (
            t("report.front.number", lang),
            t("score.opd", lang),
            t("show.question", lang),
            t("report.plan.action", lang),
            t("report.plan.gain", lang),
        ),
        tuple(rows),
        empty=t("report.plan.none", lang),
        signed=(4,),
        lead=plan_lead(report, lang),
    )


def printed_line(report: Report, lang: Lang) -> str:
    """ "Dicetak 2 Desember 2025" (empty when the report carries no date)."""
    if report.printed is None:
        return ""
    return t("report.printed", lang, date=fmt_date(report.printed.date(), lang))


def page_header(report: Report, lang: Lang) -> str:
    """What every printed page carries at the top: the region and the report's year."""
    parts = [report.region or "-", t("report.title", lang), report.year or ""]
    return " · ".join(p for p in parts if p)


def signature_lines(report: Report, lang: Lang) -> tuple[str, ...]:
    """The signature block of the last page: place and date, the role, then name and NIP left
    blank to be filled in by hand."""
    when = fmt_date(report.printed.date(), lang) if report.printed else BLANK
    return (
        t("report.sign.place_date", lang, place=BLANK, date=when),
        t("report.sign.role", lang),
        report.region or "",
        "",
        "",
        t("report.sign.name", lang, blank=BLANK),
        t("report.sign.nip", lang, blank=BLANK),
    )
