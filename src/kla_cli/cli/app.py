"""The `kla` app: its global options (--lang, --debug, --version) and its commands, each in its
own module under `cli/commands/` (registered here, in the order --help lists them).

`main` (the console script) builds the app with the one command asked for: importing the other
nine command modules and having typer inspect their signatures took a sixth of a command's
start-up. `app`, the whole app (for --help, an unknown command's suggestions and the tests), is
built on first use.
"""

import importlib
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from kla_cli import __version__
from kla_cli.cli.argv import scan
from kla_cli.cli.console import Failure, set_debug, set_verbosity, stop
from kla_cli.cli.framework import KlaCommand, KlaGroup, h
from kla_cli.cli.settings import set_globals
from kla_cli.errors import ExitCode, KlaError
from kla_cli.i18n.messages import current_lang, detect_lang

COMMANDS = (
    ("score", "score", "help.score"),
    ("template", "template", "help.template"),
    ("validate", "validate", "help.validate"),
    ("merge", "merge", "help.merge"),
    ("gap", "gap", "help.gap"),
    ("batch", "batch", "help.batch"),
    ("report", "report", "help.report"),
    ("compare", "compare", "help.compare"),
    ("history", "history", "help.history"),
    ("status", "status", "help.status"),
    ("followup", "followup", "help.followup"),
    ("schema", "schema", "help.schema"),
    ("demo", "demo", "help.demo"),
)
"""(name, function in `cli/commands/<name>.py`, help key), in the order --help lists them."""
RUBRIC_COMMANDS = (("check", "help.rubric_check"), ("show", "help.rubric_show"))
"""`kla rubric <name>`: functions of `cli/commands/rubric.py`."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kla {__version__}")
        raise typer.Exit()


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
        stop(Failure.of(KlaError("lang.unknown", params={"value": str(exc)})))
        raise typer.Exit(ExitCode.CANNOT_RUN) from None


def _command(module: str, function: str) -> Any:
    return getattr(importlib.import_module(f"kla_cli.cli.commands.{module}"), function)


def build_app(only: str | None = None) -> typer.Typer:
    """The app with every command, or with the command named `only` alone."""
    app = typer.Typer(
        cls=KlaGroup,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
        help=h("help.app"),
    )
    app.callback()(_main)
    if only in (None, "rubric"):
        rubric_app = typer.Typer(cls=KlaGroup, no_args_is_help=True, help=h("help.rubric"))
        app.add_typer(rubric_app, name="rubric")
        for name, key in RUBRIC_COMMANDS:
            rubric_app.command(name, help=h(key), cls=KlaCommand)(_command("rubric", name))
    for name, function, key in COMMANDS:
        if only in (None, name):
            app.command(name, help=h(key), cls=KlaCommand)(_command(name, function))
    return app


_whole: list[typer.Typer] = []


def __getattr__(name: str) -> typer.Typer:
    """`app`: the whole app, built on first use."""
    if name != "app":
        raise AttributeError(name)
    if not _whole:
        _whole.append(build_app())
    return _whole[0]


def main() -> None:
    """Console-script entry point."""
    from kla_cli.cli.console import streams_that_encode_everything

    streams_that_encode_everything()
    rest = scan(sys.argv[1:]).rest
    first = next((arg for arg in rest if not arg.startswith("-")), None)
    known = {name for name, _, _ in COMMANDS} | {"rubric"}
    only = first if first in known and rest and rest[0] == first else None
    build_app(only)(prog_name="kla")
