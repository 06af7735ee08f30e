"""A region's results over the years (pure): totals, predikat, change, and the story they tell."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from kla_cli.core.compare import Snapshot
from kla_cli.core.predicate import predicate_label
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import fold, tier_floor
from kla_cli.i18n.messages import Lang, t


@dataclass(frozen=True)
class YearResult:
    year: str
    """The year as the folder or file name says it."""
    source: str
    snapshot: Snapshot


@dataclass(frozen=True)
class TierLine:
    """A tier's lowest total, drawn as a line on the history chart."""

    name: str
    floor: float


@dataclass(frozen=True)
class History:
    region: str | None
    years: tuple[YearResult, ...]
    tiers: tuple[TierLine, ...]
    max_total: float
    lowest: float

    def change(self, index: int) -> float | None:
        """The total's change from the year before (None for the first year)."""
        if index == 0:
            return None
        return round(self.years[index].snapshot.total - self.years[index - 1].snapshot.total, 2)


@dataclass(frozen=True)
class Mismatch:
    """A year whose results name another year or region than the history expects."""

    source: str
    field: str
    """'year' (the workbooks' year differs from the folder's) or 'region'."""
    found: str
    expected: str


def _same(a: str, b: str) -> bool:
    return fold(a) == fold(b)


def mismatches(history: History) -> tuple[Mismatch, ...]:
    """Years filed under the wrong year, or results of another region (likely a wrong folder)."""
    regions = [y.snapshot.region for y in history.years if y.snapshot.region]
    # The region most years name (the latest on a tie) is the history's; the others stand out.
    usual = max(reversed(regions), key=lambda r: sum(_same(r, o) for o in regions), default=None)
    found = []
    for entry in history.years:
        snap = entry.snapshot
        if snap.year and not _same(snap.year, entry.year):
            found.append(Mismatch(entry.source, "year", snap.year, entry.year))
        if snap.region and usual and not _same(snap.region, usual):
            found.append(Mismatch(entry.source, "region", snap.region, usual))
    return tuple(found)


def build_history(rubric: Rubric, years: Iterable[YearResult], lang: Lang) -> History:
    ordered = tuple(sorted(years, key=lambda y: y.year))
    region = next((y.snapshot.region for y in reversed(ordered) if y.snapshot.region), None)
    return History(
        region=region,
        years=ordered,
        tiers=tuple(
            TierLine(tier.name.get(lang), tier_floor(rubric, tier)) for tier in rubric.tiers
        ),
        max_total=rubric.max_total,
        lowest=rubric.tiers[0].min,
    )


def story(history: History, lang: Lang) -> str:
    """ "Pratama twice, Madya twice, now Nindya": runs of the same predikat, oldest first."""
    names = [predicate_label(y.snapshot.predicate, lang, history.lowest) for y in history.years]
    runs = [(name, len(list(group))) for name, group in groupby(names)]
    if not runs:
        return ""
    parts = []
    for name, count in runs[:-1]:
        key = {1: "history.times.1", 2: "history.times.2"}.get(count, "history.times.n")
        parts.append(t(key, lang, name=name, count=count))
    name, count = runs[-1]
    if len(runs) == 1 and count == 1:
        parts.append(name)
    elif count == 1:
        parts.append(t("history.now", lang, name=name))
    else:
        parts.append(t("history.now_running", lang, name=name, count=count))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]
