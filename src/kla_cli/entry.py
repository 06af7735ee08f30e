"""The `kla` console script. `kla --version` answers before the CLI framework is imported, so
that it (and shell completion probes) start as fast as Python itself."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from kla_cli import __version__

        sys.stdout.write(f"kla {__version__}\n")
        return
    from kla_cli.cli import main as cli_main

    cli_main()
