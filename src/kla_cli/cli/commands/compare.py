"""`kla compare`: what changed between two results of a region (workbooks, saved JSON or result
sheets), or, given one result that carries verification, from its self-assessment (EM) to its
verification (VA)."""

from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.console import emit, err, finish, guard, refuse_blocking, use_color, width
from kla_cli.cli.framework import h
from kla_cli.cli.options import (
    AllowErrorsOpt,
    ColumnsOpt,
    OutputOpt,
    RubricOpt,
    choose_format,
    load_rubric,
    parse_columns,
    source_inputs,
)
from kla_cli.i18n.messages import active_lang, t
from kla_cli.render.formats import COMPARE_FORMATS, CompareFormat, Format


@guard
def compare(
    old: Annotated[Path, typer.Argument(help=h("help.compare_old"), show_default=False)],
    new: Annotated[
        Path | None, typer.Argument(help=h("help.compare_new"), show_default=False)
    ] = None,
    rubric: RubricOpt = None,
    fmt: Annotated[
        CompareFormat | None,
        typer.Option("--format", "-f", help=h("help.format"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help=h("help.top"))] = 10,
    allow_errors: AllowErrorsOpt = False,
    columns: ColumnsOpt = None,
) -> None:
    from kla_cli.core.compare import compare as compare_results
    from kla_cli.render.compare import mismatch_lines, render_comparison
    from kla_cli.sources import load_result, stages

    kind = choose_format(output, fmt, COMPARE_FORMATS, Format.TABLE)
    model, rubric_files = load_rubric(rubric)
    mapping = parse_columns(columns)
    defer = kind is Format.JSON  # a program reads the JSON whatever the exit code
    if new is None:  # one result: its self-assessment against its verification
        loaded = load_result(old, model, active_lang(), mapping)
        blocked = refuse_blocking(loaded.findings, loaded.blocking, allow_errors, defer=defer)
        result = compare_results(*stages(loaded, old))
    else:
        sides = [load_result(path, model, active_lang(), mapping) for path in (old, new)]
        blocked = False
        for side in sides:
            blocked |= refuse_blocking(side.findings, side.blocking, allow_errors, defer=defer)
        result = compare_results(sides[0].snapshot, sides[1].snapshot)
    inputs = rubric_files | source_inputs(old) | (source_inputs(new) if new else rubric_files)
    for line in mismatch_lines(result, active_lang()):
        err(f"{t('warning.prefix')}: {line}")
    text = render_comparison(
        result,
        kind,
        active_lang(),
        top=top,
        color=use_color(output) and kind is Format.TABLE,
        width=width(),
    )
    emit(text, output, inputs)
    finish(blocked)
