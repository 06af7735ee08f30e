"""Benchmark `kla batch` against bare reads of the same files, and `kla --version` start-up.

Generates a synthetic national corpus (default 514 regions x 20 OPD forms of the 2024
instrument, the default rubric) in a temporary folder, then prints, in one run, the wall time of

  - `kla batch CORPUS --format json` (default --jobs: all cores) and with --jobs 1,
  - a bare read of every workbook's first sheet with python-calamine (one process),
  - a bare read with openpyxl (read_only=True, one process),
  - `kla --version` and `python -c "import json"` (best of several runs),

and the ratios the issue sets as goals (batch <= 1.5x calamine, <= 0.25x openpyxl; --version <=
3x import json). Every timing is a fresh process, so interpreter start-up and imports count.
kla's modules are byte-compiled first, as `pip install` does: in an editable install under
PYTHONDONTWRITEBYTECODE (set on some CI machines) every run would otherwise recompile them,
which is a cost of that setup, not of kla.
The batch and calamine timings are the best of --repeat rounds (3), since a shared machine varies
by tens of percent from one run to the next. The rounds interleave the commands (calamine, batch,
batch --jobs 1, then again), so that each ratio compares timings taken under the same conditions,
and every timing starts with the corpus in the page cache (it is read once just before), so that
none of them pays for the disk and the first one for the others. The openpyxl read is run once
(it takes minutes).

    .venv/bin/python bench/batch_bench.py                # national scale (takes minutes)
    .venv/bin/python bench/batch_bench.py --regions 50   # quicker

To keep generation fast, a few distinct regions are written with openpyxl and the others are
byte-for-byte copies (reading cost is per file, so copies time the same as originals).
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


def wall(cmd: list[str], repeat: int = 1, paths: list[Path] | None = None) -> float:
    """Best wall time of `cmd` over `repeat` runs (stdout discarded, failures raise); with
    `paths`, the files are read into the page cache before each run."""
    best = float("inf")
    for _ in range(repeat):
        if paths:
            warm(paths)
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):  # 1: some synthetic region is below a target
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
        best = min(best, elapsed)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regions", type=int, default=NATIONAL)
    parser.add_argument("--skip-openpyxl", action="store_true", help="skip the slow bare read")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument(
        "--repeat", type=int, default=3, help="best of N runs for batch and calamine (default 3)"
    )
    args = parser.parse_args()

    python = sys.executable
    kla = Path(python).with_name("kla")
    kla_cmd = [str(kla)] if kla.exists() else [python, "-m", "kla_cli"]
    import compileall

    import kla_cli

    compileall.compile_dir(Path(kla_cli.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory(prefix="kla-bench-") as tmp:
        corpus = args.keep or Path(tmp) / "corpus"
        start = time.perf_counter()
        paths = generate(corpus, args.regions)
        gen = time.perf_counter() - start
        listing = Path(tmp) / "files.txt"
        listing.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
        size = sum(p.stat().st_size for p in paths)
        print(
            f"corpus: {args.regions} regions, {len(paths)} workbooks, {size / 1e6:.1f} MB "
            f"(generated in {gen:.0f} s); cores: {os.cpu_count()}"
        )

        commands = {
            "calamine": [python, "-c", BARE_CALAMINE, str(listing)],
            "batch": [*kla_cmd, "batch", str(corpus), "--format", "json"],
            "batch_1": [*kla_cmd, "batch", str(corpus), "--format", "json", "--jobs", "1"],
        }
        best = dict.fromkeys(commands, float("inf"))
        for _ in range(args.repeat):  # interleaved rounds: see the module's doc
            for name, cmd in commands.items():
                best[name] = min(best[name], wall(cmd, paths=paths))
        calamine, batch, batch_1 = best["calamine"], best["batch"], best["batch_1"]
        openpyxl = (
            None
            if args.skip_openpyxl
            else wall([python, "-c", BARE_OPENPYXL, str(listing)], paths=paths)
        )
        version = wall([*kla_cmd, "--version"], repeat=15)
        import_json = wall([python, "-c", "import json"], repeat=15)

    rows = [
        ("kla batch (all cores)", batch),
        ("kla batch --jobs 1", batch_1),
        ("bare python-calamine read", calamine),
        ("bare openpyxl read_only read", openpyxl),
        ("kla --version", version),
        ('python -c "import json"', import_json),
    ]
    print()
    for label, seconds in rows:
        shown = "skipped" if seconds is None else f"{seconds:8.3f} s"
        print(f"  {label:<32} {shown}")
    print()
    print(f"  batch / calamine      {batch / calamine:6.2f}x   (goal <= 1.5x)")
    print(f"  batch -j1 / calamine  {batch_1 / calamine:6.2f}x")
    if openpyxl is not None:
        print(f"  batch / openpyxl      {batch / openpyxl:6.2f}x   (goal <= 0.25x)")
        print(f"  batch -j1 / openpyxl  {batch_1 / openpyxl:6.2f}x")
    print(f"  --version / import    {version / import_json:6.2f}x   (goal <= 3x)")
    if args.regions < NATIONAL:
        print(
            f"\n  note: the batch goals are for the national corpus ({NATIONAL} regions); with"
            f" {args.regions} regions, start-up and the pool's warm-up weigh more than they would."
        )


if __name__ == "__main__":
    main()
