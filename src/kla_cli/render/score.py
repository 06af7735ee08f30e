"""Render a `ScoreResult` as a rich table, JSON, CSV or Markdown."""

from __future__ import annotations

from typing import Any

from kla_cli.core.answer_types import Answer, Nilai
from kla_cli.core.findings import Finding
from kla_cli.core.predicate import predicate_label
from kla_cli.core.provisional import provisional_note
from kla_cli.core.rubric_leaves import Tier
from kla_cli.core.scoring import ItemScore, ScoreResult
from kla_cli.i18n.display import shown
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render import csv_text
from kla_cli.render.contract import answer_json, json_text
from kla_cli.render.findings import finding_json
from kla_cli.render.formats import Format
from kla_cli.render.markdown import md_escape, md_table
from kla_cli.render.tables import BoxTable, Column, spans
from kla_cli.render.terminal import Page


def _tier(tier: Tier | None) -> str | None:
    return tier.name.id if tier else None


def _item_json(item: ItemScore) -> dict[str, Any]:
    r = item.response
    return {
        "code": item.code,
        "type": item.type.value,
        "answer": answer_json(r.answer) if r else None,
        "points": item.points,
        "points_evidenced": item.points_evidenced,
        "max": item.max,
        "evidence_required": item.evidence_required,
        "evidence": r.evidence if r else None,
        "opd": r.opd if r else None,
        "source": r.source if r else None,
        "points_verified": item.points_verified,
        "note": r.note if r else None,
    }


def score_json(
    result: ScoreResult, findings: list[Finding] | None = None, lang: Lang = "id"
) -> dict[str, Any]:
    """The JSON contract of `kla score --format json` (also read back by `kla compare`)."""
    return {
        "rubric": {
            "id": result.rubric_id,
            "version": result.rubric_version,
            "provisional": result.provisional,
            "provisional_points": result.provisional_points,
        },
        "region": result.region,
        "year": result.year,
        "total": result.total,
        "total_evidenced": result.total_evidenced,
        "max_total": result.max_total,
        "predicate": _tier(result.predicate),
        "predicate_id": result.predicate.id if result.predicate else None,
        "predicate_evidenced": _tier(result.predicate_evidenced),
        "predicate_evidenced_id": result.predicate_evidenced.id
        if result.predicate_evidenced
        else None,
        "total_verified": result.total_verified,
        "predicate_verified": _tier(result.predicate_verified),
        "predicate_verified_id": result.predicate_verified.id
        if result.predicate_verified
        else None,
        "groups": [
            {
                "id": g.id,
                "name": g.name.get(lang),
                "score": g.score,
                "score_evidenced": g.score_evidenced,
                "score_verified": g.score_verified,
                "max": g.max,
            }
            for g in result.groups
        ],
        "indicators": [
            {
                "id": ind.id,
                "group": ind.group,
                "name": ind.name.get(lang),
                "score": ind.score,
                "score_evidenced": ind.score_evidenced,
                "score_verified": ind.score_verified,
                "max": ind.max,
                "opd": list(ind.opd),
                "items": [_item_json(i) for i in ind.items],
            }
            for ind in result.indicators
        ],
        "skipped": list(result.skipped),
        "findings": [finding_json(f, lang) for f in findings or []],
    }


CSV_COLUMNS = (
    "region",
    "year",
    "group",
    "indicator",
    "code",
    "answer",
    "points",
    "points_evidenced",
    "max",
    "evidence_required",
    "evidence",
    "opd",
)
VERIFIED_CSV_COLUMNS = ("points_verified", "note")
"""Added after `CSV_COLUMNS` when the result carries the verifier's points."""


def verified(result: ScoreResult) -> bool:
    """Whether the result carries the verifier's points (a Nilai VA column)."""
    return result.total_verified is not None


def _answer_csv(answer: Answer, excel: bool) -> object:
    """An answer in one CSV cell: ticked letters joined by `;`, a recap's points as `nilai 3.0`
    (what a form may hold to give the points directly; `nilai 3,0` for Excel set to
    Indonesian, as its numbers are), anything else as it is."""
    if isinstance(answer, frozenset):
        return ";".join(sorted(answer))
    if isinstance(answer, Nilai):
        points = repr(answer.points)
        return f"nilai {points.replace('.', ',') if excel else points}"
    return answer


def score_csv(result: ScoreResult, *, excel: bool = False) -> str:
    """One row per item; machine-readable (dot decimals), formula-safe text."""
    checked = verified(result)
    rows: list[tuple[object, ...]] = []
    for ind in result.indicators:
        for item in ind.items:
            r = item.response
            rows.append(
                (
                    result.region or "",
                    result.year or "",
                    ind.group,
                    ind.id,
                    item.code,
                    _answer_csv(r.answer, excel) if r else "",
                    item.points,
                    item.points_evidenced,
                    item.max,
                    item.evidence_required,
                    (r.evidence if r else None) or "",
                    (r.opd if r else None) or "",
                    *((item.points_verified, (r.note if r else None) or "") if checked else ()),
                )
            )
    return csv_text(CSV_COLUMNS + (VERIFIED_CSV_COLUMNS if checked else ()), rows, excel=excel)


def _notes(result: ScoreResult, lang: Lang) -> list[str]:
    items = result.all_items()
    notes = []
    lost = [i for i in items if i.evidence_missing and i.points > 0]
    if lost:
        points = sum(i.points - i.points_evidenced for i in lost)
        notes.append(
            t("score.evidence_note", lang, count=len(lost), points=fmt_points(points, lang))
        )
    unanswered = [i for i in items if not i.answered]
    if unanswered:
        notes.append(t("score.unanswered_note", lang, count=len(unanswered)))
    if result.skipped:
        notes.append(
            t("findings.skipped", lang, count=len(result.skipped), codes=", ".join(result.skipped))
        )
    cut = [i for i in items if i.points_verified is not None and i.points_verified < i.points]
    if cut:
        points = sum(i.points - (i.points_verified or 0.0) for i in cut)
        notes.append(
            t("score.verified_note", lang, count=len(cut), points=fmt_points(points, lang))
        )
    note = provisional_note(result.provisional, result.provisional_points, lang)
    if note:
        notes.append(note)
    return notes


def _point_keys(checked: bool) -> tuple[str, ...]:
    """The point columns: self-assessed, evidenced, verified (when known), max."""
    return (
        "score.points",
        "score.evidenced",
        *(("score.verified",) if checked else ()),
        "score.max",
    )


def _points(
    score: float, evidenced: float, checked: float | None, top: float, lang: Lang
) -> list[str]:
    p = fmt_points
    shown = [p(score, lang), p(evidenced, lang)]
    if checked is not None:
        shown.append(p(checked, lang))
    return [*shown, p(top, lang)]


def score_markdown(result: ScoreResult, lang: Lang, lowest: float, detail: bool = True) -> str:
    p = fmt_points
    checked = verified(result)
    lines = [
        f"# {t('score.title', lang)}: {md_escape(result.region or '-')} {result.year or ''}".rstrip(),
        "",
        f"- **{t('score.total', lang)}**: {p(result.total, lang)} / {p(result.max_total, lang)}",
        f"- **{t('score.predicate', lang)}**: {predicate_label(result.predicate, lang, lowest)}",
        f"- **{t('score.total_evidenced', lang)}**: {p(result.total_evidenced, lang)} "
        f"({predicate_label(result.predicate_evidenced, lang, lowest)})",
    ]
    if result.total_verified is not None:
        lines.append(
            f"- **{t('score.total_verified', lang)}**: {p(result.total_verified, lang)} "
            f"({predicate_label(result.predicate_verified, lang, lowest)})"
        )
    lines += [f"- **{t('score.rubric', lang)}**: {result.rubric_id} {result.rubric_version}", ""]
    keys = _point_keys(checked)
    numbers = tuple(range(1, len(keys) + 1))
    total_row = _points(
        result.total, result.total_evidenced, result.total_verified, result.max_total, lang
    )
    lines += md_table(
        [t(key, lang) for key in ("score.group", *keys)],
        [
            *(
                [
                    g.name.get(lang),
                    *_points(g.score, g.score_evidenced, g.score_verified, g.max, lang),
                ]
                for g in result.groups
            ),
            [f"**{v}**" for v in (t("score.total", lang), *total_row)],
        ],
        right=numbers,
    )
    if detail:
        lines.append("")
        lines += md_table(
            ["#", *(t(key, lang) for key in ("score.indicator", "score.group", *keys))],
            (
                [
                    ind.id,
                    ind.name.get(lang),
                    ind.group,
                    *_points(ind.score, ind.score_evidenced, ind.score_verified, ind.max, lang),
                ]
                for ind in result.indicators
            ),
            right=(0, *(n + 2 for n in numbers)),
        )
    notes = _notes(result, lang)
    if notes:
        lines += ["", *[f"> {n}" for n in notes]]
    return "\n".join(lines) + "\n"


def score_table(
    result: ScoreResult, lang: Lang, lowest: float, *, detail: bool, color: bool, width: int
) -> str:
    return score_page(result, lang, lowest, detail=detail, width=width).text(color=color)


def score_page(result: ScoreResult, lang: Lang, lowest: float, *, detail: bool, width: int) -> Page:
    # names from workbooks and rubrics are text, never markup: `[lama]` stays, `[/bold]` is shown
    p = fmt_points
    checked = verified(result)
    keys = _point_keys(checked)
    page = Page(width)
    title = shown(f"{t('score.title', lang)} · {result.region or '-'} · {result.year or '-'}")
    columns = [Column(t("score.group", lang))]
    columns += [Column(t(key, lang), justify="right") for key in (*keys, "score.percent")]
    table = BoxTable(columns, title=title)
    for g in result.groups:
        pct = 100 * g.score / g.max if g.max else 0.0
        table.add_row(
            shown(g.name.get(lang)),
            *_points(g.score, g.score_evidenced, g.score_verified, g.max, lang),
            p(pct, lang),
        )
    table.add_section()
    bold = [p(result.total, lang), p(result.total_evidenced, lang)]
    if result.total_verified is not None:
        bold.append(p(result.total_verified, lang))
    table.add_row(
        spans((t("score.total", lang), "bold")),
        *(spans((value, "bold")) for value in bold),
        p(result.max_total, lang),
        p(100 * result.total / result.max_total, lang),
    )
    page.table(table)
    if detail:
        columns = [
            Column("#", justify="right"),
            Column(t("score.indicator", lang)),
            Column(t("score.group", lang)),
            *(Column(t(key, lang), justify="right") for key in keys),
        ]
        ind_table = BoxTable(columns, title=t("score.indicator", lang))
        for ind in result.indicators:
            ind_table.add_row(
                ind.id,
                shown(ind.name.get(lang)),
                ind.group,
                *_points(ind.score, ind.score_evidenced, ind.score_verified, ind.max, lang),
            )
        page.table(ind_table)
    page.line(
        (f"{t('score.predicate', lang)}:", "bold"),
        " ",
        (shown(predicate_label(result.predicate, lang, lowest)), "bold cyan"),
        f"  ({t('score.total_evidenced', lang)}: {p(result.total_evidenced, lang)} → "
        f"{shown(predicate_label(result.predicate_evidenced, lang, lowest))})",
    )
    if result.total_verified is not None:
        page.line(
            (f"{t('score.total_verified', lang)}:", "bold"),
            f" {p(result.total_verified, lang)} → ",
            (shown(predicate_label(result.predicate_verified, lang, lowest)), "bold cyan"),
        )
    for note in _notes(result, lang):
        page.line((note, "dim"))
    return page


def render_score(
    result: ScoreResult,
    fmt: Format,
    lang: Lang,
    *,
    lowest: float,
    findings: list[Finding] | None = None,
    detail: bool = False,
    color: bool = False,
    width: int = 100,
    excel: bool = False,
) -> str:
    """`excel`: CSV for Excel set to Indonesian (see `render.csv_text`)."""
    if fmt is Format.JSON:
        return json_text("score", score_json(result, findings, lang))
    if fmt is Format.CSV:
        return score_csv(result, excel=excel)
    if fmt is Format.MARKDOWN:
        return score_markdown(result, lang, lowest)
    return score_table(result, lang, lowest, detail=detail, color=color, width=width)
