"""`kla followup`: the pack for each OPD (a plain-text message to paste into WhatsApp or an
email, a small workbook) and one printable document for the Gugus Tugas meeting."""

from __future__ import annotations

import io
from html import escape

from kla_cli.core.followup import FollowUp, FollowUps, Missing, Owed
from kla_cli.core.gap.actions import Action
from kla_cli.core.rubric import Rubric
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.gap_text import opportunity_text
from kla_cli.render.tier_colours import tier_colour

COMBINED = "tindak-lanjut.html"
"""The combined document's file name in the output folder."""


def _deadline(fus: FollowUps, lang: Lang) -> str:
    if fus.deadline is None:
        return t("followup.soon", lang)
    return t("followup.by", lang, date=fus.deadline.isoformat())


def missing_line(m: Missing, lang: Lang) -> str:
    """`12.3 (Isian!H30): data dukung belum ada; diminta: SK …; 2,37 poin`."""
    head = m.code + (f" ({_cell(m.where)})" if m.where else "")
    what = m.problem if m.kind is Owed.ERROR and m.problem else t(f"followup.owed.{m.kind}", lang)
    text = f"{head}: {what}"
    if m.evidence_asked is not None:
        text += "; " + t("followup.asked", lang, evidence=m.evidence_asked.get(lang))
    return text + "; " + t("followup.points", lang, points=fmt_points(m.points, lang))


def _cell(where: str) -> str:
    """`masuk/dinkes.xlsx:Isian!H30` → `Isian!H30` (the OPD knows its own file)."""
    return where.rpartition(":")[2] if ":" in where else where


def improvement_line(rubric: Rubric, action: Action, lang: Lang) -> str:
    item = rubric.item_index[action.code][1]
    return f"{action.code}: {opportunity_text(action, item, lang)}"


def _form_missing(follow: FollowUp) -> tuple[Missing, ...]:
    return tuple(m for m in follow.missing if m.kind is Owed.FORM)


def message_text(rubric: Rubric, fus: FollowUps, follow: FollowUp, lang: Lang) -> str:
    """The message to one OPD, plain text: greeting, what is missing or rejected first, then
    the improvements cheapest first, the deadline."""
    where = " ".join(x for x in (fus.region, fus.year) if x)
    lines = [t("followup.greeting", lang, opd=follow.opd.name), ""]
    lines.append(t("followup.intro", lang, region=where or "-"))
    form = _form_missing(follow)
    if form:
        lines += [
            "",
            t(
                "followup.no_form",
                lang,
                count=len(form),
                points=fmt_points(sum(m.points for m in form), lang),
            ),
        ]
    rest = [m for m in follow.missing if m.kind is not Owed.FORM]
    if rest:
        lines += ["", t("followup.missing_head", lang)]
        lines += [f"{n}. {missing_line(m, lang)}" for n, m in enumerate(rest, start=1)]
    if follow.improvements:
        lines += [
            "",
            t("followup.improve_head", lang, tier=fus.target.name.get(lang)),
        ]
        lines += [
            f"{n}. {improvement_line(rubric, a, lang)}"
            for n, a in enumerate(follow.improvements, start=1)
        ]
    lines += ["", t("followup.closing", lang, deadline=_deadline(fus, lang))]
    lines += ["", t("followup.signature", lang, region=fus.region or "")]
    return "\n".join(lines).rstrip() + "\n"


def followup_xlsx(rubric: Rubric, fus: FollowUps, follow: FollowUp, lang: Lang) -> bytes:
    """The same content as a small workbook: what is missing, then the improvements."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from kla_cli.workbook.print_setup import describe, print_a4
    from kla_cli.workbook.row_heights import fit_wrapped_rows
    from kla_cli.workbook.safe_cells import put as put_text

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = t("followup.sheet", lang)
    # kla named as its creator: kla's own output, never read as a form
    describe(book, title=t("followup.title", lang, opd=follow.opd.name))
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    put_text(ws, 1, 1, t("followup.title", lang, opd=follow.opd.name))
    ws["A1"].font = Font(bold=True, size=13)
    put_text(ws, 2, 1, " ".join(x for x in (fus.region, fus.year) if x))
    put_text(ws, 3, 1, _deadline(fus, lang))
    colour = tier_colour(rubric, fus.target)
    put_text(ws, 2, 5, fus.target.name.get(lang))
    ws["E2"].fill = PatternFill("solid", fgColor=colour.background)
    ws["E2"].font = Font(bold=True, color=colour.text)
    headers = [
        t(f"followup.col.{k}", lang) for k in ("code", "question", "what", "asked", "points")
    ]
    row = 5
    ws.cell(row, 1, t("followup.missing_head", lang)).font = bold
    row += 1
    header_row = row
    for col, header in enumerate(headers, start=1):
        ws.cell(row, col, header).font = bold
    for m in follow.missing:
        row += 1
        what = (
            m.problem if m.kind is Owed.ERROR and m.problem else t(f"followup.owed.{m.kind}", lang)
        )
        if m.where:
            what += f" ({_cell(m.where)})"
        values: tuple[str | float, ...] = (
            m.code,
            m.question.get(lang) if m.question else "",
            what,
            m.evidence_asked.get(lang) if m.evidence_asked else "",
            m.points,
        )
        for col, value in enumerate(values, start=1):
            cell = put_text(ws, row, col, value)
            cell.alignment = wrap
            if col == 5:
                cell.number_format = "#,##0.00"
    if follow.improvements:
        row += 2
        ws.cell(
            row, 1, t("followup.improve_head", lang, tier=fus.target.name.get(lang))
        ).font = bold
        for a in follow.improvements:
            row += 1
            item = rubric.item_index[a.code][1]
            values2: tuple[str | float, ...] = (
                a.code,
                a.question.get(lang),
                opportunity_text(a, item, lang),
                a.evidence_asked.get(lang) if a.evidence_asked else "",
                a.gain,
            )
            for col, value in enumerate(values2, start=1):
                cell = put_text(ws, row, col, value)
                cell.alignment = wrap
                if col == 5:
                    cell.number_format = "#,##0.00"
    for letter, width in zip("ABCDE", (9, 48, 34, 36, 10), strict=True):
        ws.column_dimensions[letter].width = width
    print_a4(ws, lang=lang, title_rows=f"{header_row}:{header_row}", header=follow.opd.name)
    fit_wrapped_rows(book)  # wrapped texts get their rows' height, as Excel would show them
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def combined_html(rubric: Rubric, fus: FollowUps, lang: Lang) -> str:
    """Every OPD's follow-up in one document, A4 portrait, one OPD after another."""
    where = " ".join(x for x in (fus.region, fus.year) if x)
    title = t("followup.combined_title", lang) + (f" · {where}" if where else "")
    colour = tier_colour(rubric, fus.target)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>',
        "<style>",
        "@page { size: A4 portrait; margin: 15mm; }",
        "body { font-family: sans-serif; font-size: 10pt; color: #1f2933; }",
        "h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 1.2em; }",
        "section { break-inside: avoid-page; }",
        "table { border-collapse: collapse; width: 100%; table-layout: fixed; }",
        "th, td { border: 1px solid #a6a6a6; padding: 2px 4px; vertical-align: top;"
        " overflow-wrap: anywhere; }",
        "td.n { text-align: right; }",
        ".badge { padding: 1px 6px; border-radius: 3px; }",
        "</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        "<p>"
        + escape(t("followup.target_line", lang))
        + f' <span class="badge" style="background:{colour.css_background};'
        f'color:{colour.css_text}">{escape(fus.target.name.get(lang))}</span> · '
        + escape(_deadline(fus, lang))
        + "</p>",
    ]
    if not fus.opds:
        parts.append(f"<p>{escape(t('followup.nothing', lang))}</p>")
    for follow in fus.opds:
        parts.append(f"<section><h2>{escape(follow.opd.name)}</h2>")
        rows = [
            (m.code, m.question.get(lang) if m.question else "", missing_line(m, lang), m.points)
            for m in follow.missing
        ]
        rows += [
            (a.code, a.question.get(lang), improvement_line(rubric, a, lang), a.gain)
            for a in follow.improvements
        ]
        heads = [t(f"followup.col.{k}", lang) for k in ("code", "question", "what", "points")]
        # a fixed layout takes its widths from here (a browser ignores a cell's own width)
        cols = '<colgroup><col style="width:5em"><col><col><col style="width:5em"></colgroup>'
        parts.append(
            f"<table>{cols}<tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>"
        )
        for code, question, what, points in rows:
            parts.append(
                f'<tr><td class="c">{escape(code)}</td><td>{escape(question)}</td>'
                f'<td>{escape(what)}</td><td class="n">{escape(fmt_points(points, lang))}</td></tr>'
            )
        parts.append("</table></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def followup_files(rubric: Rubric, fus: FollowUps, lang: Lang) -> dict[str, bytes]:
    """Every file of the pack: `<opd-id>.txt` and `<opd-id>.xlsx` per OPD, and the combined
    document."""
    files: dict[str, bytes] = {}
    for follow in fus.opds:
        text = message_text(rubric, fus, follow, lang)
        files[f"{follow.opd.id}.txt"] = text.encode("utf-8")
        files[f"{follow.opd.id}.xlsx"] = followup_xlsx(rubric, fus, follow, lang)
    files[COMBINED] = combined_html(rubric, fus, lang).encode("utf-8")
    return files
