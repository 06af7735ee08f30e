"""The output formats of `kla report`, `kla compare` and `kla history` (score, gap and their
kin use `render.Format`). Which one a run writes is decided by `cli.options.choose_format`."""

from __future__ import annotations

from enum import StrEnum


class OutFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    XLSX = "xlsx"


class ReportFormat(StrEnum):
    """`kla report`'s formats (its --help lists exactly these)."""

    MARKDOWN = "markdown"
    HTML = "html"
    XLSX = "xlsx"


class CompareFormat(StrEnum):
    """`kla compare`'s formats."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
