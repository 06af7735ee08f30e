"""`kla status`: where a region in progress stands (the desk), once or kept current (--watch)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.console import emit, err, guard, use_color, width
from kla_cli.cli.desk import DeadlineOpt, TargetOpt
from kla_cli.cli.framework import h
from kla_cli.cli.options import ColumnsOpt, OutputOpt, RubricOpt, choose_format, load_rubric
from kla_cli.errors import KlaError
from kla_cli.i18n.messages import active_lang, t
from kla_cli.render.formats import STATUS_FORMATS, Format, StatusFormat


@guard
def status(
    path: Annotated[Path, typer.Argument(help=h("help.status_path"), show_default=False)],
    target: TargetOpt = None,
    deadline: DeadlineOpt = None,
    watch_: Annotated[bool, typer.Option("--watch", "-w", help=h("help.status_watch"))] = False,
    interval: Annotated[
        float, typer.Option("--interval", help=h("help.status_interval"), min=0.5)
    ] = 10.0,
    rubric: RubricOpt = None,
    fmt: Annotated[
        StatusFormat | None,
        typer.Option("--format", "-f", help=h("help.format"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
) -> None:
    from kla_cli.cli.desk import assess_region, deadline_and_target, folder_state, today, watch
    from kla_cli.core.status import region_status
    from kla_cli.render.status import render_status

    kind = choose_format(output, fmt, STATUS_FORMATS, Format.TABLE)
    if watch_ and output is not None:
        raise KlaError("status.watch_output", str(output), "status.watch_output.hint")
    model, rubric_files = load_rubric(rubric)
    due, tier = deadline_and_target(model, deadline, target)
    if not path.exists():
        raise KlaError("path.missing", str(path), "path.missing.hint")

    def draw() -> None:
        submissions, assessment, inputs = assess_region(model, path, columns)
        desk = region_status(
            model, assessment, submissions, target=tier, deadline=due, today=today()
        )
        color = use_color(output) and kind is Format.TABLE
        text = render_status(
            desk,
            assessment.validation.findings,
            kind,
            active_lang(),
            lowest=model.tiers[0].min,
            color=color,
            width=width(),
        )
        if watch_ and sys.stdout.isatty():
            sys.stdout.write("\x1b[2J\x1b[H")  # clear the screen, cursor home: a redraw
        emit(text, output, rubric_files | inputs)

    if not watch_:
        draw()
        return
    err(t("status.watching", path=path, seconds=f"{interval:g}"))
    watch(draw, lambda: folder_state(path), interval)
