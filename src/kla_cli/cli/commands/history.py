"""`kla history`: a region's results over the years, from its year folders or saved results."""

from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.console import emit, err, finish, guard, refuse_blocking, use_color, width
from kla_cli.cli.framework import h
from kla_cli.cli.options import (
    AllowErrorsOpt,
    OutputOpt,
    RubricOpt,
    choose_format,
    load_rubric,
    source_inputs,
)
from kla_cli.i18n.messages import active_lang, t
from kla_cli.render.formats import HISTORY_FORMATS, Format, HistoryFormat


@guard
def history(
    region_dir: Annotated[Path, typer.Argument(help=h("help.region_dir"), show_default=False)],
    rubric: RubricOpt = None,
    fmt: Annotated[
        HistoryFormat | None,
        typer.Option("--format", "-f", help=h("help.format"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    from kla_cli.core.history import YearResult, build_history, mismatches
    from kla_cli.render.history import render_history
    from kla_cli.sources import load_result, year_sources

    kind = choose_format(output, fmt, HISTORY_FORMATS, Format.TABLE)
    model, inputs = load_rubric(rubric)
    lang = active_lang()
    years = []
    blocked = False
    for year, source in year_sources(region_dir):
        loaded = load_result(source, model, lang)
        blocked |= refuse_blocking(
            loaded.findings, loaded.blocking, allow_errors, defer=kind is Format.JSON
        )
        years.append(YearResult(year, str(source.relative_to(region_dir)), loaded.snapshot))
        inputs |= source_inputs(source)
    story = build_history(model, years, lang)
    for odd in mismatches(story):
        where = f"{region_dir / odd.source}"
        err(f"{t('warning.prefix')}: {where}: {t(f'history.mismatch_{odd.field}', **vars(odd))}")
    color = use_color(output) and kind is Format.TABLE
    emit(render_history(story, kind, lang, color=color, width=width()), output, inputs)
    finish(blocked)
