"""The typer app: parse options, call the core, render, exit. Nothing else lives here.

The single error boundary is `_guard`: a `KlaError` becomes one line on stderr and exit 2; an
unexpected exception becomes one line too, unless --debug asks for the traceback.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
import typer.core

from kla_cli import __version__
from kla_cli.errors import ExitCode, KlaError
from kla_cli.i18n.display import encodable
from kla_cli.i18n.messages import Lang, active_lang, current_lang, detect_lang, t
from kla_cli.io.output import forget_inputs
from kla_cli.render.formats import (
    BATCH_FORMATS,
    COMPARE_FORMATS,
    FINDING_FORMATS,
    HISTORY_FORMATS,
    REPORT_FORMATS,
    SCORE_FORMATS,
    BatchFormat,
    CompareFormat,
    FindingFormat,
    Format,
    HistoryFormat,
    ReportFormat,
    ScoreFormat,
    choose_format,
)

if TYPE_CHECKING:
    from kla_cli.core.findings import Finding
    from kla_cli.core.rubric import Rubric

_HELP_LANG: Lang = "id"
with contextlib.suppress(ValueError):
    _HELP_LANG = detect_lang(None)


_HELP_KEYS: dict[str, str] = {"Show this message and exit.": "help.help"}
"""Help text (in `_HELP_LANG`) -> its catalogue key, so that `--lang en --help` can swap it;
the first is the framework's own text for --help (English only)."""


def _h(key: str) -> str:
    """A help text. The framework wants it when commands are declared, before --lang is
    parsed, so it is written in the environment's language and swapped by `_translate_help`."""
    text = t(key, _HELP_LANG)
    _HELP_KEYS[text] = key
    return text


def _translate_help(command: Any, lang: Lang) -> None:
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
    for sub in getattr(command, "commands", {}).values():
        _translate_help(sub, lang)


class _OneLineUsageErrors(typer.core.TyperGroup):
    """Usage errors (unknown option, bad choice, missing argument) on one line, in the user's
    language, with a hint, instead of the framework's usage block. Typer bundles its own click
    in recent versions, so the exception is recognised by its interface, not its class.

    Also lets the global options stand anywhere: `kla score DIR --lang en` as well as
    `kla --lang en score DIR` (people add the language at the end)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        args = _global_options_first(sys.argv[1:] if args is None else list(args))
        run = functools.partial(
            super().main,
            args,
            prog_name,
            complete_var,
            standalone_mode=False,
            windows_expand_args=windows_expand_args,
            **extra,
        )
        if not standalone_mode:
            return run()
        _early_lang(args)
        _translate_help(self, active_lang())
        try:
            code = run()
        except typer.Abort:
            err(f"{t('error.prefix')}: {t('interrupted')}")
            sys.exit(ExitCode.CANNOT_RUN)
        except Exception as exc:
            message = getattr(exc, "format_message", None)
            if message is None or not hasattr(exc, "exit_code"):
                raise
            show = getattr(exc, "show", None)
            if type(exc).__name__ == "NoArgsIsHelpError" and callable(show):  # `kla` alone
                show()  # the help text
                sys.exit(ExitCode.CANNOT_RUN)
            ctx = getattr(exc, "ctx", None)
            where = ctx.command_path if ctx is not None else "kla"
            text = _usage_text(exc) or message().replace("Value error, ", "")
            text = " ".join(text.split()).rstrip(".")
            hint = t("hint", text=t("usage.hint", command=where))
            end = "" if text.endswith(("?", "!")) else "."
            err(f"{t('error.prefix')}: {where}: {text}{end} {hint}")
            sys.exit(ExitCode.CANNOT_RUN)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


_EXPECTED = {"int_parsing": "usage.expected.int", "float_parsing": "usage.expected.number"}
_USAGE_PATTERNS = (
    (
        re.compile(r"No such command '(?P<name>[^']*)'\.?(\s*Did you mean '(?P<maybe>[^']*)'\?)?"),
        "usage.no_command",
    ),
    (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)"), "usage.extra"),
    (re.compile(r"Option '(?P<option>.*)' requires an? (argument|value)"), "usage.needs_value"),
)


def _usage_text(exc: Exception) -> str | None:
    """The framework's usage error in the user's language (its own texts are English only);
    None for one not recognised, which is then shown as the framework words it."""
    kind = type(exc).__name__
    param = getattr(exc, "param", None)
    try:
        if kind == "NoSuchOption":
            maybe = ", ".join(getattr(exc, "possibilities", None) or ())
            text = t("usage.no_option", option=getattr(exc, "option_name", ""))
            return f"{text} ({t('usage.maybe', options=maybe)})" if maybe else text
        if kind == "MissingParameter" and param is not None:
            name = " / ".join(param.opts) if param.param_type_name == "option" else param.name
            return t("usage.missing", name=name.upper() if "-" not in name else name)
        errors = getattr(exc.__cause__, "errors", None)
        if kind == "BadParameter" and param is not None and callable(errors):
            first = errors()[0]
            detail = str(first["msg"]).removeprefix("Value error, ")
            choices = re.search(r"is not one of (.*?)\.?$", detail)
            if choices:
                expected = t("usage.expected.choice", choices=choices.group(1).replace("'", ""))
            else:
                key = _EXPECTED.get(first["type"])
                expected = t(key) if key else detail
            option = " / ".join(param.opts) or param.name
            return t("usage.bad_value", option=option, value=first["input"], expected=expected)
        message = str(getattr(exc, "message", ""))
        for pattern, key in _USAGE_PATTERNS:
            if found := pattern.match(message):
                fields = found.groupdict()
                maybe = fields.pop("maybe", None)
                text = t(key, **fields)
                return f"{text} ({t('usage.maybe', options=maybe)})" if maybe else text
    except (AttributeError, IndexError, KeyError, TypeError):
        pass
    return None


GLOBAL_FLAGS = ("--debug",)
GLOBAL_OPTIONS = ("--lang",)


def _global_options_first(args: list[str]) -> list[str]:
    """Move --lang X and --debug, wherever they are (before a `--`), to the front."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg in GLOBAL_FLAGS or ("=" in arg and arg.split("=", 1)[0] in GLOBAL_OPTIONS):
            front.append(arg)
        elif arg in GLOBAL_OPTIONS and i + 1 < len(args):
            front += args[i : i + 2]
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _early_lang(args: list[str]) -> None:
    """Set the language before parsing, so that a usage error already speaks it."""
    value = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
    try:
        current_lang.set(detect_lang(value))
    except ValueError:  # reported by the --lang callback; until then, the environment's
        current_lang.set(None)


app = typer.Typer(
    cls=_OneLineUsageErrors,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=_h("help.app"),
)
rubric_app = typer.Typer(no_args_is_help=True, help=_h("help.rubric"))
app.add_typer(rubric_app, name="rubric")

_state = {"debug": False}

P = ParamSpec("P")
R = TypeVar("R")


def err(line: str) -> None:
    """Progress, findings and errors go to stderr; stdout is for the result only."""
    sys.stderr.write(line + "\n")


def _guard(fn: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except KlaError as exc:
            if _state["debug"]:
                traceback.print_exc()
            for line in exc.details:
                err(line)
            err(f"{t('error.prefix')}: {exc.render()}")
            raise typer.Exit(ExitCode.CANNOT_RUN) from None
        except KeyboardInterrupt:
            err(f"{t('error.prefix')}: {t('interrupted')}")
            raise typer.Exit(ExitCode.CANNOT_RUN) from None
        except typer.Exit:
            raise
        except Exception as exc:
            if _state["debug"]:
                traceback.print_exc()
            err(
                f"{t('error.prefix')}: {t('internal', error=f'{type(exc).__name__}: {exc}', hint=t('debug.hint'))}"
            )
            raise typer.Exit(ExitCode.CANNOT_RUN) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kla {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    lang: Annotated[
        str | None, typer.Option("--lang", help=_h("help.lang"), show_default=False)
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help=_h("help.debug"))] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=_h("help.version"))
    ] = False,
) -> None:
    _state["debug"] = debug
    forget_inputs()
    try:
        current_lang.set(detect_lang(lang))
    except ValueError as exc:
        err(f"{t('error.prefix')}: {t('lang.unknown', value=exc)}")
        raise typer.Exit(ExitCode.CANNOT_RUN) from None


# --- shared options ------------------------------------------------------------------------

RubricOpt = Annotated[
    Path | None,
    typer.Option(
        "--rubric", "-r", envvar="KLA_RUBRIC", help=_h("help.rubric_opt"), show_default=False
    ),
]
FormatOpt = Annotated[
    ScoreFormat | None,
    typer.Option("--format", "-f", help=_h("help.format"), show_default=False),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help=_h("help.output"), show_default=False)
]
PathsArg = Annotated[list[Path], typer.Argument(help=_h("help.paths"), show_default=False)]


def _load_rubric(path: Path | None) -> Rubric:
    from kla_cli.io.rubric_yaml import default_rubric_path, load_rubric

    return load_rubric(path or default_rubric_path())


def _use_color(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _width() -> int:
    """Table width: COLUMNS when set (as rich and the shells do), else the terminal's, else 100."""
    columns = os.environ.get("COLUMNS", "")
    try:
        width = int(columns) if columns.isdigit() else os.get_terminal_size(sys.stdout.fileno())[0]
    except (OSError, ValueError):
        return 100
    return max(80, min(160, width))


def emit(text: str, output: Path | None) -> None:
    """Machine output: to `output` atomically, or to stdout."""
    if output is None:
        try:
            sys.stdout.write(encodable(text))
            sys.stdout.flush()
        except BrokenPipeError:  # `kla batch ... | head`: the reader has what it wanted
            _silence_stdout()
        except OSError as exc:  # e.g. a full disk behind `> file`
            _silence_stdout()
            raise KlaError(
                "output.failed", "stdout", "output.stream.hint", {"error": exc.strerror or exc}
            ) from None
        return
    from kla_cli.io.output import write_text

    write_text(output, text)
    err(t("output.written", path=output))


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's final flush does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def report_findings(findings: list[Finding], *, warnings: bool) -> None:
    from kla_cli.core.findings import Severity

    for finding in findings:
        if warnings or finding.severity is Severity.ERROR:
            err(finding.render())


# --- commands ------------------------------------------------------------------------------


@app.command(help=_h("help.score"))
@_guard
def score(
    paths: PathsArg,
    rubric: RubricOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    allow_errors: Annotated[
        bool, typer.Option("--allow-errors", help=_h("help.allow_errors"))
    ] = False,
    detail: Annotated[bool, typer.Option("--detail", help=_h("help.detail"))] = False,
    show_warnings: Annotated[bool, typer.Option("--warnings", help=_h("help.warnings"))] = False,
) -> None:
    from kla_cli.core.assess import assess, read_region
    from kla_cli.render.score import render_score

    fmt = choose_format(output, fmt, SCORE_FORMATS, Format.TABLE)
    model = _load_rubric(rubric)
    assessment = assess(model, read_region(paths))
    validation = assessment.validation
    blocking = validation.blocking
    report_findings(blocking if blocking else validation.findings, warnings=show_warnings)
    if blocking and not allow_errors:
        err(
            f"{t('error.prefix')}: {t('findings.blocking', count=len(blocking))}. "
            f"{t('hint', text=t('findings.blocking.hint'))}"
        )
        raise typer.Exit(ExitCode.FINDINGS)
    text = render_score(
        assessment.result,
        fmt,
        active_lang(),
        lowest=model.tiers[0].min,
        findings=validation.findings,
        detail=detail,
        color=_use_color(output) and fmt is Format.TABLE,
        width=_width(),
    )
    emit(text, output)


@rubric_app.command("check", help=_h("help.rubric_check"))
@_guard
def rubric_check(
    files: Annotated[list[Path], typer.Argument(help=_h("help.rubric_files"), show_default=False)],
) -> None:
    from kla_cli.io.rubric_yaml import load_rubric

    failed = False
    for file in files:
        try:
            model = load_rubric(file)
        except KlaError as exc:
            failed = True
            if _state["debug"]:
                traceback.print_exc()
            for line in exc.details:
                err(line)
            err(f"{t('error.prefix')}: {exc.render()}")
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


@rubric_app.command("show", help=_h("help.rubric_show"))
@_guard
def rubric_show(
    rubric: RubricOpt = None,
    items: Annotated[bool, typer.Option("--items", help=_h("help.show_items"))] = False,
) -> None:
    from kla_cli.render.rubric import rubric_table

    model = _load_rubric(rubric)
    emit(
        rubric_table(model, active_lang(), items=items, color=_use_color(None), width=_width()),
        None,
    )


# === validate / template / merge commands (issue 3) ===


@app.command(help=_h("help.template"))
@_guard
def template(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=_h("help.template_out"), show_default=False),
    ],
    rubric: RubricOpt = None,
    opd: Annotated[
        list[str] | None,
        typer.Option("--opd", metavar="OPD", help=_h("help.template_opd"), show_default=False),
    ] = None,
    region: Annotated[
        str, typer.Option("--region", metavar="NAME", help=_h("help.template_region"))
    ] = "",
    year: Annotated[
        str, typer.Option("--year", metavar="YEAR", help=_h("help.template_year"))
    ] = "",
    form_lang: Annotated[
        str, typer.Option("--form-lang", metavar="id|en", help=_h("help.form_lang"))
    ] = "id",
    force: Annotated[bool, typer.Option("--force", help=_h("help.force"))] = False,
) -> None:
    from kla_cli.workbook.form_writer import items_for
    from kla_cli.workbook.forms import form_language, select_opds, write_templates

    lang = form_language(form_lang)
    model = _load_rubric(rubric)
    opds = select_opds(model, opd or [])
    for chosen in opds:
        if not items_for(model, chosen):
            err(f"{t('warning.prefix')}: {t('template.no_items', opd=chosen.name)}")
    written = write_templates(
        model,
        opds,
        output,
        region=region.strip(),
        year=year.strip(),
        lang=lang,
        force=force,
    )
    emit("".join(f"{path}\n" for path in written), None)
    err(t("template.written", count=len(written), folder=output))


@app.command(help=_h("help.validate"))
@_guard
def validate(
    paths: PathsArg,
    rubric: RubricOpt = None,
    fmt: Annotated[
        FindingFormat | None,
        typer.Option("--format", "-f", help=_h("help.validate_format"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help=_h("help.strict"))] = False,
) -> None:
    from kla_cli.core.assess import read_region
    from kla_cli.core.findings import has_errors
    from kla_cli.core.validate import validate_region
    from kla_cli.render.findings import render_findings

    fmt = choose_format(output, fmt, FINDING_FORMATS, Format.TEXT)
    model = _load_rubric(rubric)
    submissions = read_region(paths)
    findings = validate_region(model, submissions).findings
    files = [sub.file for sub in submissions]
    emit(render_findings(findings, files, fmt, active_lang()), output)
    if has_errors(findings) or (strict and findings):
        raise typer.Exit(ExitCode.FINDINGS)


@app.command(help=_h("help.merge"))
@_guard
def merge(
    paths: Annotated[list[Path], typer.Argument(help=_h("help.merge_dir"), show_default=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", help=_h("help.merge_out"), show_default=False)
    ],
    rubric: RubricOpt = None,
) -> None:
    from kla_cli.core.assess import assess, read_region
    from kla_cli.core.findings import Severity
    from kla_cli.i18n.messages import fmt_points
    from kla_cli.workbook.recap_writer import build_recap, check_recap_target, write_recap

    model = _load_rubric(rubric)
    check_recap_target(output, paths)
    submissions = read_region(paths)
    assessment = assess(model, submissions)
    write_recap(output, build_recap(model, assessment, submissions, active_lang()))
    findings = assessment.validation.findings
    report_findings(findings, warnings=False)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    total = fmt_points(assessment.result.total)
    err(
        t(
            "merge.written",
            path=output,
            total=total,
            errors=errors,
            warnings=len(findings) - errors,
        )
    )
    if errors:
        raise typer.Exit(ExitCode.FINDINGS)


# === end issue 3 ===


# === gap command (issue 4) ===

if TYPE_CHECKING:
    from kla_cli.core.scoring import ScoreResult

_AllowErrorsOpt = Annotated[bool, typer.Option("--allow-errors", help=_h("help.allow_errors"))]


@app.command(help=_h("help.gap"))
@_guard
def gap(
    paths: Annotated[
        list[Path] | None, typer.Argument(help=_h("help.gap_paths"), show_default=False)
    ] = None,
    target: Annotated[
        str | None, typer.Option("--target", "-t", help=_h("help.gap_target"), show_default=False)
    ] = None,
    assume: Annotated[
        list[str] | None,
        typer.Option("--assume", "-a", help=_h("help.gap_assume"), show_default=False),
    ] = None,
    score_text: Annotated[
        str | None, typer.Option("--score", help=_h("help.gap_score"), show_default=False)
    ] = None,
    evidenced: Annotated[
        bool, typer.Option("--evidenced/--self-assessed", help=_h("help.gap_basis"))
    ] = True,
    allow_errors: _AllowErrorsOpt = False,
    rubric: RubricOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
) -> None:
    from kla_cli.core.gap.ladder import (
        Basis,
        basis_total,
        find_tier,
        ladder,
        next_tier,
        points_needed,
    )
    from kla_cli.core.gap.plan import analyse
    from kla_cli.core.gap.whatif import parse_assumption, what_if
    from kla_cli.render.gap import render_gap
    from kla_cli.render.ladder import render_ladder

    fmt = choose_format(output, fmt, SCORE_FORMATS, Format.TABLE)
    model = _load_rubric(rubric)
    if score_text is not None:
        if paths or assume:
            key = "gap.score_and_paths" if paths else "gap.score_only"
            raise KlaError(key, params={"option": "--assume"})
        total = _parse_total(score_text, model.max_total)
        tier = find_tier(model, target) if target else next_tier(model, total)
        needed = points_needed(model, total, tier)
        rungs = ladder(model, total)
        emit(render_ladder(model, total, tier, rungs, needed, fmt, active_lang()), output)
        raise typer.Exit(ExitCode.OK if needed <= 0 else ExitCode.FINDINGS)
    if not paths:
        raise KlaError("gap.no_input", hint="gap.no_input.hint")
    wanted = find_tier(model, target) if target else None
    assumed = dict(parse_assumption(model, text) for text in assume or [])
    result = _scored(model, paths, allow_errors)
    before = result if assumed else None
    if assumed:
        result = what_if(model, result, assumed)
    basis = Basis.EVIDENCED if evidenced else Basis.SELF_ASSESSED
    tier = wanted or next_tier(model, basis_total(result, basis))
    analysis = analyse(model, result, tier, basis)
    text = render_gap(
        analysis,
        model,
        fmt,
        active_lang(),
        before=before,
        assumed=assumed,
        color=_use_color(output) and fmt is Format.TABLE,
        width=_width(),
    )
    emit(text, output)
    raise typer.Exit(ExitCode.OK if analysis.reached else ExitCode.FINDINGS)


def _parse_total(text: str, max_total: float) -> float:
    from kla_cli.core.answers import AnswerProblem, parse_number

    try:
        value = parse_number(text)
    except AnswerProblem:
        value = -1.0
    if not 0 <= value <= max_total:
        raise KlaError(
            "gap.score_invalid",
            params={"value": text, "max": f"{max_total:g}"},
            hint="gap.score_invalid.hint",
        )
    return round(value, 2)


def _scored(model: Rubric, paths: list[Path], allow_errors: bool) -> ScoreResult:
    """Read, validate and score a region; blocking errors stop (exit 2) unless allowed."""
    from kla_cli.core.assess import assess, read_region

    assessment = assess(model, read_region(paths))
    blocking = assessment.validation.blocking
    report_findings(blocking, warnings=False)
    if blocking and not allow_errors:
        raise KlaError(
            "findings.blocking", params={"count": len(blocking)}, hint="findings.blocking.hint"
        )
    return assessment.result


# === end issue 4 ===


# === batch command (issue 5) ===


if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from kla_cli.batch import RegionResult


@app.command(help=_h("help.batch"))
@_guard
def batch(
    root: Annotated[Path, typer.Argument(help=_h("help.batch_root"), show_default=False)],
    rubric: RubricOpt = None,
    fmt: Annotated[
        BatchFormat | None,
        typer.Option("--format", "-f", help=_h("help.format"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help=_h("help.jobs"), show_default=False)
    ] = None,
    fail_under: Annotated[
        str | None, typer.Option("--fail-under", help=_h("help.fail_under"), show_default=False)
    ] = None,
) -> None:
    from kla_cli.batch import default_jobs, discover, run_batch, summarise, with_targets
    from kla_cli.render.batch import render_batch

    fmt = choose_format(output, fmt, BATCH_FORMATS, Format.TABLE)
    if jobs is not None and jobs < 1:
        raise KlaError("batch.jobs")
    model = _load_rubric(rubric)
    found = discover(root)
    own = sum(1 for spec in found if spec.target and not spec.shared_target)
    if fail_under and own:
        err(t("batch.own_targets", count=own, total=len(found)))
    specs = with_targets(model, found, fail_under)
    lang = active_lang()
    results = run_batch(model, specs, jobs or default_jobs(), lang)
    if sys.stderr.isatty() and fmt is not Format.JSON:
        results = _with_progress(results, len(specs))
    summary = summarise(model, _report_unreadable(results), lang)
    color = _use_color(output) and fmt is Format.TABLE
    emit(render_batch(summary, fmt, lang, color=color, width=_width()), output)
    if summary.unreadable:
        raise typer.Exit(ExitCode.CANNOT_RUN)
    if summary.below:
        raise typer.Exit(ExitCode.FINDINGS)


def _report_unreadable(results: Iterable[RegionResult]) -> Iterator[RegionResult]:
    """Say on stderr, as it happens, which region could not be read."""
    for result in results:
        if result.problem is not None:
            err(f"{t('error.prefix')}: {result.name}: {result.problem}")
        yield result


def _with_progress(results: Iterable[RegionResult], total: int) -> Iterator[RegionResult]:
    """A progress bar on stderr (terminals only: the caller checks)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True)
    with Progress(
        f"[bold]{t('batch.progress')}[/]",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=total)
        for result in results:
            progress.advance(task)
            yield result


# === end issue 5 ===


# === report / compare / history commands (issue 6) ===


def _write(data: str | bytes, output: Path | None) -> None:
    """Text like `emit`; bytes (Excel) only to a file, atomically."""
    if isinstance(data, str):
        emit(data, output)
        return
    from kla_cli.io.output import write_bytes

    assert output is not None  # choose_format refuses binary formats without -o
    write_bytes(output, data)
    err(t("output.written", path=output))


def _refuse_blocking(findings: list[Finding], blocking: list[Finding], allowed: bool) -> None:
    """Show findings; stop with exit 1 on blocking errors unless --allow-errors."""
    report_findings(blocking if blocking else findings, warnings=False)
    if blocking and not allowed:
        err(
            f"{t('error.prefix')}: {t('findings.blocking', count=len(blocking))}. "
            f"{t('hint', text=t('findings.blocking.hint'))}"
        )
        raise typer.Exit(ExitCode.FINDINGS)


AllowErrorsOpt = Annotated[bool, typer.Option("--allow-errors", help=_h("help.allow_errors"))]


@app.command(help=_h("help.report"))
@_guard
def report(
    paths: PathsArg,
    rubric: RubricOpt = None,
    output: OutputOpt = None,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help=_h("help.report_format"), show_default=False),
    ] = None,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    from kla_cli.core.assess import assess, read_region
    from kla_cli.core.report_model import build_report
    from kla_cli.render.report import render_report

    kind = choose_format(output, fmt, REPORT_FORMATS, Format.MARKDOWN)
    model = _load_rubric(rubric)
    assessment = assess(model, read_region(paths))
    validation = assessment.validation
    _refuse_blocking(validation.findings, validation.blocking, allow_errors)
    content = build_report(model, assessment.result, validation.findings)
    _write(render_report(content, kind, active_lang()), output)


@app.command(help=_h("help.compare"))
@_guard
def compare(
    old: Annotated[Path, typer.Argument(help=_h("help.compare_old"), show_default=False)],
    new: Annotated[Path, typer.Argument(help=_h("help.compare_new"), show_default=False)],
    rubric: RubricOpt = None,
    fmt: Annotated[
        CompareFormat | None,
        typer.Option("--format", "-f", help=_h("help.format"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help=_h("help.top"))] = 10,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    from kla_cli.core.compare import compare as compare_results
    from kla_cli.render.compare import render_comparison
    from kla_cli.sources import load_result

    kind = choose_format(output, fmt, COMPARE_FORMATS, Format.TABLE)
    model = _load_rubric(rubric)
    sides = [load_result(path, model, active_lang()) for path in (old, new)]
    for side in sides:
        _refuse_blocking(side.findings, side.blocking, allow_errors)
    result = compare_results(sides[0].snapshot, sides[1].snapshot)
    if not result.same_rubric:
        was, now = result.old, result.new
        err(
            f"{t('warning.prefix')}: "
            + t(
                "compare.rubric_differs",
                old=f"{was.rubric_id} {was.rubric_version}",
                new=f"{now.rubric_id} {now.rubric_version}",
            )
        )
    text = render_comparison(
        result,
        kind,
        active_lang(),
        top=top,
        color=_use_color(output) and kind is Format.TABLE,
        width=_width(),
    )
    emit(text, output)


@app.command(help=_h("help.history"))
@_guard
def history(
    region_dir: Annotated[Path, typer.Argument(help=_h("help.region_dir"), show_default=False)],
    rubric: RubricOpt = None,
    fmt: Annotated[
        HistoryFormat | None,
        typer.Option("--format", "-f", help=_h("help.format"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    allow_errors: AllowErrorsOpt = False,
) -> None:
    from kla_cli.core.history import YearResult, build_history, mismatches
    from kla_cli.render.history import render_history
    from kla_cli.sources import load_result, year_sources

    kind = choose_format(output, fmt, HISTORY_FORMATS, Format.TABLE)
    model = _load_rubric(rubric)
    lang = active_lang()
    years = []
    for year, source in year_sources(region_dir):
        loaded = load_result(source, model, lang)
        _refuse_blocking(loaded.findings, loaded.blocking, allow_errors)
        years.append(YearResult(year, source.name, loaded.snapshot))
    story = build_history(model, years, lang)
    for odd in mismatches(story):
        where = f"{region_dir / odd.source}"
        err(f"{t('warning.prefix')}: {where}: {t(f'history.mismatch_{odd.field}', **vars(odd))}")
    color = _use_color(output) and kind is Format.TABLE
    _write(render_history(story, kind, lang, color=color, width=_width()), output)


# === end issue 6 ===


def main() -> None:
    """Console-script entry point."""
    app(prog_name="kla")
