"""The kecamatan and desa/kelurahan that lack each item computed from the inventory, for the gap
plan in every format: "25.2: 4 dari 12 kecamatan belum: Kec. A, Kec. B, …" (the names capped on
the table, all of them in Markdown and JSON)."""

from __future__ import annotations

from typing import Any

from kla_cli.core.places import Coverage
from kla_cli.core.rubric_leaves import Respondent
from kla_cli.core.scoring import ScoreResult
from kla_cli.i18n.messages import Lang, t

SHOWN = 5
"""Names shown per item on the table and in Markdown; the rest is "+N lainnya"."""

TERMINAL_ITEMS = 3
"""Items shown on a terminal (the gap table is one screen); Markdown and JSON list them all."""

_KIND_KEYS = {Respondent.KECAMATAN: "gap.kind_kecamatan", Respondent.DESA: "gap.kind_desa"}


def lacking(result: ScoreResult) -> list[tuple[str, Coverage]]:
    """(code, coverage) of every item the inventory answered where some place lacks it."""
    return [
        (item.code, item.response.coverage)
        for item in result.all_items()
        if item.response is not None
        and item.response.coverage is not None
        and item.response.coverage.lacking
    ]


def place_line(code: str, coverage: Coverage, lang: Lang, *, limit: int | None = SHOWN) -> str:
    """`25.2: 4 dari 12 kecamatan belum: Kec. A, Kec. B, +2 lainnya`."""
    names = list(coverage.lacking[:limit])
    more = len(coverage.lacking) - len(names)
    if more:
        names.append(t("gap.places_more", lang, count=more))
    return t(
        "gap.places_cases" if coverage.yes_is_bad else "gap.places_lacking",
        lang,
        code=code,
        count=len(coverage.lacking),
        total=coverage.total,
        kind=t(_KIND_KEYS[coverage.kind], lang),
        names=", ".join(names),
    )


def place_lines(
    result: ScoreResult, lang: Lang, *, items: int | None = None, names: int | None = SHOWN
) -> list[str]:
    """One line per item lacking in some place; with `items`, that many and a line for the rest;
    `names` per item (None: all of them)."""
    found = lacking(result)
    lines = [place_line(code, coverage, lang, limit=names) for code, coverage in found[:items]]
    if items is not None and len(found) > items:
        lines.append(t("gap.places_more_items", lang, count=len(found) - items))
    return lines


def places_json(result: ScoreResult) -> list[dict[str, Any]]:
    """Every lacking place by item, in full (the JSON contract's `places`)."""
    return [
        {
            "code": code,
            "kind": coverage.kind.value,
            "total": coverage.total,
            "lacking_count": len(coverage.lacking),
            "lacking": list(coverage.lacking),
            "yes_is_bad": coverage.yes_is_bad,
        }
        for code, coverage in lacking(result)
    ]
