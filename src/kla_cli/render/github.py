"""GitHub Actions workflow commands (`::error file=…,title=…::message`), escaped as GitHub reads them."""

from __future__ import annotations


def escape_data(text: str) -> str:
    """A message (or a plain log line): `%`, CR and LF escaped, so it stays one command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, **properties: str) -> str:
    """`::level key=value,…::message`: an error, warning or notice annotation."""
    props = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}"
