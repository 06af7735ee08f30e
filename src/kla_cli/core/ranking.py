"""A batch's results: one small record per region, and the ranked summary (pure).

`batch.run_batch` makes a `RegionResult` per region (scored or not readable); `summarise` ranks
them (equal totals share a rank: 1, 2, 2, 4) and counts them by status for every output format.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import NamedTuple

from kla_cli.core.rubric import Rubric
from kla_cli.i18n.messages import Lang


class RegionResult(NamedTuple):
    """What the summary needs of one region: small and picklable (no cells, no findings)."""

    name: str
    """As shown: the manifest's name, else the region the forms name, else the folder's."""
    path: str
    target: str | None = None
    total: float | None = None
    total_evidenced: float | None = None
    predicate: str | None = None
    """Tier id of `total`, None below the lowest tier (or when unread)."""
    predicate_evidenced: str | None = None
    total_verified: float | None = None
    """The verifier's total (VA); None when the region's files carry no verified points."""
    predicate_verified: str | None = None
    """Tier id of `total_verified` (None below the lowest tier or without verified points)."""
    met: bool | None = None
    """Whether `predicate` reaches `target`; None without a target or when unread."""
    errors: int = 0
    """Blocking validation errors (unanswered items are not counted: they score 0)."""
    warnings: int = 0
    workbooks: int = 0
    region: str | None = None
    """The region named inside the workbooks."""
    year: str | None = None
    problem: str | None = None
    """Why the region could not be read at all (one line); None when it was read."""
    messages: tuple[str, ...] = ()
    """The first few error lines, located (file, sheet, cell)."""
    unsettled: bool = False
    """A workbook could not be opened (held by another program, as Excel holds a form it has
    open on Windows; too many files open): the result says so now, but the file's bytes may
    read well next time, so the results cache does not keep it."""
    file_times: tuple[tuple[str, float], ...] = ()
    """The forms whose modification times chose among re-sent copies of one OPD's form, with
    the time each had when read (`intake.chosen_by_file_times`): the results cache keeps the
    result only while the files still have those times."""

    @property
    def status(self) -> str:
        """unreadable, invalid (blocking errors), below (target not met) or ok."""
        if self.problem is not None:
            return "unreadable"
        if self.errors:
            return "invalid"
        if self.met is False:
            return "below"
        return "ok"

    @property
    def failed(self) -> bool:
        return self.status != "ok"


@dataclass(frozen=True)
class BatchSummary:
    rubric_id: str
    rubric_version: str
    provisional: bool
    tier_names: dict[str, str]
    """Tier id -> name in the output language."""
    results: tuple[RegionResult, ...]
    """Ranked: highest total first, unread regions last, then by name."""
    counts: dict[str, int] = field(default_factory=dict)
    """Regions by status: ok, below, invalid, unreadable."""
    ranks: tuple[int, ...] = ()
    """Each result's rank, in `results` order: equal totals share one (1, 2, 2, 4); the regions
    that could not be read share the last."""

    def ranked(self) -> Iterator[tuple[int, RegionResult]]:
        """(rank, result) in ranking order."""
        return zip(self.ranks or _ranks(self.results), self.results, strict=True)

    @property
    def targets(self) -> bool:
        """Some region has a target (--fail-under or the manifest): the outputs say whether each
        met it; without any, there is nothing to pass or fail but errors."""
        return any(r.target for r in self.results)

    @property
    def verified(self) -> bool:
        """Some region carries the verifier's points: the outputs show a VA column."""
        return any(r.total_verified is not None for r in self.results)

    @property
    def below(self) -> bool:
        """Some region is invalid or below its target (exit code 1)."""
        return any(r.status in ("invalid", "below") for r in self.results)

    @property
    def unreadable(self) -> bool:
        """Some region could not be read (exit code 2)."""
        return any(r.status == "unreadable" for r in self.results)


def _ranks(results: Iterable[RegionResult]) -> tuple[int, ...]:
    """Competition ranks of results sorted by total: a tie (as shown, to two decimals) shares
    the better rank (1, 2, 2, 4); the regions without a total come last, sharing one rank."""
    ranks: list[int] = []
    last: object = object()
    for place, result in enumerate(results, start=1):
        total = None if result.total is None else round(result.total, 2)
        ranks.append(ranks[-1] if ranks and total == last else place)
        last = total
    return tuple(ranks)


def _distinct(results: list[RegionResult]) -> list[RegionResult]:
    """Two regions whose forms name the same region (a form copied from a neighbour's, or the
    same region twice) keep their folder beside the name, so that neither hides the other."""
    seen: dict[str, int] = {}
    for result in results:
        key = result.name.casefold()
        seen[key] = seen.get(key, 0) + 1
    out = []
    for result in results:
        folder = PurePath(result.path).name
        if seen[result.name.casefold()] > 1 and folder and folder != result.name:
            result = result._replace(name=f"{result.name} ({folder})")
        out.append(result)
    return out


def summarise(rubric: Rubric, results: Iterable[RegionResult], lang: Lang) -> BatchSummary:
    ranked = tuple(
        sorted(
            _distinct(list(results)),
            # then by name and path: not by the order results came in (the cache's come first)
            key=lambda r: (
                r.total is None,
                -round(r.total or 0.0, 2),
                r.name.casefold(),
                r.name,
                r.path,
            ),
        )
    )
    counts = dict.fromkeys(("ok", "below", "invalid", "unreadable"), 0)
    for result in ranked:
        counts[result.status] += 1
    return BatchSummary(
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        provisional=rubric.any_provisional,
        tier_names={tier.id: tier.name.get(lang) for tier in rubric.tiers},
        results=ranked,
        counts=counts,
        ranks=_ranks(ranked),
    )
