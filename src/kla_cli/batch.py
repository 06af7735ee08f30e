"""Many regions in one run: find them (folders or a manifest), score each, summarise.

`discover` turns ROOT into `RegionSpec`s (a manifest is read by `io.manifest`); `run_batch`
scores them one by one or in a process pool and yields one small `RegionResult` per region as
soon as it is done (a region's cells are dropped when its result is made, so memory stays flat
with the number of regions); `summarise` ranks the results. A region that cannot be read
becomes a result with a `problem`, never an exception, so one bad region never stops the others.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kla_cli.core.form_layout import WORKBOOK_SUFFIXES
from kla_cli.core.ranking import RegionResult
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Tier, Tiers
from kla_cli.errors import KlaError
from kla_cli.i18n.messages import Lang, current_lang, t
from kla_cli.io.manifest import MANIFEST_SUFFIXES, RegionSpec, load_manifest
from kla_cli.io.output import Inputs

if TYPE_CHECKING:
    from kla_cli.batch_cache import ResultCache
    from kla_cli.core.intake import Intake
    from kla_cli.core.submission import Submission

MAX_MESSAGES = 5
"""Error lines kept per region (for JUnit/GitHub output); the full list is `kla score`'s job."""


# --- finding the regions ---------------------------------------------------------------------


def discover(root: Path) -> list[RegionSpec]:
    """ROOT as regions: a manifest file, or a folder of region folders / recap workbooks."""
    if root.is_file() and root.suffix.lower() in MANIFEST_SUFFIXES:
        return load_manifest(root)
    if root.is_file():
        raise KlaError("batch.not_root", str(root), "batch.not_root.hint")
    if not root.is_dir():
        raise KlaError("path.missing", str(root), "path.missing.hint")
    specs = [
        RegionSpec(entry.name if entry.is_dir() else entry.stem, entry)
        for entry in sorted(root.iterdir())
        if not entry.name.startswith((".", "~$", "_"))
        and (entry.is_dir() or entry.suffix.lower() in WORKBOOK_SUFFIXES)
    ]
    if not specs:
        raise KlaError("batch.no_regions", str(root), "batch.no_regions.hint")
    if not any(spec.path.is_dir() for spec in specs):
        _refuse_region_folder(root, specs[0].path)
    return specs


def inputs_of(root: Path, specs: Iterable[RegionSpec]) -> Inputs:
    """What a batch reads, for its output never to replace or join it: ROOT (a manifest file or
    a folder whose workbooks are recaps), each region's folder and each recap workbook."""
    paths = [root, *(spec.path for spec in specs)]
    return Inputs(
        files=frozenset(path for path in paths if path.is_file()),
        folders=frozenset(path for path in paths if path.is_dir()),
    )


def _refuse_region_folder(root: Path, first: Path) -> None:
    """ROOT holding only workbooks is a folder of recaps, unless they are OPD forms: then it is
    one region's folder, given by mistake (22 'could not be read' regions would hide that)."""
    from kla_cli.workbook.read import read_workbook

    sub = read_workbook(first)
    if sub.opd is not None and not any(row.opd for row in sub.rows):
        raise KlaError(
            "batch.root_is_region",
            str(root),
            "batch.root_is_region.hint",
            {"opd": sub.opd, "folder": root},
        )


def resolve_tier(rubric: Rubric | Tiers, value: str, where: str | None = None) -> Tier:
    """A predikat by id or name (`gap.find_tier`), or a one-line error, located at `where`,
    listing the rubric's tier ids."""
    from kla_cli.core.gap.ladder import find_tier  # answers and scoring: not for a cached re-run

    try:
        return find_tier(rubric, value)
    except KlaError:
        raise KlaError(
            "batch.unknown_tier",
            where,
            params={"value": value, "tiers": ", ".join(tier.id for tier in rubric.tiers)},
        ) from None


def with_targets(
    rubric: Rubric, specs: Iterable[RegionSpec], default: str | None
) -> list[RegionSpec]:
    """Each region's target as a tier id. A region's own target (manifest entry) wins; then
    --fail-under (`default`), which overrides the manifest's top-level target as a command-line
    option overrides a file's setting."""
    out = []
    for spec in specs:
        own = spec.target and not (default and spec.shared_target)
        target, where = (spec.target, spec.origin) if own else (default, "--fail-under")
        tier = resolve_tier(rubric, target, where).id if target else None
        out.append(RegionSpec(spec.name, spec.path, tier, named=spec.named))
    return out


def own_targets(specs: Iterable[RegionSpec]) -> int:
    """How many regions name a target of their own (a manifest entry's): --fail-under does not
    override those."""
    return sum(1 for spec in specs if spec.target and not spec.shared_target)


# --- scoring one region ----------------------------------------------------------------------


def assess_region(
    rubric: Rubric, spec: RegionSpec, columns: Mapping[str, int] | None = None
) -> RegionResult:
    """Read, validate and score one region; any failure becomes the result's `problem`."""
    from kla_cli.core.assess import judge
    from kla_cli.core.intake import form_opd
    from kla_cli.workbook.books import may_pass
    from kla_cli.workbook.read import read_region

    base = RegionResult(spec.name, str(spec.path), spec.target)
    try:
        opd_of = functools.partial(form_opd, rubric)  # saved times read where they decide
        submissions = read_region([spec.path], columns, opd_of=opd_of)
    except KlaError as exc:
        return _replace(base, problem=exc.render())
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # one region never stops the batch; a library's
        # BaseException (python-calamine's PanicException) would not even pickle back
        return _replace(base, problem=f"{type(exc).__name__}: {exc}")
    if all(sub.findings and not sub.rows for sub in submissions):
        lines = tuple(f.render() for sub in submissions for f in sub.findings)
        problem = lines[0]  # located, with its hint
        if len(submissions) > 1:
            problem = f"{t('batch.no_workbook_read', count=len(submissions))}: {problem}"
        return _replace(base, problem=problem, messages=lines[:MAX_MESSAGES])
    form = _opd_form(spec, submissions)
    if form is not None:
        return _replace(base, problem=form)
    try:
        result = judge(rubric, submissions)  # the totals and a number of warnings are shown
    except Exception as exc:
        return _replace(base, problem=f"{type(exc).__name__}: {exc}")
    validation, totals = result.validation, result.totals
    blocking = validation.blocking
    met = None
    if spec.target is not None:  # judged as `kla gap` judges it: on the evidenced total
        ids = [tier.id for tier in rubric.tiers]
        judged = result.predicate_evidenced
        reached = ids.index(judged.id) if judged else -1
        met = reached >= ids.index(spec.target)
    return RegionResult(
        name=spec.name if spec.named else (validation.region or spec.name),
        path=str(spec.path),
        target=spec.target,
        total=totals.total,
        total_evidenced=totals.total_evidenced,
        predicate=result.predicate.id if result.predicate else None,
        predicate_evidenced=result.predicate_evidenced.id if result.predicate_evidenced else None,
        total_verified=totals.total_verified,
        predicate_verified=result.predicate_verified.id if result.predicate_verified else None,
        met=met,
        errors=len(blocking),
        warnings=validation.warnings,
        workbooks=len(submissions),
        region=validation.region,
        year=validation.year,
        messages=tuple(f.render() for f in blocking[:MAX_MESSAGES]),
        unsettled=any(may_pass(f) for f in validation.findings),
        file_times=_file_times(validation.intake),
    )


def _file_times(intake: Intake | None) -> tuple[tuple[str, float], ...]:
    if intake is None or not intake.resent:
        return ()
    from kla_cli.core.intake import chosen_by_file_times

    chosen = chosen_by_file_times(intake.resent)
    return tuple((sub.file, sub.file_time) for sub in chosen if sub.file_time is not None)


def _opd_form(spec: RegionSpec, submissions: Sequence[Submission]) -> str | None:
    """Why a region given as one workbook is one OPD's form rather than a region's recap (a
    common slip: `kla batch` pointed at one region's folder), or None."""
    if len(submissions) != 1 or not spec.path.is_file():
        return None
    (sub,) = submissions
    if sub.opd is None or any(row.opd for row in sub.rows):
        return None
    return KlaError(
        "batch.opd_form",
        str(spec.path),
        "batch.opd_form.hint",
        {"opd": sub.opd, "folder": spec.path.parent},
    ).render()


def _replace(result: RegionResult, **changes: Any) -> RegionResult:
    return result._replace(**changes)


# --- running many ----------------------------------------------------------------------------

_worker: dict[str, Any] = {}

WATCH_SECONDS = 1.0
"""How often a worker checks that its parent is still there (where the system cannot tell it)."""


def _init_worker(
    rubric: Rubric, lang: Lang, columns: Mapping[str, int] | None = None, parent: int = 0
) -> None:
    import signal

    _die_with_parent(parent)
    # Ctrl-C reaches every process of the terminal's group: the parent alone decides what it
    # means (it stops the workers). The parent's SIGTERM handler, inherited through fork, is
    # undone: a worker asked to stop just stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    _worker["rubric"] = rubric
    _worker["columns"] = columns
    current_lang.set(lang)
    import gc

    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])  # `fewer_collections`; the parent's
    # objects are frozen already


def _die_with_parent(parent: int) -> None:
    """End this worker when its parent ends, however it ends (SIGKILL included): on Linux the
    kernel sends SIGKILL (prctl PR_SET_PDEATHSIG); everywhere, a thread checks every second
    that the parent is still the one that started the worker."""
    import threading
    import time

    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, 9, 0, 0, 0)  # SIGKILL
    if parent and os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    if parent:
        threading.Thread(target=watch, name="kla-watch-parent", daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _stop_workers(pool: Any) -> None:
    """Stop a process pool at once: pending work cancelled, every worker killed (the work is
    lost anyway: nothing a worker does needs cleaning up). Nothing happens to a pool already
    shut down."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError, AssertionError):
            process.join(timeout=5)


def _run_chunk(specs: Sequence[RegionSpec]) -> list[RegionResult]:
    rubric: Rubric = _worker["rubric"]
    columns: Mapping[str, int] | None = _worker.get("columns")
    return [assess_region(rubric, spec, columns) for spec in specs]


SMALL_BATCH = 8
"""Regions below which `--jobs` defaults to 1 where workers are forked: a region of the 2024
forms takes about 25 ms, and starting and feeding forked workers about 50 ms. Measured on 2
idle Linux cores (farm-bench, 10 pairs, wall time of 2 processes against 1): 3 regions 1,01×,
5 regions 0,96×, 10 regions 0,84×, 20 regions 0,74×, 40 regions 0,65×."""
SMALL_BATCH_SPAWNED = 50
"""The same where workers cannot be forked (Windows): each starts a new Python that imports kla
and receives the rubric, a few hundred milliseconds. Not measured there: the threshold kept
from before the forked one was measured."""


def _can_fork() -> bool:
    """Whether workers are forked (sharing the loaded rubric and modules) rather than spawned
    (a new Python each: Windows)."""
    return hasattr(os, "fork")


def default_jobs(regions: int) -> int:
    """`--jobs` when it is not given: 1 for a small batch; else one process per core this
    process may use that is idle, as the 1-minute load average tells (at least 1). On a shared
    machine a worker on a core that another program keeps busy makes the run slower, not
    faster (two processes then take turns on one core)."""
    if regions < (SMALL_BATCH if _can_fork() else SMALL_BATCH_SPAWNED):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows has no load average
        busy = 0.0
    return max(1, min(cores, int(cores - busy + 0.5)))


def run_batch(
    rubric: Rubric,
    specs: Sequence[RegionSpec],
    jobs: int | None,
    lang: Lang,
    columns: Mapping[str, int] | None = None,
    cache: ResultCache | None = None,
) -> Iterator[RegionResult]:
    """Yield each region's result as it completes (in parallel processes when jobs > 1; None:
    `default_jobs` for the regions left to score); `columns`: the regions' recap columns by
    number (`--columns`); `cache`: results kept from an earlier run (`batch_cache`), used for
    the regions whose workbooks did not change and filled in with the others."""
    if cache is None:
        yield from _run(rubric, specs, jobs, lang, columns)
        return
    cache.begin(rubric.content_hash, lang, columns)
    todo = []
    try:
        with fewer_collections():  # a country's stats and keys: tens of thousands of tuples
            cache.prepare(specs)
            for spec in specs:
                kept = cache.get(spec)
                if kept is None:
                    todo.append(spec)
                else:
                    yield kept
    finally:
        cache.close()
    for result in _run(rubric, todo, jobs, lang, columns):
        cache.put(result)
        yield result
    cache.save()


GC_YOUNG = 10_000
"""Allocations between two collections of the youngest generation while regions are scored
(Python's default: 700)."""


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector, tuned while regions are scored one after another.

    The one place of this speed trick. Scoring a region builds tens of thousands of tuples (rows,
    responses, item scores) that live until its result is made, and nearly none is part of a
    reference cycle: at Python's default threshold a national batch ran 1 500 collections of the
    youngest generation and 11 of the oldest, which walks every object alive, the rubric and
    every loaded module included. Measured on the 514-region corpus (2026-12-04): 0,31 s of
    collections, 3 % of the batch; with the objects that exist before the first region frozen
    (`gc.freeze`: never collected, they live for the whole run anyway) and a collection every
    GC_YOUNG allocations, 0,03 s. Cycles are still collected, only less often; memory stays
    flat with the number of regions. Both settings are undone afterwards, by the last of
    batches that overlap (two generators of `run_batch` alive at once). Also while a cached
    re-run finds each region's key (`batch_cache`: a country's `stat`s, listings and keys, some
    60 000 tuples and lists): 52 collections, 10 ms, became 23, 5-8 ms."""
    import gc

    if not _tuning.batches:
        _tuning.threshold = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(GC_YOUNG, *_tuning.threshold[1:])
    _tuning.batches += 1
    try:
        yield
    finally:
        _tuning.batches -= 1
        if not _tuning.batches:
            gc.set_threshold(*_tuning.threshold)
            gc.unfreeze()


class _Tuning:
    batches = 0
    """Batches scoring in turn in this process now (the collector is tuned while any is)."""
    threshold = (700, 10, 10)
    """Python's own thresholds, to put back."""


_tuning = _Tuning()


def _run(
    rubric: Rubric,
    specs: Sequence[RegionSpec],
    jobs: int | None,
    lang: Lang,
    columns: Mapping[str, int] | None,
) -> Iterator[RegionResult]:
    if jobs is None:
        jobs = default_jobs(len(specs))
    if jobs <= 1 or len(specs) <= 1:
        with fewer_collections():
            for spec in specs:
                yield assess_region(rubric, spec, columns)
        return
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    import kla_cli.core.assess  # noqa: F401  (loaded once here, so forked workers share it)

    # fork shares the loaded rubric and modules with the workers for free; elsewhere the
    # rubric is pickled once per worker.
    context = multiprocessing.get_context("fork" if _can_fork() else None)
    workers = min(jobs, len(specs))
    # Small chunks: a region takes ~10 ms, so the last chunk leaves a core idle only briefly.
    size = max(1, min(4, len(specs) // (workers * 4)))
    chunks = [specs[i : i + size] for i in range(0, len(specs), size)]
    # The parent's objects are left out of the workers' garbage collections, which would
    # otherwise touch (and so copy) every inherited page.
    gc.freeze()
    pool = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(rubric, lang, columns, os.getpid()),
    )
    done = False
    try:
        futures = [pool.submit(_run_chunk, chunk) for chunk in chunks]
        for future in as_completed(futures):
            yield from future.result()
        done = True
    finally:
        gc.unfreeze()
        if done:
            pool.shutdown(wait=True)
        else:  # interrupted (Ctrl-C, SIGTERM), or the reader stopped: no worker is left behind
            _stop_workers(pool)
