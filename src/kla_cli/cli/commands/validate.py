"""`kla validate`: the findings of one region's workbooks, without scoring them."""

from __future__ import annotations

from typing import Annotated

import typer

from kla_cli.cli.console import emit, guard
from kla_cli.cli.framework import h
from kla_cli.cli.options import (
    ColumnsOpt,
    OutputOpt,
    PathsArg,
    RubricOpt,
    as_region,
    choose_format,
    load_rubric,
    read_region,
)
from kla_cli.errors import ExitCode
from kla_cli.i18n.messages import active_lang
from kla_cli.render.formats import FINDING_FORMATS, FindingFormat, Format


@guard
def validate(
    paths: PathsArg,
    rubric: RubricOpt = None,
    fmt: Annotated[
        FindingFormat | None,
        typer.Option("--format", "-f", help=h("help.validate_format"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help=h("help.strict"))] = False,
) -> None:
    from kla_cli.core.findings import has_errors
    from kla_cli.core.validate import validate_region
    from kla_cli.render.findings import render_findings

    fmt = choose_format(output, fmt, FINDING_FORMATS, Format.TEXT)
    model, rubric_files = load_rubric(rubric)
    submissions, workbooks = read_region(paths, columns)
    whole_region = as_region(paths, submissions)
    findings = validate_region(model, submissions, whole_region=whole_region).findings
    files = [sub.file for sub in submissions]
    emit(render_findings(findings, files, fmt, active_lang()), output, rubric_files | workbooks)
    if has_errors(findings) or (strict and findings):
        raise typer.Exit(ExitCode.FINDINGS)
