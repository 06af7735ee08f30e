"""`kla rubric check` and `kla rubric show`: is a rubric file valid, and what it holds."""

from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.console import emit, err, guard, show_error, use_color, width
from kla_cli.cli.framework import h
from kla_cli.cli.options import RubricOpt, load_rubric
from kla_cli.errors import ExitCode, KlaError
from kla_cli.i18n.messages import active_lang, t
from kla_cli.render.formats import Format, RubricFormat


@guard
def check(
    files: Annotated[list[Path], typer.Argument(help=h("help.rubric_files"), show_default=False)],
) -> None:
    from kla_cli.io.rubric_yaml import UNREADABLE
    from kla_cli.io.rubric_yaml import load_rubric as load

    code = ExitCode.OK  # 1 for a rubric with problems, 2 for one that cannot be read (linters')
    for file in files:
        warnings: list[str] = []
        try:
            model = load(file, warnings=warnings)
        except KlaError as exc:
            failed = ExitCode.CANNOT_RUN if exc.key in UNREADABLE else ExitCode.FINDINGS
            code = max(code, failed)
            show_error(exc)
            continue
        for warning in warnings:  # valid, but worth a look: the exit code stays 0
            err(f"{t('warning.prefix')}: {warning}")
        count = sum(1 for _ in model.iter_items())
        total = round(sum(ind.cap for ind in model.indicators), 2)  # capped as scored
        line = t(
            "rubric.ok",
            path=file,
            indicators=len(model.indicators),
            items=count,
            total=f"{total:g}",
        )
        emit(f"{line}\n", None)
    if code:
        raise typer.Exit(code)


@guard
def show(
    rubric: RubricOpt = None,
    items: Annotated[bool, typer.Option("--items", help=h("help.show_items"))] = False,
    fmt: Annotated[
        RubricFormat | None,
        typer.Option("--format", "-f", help=h("help.rubric_format"), show_default=False),
    ] = None,
) -> None:
    from kla_cli.render.rubric import rubric_json_text, rubric_table

    model, _ = load_rubric(rubric)
    if fmt is Format.JSON:
        emit(rubric_json_text(model), None)
        return
    text = rubric_table(model, active_lang(), items=items, color=use_color(None), width=width())
    emit(text, None)
