"""`kla validate`: the findings of one region's workbooks, without scoring them."""

from typing import Annotated

import typer

from kla_cli.cli.ci import Clock, append_step_summary, github_base
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
        typer.Option(
            "--format",
            "-f",
            help=h("help.validate_format"),
            show_default=False,
            metavar="<table|json|markdown|junit|github>",  # and `text`, the old name of table
        ),
    ] = None,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help=h("help.strict"))] = False,
) -> None:
    from kla_cli.core.findings import has_errors
    from kla_cli.core.validate import validate_region
    from kla_cli.render.findings import findings_markdown, render_findings

    clock = Clock()
    fmt = choose_format(output, fmt, FINDING_FORMATS, Format.TABLE)
    model, rubric_files = load_rubric(rubric)
    submissions, workbooks = read_region(paths, columns)
    whole_region = as_region(paths, submissions)
    findings = validate_region(model, submissions, whole_region=whole_region).findings
    files = [sub.file for sub in submissions]
    lang = active_lang()
    text = render_findings(findings, files, fmt, lang, base=github_base(), run=clock.junit_run())
    emit(text, output, rubric_files | workbooks)
    if fmt is Format.GITHUB:
        append_step_summary(findings_markdown(findings, files, lang))
    if has_errors(findings) or (strict and findings):
        raise typer.Exit(ExitCode.FINDINGS)
