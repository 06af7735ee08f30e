"""Writing outputs: atomically (temp file + rename), so an interrupted run never leaves half a
report and an existing report is replaced only by a complete new one.

Not every path names a plain file. A symlink is followed (the file it points to is replaced,
the link stays); a character device or a pipe (`-o /dev/stdout`, `-o /dev/null`, a FIFO) is
written through, since renaming over it would swap a device for a file; anything else that is
not a plain file (a socket, a block device) is refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kla_cli.core.form_layout import WORKBOOK_SUFFIXES
from kla_cli.errors import KlaError
from kla_cli.i18n.display import encodable
from kla_cli.io.links import SymlinkLoop, resolve


@dataclass(frozen=True)
class Inputs:
    """What a run reads, as given on the command line or found there: no output may replace one
    of `files` (workbooks, rubrics, a manifest), and no spreadsheet output may land in one of
    `folders` (it would be read as an OPD workbook next time: `kla report DIR -o
    DIR/laporan.xlsx` would break the next `kla score DIR`). Resolved only when an output is
    checked."""

    files: frozenset[Path] = frozenset()
    folders: frozenset[Path] = frozenset()

    def __or__(self, other: Inputs) -> Inputs:
        return Inputs(self.files | other.files, self.folders | other.folders)


NO_INPUTS = Inputs()


def precheck(target: Path) -> None:
    """Refuse an output path that cannot be written before any work is done (a batch of 514
    regions should not fail at the end): a folder, or a file in a folder that does not exist."""
    if target.is_dir():
        raise KlaError("output.is_dir", str(target), "output.is_dir.hint")
    if not target.parent.is_dir():
        raise KlaError("output.no_folder", str(target), "output.no_folder.hint")


def _resolved(paths: frozenset[Path]) -> set[Path]:
    out = set()
    for path in paths:
        with contextlib.suppress(OSError, RuntimeError):
            out.add(resolve(path))
    return out


def _check_target(target: Path, inputs: Inputs) -> None:
    precheck(target)
    with contextlib.suppress(OSError, SymlinkLoop):
        resolved = resolve(target)
        if resolved in _resolved(inputs.files):
            raise KlaError("output.is_input", str(target), "output.is_input.hint")
        if target.suffix.lower() in WORKBOOK_SUFFIXES and resolved.parent in _resolved(
            inputs.folders
        ):
            raise KlaError("output.in_input_folder", str(target), "output.in_input_folder.hint")


def _is_stream(target: Path) -> bool:
    """A character device or a pipe: written through, never replaced."""
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _final(target: Path) -> Path:
    """The path that will be replaced: a symlink's target, so that the link stays a link."""
    if not target.is_symlink():
        return target
    try:
        return Path(os.path.realpath(target, strict=False))
    except (OSError, RuntimeError):
        raise KlaError("output.not_regular", str(target), "output.not_regular.hint") from None


@contextlib.contextmanager
def atomic_path(target: Path, *, inputs: Inputs = NO_INPUTS) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step.
    Refused when `target` is one of `inputs` or a spreadsheet in one of their folders."""
    target = _final(target)
    _check_target(target, inputs)
    if target.exists() and not target.is_file():
        raise KlaError("output.not_regular", str(target), "output.not_regular.hint")
    parent = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise KlaError(
            "output.failed", str(target), "output.failed.hint", {"error": exc.strerror or exc}
        ) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(target))
        try:
            os.replace(tmp, target)
        except PermissionError:
            if not target.exists():
                raise
            # Windows: a report left open in Excel cannot be replaced until Excel closes it.
            raise KlaError("output.locked", str(target), "output.locked.hint") from None
    except OSError as exc:
        raise KlaError(
            "output.failed", str(target), "output.failed.hint", {"error": exc.strerror or exc}
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


def write_text(target: Path, text: str, *, inputs: Inputs = NO_INPUTS) -> None:
    write_bytes(target, encodable(text).encode("utf-8"), inputs=inputs)


def write_bytes(target: Path, data: bytes, *, inputs: Inputs = NO_INPUTS) -> None:
    if _is_stream(target):
        try:
            with open(target, "wb") as stream:
                stream.write(data)
        except OSError as exc:
            raise KlaError(
                "output.failed", str(target), "output.stream.hint", {"error": exc.strerror or exc}
            ) from None
        return
    with atomic_path(target, inputs=inputs) as tmp:
        tmp.write_bytes(data)
