"""The Excel report of a region with 5 000 findings: the time `render.xlsx.report_workbook`
takes, in this process (the report is built first and not timed).

    .venv/bin/python bench/report_bench.py [ROUNDS]     # prints 'wall cpu' per round

`batch_bench.py --only report` runs it for this checkout and, with --before SRC, for another one
(PYTHONPATH=SRC/src), in turn, and pairs the rounds.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FINDINGS = 5_000


def build() -> object:
    from kla_cli.core.assess import assess
    from kla_cli.core.report_model import build_report
    from kla_cli.io.rubric_yaml import load_rubric
    from kla_cli.workbook.read import read_region

    rubric = load_rubric(ROOT / "rubrics" / "kla-2024.yaml")
    assessment = assess(rubric, read_region([ROOT / "examples" / "kota-contoh"]))
    report = build_report(rubric, assessment.result, assessment.validation.findings)
    found = list(report.findings) or []
    if not found:
        raise SystemExit("the example has no findings to repeat")
    many = tuple(found[i % len(found)] for i in range(FINDINGS))
    return replace(report, findings=many)  # type: ignore[type-var]


def main() -> None:
    from kla_cli.render.report_xlsx import report_workbook

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    report = build()
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        report_workbook(report, "id")  # type: ignore[arg-type]
        print(f"{time.perf_counter() - wall:.4f} {time.process_time() - cpu:.4f}", flush=True)


if __name__ == "__main__":
    main()
