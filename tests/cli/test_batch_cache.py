"""`kla batch`'s results cache (`batch_cache`): the warm output is the cold output exactly, a
changed form re-scores its region only, and `--no-cache` / `--cache-dir` do what they say."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from kla_cli import batch as batch_module
from kla_cli import batch_cache
from kla_cli.batch import discover, run_batch
from kla_cli.batch_cache import ResultCache
from kla_cli.cli.app import app
from kla_cli.core.rubric import Rubric
from kla_cli.io import git_blobs
from kla_cli.io.manifest import RegionSpec
from kla_cli.workbook.paths import workbook_names

from ..conftest import ROOT
from ..io.test_git_blobs import committed, git

PROVINCE_EXAMPLE = ROOT / "examples" / "provinsi-contoh"


@pytest.fixture
def province(tmp_path: Path) -> Path:
    root = tmp_path / "provinsi"
    shutil.copytree(PROVINCE_EXAMPLE, root)
    return root


def _batch(*args: str) -> Result:
    result = CliRunner().invoke(app, ["batch", *args])
    assert result.exit_code in (0, 1), result.stderr
    return result


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The regions `assess_region` reads from now on, by name."""
    read: list[str] = []
    real = batch_module.assess_region

    def counted(rubric: Rubric, spec: RegionSpec, columns: object = None) -> object:
        read.append(spec.name)
        return real(rubric, spec, columns)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_module, "assess_region", counted)
    return read


@pytest.mark.parametrize("fmt", ["json", "table", "csv", "junit", "markdown", "github"])
def test_the_warm_output_is_the_cold_output(
    province: Path, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # JUnit's time and timestamp fixed
    cache = tmp_path / "cache"
    cold = _batch(str(province), "-f", fmt, "--cache-dir", str(cache), "-j", "1")
    warm = _batch(str(province), "-f", fmt, "--cache-dir", str(cache), "-j", "1")
    uncached = _batch(str(province), "-f", fmt, "--no-cache", "-j", "1")
    assert warm.stdout == cold.stdout == uncached.stdout
    assert warm.exit_code == cold.exit_code
    assert "from the cache" in warm.stderr and "from the cache" not in cold.stderr


def test_a_changed_form_rescores_its_region_only(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    specs = discover(province)
    cache_dir = tmp_path / "cache"
    read = _counting(monkeypatch)
    cold = list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert sorted(read) == sorted(spec.name for spec in specs)
    read.clear()
    warm = list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert read == [] and warm == cold
    region = next(spec for spec in specs if spec.path.is_dir())
    form = sorted(region.path.glob("*.xlsx"))[0]
    form.write_bytes(form.read_bytes() + b"\0")  # new bytes, same mtime would not matter
    read.clear()
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert read == [region.name]


def test_the_key_is_the_content_not_the_modification_time(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    import os

    specs = discover(province)
    cache_dir = tmp_path / "cache"
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    for form in province.rglob("*.xlsx"):  # as a fresh CI checkout would
        os.utime(form, (1, 1))
    read = _counting(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert read == []


def test_another_language_or_target_is_another_key(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ["--cache-dir", str(tmp_path / "cache"), "-f", "json"]
    _batch(str(province), *cache)
    read = _counting(monkeypatch)
    _batch(str(province), *cache, "--lang", "id")
    _batch(str(province), *cache, "--fail-under", "utama")
    assert len(read) == 2 * len(discover(province))


def test_a_name_a_manifest_gave_is_another_key(province: Path, tmp_path: Path, kla: Rubric) -> None:
    """The folder's name kept because a manifest wrote it, or replaced by the region the forms
    name: two results, though the name and files are the same."""
    region = next(spec for spec in discover(province) if spec.path.is_dir())
    cache_dir = tmp_path / "cache"
    (written,) = run_batch(
        kla, [region._replace(named=True)], 1, "en", None, ResultCache(province, cache_dir)
    )
    (found,) = run_batch(kla, [region], 1, "en", None, ResultCache(province, cache_dir))
    assert written.name == region.name != found.name == found.region


def test_no_cache_neither_reads_nor_writes(province: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _batch(str(province), "--no-cache", "--cache-dir", str(cache))
    assert not cache.exists()
    _batch(str(province), "--cache-dir", str(cache))
    assert len(list(cache.glob("batch-*.json"))) == 1
    again = _batch(str(province), "--no-cache", "--cache-dir", str(cache))
    assert "from the cache" not in again.stderr


def test_unreadable_regions_are_not_kept(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    broken = province / "kota-rusak"
    broken.mkdir()
    (broken / "dinkes.xlsx").write_bytes(b"PK\x03\x04 cut off")
    specs = discover(province)
    cache_dir = tmp_path / "cache"
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    read = _counting(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert read == ["kota-rusak"]


def test_a_damaged_cache_is_ignored(province: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = _batch(str(province), "-f", "json", "--cache-dir", str(cache))
    (entry,) = cache.glob("batch-*.json")
    data = entry.read_bytes()
    entry.write_bytes(data.replace(b'"total": ', b'"total": 1', 1))  # tampered, hash kept
    warm = _batch(str(province), "-f", "json", "--cache-dir", str(cache))
    assert json.loads(warm.stdout) == json.loads(cold.stdout)
    assert "from the cache" not in warm.stderr
    assert _results(entry.read_bytes()) == _results(data)  # rewritten from the fresh results


def _results(entry: bytes) -> object:
    """The kept results of a cache entry (after its `kla-cache <hash>` line)."""
    return json.loads(entry.partition(b"\n")[2])["results"]


def _reading(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The workbooks the cache reads to hash them, from now on."""
    opened: list[str] = []

    def counted(path: str, *args: object, **kwargs: object) -> object:
        opened.append(Path(path).name)
        return open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(batch_cache, "open", counted, raising=False)
    return opened


def _run_once(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> tuple[list[RegionSpec], Path, RegionSpec, Path]:
    """One cached run over files not just written (the racy window off); the regions, the
    cache folder, the first region and its first form."""
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    specs = discover(province)
    cache_dir = tmp_path / "cache"
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    region = next(spec for spec in specs if spec.path.is_dir())
    return specs, cache_dir, region, sorted(region.path.glob("*.xlsx"))[0]


def test_an_unchanged_file_is_not_read_again(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)  # the files were not just written
    specs = discover(province)
    cache_dir = tmp_path / "cache"
    opened = _reading(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    forms = sorted(p.name for p in province.rglob("*.xlsx"))
    assert sorted(opened) == forms
    opened.clear()
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert opened == []  # every `stat` as before: no workbook read to hash it


def test_a_file_rewritten_with_its_old_times_is_read_again(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    specs, cache_dir, region, form = _run_once(province, tmp_path, monkeypatch, kla)
    before = form.stat()
    data = bytearray(form.read_bytes())
    data[-1] ^= 1  # same size, other bytes
    form.write_bytes(bytes(data))
    os.utime(form, ns=(before.st_atime_ns, before.st_mtime_ns))  # the old modification time
    opened, read = _reading(monkeypatch), _counting(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    # its change time moved: its region's forms hashed again (no other region's), and scored
    assert form.name in opened and sorted(opened) == workbook_names(region.path)
    assert read == [region.name]


@pytest.mark.parametrize("change", ["added", "renamed", "removed"])
def test_a_region_whose_forms_came_or_went_is_scored_again(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric, change: str
) -> None:
    """The memory keeps a region's forms by name and `stat` together: a form that came (a copy
    with the times of the one it copies), was renamed or went makes the region's key anew."""
    specs, cache_dir, region, form = _run_once(province, tmp_path, monkeypatch, kla)
    if change == "added":
        shutil.copy2(form, region.path / f"salinan-{form.name}")
    elif change == "renamed":
        form.rename(form.with_name(f"z-{form.name}"))
    else:
        form.unlink()
    read = _counting(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert read == [region.name]


def test_the_memory_is_kept_per_region(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One memory entry per region (a country's: 514, not one per workbook, 10 280)."""
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    cache = tmp_path / "cache"
    _batch(str(province), "-f", "json", "--cache-dir", str(cache))
    (entry,) = cache.glob("batch-*.json")
    kept = json.loads(entry.read_bytes().partition(b"\n")[2])
    assert sorted(kept) == ["regions", "results"]
    assert sorted(kept["regions"]) == sorted(str(spec.path) for spec in discover(province))


def test_a_stat_past_64_bits_is_remembered_too(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    """A number the packed stamp cannot hold (Windows' ReFS: 128-bit file ids) is stamped
    another way, as reliably: the next run still reads nothing."""
    import struct

    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    monkeypatch.setattr(batch_cache, "_STAT", struct.Struct("<bbbbb"))  # nothing fits
    specs = discover(province)
    cache_dir = tmp_path / "cache"
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    opened = _reading(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert opened == []
    region = next(spec for spec in specs if spec.path.is_dir())
    form = sorted(region.path.glob("*.xlsx"))[0]
    form.write_bytes(form.read_bytes() + b"\0")
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert form.name in opened  # and its change seen


def test_a_file_changed_just_before_it_was_hashed_is_not_remembered(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    specs = discover(province)
    cache_dir = tmp_path / "cache"
    region = next(spec for spec in specs if spec.path.is_dir())
    form = sorted(region.path.glob("*.xlsx"))[0]
    form.write_bytes(form.read_bytes())  # changed now: within the clock's step of the hash
    monkeypatch.setattr(batch_cache, "RACY_NS", 60 * 10**9)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    opened = _reading(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert form.name in opened


def test_default_jobs_one_for_small_batches_and_busy_machines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    from kla_cli.batch import SMALL_BATCH, default_jobs

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    load = [0.0]
    monkeypatch.setattr(os, "getloadavg", lambda: (load[0], 0.0, 0.0))
    assert default_jobs(SMALL_BATCH - 1) == 1
    assert default_jobs(514) == 2  # both cores idle
    load[0] = 1.0  # a neighbour keeps one core busy
    assert default_jobs(514) == 1
    load[0] = 7.0
    assert default_jobs(514) == 1
    load[0] = 0.0
    assert default_jobs(SMALL_BATCH) == 2


def test_default_jobs_waits_for_more_regions_where_workers_are_spawned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without fork (Windows) a worker starts a new Python: a small batch stays in one."""
    import os

    from kla_cli.batch import SMALL_BATCH, SMALL_BATCH_SPAWNED, default_jobs

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.delattr(os, "fork", raising=False)
    assert SMALL_BATCH < SMALL_BATCH_SPAWNED
    assert default_jobs(SMALL_BATCH) == 1
    assert default_jobs(SMALL_BATCH_SPAWNED - 1) == 1
    assert default_jobs(SMALL_BATCH_SPAWNED) == 2


# A fresh CI checkout: git's index vouches for the unchanged workbooks (`io/git_blobs`).


@pytest.fixture
def origin(province: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The province committed to a git repository (CI's checkouts are clones of it)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return committed(province)


def _checkout(origin: Path, where: Path) -> Path:
    """A fresh clone of `origin` at `where` (any earlier one removed): every `stat` new."""
    shutil.rmtree(where, ignore_errors=True)
    git(origin.parent, "clone", "-q", str(origin), str(where))
    return where


def _asking_git(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders the cache asks git about, from now on."""
    asked: list[Path] = []
    real = batch_cache.ask

    def counted(folder: Path) -> git_blobs.Question:
        asked.append(folder)
        return real(folder)

    monkeypatch.setattr(batch_cache, "ask", counted)
    return asked


@pytest.mark.parametrize("given", ["folder", "relative", "manifest"])
def test_a_fresh_clone_is_not_read_to_be_hashed(
    origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric, given: str
) -> None:
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    cache_dir, where = tmp_path / "cache", tmp_path / "ci" / "provinsi"
    root = where
    if given == "relative":  # ROOT as `kla batch ci/provinsi` would have it
        monkeypatch.chdir(tmp_path)
        root = Path("ci", "provinsi")
    elif given == "manifest":
        root = where / "provinsi-contoh.yaml"
    _checkout(origin, where)
    cold = list(run_batch(kla, discover(root), 1, "en", None, ResultCache(root, cache_dir)))
    _checkout(origin, where)  # the next CI run
    opened, read, asked = _reading(monkeypatch), _counting(monkeypatch), _asking_git(monkeypatch)
    specs = discover(root)
    warm = list(run_batch(kla, specs, 1, "en", None, ResultCache(root, cache_dir)))
    assert warm == cold and read == [] and opened == []
    assert asked == [root if root.is_dir() else root.parent]
    asked.clear()
    list(run_batch(kla, specs, 1, "en", None, ResultCache(root, cache_dir)))
    assert asked == [] and opened == []  # the same checkout: the `stat` memory, no git


def test_git_is_asked_in_the_background_before_the_first_key(
    origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    """`prepare` asks git at the first region the memory does not know and goes on stat'ing
    the others while git checks the worktree; the keys then take git's one answer."""
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    cache_dir, where = tmp_path / "cache", tmp_path / "ci" / "provinsi"
    specs = discover(_checkout(origin, where))
    cold = list(run_batch(kla, specs, 1, "en", None, ResultCache(where, cache_dir)))
    specs = discover(_checkout(origin, where))  # the next CI run: every `stat` new
    opened, asked = _reading(monkeypatch), _asking_git(monkeypatch)
    cache = ResultCache(where, cache_dir)
    cache.begin(kla.content_hash, "en", None)
    cache.prepare(specs)
    assert asked == [where]  # before any region's key
    kept = [cache.get(spec) for spec in specs]
    assert sorted(kept, key=str) == sorted(cold, key=str)  # every region, from git's answer
    assert asked == [where] and opened == []
    assert cache.save()
    cache = ResultCache(where, cache_dir)  # the same checkout, its `stat`s remembered: no git
    cache.begin(kla.content_hash, "en", None)
    cache.prepare(specs)
    assert asked == [where]


def test_a_workbook_gone_after_prepare_is_not_kept(
    province: Path, tmp_path: Path, kla: Rubric
) -> None:
    """A region `prepare` did not list, whose folder cannot be listed when its key is made, has
    no key (it is scored, and says what is wrong). A region `prepare` did list is keyed by what
    it found then: a folder removed in between is found missing when the region is scored."""
    cache_dir = tmp_path / "cache"
    specs = discover(province)
    cache = ResultCache(province, cache_dir)
    cache.begin(kla.content_hash, "en", None)
    cache.prepare(specs[1:])  # the first region is not prepared: listed when its key is made
    shutil.rmtree(specs[0].path)
    assert cache.get(specs[0]) is None
    assert all(cache.get(spec) is None for spec in specs[1:])  # nothing kept yet: misses


def test_a_form_changed_in_a_clone_is_hashed_and_rescored(
    origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)  # the clone was not made just now
    cache_dir, where = tmp_path / "cache", tmp_path / "ci" / "provinsi"
    specs = discover(_checkout(origin, where))
    list(run_batch(kla, specs, 1, "en", None, ResultCache(where, cache_dir)))
    specs = discover(_checkout(origin, where))
    region = next(spec for spec in specs if spec.path.is_dir())
    form = sorted(region.path.glob("*.xlsx"))[0]
    before = form.stat()
    data = bytearray(form.read_bytes())
    data[-1] ^= 1  # same size, other bytes, the old modification time
    form.write_bytes(bytes(data))
    os.utime(form, ns=(before.st_atime_ns, before.st_mtime_ns))
    opened, read = _reading(monkeypatch), _counting(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(where, cache_dir)))
    assert opened == [form.name] and read == [region.name]


def test_a_form_saved_after_git_looked_is_not_taken_on_its_word(
    origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    """Git checks a form and vouches for its blob; the form is then saved (same size, other
    bytes) before kla takes its `stat`. Git's id would be of the old bytes: the form changed
    after git was asked, so kla reads and hashes it, and its region is scored again."""
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    cache_dir, where = tmp_path / "cache", tmp_path / "ci" / "provinsi"
    specs = discover(_checkout(origin, where))
    list(run_batch(kla, specs, 1, "en", None, ResultCache(where, cache_dir)))
    specs = discover(_checkout(origin, where))  # the next CI run
    region = [spec for spec in specs if spec.path.is_dir()][-1]  # stat'ed after git is asked
    form = sorted(region.path.glob("*.xlsx"))[0]
    real = batch_cache.ask

    def answered_then_saved(folder: Path) -> git_blobs.Question:
        question = real(folder)
        assert form in {Path(p) for p in question.answer()}  # git vouched for the old bytes
        data = bytearray(form.read_bytes())
        data[-1] ^= 1
        form.write_bytes(bytes(data))
        return question

    monkeypatch.setattr(batch_cache, "ask", answered_then_saved)
    opened, read = _reading(monkeypatch), _counting(monkeypatch)
    warm = list(run_batch(kla, specs, 1, "en", None, ResultCache(where, cache_dir)))
    assert opened == [form.name] and read == [region.name]
    fresh = list(run_batch(kla, specs, 1, "en", None, None))
    assert sorted(warm, key=str) == sorted(fresh, key=str)


def test_a_form_saved_while_its_region_is_scored_is_not_kept(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    """A region is keyed, then scored; a form saved in between would put the result of its
    new bytes under the key of its old ones, which the form's old bytes, put back, would then
    find: such a result is not kept."""
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    specs = discover(province)
    cache_dir = tmp_path / "cache"
    region = next(spec for spec in specs if spec.path.is_dir())
    form = sorted(region.path.glob("*.xlsx"))[0]
    original = form.read_bytes()
    real = batch_module.assess_region

    def saved_meanwhile(rubric: Rubric, spec: RegionSpec, columns: object = None) -> object:
        if spec == region:
            form.write_bytes(form.read_bytes() + b"\0")  # saved after its key was made
        return real(rubric, spec, columns)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_module, "assess_region", saved_meanwhile)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    monkeypatch.setattr(batch_module, "assess_region", real)
    form.write_bytes(original)  # the old bytes back: the key the region was scored under
    read = _counting(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert read == [region.name]  # that result was not kept: scored again


def test_the_memory_holds_from_run_to_run(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    """A region taken from the memory is remembered again: the third run reads nothing
    either."""
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    specs = discover(province)
    cache_dir = tmp_path / "cache"
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    opened = _reading(monkeypatch)
    for _ in range(2):
        list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
        assert opened == []


def test_on_windows_every_region_is_hashed(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    """Where `st_ctime` is the creation time, a kept `stat` proves nothing: every workbook is
    hashed (and only a changed one's region scored)."""
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    monkeypatch.setattr(batch_cache, "TRUSTS_STAT", False)
    specs = discover(province)
    cache_dir = tmp_path / "cache"
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    opened, read = _reading(monkeypatch), _counting(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert sorted(opened) == sorted(
        name
        for spec in specs
        for name in (workbook_names(spec.path) if spec.path.is_dir() else [spec.path.name])
    )
    assert read == []


@pytest.mark.parametrize("flag", ["--assume-unchanged", "--skip-worktree", "untracked"])
def test_what_git_does_not_check_is_hashed_by_kla(
    origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric, flag: str
) -> None:
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    cache_dir, where = tmp_path / "cache", tmp_path / "ci" / "provinsi"
    specs = discover(_checkout(origin, where))
    region = next(spec for spec in specs if spec.path.is_dir())
    form = sorted(region.path.glob("*.xlsx"))[0]
    if flag == "untracked":
        git(where, "rm", "-q", "--cached", str(form.relative_to(where)))
    list(run_batch(kla, specs, 1, "en", None, ResultCache(where, cache_dir)))
    if flag != "untracked":
        git(where, "update-index", flag, str(form.relative_to(where)))
    form.write_bytes(form.read_bytes() + b"\0")  # git would not see it
    opened, read = _reading(monkeypatch), _counting(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(where, cache_dir)))
    assert opened == [form.name] and read == [region.name]


def test_without_git_the_keys_are_the_same(
    origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    cache_dir, where = tmp_path / "cache", tmp_path / "ci" / "provinsi"
    specs = discover(_checkout(origin, where))
    cold = list(run_batch(kla, specs, 1, "en", None, ResultCache(where, cache_dir)))
    specs = discover(_checkout(origin, where))
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    opened, read = _reading(monkeypatch), _counting(monkeypatch)
    warm = list(run_batch(kla, specs, 1, "en", None, ResultCache(where, cache_dir)))
    assert sorted(opened) == sorted(p.name for p in where.rglob("*.xlsx"))  # hashed by kla
    assert read == [] and warm == cold  # to git's blob ids: the keys git gave


def test_a_blob_that_is_not_the_files_bytes_is_not_the_files_key(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    """As with Git LFS: git keeps a pointer (here the SHA-256 line of the bytes) as the blob. A
    checkout holding the pointer itself (no LFS there) must not take the workbook's result."""
    if shutil.which("git") is None or shutil.which("sha256sum") is None:
        pytest.skip("git and sha256sum are needed")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    git(province, "init", "-q")
    git(province, "config", "filter.pointer.clean", "sha256sum")
    git(province, "config", "filter.pointer.smudge", "cat")
    (province / ".gitattributes").write_text("*.xlsx filter=pointer\n")
    committed(province)
    specs = discover(province)
    cache_dir = tmp_path / "cache"
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    region = next(spec for spec in specs if spec.path.is_dir())
    form = sorted(region.path.glob("*.xlsx"))[0]
    pointer = git(province, "cat-file", "-p", f":{form.relative_to(province).as_posix()}")
    form.write_text(pointer)  # its blob id is the one git gave the workbook
    read = _counting(monkeypatch)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    assert read == [region.name]


def _two_copies_without_their_own_order(region: Path) -> tuple[Path, Path]:
    """`dinkes.xlsx` and `dinkes (1).xlsx`, the copy with every answer blanked, both saying they
    were saved at the same instant: only the files' times tell which is newer."""
    import openpyxl

    from tests.arrivals import set_saved

    form, copy = region / "dinkes.xlsx", region / "dinkes (1).xlsx"
    book = openpyxl.load_workbook(form)
    for (cell,) in book["Isian"].iter_rows(min_row=7, min_col=6, max_col=6):
        cell.value = None
    book.save(copy)
    for path in (form, copy):
        set_saved(path, "2025-11-20T10:00:00Z")
    os.utime(form, (1_000_000_000, 1_000_000_000))
    os.utime(copy, (1_100_000_000, 1_100_000_000))
    return form, copy


def test_a_copy_chosen_by_its_files_time_is_rescored_when_touched(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    """The one result that depends on more than bytes: touching the older copy makes it the
    one read, so the kept result is not used (it would score the blanked copy)."""
    region = next(spec for spec in discover(province) if spec.path.is_dir())
    form, _ = _two_copies_without_their_own_order(region.path)
    cache = ["--cache-dir", str(tmp_path / "cache"), "-f", "json", "-j", "1"]
    blanked = json.loads(_batch(str(province), *cache).stdout)
    os.utime(form, (1_200_000_000, 1_200_000_000))  # the full form is now the newer file
    read = _counting(monkeypatch)
    warm = _batch(str(province), *cache)
    assert read == [region.name]  # that region only
    uncached = _batch(str(province), "--no-cache", "-f", "json", "-j", "1")
    assert warm.stdout == uncached.stdout

    def total(out: dict[str, Any]) -> float:
        return next(r["total"] for r in out["regions"] if r["path"] == str(region.path))

    assert total(json.loads(warm.stdout)) > total(blanked)
    read.clear()
    again = _batch(str(province), *cache)  # times unchanged since: the kept result is used
    assert read == [] and again.stdout == warm.stdout


# Found in review: inputs a result depends on that the key did not cover.


def _json_runs(root: Path, cache: Path, change: Any = None) -> tuple[str, str]:
    """`kla batch ROOT -f json` with the cache (before and after `change`), and without it."""
    args = ["-f", "json", "-j", "1"]
    _batch(str(root), *args, "--cache-dir", str(cache))
    if change is not None:
        change()
    warm = _batch_any(str(root), *args, "--cache-dir", str(cache))
    fresh = _batch_any(str(root), *args, "--no-cache")
    return warm.stdout, fresh.stdout


def _batch_any(*args: str) -> Result:
    return CliRunner().invoke(app, ["batch", *args])


def test_a_manifest_put_in_a_region_folder_is_seen(province: Path, tmp_path: Path) -> None:
    """A region folder with a `kla batch` manifest is refused as a province (`workbook_paths`):
    not a file of the key, so the region is not kept while it holds YAML."""
    region = province / "kota-lama"
    warm, fresh = _json_runs(
        province,
        tmp_path / "cache",
        lambda: (region / "kla-batch.yaml").write_text("regions:\n  - {name: X, path: .}\n"),
    )
    assert warm == fresh


def test_subfolders_beside_a_yaml_file_are_seen(province: Path, tmp_path: Path) -> None:
    region = province / "kota-lama"
    (region / "notes.yaml").write_text("note: hello\n")

    def two_subfolders() -> None:
        for sub in ("a", "b"):
            (region / sub).mkdir()
            shutil.copy(region / "dinkes.xlsx", region / sub)

    warm, fresh = _json_runs(province, tmp_path / "cache", two_subfolders)
    assert warm == fresh


def test_one_folder_named_twice_in_a_manifest_keeps_two_results(
    province: Path, tmp_path: Path
) -> None:
    manifest = province / "two.yaml"
    manifest.write_text(
        "regions:\n"
        "  - {name: Kota Lama A, path: kota-lama, target: utama}\n"
        "  - {name: Kota Lama B, path: kota-lama, target: pratama}\n"
    )
    cache = tmp_path / "cache"
    runs = [_batch(str(manifest), "-f", "json", "--cache-dir", str(cache)) for _ in range(3)]
    fresh = _batch(str(manifest), "-f", "json", "--no-cache")
    assert [run.stdout for run in runs] == [fresh.stdout] * 3


def test_ties_are_ranked_alike_from_the_cache(province: Path, tmp_path: Path) -> None:
    """Two copies of one region (folders differing in case): equal totals, equal names once
    folded; the cached one came first."""
    if (province / "KOTA-LAMA").exists():
        pytest.skip("this file system does not tell names apart by case")
    warm, fresh = _json_runs(
        province,
        tmp_path / "cache",
        lambda: shutil.copytree(province / "kota-lama", province / "KOTA-LAMA"),
    )
    assert warm == fresh


def test_a_name_that_is_not_utf8_is_kept(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.sep != "/":
        pytest.skip("file names are bytes on POSIX only")
    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    region = province / "kota-lama"
    (region / "dinsos.xlsx").rename(region / os.fsdecode(b"dinsos-\xe9.xlsx"))
    cache = tmp_path / "cache"
    cold = _batch(str(province), "-f", "json", "--cache-dir", str(cache))
    warm = _batch(str(province), "-f", "json", "--cache-dir", str(cache))
    fresh = _batch(str(province), "-f", "json", "--no-cache")
    assert cold.stdout == warm.stdout == fresh.stdout
    assert "from the cache" in warm.stderr


def test_a_named_pipe_is_not_hashed(province: Path, tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(province / "kota-lama" / "pipe.xlsx")  # opening it to hash it would block
    warm, fresh = _json_runs(province, tmp_path / "cache")
    assert warm == fresh


def test_a_form_that_could_not_be_opened_is_not_kept(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel on Windows holds a form it has open: reading it fails while its hash still comes
    from the `stat` memory. Once the form is closed, the region must read it, not keep the
    error."""
    import builtins
    import io

    monkeypatch.setattr(batch_cache, "RACY_NS", 0)
    region = province / "kota-lama"
    held = region / "dinkes.xlsx"
    cache = ["--cache-dir", str(tmp_path / "cache"), "-f", "json", "-j", "1"]
    _batch(str(province), *cache)  # every hash remembered with its `stat`
    other = region / "dinsos.xlsx"
    other.write_bytes(other.read_bytes() + b"\0")  # the region must be scored again
    real_open = builtins.open

    def holding(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike) and os.fspath(file) == str(held):
            raise PermissionError(13, "Permission denied", str(held))
        return real_open(file, *args, **kwargs)

    real_os_open = os.open

    def holding_fd(file: Any, *args: Any, **kwargs: Any) -> int:
        if os.fspath(file) == str(held):
            raise PermissionError(13, "Permission denied", str(held))
        return real_os_open(file, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(builtins, "open", holding)
        patched.setattr(io, "open", holding)
        patched.setattr(os, "open", holding_fd)  # `workbook.read.whole_file`
        while_held = _batch(str(province), *cache)
    assert "Permission denied" in while_held.stdout  # the region says why
    read = _counting(monkeypatch)
    closed = _batch(str(province), *cache)
    assert read == ["kota-lama"]
    assert closed.stdout == _batch(str(province), "--no-cache", "-f", "json", "-j", "1").stdout


def test_git_asked_and_never_needed_is_stopped(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kla: Rubric
) -> None:
    """A batch closed before any key needed git (a consumer that stopped reading, Ctrl-C)
    stops the git it asked and closes its file: no process or file left behind."""
    cache_dir = tmp_path / "cache"
    specs = discover(province)
    list(run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir)))
    closed: list[git_blobs.Question] = []
    real = batch_cache.ask

    def tracked(folder: Path) -> git_blobs.Question:
        question = real(folder)
        closed.append(question)
        return question

    monkeypatch.setattr(batch_cache, "ask", tracked)
    # every region unknown to the memory (git asked), and no key ever needing git's answer
    monkeypatch.setattr(batch_cache, "_remembered", lambda regions: {})
    monkeypatch.setattr(batch_cache.ResultCache, "get", lambda self, spec: None)
    batch = run_batch(kla, specs, 1, "en", None, ResultCache(province, cache_dir))
    next(batch)  # the first region scored: past the keys
    batch.close()
    assert len(closed) == 1
    assert closed[0]._process is None and closed[0]._out is None  # git waited for, file closed
