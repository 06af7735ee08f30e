"""Findings: data problems in OPD workbooks, reported as values (never raised).

Each finding has a stable kebab-case `code` (part of the JSON contract), a severity, and the place
it was found: file, sheet and cell (Excel's own A1 address). Its text comes from the message
catalogue: `finding.<code>` says what is wrong, `finding.<code>.hint` (when present) what is
expected.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from types import MappingProxyType
from typing import NamedTuple

from kla_cli.i18n.catalogue import MESSAGES
from kla_cli.i18n.display import printable
from kla_cli.i18n.messages import Lang, t


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


NO_ARGS: Mapping[str, object] = MappingProxyType({})
"""A finding's arguments when its message has none (shared, so it cannot be changed)."""


class Finding(NamedTuple):
    severity: Severity
    code: str
    file: str
    sheet: str | None = None
    cell: str | None = None
    args: Mapping[str, object] = NO_ARGS
    item: str | None = None
    """The rubric item code concerned, if any."""

    @property
    def location(self) -> str:
        where = self.file
        if self.sheet:
            where += f":{self.sheet}" + (f"!{self.cell}" if self.cell else "")
        return printable(where)

    def problem(self, lang: Lang | None = None) -> str:
        """What is wrong."""
        return t(f"finding.{self.code}", lang, **self.args)

    def expected(self, lang: Lang | None = None) -> str | None:
        """What is expected instead (the hint), if the catalogue has one."""
        hint_key = f"finding.{self.code}.hint"
        return t(hint_key, lang, **self.args) if hint_key in MESSAGES else None

    def message(self, lang: Lang | None = None) -> str:
        expected = self.expected(lang)
        return self.problem(lang) + (f"; {expected}" if expected else "")

    def render(self, lang: Lang | None = None) -> str:
        """`file:Sheet!E12: error [not-a-number] '12a' is not a number; expected …`."""
        severity = t(f"severity.{self.severity.value}", lang)
        return f"{self.location}: {severity} [{self.code}] {self.message(lang)}"


def named_beside(file: str, here: str) -> str:
    """How a finding about the file `here` names another `file`: by its name alone when both sit
    in one folder (a region's forms do; a long path would fill a printed report's line), else
    whole, so the reader can find it."""
    path = PurePath(file)
    return path.name if path.parent == PurePath(here).parent else file


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


MAX_SHOWN_PER_KIND = 10
"""Findings of one kind (code) in one file shown to people; the rest are counted in one line."""


@dataclass(frozen=True)
class Overflow:
    """Stands for the findings of one kind in one file past MAX_SHOWN_PER_KIND."""

    severity: Severity
    code: str
    file: str
    count: int

    def message(self, lang: Lang | None = None) -> str:
        from kla_cli.i18n.numbers import fmt_num

        return t("findings.more", lang, count=fmt_num(self.count, lang, places=0))

    def render(self, lang: Lang | None = None) -> str:
        """`file: error [code] … and 99,990 more of this kind`, as `Finding.render` lays out."""
        severity = t(f"severity.{self.severity.value}", lang)
        return f"{printable(self.file)}: {severity} [{self.code}] {self.message(lang)}"


def capped(
    findings: Sequence[Finding], limit: int = MAX_SHOWN_PER_KIND
) -> list[Finding | Overflow]:
    """The findings people are shown: at most `limit` of one kind (code and severity) per file,
    in their order, the rest replaced by one `Overflow` right after the last one shown.

    A workbook with 100 000 junk rows gives 100 000 findings of one kind: lines nobody reads,
    seconds of rendering. Counts (errors, warnings per file) and JSON stay complete: this is
    only what is shown."""
    totals = Counter((f.file, f.code, f.severity) for f in findings)
    if all(count <= limit for count in totals.values()):
        return list(findings)
    seen: Counter[tuple[str, str, Severity]] = Counter()
    shown: list[Finding | Overflow] = []
    for f in findings:
        key = (f.file, f.code, f.severity)
        seen[key] += 1
        if seen[key] <= limit:
            shown.append(f)
        if seen[key] == limit and totals[key] > limit:
            shown.append(Overflow(f.severity, f.code, f.file, totals[key] - limit))
    return shown
