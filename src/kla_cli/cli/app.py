"""The `kla` app: its global options (--lang, --debug, --version) and its commands, each in its
own module under `cli/commands/` (registered here, in the order --help lists them)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kla_cli import __version__
from kla_cli.cli.commands import (
    batch,
    compare,
    demo,
    followup,
    gap,
    history,
    merge,
    report,
    rubric,
    schema,
    score,
    status,
    template,
    validate,
)
from kla_cli.cli.console import err, set_debug, set_verbosity
from kla_cli.cli.framework import KlaCommand, KlaGroup, h
from kla_cli.cli.settings import set_globals
from kla_cli.errors import ExitCode
from kla_cli.i18n.messages import current_lang, detect_lang, t

app = typer.Typer(
    cls=KlaGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=h("help.app"),
)
rubric_app = typer.Typer(cls=KlaGroup, no_args_is_help=True, help=h("help.rubric"))
app.add_typer(rubric_app, name="rubric")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kla {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    lang: Annotated[
        str | None, typer.Option("--lang", help=h("help.lang"), show_default=False)
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help=h("help.debug"))] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=h("help.version"))
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help=h("help.config"), show_default=False),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=h("help.quiet"))] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=h("help.verbose"))] = False,
) -> None:
    set_debug(debug)
    set_verbosity(quiet, verbose)
    set_globals(config, lang is not None)
    try:
        current_lang.set(detect_lang(lang))
    except ValueError as exc:
        err(f"{t('error.prefix')}: {t('lang.unknown', value=exc)}")
        raise typer.Exit(ExitCode.CANNOT_RUN) from None


rubric_app.command("check", help=h("help.rubric_check"), cls=KlaCommand)(rubric.check)
rubric_app.command("show", help=h("help.rubric_show"), cls=KlaCommand)(rubric.show)
for name, command, key in (
    ("score", score.score, "help.score"),
    ("template", template.template, "help.template"),
    ("validate", validate.validate, "help.validate"),
    ("merge", merge.merge, "help.merge"),
    ("gap", gap.gap, "help.gap"),
    ("batch", batch.batch, "help.batch"),
    ("report", report.report, "help.report"),
    ("compare", compare.compare, "help.compare"),
    ("history", history.history, "help.history"),
    ("status", status.status, "help.status"),
    ("followup", followup.followup, "help.followup"),
    ("schema", schema.schema, "help.schema"),
    ("demo", demo.demo, "help.demo"),
):
    app.command(name, help=h(key), cls=KlaCommand)(command)


def main() -> None:
    """Console-script entry point."""
    from kla_cli.cli.console import streams_that_encode_everything

    streams_that_encode_everything()
    app(prog_name="kla")
