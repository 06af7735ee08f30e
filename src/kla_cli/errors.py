"""Errors that stop a command ("could not run"), and the exit codes of every command.

Data problems in workbooks are not exceptions: they are `Finding` values (see `findings`). An
exception here means nothing trustworthy could be computed; the CLI's single error boundary turns
it into one line on stderr and exit code 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from kla_cli.i18n.display import printable
from kla_cli.i18n.messages import Lang, t


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    """Validation errors found, or below the target predikat."""
    CANNOT_RUN = 2
    """Bad rubric, missing path, unreadable input: nothing trustworthy was computed."""


LONGEST_WHERE = 400
"""Characters of a location shown in full; a longer one (a 5,000-character path) keeps its
beginning and its end, so that the line stays a line."""


def _short(where: str) -> str:
    if len(where) <= LONGEST_WHERE:
        return where
    return f"{where[:150]}…{where[-(LONGEST_WHERE - 151) :]}"


@dataclass
class KlaError(Exception):
    """A user-facing error: `<where>: <message>` plus an optional hint, in the user's language."""

    key: str
    where: str | None = None
    hint: str | None = None
    """Message key of an actionable hint."""
    params: dict[str, object] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)
    """Further lines (already located), e.g. one per rubric problem."""

    def __post_init__(self) -> None:
        super().__init__(self.key)

    def render(self, lang: Lang | None = None) -> str:
        text = t(self.key, lang, **self.params)
        if self.where:
            text = f"{_short(printable(self.where))}: {text}"
        if self.hint:
            hint = t(self.hint, lang, **self.params)
            text = f"{text}. {t('hint', lang, text=hint)}"
        return text

    def __str__(self) -> str:
        return self.render()


class Terminated(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM, SIGHUP): raised by the console script's signal
    handler, so that it unwinds as Ctrl-C does (worker processes stopped, temporary files
    removed, one line, exit 2). A KeyboardInterrupt, so that no `except Exception` stops it."""

    def __init__(self, signal_name: str) -> None:
        super().__init__(signal_name)
        self.signal_name = signal_name
