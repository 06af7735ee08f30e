"""The rubric's leaves: the named tuples and enums that results carry without the rubric (a
question's text and answer type, a predikat band, an OPD), and the predikat bands' rule.

Apart from `core/rubric.py` (the frozen dataclasses with their cached lookups: an item, an
indicator, the rubric) so that a command that does not load the rubric does not create those
classes either: `kla score` answered from the region's memo (`region_memo`) reads a result made
of these records and the rubric's tiers alone (`Tiers`).
"""

from enum import StrEnum
from typing import NamedTuple, Protocol


class Text(NamedTuple):
    """A text in Indonesian (`id`, canonical) and English (`en`)."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


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


class Option(NamedTuple):
    """A lettered answer of a `choice` item, or an element of a `checklist` item."""

    key: str
    label: Text
    points: float


class Band(NamedTuple):
    """A value band of a `percent`/`count` item.

    With direction `higher` a value earns `points` when value >= threshold; with `lower`, when
    value <= threshold. The best band the value reaches counts; a value reaching none earns 0.
    """

    threshold: float
    points: float


class Effort(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Group(NamedTuple):
    id: str
    name: Text
    short: Text | None = None
    max: float | None = None
    """The official group maximum, checked against its indicators' maxima."""


class Opd(NamedTuple):
    """A local agency (Organisasi Perangkat Daerah)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        """The OPD as people call it, where room is short: its first alias (DP3A, Dinkes),
        else its name."""
        return self.aliases[0] if self.aliases else self.name


class Tier(NamedTuple):
    """A predikat band. A total t is in the band when min < t <= max; the lowest band also
    includes its min (so with the default bands 600,00 is Pratama and 600,50 is Madya)."""

    id: str
    name: Text
    min: float
    max: float


class Tiers(NamedTuple):
    """A rubric's predikat bands alone: what `kla score` needs of a rubric whose region's
    result it took from the memo (`region_memo`) without loading the rubric."""

    tiers: tuple[Tier, ...]


class Banded(Protocol):
    """What has predikat bands: a `core.rubric.Rubric`, or its `Tiers` alone."""

    @property
    def tiers(self) -> tuple[Tier, ...]: ...


def tier_for(rubric: Banded, total: float) -> Tier | None:
    """The predikat band of `total`, or None below the lowest band.

    Bands are half-open, min < total <= max, except that the lowest band includes its min.
    """
    total = round(total, 2)
    for i, tier in enumerate(rubric.tiers):
        above_min = total >= tier.min if i == 0 else total > tier.min
        if above_min and total <= tier.max:
            return tier
    return None


def tier_floor(rubric: Banded, tier: Tier) -> float:
    """The smallest two-decimal total that reaches `tier` (600,01 for Madya by default)."""
    return tier.min if tier is rubric.tiers[0] else round(tier.min + 0.01, 2)
