"""The rubric model: groups → indicators → items, answer types, point rules and predikat bands.

Pure data. Field-level rules are pydantic constraints; the cross-field rules of
`kla rubric check` live in `rubric_rules`; loading YAML (and mapping a problem back to its YAML
line) lives in `io/rubric_yaml`. This module knows nothing about files.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, field_validator

_MISSING = object()


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Text(_Model):
    """A text in Indonesian (`id`, canonical) and English (`en`)."""

    id: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


def _bilingual(value: object) -> object:
    """Accept a bare string as the same text in both languages."""
    if isinstance(value, str):
        return {"id": value, "en": value}
    return value


class AnswerType(StrEnum):
    CHOICE = "choice"
    PERCENT = "percent"
    COUNT = "count"
    YESNO = "yesno"
    CHECKLIST = "checklist"


class Direction(StrEnum):
    HIGHER = "higher"
    """Higher values are better (e.g. birth-certificate coverage)."""
    LOWER = "lower"
    """Lower values are better (e.g. stunting prevalence, child marriage)."""


def fold(text: str) -> str:
    """`text` for matching: inner spaces collapsed, ends trimmed, case folded."""
    return " ".join(text.split()).casefold()


class Option(_Model):
    """A lettered answer of a `choice` item, or an element of a `checklist` item."""

    key: str = Field(pattern=r"^[a-z]$")
    label: Text
    points: float = Field(ge=0)

    _text = field_validator("label", mode="before")(_bilingual)


class Band(_Model):
    """A value band of a `percent`/`count` item.

    With direction `higher` a value earns `points` when value >= threshold; with `lower`, when
    value <= threshold. The best band the value reaches counts; a value reaching none earns 0.
    """

    threshold: float
    points: float = Field(ge=0)


class Effort(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Item(_Model):
    """One question an OPD answers (e.g. `14.3`)."""

    code: str = Field(pattern=r"^\d{1,2}\.\d{1,2}$")
    question: Text
    type: AnswerType
    max: float = Field(gt=0)
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

    @cached_property
    def option_folds(self) -> tuple[tuple[str, str, str], ...]:
        """(Indonesian label, English label, key) of each option, the labels `fold`ed: an answer
        may name an option by its label, in any case and spacing."""
        return tuple((fold(o.label.id), fold(o.label.en), o.key) for o in self.options)

    effort: Effort | None = None
    """Hint for the gap plan: how costly improving this item usually is."""

    _text = field_validator("question", "unit", mode="before")(_bilingual)


class Indicator(_Model):
    number: int = Field(ge=1)
    group: str
    name: Text
    opd: tuple[str, ...] = Field(min_length=1)
    """Responsible OPD ids (first = lead)."""
    items: tuple[Item, ...] = Field(min_length=1)

    _text = field_validator("name", mode="before")(_bilingual)


class Group(_Model):
    id: str = Field(pattern=r"^[A-Z]{1,4}$")
    name: Text
    short: Text | None = None

    _text = field_validator("name", "short", mode="before")(_bilingual)


class Opd(_Model):
    """A local agency (Organisasi Perangkat Daerah)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()


class Tier(_Model):
    """A predikat band. A total t is in the band when min < t <= max; the lowest band also
    includes its min (so with the default bands 600,00 is Pratama and 600,50 is Madya)."""

    id: str = Field(pattern=r"^[a-z]+$")
    name: Text
    min: float = Field(ge=0)
    max: float = Field(gt=0)

    _text = field_validator("name", mode="before")(_bilingual)


class Rubric(_Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    title: Text
    version: str
    legal_basis: tuple[str, ...] = ()
    provisional: bool = False
    """True while the per-item points are not the official ones."""
    max_total: float = Field(gt=0)
    tiers: tuple[Tier, ...] = Field(min_length=1)
    groups: tuple[Group, ...] = Field(min_length=1)
    opds: tuple[Opd, ...] = Field(min_length=1)
    indicators: tuple[Indicator, ...] = Field(min_length=1)

    _text = field_validator("title", mode="before")(_bilingual)

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
        return item.opd or indicator.opd

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

        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:16]


def tier_for(rubric: Rubric, total: float) -> Tier | None:
    """The predikat band of `total`, or None below the lowest band.

    Bands are half-open, min < total <= max, except that the lowest band includes its min.
    """
    total = round(total, 2)
    for i, tier in enumerate(rubric.tiers):
        above_min = total >= tier.min if i == 0 else total > tier.min
        if above_min and total <= tier.max:
            return tier
    return None


def tier_floor(rubric: Rubric, tier: Tier) -> float:
    """The smallest two-decimal total that reaches `tier` (600,01 for Madya by default)."""
    return tier.min if tier is rubric.tiers[0] else round(tier.min + 0.01, 2)
