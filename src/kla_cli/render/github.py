"""GitHub Actions workflow commands (`::error file=…,title=…::message`), escaped as GitHub reads them."""

from __future__ import annotations

import os

from kla_cli.i18n.messages import Lang, t


def escape_data(text: str) -> str:
    """A message (or a plain log line): `%`, CR and LF escaped, so it stays one command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, **properties: str) -> str:
    """`::level key=value,…::message`: an error, warning or notice annotation."""
    props = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}"


MAX_PER_KIND = 10
"""GitHub shows at most 10 error, 10 warning and 10 notice annotations of a step, and drops
the rest: past that, one log line says how many more there are."""


def capped(annotations: list[tuple[str, str]], lang: Lang) -> list[str]:
    """The (level, line) annotations, at most `MAX_PER_KIND` of each level, then one line
    saying how many more there are (the job summary lists them all)."""
    shown: dict[str, int] = {}
    lines: list[str] = []
    dropped: dict[str, int] = {}
    for level, line in annotations:
        shown[level] = shown.get(level, 0) + 1
        if shown[level] <= MAX_PER_KIND:
            lines.append(line)
        else:
            dropped[level] = dropped.get(level, 0) + 1
    if dropped:
        kinds = ", ".join(f"{level} {count}" for level, count in dropped.items())
        lines.append(escape_data(t("github.more", lang, count=sum(dropped.values()), kinds=kinds)))
    return lines


def workspace_path(file: str, base: str | None) -> str:
    """`file` as GitHub finds it in the repository: relative to `base` (GITHUB_WORKSPACE, else
    the working folder) with `/`; as given when it lies outside `base` or no base is known."""
    if base is None:
        return file
    try:
        relative = os.path.relpath(os.path.abspath(file), base)
    except ValueError:  # another drive (Windows)
        return file
    if relative == ".." or relative.startswith(".." + os.sep):
        return file
    return relative.replace(os.sep, "/")
