"""Writing outputs: atomically (temp file + rename), so an interrupted run never leaves half a
report and an existing report is replaced only by a complete new one.

Not every path names a plain file. A symlink is followed (the file it points to is replaced,
the link stays); a character device or a pipe (`-o /dev/stdout`, `-o /dev/null`, a FIFO) is
written through, since renaming over it would swap a device for a file; anything else that is
not a plain file (a socket, a block device) is refused.
"""

import contextlib
import os
import stat
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from kla_cli.core.form_layout import WORKBOOK_SUFFIXES
from kla_cli.errors import KlaError
from kla_cli.i18n.display import encodable
from kla_cli.i18n.messages import os_error
from kla_cli.io.links import SymlinkLoop, resolve


class Inputs(NamedTuple):
    """What a run reads, as given on the command line or found there: no output may replace one
    of `files` (workbooks, rubrics, a manifest), and no spreadsheet output may land in one of
    `folders` (it would be read as an OPD workbook next time: `kla report DIR -o
    DIR/laporan.xlsx` would break the next `kla score DIR`). Resolved only when an output is
    checked."""

    files: frozenset[Path] = frozenset()
    folders: frozenset[Path] = frozenset()

    def __or__(self, other: "Inputs") -> "Inputs":
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


def check_target(target: Path, inputs: Inputs) -> None:
    """Refuse `target` before any work is done when it cannot be written (`precheck`), is one
    of `inputs`' files, or is a spreadsheet in one of their folders."""
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


TEMP_PREFIX, TEMP_SUFFIX = ".kla-", ".tmp"
"""Temporary outputs are `.kla-XXXXXXXX.tmp` beside their target: short, so that any target
name the file system accepts works (a name derived from the target's could be too long)."""


def _prepared(target: Path, inputs: Inputs) -> Path:
    """The path that will be replaced, checked (never an input, never a folder)."""
    target = _final(target)
    check_target(target, inputs)
    if target.exists() and not target.is_file():
        raise KlaError("output.not_regular", str(target), "output.not_regular.hint")
    return target


def _failed(target: Path, exc: OSError) -> KlaError:
    return KlaError("output.failed", str(target), "output.failed.hint", {"error": os_error(exc)})


def _temporary(target: Path) -> Path:
    parent = target.parent if str(target.parent) else Path(".")
    import tempfile  # only when a file is written (3 ms of start-up otherwise)

    try:
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=parent)
    except OSError as exc:
        raise _failed(target, exc) from None
    os.close(fd)
    return Path(name)


@contextlib.contextmanager
def atomic_path(target: Path, *, inputs: Inputs = NO_INPUTS) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step.
    Refused when `target` is one of `inputs` or a spreadsheet in one of their folders. The
    temporary file is removed however the block ends (an error, Ctrl-C, SIGTERM)."""
    with atomic_paths([target], inputs=inputs) as (tmp,):
        yield tmp


@contextlib.contextmanager
def atomic_paths(targets: Sequence[Path], *, inputs: Inputs = NO_INPUTS) -> Iterator[list[Path]]:
    """All or none: one temporary path per target, every target checked before anything is
    written; only when the block has written them all do they replace their targets. If that
    fails part way, the targets it created are removed again. Temporary files are removed
    however the block ends."""
    finals = [_prepared(target, inputs) for target in targets]
    existed = [final.exists() for final in finals]
    temps: list[Path] = []
    placed: list[Path] = []
    try:
        for final in finals:  # one by one: those made are removed if the next fails
            temps.append(_temporary(final))  # noqa: PERF401
        try:
            yield list(temps)
        except OSError as exc:  # writing a temporary file (a full disk)
            named = [f for t, f in zip(temps, finals, strict=True) if str(t) == exc.filename]
            raise _failed((named or finals)[0], exc) from None
        for tmp, final in zip(temps, finals, strict=True):
            try:
                os.chmod(tmp, _mode_for(final))
                os.replace(tmp, final)
            except PermissionError as exc:
                if not final.exists():
                    raise _failed(final, exc) from None
                # Windows: a report left open in Excel cannot be replaced until Excel closes it.
                raise KlaError("output.locked", str(final), "output.locked.hint") from None
            except OSError as exc:
                raise _failed(final, exc) from None
            placed.append(final)
    except BaseException:
        for final, was in zip(placed, existed, strict=False):
            if not was:
                with contextlib.suppress(OSError):
                    final.unlink()
        raise
    finally:
        for tmp in temps:
            with contextlib.suppress(OSError):
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
                "output.failed", str(target), "output.stream.hint", {"error": os_error(exc)}
            ) from None
        return
    with atomic_path(target, inputs=inputs) as tmp:
        tmp.write_bytes(data)


def print_time() -> datetime:
    """When a document is printed: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set, so that
    the same input gives byte-identical files (reproducible builds); else now. Naive UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def make_folder(folder: Path) -> None:
    """Create `folder` and its parents if needed; a failure is a located error with a hint."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _failed(folder, exc) from None


def write_folder(folder: Path, files: dict[str, bytes], *, inputs: Inputs = NO_INPUTS) -> None:
    """Write `files` (name -> content) into `folder` (created when missing), all or none: every
    file is written to a temporary name first, and only when all are complete are they renamed
    into place. Refused when `folder` is one of the folders read (its spreadsheets would be read
    as OPD workbooks next time) or is a file."""
    if folder.exists() and not folder.is_dir():
        raise KlaError("output.not_dir", str(folder), "output.not_dir.hint")
    if _resolved(frozenset({folder})) & _resolved(inputs.folders):
        raise KlaError("output.in_input_folder", str(folder), "output.in_input_folder.hint")
    make_folder(folder)
    import tempfile

    written: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            target = folder / name
            fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
            written.append((Path(tmp_name), target))
        for tmp, target in written:
            os.chmod(tmp, _mode_for(target))
            os.replace(tmp, target)
    except OSError as exc:
        raise _failed(folder, exc) from None
    finally:
        for tmp, _ in written:
            tmp.unlink(missing_ok=True)
