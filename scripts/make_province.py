"""Regenerate examples/provinsi-contoh: a fictional province of seven regions for `kla batch`.

Each region is a folder of OPD forms on the 2024 instrument whose total lands in a chosen
predikat band; one region (kota-lama) has a workbook cut off halfway, as an e-mail attachment
sometimes is. A manifest
(provinsi-contoh.yaml) lists the same regions with per-region targets. Deterministic (fixed
seeds), so running it again reproduces the same answers:

    .venv/bin/python scripts/make_province.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from kla_cli.io.rubric_yaml import load_rubric
from kla_cli.workbook.synthetic import answers_in_band, score_filled, write_region

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "examples" / "provinsi-contoh"
YEAR = "2025"

# folder, region name, band of the self-assessed total, seed, manifest target
REGIONS: tuple[tuple[str, str, tuple[float, float], int, str], ...] = (
    ("kota-harapan", "Kota Harapan", (910, 960), 11, "utama"),
    ("kabupaten-sejahtera", "Kabupaten Sejahtera", (820, 880), 12, "nindya"),
    ("kota-bahari", "Kota Bahari", (720, 780), 13, "madya"),
    ("kabupaten-lestari", "Kabupaten Lestari", (625, 685), 14, "nindya"),
    ("kota-lama", "Kota Lama", (630, 690), 15, "madya"),
    ("kabupaten-maju", "Kabupaten Maju", (520, 580), 16, "madya"),
    ("kabupaten-pesisir", "Kabupaten Pesisir", (400, 480), 17, "pratama"),
)
BROKEN = ("kota-lama", "dinsos.xlsx")

MANIFEST_HEAD = """\
# kla batch manifest for the fictional Provinsi Contoh.
#   kla batch examples/provinsi-contoh/provinsi-contoh.yaml
# Paths are relative to this file and must stay inside its folder. `target` is the predikat a
# region must reach on its total with evidence, as kla gap judges it (kla batch exits 1 when one does
# not); the top-level target is the default.
target: madya
regions:
"""


def main() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "kla-2024.yaml")
    shutil.rmtree(FOLDER, ignore_errors=True)
    manifest = [MANIFEST_HEAD]
    for folder, name, (low, high), seed, target in REGIONS:
        filled = answers_in_band(rubric, low, high, seed=seed, missing_evidence=0.12, region=name)
        result = score_filled(rubric, filled)
        written = write_region(rubric, FOLDER / folder, name, YEAR, filled)
        tier = result.predicate.id if result.predicate else "-"
        sys.stderr.write(f"{folder}: {len(written)} workbooks, total {result.total:.2f} ({tier})\n")
        manifest.append(f"  - {{name: {name}, path: {folder}, target: {target}}}\n")
    broken = FOLDER / BROKEN[0] / BROKEN[1]
    data = broken.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    (FOLDER / "provinsi-contoh.yaml").write_text("".join(manifest), encoding="utf-8")
    sys.stderr.write(f"{broken.relative_to(ROOT)} cut in half (the broken workbook)\n")


if __name__ == "__main__":
    main()
