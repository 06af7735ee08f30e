"""Which format a command writes: --format, else the -o file's extension, else its default.

Every command goes through `choose_format`, so `-o hasil.json` writes JSON without `-f json`,
`-f json -o hasil.md` is refused instead of writing JSON into a Markdown file, and an extension
no command writes (`laporan.pdf`) is refused instead of silently holding Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Literal, TypeAlias, TypeVar, get_args

from kla_cli.errors import KlaError
from kla_cli.io.output import precheck


class Format(StrEnum):
    """Every output format; each command writes the subset its `…Format` type below names."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    XLSX = "xlsx"
    TEXT = "text"
    GITHUB = "github"
    JUNIT = "junit"


# Each command's formats, in the order its --help lists them (a Literal of members is what
# typer shows as the option's choices), and the same as a tuple of `Format` members.
ScoreFormat: TypeAlias = Literal[Format.TABLE, Format.JSON, Format.CSV, Format.MARKDOWN]
"""`kla score` and `kla gap`."""
FindingFormat: TypeAlias = Literal[Format.TEXT, Format.JSON, Format.GITHUB]
"""`kla validate`."""
BatchFormat: TypeAlias = Literal[
    Format.TABLE, Format.JSON, Format.CSV, Format.MARKDOWN, Format.JUNIT, Format.GITHUB
]
ReportFormat: TypeAlias = Literal[Format.MARKDOWN, Format.HTML, Format.XLSX]
CompareFormat: TypeAlias = Literal[Format.TABLE, Format.JSON, Format.MARKDOWN]
HistoryFormat: TypeAlias = Literal[
    Format.TABLE, Format.JSON, Format.MARKDOWN, Format.HTML, Format.XLSX
]

SCORE_FORMATS: tuple[ScoreFormat, ...] = get_args(ScoreFormat)
FINDING_FORMATS: tuple[FindingFormat, ...] = get_args(FindingFormat)
BATCH_FORMATS: tuple[BatchFormat, ...] = get_args(BatchFormat)
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)
COMPARE_FORMATS: tuple[CompareFormat, ...] = get_args(CompareFormat)
HISTORY_FORMATS: tuple[HistoryFormat, ...] = get_args(HistoryFormat)


_F = TypeVar("_F", bound=StrEnum)

BINARY = frozenset({"xlsx"})
"""Formats that only go to a file (never to a terminal)."""

SUFFIXES = {
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".xml": "junit",
}
"""Extension -> the format it implies. Others (.txt, none) imply nothing."""

NOT_WRITTEN = frozenset(
    {".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsm", ".ods", ".ppt", ".pptx", ".png", ".jpg"}
)
"""Extensions of files no command writes: refused rather than filled with something else."""


def _example(allowed: Sequence[StrEnum]) -> str:
    """A file name this command does write (for a hint): `.xlsx` for a report, `.md` for batch."""
    values = {f.value for f in allowed}
    return next((suffix for suffix, fmt in SUFFIXES.items() if fmt in values), ".txt")


def choose_format(
    output: Path | None, explicit: _F | None, allowed: Sequence[_F], default: _F
) -> _F:
    """The format to write; raise when --format and the extension disagree or it is not allowed,
    or when the output path cannot be written at all (checked here, before any work)."""
    if output is not None:
        precheck(output)
    suffix = output.suffix.lower() if output else ""
    known = ", ".join(f.value for f in allowed)
    if suffix in NOT_WRITTEN:
        raise KlaError(
            "output.suffix_unsupported",
            str(output),
            "output.suffix_unsupported.hint",
            {
                "suffix": output.suffix if output else "",
                "known": known,
                "example": _example(allowed),
            },
        )
    implied = SUFFIXES.get(suffix)
    if explicit is not None and implied is not None and explicit.value != implied:
        raise KlaError(
            "report.format_mismatch",
            str(output),
            "report.format_mismatch.hint",
            {"fmt": explicit.value, "suffix": output.suffix if output else ""},
        )
    chosen: _F | str = explicit or implied or default
    match = next((f for f in allowed if f.value == chosen), None)
    if match is None:
        raise KlaError(
            "report.format_unsupported",
            str(output) if output else None,
            params={"fmt": str(chosen), "known": known},
        )
    if match.value in BINARY and output is None:
        raise KlaError(
            "report.needs_output", None, "report.needs_output.hint", {"fmt": match.value}
        )
    return match
