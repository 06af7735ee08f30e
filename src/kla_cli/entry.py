"""The `kla` console script.

Two things here are about start-up and shut-down time, which a batch in CI pays on every run:

- `kla --version` answers before the CLI framework is imported, so that it (and shell
  completion probes) start as fast as Python itself.
- While the CLI's modules are imported (typer, kla's commands: a third of a small command's
  run), Python's cyclic garbage collector is off, and what they made is then frozen
  (`gc.freeze`: never examined again, it lives until the process ends anyway) before the
  collector is turned back on for the command itself (`_imported_without_collections`). The
  imports create some hundred thousand objects and almost no garbage, yet at Python's default
  thresholds the collector ran some 35 times over them: 10-14 ms of `kla score` and `kla gap`
  (5-7 %), measured with `gc.callbacks`.
- When a command is done, the process ends with `os._exit` once stdout and stderr are flushed,
  instead of letting the interpreter tear down every module and object it loaded (typer,
  pydantic's validators, the rubric): that teardown frees memory the operating system frees
  anyway, and costs 50-70 ms, a fifth of a small command's run. Nothing is left to clean up by
  then: every output file has been written atomically and closed, and worker processes have
  been joined.

Two things here are about how the process ends when it is told to, or when its output fails:

- SIGTERM and SIGHUP raise `Terminated` (a KeyboardInterrupt) in the main thread, so that a
  `kill` unwinds as Ctrl-C does: worker processes are stopped, temporary files are removed, one
  line is printed, exit 2. (SIGKILL cannot be seen: batch workers end with their parent, and a
  temporary output file `.kla-*.tmp` may stay behind.)
- stdout that cannot be written (a full disk behind `> file`, `/dev/full`, a closed terminal)
  is one line and exit 2, never exit 0 with a truncated result. A reader that stopped reading
  (`kla batch … | head`) is not an error: nothing more is written and the exit code is the
  command's own (0 or 1), as for a complete output.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING

from kla_cli.cli.argv import only_version

if TYPE_CHECKING:
    from collections.abc import Callable


def _exit_code(exc: SystemExit) -> int:
    """The process exit code `sys.exit(value)` would give (a text is printed, then 1)."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    sys.stderr.write(f"{exc.code}\n")
    return 1


def _terminate(signum: int, frame: FrameType | None) -> None:
    from kla_cli.errors import Terminated

    signal.signal(signum, signal.SIG_IGN)  # once: the clean-up is not interrupted again
    raise Terminated(signal.Signals(signum).name)


def stop_on_signals() -> None:
    """SIGTERM and SIGHUP unwind the program as Ctrl-C does (`Terminated`)."""
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, _terminate)


def run() -> int:
    """Run the command line in `sys.argv`; the exit code."""
    if only_version(sys.argv[1:]):
        from kla_cli import __version__

        sys.stdout.write(f"kla {__version__}\n")
        return 0
    cli_main = _imported_without_collections()
    try:
        cli_main()
    except SystemExit as exc:
        return _exit_code(exc)
    return 0


def _imported_without_collections() -> Callable[[], None]:
    """The CLI's entry point, imported with the garbage collector off; what the import made is
    frozen and the collector on again before the caller goes on (see the module's docstring:
    the one place of this speed trick)."""
    import gc

    gc.disable()
    try:
        from kla_cli.cli.app import main as cli_main
    finally:
        gc.freeze()
        gc.enable()
    return cli_main


def _stdout_failed(exc: OSError) -> int:
    """The exit code after stdout could not be written: a closed pipe is quiet (the reader has
    what it wanted) and keeps the command's code (0); anything else is one line and exit 2."""
    with _quiet():
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if exc.errno == errno.EPIPE:
        return 0
    from kla_cli.cli.argv import scan
    from kla_cli.errors import KlaError
    from kla_cli.i18n.messages import current_lang, detect_lang, os_error, t

    with contextlib.suppress(ValueError):  # `kla --version` has not set it
        current_lang.set(detect_lang(scan(sys.argv[1:]).lang))
    error = KlaError("output.failed", "stdout", "output.stream.hint", {"error": os_error(exc)})
    with _quiet():
        sys.stderr.write(f"{t('error.prefix')}: {error.render()}\n")
    return 2


def _quiet() -> contextlib.AbstractContextManager[None]:
    return contextlib.suppress(OSError, ValueError, AttributeError)


def main() -> None:
    stop_on_signals()
    try:
        code = run()
    except OSError as exc:  # stdout, written outside a command (--help, --version)
        code = _stdout_failed(exc)
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM before a command started
        from kla_cli.cli.console import show_interrupt

        show_interrupt(exc)
        code = 2
    try:
        if sys.stdout is not None:  # None when the process was started with it closed
            sys.stdout.flush()
    except OSError as exc:  # the last bytes of the result could not be written
        code = _stdout_failed(exc) or code
    except ValueError:
        pass
    with _quiet():
        if sys.stderr is not None:
            sys.stderr.flush()
    os._exit(code)
