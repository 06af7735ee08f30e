"""The options several commands share, and what they resolve to: the rubric (`--rubric`), the
workbooks (PATHS), the output format (`--format` / the `-o` extension), `--allow-errors` and
`--columns` (which column of a region's own recap is which, where kla cannot match a header).

Reading the rubric or the workbooks here also says what the run read (`Inputs`), so that no
output of the run is ever written over one of them.

`choose_format`: `-o hasil.json` writes JSON without `-f json`, `-f json -o hasil.md` is refused
instead of writing JSON into a Markdown file, and an extension no command writes (`laporan.pdf`)
is refused instead of silently holding Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from kla_cli.cli.console import verbose
from kla_cli.cli.framework import h
from kla_cli.errors import KlaError
from kla_cli.io.output import Inputs, precheck
from kla_cli.render.formats import ScoreFormat

if TYPE_CHECKING:
    from kla_cli.core.rubric import Rubric
    from kla_cli.core.rubric_leaves import Tier
    from kla_cli.core.submission import Submission
    from kla_cli.region_memo import Assessed, FileRead

RubricOpt = Annotated[
    Path | None,
    typer.Option(
        "--rubric", "-r", envvar="KLA_RUBRIC", help=h("help.rubric_opt"), show_default=False
    ),
]
FormatOpt = Annotated[
    ScoreFormat | None,
    typer.Option("--format", "-f", help=h("help.format"), show_default=False),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help=h("help.output"), show_default=False)
]
PathsArg = Annotated[list[Path], typer.Argument(help=h("help.paths"), show_default=False)]
AllowErrorsOpt = Annotated[bool, typer.Option("--allow-errors", help=h("help.allow_errors"))]
ExcelOpt = Annotated[bool, typer.Option("--excel", help=h("help.excel"))]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help=h("help.no_cache_region"))]
FailUnderOpt = Annotated[
    str | None, typer.Option("--fail-under", help=h("help.fail_under"), show_default=False)
]
ColumnsOpt = Annotated[
    str | None,
    typer.Option("--columns", help=h("help.columns"), show_default=False, metavar="nilai=F,kode=B"),
]


def parse_columns(spec: str | None) -> dict[str, int] | None:
    """`--columns nilai=F,kode=B` -> {"nilai": 6, "kode": 2}; raise on an unknown name or a
    column that is not a letter (A…XFD)."""
    if spec is None or not spec.strip():
        return None
    import re

    from kla_cli.core.recap_layout import COLUMN_NAMES
    from kla_cli.workbook.grid import col_number

    known = ", ".join(dict.fromkeys(COLUMN_NAMES.values()))
    columns: dict[str, int] = {}
    for part in re.split(r"[,;]", spec):
        if not part.strip():
            continue
        name, _, letter = part.partition("=")
        key = COLUMN_NAMES.get(name.strip().casefold())
        if key is None:
            raise KlaError(
                "columns.unknown_name",
                "--columns",
                "columns.hint",
                {"name": name.strip(), "known": known},
            )
        letter = letter.strip().upper()
        if not re.fullmatch(r"[A-Z]{1,3}", letter) or col_number(letter) > 16384:
            raise KlaError(
                "columns.bad_letter",
                "--columns",
                "columns.hint",
                {"name": name.strip(), "letter": letter, "known": known},
            )
        columns[key] = col_number(letter)
    return columns or None


# --- what was read -------------------------------------------------------------------------


def load_rubric(path: Path | None, *, cache: bool = True) -> tuple[Rubric, Inputs]:
    """The rubric of `--rubric` (the shipped one by default), and the files it was read from;
    validated once and then taken from kla's cache (`io/rubric_cache`) unless `cache` is False."""
    from kla_cli.io.rubric_yaml import default_rubric_path

    file = path or default_rubric_path()
    if cache and str(file) != "-":  # a rubric piped in (`--rubric -`) is read once, not cached
        from kla_cli.io.rubric_cache import load_rubric_cached

        rubric, files = load_rubric_cached(file)
    else:
        from kla_cli.io.rubric_yaml import load_rubric_and_files

        rubric, files = load_rubric_and_files(file)
    verbose("verbose.rubric", path=files[0] if files else file)
    return rubric, Inputs(files=frozenset(files))


def read_region(
    paths: Sequence[Path], columns: str | None = None
) -> tuple[list[Submission], Inputs]:
    """The workbooks under `paths` (files or folders of one region), and what was read: each
    workbook, and each folder given (a spreadsheet written there would be read next time).
    `columns`: the `--columns` option's text (a recap's columns by letter)."""
    submissions, files = _read(paths, columns)
    return submissions, _read_inputs(paths, files)


def _read(
    paths: Sequence[Path], columns: str | None
) -> tuple[list[Submission], tuple[FileRead, ...]]:
    """The workbooks read, and what `-v` says of each (said here)."""
    from kla_cli.workbook.read import read_region as read

    submissions = read(paths, parse_columns(columns))
    files = tuple(file_read(sub) for sub in submissions)
    _say_read(files)
    return submissions, files


def assessed_region(
    rubric: Path | None,
    paths: Sequence[Path],
    columns: str | None,
    *,
    as_given: bool,
    memo: bool = True,
    loaded: tuple[Rubric, Inputs] | None = None,
) -> tuple[Assessed, Inputs]:
    """The region at `paths` validated and scored with the rubric of `--rubric` (or `loaded`,
    when the command loaded it already), and what was read (as `read_region`, and the rubric's
    files). Taken from the memo of an earlier run when no workbook and no rubric file changed
    (`region_memo`): the rubric is then not loaded at all. `memo` False (`--no-cache`): neither
    the memo nor the rubric cache. `as_given`: forms given one by one are checked as forms
    (`as_region`), not as a whole region."""
    from kla_cli import region_memo
    from kla_cli.io.rubric_yaml import default_rubric_path
    from kla_cli.io.stdin import is_stdin

    file = rubric or default_rubric_path()
    parsed = parse_columns(columns)
    whole = True if not as_given or any(path.is_dir() for path in paths) else None
    kept = region_memo.slot(paths, file, parsed, whole) if memo and not is_stdin(file) else None
    found = kept.get() if kept is not None else None
    if found is not None:
        assessed, rubric_files = found
        if loaded is None:  # as `load_rubric` says it: the file given, first of its files
            verbose("verbose.rubric", path=file)
        verbose("verbose.memo")
        _say_read(assessed.files)
        return assessed, Inputs(frozenset(rubric_files)) | _read_inputs(paths, assessed.files)
    from kla_cli.core.assess import assess

    model, rubric_inputs = loaded or load_rubric(rubric, cache=memo)
    if kept is not None:
        kept.begin(sorted(rubric_inputs.files))
    submissions, files = _read(paths, columns)
    region = whole if whole is not None else as_region(paths, submissions)
    assessment = assess(model, submissions, whole_region=region)
    validation = assessment.validation
    assessed = region_memo.Assessed(
        assessment.result, validation.findings, validation.blocking, files, model.tiers
    )
    if kept is not None:
        kept.keep(assessed)
    return assessed, rubric_inputs | _read_inputs(paths, files)


def file_read(sub: Submission) -> FileRead:
    """What `-v` says of a workbook read."""
    from kla_cli.region_memo import FileRead

    answered = sum(1 for row in sub.rows if row.answer not in (None, ""))
    return FileRead(sub.file, sub.opd, len(sub.rows), answered, len(sub.findings))


def _say_read(files: Sequence[FileRead]) -> None:
    for file in files:  # -v: each file read, its OPD and its counts
        verbose(
            "verbose.file",
            file=file.file,
            opd=file.opd or "-",
            rows=file.rows,
            answers=file.answers,
            findings=file.findings,
        )


def _read_inputs(paths: Sequence[Path], files: Sequence[FileRead]) -> Inputs:
    return Inputs(
        files=frozenset(Path(file.file) for file in files),
        folders=frozenset(path for path in paths if path.is_dir()),
    )


def as_region(paths: Sequence[Path], submissions: Sequence[Submission]) -> bool:
    """Whether what was given is checked as a region (a folder, a recap) or as forms handed over
    one by one (`core.intake.checked_as_region`): `kla validate` and `kla score` agree."""
    from kla_cli.core.intake import checked_as_region

    return checked_as_region(submissions, any(path.is_dir() for path in paths))


def source_inputs(source: Path) -> Inputs:
    """What `sources.load_result(source, …)` read, once it has: the saved result or result
    sheet itself, else the region's workbooks and its folder."""
    from kla_cli.sources import is_result_file
    from kla_cli.workbook.paths import workbook_paths

    if is_result_file(source):  # as load_result tells them apart
        return Inputs(files=frozenset({source}))
    folders = frozenset({source}) if source.is_dir() else frozenset()
    return Inputs(files=frozenset(workbook_paths([source])), folders=folders)


# --- the output format ---------------------------------------------------------------------

_F = TypeVar("_F", bound=StrEnum)

BINARY = frozenset({"xlsx", "pdf"})
"""Formats that only go to a file (never to a terminal)."""

SUFFIXES = {
    ".xlsx": "xlsx",
    ".pdf": "pdf",
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
    {".doc", ".docx", ".odt", ".xls", ".xlsm", ".ods", ".ppt", ".pptx", ".png", ".jpg"}
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


def check_excel(fmt: StrEnum, excel: bool) -> None:
    """`--excel` shapes CSV only: refused with any other format (before any work)."""
    if excel and fmt.value != "csv":
        raise KlaError("excel.needs_csv", None, "excel.needs_csv.hint", {"fmt": fmt.value})


def target_tier(rubric: Rubric, target: str | None) -> Tier | None:
    """The `--target` tier; an unknown one is an error located at the kla.toml line that gave
    it, when a kla.toml did (else at `--target`)."""
    from dataclasses import replace

    from kla_cli.cli.settings import origin
    from kla_cli.core.gap.ladder import find_tier

    if not target:
        return None
    try:
        return find_tier(rubric, target)
    except KlaError as exc:
        raise replace(exc, where=exc.where or origin("target") or "--target") from None
