"""The `kla` console script.

Two things here are about start-up and shut-down time, which a batch in CI pays on every run:

- `kla --version` answers before the CLI framework is imported, so that it (and shell
  completion probes) start as fast as Python itself.
- When a command is done, the process ends with `os._exit` once stdout and stderr are flushed,
  instead of letting the interpreter tear down every module and object it loaded (typer,
  pydantic's validators, the rubric): that teardown frees memory the operating system frees
  anyway, and costs 50-70 ms, a fifth of a small command's run. Nothing is left to clean up by
  then: every output file has been written atomically and closed, and worker processes have
  been joined. If a final flush fails, the normal exit path runs instead.
"""

from __future__ import annotations

import os
import sys

from kla_cli.cli.argv import only_version


def _exit_code(exc: SystemExit) -> int:
    """The process exit code `sys.exit(value)` would give (a text is printed, then 1)."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    sys.stderr.write(f"{exc.code}\n")
    return 1


def run() -> int:
    """Run the command line in `sys.argv`; the exit code."""
    if only_version(sys.argv[1:]):
        from kla_cli import __version__

        sys.stdout.write(f"kla {__version__}\n")
        return 0
    from kla_cli.cli.app import main as cli_main

    try:
        cli_main()
    except SystemExit as exc:
        return _exit_code(exc)
    return 0


def main() -> None:
    code = run()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None when the process was started with it closed
                stream.flush()
    except (OSError, ValueError):
        sys.exit(code)  # let the interpreter's own exit deal with the stream
    os._exit(code)
