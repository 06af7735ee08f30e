"""`kla rubric check` and `kla rubric show`: is a rubric file valid, and what it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.console import emit, guard, show_error, use_color, width
from kla_cli.cli.framework import h
from kla_cli.cli.options import RubricOpt, load_rubric
from kla_cli.errors import ExitCode, KlaError
from kla_cli.i18n.messages import active_lang, t


@guard
def check(
    files: Annotated[list[Path], typer.Argument(help=h("help.rubric_files"), show_default=False)],
) -> None:
    from kla_cli.io.rubric_yaml import load_rubric as load

    failed = False
    for file in files:
        try:
            model = load(file)
        except KlaError as exc:
            failed = True
            show_error(exc)
            continue
        count = sum(1 for _ in model.iter_items())
        total = sum(item.max for _, item in model.iter_items())
        typer.echo(
            t(
                "rubric.ok",
                path=file,
                indicators=len(model.indicators),
                items=count,
                total=f"{total:g}",
            )
        )
    if failed:
        raise typer.Exit(ExitCode.CANNOT_RUN)


@guard
def show(
    rubric: RubricOpt = None,
    items: Annotated[bool, typer.Option("--items", help=h("help.show_items"))] = False,
) -> None:
    from kla_cli.render.rubric import rubric_table

    model, _ = load_rubric(rubric)
    text = rubric_table(model, active_lang(), items=items, color=use_color(None), width=width())
    emit(text, None)
