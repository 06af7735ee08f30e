"""A region's assessment kept between commands: `kla score` run again, or `kla gap` after it, on
workbooks that did not change takes the scores and the findings from kla's cache instead of
reading and assessing every form again. In the run layer, beside `batch_cache`: it finds a
region's workbooks as `workbook.paths` does.

A secretariat runs `kla score` and `kla gap` dozens of times a day, mostly on forms that did not
change since the last run. Reading twenty forms is most of such a run; what the commands show
of the result (`Assessed`: the scores, the findings, what was read) is small.

The entry is kept under a key of everything the assessment depends on: kla's version and the
stamps (size, modification time) of its modules (an edited checkout is a new kla) and of the
reading libraries (python-calamine, openpyxl, odfpy), the language (a few findings are worded as
a file is read), the rubric's files (their bytes), `--columns`, whether the files are checked as
a region, the paths as given (findings name files by them) and, for each workbook read there,
its name, size, modification time (which copy of a form sent twice is read may depend on it,
`core.intake`) and content hash. Anything that cannot be stamped (a path that is not there, a
folder kla refuses, a "workbook" that is not a plain file) means no memo: the command reads as
always, and says what is wrong.

What is kept is exactly what was computed from the files the key describes: the key is worked
out again once they have been read, and the entry is written only if it is unchanged (a form
that arrived, left or changed during the read is read again next time); the codec writes every
value by its exact type and refuses one it cannot give back as it was (`io/record_codec`). A
region with a failure a later run may not repeat (`workbook.books.may_pass`: a form held open by
Excel, memory that ran out) is never kept. Entries are JSON naming only kla's own record
classes (never pickle), one per place a command was run on (the paths, the language and the
way they are checked), hash-checked and written atomically (`io/cache`); a miss, a damaged entry
or a cache that cannot be written only costs time. `--no-cache` skips the memo.

Not in the key: a file changed during the read and changed back to the same bytes, size and
modification time before the key is worked out again.
"""

import functools
import json
import os
import stat
from collections.abc import Callable, Mapping, Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

import kla_cli
from kla_cli import __version__
from kla_cli.core.answer_types import Nilai
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.places import Coverage
from kla_cli.core.rubric_leaves import AnswerType, Respondent, Text, Tier
from kla_cli.core.scoring import GroupScore, IndicatorScore, ItemScore, Response, ScoreResult
from kla_cli.errors import KlaError
from kla_cli.i18n.messages import active_lang
from kla_cli.io.cache import default_cache_dir, digest, read_entry, write_entry
from kla_cli.io.record_codec import Codec

FORMAT = b"memo-2"
"""Raised when what an entry holds changes in a way the codec's shape does not show."""
READERS = ("python_calamine", "openpyxl", "odf")


class FileRead(NamedTuple):
    """One workbook read: what `-v` says of it."""

    file: str
    opd: str | None
    rows: int
    answers: int
    findings: int


class Assessed(NamedTuple):
    """What the commands show of an assessed region."""

    result: ScoreResult
    findings: list[Finding]
    blocking: list[Finding]
    """Errors that make the score untrustworthy (`core.validate.Validation.blocking`)."""
    files: tuple[FileRead, ...]
    tiers: tuple[Tier, ...]
    """The rubric's predikat bands: all `kla score` needs of the rubric when the memo answers."""


CODEC = Codec(
    [
        *(Assessed, FileRead, ScoreResult, GroupScore, IndicatorScore, ItemScore, Response),
        *(Text, Tier, Finding, Severity, AnswerType, Respondent, Nilai, Coverage),
    ]
)
"""The records an entry holds, and their parts."""


class Slot:
    """The memo of one place (the paths, the rubric given, the language, and how the paths are
    checked): its entry, looked up and written under the key the files have now."""

    def __init__(self, file: Path, stamp: Callable[[Sequence[Path]], str | None]) -> None:
        self.file = file
        self._stamp = stamp
        """The key, given the rubric's files (the one given and those it `extends`)."""
        self._before: tuple[str | None, Sequence[Path]] = (None, ())
        """The key before the read, and the rubric files it was worked out with."""

    def get(self) -> tuple[Assessed, tuple[Path, ...]] | None:
        """The kept assessment and the rubric files it was made with, when none of the files
        the key covers changed since."""
        payload = read_entry(self.file)
        if payload is None:
            return None
        key, _, rest = payload.partition(b"\n")
        named, _, body = rest.partition(b"\n")
        try:
            rubric_files = tuple(Path(name) for name in json.loads(named))
            self._before = (self._stamp(rubric_files), rubric_files)
            if key.decode("ascii") != self._before[0]:
                return None
            value = CODEC.decode(body)
        except (ValueError, TypeError, KeyError, IndexError, RecursionError):  # not kla's entry
            return None
        return (value, rubric_files) if isinstance(value, Assessed) else None

    def begin(self, rubric_files: Sequence[Path]) -> None:
        """The key before the workbooks are read (`keep` compares it with the key after); the
        one `get` worked out is used again when it was for the same rubric files."""
        if tuple(self._before[1]) != tuple(rubric_files):
            self._before = (self._stamp(rubric_files), rubric_files)

    def keep(self, assessed: Assessed) -> bool:
        """Write `assessed` as this key's entry, when it may be kept: no failure a later run
        may not repeat, the codec can keep every value exactly, and no workbook (nor the
        rubric) changed, came or went while they were read (since `begin`)."""
        from kla_cli.workbook.books import may_pass

        key, rubric_files = self._before
        if key is None or any(may_pass(f) for f in assessed.findings):
            return False
        try:
            body = CODEC.encode(assessed)
        except (ValueError, TypeError):  # a value the codec cannot keep exactly
            return False
        if self._stamp(rubric_files) != key:
            return False
        named = json.dumps([str(file) for file in rubric_files])  # ASCII: any name
        payload = f"{key}\n{named}\n{body}".encode("ascii")
        return write_entry(self.file, payload)


def slot(
    paths: Sequence[Path],
    rubric: Path,
    columns: Mapping[str, int] | None,
    whole_region: bool | None,
    folder: Path | None = None,
) -> Slot:
    """The memo for reading `paths` with the rubric of `rubric` (the file given, or the
    default). `whole_region`: True (checked as a region), None (as
    `core.intake.checked_as_region` decides from the forms)."""
    lang = active_lang()  # a few findings are worded as the file is read
    shared = [FORMAT, __version__.encode(), CODEC.shape().encode(), lang.encode()]
    shared += [repr((sorted((columns or {}).items()), whole_region)).encode()]

    def stamp(rubric_files: Sequence[Path]) -> str | None:
        """The key; None when a file cannot be stamped (then nothing is looked up or kept)."""
        from kla_cli.workbook.paths import workbook_paths

        try:
            parts = [*shared, _code_stamp()]
            parts += [_content(file) for file in rubric_files]
            parts += [os.fsencode(str(path)) for path in paths]
            for file in workbook_paths(paths):
                parts += [os.fsencode(str(file)), _content(file)]
        except (OSError, KlaError):
            return None
        return digest(*parts)

    given = [os.fsencode(str(rubric)), os.fsencode(os.path.abspath(rubric))]
    place = [lang.encode(), repr(whole_region).encode(), *given]
    place += [os.fsencode(os.path.abspath(p)) for p in paths]
    where = folder if folder is not None else default_cache_dir()
    return Slot(where / f"memo-{digest(FORMAT, *place)}.json", stamp)


NO_WAIT = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
"""Opening a named pipe does not wait for a writer (a plain file reads as always)."""


def _content(file: Path) -> bytes:
    """A plain file's size, modification time and content hash; OSError for anything else."""
    with open(os.open(file, NO_WAIT), "rb") as stream:
        st = os.fstat(stream.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"not a plain file: {file}")
        return f"{st.st_size}:{st.st_mtime_ns}:".encode() + digest(stream.read()).encode()


@functools.cache  # the code does not change while it runs
def _code_stamp() -> bytes:
    """The size and modification time of every module of kla and of the reading libraries:
    changed code is a new key even under the same version (an edited checkout)."""
    found: list[str] = []
    _stamp_modules(os.path.dirname(kla_cli.__file__), found)
    for reader in READERS:
        spec = find_spec(reader)
        found.append(_stamp(spec.origin) if spec and spec.origin else f"{reader}: none")
    return "\n".join(found).encode("utf-8", "surrogateescape")


def _stamp_modules(folder: str, found: list[str]) -> None:
    """The stamps of the modules in `folder` and its subfolders, by name (one `scandir` a
    folder: `os.walk` and then a `stat` by path took twice as long, 2,5 ms of every command)."""
    with os.scandir(folder) as entries:
        listed = sorted(entries, key=lambda entry: entry.name)
    for entry in listed:
        if entry.name.endswith(".py"):
            found.append(_stamp(entry.path, entry.stat()))
        elif entry.name != "__pycache__" and entry.is_dir(follow_symlinks=False):
            _stamp_modules(entry.path, found)


def _stamp(path: str, st: os.stat_result | None = None) -> str:
    st = st or os.stat(path)
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"
