"""`kla.toml` (or `[tool.kla]` in pyproject.toml): a region's or project's settings, so that
`--rubric`, `--target` and the rest need not be typed every time.

    rubric = "rubrik/kla-2024.yaml"   # relative to the file
    region = "Kota Contoh"
    year = 2025
    target = "nindya"
    lang = "id"
    form_lang = "id"

Found from the input folder upwards, stopping at the filesystem root or at a folder holding
`.git` (a repository's root is the last folder looked in). The CLI applies it; options given on
the command line (or in the environment) win over it.
"""

import re
from collections.abc import Mapping
from difflib import get_close_matches
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from kla_cli.errors import KlaError
from kla_cli.i18n.messages import t

KEYS = ("rubric", "region", "year", "target", "lang", "form_lang")
NAMES = ("kla.toml", "pyproject.toml")
MAX_BYTES = 1024 * 1024


class Config(NamedTuple):
    """The settings of one file (`file` None: no file), values as text; `rubric` resolved
    against the file's folder."""

    file: Path | None = None
    values: Mapping[str, str] = MappingProxyType({})
    lines: Mapping[str, int] = MappingProxyType({})

    def where(self, key: str) -> str:
        """`file:line` of `key`, for an error about its value."""
        line = self.lines.get(key)
        return f"{self.file}:{line}" if line else str(self.file)


NO_CONFIG = Config()


def find_config(start: Path) -> Path | None:
    """The nearest kla.toml (or pyproject.toml with a [tool.kla] table) from `start` (a folder,
    or a file whose folder is meant) upwards."""
    try:
        return _search(start)
    except (OSError, RuntimeError):  # an unusable path: the command itself will name it
        return None


def _search(start: Path) -> Path | None:
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for place in (folder, *folder.parents):
        own = place / "kla.toml"
        if own.is_file():
            return own
        project = place / "pyproject.toml"
        if project.is_file() and _has_tool_kla(project):
            return project
        if (place / ".git").exists():
            return None
    return None


def _has_tool_kla(file: Path) -> bool:
    try:
        return re.search(r"(?m)^\s*\[tool\.kla\]", file.read_text(encoding="utf-8")) is not None
    except (OSError, UnicodeDecodeError):
        return False


_TOML_PROBLEMS = {
    "Invalid value": "config.toml.invalid_value",
    "Invalid statement": "config.toml.invalid_statement",
    "Expected '=' after a key in a key/value pair": "config.toml.expected_equals",
    "Cannot overwrite a value": "config.toml.twice",
    "Unterminated string": "config.toml.unterminated",
    "Expected newline or end of document after a statement": "config.toml.one_per_line",
}
"""tomllib's commonest problems (worded in English only) -> their catalogue keys."""


def _toml_problem(text: str) -> str:
    """tomllib's problem in the language in force, where the catalogue knows it; its position
    `(at line L, column C)` is dropped, as the error names the line already."""
    problem, _, position = text.partition(" (at ")
    key = _TOML_PROBLEMS.get(problem)
    if key is None:
        return text
    column = re.search(r"column (\d+)", position)
    return t(key) + (t("config.toml.column", column=column[1]) if column else "")


def read_config(file: Path) -> Config:
    """The settings in `file`; raise KlaError naming `file:line` for an unknown key (with the
    nearest known one) or a value that is not a text or a number."""
    try:
        if file.stat().st_size > MAX_BYTES:
            raise KlaError("config.syntax", str(file), "config.syntax.hint", {"error": "> 1 MB"})
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KlaError("path.missing", str(file), "path.missing.hint") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KlaError(
            "config.syntax", str(file), "config.syntax.hint", {"error": str(exc)}
        ) from None
    import tomllib  # only when there is a kla.toml to read

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_of_error(str(exc))
        where = f"{file}:{line}" if line else str(file)
        error = _toml_problem(str(exc))
        raise KlaError("config.syntax", where, "config.syntax.hint", {"error": error}) from None
    table = "tool.kla" if file.name == "pyproject.toml" else None
    if table:
        data = data.get("tool", {}).get("kla", {})
        if not isinstance(data, dict):
            raise KlaError("config.not_table", str(file), "config.hint", {"known": _known()})
    lines = _key_lines(text, table)
    values: dict[str, str] = {}
    for key, value in data.items():
        where = f"{file}:{lines[key]}" if key in lines else str(file)
        if key not in KEYS:
            match = get_close_matches(key, KEYS, n=1)
            perhaps = t("config.perhaps", match=match[0]) if match else ""
            raise KlaError(
                "config.unknown_key",
                where,
                "config.hint",
                {"key": key, "perhaps": perhaps, "known": _known()},
            )
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise KlaError(
                "config.bad_value", where, "config.hint", {"key": key, "known": _known()}
            )
        values[key] = str(value).strip()
    if "rubric" in values:
        values["rubric"] = str(file.parent / values["rubric"])
    return Config(file, values, lines)


def _known() -> str:
    return ", ".join(KEYS)


def _line_of_error(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


def _key_lines(text: str, table: str | None) -> dict[str, int]:
    """Each key's line (1-based) in the top level of the file, or in `table` ([tool.kla])."""
    lines: dict[str, int] = {}
    inside = table is None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([^\[\]]+?)\s*\]", stripped)
        if header:
            inside = table is not None and header.group(1).replace(" ", "") == table
            continue
        key = re.match(r"""\s*["']?([A-Za-z0-9_.-]+)["']?\s*=""", line)
        if inside and key and key.group(1) not in lines:
            lines[key.group(1)] = number
    return lines
