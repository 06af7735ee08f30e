"""Regenerate examples/kota-contoh: a fictional city on the 2024 instrument, one form per OPD.

Kota Contoh self-assesses in Madya; about one in eight data dukung is missing, so the evidenced
total (what verification keeps) is lower. Every OPD that leads or co-sources a question gets its
form; the lead answers, and three questions show how co-sources count: Dinas Sosial agrees with
DP3A on 8.3 (silent), contradicts Disdukcapil on 4.4 (one warning; the lead's answer counts), and
answers 21A.2 for UPTD PPA, whose row is blank (Polres's answer counts). The kecamatan and
desa/kelurahan questions are not in any OPD form (they come from the kecamatan/desa inventory).
Deterministic (fixed seeds), so running it again reproduces the same answers:

    .venv/bin/python scripts/make_examples.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from kla_cli.io.rubric_yaml import load_rubric
from kla_cli.workbook.form_writer import Filled
from kla_cli.workbook.synthetic import answers_in_band, score_filled, write_region

ROOT = Path(__file__).resolve().parents[1]
REGION, YEAR = "Kota Contoh", "2025"


def cosource_answers(filled: dict[str, Filled]) -> dict[str, dict[str, Filled]]:
    """What co-sources wrote in their own forms (see the module docstring)."""
    differs = filled["4.4"]
    return {
        "dinsos": {
            "8.3": filled["8.3"],
            "4.4": Filled(
                not differs.answer, "https://data-dukung.kota-contoh.example/dinsos-4.4.pdf"
            ),
        },
        "uptd-ppa": {"21A.2": Filled()},
        "polres": {"21A.2": filled["21A.2"]},
    }


def main() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "kla-2024.yaml")
    filled = answers_in_band(rubric, 620, 690, seed=2025, missing_evidence=0.12, region=REGION)
    result = score_filled(rubric, filled)
    folder = ROOT / "examples" / "kota-contoh"
    shutil.rmtree(folder, ignore_errors=True)
    written = write_region(rubric, folder, REGION, YEAR, filled, by_opd=cosource_answers(filled))
    sys.stderr.write(
        f"{len(written)} OPD workbooks in {folder.relative_to(ROOT)}: total {result.total:.2f}, "
        f"evidenced {result.total_evidenced:.2f}, predikat {result.predicate.id if result.predicate else '-'}\n"
    )


if __name__ == "__main__":
    main()
