"""`t()`, the only way text reaches a user, and the choice of language (id or en).

The texts are in `kla_cli.i18n.catalogue`, so a test can check that both languages have every
message and the same placeholders; numbers are formatted by `kla_cli.i18n.numbers`.
"""

from __future__ import annotations

import errno
import locale
import os
import string
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Literal

from kla_cli.i18n.catalogue import MESSAGES

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

current_lang: ContextVar[Lang | None] = ContextVar("kla_lang", default=None)
"""Set by the CLI from --lang; when unset, `active_lang()` detects it from the environment."""


class _Formatter(string.Formatter):
    """`str.format` plus plurals: `{count:plural/item/items}` is `item` for 1, else `items`."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("plural/"):
            one, _, many = format_spec.removeprefix("plural/").partition("/")
            return one if value == 1 or value == "1" else many
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()


def t(key: str, lang: Lang | None = None, /, **args: object) -> str:
    """The message `key` in `lang` (default: the current language), formatted with `args`.

    English plurals are written `{count} {count:plural/item/items}` (Indonesian needs none).
    """
    text = MESSAGES[key][1 if (lang or active_lang()) == "en" else 0]
    if not args:
        return text.replace("{{", "{").replace("}}", "}")  # as str.format would
    return _FORMATTER.vformat(text, (), args) if ":plural/" in text else text.format(**args)


def active_lang() -> Lang:
    """The language in force: the CLI's choice, else detected from KLA_LANG and the locale."""
    chosen = current_lang.get()
    if chosen is not None:
        return chosen
    try:
        return detect_lang(None)
    except ValueError:
        return "id"


def detect_lang(explicit: str | None, environ: Mapping[str, str] | None = None) -> Lang:
    """Choose the language: explicit option, then KLA_LANG, then the locale; Indonesian wins ties.

    Raises ValueError for an explicit value or KLA_LANG that is neither id nor en.
    """
    env = os.environ if environ is None else environ
    for value in (explicit, env.get("KLA_LANG")):
        if value:
            normal = value.strip().lower()[:2]
            if normal in LANGS:
                return "en" if normal == "en" else "id"
            raise ValueError(value)
    # The first locale variable that is set decides, as in POSIX; a neutral one (C, POSIX,
    # C.UTF-8: containers and CI) means Indonesian. Python's getlocale() is asked only when none
    # is set, since it reports C.UTF-8 as en_US.
    setting = next((v for n in ("LC_ALL", "LC_MESSAGES", "LANG") if (v := env.get(n, ""))), "")
    if not setting and environ is None:
        setting = locale.getlocale()[0] or ""
    return "en" if setting.lower().startswith("en") else "id"


_OS_ERRORS = {
    errno.ENOENT: "os.ENOENT",
    errno.EACCES: "os.EACCES",
    errno.EPERM: "os.EPERM",
    errno.ENOSPC: "os.ENOSPC",
    errno.ENOTDIR: "os.ENOTDIR",
    errno.EISDIR: "os.EISDIR",
    errno.EROFS: "os.EROFS",
    errno.EEXIST: "os.EEXIST",
    errno.EBUSY: "os.EBUSY",
    errno.ENAMETOOLONG: "os.ENAMETOOLONG",
    errno.EIO: "os.EIO",
}
"""The operating system's errors a user meets most -> their catalogue keys."""


def os_error(exc: OSError) -> str:
    """What went wrong, in the language in force: Python gives the system's error texts in
    English only. An error not in the catalogue keeps the system's text (or its class name)."""
    key = _OS_ERRORS.get(exc.errno) if exc.errno is not None else None
    if key is not None:
        return t(key)
    return exc.strerror or str(exc) or type(exc).__name__
