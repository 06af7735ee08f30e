"""`io/git_blobs`: kla's blob ids are git's, and git vouches only for the tracked files it
checked and found unchanged; anything else (no git, no repository, a failure) is an empty
answer, never an error."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from kla_cli.io import git_blobs
from kla_cli.io.git_blobs import algorithm_of, blob_id, unchanged_blobs

from ..conftest import EXAMPLE

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(autouse=True)
def _plain_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Git in the tests (the tests' and kla's) without the user's or the system's config."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def git(where: Path, *args: str, stdin: bytes | None = None) -> str:
    """Run git in `where` (a test's own repository) and return its output."""
    done = subprocess.run(
        ["git", "-c", "user.name=kla", "-c", "user.email=kla@example.invalid", *args],
        cwd=where,
        input=stdin,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode()


def committed(folder: Path, *init: str) -> Path:
    """`folder` made a git repository with all its files committed."""
    git(folder, "init", "-q", *init)
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "forms")
    return folder


@needs_git
@pytest.mark.parametrize("data", [b"", b"PK\x03\x04\x14\x00 a zip\0\r\n", None])
def test_blob_id_is_gits(tmp_path: Path, data: bytes | None) -> None:
    if data is None:
        data = next(EXAMPLE.glob("*.xlsx")).read_bytes()
    (tmp_path / "f").write_bytes(data)
    assert blob_id(data) == git(tmp_path, "hash-object", "f").strip()


@needs_git
def test_blob_id_in_a_sha256_repository(tmp_path: Path) -> None:
    try:
        git(tmp_path, "init", "-q", "--object-format=sha256")
    except subprocess.CalledProcessError:
        pytest.skip("this git cannot make a SHA-256 repository")
    data = b"PK\x03\x04 some workbook\0"
    (tmp_path / "f.xlsx").write_bytes(data)
    git(tmp_path, "add", "f.xlsx")
    (blob,) = unchanged_blobs(tmp_path).values()
    assert algorithm_of(blob) == "sha256"
    assert blob == blob_id(data, "sha256") == git(tmp_path, "hash-object", "f.xlsx").strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose folder `provinsi/kota-a` holds workbooks in every state git knows."""
    top = tmp_path / "repo"
    region = top / "provinsi" / "kota-a"
    region.mkdir(parents=True)
    for name in ("clean", "modified", "same-size", "assumed", "skipped", "conflict"):
        (region / f"{name}.xlsx").write_bytes(f"PK {name}\0".encode())
    (region / "link.xlsx").symlink_to("clean.xlsx")
    committed(top)
    (region / "modified.xlsx").write_bytes(b"PK modified, and longer\0")
    same = region / "same-size.xlsx"
    before = same.stat()
    same.write_bytes(b"PK SAME-SIZE\0")
    os.utime(same, ns=(before.st_atime_ns, before.st_mtime_ns))  # size and mtime as before
    git(top, "update-index", "--assume-unchanged", "provinsi/kota-a/assumed.xlsx")
    (region / "assumed.xlsx").write_bytes(b"PK ASSUMED\0")
    git(top, "update-index", "--skip-worktree", "provinsi/kota-a/skipped.xlsx")
    (region / "skipped.xlsx").write_bytes(b"PK SKIPPED\0")
    oid = blob_id(b"PK conflict\0")
    stages = "".join(f"100644 {oid} {n}\tprovinsi/kota-a/conflict.xlsx\n" for n in (1, 2, 3))
    git(top, "update-index", "--force-remove", "provinsi/kota-a/conflict.xlsx")
    git(top, "update-index", "--index-info", stdin=stages.encode())
    (region / "untracked.xlsx").write_bytes(b"PK untracked\0")
    (region / "added.xlsx").write_bytes(b"PK intent to add\0")
    git(top, "add", "-N", "provinsi/kota-a/added.xlsx")
    return top


@needs_git
def test_only_clean_tracked_files_are_vouched_for(repo: Path) -> None:
    root = repo / "provinsi"
    clean = root / "kota-a" / "clean.xlsx"
    assert git(repo, "ls-files", "--stage", "provinsi/kota-a/conflict.xlsx").count("\n") == 3
    assert unchanged_blobs(root) == {str(clean): blob_id(clean.read_bytes())}


@needs_git
def test_paths_are_spelt_as_batch_cache_spells_them(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = blob_id(b"PK clean\0")
    monkeypatch.chdir(repo)
    assert unchanged_blobs(Path("provinsi")) == {
        f"provinsi{os.sep}kota-a{os.sep}clean.xlsx": expected
    }
    monkeypatch.chdir(repo / "provinsi")
    assert unchanged_blobs(Path(".")) == {f"kota-a{os.sep}clean.xlsx": expected}
    assert unchanged_blobs(Path("kota-a")) == {f"kota-a{os.sep}clean.xlsx": expected}
    (repo.parent / "alias").symlink_to(repo / "provinsi")  # ROOT reached through a link
    alias = repo.parent / "alias"
    assert unchanged_blobs(alias) == {str(alias / "kota-a" / "clean.xlsx"): expected}


@needs_git
def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"dinas-\xff.xlsx")
    (tmp_path / name).write_bytes(b"PK latin-1\0")
    committed(tmp_path)
    assert unchanged_blobs(tmp_path) == {str(tmp_path / name): blob_id(b"PK latin-1\0")}


@needs_git
def test_no_answer_outside_a_worktree(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.xlsx").write_bytes(b"PK")
    assert unchanged_blobs(plain) == {}
    committed(plain)
    git(tmp_path, "clone", "-q", "--bare", "plain", "bare.git")
    assert unchanged_blobs(tmp_path / "bare.git") == {}
    assert unchanged_blobs(plain / ".git") == {}
    assert unchanged_blobs(tmp_path / "missing") == {}


@needs_git
def test_a_git_variable_does_not_redirect_it(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = repo.parent / "other"
    other.mkdir()
    (other / "elsewhere.xlsx").write_bytes(b"PK elsewhere")
    committed(other)
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))  # as a git hook would have it
    monkeypatch.setenv("GIT_INDEX_FILE", str(other / ".git" / "index"))
    assert list(unchanged_blobs(repo / "provinsi")) == [
        str(repo / "provinsi" / "kota-a" / "clean.xlsx")
    ]


def test_no_git_on_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert unchanged_blobs(tmp_path) == {}


@pytest.mark.parametrize("error", [PermissionError("git"), OSError("E2BIG"), ValueError("env")])
def test_git_not_starting_is_no_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def failing(*args: object, **kwargs: object) -> object:
        raise error

    monkeypatch.setattr(subprocess, "Popen", failing)
    assert unchanged_blobs(tmp_path) == {}


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for git")
@pytest.mark.parametrize("script", ["exit 1", "exec SLEEP 30", "printf 'H 100644 x 0\\tzz\\0'"])
def test_git_failing_or_hanging_is_no_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    sleep = shutil.which("sleep") or "/bin/sleep"
    fake.write_text(f"#!/bin/sh\n{script.replace('SLEEP', sleep)}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    assert unchanged_blobs(tmp_path, timeout=0.5) == {}


@pytest.mark.parametrize(
    "out",
    [
        b"H 100644 " + b"a" * 40 + b" 0 a.xlsx\0",  # no tab
        b"H 100644 " + b"a" * 39 + b" 0\ta.xlsx\0",  # not an object id
        b"H 100644 " + b"g" * 40 + b" 0\ta.xlsx\0",
        b"H 100644 " + b"a" * 40 + b"\ta.xlsx\0",  # no stage
    ],
)
def test_an_unexpected_answer_is_no_answer(out: bytes) -> None:
    good = b"H 100644 " + b"b" * 40 + b" 0\tb.xlsx\0"
    assert git_blobs._parse(good, "r") == {f"r{os.sep}b.xlsx": "b" * 40}
    assert git_blobs._parse(good + out, "r") == {}


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for git")
def test_git_answers_in_the_background_without_waiting_to_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A country's answer is a megabyte: git writes all of it while the question waits to be
    asked for its answer (through a pipe it would stop at the pipe's 64 KB)."""
    from kla_cli.io.git_blobs import ask

    oid = "ab" * 20
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    done = tmp_path / "done"
    fake.write_text(  # 4 000 records, 270 KB
        "#!/bin/sh\n"
        "i=0; while [ $i -lt 4000 ]; do\n"
        f"  printf 'H 100644 %s 0\\tkota-%s.xlsx\\0' {oid} $i; i=$((i+1))\n"
        "done\n"
        f"touch '{done}'\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    question = ask(tmp_path)
    deadline = time.monotonic() + 20
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert done.exists()  # git finished before anyone asked for its answer
    answer = question.answer()
    assert len(answer) == 4000 and answer[str(tmp_path / "kota-7.xlsx")] == oid
    assert question.answer() is answer  # asked once
