"""kla's cache on disk: where it is, and entries that are written atomically and never trusted
blindly.

Three things are kept (each by its own module, which decides what an entry holds and what it
is keyed by): the validated rubric as plain data (`io/rubric_cache`), `kla batch`'s region
results (`batch_cache`), and the last assessment of a region `kla score` or `kla gap` was run on
(`region_memo`). The cache only ever saves time: an entry that is missing, unreadable,
truncated, corrupt or from another kla is a miss, and a cache folder that cannot be written to is
left alone; neither ever changes a result or fails a command.

The folder: `$KLA_CACHE_DIR` when set, else `$XDG_CACHE_HOME/kla`, else the platform's user
cache folder (`~/.cache/kla`; `%LOCALAPPDATA%\\kla\\cache` on Windows; `~/Library/Caches/kla` on
macOS). An entry is one file: a first line `kla-cache <BLAKE2b hash of the payload>`, then the
payload; reading checks the hash before the payload is used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MAGIC = b"kla-cache "


def default_cache_dir() -> Path:
    """The user's cache folder for kla (see the module's docstring)."""
    own = os.environ.get("KLA_CACHE_DIR")
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "kla"
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        root = Path(base) if base else Path.home() / "AppData" / "Local"
        return root / "kla" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kla"
    return Path.home() / ".cache" / "kla"


try:  # CPython's own BLAKE2: hashlib would first load OpenSSL, 5 ms of every command's start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


def digest(*parts: bytes) -> str:
    """A hex key for `parts` (BLAKE2b, 256 bits). The keys and entries here are small (a
    rubric, a batch's key parts and its results); a workbook's own content hash is git's blob
    id (`batch_cache`)."""
    h = blake2b(digest_size=32)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))  # so that ("ab", "c") != ("a", "bc")
        h.update(part)
    return h.hexdigest()


def read_entry(path: Path) -> bytes | None:
    """The payload stored at `path`, or None when there is none or it does not check out."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, newline, payload = data.partition(b"\n")
    if not newline or not head.startswith(MAGIC):
        return None
    if head[len(MAGIC) :].decode("ascii", "replace") != digest(payload):
        return None
    return payload


def write_entry(path: Path, payload: bytes) -> bool:
    """Store `payload` at `path` atomically (a reader sees the old entry or the new one, never
    half of one); False when the cache cannot be written (nothing else happens)."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + digest(payload).encode("ascii") + b"\n" + payload)
        os.replace(tmp, path)
    except OSError:
        return False
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return True
