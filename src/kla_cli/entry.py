"""The `kla` console script. `kla --version` answers before the CLI framework is imported, so
that it (and shell completion probes) start as fast as Python itself."""

from __future__ import annotations

import sys


def _only_version(args: list[str]) -> bool:
    """`--version`, perhaps with the global options that do not change it (`--lang en`,
    `--debug`); a bad --lang value is left to the CLI to report."""
    rest = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in ("id", "en"):
            i += 2
            continue
        if arg not in ("--debug", "--lang=id", "--lang=en"):
            rest.append(arg)
        i += 1
    return rest == ["--version"]


def main() -> None:
    if _only_version(sys.argv[1:]):
        from kla_cli import __version__

        sys.stdout.write(f"kla {__version__}\n")
        return
    from kla_cli.cli import main as cli_main

    cli_main()
