"""Finding the global options (`--lang X`, `--debug`) wherever they stand in argv.

One scanner for the three readers of raw argv: `entry` (does `kla --version` need the CLI at
all?), moving the global options to the front (people add `--lang en` at the end), and setting
the language before parsing (so that a usage error already speaks it). It imports nothing, so
that `kla --version` stays as fast as Python itself.
"""

from __future__ import annotations

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


def only_version(args: list[str]) -> bool:
    """`--version`, perhaps with the global options that do not change it (`--lang en`,
    `--debug`); a --lang value the CLI would refuse is left to it to report."""
    scanned = scan(args)
    return scanned.rest == ["--version"] and all(lang in FAST_LANGS for lang in scanned.langs)
