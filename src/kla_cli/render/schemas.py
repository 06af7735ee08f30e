"""The JSON Schemas (draft 2020-12) of every JSON output, and of the rubric file (`kla schema`;
the rubric file's is made in `rubric_schema`).

The output schemas are written by hand from what the renderers write, strict where the shape is
fixed (`additionalProperties: false`, every key required), so that a key added, renamed or
retyped without a schema version fails the tests (`tests/render/test_schemas.py` validates
every JSON output of the examples). The rubric file's schema is generated from the pydantic
models (`Rubric.model_json_schema()`) with what the loader accepts besides: a bare string for
a bilingual text, `number:` for an indicator's id, `extends:`, a `scale:` name.

docs/schemas/*.json hold the same schemas, committed; a test checks that they equal these.
"""

from __future__ import annotations

from collections.abc import Callable

from kla_cli.render.contract import SCHEMA_MAJORS, schema_id
from kla_cli.render.schema_parts import (
    ANSWER,
    BOOL,
    DIALECT,
    FINDING,
    INT,
    NUM,
    RUBRIC_REF,
    STR,
    TIER_NAME,
    Schema,
    arr,
    enum,
    null,
    obj,
)


def _score() -> Schema:
    item = obj(
        {
            "code": STR,
            "type": enum("choice", "percent", "count", "yesno", "checklist", "score"),
            "answer": ANSWER,
            "points": NUM,
            "points_evidenced": NUM,
            "max": NUM,
            "evidence_required": BOOL,
            "evidence": null(STR),
            "opd": null(STR),
            "source": null(STR),
            "points_verified": null(NUM),
            "note": null(STR),
        }
    )
    level = {"score": NUM, "score_evidenced": NUM, "score_verified": null(NUM), "max": NUM}
    return obj(
        {
            "rubric": obj(
                {"id": STR, "version": STR, "provisional": BOOL, "provisional_points": BOOL}
            ),
            "region": null(STR),
            "year": null(STR),
            "total": NUM,
            "total_evidenced": NUM,
            "max_total": NUM,
            "predicate": TIER_NAME,
            "predicate_id": null(STR),
            "predicate_evidenced": TIER_NAME,
            "predicate_evidenced_id": null(STR),
            "total_verified": null(NUM),
            "predicate_verified": TIER_NAME,
            "predicate_verified_id": null(STR),
            "groups": arr(obj({"id": STR, "name": STR, **level})),
            "indicators": arr(
                obj(
                    {
                        "id": STR,
                        "group": STR,
                        "name": STR,
                        **level,
                        "opd": arr(STR),
                        "items": arr(item),
                    }
                )
            ),
            "skipped": arr(STR),
            "findings": arr(FINDING),
        }
    )


def _validate() -> Schema:
    return obj(
        {
            "ok": BOOL,
            "errors": INT,
            "warnings": INT,
            "files": arr(obj({"file": STR, "errors": INT, "warnings": INT})),
            "findings": arr(FINDING),
        }
    )


def _gap() -> Schema:
    ladder = arr(obj({"tier": STR, "tier_id": STR, "floor": NUM, "points_needed": NUM}))
    target = obj({"id": STR, "name": STR, "floor": NUM})
    action = {"$ref": "#/$defs/action"}
    action_def = obj(
        {
            "kind": enum("evidence", "answer", "cut"),
            "code": STR,
            "question": STR,
            "indicator": STR,
            "indicator_name": STR,
            "group": STR,
            "opd": arr(STR),
            "answer_from": ANSWER,
            "answer_to": ANSWER,
            "points_from": NUM,
            "points_to": NUM,
            "gain": NUM,
            "max": NUM,
            "effort": null(enum("low", "medium", "high")),
            "evidence_required": BOOL,
            "evidence_asked": null(STR),
        }
    )
    cut = obj(
        {
            "code": STR,
            "question": STR,
            "indicator": STR,
            "group": STR,
            "points": NUM,
            "points_verified": NUM,
            "lost": NUM,
            "max": NUM,
            "opd": arr(STR),
            "evidence_asked": null(STR),
            "note": null(STR),
        }
    )
    place = obj(
        {
            "code": STR,
            "kind": enum("kecamatan", "desa"),
            "total": INT,
            "lacking_count": INT,
            "lacking": arr(STR),
            "yes_is_bad": BOOL,
        }
    )
    common = {
        "target": target,
        "total": NUM,
        "predicate": TIER_NAME,
        "predicate_id": null(STR),
        "points_needed": NUM,
        "reached": BOOL,
        "ladder": ladder,
    }
    region = obj(
        {
            "region": null(STR),
            "year": null(STR),
            "rubric": RUBRIC_REF,
            "basis": enum("evidenced", "self_assessed", "verified"),
            **common,
            "total_self_assessed": NUM,
            "total_evidenced": NUM,
            "total_verified": null(NUM),
            "cuts": arr(cut),
            "quick_wins": arr(action),
            "opportunities": arr(action),
            "plan": obj(
                {
                    "actions": arr(action),
                    "start_total": NUM,
                    "end_total": NUM,
                    "reaches_target": BOOL,
                    "max_reachable": NUM,
                }
            ),
            "plan_by_opd": arr(obj({"opd": STR, "name": STR, "gain": NUM, "actions": arr(action)})),
            "places": arr(place),
            "assumed": {"type": "object", "additionalProperties": ANSWER},
            "before": obj({"total_self_assessed": NUM, "total_evidenced": NUM}),
        },
        optional=("assumed", "before"),
    )
    region["title"] = "a region's gap (kla gap PATH…)"
    ladder_only = obj(common)
    ladder_only["title"] = "a bare total's ladder (kla gap --score)"
    return {"$defs": {"action": action_def}, "oneOf": [region, ladder_only]}


def _batch() -> Schema:
    region = obj(
        {
            "rank": INT,
            "name": STR,
            "path": STR,
            "region": null(STR),
            "year": null(STR),
            "total": null(NUM),
            "total_evidenced": null(NUM),
            "predicate": TIER_NAME,
            "predicate_id": null(STR),
            "predicate_evidenced_id": null(STR),
            "total_verified": null(NUM),
            "predicate_verified": TIER_NAME,
            "predicate_verified_id": null(STR),
            "target_id": null(STR),
            "met": null(BOOL),
            "status": enum("ok", "below", "invalid", "unreadable"),
            "errors": INT,
            "warnings": INT,
            "workbooks": INT,
            "problem": null(STR),
            "reason": null(STR),
            "messages": arr(STR),
        }
    )
    counts = dict.fromkeys(("regions", "ok", "below", "invalid", "unreadable"), INT)
    return obj(
        {
            "rubric": obj({"id": STR, "version": STR, "provisional": BOOL}),
            "target_basis": enum("evidenced"),
            "regions": arr(region),
            "summary": obj(counts),
        }
    )


DETAIL = enum("items", "groups", "total")


def _compare() -> Schema:
    side = obj(
        {
            "region": null(STR),
            "year": null(STR),
            "rubric": RUBRIC_REF,
            "total": NUM,
            "total_evidenced": null(NUM),
            "predicate": TIER_NAME,
            "predicate_id": null(STR),
            "stage": null(enum("self_assessed", "verified")),
            "detail": DETAIL,
        }
    )
    change = {"$ref": "#/$defs/change"}
    change_def = obj(
        {
            "key": STR,
            "name": STR,
            "old": null(NUM),
            "new": null(NUM),
            "change": null(NUM),
            "old_evidenced": null(NUM),
            "new_evidenced": null(NUM),
            "change_evidenced": null(NUM),
            "max": NUM,
        }
    )
    lists = ("groups", "indicators", "items", "gains", "losses", "evidence_changes")
    return {"$defs": {"change": change_def}} | obj(
        {
            "stages": BOOL,
            "warnings": arr(
                obj(
                    {
                        "kind": enum("region", "rubric", "year"),
                        "old": null(STR),
                        "new": null(STR),
                        "message": STR,
                    }
                )
            ),
            "old": side,
            "new": side,
            "change": obj(
                {
                    "total": NUM,
                    "total_evidenced": null(NUM),
                    "predicate": {"type": "integer", "enum": [-1, 0, 1]},
                }
            ),
            **{key: arr(change) for key in lists},
        }
    )


def _status() -> Schema:
    item = obj(
        {
            "code": STR,
            "question": STR,
            "cell": null(STR),
            "points": NUM,
            "points_at_stake": NUM,
            "max": NUM,
        }
    )
    resent = obj({"used": STR, "set_aside": arr(STR), "by": STR, "differing": arr(STR)})
    opd = obj(
        {
            "id": STR,
            "name": STR,
            "state": STR,
            "files": arr(STR),
            "resent": null(resent),
            "errors": arr(obj({"code": STR, "where": STR, "message": STR})),
            "warnings": INT,
            "unanswered": arr(item),
            "evidence_missing": arr(item),
            "points": NUM,
            "points_evidenced": NUM,
            "max": NUM,
        }
    )
    return obj(
        {
            "region": null(STR),
            "year": null(STR),
            "total": NUM,
            "total_evidenced": NUM,
            "total_verified": null(NUM),
            "max_total": NUM,
            "predicate": null(STR),
            "predicate_evidenced": null(STR),
            "target": STR,
            "target_given": BOOL,
            "points_to_target": NUM,
            "deadline": null(STR),
            "days_left": null({"type": "integer"}),  # negative: the deadline has passed
            "received": INT,
            "skipped": arr(STR),
            "opds": arr(opd),
            "notes": arr(STR),
        }
    )


def _history() -> Schema:
    year = obj(
        {
            "year": STR,
            "source": STR,
            "total": NUM,
            "total_evidenced": null(NUM),
            "total_verified": null(NUM),
            "predicate_verified_id": null(STR),
            "detail": DETAIL,
            "max_total": NUM,
            "predicate": TIER_NAME,
            "predicate_id": null(STR),
            "change": null(NUM),
            "rubric": RUBRIC_REF,
        }
    )
    return obj({"region": null(STR), "story": STR, "years": arr(year)})


TEXT = obj({"id": STR, "en": STR})


def _rubric_show() -> Schema:
    option = obj({"key": STR, "label": TEXT, "points": NUM})
    item = obj(
        {
            "code": STR,
            "question": TEXT,
            "type": enum("choice", "percent", "count", "yesno", "checklist", "score"),
            "max": NUM,
            "provisional": BOOL,
            "scale": null(STR),
            "opd": arr(STR),
            "respondent": null(enum("kecamatan", "desa")),
            "evidence_required": BOOL,
            "evidence_asked": null(TEXT),
            "required": BOOL,
            "unit": null(TEXT),
            "direction": null(enum("higher", "lower")),
            "effort": null(enum("low", "medium", "high")),
            "options": arr(option),
            "bands": arr(obj({"threshold": NUM, "points": NUM})),
        }
    )
    indicator = obj(
        {
            "id": STR,
            "group": STR,
            "name": TEXT,
            "max": NUM,
            "opd": arr(STR),
            "items": arr(item),
        }
    )
    return obj(
        {
            "id": STR,
            "title": TEXT,
            "version": STR,
            "year": null({"type": "integer"}),
            "legal_basis": arr(STR),
            "provisional": BOOL,
            "provisional_steps": BOOL,
            "max_total": NUM,
            "tiers": arr(obj({"id": STR, "name": TEXT, "min": NUM, "max": NUM})),
            "opds": arr(obj({"id": STR, "name": STR, "aliases": arr(STR)})),
            "groups": arr(obj({"id": STR, "name": TEXT, "short": null(TEXT), "max": NUM})),
            "indicators": arr(indicator),
        }
    )


def _error() -> Schema:
    code = {
        "type": "string",
        "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
        "description": "stable, kebab-case: what could not run (path-missing, rubric-invalid, "
        "usage-no-option, interrupted, …); the texts are in the run's language",
    }
    error = obj(
        {
            "code": code,
            "message": STR,
            "where": null(STR),
            "hint": null(STR),
            "details": arr(STR),
        }
    )
    return obj({"exit_code": {"const": 2}, "error": error})


OUTPUTS: dict[str, Callable[[], Schema]] = {
    "score": _score,
    "validate": _validate,
    "gap": _gap,
    "batch": _batch,
    "compare": _compare,
    "history": _history,
    "rubric-show": _rubric_show,
    "status": _status,
    "error": _error,
}
TITLES = {
    "score": "kla score --format json",
    "validate": "kla validate --format json",
    "gap": "kla gap --format json",
    "batch": "kla batch --format json",
    "compare": "kla compare --format json",
    "history": "kla history --format json",
    "rubric-show": "kla rubric show --format json",
    "status": "kla status --format json",
    "error": "any command's --format json when it could not run (exit 2)",
    "rubric": "rubrics/*.yaml (kla rubric check)",
}
NAMES: tuple[str, ...] = (*OUTPUTS, "rubric")
"""Every schema `kla schema` prints, in the order it lists them."""


def _stamp(name: str, body: Schema) -> Schema:
    """The output schema with its two contract keys, `schema` and `kla_version`."""
    keys = {"schema": {"const": schema_id(name)}, "kla_version": STR}
    if "oneOf" in body:
        body = {**body, "oneOf": [_stamp_object(keys, shape) for shape in body["oneOf"]]}
    else:
        body = _stamp_object(keys, body)
    return body


def _stamp_object(keys: dict[str, Schema], shape: Schema) -> Schema:
    return {
        **shape,
        "properties": {**keys, **shape["properties"]},
        "required": [*keys, *shape["required"]],
    }


def schema(name: str) -> Schema:
    """The JSON Schema `kla schema NAME` prints."""
    if name == "rubric":
        from kla_cli.render.rubric_schema import rubric_file_schema

        body = rubric_file_schema()
        body.pop("title", None)
        ident = "kla.rubric"
    else:
        assert name in SCHEMA_MAJORS
        body = _stamp(name, OUTPUTS[name]())
        ident = schema_id(name)
    return {"$schema": DIALECT, "title": f"{ident}: {TITLES[name]}", **body}


def schema_text(name: str) -> str:
    """`schema(name)` as the JSON text `kla schema NAME` prints (and docs/schemas/ holds)."""
    import json

    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"
