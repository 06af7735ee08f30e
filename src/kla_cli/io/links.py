"""Resolving a path the same way on every supported Python: a symbolic link that loops is
`SymlinkLoop`, never a path that merely looks resolved.

Python 3.11 and 3.12 raise RuntimeError from `Path.resolve()` on a loop; 3.13 returns the path as
far as it got instead, so the loop is found by asking the operating system (ELOOP).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


class SymlinkLoop(RuntimeError):
    """A symbolic link in the path points back to itself (directly or through others)."""


def resolve(path: Path) -> Path:
    """`path` made absolute with every symbolic link followed; raise `SymlinkLoop` on a loop.
    A path that does not exist (yet) resolves as far as it can, as `Path.resolve()` does."""
    try:
        resolved = path.resolve()
    except RuntimeError as exc:  # Python 3.11 and 3.12
        raise SymlinkLoop(str(path)) from exc
    try:
        os.stat(resolved)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SymlinkLoop(str(path)) from None
    return resolved
