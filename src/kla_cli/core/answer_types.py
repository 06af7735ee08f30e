"""What an answer is, and how every output shows one (`answer_text`): the types every layer
passes around (pure, no I/O).

Apart from `core/answers`, which parses what a cell says into one (its patterns and problems): a
command that shows a result kept by `region_memo`, or plans a gap, needs these, not the parsing.
"""

from datetime import date, datetime, time
from typing import NamedTuple

from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points


class Nilai(NamedTuple):
    """Points given directly (a recap's Nilai column), whatever the question's answer type."""

    points: float


Answer = float | str | bool | frozenset[str] | Nilai
"""A parsed answer: a number (percent/count/score), an option key (choice), yes/no, ticked keys,
or the points themselves."""

CellValue = str | int | float | bool | datetime | date | time | None
"""A cell's value as a reader gives it."""


def answer_text(answer: Answer | None, lang: Lang) -> str:
    """An answer as text: `Ya`/`Tidak`, ticked keys `a, c` (`-`: none ticked), `18,5`, `b`;
    `""` when unanswered."""
    if answer is None:
        return ""
    if isinstance(answer, bool):
        return t("yes" if answer else "no", lang)
    if isinstance(answer, frozenset):
        return ", ".join(sorted(answer)) or "-"
    if isinstance(answer, Nilai):
        return t("answer.nilai", lang, points=fmt_points(answer.points, lang))
    if isinstance(answer, float):
        return fmt_points(answer, lang).rstrip("0").rstrip(",.")
    return answer
