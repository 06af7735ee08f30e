"""`kla report`: one region's report for the evaluation team (Markdown, HTML, Excel or PDF)."""

from typing import Annotated

import typer

from kla_cli.cli.console import emit, err, guard, refuse_blocking
from kla_cli.cli.framework import h
from kla_cli.cli.options import (
    AllowErrorsOpt,
    ColumnsOpt,
    OutputOpt,
    PathsArg,
    RubricOpt,
    as_region,
    choose_format,
    load_rubric,
    read_region,
)
from kla_cli.i18n.messages import active_lang, t
from kla_cli.render.formats import REPORT_FORMATS, Format, ReportFormat


@guard
def report(
    paths: PathsArg,
    rubric: RubricOpt = None,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help=h("help.report_format"), show_default=False),
    ] = None,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    from kla_cli.core.assess import assess
    from kla_cli.core.report_model import build_report
    from kla_cli.io.output import print_time
    from kla_cli.io.pdf import require_soffice, write_pdf
    from kla_cli.render.report import render_report

    kind = choose_format(output, fmt, REPORT_FORMATS, Format.MARKDOWN)
    if kind is Format.PDF and output is not None:
        require_soffice(output)  # before any work
    model, rubric_files = load_rubric(rubric)
    submissions, workbooks = read_region(paths, columns)
    assessment = assess(model, submissions, whole_region=as_region(paths, submissions))
    validation = assessment.validation
    refuse_blocking(validation.findings, validation.blocking, allow_errors)
    content = build_report(model, assessment.result, validation.findings, print_time())
    inputs = rubric_files | workbooks
    if kind is Format.PDF and output is not None:
        data = render_report(content, Format.XLSX, active_lang())
        assert isinstance(data, bytes)
        write_pdf(data, ".xlsx", output, inputs=inputs)
        err(t("output.written", path=output))
        return
    emit(render_report(content, kind, active_lang()), output, inputs)
