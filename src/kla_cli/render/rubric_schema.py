"""The rubric file's JSON Schema (`kla schema rubric`): generated from the pydantic models
(`Rubric.model_json_schema()`, strict as the models are: `extra="forbid"`), with what the loader
accepts besides them: a bare string for a bilingual text, `number:` for an indicator's id,
`extends:` (then only the keys it replaces), a `scale:` name."""

from __future__ import annotations

from typing import Any

from kla_cli.render.schema_parts import Schema, null


def rubric_file_schema() -> Schema:
    """The rubric YAML file's schema, from the pydantic models plus what the loader accepts
    besides them (see the module's docstring)."""
    from kla_cli.core.rubric_schema import Rubric
    from kla_cli.core.scales import SCALES

    schema: Schema = Rubric.model_json_schema()
    defs = schema["$defs"]
    text = {"$ref": "#/$defs/Text"}
    bilingual = {"anyOf": [{"type": "string", "minLength": 1}, text]}

    def widen(node: Any) -> Any:
        """Every `$ref: Text` also accepts a bare string (the same text in both languages)."""
        if isinstance(node, dict):
            if node == text:
                return dict(bilingual)
            return {key: widen(value) for key, value in node.items()}
        if isinstance(node, list):
            return [widen(value) for value in node]
        return node

    defs.update({name: widen(d) if name != "Text" else d for name, d in defs.items()})
    schema["properties"] = widen(schema["properties"])
    indicator = defs["Indicator"]
    indicator["properties"]["number"] = {
        "description": "older rubrics: the indicator's id as a number (`number: 7`)",
        "type": ["integer", "string"],
    }
    indicator["required"].remove("id")
    indicator["anyOf"] = [{"required": ["id"]}, {"required": ["number"]}]
    defs["Item"]["properties"]["scale"] = null(
        {
            "description": "a named graded scale: it gives the options (or bands) from max",
            "enum": list(SCALES),
        }
    )
    schema["properties"]["extends"] = {
        "description": "a base rubric (path relative to this file) whose top-level keys this "
        "file's replace",
        "type": "string",
    }
    required = schema.pop("required")
    schema["if"] = {"required": ["extends"]}
    schema["else"] = {"required": required}
    return schema
