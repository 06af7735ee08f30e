"""The JSON contract: every JSON output says which schema it follows and which kla wrote it.

`json_text(name, data)` is the one place a JSON output is serialised: it puts
`"schema": "kla.<name>/<major>"` and `"kla_version"` first, then the renderer's keys. The schemas
themselves (`kla schema NAME`) are in `render/schemas.py`; docs/json.md says what a minor and a
major change may do.
"""

from __future__ import annotations

import json
from typing import Any

from kla_cli import __version__
from kla_cli.core.answer_types import Answer

SCHEMA_MAJORS: dict[str, int] = {
    "score": 1,
    "validate": 1,
    "gap": 1,
    "batch": 1,
    "compare": 1,
    "history": 1,
    "rubric-show": 1,
    "status": 1,
    "error": 1,
}
"""Each JSON output's schema name and major version. A major version changes only when a key is
removed or renamed, or a value changes type or meaning (docs/json.md)."""


def schema_id(name: str) -> str:
    """`kla.score/1`: what the output's `schema` key says."""
    return f"kla.{name}/{SCHEMA_MAJORS[name]}"


def stamped(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """`data` with `schema` and `kla_version` first."""
    return {"schema": schema_id(name), "kla_version": __version__, **data}


def json_text(name: str, data: dict[str, Any]) -> str:
    """The JSON output of schema `name`: stamped, UTF-8 text (not `\\u` escapes), indented."""
    return json.dumps(stamped(name, data), ensure_ascii=False, indent=2) + "\n"


def answer_json(answer: Answer | None) -> object:
    """An answer as JSON shows it: a checklist's ticked elements as a sorted list."""
    if isinstance(answer, frozenset):
        return sorted(answer)
    return answer
