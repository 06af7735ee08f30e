"""The output formats: one set of names, and the subset each command writes.

Which one a run writes (--format, else the -o file's extension, else the default) is decided by
`cli/options.choose_format`, which also checks the output path on disk.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, TypeAlias, get_args


class Format(StrEnum):
    """Every output format; each command writes the subset its `…Format` type below names."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    XLSX = "xlsx"
    PDF = "pdf"
    GITHUB = "github"
    JUNIT = "junit"
    TEXT = "text"
    """The old name of `kla validate`'s table: still accepted there, no longer listed."""


# Each command's formats, in the order its --help lists them (a Literal of members is what
# typer shows as the option's choices), and the same as a tuple of `Format` members.
ScoreFormat: TypeAlias = Literal[Format.TABLE, Format.JSON, Format.CSV, Format.MARKDOWN]
"""`kla score` and `kla gap`."""
GapFormat: TypeAlias = Literal[Format.TABLE, Format.JSON, Format.CSV, Format.MARKDOWN, Format.XLSX]
"""`kla gap`: the score formats and the plan as a sheet to work in (`-o rencana.xlsx`)."""
FindingFormat: TypeAlias = Literal[
    Format.TABLE, Format.JSON, Format.MARKDOWN, Format.JUNIT, Format.GITHUB, Format.TEXT
]
"""`kla validate` (`text`, the old name of `table`, last: accepted, not shown in --help)."""
BatchFormat: TypeAlias = Literal[
    Format.TABLE,
    Format.JSON,
    Format.CSV,
    Format.MARKDOWN,
    Format.JUNIT,
    Format.GITHUB,
    Format.XLSX,
    Format.HTML,
]
ReportFormat: TypeAlias = Literal[Format.MARKDOWN, Format.HTML, Format.XLSX, Format.PDF]
"""`kla report`: PDF through LibreOffice (io/pdf.py)."""
CompareFormat: TypeAlias = Literal[Format.TABLE, Format.JSON, Format.MARKDOWN]
RubricFormat: TypeAlias = Literal[Format.TABLE, Format.JSON]
"""`kla rubric show`."""
HistoryFormat: TypeAlias = Literal[
    Format.TABLE, Format.JSON, Format.MARKDOWN, Format.HTML, Format.XLSX
]

StatusFormat: TypeAlias = Literal[Format.TABLE, Format.JSON, Format.MARKDOWN]
"""`kla status`."""

SCORE_FORMATS: tuple[ScoreFormat, ...] = get_args(ScoreFormat)
FINDING_FORMATS: tuple[FindingFormat, ...] = get_args(FindingFormat)
BATCH_FORMATS: tuple[BatchFormat, ...] = get_args(BatchFormat)
GAP_FORMATS: tuple[GapFormat, ...] = get_args(GapFormat)
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)
COMPARE_FORMATS: tuple[CompareFormat, ...] = get_args(CompareFormat)
HISTORY_FORMATS: tuple[HistoryFormat, ...] = get_args(HistoryFormat)
RUBRIC_FORMATS: tuple[RubricFormat, ...] = get_args(RubricFormat)
STATUS_FORMATS: tuple[StatusFormat, ...] = get_args(StatusFormat)
