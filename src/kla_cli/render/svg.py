"""Charts as inline SVG text (no script, no external resource), for the HTML reports.

Every text placed in a chart goes through `esc`, which HTML-escapes it and breaks any `://`, so
that a value typed into a workbook can never become a link or a resource to fetch.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kla_cli.i18n.display import document_text
from kla_cli.i18n.messages import Lang
from kla_cli.i18n.numbers import fmt_points

SCORE = "#2f6db5"
EVIDENCED = "#5aa469"
TRACK = "#e3e8ef"
LINE = "#b45309"
INK = "#1f2933"


def esc(text: str) -> str:
    """HTML-escape `text`; `://` is written `&#58;//` so no URL appears in the file; control
    characters (which HTML and SVG cannot hold) as `document_text` leaves them."""
    return html.escape(document_text(text), quote=True).replace("://", "&#58;//")


def _legend(entries: Iterable[tuple[str, str]], x0: float, y: float) -> list[str]:
    parts = []
    for k, (name, color) in enumerate(entries):
        x = x0 + k * 180
        parts += [
            f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{color}"/>',
            f'<text x="{x + 14}" y="{y}" fill="{INK}">{esc(name)}</text>',
        ]
    return parts


@dataclass(frozen=True)
class Bar:
    label: str
    score: float
    evidenced: float | None
    """None when not known (a result sheet): no evidenced bar is drawn."""
    max: float


def year_columns(
    bars: Sequence[Bar], lines: Sequence[tuple[str, float]], lang: Lang, *, legend: tuple[str, str]
) -> str:
    """Vertical columns per year (total and evidenced total) with a dashed line per tier floor."""
    left, plot_h, col_w, gap = 60, 260, 28, 24
    width = left + max(1, len(bars)) * (2 * col_w + gap) + 150
    height = plot_h + 70
    top = max([b.max for b in bars] + [f for _, f in lines] + [1.0])

    def y_of(value: float) -> float:
        return 10 + plot_h * (1 - value / top)

    parts = [
        f'<svg viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" font-family="sans-serif" font-size="12">',
        f'<line x1="{left}" y1="{10 + plot_h}" x2="{width - 150}" y2="{10 + plot_h}" stroke="{INK}"/>',
    ]
    for name, floor in lines:
        y = y_of(floor)
        parts += [
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 150}" y2="{y:.1f}" stroke="{LINE}" '
            f'stroke-dasharray="4 3"/>',
            f'<text x="{width - 146}" y="{y + 4:.1f}" fill="{LINE}">{esc(name)} '
            f"({esc(fmt_points(floor, lang))})</text>",
        ]
    for i, bar in enumerate(bars):
        x = left + gap / 2 + i * (2 * col_w + gap)
        for k, (value, color) in enumerate(((bar.score, SCORE), (bar.evidenced, EVIDENCED))):
            if value is None:
                continue
            y = y_of(value)
            parts.append(
                f'<rect x="{x + k * col_w:.1f}" y="{y:.1f}" width="{col_w - 2}" '
                f'height="{10 + plot_h - y:.1f}" fill="{color}"/>'
            )
        parts += [
            f'<text x="{x + col_w:.1f}" y="{y_of(bar.score) - 4:.1f}" text-anchor="middle" '
            f'fill="{INK}">{esc(fmt_points(bar.score, lang))}</text>',
            f'<text x="{x + col_w:.1f}" y="{plot_h + 26}" text-anchor="middle" fill="{INK}">'
            f"{esc(bar.label)}</text>",
        ]
    parts += _legend(zip(legend, (SCORE, EVIDENCED), strict=True), left, height - 12)
    parts.append("</svg>")
    return "\n".join(parts)
