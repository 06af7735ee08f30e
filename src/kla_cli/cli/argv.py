"""Finding the global options (`--lang X`, `--debug`) wherever they stand in argv.

One scanner for the three readers of raw argv: `entry` (does `kla --version` need the CLI at
all?), moving the global options to the front (people add `--lang en` at the end), and setting
the language before parsing (so that a usage error already speaks it). It imports nothing, so
that `kla --version` stays as fast as Python itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

GLOBAL_FLAGS = ("--debug", "-q", "--quiet", "-v", "--verbose")
GLOBAL_OPTIONS = ("--lang", "--config")
FAST_LANGS = ("id", "en")
"""--lang values `entry` may skip for `--version`; any other is left to the CLI to report."""


class Scanned:
    """argv split into the global options (in their order) and the rest."""

    __slots__ = ("globals", "langs", "rest")

    def __init__(self, globals_: list[str], rest: list[str], langs: list[str]) -> None:
        self.globals = globals_
        self.rest = rest
        self.langs = langs
        """Every --lang value, in order (the last one counts)."""

    @property
    def lang(self) -> str | None:
        return self.langs[-1] if self.langs else None

    def globals_first(self) -> list[str]:
        """argv with the global options moved to the front."""
        return self.globals + self.rest


def scan(args: list[str]) -> Scanned:
    """Split `args`: --lang X, --config FILE (or =X), --debug, -q and -v anywhere before a `--`
    are global options."""
    found: list[str] = []
    rest: list[str] = []
    langs: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        name, equals, value = arg.partition("=")
        if arg in GLOBAL_FLAGS or (equals and name in GLOBAL_OPTIONS):
            found.append(arg)
            if equals and name == "--lang":
                langs.append(value)
        elif arg in GLOBAL_OPTIONS and i + 1 < len(args):
            found += args[i : i + 2]
            if arg == "--lang":
                langs.append(args[i + 1])
            i += 1
        else:
            rest.append(arg)
        i += 1
    return Scanned(found, rest, langs)


def format_given(args: Sequence[str]) -> str | None:
    """The last `--format X` / `-f X` / `--format=X` / `-fX` before a `--`: what the command
    line asks for before it is parsed (a usage error still answers in JSON to `-f json`)."""
    found: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg in ("-f", "--format") and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--format="):
            found = arg.partition("=")[2]
        elif arg.startswith("-f") and not arg.startswith("--") and len(arg) > 2:
            found = arg[2:]
    return found


def only_version(args: list[str]) -> bool:
    """`--version`, perhaps with the global options that do not change it (`--lang en`,
    `--debug`); a --lang value the CLI would refuse is left to it to report."""
    scanned = scan(args)
    return scanned.rest == ["--version"] and all(lang in FAST_LANGS for lang in scanned.langs)
