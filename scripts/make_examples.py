"""Regenerate examples/kota-contoh: a fictional city, one workbook per OPD, landing in Madya.

Deterministic (fixed seeds), so running it again reproduces the same files:

    .venv/bin/python scripts/make_examples.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from kla_cli.io.rubric_yaml import load_rubric
from kla_cli.workbook.example_inventory import write_example_inventory
from kla_cli.workbook.synthetic import answers_in_band, score_filled, write_region

ROOT = Path(__file__).resolve().parents[1]
REGION, YEAR = "Kota Contoh", "2025"


def main() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "kla-2023.yaml")
    # Self-assessed in Madya (620–690), with about one in eight evidence links missing, so the
    # evidenced total (what verification keeps) falls lower: the gap every region discovers late.
    filled = answers_in_band(rubric, 620, 690, seed=2025, missing_evidence=0.12, region=REGION)
    result = score_filled(rubric, filled)
    folder = ROOT / "examples" / "kota-contoh"
    shutil.rmtree(folder, ignore_errors=True)
    written = write_region(rubric, folder, REGION, YEAR, filled)
    sys.stderr.write(
        f"{len(written)} OPD workbooks in {folder.relative_to(ROOT)}: total {result.total:.2f}, "
        f"evidenced {result.total_evidenced:.2f}, predikat {result.predicate.id if result.predicate else '-'}\n"
    )
    write_example_inventory(folder, REGION, YEAR)  # the kecamatan/desa answers (kla-2024)


if __name__ == "__main__":
    main()
