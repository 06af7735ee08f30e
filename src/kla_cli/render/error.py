"""The JSON a command writes on stdout when it could not run (exit 2) and the run's format is
JSON (`kla.error/1`): the same failure as the one line on stderr, in fields a program reads."""

from __future__ import annotations

from collections.abc import Sequence

from kla_cli.errors import ExitCode
from kla_cli.render.contract import json_text


def error_code(key: str) -> str:
    """The stable code of a failure from its message key: `report.format_mismatch` ->
    `report-format-mismatch` (kebab-case, as the findings' codes)."""
    return key.replace(".", "-").replace("_", "-")


def error_json_text(
    code: str,
    message: str,
    where: str | None = None,
    hint: str | None = None,
    details: Sequence[str] = (),
) -> str:
    """`kla.error/1`: what could not run, where (a file, `file:line`, an option), and the hint,
    in the run's language; `details` are the further located lines (one per rubric problem)."""
    error = {
        "code": code,
        "message": message,
        "where": where,
        "hint": hint,
        "details": list(details),
    }
    return json_text("error", {"exit_code": int(ExitCode.CANNOT_RUN), "error": error})
