"""A fictional city's inventory of kecamatan and desa/kelurahan, reproducible from a seed: the
example (`scripts/make_examples.py` → examples/kota-contoh/inventaris-kecamatan-desa.xlsx), and
a filled inventory for tests and benchmarks."""

from __future__ import annotations

import random
from collections.abc import Mapping
from pathlib import Path

from kla_cli.core.inventory import inventory_items, yes_is_bad
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Respondent
from kla_cli.workbook.inventory_writer import PlaceRow, build_inventory, inventory_path

KECAMATAN = (
    "Sukamaju",
    "Tanjung Harapan",
    "Sumber Rejeki",
    "Bukit Indah",
    "Pantai Timur",
    "Kota Lama",
    "Sidomulyo",
    "Mekarsari",
)
_STEMS = ("Suka", "Mekar", "Sumber", "Tanjung", "Karang", "Sido", "Jati", "Bukit")
_ENDS = ("jaya", "mulya", "asri", "makmur", "rahayu")
DESA = tuple(f"{stem}{end}" for end in _ENDS for stem in _STEMS)
"""Forty fictional desa/kelurahan, five per kecamatan."""


def example_places(rubric: Rubric, seed: int) -> dict[Respondent, list[PlaceRow]]:
    """Every place with a yes/no per question: each question has its own share of Ya (between
    a half and all of them); a question about cases gets few."""
    rng = random.Random(seed)
    names = {
        Respondent.KECAMATAN: [f"Kec. {name}" for name in KECAMATAN],
        Respondent.DESA: [("Kel. " if i % 3 == 0 else "Desa ") + n for i, n in enumerate(DESA)],
    }
    places: dict[Respondent, list[PlaceRow]] = {}
    for kind, listed in names.items():
        items = [item for _, item in inventory_items(rubric, kind)]
        if not items:
            continue
        rates = {
            item.code: rng.uniform(0.03, 0.12) if yes_is_bad(item) else rng.uniform(0.5, 1.0)
            for item in items
        }
        rows: list[PlaceRow] = []
        for name in listed:
            answers = {code: rng.random() < rate for code, rate in rates.items()}
            rows.append((name, answers))
        places[kind] = rows
    return places


def write_example_inventory(
    folder: Path,
    region: str,
    year: str,
    rubric: Rubric | None = None,
    *,
    seed: int = 2024,
    evidence: Mapping[str, str] | None = None,
) -> Path:
    """The example inventory in `folder` (for the shipped kla-2024 rubric unless one is given);
    every question has a data dukung link but one, the gap every secretariat finds late."""
    from kla_cli.workbook.forms import save_workbook

    if rubric is None:
        from kla_cli.io.rubric_yaml import load_rubric, shipped_rubrics

        rubric = load_rubric(shipped_rubrics() / "kla-2024.yaml")
    codes = [item.code for _, item in inventory_items(rubric)]
    slug = region.lower().replace(" ", "-")
    links = evidence
    if links is None:
        links = {code: f"https://data-dukung.{slug}.example/{code}.pdf" for code in codes[1:]}
    book = build_inventory(
        rubric,
        region=region,
        year=year,
        places=example_places(rubric, seed),
        evidence=links,
    )
    if book is None:
        raise ValueError(f"rubric {rubric.id} asks nothing of kecamatan or desa/kelurahan")
    target = inventory_path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    save_workbook(book, target)
    return target
