"""Every workaround for the CLI framework (typer, and the click it is built on), in one place.

- Help texts are declared before --lang is parsed: `h` writes them in the environment's language
  and `translate_help` swaps them into the one asked for. The framework's own words (`Usage:`,
  `Options`, `[required]`, ...) go through `framework_word`, put in the place of typer's gettext.
- A usage error (unknown option or command, missing or bad value) is one line in the user's
  language with a hint, instead of the framework's English usage block.
- The global options may stand anywhere (`kla score DIR --lang en`), and the language is set
  before parsing, so that a usage error already speaks it.
- Values of plain types (text, whole or decimal numbers, paths, a choice of an enum, lists and
  optionals of those) are converted here (`PlainValue`) instead of by the pydantic adapters that
  typer 0.29 builds for every parameter while parsing: importing pydantic and building them took
  83–108 ms of every command's start-up. Any other parameter, or a value of another kind, is
  left to typer, and a bad value still reads as typer's error would.

Click's exceptions are recognised by their class and read through their attributes (`param`,
`option_name`, ...), never through their English text. The two usage errors click raises as a
bare `UsageError` with only a text (an unknown command, extra arguments) are raised here instead,
as `UnknownCommand` and `ExtraArguments`, where the framework would raise them.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import sys
from collections.abc import Iterator, Sequence
from difflib import get_close_matches
from enum import Enum
from pathlib import Path
from typing import Any

import typer
import typer.core

from kla_cli.cli.argv import format_given, scan
from kla_cli.cli.console import (
    Failure,
    failures_as_json,
    new_run,
    show_interrupt,
    stop,
    stop_on,
)
from kla_cli.errors import ExitCode, KlaError
from kla_cli.i18n.catalogue import MESSAGES
from kla_cli.i18n.display import printable
from kla_cli.i18n.messages import Lang, active_lang, current_lang, detect_lang, t

click = importlib.import_module(typer.BadParameter.__module__)
"""click's exception classes as typer raises them, found through typer's public `BadParameter`:
the copy of click typer bundles in recent versions, click itself in older ones."""
_NO_ARGS_IS_HELP: Any = getattr(click, "NoArgsIsHelpError", ())
"""Raised for `kla` alone (click 8.2 and later; earlier ones print the help and exit 0)."""

# --- help texts ----------------------------------------------------------------------------

HELP_LANG: Lang = "id"
with contextlib.suppress(ValueError):
    HELP_LANG = detect_lang(None)

_HELP_KEYS: dict[str, str] = {"Show this message and exit.": "help.help"}
"""Help text (in `HELP_LANG`) -> its catalogue key, so that `--lang en --help` can swap it;
the first is the framework's own text for --help (English only)."""


def h(key: str) -> str:
    """A help text. The framework wants it when commands are declared, before --lang is
    parsed, so it is written in the environment's language and swapped by `translate_help`."""
    text = t(key, HELP_LANG)
    _HELP_KEYS[text] = key
    return text


def translate_help(command: Any, lang: Lang) -> None:
    """Put every help text of `command` and its subcommands into `lang` (for `--lang X`)."""
    if isinstance(command.help, str) and command.help in _HELP_KEYS:
        command.help = t(_HELP_KEYS[command.help], lang)
    with contextlib.suppress(Exception):  # the framework's own --help option, made on demand
        names = type("Ctx", (), {"help_option_names": ["-h", "--help"]})()
        command.get_help_option(names)
    for param in [*command.params, getattr(command, "_help_option", None)]:
        text = getattr(param, "help", None)
        if isinstance(text, str) and text in _HELP_KEYS:
            param.help = t(_HELP_KEYS[text], lang)
    readable_metavars(command)
    examples = f"help.examples.{command.name}"
    if examples in MESSAGES:  # two examples under the help, in the language asked for
        lines = t(examples, lang).split("\n")
        command.epilog = t("help.examples", lang) + "\n\n\b\n" + "\n".join(f"  {x}" for x in lines)
    for sub in getattr(command, "commands", {}).values():
        translate_help(sub, lang)


METAVARS = {
    "paths": "PATH",
    "path": "PATH",
    "name": "NAME",
    "interval": "N",
    "deadline": "YYYY-MM-DD",
    "files": "FILE",
    "root": "ROOT",
    "old": "RESULT",
    "new": "RESULT",
    "region_dir": "DIR",
    "folder": "DIR",
    "rubric": "FILE",
    "output": "FILE",
    "config": "FILE",
    "lang": "id|en",
    "jobs": "N",
    "top": "N",
    "target": "TIER",
    "fail_under": "TIER",
    "assume": "CODE=ANSWER",
    "score_text": "TOTAL",
}
"""Readable placeholders in --help instead of the framework's Python types (`<list[Path]>`,
`<int range>`); a tier is one of the rubric's (pratama|madya|nindya|utama|kla for KLA)."""
_BY_TYPE = {"path": "PATH", "integer": "N", "integer range": "N", "float": "N", "text": "TEXT"}


_FRAMEWORK_WORDS = {
    "Arguments": "help.framework.arguments",
    "Options": "help.framework.options",
    "Commands": "help.framework.commands",
    "required": "help.framework.required",
    "env var: {var}": "help.framework.env_var",
    "default: {default}": "help.framework.default",
    "(dynamic)": "help.framework.dynamic",
    "[OPTIONS]": "help.framework.options_metavar",
    "COMMAND [ARGS]...": "help.framework.command_metavar",
    "Missing command.": "help.framework.missing_command",  # `kla` alone, `kla rubric` alone
}
"""The framework's own English words in --help -> their catalogue keys."""


def framework_word(text: str) -> str:
    """One of the framework's own help words (section titles, `[required]`, `[default: X]`) in
    the language in force; typer looks them up through gettext, which has no Indonesian."""
    key = _FRAMEWORK_WORDS.get(text)
    return text if key is None else t(key)


typer.core._ = framework_word  # type: ignore[attr-defined,assignment]  # its gettext `_`


def format_usage(command: Any, ctx: Any, formatter: Any) -> None:
    """The usage line, its `Usage:` and `[OPTIONS]` in the language in force."""
    pieces = [framework_word(piece) for piece in command.collect_usage_pieces(ctx)]
    prefix = t("help.framework.usage") + " "
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)


def readable_metavars(command: Any) -> None:
    """Give every parameter of `command` without a metavar a readable one."""
    for param in command.params:
        if getattr(param, "is_flag", False) or _choices(param) is not None:
            continue  # a flag has none; a choice shows its values: <table|json|csv>
        kind = getattr(getattr(param, "type", None), "name", "")
        name = METAVARS.get(param.name) or _BY_TYPE.get(kind, "")
        if command.name == "template" and param.name == "output":
            name = "DIR"
        if name == "TIER":
            name = "pratama|madya|nindya|utama|kla"
        if name and param.metavar is None:
            param.metavar = name
        if param.param_type_name == "argument" and param.metavar is not None:
            # typer adds the Python type after an argument's name (`PATH <list[Path]>`)
            with contextlib.suppress(AttributeError, TypeError):
                param.display_type_rich = _no_type
                param.display_type = _no_type


def _no_type(ctx: Any) -> None:
    return None


# --- usage errors --------------------------------------------------------------------------


class UnknownCommand(Exception):
    """`kla scor`: a command name no command has (click says it in an English text only)."""

    def __init__(self, ctx: Any, name: str, matches: Sequence[str]) -> None:
        super().__init__(name)
        self.ctx = ctx
        self.name = name
        self.matches = tuple(matches)


class ExtraArguments(Exception):
    """`kla compare A B C`: arguments left over once every parameter has its value."""

    def __init__(self, ctx: Any, extra: Sequence[str]) -> None:
        super().__init__(" ".join(extra))
        self.ctx = ctx
        self.extra = tuple(extra)


class KlaCommand(typer.core.TyperCommand):
    """A command whose leftover arguments raise `ExtraArguments`, and whose plain values are
    converted without pydantic (`plain_values`)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        plain_values(self, ctx)
        strict = not ctx.allow_extra_args
        ctx.allow_extra_args = True  # so that the framework leaves them to us
        try:
            rest: list[str] = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = not strict
        if rest and strict and not ctx.resilient_parsing:
            raise ExtraArguments(ctx, rest)
        return rest

    def invoke(self, ctx: Any) -> Any:
        """Run the command with the options a kla.toml gives (and `-o -` as stdout)."""
        from kla_cli.cli.settings import apply

        failed: KlaError | None = None
        try:
            apply(ctx)
        except KlaError as exc:
            failed = exc
        failures_as_json(writes_json(ctx.command, ctx.params))  # as far as kla.toml was applied
        if failed is not None:
            stop_on(failed)
            sys.exit(ExitCode.CANNOT_RUN)
        return super().invoke(ctx)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        format_usage(self, ctx, formatter)


class KlaGroup(typer.core.TyperGroup):
    """A group whose unknown command names raise `UnknownCommand`; as the app's group, it also
    runs the whole command line (`main`): global options first, the language set early, and
    every usage error turned into one line (exit 2)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        plain_values(self, ctx)
        rest: list[str] = super().parse_args(ctx, args)
        return rest

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            if not name[:1].isalnum():  # an option after `--`: an unknown option, as click does
                self.parse_args(ctx, args)
            raise UnknownCommand(ctx, name, get_close_matches(name, list(self.commands)))
        return super().resolve_command(ctx, args)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        format_usage(self, ctx, formatter)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        scanned = scan(sys.argv[1:] if args is None else list(args))
        run = functools.partial(
            super().main,
            scanned.globals_first(),
            prog_name,
            complete_var,
            standalone_mode=False,
            windows_expand_args=windows_expand_args,
            **extra,
        )
        if not standalone_mode:
            return run()
        new_run()
        failures_as_json(json_in_argv(self, scanned.rest))
        early_lang(scanned.lang)
        translate_help(self, active_lang())
        try:
            code = run()
        except typer.Abort as exc:  # Ctrl-C or SIGTERM outside a command (while parsing)
            cause = exc.__context__
            show_interrupt(cause if isinstance(cause, KeyboardInterrupt) else KeyboardInterrupt())
            sys.exit(ExitCode.CANNOT_RUN)
        except (click.ClickException, UnknownCommand, ExtraArguments) as exc:
            if isinstance(exc, _NO_ARGS_IS_HELP):  # `kla` alone
                exc.show()  # the help text
                sys.exit(ExitCode.CANNOT_RUN)
            stop(usage_failure(exc, self))
            sys.exit(ExitCode.CANNOT_RUN)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


# --- JSON output, for a failure ----------------------------------------------------------


def _json_format(command: Any) -> Any:
    """The --format option of `command` when json is one of its formats, else None."""
    option = next((p for p in command.params if "--format" in getattr(p, "opts", ())), None)
    return option if option is not None and "json" in (_choices(option) or ()) else None


def writes_json(command: Any, params: dict[str, Any]) -> bool:
    """Whether `command`, with these parsed `params`, was asked for JSON: its --format says
    json (`-o hasil.json` alone writes JSON into that file, and leaves stdout empty)."""
    option = _json_format(command)
    return option is not None and str(params.get(option.name)) == "json"


def json_in_argv(root: Any, args: Sequence[str]) -> bool:
    """Before parsing (a usage error, Ctrl-C): whether `args` (the global options taken out)
    say `-f json` to a command that writes JSON, or to a command name the app does not know."""
    if format_given(args) != "json":
        return False
    command = root
    for arg in args:  # the words that name a command, then a subcommand
        sub = getattr(command, "commands", {}).get(arg)
        if sub is None:
            break
        command = sub
    if hasattr(command, "commands"):  # no command, or one kla does not know
        return True
    return _json_format(command) is not None


# --- values without pydantic --------------------------------------------------------------


class _BadValue(ValueError):
    """Why a value was refused, shaped as pydantic's ValidationError (`errors()`), which
    `_bad_value` reads for the one-line usage error."""

    def __init__(self, kind: str, value: object, message: str, cause: Exception | None) -> None:
        super().__init__(message)
        self._error = {"type": kind, "input": value, "msg": message, "ctx": {"error": cause}}

    def errors(self) -> list[dict[str, Any]]:
        return [self._error]


class PlainValue:
    """Converts the values of one parameter of a plain type (see the module's docstring)."""

    def __init__(self, param: Any, convert: Any | None, many: bool) -> None:
        self.param = param
        self.convert = convert
        self.many = many
        self._typer: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        """typer's `RuntimeParam.coerce`, for the types `plain_values` hands here."""
        if value is None:
            return () if self.many else None
        try:
            if self.many:
                if isinstance(value, str):
                    raise click.BadParameter("Value must be an iterable.", ctx=ctx, param=param)
                return [self._one(item, param, ctx) for item in value]
            return self._one(value, param, ctx)
        except _BadValue as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc

    def _one(self, value: Any, param: Any, ctx: Any) -> Any:
        if self.convert is None or not isinstance(value, str):  # e.g. a flag's text from an
            if self._typer is None:  # environment variable: typer's own conversion
                from typer._coercion import build_runtime_param

                descriptor = self.param.type_descriptor
                self._typer = build_runtime_param(descriptor)
            return self._typer._coerce_value(value, param=param, ctx=ctx)
        return self.convert(value, param, ctx)


def _text(value: str, param: Any, ctx: Any) -> str:
    return value


def _number(kind: type) -> Any:
    name = "int_parsing" if kind is int else "float_parsing"

    def convert(value: str, param: Any, ctx: Any) -> Any:
        try:
            return kind(value.strip())
        except ValueError as exc:
            raise _BadValue(name, value, str(exc), exc) from None

    return convert


def _path(value: str, param: Any, ctx: Any) -> Any:
    from typer._param_types import coerce_cli_path

    info = param.type_descriptor.parameter_info
    return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)


def _choice(choices: Sequence[Any]) -> Any:
    def convert(value: str, param: Any, ctx: Any) -> Any:
        from typer._param_types import coerce_cli_choice

        sensitive = param.type_descriptor.case_sensitive
        try:
            return coerce_cli_choice(value, choices=choices, case_sensitive=sensitive, ctx=ctx)
        except ValueError as exc:
            raise _BadValue("value_error", value, str(exc), exc) from None

    return convert


def _converter(annotation: Any, info: Any, choices: Sequence[Any] | None) -> Any:
    """How to convert a value of `annotation` here, or None to leave it to typer."""
    plain = (
        info.parser is None
        and info.min is None
        and info.max is None
        and not info.resolve_path
        and not info.allow_dash
        and info.path_type is None
    )
    if not plain:
        return None
    if annotation is bool:
        return None  # a flag: typer passes its True/False through; `PlainValue` leaves the rest
    if annotation is str:
        return _text
    if annotation in (int, float):
        return _number(annotation)
    if annotation is Path:
        return _path
    if choices is not None:  # an enum, or a Literal of some of its members
        return _choice(choices)
    return None


def plain_values(command: Any, ctx: Any) -> None:
    """Give each parameter of `command` that has a plain type a `PlainValue`, before typer
    would build a pydantic adapter for it (typer versions without adapters are left alone)."""
    from typing import get_args, get_origin

    for param in command.get_params(ctx):
        if getattr(param, "_runtime_param", False) is not None:
            continue  # converted already, or a typer that works otherwise
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or descriptor.file_annotation is not None:
            continue
        annotation = descriptor.annotation
        many = get_origin(annotation) is list
        if many:
            (annotation,) = get_args(annotation)
        info = descriptor.parameter_info
        convert = _converter(annotation, info, descriptor.choices)
        if convert is not None or (annotation is bool and info.parser is None):
            param._runtime_param = PlainValue(param, convert, many)


def early_lang(value: str | None) -> None:
    """Set the language before parsing (`value`: the last --lang), so that a usage error
    already speaks it."""
    try:
        current_lang.set(detect_lang(value))
    except ValueError:  # reported by the --lang callback; until then, the environment's
        current_lang.set(None)


def usage_failure(exc: Any, root: Any) -> Failure:
    """`Error: kla score: <what>. Hint: see kla score --help` for a usage error of the app whose
    group is `root`; the framework's own words (code `usage`) when `usage_text` does not know
    the error."""
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "kla"
    key, text = usage_text(exc, root) or ("usage", exc.format_message())
    text = " ".join(text.split()).rstrip(".")
    hint = t("usage.hint", command=where)
    end = "" if text.endswith(("?", "!")) else "."
    line = f"{where}: {text}{end} {t('hint', text=hint)}"
    from kla_cli.render.error import error_code

    return Failure(error_code(key), line, text, where, hint)


_EXPECTED = {"int_parsing": "usage.expected.int", "float_parsing": "usage.expected.number"}
"""Validation error types with a worded expectation (typer checks values with pydantic)."""


def usage_text(exc: Exception, root: Any) -> tuple[str, str] | None:
    """The usage error's message key and its text in the user's language; None for one not
    known here."""
    if isinstance(exc, UnknownCommand):
        text = _perhaps(t("usage.no_command", name=printable(exc.name)), exc.matches)
        return "usage.no_command", text
    if isinstance(exc, ExtraArguments):
        return "usage.extra", t("usage.extra", args=printable(" ".join(exc.extra)))
    if isinstance(exc, click.NoSuchOption):
        text = t("usage.no_option", option=printable(exc.option_name))
        return "usage.no_option", _perhaps(text, exc.possibilities or ())
    if isinstance(exc, click.BadOptionUsage) and _takes_value(root, exc.option_name):
        return "usage.needs_value", t("usage.needs_value", option=exc.option_name)
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        param = exc.param
        name = " / ".join(param.opts) if param.param_type_name == "option" else param.name
        return "usage.missing", t("usage.missing", name=name.upper() if "-" not in name else name)
    if isinstance(exc, click.BadParameter) and exc.param is not None:
        bad = _bad_value(exc)
        return ("usage.bad_value", bad) if bad is not None else None
    return None


def _perhaps(text: str, matches: Sequence[str]) -> str:
    return f"{text} ({t('usage.maybe', options=', '.join(matches))})" if matches else text


def _takes_value(root: Any, option: str) -> bool:
    """Whether `option` (an option of some command of the app) is one that takes a value, so
    that leaving it without one is `needs_value` (a flag given a value is another error)."""
    return any(
        option in (*param.opts, *param.secondary_opts) and not param.is_flag
        for command in _commands(root)
        for param in command.params
        if param.param_type_name == "option"
    )


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)


def _bad_value(exc: Any) -> str | None:
    """`'pdf' is not a valid value for --format / -f: choose one of: …`, from the validation
    error typer raised it from (None when there is none, with older typer versions)."""
    errors = getattr(exc.__cause__, "errors", None)
    if not callable(errors) or not errors():
        return None
    first = errors()[0]
    choices = _choices(exc.param)
    if choices is not None:
        expected = t("usage.expected.choice", choices=", ".join(choices))
    elif first["type"] in _EXPECTED:
        expected = t(_EXPECTED[first["type"]])
    else:
        cause = first.get("ctx", {}).get("error")
        expected = str(cause) if isinstance(cause, Exception) else str(first["msg"])
    option = " / ".join(exc.param.opts) or exc.param.name
    value = printable(str(first["input"]))
    return t("usage.bad_value", option=option, value=value, expected=expected)


def _choices(param: Any) -> list[str] | None:
    """The values a choice parameter accepts, as typed; None for other parameters."""
    found = getattr(getattr(param, "type_descriptor", None), "choices", None)
    if found is None:
        return None
    return [str(choice.value) if isinstance(choice, Enum) else str(choice) for choice in found]
