"""What git already knows about a folder's files: the blob id of each tracked file that is
unchanged in the worktree, so that `batch_cache` need not read and hash it.

A blob id is git's content hash of a file: SHA-1 (or SHA-256 in a repository made with
`--object-format=sha256`) of `b"blob <size>\\0"` followed by the bytes. `blob_id` computes it
the same way, so a hash git gave and one kla computed are equal for equal bytes.

`unchanged_blobs(folder)` runs one `git -C FOLDER ls-files -z -v -s -c -m` (`ask(folder)` starts
it in the background and `Question.answer()` waits for it): every tracked file
under FOLDER with its tag, mode, blob id and stage, and again (tag `C`) those that differ from
the index in the worktree. Git decides that with its own check: a file whose `stat` matches the
one the index recorded is unchanged, any other (and any "racily clean" one, changed within the
index's timestamp) is read and compared. That is the rule `batch_cache` applies to its own
memory; core.checkStat, core.trustctime and core.fsmonitor are set so that git applies it in
full (`stat` every file, change time and inode included, no file-system monitor answering for
it). Not vouched for, so read and hashed by kla: files git does not check (assume-unchanged,
lowercase tag; skip-worktree, `S`), modified ones (`C`), unmerged ones (stage 1-3), symbolic
links and submodules (the blob would be the link's target, not the workbook), untracked files.

Never an error: without git, outside a repository, in a bare one, with git failing, taking
longer than TIMEOUT or answering in an unexpected shape, the answer is empty (kla hashes every
file). Git's index is only read: GIT_OPTIONAL_LOCKS=0, and `ls-files` never writes it.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path
from typing import IO

TIMEOUT = 10.0
"""Seconds git may take (it reads and compares the files it cannot vouch for by `stat`)."""

COMMAND = (
    "-c",
    "core.checkStat=default",
    "-c",
    "core.trustctime=true",
    "-c",
    "core.fsmonitor=false",
    "ls-files",
    "-z",
    "-v",  # the tag, lowercase when assume-unchanged
    "-s",  # mode, blob id, stage
    "-c",
    "-m",  # again, tagged C, when the worktree file differs from the index
)

REDIRECTS = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_COMMON_DIR",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_PREFIX",
)
"""Variables (set e.g. in a git hook) that would make git answer for another repository or
index than the one FOLDER is in."""

_FILE_MODES = ("100644", "100755")
_ALGORITHMS = {40: "sha1", 64: "sha256"}
_RECORD = re.compile(r"(?:^|(?<=\0))(.) ([0-7]{6}) ([0-9a-f]{64}|[0-9a-f]{40}) ([0-3])\t([^\0]+)\0")
"""One record of `ls-files -z -s -v`, from a record's start to its end (so that every record
found is a whole one)."""


def blob_id(data: bytes, algorithm: str = "sha1") -> str:
    """Git's blob id of `data` (`git hash-object`), in a repository of `algorithm`."""
    import hashlib  # OpenSSL: loaded only when a workbook must be read and hashed

    h = hashlib.new(algorithm)
    h.update(b"blob %d\0" % len(data))
    h.update(data)
    return h.hexdigest()


def algorithm_of(blob: str) -> str:
    """The hash of a blob id, by its length (sha1: 40 hex digits, sha256: 64)."""
    return _ALGORITHMS[len(blob)]


def unchanged_blobs(folder: Path, timeout: float = TIMEOUT) -> dict[str, str]:
    """Path -> blob id of the tracked files under `folder` that git vouches are unchanged in
    the worktree; a path is spelt as `str(folder / relative_path)` (so `folder` as given,
    relative or not). Empty when git cannot tell (see the module's docstring)."""
    return ask(folder, timeout).answer()


class Question:
    """`unchanged_blobs(folder)` asked now and answered later: git runs in the background (on
    another core) while the caller goes on, e.g. stat'ing the workbooks itself. Git writes its
    answer (a megabyte for a country) to a temporary file, not a pipe: through a pipe it would
    wait at every 64 KB for this process to read, which a busy interpreter does every few
    milliseconds only (a thread reading it waits for the interpreter's lock)."""

    def __init__(
        self,
        folder: Path,
        process: subprocess.Popen[bytes] | None,
        out: IO[bytes] | None,
        timeout: float,
    ) -> None:
        self._folder = folder
        self._process = process
        self._out = out
        self._deadline = time.monotonic() + timeout
        self._answer: dict[str, str] | None = None

    def answer(self) -> dict[str, str]:
        """Git's answer (waited for, until the question's timeout); empty when it cannot tell."""
        if self._answer is None:
            process, out, self._process, self._out = self._process, self._out, None, None
            try:
                self._answer = _waited(process, out, self._deadline, str(self._folder))
            finally:
                if out is not None:
                    out.close()
        return self._answer

    def close(self) -> None:
        """Stop git if still unanswered (its answer no longer wanted) and close its file."""
        process, out, self._process, self._out = self._process, self._out, None, None
        if process is not None and process.poll() is None:
            process.kill()
        if process is not None:
            process.wait()
        if out is not None:
            out.close()


def _waited(
    process: subprocess.Popen[bytes] | None, out: IO[bytes] | None, deadline: float, folder: str
) -> dict[str, str]:
    if process is None or out is None:
        return {}
    try:
        code = process.wait(max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:  # git took too long: stopped, and no answer
        process.kill()
        process.wait()
        return {}
    if code != 0:
        return {}
    try:
        out.seek(0)
        return _parse(out.read(), folder)
    except (OSError, ValueError):
        return {}


def ask(folder: Path, timeout: float = TIMEOUT) -> Question:
    """Start `git ls-files` for `folder` (see `unchanged_blobs`); `Question.answer` waits."""
    import tempfile  # imported by the cache's writes anyway, once git is asked

    env = {k: v for k, v in os.environ.items() if k not in REDIRECTS}
    env["GIT_OPTIONAL_LOCKS"] = "0"
    out: IO[bytes] | None = None
    process = None
    try:
        out = tempfile.TemporaryFile()  # noqa: SIM115 - the question closes it, once answered
        process = subprocess.Popen(
            ["git", "-C", str(folder), *COMMAND],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.DEVNULL,
            env=env,
        )
    except (OSError, subprocess.SubprocessError, ValueError):
        if out is not None:
            out.close()
        out = None
    return Question(folder, process, out, timeout)


def _parse(out: bytes, folder: str) -> dict[str, str]:
    """The vouched files of `ls-files -z -v -s -c -m` output; empty when a record is not in
    the expected `TAG MODE ID STAGE<TAB>PATH` shape (then nothing is trusted)."""
    text = os.fsdecode(out)  # as `os.scandir` spells the names
    records = _RECORD.findall(text)
    if len(records) != text.count("\0"):
        return {}
    good: dict[str, str] = {}
    bad: set[str] = set()
    for tag, mode, oid, stage, path in records:
        if tag == "H" and stage == "0" and mode in _FILE_MODES:
            good[path] = oid
        else:
            bad.add(path)
    prefix = "" if folder in (".", "") else folder.removesuffix(os.sep) + os.sep
    if os.sep != "/":
        return {prefix + p.replace("/", os.sep): o for p, o in good.items() if p not in bad}
    return {prefix + p: o for p, o in good.items() if p not in bad}
