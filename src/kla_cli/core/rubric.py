"""The rubric model: groups → indicators → items, answer types, point rules and predikat bands.

Pure data. Field-level rules are pydantic constraints; the cross-field rules of
`kla rubric check` live in `rubric_rules`; loading YAML (and mapping a problem back to its YAML
line) lives in `io/rubric_yaml`. This module knows nothing about files.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from kla_cli.core.scales import SCALES, scale_bands, scale_options

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
    SCORE = "score"
    """The nilai itself: 0 <= nilai <= max, two decimals (as a verifier grades a question)."""


class Respondent(StrEnum):
    """Who answers a question asked of every kecamatan or every desa/kelurahan."""

    KECAMATAN = "kecamatan"
    DESA = "desa"


RESPONDENT_OPDS = frozenset(r.value for r in Respondent)
"""OPD ids that stand for every kecamatan or every desa/kelurahan: they answer in the
kecamatan/desa inventory, never in an OPD form."""


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
    """One question an OPD answers (e.g. `14.3`, `1.2za`, `21A.4b`)."""

    code: str = Field(pattern=r"^\d{1,2}[A-Z]?\.\d{1,2}[a-z]{0,2}$")
    question: Text
    type: AnswerType
    max: float = Field(ge=0)
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

    @cached_property
    def option_folds(self) -> tuple[tuple[str, str, str], ...]:
        """(Indonesian label, English label, key) of each option, the labels `fold`ed: an answer
        may name an option by its label, in any case and spacing."""
        return tuple((fold(o.label.id), fold(o.label.en), o.key) for o in self.options)

    effort: Effort | None = None
    """Hint for the gap plan: how costly improving this item usually is."""

    _text = field_validator("question", "unit", "evidence_asked", mode="before")(_bilingual)

    @model_validator(mode="before")
    @classmethod
    def _expand_scale(cls, data: object) -> object:
        """A `scale:` fills in the options (or bands) from the item's max, marked provisional."""
        if not isinstance(data, dict) or data.get("scale") is None:
            return data
        name = data["scale"]
        if name not in SCALES:
            raise PydanticCustomError(
                "unknown_scale",
                "unknown scale {name!r}; known: {known}",
                {"name": str(name), "known": ", ".join(SCALES)},
            )
        if data.get("options") or data.get("bands"):
            raise PydanticCustomError(
                "scale_and_steps", "a `scale` gives the options/bands: remove one of them"
            )
        try:
            top = float(data.get("max", 0))
        except (TypeError, ValueError):
            return data  # the field validation reports the max
        out = dict(data)
        kind = SCALES[name].kind
        if kind == "bands":
            lower = data.get("direction") == Direction.LOWER.value
            out["bands"] = [{"threshold": t, "points": p} for t, p in scale_bands(name, top, lower)]
        else:
            out["options"] = [
                {"key": key, "label": {"id": lid, "en": len_}, "points": pts}
                for key, lid, len_, pts in scale_options(name, top)
            ]
        out.setdefault("provisional", True)
        return out


class Indicator(_Model):
    id: str = Field(pattern=r"^\d{1,2}[A-Z]?$")
    """The official id: `1`…`20`, `21A`, `24B`, `25`, `26` (a string; `number: 7` is read as `7`)."""
    group: str
    name: Text
    max: float | None = Field(default=None, ge=0)
    """The official maximum: it caps the sum of the items' points when they add up to more."""
    opd: tuple[str, ...] = ()
    """Responsible OPD ids (first = lead) for items that name none."""
    items: tuple[Item, ...] = Field(min_length=1)

    _text = field_validator("name", mode="before")(_bilingual)

    @model_validator(mode="before")
    @classmethod
    def _number_as_id(cls, data: object) -> object:
        """Rubrics written before indicator ids were strings say `number: 7`."""
        if isinstance(data, dict) and "number" in data and "id" not in data:
            data = dict(data)
            number = data.pop("number")
            data["id"] = str(number) if isinstance(number, int) else number
        return data

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


class Group(_Model):
    id: str = Field(pattern=r"^[A-Z]{1,4}$")
    name: Text
    short: Text | None = None
    max: float | None = Field(default=None, ge=0)
    """The official group maximum, checked against its indicators' maxima."""

    _text = field_validator("name", "short", mode="before")(_bilingual)


class Opd(_Model):
    """A local agency (Organisasi Perangkat Daerah)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        """The OPD as people call it, where room is short: its first alias (DP3A, Dinkes),
        else its name."""
        return self.aliases[0] if self.aliases else self.name


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
    year: int | None = None
    """The evaluation year the instrument belongs to (2024's was awarded in 2025)."""
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
