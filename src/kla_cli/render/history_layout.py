"""A `History` as one table and a title (pure), laid out alike by every history writer."""

from __future__ import annotations

from kla_cli.core.history import History
from kla_cli.core.predicate import predicate_label
from kla_cli.i18n.messages import Lang, t
from kla_cli.render.tables import Table


def history_title(history: History, lang: Lang) -> str:
    return " · ".join(p for p in (t("history.title", lang), history.region) if p)


def history_table(history: History, lang: Lang) -> Table:
    """Year, totals, predikat, change, source; a verified total column (with its predikat) only
    when some year carries the verifier's points."""
    checked = any(y.snapshot.total_verified is not None for y in history.years)
    verified_heads = (t("history.verified", lang),) if checked else ()
    return Table(
        "history",
        t("history.sheet", lang),
        (
            t("score.year", lang),
            t("score.total", lang),
            t("score.total_evidenced", lang),
            *verified_heads,
            t("score.predicate", lang),
            t("compare.change", lang),
            t("history.source", lang),
        ),
        tuple(
            (
                y.year,
                y.snapshot.total,
                y.snapshot.total_evidenced,
                *((y.snapshot.total_verified,) if checked else ()),
                predicate_label(y.snapshot.predicate, lang, history.lowest),
                history.change(i),
                y.source,
            )
            for i, y in enumerate(history.years)
        ),
        signed=(5,) if checked else (4,),
    )
