"""The building blocks of the output schemas (`schemas.py`) and the rubric file's
(`rubric_schema.py`): types, a strict object, and the parts several outputs share."""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

STR: Schema = {"type": "string"}
NUM: Schema = {"type": "number"}
INT: Schema = {"type": "integer", "minimum": 0}
BOOL: Schema = {"type": "boolean"}


def null(schema: Schema) -> Schema:
    """`schema` or null."""
    return {"anyOf": [schema, {"type": "null"}]}


def arr(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def obj(properties: dict[str, Schema], optional: tuple[str, ...] = ()) -> Schema:
    """An object with exactly these keys (all required but `optional`)."""
    return {
        "type": "object",
        "properties": properties,
        "required": [key for key in properties if key not in optional],
        "additionalProperties": False,
    }


def enum(*values: str) -> Schema:
    return {"type": "string", "enum": list(values)}


ANSWER: Schema = {
    "description": "choice: the option's letter; yesno: true/false; percent, count, score: a "
    "number; checklist: the letters ticked; a recap's nilai (points given directly): [points]; "
    "null when not answered",
    "anyOf": [
        STR,
        NUM,
        BOOL,
        arr(STR),
        {"type": "array", "items": NUM, "minItems": 1, "maxItems": 1},
        {"type": "null"},
    ],
}
FINDING = obj(
    {
        "severity": enum("error", "warning"),
        "code": STR,
        "file": STR,
        "sheet": null(STR),
        "cell": null(STR),
        "item": null(STR),
        "message": STR,
        "expected": null(STR),
        "args": {"type": "object", "additionalProperties": STR},
    }
)
RUBRIC_REF = obj({"id": STR, "version": STR})
TIER_NAME = null(STR)
"""A predikat's Indonesian name (`Madya`), null below the lowest tier or when unknown."""
