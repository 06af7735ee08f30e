"""Two results side by side (pure): change per item, indicator and group, and of the predikat.

A result is a `Snapshot`: the part of a score that comparisons and histories need, built either
from a fresh `ScoreResult` or read back from the JSON contract of `kla score --format json`
(`render.score.score_json`), so that a saved result of last year compares with this year's
workbooks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import fold
from kla_cli.core.scoring import ScoreResult
from kla_cli.i18n.messages import Lang, t


@dataclass(frozen=True)
class Entry:
    """One group, indicator or item of a snapshot."""

    key: str
    """Group id, indicator number or item code."""
    name: str
    score: float
    max: float
    evidenced: float | None = None
    """The score counting only evidenced answers (None: not known, e.g. an older JSON)."""
    verified: float | None = None
    """The verifier's points (None: the result carries no verification)."""


@dataclass(frozen=True)
class Snapshot:
    """A result: groups, indicators and items, each level empty when the source does not give it
    (a result sheet has group totals only, or only a total)."""

    rubric_id: str
    rubric_version: str
    region: str | None
    year: str | None
    total: float
    total_evidenced: float | None
    """None when the source does not know it (a result sheet)."""
    max_total: float
    predicate: str | None
    """The predikat's display name, or None below the lowest tier."""
    predicate_id: str | None
    groups: tuple[Entry, ...]
    indicators: tuple[Entry, ...]
    items: tuple[Entry, ...]
    total_verified: float | None = None
    predicate_verified: str | None = None
    predicate_verified_id: str | None = None
    stage: str | None = None
    """`self_assessed` or `verified` when the snapshot is one stage of a result (`stages`)."""
    provisional: bool = False
    provisional_points: bool = False


def snapshot_from_result(result: ScoreResult, lang: Lang) -> Snapshot:
    tier = result.predicate
    checked = result.predicate_verified
    return Snapshot(
        rubric_id=result.rubric_id,
        rubric_version=result.rubric_version,
        region=result.region,
        year=result.year,
        total=result.total,
        total_evidenced=result.total_evidenced,
        max_total=result.max_total,
        predicate=tier.name.get(lang) if tier else None,
        predicate_id=tier.id if tier else None,
        groups=tuple(
            Entry(g.id, g.name.get(lang), g.score, g.max, g.score_evidenced, g.score_verified)
            for g in result.groups
        ),
        indicators=tuple(
            Entry(i.id, i.name.get(lang), i.score, i.max, i.score_evidenced, i.score_verified)
            for i in result.indicators
        ),
        items=tuple(
            Entry(
                item.code,
                item.question.get(lang),
                item.points,
                item.max,
                item.points_evidenced,
                item.points_verified,
            )
            for item in result.all_items()
        ),
        total_verified=result.total_verified,
        predicate_verified=checked.name.get(lang) if checked else None,
        predicate_verified_id=checked.id if checked else None,
        provisional=result.provisional,
        provisional_points=result.provisional_points,
    )


class NotAScore(ValueError):
    """Why a JSON is not a score this kla reads: a `compare.json.*` message and its values, so
    that the reason is worded in the user's language (`reason`)."""

    def __init__(self, message: str, /, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def reason(self, lang: Lang | None = None) -> str:
        return t(f"compare.json.{self.message}", lang, **self.params)


def _num(data: Mapping[str, Any], key: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise NotAScore("not_number", key=key)
    return float(value)


def _optional(data: Mapping[str, Any], key: str) -> float | None:
    return None if data.get(key) is None else _num(data, key)


def _text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return None if value is None else str(value)


def _list(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise NotAScore("not_list", key=key)
    return value


def snapshot_from_json(data: object, rubric: Rubric | None = None, lang: Lang = "id") -> Snapshot:
    """Read back `score_json`; names come from `rubric` when it is the same rubric.

    Raises NotAScore naming the first field that does not fit the contract.
    """
    if not isinstance(data, dict):
        raise NotAScore("not_object")
    meta = data.get("rubric")
    if not isinstance(meta, dict) or not meta.get("id"):
        raise NotAScore("missing", key="rubric")
    rubric_id = str(meta["id"])
    same = rubric is not None and rubric.id == rubric_id
    group_names = {g.id: g.name.get(lang) for g in rubric.groups} if same and rubric else {}
    ind_names = {i.id: i.name.get(lang) for i in rubric.indicators} if same and rubric else {}
    questions = (
        {item.code: item.question.get(lang) for _, item in rubric.iter_items()}
        if same and rubric
        else {}
    )
    tiers = {t.id: t.name.get(lang) for t in rubric.tiers} if same and rubric else {}

    def entry(raw: Mapping[str, Any], key: str, names: dict[str, str], score: str) -> Entry:
        ident = _text(raw, key)
        if ident is None:
            raise NotAScore("missing", key=key)
        evidenced = _num(raw, f"{score}_evidenced") if f"{score}_evidenced" in raw else None
        return Entry(
            ident,
            names.get(ident) or _text(raw, "name") or "",
            _num(raw, score),
            _num(raw, "max"),
            evidenced,
            _optional(raw, f"{score}_verified"),
        )

    indicators = _list(data, "indicators")
    predicate_id = _text(data, "predicate_id")
    verified_id = _text(data, "predicate_verified_id")
    return Snapshot(
        rubric_id=rubric_id,
        rubric_version=str(meta.get("version") or ""),
        region=_text(data, "region"),
        year=_text(data, "year"),
        total=_num(data, "total"),
        total_evidenced=_num(data, "total_evidenced"),
        max_total=_num(data, "max_total"),
        predicate=tiers.get(predicate_id or "") or _text(data, "predicate"),
        predicate_id=predicate_id,
        groups=tuple(entry(g, "id", group_names, "score") for g in _list(data, "groups")),
        indicators=tuple(
            entry(i, "id" if "id" in i else "number", ind_names, "score") for i in indicators
        ),
        items=tuple(
            entry(item, "code", questions, "points")
            for ind in indicators
            for item in _list(ind, "items")
        ),
        total_verified=_optional(data, "total_verified"),
        predicate_verified=tiers.get(verified_id or "") or _text(data, "predicate_verified"),
        predicate_verified_id=verified_id,
        provisional=bool(meta.get("provisional")),
        provisional_points=bool(meta.get("provisional_points", meta.get("provisional"))),
    )


@dataclass(frozen=True)
class Change:
    key: str
    name: str
    old: float | None
    """None when the entry is absent from the old result."""
    new: float | None
    max: float
    old_evidenced: float | None = None
    new_evidenced: float | None = None
    partial: bool = False
    """One result has no entries at this level at all (a result sheet of group totals, or of a
    total alone): the entry is not absent there, it is unknown, so there is no change to tell."""

    @property
    def delta(self) -> float:
        return round((self.new or 0.0) - (self.old or 0.0), 2)

    @property
    def shown_delta(self) -> float | None:
        """The change as shown: None where one side does not know the level."""
        return None if self.partial else self.delta

    @property
    def delta_evidenced(self) -> float | None:
        """The change counting only evidenced answers; None when a side does not know it."""
        if (self.old is not None and self.old_evidenced is None) or (
            self.new is not None and self.new_evidenced is None
        ):
            return None
        return round((self.new_evidenced or 0.0) - (self.old_evidenced or 0.0), 2)


@dataclass(frozen=True)
class Mismatch:
    """One way the two results differ beyond their answers (`Comparison.mismatches`)."""

    kind: str
    """`region`, `rubric` or `year` (the new result is of an earlier year than the old)."""
    old: str
    new: str


def _earlier(new: str | None, old: str | None) -> bool:
    """`new` is a year before `old` (both plain years, `2023` and `2024`)."""
    if not (new and old and new.strip().isdigit() and old.strip().isdigit()):
        return False
    return int(new) < int(old)


@dataclass(frozen=True)
class Comparison:
    old: Snapshot
    new: Snapshot
    groups: tuple[Change, ...]
    indicators: tuple[Change, ...]
    items: tuple[Change, ...]

    @property
    def total(self) -> float:
        return round(self.new.total - self.old.total, 2)

    @property
    def total_evidenced(self) -> float | None:
        """None when a side does not know its evidenced total (a result sheet)."""
        if self.new.total_evidenced is None or self.old.total_evidenced is None:
            return None
        return round(self.new.total_evidenced - self.old.total_evidenced, 2)

    @property
    def stages(self) -> bool:
        """The self-assessed and verified stages of one result (`stages`), not two results."""
        return self.old.stage is not None and self.new.stage is not None

    @property
    def predicate_move(self) -> int:
        """+1 up a tier (or more), -1 down, 0 the same predikat (tiers rise with the total)."""
        if self.old.predicate_id == self.new.predicate_id:
            return 0
        return 1 if self.new.total > self.old.total else -1

    @property
    def same_rubric(self) -> bool:
        return (self.old.rubric_id, self.old.rubric_version) == (
            self.new.rubric_id,
            self.new.rubric_version,
        )

    def mismatches(self) -> tuple[Mismatch, ...]:
        """What makes the two results unlike a region's result next to its own earlier one:
        other regions, other rubrics, or the years the wrong way round (the changes would read
        backwards). None for the two stages of one result."""
        if self.stages:
            return ()
        old, new = self.old, self.new
        found = []
        if old.region and new.region and fold(old.region) != fold(new.region):
            found.append(Mismatch("region", old.region, new.region))
        if not self.same_rubric:
            found.append(
                Mismatch(
                    "rubric",
                    f"{old.rubric_id} {old.rubric_version}",
                    f"{new.rubric_id} {new.rubric_version}",
                )
            )
        if _earlier(new.year, old.year):
            found.append(Mismatch("year", old.year or "", new.year or ""))
        return tuple(found)

    def changed_items(self) -> list[Change]:
        """Items whose points changed, as answered or as evidenced."""
        return [
            c
            for c in self.items
            if not c.partial and (c.delta != 0 or c.delta_evidenced not in (0, None))
        ]

    def evidence_changes(self) -> list[Change]:
        """Items with the same points as answered whose evidenced points changed (data dukung
        added or lost): invisible in the gains and losses, decisive at verification."""
        moved = [
            c
            for c in self.items
            if not c.partial and c.delta == 0 and c.delta_evidenced not in (0, None)
        ]
        return sorted(moved, key=lambda c: -(c.delta_evidenced or 0.0))

    def gains(self, top: int) -> list[Change]:
        up = [c for c in self.items if not c.partial and c.delta > 0]
        return sorted(up, key=lambda c: -c.delta)[:top]

    def losses(self, top: int) -> list[Change]:
        down = [c for c in self.items if not c.partial and c.delta < 0]
        return sorted(down, key=lambda c: c.delta)[:top]


def _changes(old: Sequence[Entry], new: Sequence[Entry]) -> tuple[Change, ...]:
    """Entries in the new result's order, then those only the old result has."""
    before = {e.key: e for e in old}
    after = {e.key: e for e in new}
    partial = not old or not new
    out = []
    for e in new:
        was = before.get(e.key)
        out.append(
            Change(
                e.key,
                e.name,
                was.score if was else None,
                e.score,
                e.max,
                was.evidenced if was else None,
                e.evidenced,
                partial,
            )
        )
    out += [
        Change(e.key, e.name, e.score, None, e.max, e.evidenced, None, partial)
        for e in old
        if e.key not in after
    ]
    return tuple(out)


def compare(old: Snapshot, new: Snapshot) -> Comparison:
    return Comparison(
        old=old,
        new=new,
        groups=_changes(old.groups, new.groups),
        indicators=_changes(old.indicators, new.indicators),
        items=_changes(old.items, new.items),
    )
