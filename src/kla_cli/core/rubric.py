"""The rubric model: groups → indicators → items, answer types, point rules and predikat bands.

Pure, plain data, no validation here: named tuples and enums for the leaves (a text, an option, a
band, a group, an OPD, a tier: `core/rubric_leaves.py`; see docs/architecture.md on records),
frozen dataclasses here for the classes that keep cached lookups (an item, an indicator, the
rubric). A rubric document is checked by the
pydantic models of `rubric_schema` (field rules) and `rubric_rules` (cross-field rules), then
made into these classes by `rubric_from_data`, the one way a `Rubric` is built from data: from a
freshly validated document, or from the plain copy `io/rubric_cache` keeps of one (`rubric_data`),
so that a command whose rubric is cached never imports pydantic. Loading YAML (and mapping a
problem back to its YAML line) lives in `io/rubric_yaml`. This module knows nothing about files.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from functools import cached_property
from typing import Any

from kla_cli.core.rubric_leaves import (
    AnswerType,
    Band,
    Direction,
    Effort,
    Group,
    Opd,
    Option,
    Respondent,
    Text,
    Tier,
    fold,
)

_MISSING = object()


@dataclass(frozen=True, kw_only=True)
class Item:
    """One question an OPD answers (e.g. `14.3`, `1.2za`, `21A.4b`)."""

    code: str
    question: Text
    type: AnswerType
    max: float
    """Official points; 0 for a screening question (26.17)."""
    scale: str | None = None
    """A named graded scale (`core.scales`) that gives the options or bands from `max`."""
    provisional: bool = False
    """True when the points of the answer steps are inferred, not official (every `scale`)."""
    evidence_asked: Text | None = None
    """The data dukung the question asks for (a document, a MATRIKS table, photos, …)."""
    respondent: Respondent | None = None
    """Asked of every kecamatan or desa/kelurahan: answered from the inventory workbook."""
    evidence: bool = True
    """Whether data dukung (evidence) is required for the points to survive verification."""
    required: bool = True
    """Whether leaving the item unanswered is a validation error (otherwise a warning)."""
    unit: Text | None = None
    direction: Direction | None = None
    options: tuple[Option, ...] = ()
    """For `choice` (answer options) and `checklist` (elements, points per ticked element)."""
    bands: tuple[Band, ...] = ()
    """For `percent` and `count`."""
    opd: tuple[str, ...] = ()
    """Responsible OPD ids when they differ from the indicator's."""

    effort: Effort | None = None
    """Hint for the gap plan: how costly improving this item usually is."""

    @cached_property
    def option_folds(self) -> tuple[tuple[str, str, str], ...]:
        """(Indonesian label, English label, key) of each option, the labels `fold`ed: an answer
        may name an option by its label, in any case and spacing."""
        return tuple((fold(o.label.id), fold(o.label.en), o.key) for o in self.options)

    @cached_property
    def parsed_texts(self) -> dict[str, object]:
        """What `core.answers.parse_answer` made of each text seen in this item's answer cell
        (the answer, or the problem): kept there, not here, as a memo (never compared, never
        saved, never pickled: `__getstate__`)."""
        return {}

    @cached_property
    def answer_points(self) -> dict[tuple[object, object], float]:
        """What `core.scoring.item_points` gave each answer of this item, by the answer's type
        and value (1, 1.0 and True are one key of a dict otherwise): a memo, like
        `parsed_texts`, never compared, saved or pickled."""
        return {}

    def __getstate__(self) -> dict[str, object]:
        """The item without its memos, for a spawned batch worker: the problems of parsed texts
        are exceptions, which do not come back from a pickle (and a memo is soon made again)."""
        return {key: value for key, value in self.__dict__.items() if key not in _MEMOS}


_MEMOS = frozenset({"parsed_texts", "answer_points"})
"""`Item`'s memos (cached properties that remember, rather than derive, what they hold)."""


@dataclass(frozen=True, kw_only=True)
class Indicator:
    """One indicator of the instrument (e.g. `14`, `21A`): its questions and official maximum.

    (Every dataclass here has a docstring: without one, `dataclass` makes one from the class's
    signature, which costs `inspect.signature` at every start-up.)"""

    id: str
    """The official id: `1`…`20`, `21A`, `24B`, `25`, `26` (a string; `number: 7` is read as `7`)."""
    group: str
    name: Text
    max: float | None = None
    """The official maximum: it caps the sum of the items' points when they add up to more."""
    opd: tuple[str, ...] = ()
    """Responsible OPD ids (first = lead) for items that name none."""
    items: tuple[Item, ...]

    @cached_property
    def lead_opds(self) -> tuple[str, ...]:
        """The indicator's OPDs: its own `opd`, else the leads of its questions, in order."""
        if self.opd:
            return self.opd
        leads = ((item.opd or self.opd)[:1] for item in self.items)
        return tuple(dict.fromkeys(lead[0] for lead in leads if lead))

    @property
    def items_max(self) -> float:
        return round(sum(item.max for item in self.items), 2)

    @property
    def cap(self) -> float:
        """The most points the indicator can give: its official max, else its items' sum."""
        return self.max if self.max is not None else self.items_max


@dataclass(frozen=True, kw_only=True)
class Rubric:
    """A whole instrument: its groups, indicators and questions, OPDs and predikat bands."""

    id: str
    title: Text
    version: str
    year: int | None = None
    """The evaluation year the instrument belongs to (2024's was awarded in 2025)."""
    legal_basis: tuple[str, ...] = ()
    provisional: bool = False
    """True while the per-item points are not the official ones."""
    max_total: float
    tiers: tuple[Tier, ...]
    groups: tuple[Group, ...]
    opds: tuple[Opd, ...]
    indicators: tuple[Indicator, ...]

    # --- lookups -------------------------------------------------------------------------

    def iter_items(self) -> Iterator[tuple[Indicator, Item]]:
        for indicator in self.indicators:
            for item in indicator.items:
                yield indicator, item

    @cached_property
    def item_index(self) -> dict[str, tuple[Indicator, Item]]:
        """Item code -> its indicator and item."""
        return {item.code: (ind, item) for ind, item in self.iter_items()}

    def item_opds(self, indicator: Indicator, item: Item) -> tuple[str, ...]:
        """The OPDs that answer `item`: the lead first, then the co-sources."""
        return item.opd or indicator.opd

    @cached_property
    def indicator_index(self) -> dict[str, Indicator]:
        return {ind.id: ind for ind in self.indicators}

    @cached_property
    def any_provisional(self) -> bool:
        """Whether any points kla computes rest on an inferred scale."""
        return self.provisional or any(item.provisional for _, item in self.iter_items())

    def opd_by_name(self, name: str) -> Opd | None:
        """Find an OPD by id, name or alias, ignoring case and surrounding space."""
        found = self._opd_lookups.get(name, _MISSING)
        if found is _MISSING:
            found = self._opd_lookups[name] = self.opd_names.get(fold(name))
        return found  # type: ignore[return-value]

    @cached_property
    def _opd_lookups(self) -> dict[str, Opd | None]:
        """`opd_by_name` answers by the name as written (every workbook repeats a few names)."""
        return {}

    @cached_property
    def opd_names(self) -> dict[str, Opd]:
        """Case-folded id, name and aliases -> OPD (the first OPD wins a shared name)."""
        names: dict[str, Opd] = {}
        for opd in self.opds:
            for key in (opd.id, opd.name.casefold(), *(a.casefold() for a in opd.aliases)):
                names.setdefault(key, opd)
        return names

    @cached_property
    def items_by_opd(self) -> dict[str, tuple[tuple[Indicator, Item], ...]]:
        """Primary (first responsible) OPD id -> its items, in rubric order."""
        found: dict[str, list[tuple[Indicator, Item]]] = {}
        for ind, item in self.iter_items():
            found.setdefault(self.item_opds(ind, item)[0], []).append((ind, item))
        return {opd: tuple(items) for opd, items in found.items()}

    @cached_property
    def content_hash(self) -> str:
        """A short stable hash of the rubric's content (computed once per loaded rubric)."""
        import hashlib
        import json

        text = json.dumps(rubric_data(self), ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


# --- plain data both ways --------------------------------------------------------------------


def _text(data: Mapping[str, Any] | None) -> Text | None:
    return None if data is None else Text(id=data["id"], en=data["en"])


def _option(data: Mapping[str, Any]) -> Option:
    return Option(key=data["key"], label=Text(**data["label"]), points=data["points"])


def _enum(kind: type[StrEnum], value: str | None) -> Any:
    return None if value is None else kind(value)


def _item(data: Mapping[str, Any]) -> Item:
    return Item(
        **{
            **data,
            "question": Text(**data["question"]),
            "type": AnswerType(data["type"]),
            "evidence_asked": _text(data["evidence_asked"]),
            "respondent": _enum(Respondent, data["respondent"]),
            "unit": _text(data["unit"]),
            "direction": _enum(Direction, data["direction"]),
            "options": tuple(_option(o) for o in data["options"]),
            "bands": tuple(Band(**b) for b in data["bands"]),
            "opd": tuple(data["opd"]),
            "effort": _enum(Effort, data["effort"]),
        }
    )


def rubric_from_data(data: Mapping[str, Any], content_hash: str | None = None) -> Rubric:
    """A `Rubric` from its plain data: a validated document (`rubric_schema.validate_rubric`)
    or `rubric_data`'s output read back. Every field is expected, as `rubric_data` writes it;
    nothing is checked here. `content_hash`, when known (kept with the data), spares computing
    `Rubric.content_hash` again."""
    rubric = Rubric(
        **{
            **data,
            "title": Text(**data["title"]),
            "legal_basis": tuple(data["legal_basis"]),
            "tiers": tuple(
                Tier(**{**tier, "name": Text(**tier["name"])}) for tier in data["tiers"]
            ),
            "groups": tuple(
                Group(**{**g, "name": Text(**g["name"]), "short": _text(g["short"])})
                for g in data["groups"]
            ),
            "opds": tuple(Opd(**{**o, "aliases": tuple(o["aliases"])}) for o in data["opds"]),
            "indicators": tuple(
                Indicator(
                    **{
                        **ind,
                        "name": Text(**ind["name"]),
                        "opd": tuple(ind["opd"]),
                        "items": tuple(_item(item) for item in ind["items"]),
                    }
                )
                for ind in data["indicators"]
            ),
        }
    )
    if content_hash is not None:
        rubric.__dict__["content_hash"] = content_hash  # what the cached_property would store
    return rubric


def rubric_data(value: Any) -> Any:
    """A rubric (or any part of it) as plain JSON-able data: dicts in field order, lists, the
    enums' values. `rubric_from_data(rubric_data(r)) == r`."""
    if isinstance(value, StrEnum):
        return value.value
    if hasattr(value, "_fields"):  # a named tuple (before the plain tuples)
        return {name: rubric_data(getattr(value, name)) for name in value._fields}
    if isinstance(value, tuple):
        return [rubric_data(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: rubric_data(getattr(value, f.name)) for f in fields(value)}
    return value
