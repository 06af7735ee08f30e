"""HTML writers' shared parts (a table, a page) and the history page; the report is
`report_html`. Each page is self-contained.

No external resource of any kind (no script, font, stylesheet or image URL): CSS is inline,
charts are inline SVG, and the page prints on A4 (`@media print`). It opens in a browser offline
and can be mailed as a single file.
"""

from __future__ import annotations

from collections.abc import Sequence

from kla_cli import __version__
from kla_cli.core.history import History, story
from kla_cli.i18n.messages import Lang, t
from kla_cli.render.history_layout import history_table, history_title
from kla_cli.render.svg import Bar, esc, year_columns
from kla_cli.render.tables import Table, cell_text, column_widths

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2933;
       margin: 2rem auto; max-width: 1100px; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #dde5f0; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
table.data { table-layout: fixed; }
td, th { overflow-wrap: break-word; }
th, td { border: 1px solid #d5dce6; padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #dde5f0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.summary dt { font-weight: bold; }
dl.summary dd { margin: 0; }
.lead { font-size: 1.1rem; }
.note { color: #52606d; font-size: .9rem; }
.chart { max-width: 900px; }
footer { margin-top: 2rem; color: #7b8794; font-size: .8rem; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, .chart { break-inside: auto; }
  tr, .chart svg { break-inside: avoid; }
  thead { display: table-header-group; }
}
"""


def table_html(table: Table, lang: Lang) -> str:
    lead = f"<p>{esc(table.lead)}</p>" if table.lead else ""
    return lead + _rows_html(table, lang)


def _rows_html(table: Table, lang: Lang) -> str:
    if not table.rows:
        return f'<p class="note">{esc(table.empty or "-")}</p>'
    if not any(table.headers):
        pairs = "".join(
            f"<dt>{esc(cell_text(label, lang))}</dt><dd>{esc(cell_text(value, lang))}</dd>"
            for label, value, *_ in table.rows
        )
        return f'<dl class="summary">{pairs}</dl>'
    numeric = [table.numeric(c) for c in range(len(table.headers))]
    widths = column_widths(table, lang)
    share = sum(widths) or 1
    cols = "".join(f'<col style="width:{100 * w / share:.1f}%">' for w in widths)
    head = "".join(
        f"<th{' class=num' if numeric[c] else ''}>{esc(h)}</th>"
        for c, h in enumerate(table.headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=num' if numeric[c] else ''}>"
            f"{esc(cell_text(v, lang, signed=c in table.signed))}</td>"
            for c, v in enumerate(row)
        )
        + "</tr>"
        for row in table.rows
    )
    return (
        f'<table class="data"><colgroup>{cols}</colgroup>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def page(title: str, sections: Sequence[str], lang: Lang) -> str:
    footer = esc(t("report.made_by", lang, version=__version__))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<h1>{esc(title)}</h1>\n" + "\n".join(sections) + f"\n<footer>{footer}</footer>\n"
        "</body>\n</html>\n"
    )


def _section(title: str, *content: str) -> str:
    return f"<section>\n<h2>{esc(title)}</h2>\n" + "\n".join(content) + "\n</section>"


def history_html(history: History, lang: Lang) -> str:
    chart = year_columns(
        [
            Bar(y.year, y.snapshot.total, y.snapshot.total_evidenced, y.snapshot.max_total)
            for y in history.years
        ],
        [(tier.name, tier.floor) for tier in history.tiers],
        lang,
        legend=(t("score.total", lang), t("score.total_evidenced", lang)),
    )
    table = history_table(history, lang)
    sections = [
        f'<p class="lead">{esc(t("history.story", lang))}: {esc(story(history, lang))}</p>',
        f'<figure class="chart">{chart}<figcaption>{esc(t("history.chart", lang))}'
        "</figcaption></figure>",
        _section(table.title, table_html(table, lang)),
    ]
    return page(history_title(history, lang), sections, lang)
