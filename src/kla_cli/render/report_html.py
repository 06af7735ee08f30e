"""The report as one self-contained HTML page that prints like the Excel report.

No external resource of any kind: CSS is inline and the charts are plain tables (coloured cells
as wide as the share they show), so they look the same in a browser, in its print preview and in
LibreOffice. Print CSS: A4 portrait, margins, the region and the date at the top of every page
and "Halaman N dari M" at the bottom (CSS page margin boxes), the first page on its own, tables
that keep their header on every page and fit the width.
"""

from __future__ import annotations

from collections.abc import Sequence

from kla_cli import __version__
from kla_cli.core.report_model import Report
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_num, fmt_points
from kla_cli.render.html import CSS, table_html
from kla_cli.render.report_front import STAGE_COLOURS as STAGE_HEX
from kla_cli.render.report_front import (
    Front,
    build_front,
    page_header,
    printed_line,
    signature_lines,
)
from kla_cli.render.report_layout import notes, percent, report_tables, stage_labels
from kla_cli.render.svg import esc
from kla_cli.render.tables import Table, cell_text
from kla_cli.render.tier_colours import TierColour

STAGE_COLOURS = tuple(f"#{c}" for c in STAGE_HEX)
TRACK = "#e3e8ef"

PRINT_CSS = """
body { max-width: 186mm; font-size: 10pt; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 16pt; margin: 0 0 2mm 0; }
h2 { font-size: 12pt; margin-top: 6mm; }
table { font-size: 9pt; }
table.data { table-layout: auto; }  /* no word cut in two: a column is as wide as its longest */
th, td { padding: 1mm 1.5mm; }
.printed { color: #52606d; font-size: 9pt; margin: 0 0 4mm 0; }
table.badge td { border: none; vertical-align: middle; }
table.badge td.tier { font-size: 18pt; font-weight: bold; text-align: center; width: 32%;
                      padding: 4mm 2mm; }
table.badge td.what { font-size: 11pt; padding-left: 4mm; }
table.facts th { background: none; width: 35%; }
table.ladder td { border: 1px solid #ffffff; text-align: center; font-size: 8pt; }
table.marks td { border: none; padding: 0 1mm; font-size: 8pt; white-space: nowrap; }
table.bars td { border: none; border-bottom: 1px solid #eef1f5; padding: .6mm 1.5mm;
                vertical-align: middle; }
table.bar { margin: .3mm 0; }
table.bar td { border: none; padding: 0; height: 2.2mm; font-size: 1pt; line-height: 1pt; }
.legend span { display: inline-block; margin-right: 5mm; font-size: 8pt; }
.legend b { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm; }
.front { break-after: page; page-break-after: always; }
.sign { margin-top: 12mm; margin-left: 55%; break-inside: avoid; page-break-inside: avoid; }
.sign p { margin: 0; line-height: 1.6; }
@media print {
  body { margin: 0; max-width: none; line-height: 1.3; }
  h2 { margin: 4mm 0 1.5mm 0; }
  .front th, .front td { padding: .6mm 1.5mm; }
  section { break-before: auto; }
}
"""


def css_string(text: str) -> str:
    """`text` as a CSS string: every character but letters, digits and spaces escaped, so no
    text from a workbook can close the string, the rule or the <style> element."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def page_rules(report: Report, lang: Lang) -> str:
    """@page: A4 portrait, margins, the region and date on top, the page number below."""
    before, _, rest = t("print.page_of", lang, page="\0", pages="\1").partition("\0")
    middle, _, after = rest.partition("\1")
    number = (
        f"{css_string(before)} counter(page) {css_string(middle)} counter(pages)"
        f" {css_string(after)}"
    )
    return (
        "@page { size: A4 portrait; margin: 16mm 12mm 16mm 12mm;\n"
        f"  @top-left {{ content: {css_string(page_header(report, lang))};"
        " font-size: 8pt; color: #52606d; }\n"
        f"  @top-right {{ content: {css_string(printed_line(report, lang))};"
        " font-size: 8pt; color: #52606d; }\n"
        f"  @bottom-right {{ content: {number}; font-size: 8pt; color: #52606d; }}\n"
        "}\n"
    )


def _cells(widths: Sequence[tuple[float, str]]) -> str:
    """A one-row table of coloured cells, each `width` percent wide."""
    tds = "".join(
        f'<td width="{w:.1f}%" style="width:{w:.1f}%;background:{c}" bgcolor="{c}">&nbsp;</td>'
        for w, c in widths
        if w > 0.05
    )
    return f'<table class="bar" width="100%"><tr>{tds}</tr></table>'


def bars(rows: Sequence[tuple[str, Sequence[float]]], lang: Lang, legend: Sequence[str]) -> str:
    """Horizontal bars in percent of each row's own maximum, one per stage, on a 0–100 track."""
    body = []
    for label, shares in rows:
        stack = "".join(
            _cells([(min(100.0, s), STAGE_COLOURS[k]), (100.0 - min(100.0, s), TRACK)])
            for k, s in enumerate(shares)
        )
        values = " / ".join(f"{fmt_num(s, lang, 0)}%" for s in shares)
        body.append(
            f"<tr><td>{esc(label)}</td><td>{stack}</td><td class=num>{esc(values)}</td></tr>"
        )
    keys = "".join(
        f'<span><b style="background:{STAGE_COLOURS[k]}"></b>{esc(name)}</span>'
        for k, name in enumerate(legend)
    )
    return (
        '<table class="bars" width="100%"><colgroup><col style="width:30%">'
        '<col style="width:52%"><col style="width:18%"></colgroup>'
        + "".join(body)
        + f'</table><p class="legend">{keys}</p>'
    )


def _tier_cell(text: str, colour: TierColour, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return (
        f'<td{attr} style="background:{colour.css_background};color:{colour.css_text}" '
        f'bgcolor="{colour.css_background}">{esc(text)}</td>'
    )


def ladder_html(front: Front, lang: Lang) -> str:
    """The tiers as coloured bands as wide as the totals they span, each total marked below."""
    top = front.max_total or 1.0
    cells = "".join(
        _tier_cell(
            f"{b.name} · {fmt_num(b.low, lang, 0)}–{fmt_num(b.high, lang, 0)}", b.colour
        ).replace("<td ", f'<td width="{100 * (b.high - b.low) / top:.1f}%" ', 1)
        for b in front.bands
    )
    marks = []
    for m in front.markers:
        at = 100 * min(m.total, top) / top
        text = esc(f"{m.label} {fmt_points(m.total, lang)}")
        text = f"<b>{text}</b>" if m.headline else text
        if at > 70:
            left, right = f'<td align="right" style="text-align:right">{text} ▲</td>', "<td></td>"
        else:
            left, right = "<td></td>", f"<td>▲ {text}</td>"
        marks.append(
            '<table class="marks" width="100%"><tr>'
            + left.replace("<td", f'<td width="{at:.1f}%" style="width:{at:.1f}%"', 1)
            + right
            + "</tr></table>"
        )
    return f'<table class="ladder" width="100%"><tr>{cells}</tr></table>' + "".join(marks)


def _stages(front: Front, lang: Lang) -> str:
    rows = "".join(
        f"<tr><td>{esc(str(label))}</td><td class=num>{esc(cell_text(total, lang))}</td>"
        + _tier_cell(str(tier), colour)
        + "</tr>"
        for (label, total, tier), colour in zip(front.stages.rows, front.stage_colours, strict=True)
    )
    head = "".join(f"<th>{esc(h)}</th>" for h in front.stages.headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _facts(table: Table, lang: Lang) -> str:
    rows = "".join(
        f"<tr><th>{esc(cell_text(label, lang))}</th><td>{esc(cell_text(value, lang))}</td></tr>"
        for label, value, *_ in table.rows
    )
    return f'<table class="facts">{rows}</table>'


def front_html(report: Report, front: Front, lang: Lang) -> str:
    """The first page. Its summary of facts follows on the next page (a browser's print of the
    front with it ran over one page); the rubric is named under the title instead."""
    rubric = f"{report.rubric_title.get(lang)} ({report.rubric_id} {report.rubric_version})"
    printed = " · ".join(p for p in (printed_line(report, lang), rubric) if p)
    badge = (
        '<table class="badge" width="100%"><tr>'
        + _tier_cell(front.badge, front.colour, "tier")
        + f'<td class="what"><b>{esc(front.badge_label)}</b><br>{esc(front.headline)}.<br>'
        f"{esc(front.next_line)}</td></tr></table>"
    )
    return (
        '<section class="front">\n'
        f"<h1>{esc(front.title)}</h1>\n"
        f'<p class="printed">{esc(printed)}</p>\n'
        f"{badge}\n<h2>{esc(front.stages.title)}</h2>\n{_stages(front, lang)}\n"
        f"<h2>{esc(t('report.front.ladder', lang))}</h2>\n{ladder_html(front, lang)}\n"
        f"<h2>{esc(front.gaps.title)}</h2>\n{table_html(front.gaps, lang)}\n"
        f"<h2>{esc(front.actions.title)}</h2>\n{table_html(front.actions, lang)}\n"
        "</section>"
    )


def _section(title: str, *content: str) -> str:
    return f"<section>\n<h2>{esc(title)}</h2>\n" + "\n".join(content) + "\n</section>"


def report_html(report: Report, lang: Lang) -> str:
    front = build_front(report, lang)
    summary, ladder, groups, indicators, *rest = report_tables(report, lang)
    labels = stage_labels(report, lang)
    group_chart = bars(
        [
            (
                g.short.get(lang),
                [
                    percent(p, g.max)
                    for p in (g.score, g.score_evidenced, g.score_verified or 0.0)[: len(labels)]
                ],
            )
            for g in report.groups
        ],
        lang,
        labels,
    )
    basis = t(f"report.basis.{report.basis.value}", lang)
    indicator_chart = bars(
        [
            (f"{i.number} {i.name.get(lang)}", [percent(i.on(report.basis), i.max)])
            for i in report.indicators
        ],
        lang,
        [labels[-1]],
    ).replace(STAGE_COLOURS[0], STAGE_COLOURS[len(labels) - 1])
    sections = [
        front_html(report, front, lang),
        _section(summary.title, _facts(summary, lang)),
        _section(ladder.title, table_html(ladder, lang)),
        _section(
            groups.title,
            f"<p><b>{esc(t('report.chart.groups', lang))}</b></p>",
            group_chart,
            table_html(groups, lang),
        ),
        _section(
            indicators.title,
            f"<p><b>{esc(t('report.chart.indicators', lang, basis=basis))}</b></p>",
            indicator_chart,
            table_html(indicators, lang),
        ),
        *(
            _section(table.title, table_html(table, lang))
            for table in rest
            if table.rows or table.empty
        ),
    ]
    extra = notes(report, lang)
    if extra:
        sections.append(
            _section(t("report.notes", lang), *(f'<p class="note">{esc(n)}</p>' for n in extra))
        )
    sign = "".join(
        f"<p>{esc(line) if line else '&nbsp;'}</p>" for line in signature_lines(report, lang)
    )
    sections.append(f'<div class="sign">{sign}</div>')
    return _page(front.title, sections, page_rules(report, lang), lang)


def _page(title: str, sections: Sequence[str], rules: str, lang: Lang) -> str:
    footer = esc(t("report.made_by", lang, version=__version__))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}{PRINT_CSS}{rules}</style>\n</head>\n<body>\n"
        + "\n".join(sections)
        + f"\n<footer>{footer}</footer>\n</body>\n</html>\n"
    )
