"""What the commands say and where: the result to stdout or a file, everything else (progress,
findings, errors) to stderr, one line each; table width and colour; and the error boundary
`guard`, which turns any exception of a command into one line and exit 2 (a traceback only with
--debug).

Every "could not run" goes through `stop`: the one line on stderr and, when the run's format is
JSON, the same failure as one `kla.error/1` document on stdout (unless the result itself was
written there already), so that `kla score … -f json | jq` always reads JSON.
"""

import contextlib
import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn, ParamSpec, TypeVar

import typer

from kla_cli.errors import ExitCode, KlaError, Terminated
from kla_cli.i18n.display import encodable, printable, shown
from kla_cli.i18n.messages import os_error, t
from kla_cli.io.output import NO_INPUTS, Inputs

if TYPE_CHECKING:
    from kla_cli.core.findings import Finding

P = ParamSpec("P")
R = TypeVar("R")

_debug = {"on": False}
"""--debug: show the traceback behind an error line (set by the app's main callback)."""


def set_debug(on: bool) -> None:
    _debug["on"] = on


_verbosity = {"level": 0}
"""-q: -1 (only the result: no progress, hints or warnings), -v: 1 (per-file detail)."""


def set_verbosity(quiet: bool, loud: bool) -> None:
    _verbosity["level"] = -1 if quiet else (1 if loud else 0)


def quiet() -> bool:
    return _verbosity["level"] < 0


def note(line: str) -> None:
    """Progress and hints on stderr, silenced by -q."""
    if not quiet():
        err(line)


def verbose(key: str, **params: object) -> None:
    """Per-file detail on stderr, shown with -v only: the catalogue's message `key` (worded only
    when shown: a region's files are thirty messages a run)."""
    if _verbosity["level"] > 0:
        err(t(key, **params))


def err(line: str) -> None:
    """Progress, findings and errors go to stderr; stdout is for the result only. A control
    character from a name (a region's, a file's) is shown as an escape, never sent raw."""
    sys.stderr.write(shown(line) + "\n")


def show_error(exc: KlaError) -> None:
    """A KlaError as its detail lines and one `Error: …` line (with the traceback if --debug),
    on stderr only: `stop` is the way a command ends with it."""
    debug_traceback()
    for line in exc.details:
        err(line)
    err(f"{t('error.prefix')}: {exc.render()}")


class Failure(NamedTuple):
    """Why a command could not run: `line` (what stderr says after `Error: `) and its parts,
    which `kla.error/1` gives one by one (`code`: stable, kebab-case; the texts in the run's
    language)."""

    code: str
    line: str
    message: str
    where: str | None = None
    hint: str | None = None
    details: tuple[str, ...] = ()

    @classmethod
    def of(cls, exc: KlaError | KeyboardInterrupt) -> "Failure":
        """A KlaError, Ctrl-C (`interrupted`) or a signal (`terminated`) as a failure."""
        from kla_cli.render.error import error_code

        if isinstance(exc, Terminated):
            text = t("terminated", signal=exc.signal_name)
            return cls("terminated", text, text)
        if isinstance(exc, KeyboardInterrupt):
            return cls("interrupted", t("interrupted"), t("interrupted"))
        hint = t(exc.hint, **exc.params) if exc.hint else None
        where = printable(exc.where) if exc.where else None
        message = t(exc.key, **exc.params)
        details = tuple(exc.details)
        return cls(error_code(exc.key), exc.render(), message, where, hint, details)


_run = {"json": False, "stdout_used": False}
"""Whether a failure is also written as JSON on stdout (the run's format is JSON), and whether
the result (or part of it) went to stdout already: then nothing more is written there."""


def failures_as_json(on: bool) -> None:
    """Set by the app before parsing (`-f json` in argv) and by the command once its options
    are parsed (its own `--format`)."""
    _run["json"] = on


def debug_traceback() -> None:
    """--debug: the traceback behind the error being handled, on stderr."""
    if _debug["on"]:
        traceback.print_exc()


def new_run() -> None:
    """A new command line (the tests run many in one process): nothing written, no JSON yet."""
    _run.update(json=False, stdout_used=False)


def stop(failure: Failure) -> None:
    """The one way a command that could not run says so (the caller then exits 2): the detail
    lines and `Error: …` on stderr; with JSON output, the same as `kla.error/1` on stdout."""
    for line in failure.details:
        err(line)
    err(f"{t('error.prefix')}: {failure.line}")
    if not _run["json"] or _run["stdout_used"] or sys.stdout is None:
        return
    from kla_cli.render.error import error_json_text

    _run["stdout_used"] = True
    text = error_json_text(
        failure.code, failure.message, failure.where, failure.hint, failure.details
    )
    try:
        sys.stdout.write(encodable(text))
        sys.stdout.flush()
    except (OSError, ValueError):  # stdout closed or full: the line on stderr says it all
        _silence_stdout()


def stop_on(exc: KlaError) -> None:
    """`stop` for a KlaError, with the traceback behind it under --debug."""
    debug_traceback()
    stop(Failure.of(exc))


def show_interrupt(exc: KeyboardInterrupt) -> None:
    """`Error: interrupted by user` (Ctrl-C) or `Error: stopped by signal SIGTERM`."""
    stop(Failure.of(exc))


def guard(fn: Callable[P, R]) -> Callable[P, R]:
    """The error boundary of a command: nothing but one line (and exit 2) gets out."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except KlaError as exc:
            stop_on(exc)
            raise typer.Exit(ExitCode.CANNOT_RUN) from None
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP (`Terminated`)
            stop(Failure.of(exc))
            raise typer.Exit(ExitCode.CANNOT_RUN) from None
        except typer.Exit:
            raise
        except OSError as exc:
            if exc.filename is None:  # not about a path: an internal error
                _internal(exc)
            reason = os_error(exc)
            where = os.fsdecode(exc.filename)
            stop_on(KlaError("path.unusable", where, "path.unusable.hint", {"error": reason}))
            raise typer.Exit(ExitCode.CANNOT_RUN) from None
        except Exception as exc:
            _internal(exc)

    return wrapper


def _internal(exc: Exception) -> NoReturn:
    """An error kla has no words for (a bug): its type and text, and how to see more."""
    debug_traceback()
    error = f"{type(exc).__name__}: {exc}"
    text = t("internal", error=error, hint=t("debug.hint"))
    stop(Failure("internal", text, text))
    raise typer.Exit(ExitCode.CANNOT_RUN) from None


def use_color(output: Path | None) -> bool:
    """Colour on a terminal; NO_COLOR turns it off and FORCE_COLOR on (even through a pipe),
    as https://no-color.org and https://force-color.org have it; never in a file."""
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def width() -> int:
    """Table width: COLUMNS when set (as rich and the shells do), else the terminal's, else 100."""
    columns = os.environ.get("COLUMNS", "")
    try:
        found = int(columns) if columns.isdigit() else os.get_terminal_size(sys.stdout.fileno())[0]
    except (OSError, ValueError):
        return 100
    return max(80, min(160, found))


_NEEDED = "─│┃→−≥…·"
"""Characters every table and summary uses: box lines, arrows, the minus sign."""


def streams_that_encode_everything() -> None:
    """Make stdout and stderr able to write what kla prints, whatever their encoding.

    On Windows, output redirected to a file or a pipe is cp1252, which has no box-drawing
    characters, arrows or minus sign: a table would crash the command. Such a stream is switched
    to UTF-8 (what a file or another program reads best); a terminal that cannot show them gets
    a replacement character instead of a crash.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        reconfigure = getattr(stream, "reconfigure", None)
        if not encoding or reconfigure is None:
            continue
        try:
            _NEEDED.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            try:
                if stream.isatty():
                    reconfigure(errors="replace")
                else:
                    reconfigure(encoding="utf-8")
            except (OSError, ValueError):  # a closed or odd stream: leave it as it is
                continue


def emit(data: str | bytes, output: Path | None, inputs: Inputs = NO_INPUTS) -> None:
    """The result: to `output` atomically (never over one of `inputs`), or text to stdout."""
    if output is not None:
        from kla_cli.io.output import write_bytes, write_text

        if isinstance(data, str):
            write_text(output, data, inputs=inputs)
        else:
            write_bytes(output, data, inputs=inputs)
        note(t("output.written", path=output))
        return
    assert isinstance(data, str)  # choose_format refuses binary formats without -o
    _run["stdout_used"] = True
    try:
        sys.stdout.write(encodable(data))
        sys.stdout.flush()
    except BrokenPipeError:  # `kla batch ... | head`: the reader has what it wanted
        _silence_stdout()
    except OSError as exc:  # e.g. a full disk behind `> file`
        _silence_stdout()
        raise KlaError(
            "output.failed", "stdout", "output.stream.hint", {"error": os_error(exc)}
        ) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's final flush does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def report_findings(findings: "list[Finding]", *, warnings: bool) -> None:
    """The findings on stderr, at most MAX_SHOWN_PER_KIND of a kind per file."""
    from kla_cli.core.findings import Severity, capped

    shown = [f for f in findings if f.severity is Severity.ERROR or (warnings and not quiet())]
    for finding in capped(shown):
        err(finding.render())


def refuse_blocking(
    findings: "list[Finding]",
    blocking: "list[Finding]",
    allowed: bool,
    *,
    warnings: bool = False,
    defer: bool = False,
) -> bool:
    """Show the blocking errors (or, when there are none, `findings`); then, unless
    --allow-errors, stop with exit 1 (findings), as every command that scores does. With
    `defer` (JSON output, which a program reads whatever the exit code) the command goes on and
    ends with exit 1 after writing its result (`finish`); whether it must is returned."""
    report_findings(blocking if blocking else findings, warnings=warnings)
    if blocking and not allowed:
        key = "findings.blocking.json" if defer else "findings.blocking"
        err(
            f"{t('error.prefix')}: {t(key, count=len(blocking))}. "
            f"{t('hint', text=t('findings.blocking.hint'))}"
        )
        if not defer:
            raise typer.Exit(ExitCode.FINDINGS)
        return True
    return False


def finish(blocked: bool) -> None:
    """Exit 1 when `refuse_blocking(…, defer=True)` said so, once the result is written."""
    if blocked:
        raise typer.Exit(ExitCode.FINDINGS)
