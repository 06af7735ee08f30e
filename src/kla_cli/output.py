"""Writing outputs: atomically (temp file + rename), so an interrupted run never leaves half a
report and an existing report is replaced only by a complete new one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kla_cli.errors import KlaError


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step."""
    if target.is_dir():
        raise KlaError("output.is_dir", str(target), "output.is_dir.hint")
    parent = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise KlaError(
            "output.failed", str(target), params={"error": exc.strerror or exc}
        ) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as exc:
        raise KlaError(
            "output.failed", str(target), params={"error": exc.strerror or exc}
        ) from None
    finally:
        tmp.unlink(missing_ok=True)


def _mode_for(target: Path) -> int:
    """The permissions a plain `open(target, "w")` would give: the existing file's, or 0666
    minus the umask (mkstemp's 0600 would hide reports from colleagues on a shared drive)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="")


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
