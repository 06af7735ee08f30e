"""`kla batch`'s memory between runs: a region whose workbooks did not change is not read again.

CI runs the same national batch on every push, and most forms did not change. Each region's
result is kept under a key made of everything it depends on: kla's version, the rubric's content
hash, the output language (a result's lines are worded in it), `--columns`, the region's name
(and whether a manifest gave it), path and target, the names of its workbooks and each one's
size and content hash: its git blob id (`io/git_blobs`: SHA-1 of `blob <size>\0` and the bytes,
or SHA-256 in a SHA-256 repository), not its modification time, which a CI checkout resets. A
region whose key is in the cache takes its result from there; the others are scored as always,
and the cache is rewritten with this run's entries only. Regions that could not be read are
never kept (they are tried again).

Reading and hashing every workbook is then most of an unchanged re-run (145 MB for a country).
Two memories spare it, cheapest first:

1. Each region's workbooks as found (their names and `stat`s: device, inode, size,
   modification and change times), hashed together, are remembered with the hash of their
   contents (`_Listing`): a region whose workbooks all have the `stat` they had is not hashed
   again. That is git's rule for its index, kept per region rather than per file: a changed
   region is scored again, which reads all its forms anyway, and a country's memory is 514
   entries, not 10 280 (decoding and rewriting a per-file memory was a fifth of a re-run). The
   change time (ctime) cannot be set back by any program, so a file rewritten with its old
   modification time is still seen; a region one of whose files changed in the last two
   seconds before it was hashed is not remembered (a second change within the clock's step
   would not show). An unchanged re-run in the same checkout is one `stat` per workbook, one
   hash per region and no subprocess. Not on Windows (`TRUSTS_STAT`), where `st_ctime` is
   the file's creation time: a form rewritten in place at its old size and modification time
   (a copy tool that keeps times) would keep its `stat`, so every region there is hashed.
2. A fresh CI checkout has new `stat`s everywhere, but it is a git checkout, and git's index
   already holds every tracked file's blob id and the `stat` git wrote it with. When a region
   misses the memory, git is asked once for the whole ROOT (`git ls-files`, see `io/git_blobs`):
   a file git vouches for takes its blob id without being read. Git is asked in the background
   (`prepare`, before any region's key): it checks the worktree on another core while kla
   stats the workbooks itself, instead of before (a country's fresh clone: 50-100 ms). Git's
   answer is its own check, at the moment it looks at each file: a `stat` equal to the
   index's, else the bytes compared. Kla's `stat` of a file may come after that moment, so
   git's word is taken only for a file whose last change (modification or change time) is
   older than the moment git was asked by more than the racy window: a form saved while git
   runs (or just before, within the clock's step) is read and hashed by kla, so that the blob
   id and the size in the key are of the same bytes. What git does not check or cannot vouch
   for is excluded there (assume-
   unchanged and skip-worktree entries, modified, unmerged, symbolic links, untracked files).
   The size in the key is the worktree file's: a blob whose bytes differ from the file's (Git
   LFS keeps a pointer; `text`/`eol` attributes convert line ends) has another size, so the
   file's key is never that of a file holding the blob's own bytes (a checkout without LFS).
   Any other workbook of such a region is read and its blob id computed by kla, in the
   repository's object format (SHA-1 outside git, or when git has no tracked file under ROOT
   to tell it), so that the key is the same whether git told it or kla computed it.

A region is keyed before it is scored; its result is kept only if its workbooks still have
the `stat`s they were keyed with once it has been scored (`put`), so that a form saved during
the run is not kept under the key of its old bytes.

One result depends on more than the bytes: when an OPD's form came twice and the copies carry
no saved time of their own (or the same one), the newer *file* is read (`core.intake`), so
touching the older copy changes the region's score. Such a result keeps the modification times
of those copies (`RegionResult.file_times`) and is used only while the files still have them;
in a fresh CI checkout, which resets every time, such a region is scored again.

Never kept: a region one of whose workbooks could not be opened, or was read as memory ran out
(`RegionResult.unsettled`, `workbook.books.may_pass`: a form held open by Excel on Windows is
readable again once closed, though its hash, from the `stat` memory or git, came without
opening it); a region whose folder holds a YAML file
(`workbook_paths` then reads it, and the subfolders, to refuse a province given as a region:
neither is in the key); and one with a "workbook" that is not a plain file (a named pipe would
block the hash).

Not ruled out: a clean filter of one's own that changes a workbook's bytes but not its size
(none is known for workbooks), and a deliberately made SHA-1 collision, two crafted files with
one blob id (git's SHA-1 detects those; kla's own, outside git, does not). Nor is a reading
library upgraded under the same kla (python-calamine, openpyxl): their versions are not in the
key, since asking for them (`importlib.metadata`) would cost a cached re-run a quarter of its
time; `--no-cache` once, or a new kla, scores everything anew.

The entries of one batch ROOT live in one file of kla's cache folder (`io/cache`: hash-checked,
written atomically), or of `--cache-dir DIR`, a folder CI can keep between runs.
"""

import json
import os
import stat
import struct
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from kla_cli import __version__
from kla_cli.core.ranking import RegionResult
from kla_cli.io.cache import default_cache_dir, digest, read_entry, write_entry
from kla_cli.io.git_blobs import Question, algorithm_of, ask, blob_id

if TYPE_CHECKING:
    from kla_cli.io.manifest import RegionSpec

FORMAT = b"batch-8"
"""Raised whenever a result record changes, or kla reads a form differently under the same
version (`batch-6`: yes/no number cells, `X`, `No` beside `Kode`, formulas computed to "", a
choice's letter against its text; `batch-7`: a checklist's letter against its text, memory that
ran out never kept; `batch-8`: the memory kept per region), so that no result kept by older code
is used."""
_FIELDS = RegionResult._fields
"""A result is kept as its fields by name; a change of the record is a change of every key."""
RACY_NS = 2_000_000_000
"""A file changed this recently (in nanoseconds) before it was hashed is not remembered, nor
taken on git's word if it changed this recently before git was asked."""
TRUSTS_STAT = sys.platform != "win32"
"""Whether a region whose workbooks kept their `stat`s is taken as unchanged: not on Windows,
where `st_ctime` is the creation time, not the last change's (see the module's docstring)."""


class _Listing(NamedTuple):
    """A region's workbooks as found now: what its key is made of."""

    files: list[tuple[str, str, os.stat_result]]
    """Each workbook's name, path and `stat`, in the order `read_region` reads them."""
    stamp: str
    """The names and `stat`s hashed together: the memory's key."""
    recalled: str | None
    """The hash of the contents remembered for `stamp`, if any."""


class ResultCache:
    """The cached results of the batch of one ROOT, looked up and filled in one run."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        folder = folder if folder is not None else default_cache_dir()
        self._root = root
        self._git: dict[str, str] | None = None
        """The blob ids git vouches for under ROOT, asked at the first memory miss."""
        self._asked: Question | None = None
        """Git, asked in the background by `prepare`."""
        self._asked_at = 0
        """When git was asked (`time.time_ns()`): a file changed since, within the racy window,
        is not taken on its word."""
        self._listed: dict[str, _Listing | None] = {}
        """A region's path -> its workbooks, or None (no key), from `prepare` (taken once)."""
        self._algorithm = "sha1"
        where = str(root.absolute()).encode("utf-8", "surrogateescape")  # a name not UTF-8 too
        self.file = folder / f"batch-{digest(FORMAT, where)}.json"
        self.hits = 0
        self._old: dict[str, dict[str, Any]] = {}
        self._new: dict[str, dict[str, Any]] = {}
        self._old_regions: dict[str, list[str]] = {}
        """A region's path -> the stamp of its workbooks and the hash of their contents, from
        the last run."""
        self._new_regions: dict[str, list[str]] = {}
        self._keys: dict[str, list[tuple[RegionSpec, str, str]]] = {}
        """A region's path -> the regions of this run at that path (a manifest may name one
        folder twice), their keys and the stamps of the workbooks they were keyed with."""
        self._context = b""
        payload = read_entry(self.file)
        if payload is not None:
            try:
                loaded = json.loads(payload)
            except ValueError:
                loaded = None
            if isinstance(loaded, dict):
                results, regions = loaded.get("results"), loaded.get("regions")
                self._old = results if isinstance(results, dict) else {}
                self._old_regions = _remembered(regions)

    def begin(self, rubric_hash: str, lang: str, columns: Mapping[str, int] | None) -> None:
        """What every region's key shares: kla, the rubric, the language, `--columns`."""
        shared = [FORMAT, __version__, rubric_hash, lang, sorted((columns or {}).items())]
        self._context = json.dumps([str(part) for part in shared] + list(_FIELDS)).encode()

    def prepare(self, specs: "Iterable[RegionSpec]") -> None:
        """List and `stat` the workbooks of `specs` now, and ask git in the background at the
        first region the memory does not know, so that git checks the worktree while the rest
        are stat'ed. Whatever fails here is done again, and reported, by `get`."""
        for spec in specs:
            where = str(spec.path)
            if where in self._listed:
                continue
            try:
                self._listed[where] = listing = self._listing(spec)
            except OSError:
                continue
            if (
                listing is not None
                and listing.recalled is None
                and self._asked is None
                and self._git is None
            ):
                self._asked = self._ask()

    def get(self, spec: "RegionSpec") -> RegionResult | None:
        """The region's kept result, or None (then `put` keeps the one made now)."""
        keyed = self._key(spec)
        if keyed is None:
            return None
        key, stamp = keyed
        # a result is named from its forms: found by its path (and target, and a manifest's name)
        self._keys.setdefault(str(spec.path), []).append((spec, key, stamp))
        data = self._old.get(key)
        if not isinstance(data, dict):
            return None
        try:
            times = tuple((path, when) for path, when in data["file_times"])
            result = RegionResult(
                **{**data, "messages": tuple(data["messages"]), "file_times": times}
            )
        except (TypeError, KeyError, ValueError):
            return None
        if not all(_modified(path) == when for path, when in times):
            return None  # a re-sent copy chosen by its file's time: touched since
        self.hits += 1
        self._new[key] = data
        return result

    def put(self, result: RegionResult) -> None:
        """Keep a result just made, under the key its region had before it was scored, if its
        workbooks still have the `stat`s of then (a form saved meanwhile: not kept)."""
        keyed = {
            (key, stamp): spec
            for spec, key, stamp in self._keys.get(result.path, ())
            if spec.target == result.target and (not spec.named or spec.name == result.name)
        }
        if len(keyed) != 1 or result.problem is not None or result.unsettled:
            return  # never a result under another's key
        (((key, stamp), spec),) = keyed.items()
        try:
            now = self._listing(spec)
        except OSError:
            return
        if now is not None and now.stamp == stamp:
            data = {name: getattr(result, name) for name in _FIELDS}
            self._new[key] = {
                **data,
                "messages": list(result.messages),
                "file_times": [list(pair) for pair in result.file_times],
            }

    def save(self) -> bool:
        """Write this run's entries (and only those); False when the cache cannot be written.
        An unchanged cache is not written again."""
        if self._new == self._old and self._new_regions == self._old_regions:
            return True
        entry = {"results": self._new, "regions": self._new_regions}
        # ASCII: a name that is not UTF-8 (a lone surrogate) is kept as its escape
        payload = json.dumps(entry, sort_keys=True).encode()
        return write_entry(self.file, payload)

    def _key(self, spec: "RegionSpec") -> tuple[str, str] | None:
        """The region's key and the stamp of its workbooks; None when they cannot all be read
        (then it is scored and says what is wrong)."""
        where = str(spec.path)
        try:
            listing = self._listed.pop(where) if where in self._listed else self._listing(spec)
            if listing is None:
                return None
            contents = listing.recalled
            if contents is None:
                contents = self._contents(where, listing)
            else:  # remembered again for the next run
                self._new_regions[where] = [listing.stamp, contents]
        except OSError:
            return None
        head = json.dumps([spec.name, spec.named, where, spec.target])
        key = digest(self._context, head.encode("utf-8", "surrogateescape"), contents.encode())
        return key, listing.stamp

    def _listing(self, spec: "RegionSpec") -> _Listing | None:
        """The workbooks `read_region` reads (the folder's, or the one file), with their
        `stat`s; None when the region has no key (a folder with a YAML file, which
        `workbook_paths` then reads with the subfolders; a "workbook" that is not a plain file,
        which the hash would wait on forever if it is a named pipe)."""
        from kla_cli.workbook.paths import MANIFEST_SUFFIXES, workbook_names

        where = str(spec.path)
        try:
            entries = os.listdir(where)
        except NotADirectoryError:
            named = [(spec.path.name, where)]
        else:
            if any(name.lower().endswith(MANIFEST_SUFFIXES) for name in entries):
                return None
            names = workbook_names(where, entries)
            named = [(name, f"{where}{os.sep}{name}") for name in names]
        files = [(name, path, os.stat(path)) for name, path in named]
        if not all(stat.S_ISREG(st.st_mode) for _, _, st in files):
            return None
        stamp = _stamp(where, files)
        old = self._new_regions.get(where) or self._old_regions.get(where)  # named twice: new
        same = TRUSTS_STAT and old is not None and old[0] == stamp
        return _Listing(files, stamp, old[1] if old is not None and same else None)

    def _contents(self, where: str, listing: _Listing) -> str:
        """The hash of the region's workbooks' names and contents (each one's blob id and
        size), as git vouches for them, else read and hashed (see the module's docstring);
        remembered with the listing's stamp unless a file changed while it was hashed or
        too recently to tell."""
        parts: list[bytes] = []
        settled = True
        for name, path, st in listing.files:
            hashed = self._vouched().get(path)
            changed = max(st.st_mtime_ns, st.st_ctime_ns)
            if hashed is not None and changed > self._asked_at - RACY_NS:
                hashed = None  # saved about when git looked: git may have seen the old bytes
            size = st.st_size
            if hashed is None:
                with open(path, "rb", buffering=0) as stream:
                    data = stream.readall()
                hashed, size = blob_id(data, self._algorithm), len(data)
            recent = time.time_ns() - changed <= RACY_NS
            settled = settled and size == st.st_size and not recent
            parts += [name.encode("utf-8", "surrogateescape"), f"{hashed} {size}".encode()]
        contents = digest(*parts)
        if settled:
            self._new_regions[where] = [listing.stamp, contents]
        return contents

    def _vouched(self) -> dict[str, str]:
        """What git vouches for under ROOT (asked once, by `prepare` or at the first region
        that needs it), and the object format kla hashes in from then on."""
        if self._git is None:
            asked, self._asked = self._asked, None
            self._git = (asked or self._ask()).answer()
            if self._git:  # the repository's object format, from any id git gave
                self._algorithm = algorithm_of(next(iter(self._git.values())))
        return self._git

    def close(self) -> None:
        """Git, asked by `prepare` and never needed (or the run interrupted), stopped."""
        asked, self._asked = self._asked, None
        if asked is not None:
            asked.close()

    def _ask(self) -> Question:
        self._asked_at = time.time_ns()
        return ask(self._git_folder())

    def _git_folder(self) -> Path:
        return self._root if self._root.is_dir() else self._root.parent


_STAT = struct.Struct("<QQQqq")
"""A `stat`'s device, inode, size, modification and change times (nanoseconds), packed."""


def _stamp(where: str, files: list[tuple[str, str, os.stat_result]]) -> str:
    """What the memory keeps of a region's workbooks: their names and `stat`s (device, inode,
    size, modification and change times), hashed together."""
    names = "\0".join(name for name, _, _ in files).encode("utf-8", "surrogateescape")
    stats = [(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns) for *_, st in files]
    try:
        packed = b"".join([_STAT.pack(*numbers) for numbers in stats])
    except struct.error:  # a number past 64 bits (Windows' ReFS has 128-bit file ids)
        packed = repr(stats).encode()
    return digest(where.encode("utf-8", "surrogateescape"), names, packed)


def _modified(path: object) -> float | None:
    """The file's modification time as `read_workbook` takes it; None when it cannot be had."""
    try:
        return os.stat(path).st_mtime if isinstance(path, str) else None
    except (OSError, ValueError):
        return None


def _remembered(regions: object) -> dict[str, list[str]]:
    """The remembered regions of a cache entry that have the expected shape."""
    if not isinstance(regions, dict):
        return {}
    return {
        where: entry
        for where, entry in regions.items()
        if isinstance(entry, list) and len(entry) == 2 and all(isinstance(e, str) for e in entry)
    }
