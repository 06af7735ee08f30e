"""The rubric's validation schema: pydantic models of the rubric document, used only when a
rubric is checked (`kla rubric check`, or a rubric not yet in the cache, `io/rubric_cache`).

Field-level rules are pydantic constraints here; the cross-field rules live in `rubric_rules`.
`validate_rubric` turns a document into the plain `core.rubric.Rubric` that every command uses,
so that pydantic (and building its validators, 80–110 ms) stays off the path of a command whose
rubric is cached. The models' fields are those of `core.rubric`'s classes, in the same order (a
test keeps them in step).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from kla_cli.core import rubric as plain
from kla_cli.core.rubric_leaves import AnswerType, Direction, Effort, Respondent
from kla_cli.core.scales import SCALES, scale_bands, scale_options


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Text(_Model):
    id: str = Field(min_length=1)
    en: str = Field(min_length=1)


def _bilingual(value: object) -> object:
    """Accept a bare string as the same text in both languages."""
    if isinstance(value, str):
        return {"id": value, "en": value}
    return value


class Option(_Model):
    key: str = Field(pattern=r"^[a-z]$")
    label: Text
    points: float = Field(ge=0)

    _text = field_validator("label", mode="before")(_bilingual)


class Band(_Model):
    threshold: float
    points: float = Field(ge=0)


class Item(_Model):
    code: str = Field(pattern=r"^\d{1,2}[A-Z]?\.\d{1,2}[a-z]{0,2}$")
    question: Text
    type: AnswerType
    max: float = Field(ge=0)
    scale: str | None = None
    provisional: bool = False
    evidence_asked: Text | None = None
    respondent: Respondent | None = None
    evidence: bool = True
    required: bool = True
    unit: Text | None = None
    direction: Direction | None = None
    options: tuple[Option, ...] = ()
    bands: tuple[Band, ...] = ()
    opd: tuple[str, ...] = ()
    effort: Effort | None = None

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
    group: str
    name: Text
    max: float | None = Field(default=None, ge=0)
    opd: tuple[str, ...] = ()
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


class Group(_Model):
    id: str = Field(pattern=r"^[A-Z]{1,4}$")
    name: Text
    short: Text | None = None
    max: float | None = Field(default=None, ge=0)

    _text = field_validator("name", "short", mode="before")(_bilingual)


class Opd(_Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()


class Tier(_Model):
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
    legal_basis: tuple[str, ...] = ()
    provisional: bool = False
    max_total: float = Field(gt=0)
    tiers: tuple[Tier, ...] = Field(min_length=1)
    groups: tuple[Group, ...] = Field(min_length=1)
    opds: tuple[Opd, ...] = Field(min_length=1)
    indicators: tuple[Indicator, ...] = Field(min_length=1)

    _text = field_validator("title", mode="before")(_bilingual)


def validate_rubric(data: Any) -> plain.Rubric:
    """The rubric document `data` (YAML as loaded) checked field by field and made the plain
    `core.rubric.Rubric`; raises pydantic's `ValidationError` (every problem, with its path)."""
    return plain.rubric_from_data(Rubric.model_validate(data).model_dump())
