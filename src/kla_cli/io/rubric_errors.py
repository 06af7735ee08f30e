"""pydantic's problems with a rubric in the user's language ("Extra inputs are not permitted"
becomes "kunci 'maks' tidak dikenal; mungkin maksudnya 'max'?").

Each pydantic error type maps to a catalogue key; a misspelt key gets a did-you-mean from the
field names of the model at that place (difflib), or the list of the keys it knows. A type
not mapped here keeps pydantic's own text (`rubric.pyd.other`), never a traceback.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from kla_cli.core.rubric_schema import Indicator, Rubric, Text
from kla_cli.i18n.messages import t

EXTRA_KEYS: dict[type[BaseModel], tuple[str, ...]] = {
    Rubric: ("extends",),
    Indicator: ("number",),
}
"""Keys the loader reads besides the model's fields (a base rubric; an older indicator id)."""

_SIMPLE = {
    "string_type": "rubric.pyd.string",
    "float_type": "rubric.pyd.number",
    "float_parsing": "rubric.pyd.number",
    "int_type": "rubric.pyd.integer",
    "int_parsing": "rubric.pyd.integer",
    "int_from_float": "rubric.pyd.integer",
    "bool_type": "rubric.pyd.bool",
    "bool_parsing": "rubric.pyd.bool",
    "tuple_type": "rubric.pyd.list",
    "list_type": "rubric.pyd.list",
    "string_too_short": "rubric.pyd.empty",
    "scale_and_steps": "rubric.pyd.scale_and_steps",
}
_MAPPING = frozenset({"model_type", "model_attributes_type", "dict_type"})


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation (`tuple[Item, ...]`, `Text | None`), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (tuple, list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def model_at(path: Sequence[str | int]) -> type[BaseModel] | None:
    """The model whose object stands at `path` of the rubric document (None past a leaf)."""
    model: type[BaseModel] | None = Rubric
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = _model_of(field.annotation) if field is not None else None
    return model


def known_keys(model: type[BaseModel]) -> tuple[str, ...]:
    return (*model.model_fields, *EXTRA_KEYS.get(model, ()))


def _unknown_key(key: str, model: type[BaseModel] | None) -> str:
    text = t("rubric.pyd.extra", key=key)
    if model is None:
        return text
    names = known_keys(model)
    close = difflib.get_close_matches(key.casefold(), names, n=1, cutoff=0.5)
    if close:
        return f"{text}; {t('rubric.pyd.maybe', name=close[0])}"
    return f"{text}; {t('rubric.pyd.known', names=', '.join(names))}"


def _short(value: object, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(error: ErrorDetails) -> str:
    """One pydantic error in the user's language."""
    kind = error["type"]
    path = [p for p in error["loc"] if isinstance(p, str | int)]
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return _unknown_key(str(path[-1]), model_at(path[:-1]))
    if kind == "missing":
        return t("rubric.pyd.missing", key=path[-1] if path else "?")
    if kind in _SIMPLE:
        return t(_SIMPLE[kind])
    if kind in _MAPPING:
        return t("rubric.pyd.text" if model_at(path) is Text else "rubric.pyd.mapping")
    if kind == "string_pattern_mismatch":
        return t("rubric.pyd.pattern", value=_short(error["input"]), pattern=ctx.get("pattern"))
    if kind == "too_short":
        count = ctx.get("actual_length", 0)
        return t("rubric.pyd.too_few", min=ctx.get("min_length"), count=count)
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        return t("rubric.pyd.ge" if kind == "greater_than_equal" else "rubric.pyd.gt", limit=limit)
    if kind == "enum":
        return t(
            "rubric.pyd.enum",
            value=_short(error["input"]),
            expected=str(ctx.get("expected")).replace(" or ", ", "),
        )
    if kind == "unknown_scale":
        return t("rubric.pyd.unknown_scale", name=ctx.get("name"), known=ctx.get("known"))
    return t("rubric.pyd.other", message=error["msg"])
