"""Regenerate examples/kota-contoh: a fictional city on the 2024 instrument, one form per OPD.

Kota Contoh self-assesses in Madya (660,69); about one in seven data dukung is missing, so the
evidenced total (what verification keeps) falls to Pratama (593,78). Every OPD that leads or co-sources a question gets its
form; the lead answers, and three questions show how co-sources count: Dinas Sosial agrees with
DP3A on 8.3 (silent), contradicts Disdukcapil on 4.4 (one warning; the lead's answer counts), and
answers 21A.2 for UPTD PPA, whose row is blank (Polres's answer counts). The questions asked of
every kecamatan and desa/kelurahan are left blank in the OPD forms: the inventory
(inventaris-kecamatan-desa.xlsx) answers them.
Deterministic (fixed seeds), so running it again reproduces the same answers:

    .venv/bin/python scripts/make_examples.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from kla_cli.core.assess import assess
from kla_cli.io.rubric_yaml import load_rubric
from kla_cli.workbook.example_inventory import write_example_inventory
from kla_cli.workbook.form_writer import Filled
from kla_cli.workbook.read import read_region
from kla_cli.workbook.synthetic import answers_in_band, write_region

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
    filled = answers_in_band(rubric, 610, 680, seed=2025, missing_evidence=0.15, region=REGION)
    # the questions asked of every kecamatan and desa/kelurahan come from the inventory, so the
    # OPD forms leave them blank (an OPD answer would only disagree with the inventory)
    filled = {
        code: answer
        for code, answer in filled.items()
        if rubric.item_index[code][1].respondent is None
    }
    folder = ROOT / "examples" / "kota-contoh"
    shutil.rmtree(folder, ignore_errors=True)
    written = write_region(rubric, folder, REGION, YEAR, filled, by_opd=cosource_answers(filled))
    write_example_inventory(folder, REGION, YEAR)  # the kecamatan/desa answers (kla-2024)
    result = assess(rubric, read_region([folder])).result  # as kla will read it
    sys.stderr.write(
        f"{len(written)} OPD workbooks and the inventory in {folder.relative_to(ROOT)}: "
        f"total {result.total:.2f}, evidenced {result.total_evidenced:.2f}, "
        f"predikat {result.predicate.id if result.predicate else '-'}\n"
    )


if __name__ == "__main__":
    main()
