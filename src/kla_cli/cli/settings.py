"""What the command line does not say, taken from a `kla.toml` (io/config.py), and `-` for
standard output: applied to a command's parsed options just before it runs.

An option given on the command line or in the environment wins over the file: only options
still at their default take the file's value. The file is the one `--config FILE` names, else
the nearest found from the command's input folder upwards (the working folder for a command
without one).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kla_cli.cli.console import verbose
from kla_cli.errors import KlaError
from kla_cli.i18n.messages import current_lang, detect_lang

_state: dict[str, Any] = {"config": None, "lang_given": False, "origins": {}}

INPUTS = ("paths", "path", "root", "old", "region_dir")
"""The parameters that name a command's input (its first path is where the search starts)."""

OPTIONS = {
    "rubric": "rubric",
    "region": "region",
    "year": "year",
    "target": "target",
    "form_lang": "form_lang",
}
"""Config key -> the parameter it fills (a command without that parameter ignores the key);
`lang` sets the language instead, unless --lang or KLA_LANG chose it."""


def set_globals(config: Path | None, lang_given: bool) -> None:
    """From the app's callback: `--config FILE`, and whether --lang was given."""
    _state["config"] = config
    _state["lang_given"] = lang_given


def apply(ctx: Any) -> None:
    """Fill `ctx.params` from the configuration file and read `-o -` as standard output."""
    from kla_cli.io.stdin import reset

    reset()  # a new command: standard input not read yet
    _state["origins"] = {}
    params = ctx.params
    output = params.get("output")
    if isinstance(output, Path) and str(output) == "-" and _default_is_none(ctx, "output"):
        params["output"] = None  # `-o -`: standard output, as for any other tool
    if ctx.command.name in ("demo", "check"):
        return
    config = _config(params)
    if config.file is None:
        return
    for key, value in config.values.items():
        name = OPTIONS.get(key)
        if name is None or name not in params:
            continue
        source = ctx.get_parameter_source(name)
        if source is not None and source.name != "DEFAULT":  # given, or from the environment
            continue
        params[name] = Path(value) if name == "rubric" else value
        _state["origins"][name] = config.where(key)
    if "lang" in config.values and not _state["lang_given"] and not os.environ.get("KLA_LANG"):
        try:
            current_lang.set(detect_lang(config.values["lang"]))
        except ValueError:
            raise KlaError(
                "lang.unknown", config.where("lang"), params={"value": config.values["lang"]}
            ) from None
    verbose("config.used", path=config.file)


def origin(name: str) -> str | None:
    """`file:line` of the configuration that gave parameter `name` its value, if one did."""
    where: str | None = _state["origins"].get(name)
    return where


def _default_is_none(ctx: Any, name: str) -> bool:
    return any(p.name == name and p.default is None for p in ctx.command.params)


def _config(params: dict[str, Any]) -> Any:
    from kla_cli.io.config import NO_CONFIG, find_config, read_config

    named: Path | None = _state["config"]
    if named is not None:
        return read_config(named)
    start = Path.cwd()
    for name in INPUTS:
        value = params.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, Path) and str(value) != "-":
            start = value
            break
    found = find_config(start)
    return read_config(found) if found is not None else NO_CONFIG
