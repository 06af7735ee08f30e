"""`-` for standard input: a rubric (`--rubric -`) or a saved result (`kla compare - new.json`)
piped into kla. Read once, whole; a second `-` in the same run is refused, since the stream
has been read."""

from __future__ import annotations

import sys
from pathlib import Path

from kla_cli.errors import KlaError

STDIN = Path("-")
_read = {"done": False}


def is_stdin(path: Path) -> bool:
    return path == STDIN


def read_stdin(max_bytes: int) -> bytes:
    """Standard input, at most `max_bytes` + 1 bytes (the caller judges the size)."""
    if _read["done"]:
        raise KlaError("stdin.twice", "-", "stdin.hint")
    _read["done"] = True
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise KlaError("stdin.empty", "-", "stdin.hint")
    data: bytes = stream.read(max_bytes + 1)
    if not data:
        raise KlaError("stdin.empty", "-", "stdin.hint")
    return data


def reset() -> None:
    """Forget that standard input was read (tests run many commands in one process)."""
    _read["done"] = False
