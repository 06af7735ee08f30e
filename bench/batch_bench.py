"""Benchmark kla's speed goals (issue 20), each as a paired, interleaved ratio.

Every figure comes from `bench/paired.py`: two commands run in turn, A B then B A, for --rounds
rounds (default 10); each round gives a ratio of two timings taken side by side, and the median
ratio is quoted with the minimum beside it, for wall time and for CPU time (user + system, from
the kernel's accounting of each finished process), with the machine's 1-minute load average
before and after. Every timing is a fresh process, start-up and imports included.

Sections (--only a,b,...):

  startup  `kla score examples/kota-contoh` and `kla gap examples/kota-contoh` against
           `python -c "import json"` (goals <= 5x and <= 6x), and `kla --version` (<= 3x), the
           rubric and the region's assessment cached (as after a first run on forms that did
           not change since); beside each, the same with the region's memo removed before
           every timing (a form changed: every workbook read and assessed, the rubric cached). Beside them, the floor the project's fixed
           choices set before kla does anything of its own: importing typer and reading the
           example's workbooks bare with python-calamine, against `import json`; and kla score
           against that floor (what kla's own work costs on top).
  cache    an unchanged national re-run, `kla batch CORPUS -f json` with its results cached
           (goal <= 0.5 s), paired with the same run under --no-cache; then the same re-run in
           a fresh `git clone` of the corpus (committed once to a repository in the temporary
           folder; each round clones anew, untimed), as CI's checkout does: every `stat` new,
           git's index vouches for the workbooks (goal <= 0.5 s); and in a checkout git does
           not know (a copy without .git, every change time moved): each workbook is read and
           hashed again. Each against the re-run in the same checkout, none re-scored. With
           --before, the re-runs in a fresh clone and in the same checkout are also paired
           with the other checkout's (each with its own cache entry).
  cpu      `kla batch CORPUS -f json -j 1 --no-cache` against a bare python-calamine read of
           the same files (goal: CPU <= 2x).
  table    the batch table of 5 000 regions: the plain writer against rich (in this process).
  report   the Excel report of a region with 5 000 findings (in this process).
  jobs     --jobs 2 against --jobs 1 with the other core idle and with it kept busy by a
           neighbour process, and the default --jobs against --jobs 1 with the neighbour.
  openpyxl the bare openpyxl read_only read (minutes; not run unless asked).

--before SRC pairs the start-up and CPU figures of this checkout with those of another one
(e.g. `git worktree add /tmp/kla-before main`; SRC is its top folder), run with the same
Python and packages: the before/after pairs of docs/batch.md.

The corpus (default 514 regions x 20 OPD forms of the 2024 instrument, the default rubric) is
generated in a temporary folder, or taken from --corpus DIR (made by an earlier --keep DIR). To
keep generation fast, a few distinct regions are written with openpyxl and the others are
byte-for-byte copies (reading cost is per file, so copies time the same as originals). Every
timing of the corpus starts with its files in the page cache (read just before), so that none
pays for the disk. kla's modules are byte-compiled first, as `pip install` does.

    .venv/bin/python bench/batch_bench.py                      # everything, national scale
    .venv/bin/python bench/batch_bench.py --only startup       # a minute
    .venv/bin/python bench/batch_bench.py --regions 50 --rounds 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from paired import Pair, Runs, load1, paired, paired_calls, report, report_one, run_once

ROOT = Path(__file__).resolve().parents[1]
OPDS_PER_REGION = 20
DISTINCT = 12

BARE_CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
for line in open(sys.argv[1], encoding="utf-8"):
    with CalamineWorkbook.from_path(line.rstrip("\\n")) as book:
        book.get_sheet_by_index(0).to_python()
"""

BARE_OPENPYXL = """
import sys
import openpyxl
for line in open(sys.argv[1], encoding="utf-8"):
    book = openpyxl.load_workbook(line.rstrip("\\n"), read_only=True, data_only=True)
    for _ in book.worksheets[0].iter_rows(values_only=True):
        pass
    book.close()
"""


NATIONAL = 514
"""Kabupaten and kota in Indonesia: the corpus size the speed goals are set for."""


def generate(corpus: Path, regions: int) -> list[Path]:
    """`regions` folders of OPDS_PER_REGION workbooks; returns every workbook path."""
    from kla_cli.io.output import atomic_path
    from kla_cli.io.rubric_yaml import load_rubric
    from kla_cli.workbook.form_text import items_for
    from kla_cli.workbook.form_writer import build_workbook
    from kla_cli.workbook.forms import select_opds
    from kla_cli.workbook.synthetic import answers_in_band

    rubric = load_rubric(ROOT / "rubrics" / "kla-2024.yaml")  # the default, which kla batch uses
    # the OPD forms of the 2024 instrument with the most questions (27 OPDs have a form)
    biggest = sorted(select_opds(rubric, []), key=lambda opd: -len(items_for(rubric, opd)))
    chosen = {opd.id for opd in biggest[:OPDS_PER_REGION]}
    opds = [opd for opd in rubric.opds if opd.id in chosen]
    bands = [(450 + 40 * i, 480 + 40 * i) for i in range(DISTINCT)]
    templates: list[Path] = []
    for i in range(min(DISTINCT, regions)):
        low, high = bands[i % len(bands)]
        name = f"Kabupaten Sintetis {i + 1:03d}"
        filled = answers_in_band(rubric, low, high, seed=1000 + i, region=name)
        folder = corpus / f"wilayah-{i + 1:03d}"
        folder.mkdir(parents=True)
        for opd in opds:
            book = build_workbook(rubric, opd, region=name, year="2025", filled=filled)
            with atomic_path(folder / f"{opd.id}.xlsx") as tmp:
                book.save(tmp)
        templates.append(folder)
    for i in range(len(templates), regions):
        shutil.copytree(templates[i % len(templates)], corpus / f"wilayah-{i + 1:03d}")
    return sorted(corpus.glob("*/*.xlsx"))


def warm(paths: list[Path]) -> None:
    """Read every file once, so that the timing that follows finds them in the page cache."""
    for path in paths:
        path.read_bytes()


def checked_out_anew(paths: list[Path]) -> None:
    """Every file's change time moved (the bytes unchanged), as a checkout that git does not
    know about leaves them, and the files in the page cache."""
    for path in paths:
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    warm(paths)


def git(*args: str) -> None:
    subprocess.run(["git", "-c", "core.autocrlf=false", *args], check=True)


def corpus_repository(corpus: Path, repo: Path) -> None:
    """`corpus` committed once to the bare repository `repo` (the corpus itself untouched: its
    index and objects live in `repo`)."""
    git("init", "-q", "--bare", str(repo))
    where = ["--git-dir", str(repo), "--work-tree", str(corpus)]
    git(*where, "add", "-A")
    git(
        *where,
        "-c",
        "user.name=bench",
        "-c",
        "user.email=bench@example.invalid",
        "commit",
        "-q",
        "-m",
        "corpus",
    )


def cloned(repo: Path, where: Path, git_dir: bool = True) -> list[Path]:
    """A fresh clone of `repo` at `where` (the last one removed), its workbooks in the page
    cache; without its .git folder unless `git_dir`: a checkout git knows nothing of. As in
    CI, where installing Python and kla comes between the checkout and the batch, kla starts
    after the racy window (`batch_cache.RACY_NS`): a form written within it is read and
    hashed by kla rather than taken on git's word, which a checkout a moment old would time."""
    shutil.rmtree(where, ignore_errors=True)
    git("clone", "-q", str(repo), str(where))
    if not git_dir:
        shutil.rmtree(where / ".git")
    paths = sorted(where.glob("*/*.xlsx"))
    time.sleep(2.1)
    warm(paths)
    return paths


def settled(batch: list[str], env: dict[str, str], paths: list[Path]) -> None:
    """The same checkout as at the last run: once the racy window (`batch_cache.RACY_NS`) has
    passed since any file changed, one unmeasured run remembers every region's hashes."""
    time.sleep(2.1)
    run_once(batch, env)
    warm(paths)


SECTIONS = ("startup", "cache", "cpu", "table", "report", "jobs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regions", type=int, default=NATIONAL)
    parser.add_argument("--rounds", type=int, default=10, help="paired rounds (default 10)")
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections, comma-separated")
    parser.add_argument("--corpus", type=Path, help="an existing corpus (made with --keep)")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--before", type=Path, help="another checkout to pair with this one")
    parser.add_argument("--openpyxl", action="store_true", help="also the bare openpyxl read")
    parser.add_argument(
        "--jobs-regions", type=int, default=0, help="jobs: the first N regions only (0: all)"
    )
    args = parser.parse_args()
    only = set(args.only.split(",")) | ({"openpyxl"} if args.openpyxl else set())

    python = sys.executable
    kla = Path(python).with_name("kla")
    kla_cmd = [str(kla)] if kla.exists() else [python, "-m", "kla_cli"]
    import compileall

    import kla_cli

    compileall.compile_dir(Path(kla_cli.__file__).parent, quiet=1)
    before_env = None
    if args.before:
        compileall.compile_dir(args.before / "src" / "kla_cli", quiet=1)
        before_env = {**os.environ, "PYTHONPATH": str(args.before / "src")}
    print(
        f"kla bench: {os.cpu_count()} cores, load average {os.getloadavg()}, "
        f"Python {sys.version.split()[0]}, {args.rounds} paired rounds"
    )
    with tempfile.TemporaryDirectory(prefix="kla-bench-") as tmp:
        env = {**os.environ, "KLA_CACHE_DIR": str(Path(tmp) / "cache")}
        if before_env is not None:
            before_env["KLA_CACHE_DIR"] = env["KLA_CACHE_DIR"]
        rounds = args.rounds
        if "startup" in only:
            startup(kla_cmd, python, rounds, env, before_env)
        if "table" in only:
            table(rounds)
        if "report" in only:
            excel_report(python, rounds, env, before_env)
        if not only & {"cache", "cpu", "jobs", "openpyxl"}:
            return
        corpus = args.corpus or args.keep or Path(tmp) / "corpus"
        if args.corpus:
            paths = sorted(corpus.glob("*/*.xlsx"))
        else:
            begun = time.perf_counter()
            paths = generate(corpus, args.regions)
            print(f"corpus generated in {time.perf_counter() - begun:.0f} s")
        listing = Path(tmp) / "files.txt"
        listing.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
        size = sum(p.stat().st_size for p in paths)
        regions = len({p.parent for p in paths})
        print(f"corpus: {regions} regions, {len(paths)} workbooks, {size / 1e6:.1f} MB")

        def warmed() -> None:
            warm(paths)

        batch = [*kla_cmd, "batch", str(corpus), "--format", "json"]
        calamine = ("bare python-calamine read", [python, "-c", BARE_CALAMINE, str(listing)])
        if "cache" in only:
            run_once(batch, env)  # fills the results cache
            pair = paired(
                ("kla batch, results cached", batch),
                ("kla batch --no-cache (default --jobs)", [*batch, "--no-cache"]),
                rounds,
                before=warmed,
                env=env,
            )
            report("cache: an unchanged national re-run / a full one", pair)
            report_one("cache: the unchanged re-run alone", pair.a, goal_seconds=0.5)
            # CI: a fresh clone every time; git's index vouches for each workbook
            repo, checkout = Path(tmp) / "corpus.git", Path(tmp) / "ci" / "corpus"
            corpus_repository(corpus, repo)
            clone_paths = cloned(repo, checkout)
            at_checkout = [*kla_cmd, "batch", str(checkout), "--format", "json"]
            fresh = paired(
                ("kla batch, results cached, a fresh clone", at_checkout),
                ("kla batch, results cached, the same checkout", at_checkout),
                rounds,
                before=lambda: cloned(repo, checkout),
                before_b=lambda: settled(at_checkout, env, clone_paths),
                env=env,
            )
            report("cache: the re-run in a fresh clone / in the same checkout", fresh)
            report_one("cache: the re-run in a fresh clone", fresh.a, goal_seconds=0.5)
            if before_env is not None:  # each checkout's first run fills its own entry
                pair = paired(
                    ("after: the re-run in a fresh clone", at_checkout),
                    ("before: the re-run in a fresh clone", at_checkout),
                    rounds,
                    before=lambda: cloned(repo, checkout),
                    env=env,
                    env_b=before_env,
                )
                report("before/after: the re-run in a fresh clone, after / before", pair)
                pair = paired(
                    ("after: the re-run in the same checkout", at_checkout),
                    ("before: the re-run in the same checkout", at_checkout),
                    rounds,
                    before=lambda: settled(at_checkout, env, clone_paths),
                    before_b=lambda: settled(at_checkout, before_env, clone_paths),
                    env=env,
                    env_b=before_env,
                )
                report("before/after: the re-run in the same checkout, after / before", pair)
            # a checkout git does not know: every workbook read and hashed again
            plain = Path(tmp) / "plain" / "corpus"
            plain_paths = cloned(repo, plain, git_dir=False)
            at_plain = [*kla_cmd, "batch", str(plain), "--format", "json"]
            unknown = paired(
                ("kla batch, results cached, unknown to git", at_plain),
                ("kla batch, results cached, the same checkout", at_plain),
                rounds,
                before=lambda: checked_out_anew(plain_paths),
                before_b=lambda: settled(at_plain, env, plain_paths),
                env=env,
            )
            report("cache: the re-run in a checkout git does not know / in the same one", unknown)
            report_one("cache: the re-run in a checkout git does not know", unknown.a)
        if "cpu" in only:
            one = [*batch, "-j", "1", "--no-cache"]
            pair = paired(
                ("kla batch -j 1 --no-cache", one), calamine, rounds, before=warmed, env=env
            )
            report("cpu: kla batch -j 1 / bare calamine read", pair, goal=2.0, on="cpu")
            if before_env is not None:
                pair = paired(
                    ("after: kla batch -j 1 --no-cache", one),
                    ("before: kla batch -j 1 --no-cache", one),  # both score every region
                    rounds,
                    before=warmed,
                    env=env,
                    env_b=before_env,
                )
                report("before/after: kla batch -j 1, after / before", pair, on="cpu")
        if "jobs" in only:
            root = corpus
            if args.jobs_regions:
                root = Path(tmp) / "jobs-corpus"
                root.mkdir()
                for folder in sorted({p.parent for p in paths})[: args.jobs_regions]:
                    (root / folder.name).symlink_to(folder)
                print(f"jobs: the first {args.jobs_regions} regions")
            jobs([*kla_cmd, "batch", str(root), "--format", "json"], rounds, warmed, env, python)
        if "openpyxl" in only:
            bare = [python, "-c", BARE_OPENPYXL, str(listing)]
            warmed()
            wall, cpu = run_once(bare)
            print(f"\nbare openpyxl read_only read: wall {wall:.1f} s, cpu {cpu:.1f} s (one run)")


def startup(
    kla_cmd: list[str],
    python: str,
    rounds: int,
    env: dict[str, str],
    before_env: dict[str, str] | None,
) -> None:
    example = str(ROOT / "examples" / "kota-contoh")
    json_cmd = ("python -c 'import json'", [python, "-c", "import json"])
    score = [*kla_cmd, "score", example]
    gap = [*kla_cmd, "gap", example]
    cache = Path(env["KLA_CACHE_DIR"])

    def forget() -> None:  # a form changed: the region is read again, the rubric cached
        for memo in cache.glob("memo-*.json"):
            memo.unlink()

    for label, cmd, goal in (("kla score", score, 5.0), ("kla gap", gap, 6.0)):
        pair = paired((f"{label} examples/kota-contoh", cmd), json_cmd, rounds, env=env)
        report(f"startup: {label} / import json", pair, goal=goal)
        pair = paired((f"{label}, read anew", cmd), json_cmd, rounds, env=env, before=forget)
        report(f"startup: {label}, every workbook read (a form changed) / import json", pair)
        if before_env is not None:
            pair = paired(
                (f"after: {label}", cmd),
                (f"before: {label}", cmd),
                rounds,
                env=env,
                env_b=before_env,
            )
            report(f"before/after: {label}, after / before", pair)
    version = ("kla --version", [*kla_cmd, "--version"])
    report("startup: kla --version / import json", paired(version, json_cmd, rounds, env=env), 3.0)
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "example.txt"
        books = sorted(p for p in Path(example).rglob("*.xls*") if p.is_file())
        listing.write_text("".join(f"{p}\n" for p in books), encoding="utf-8")
        floor = (
            f"import typer, read {len(books)} books bare",
            [python, "-c", "import typer, typer.core\n" + BARE_CALAMINE, str(listing)],
        )
        report(
            "startup: the floor (typer + bare read) / import json",
            paired(floor, json_cmd, rounds, env=env),
        )
        report(
            "startup: kla score / the floor",
            paired(("kla score examples/kota-contoh", score), floor, rounds, env=env),
        )


TABLE_ROWS = 5_000
"""Rows of the table section (rich takes ~0,6 ms a row: 12 s for 20 000 on a quiet machine)."""


def table(rounds: int) -> None:
    """The batch table of TABLE_ROWS regions, in this process: the plain writer and rich's."""
    from kla_cli.core.ranking import RegionResult, summarise
    from kla_cli.io.rubric_yaml import load_rubric
    from kla_cli.render import batch as render_batch

    rubric = load_rubric(ROOT / "rubrics" / "kla-2024.yaml")
    results = [
        RegionResult(
            name=f"Kabupaten Sintetis {i:05d}",
            path=f"nasional/wilayah-{i:05d}",
            target="madya" if i % 3 else None,
            total=400 + (i * 37) % 600,
            total_evidenced=380 + (i * 31) % 600,
            predicate="madya",
            predicate_evidenced="pratama",
            met=bool(i % 2) if i % 3 else None,
            errors=i % 4,
            workbooks=20,
        )
        for i in range(TABLE_ROWS)
    ]
    summary = summarise(rubric, results, "id")
    plain = getattr(render_batch, "plain_batch_table", None)
    rich = getattr(render_batch, "rich_batch_table", None)
    if plain is None or rich is None:
        print("\ntable: this checkout has no plain batch table; skipped")
        return
    pair = paired_calls(
        (f"batch table, plain writer ({TABLE_ROWS} rows)", lambda: plain(summary, "id", 100)),
        (f"batch table, rich ({TABLE_ROWS} rows)", lambda: rich(summary, "id", 100)),
        max(3, rounds // 3),
    )
    report(f"table: plain / rich, {TABLE_ROWS} regions", pair, on="cpu")


def excel_report(
    python: str, rounds: int, env: dict[str, str], before_env: dict[str, str] | None
) -> None:
    """The Excel report of a region with 5 000 findings (`report_bench.py`, which times the
    writer alone in its process), paired with another checkout's when --before is given."""
    script = str(Path(__file__).with_name("report_bench.py"))

    def one(where: dict[str, str]) -> tuple[float, float]:
        done = subprocess.run([python, script, "1"], env=where, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"report_bench failed: {done.stderr[-800:]}")
        wall, cpu = done.stdout.split()
        return float(wall), float(cpu)

    after = Runs("after: report_workbook, 5 000 findings")
    if before_env is None:
        for _ in range(max(3, rounds // 3)):
            wall, cpu = one(env)
            after.wall.append(wall)
            after.cpu.append(cpu)
        report_one("report: Excel report of 5 000 findings (the writer alone)", after)
        return
    before = Runs("before: report_workbook, 5 000 findings")
    start = load1()
    for i in range(rounds):
        for runs, where in ((after, env), (before, before_env))[:: 1 if i % 2 == 0 else -1]:
            wall, cpu = one(where)
            runs.wall.append(wall)
            runs.cpu.append(cpu)
    pair = Pair(after, before, (start, load1()))
    report("before/after: Excel report of 5 000 findings, after / before", pair, on="cpu")


def jobs(batch: list[str], rounds: int, warmed: object, env: dict[str, str], python: str) -> None:
    """--jobs 2 against --jobs 1, with the other core idle and with it busy."""
    cmd = [*batch, "--no-cache"]
    one = ("kla batch -j 1", [*cmd, "-j", "1"])
    two = ("kla batch -j 2", [*cmd, "-j", "2"])
    default = ("kla batch (default --jobs)", cmd)
    before = warmed if callable(warmed) else None
    report(
        "jobs: -j 2 / -j 1, nothing else of ours running",
        paired(two, one, rounds, before=before, env=env),
    )
    neighbour = subprocess.Popen([python, "-c", "while True: pass"])
    try:
        time.sleep(5)  # let the load average see it
        pair = paired(two, one, rounds, before=before, env=env)
        report("jobs: -j 2 / -j 1, a neighbour keeping one core busy", pair)
        pair = paired(default, one, rounds, before=before, env=env)
        report("jobs: default / -j 1, a neighbour keeping one core busy", pair)
    finally:
        neighbour.kill()
        neighbour.wait()


if __name__ == "__main__":
    main()
