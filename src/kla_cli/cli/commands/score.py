"""`kla score`: one region's total, predikat, groups and (with --detail) indicators."""

from typing import Annotated

import typer

from kla_cli.cli.console import emit, finish, guard, refuse_blocking, use_color, width
from kla_cli.cli.fail_under import below
from kla_cli.cli.fail_under import resolve as fail_under_tier
from kla_cli.cli.framework import h
from kla_cli.cli.options import (
    AllowErrorsOpt,
    ColumnsOpt,
    ExcelOpt,
    FailUnderOpt,
    FormatOpt,
    NoCacheOpt,
    OutputOpt,
    PathsArg,
    RubricOpt,
    assessed_region,
    check_excel,
    choose_format,
)
from kla_cli.core.rubric_leaves import Tiers
from kla_cli.errors import ExitCode
from kla_cli.i18n.messages import active_lang
from kla_cli.render.formats import SCORE_FORMATS, Format


@guard
def score(
    paths: PathsArg,
    rubric: RubricOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    allow_errors: AllowErrorsOpt = False,
    detail: Annotated[bool, typer.Option("--detail", help=h("help.detail"))] = False,
    show_warnings: Annotated[bool, typer.Option("--warnings", help=h("help.warnings"))] = False,
    fail_under: FailUnderOpt = None,
    excel: ExcelOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    from kla_cli.render.score import render_score

    fmt = choose_format(output, fmt, SCORE_FORMATS, Format.TABLE)
    check_excel(fmt, excel)
    assessment, inputs = assessed_region(rubric, paths, columns, as_given=True, memo=not no_cache)
    tiers = Tiers(assessment.tiers)  # the rubric itself is not loaded when the memo answers
    wanted = fail_under_tier(tiers, fail_under)
    blocked = refuse_blocking(
        assessment.findings,
        assessment.blocking,
        allow_errors,
        warnings=show_warnings,
        defer=fmt is Format.JSON,
    )
    text = render_score(
        assessment.result,
        fmt,
        active_lang(),
        lowest=tiers.tiers[0].min,
        findings=assessment.findings,
        detail=detail,
        color=use_color(output) and fmt is Format.TABLE,
        width=width(),
        excel=excel,
    )
    emit(text, output, inputs)
    finish(blocked)
    result = assessment.result
    if below(tiers, wanted, result.total_evidenced, result.predicate_evidenced):
        raise typer.Exit(ExitCode.FINDINGS)
