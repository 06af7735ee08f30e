"""The province ranking of `kla batch` as documents: an .xlsx sheet (`-o provinsi.xlsx`) and one
self-contained HTML page (`-o provinsi.html`) that prints on A4.

Both take their columns and texts from the table model of `render/batch.py` (`_headers`,
`_row`), so the ranking reads the same in every format; the sheet keeps numbers as numbers, and
each row's predikat cell carries its tier colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kla_cli.i18n.messages import Lang, t
from kla_cli.render.batch import _headers, _row, _summary_line, reasons
from kla_cli.render.tier_colours import NO_TIER, TierColour, tier_colour
from kla_cli.render.xlsx_list import Column, ListSheet, Value, list_workbook

if TYPE_CHECKING:
    from kla_cli.core.ranking import BatchSummary, RegionResult
    from kla_cli.core.rubric import Rubric

WIDTHS = {
    "batch.col.rank": 6,
    "batch.col.region": 30,
    "batch.col.total": 11,
    "batch.col.evidenced": 13,
    "batch.col.verified": 13,
    "batch.col.predicate": 26,
    "batch.col.target": 14,
    "batch.col.met": 14,
    "batch.col.errors": 8,
}
"""Column widths (Excel units) by the table model's column key; others get 14."""

_TOTALS = {
    "batch.col.total": "total",
    "batch.col.evidenced": "total_evidenced",
    "batch.col.verified": "total_verified",
}


def _colour(rubric: Rubric, result: RegionResult) -> TierColour | None:
    """The predikat's colour; grey when scored below the lowest tier; none when unscored."""
    if result.total is None:
        return None
    tier = next((each for each in rubric.tiers if each.id == result.predicate), None)
    return tier_colour(rubric, tier) if tier else NO_TIER


def _typed(key: str, text: str, result: RegionResult) -> Value:
    """A cell of the table model as the sheet stores it: totals as numbers, a rank or a count
    of errors as a whole number, "-" (nothing) as an empty cell, anything else as its text."""
    if text == "-":
        return None
    if key in _TOTALS:
        value = getattr(result, _TOTALS[key])
        return value if isinstance(value, float | int) else text
    return int(text) if text.isdigit() else text


def batch_workbook(summary: BatchSummary, rubric: Rubric, lang: Lang) -> bytes:
    keys = _headers(summary)
    predicate = keys.index("batch.col.predicate")
    rows, colours = [], []
    for rank, result in summary.ranked():
        texts = _row(summary, rank, result, lang)
        rows.append([_typed(k, v, result) for k, v in zip(keys, texts, strict=True)])
        colour = _colour(rubric, result)
        colours.append({predicate: colour} if colour else {})
    kinds = dict.fromkeys(_TOTALS, "points") | {"batch.col.region": "wrap"}
    columns = [
        Column(t(key, lang), WIDTHS.get(key, 14), kinds.get(key, "text"))  # type: ignore[arg-type]
        for key in keys
    ]
    rubric_line = f"{summary.rubric_id} {summary.rubric_version}"
    spec = ListSheet(
        title=f"{t('batch.title', lang)} · {rubric_line}",
        sheet=t("batch.title", lang),
        columns=columns,
        rows=rows,
        colours=colours,
        notes=[_summary_line(summary, lang), *(f"{n}: {why}" for n, why in reasons(summary, lang))],
        subject=rubric_line,
    )
    return list_workbook(spec, lang)


CSS = """
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2933;
       margin: 2em auto; max-width: 1000px; padding: 0 1em; line-height: 1.35; }
h1 { font-size: 16pt; margin: 0 0 .6em; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { border: 1px solid #d5dce6; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #1f4e79; color: #ffffff; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.tier { font-weight: bold; }
p.note { color: #52606d; font-size: 9pt; }
@page { size: A4; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def batch_html(summary: BatchSummary, rubric: Rubric, lang: Lang) -> str:
    """One page, no external resource: the ranking with the predikat cells in tier colours."""
    from kla_cli import __version__
    from kla_cli.render.svg import esc

    keys = _headers(summary)
    numeric = {"batch.col.rank", "batch.col.errors", *_TOTALS}
    head = "".join(
        f"<th{' class=num' if key in numeric else ''}>{esc(t(key, lang))}</th>" for key in keys
    )
    body = []
    for rank, result in summary.ranked():
        cells = []
        for key, text in zip(keys, _row(summary, rank, result, lang), strict=True):
            colour = _colour(rubric, result) if key == "batch.col.predicate" else None
            if colour is not None:
                style = f"background:{colour.css_background};color:{colour.css_text}"
                cells.append(f'<td class=tier style="{style}">{esc(text)}</td>')
            else:
                cells.append(f"<td{' class=num' if key in numeric else ''}>{esc(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    title = f"{t('batch.title', lang)} · {summary.rubric_id} {summary.rubric_version}"
    made_by = t("report.made_by", lang, version=__version__)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<h1>{esc(title)}</h1>\n<table><thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + f"\n</tbody></table>\n<p>{esc(_summary_line(summary, lang))}</p>\n"
        + "".join(
            f"<p><b>{esc(name)}</b>: {esc(why)}</p>\n" for name, why in reasons(summary, lang)
        )
        + f'<p class="note">{esc(made_by)}</p>\n</body>\n</html>\n'
    )
