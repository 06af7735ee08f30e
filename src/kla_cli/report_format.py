"""Which output format a report-like command writes: from --format, else the -o extension."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from kla_cli.errors import KlaError


class OutFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    XLSX = "xlsx"


BINARY = frozenset({OutFormat.XLSX})

SUFFIXES = {
    ".xlsx": OutFormat.XLSX,
    ".html": OutFormat.HTML,
    ".htm": OutFormat.HTML,
    ".md": OutFormat.MARKDOWN,
    ".markdown": OutFormat.MARKDOWN,
    ".json": OutFormat.JSON,
}


def choose_format(
    output: Path | None,
    explicit: OutFormat | None,
    allowed: tuple[OutFormat, ...],
    default: OutFormat,
) -> OutFormat:
    """The format to write; raise when --format and the extension disagree or it is not allowed."""
    by_suffix = SUFFIXES.get(output.suffix.lower()) if output else None
    if explicit and by_suffix and explicit is not by_suffix and output:
        raise KlaError(
            "report.format_mismatch",
            str(output),
            "report.format_mismatch.hint",
            {"fmt": explicit.value, "suffix": output.suffix},
        )
    chosen = explicit or by_suffix or default
    if chosen not in allowed:
        raise KlaError(
            "report.format_unsupported",
            str(output) if output else None,
            params={"fmt": chosen.value, "known": ", ".join(f.value for f in allowed)},
        )
    if chosen in BINARY and output is None:
        raise KlaError(
            "report.needs_output", None, "report.needs_output.hint", {"fmt": chosen.value}
        )
    return chosen
