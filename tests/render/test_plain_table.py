"""The plain table writer draws the batch table exactly as rich draws it (without colour), at
every width kla uses, with names and tier names that wrap or must be folded."""

from __future__ import annotations

import random

import pytest

from kla_cli.core.ranking import RegionResult, summarise
from kla_cli.core.rubric import Rubric
from kla_cli.render.batch import batch_table, plain_batch_table, rich_batch_table
from kla_cli.render.plain_table import wrap

WORDS = ["Kabupaten", "Kota", "Raya", "Kepulauan", "Seribu", "X", "Tanjung-Jabung-Barat-Selatan"]


def _results(rng: random.Random) -> list[RegionResult]:
    out = []
    for i in range(rng.randint(1, 12)):
        unread = rng.random() < 0.1
        name = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))) + f" {i}"
        out.append(
            RegionResult(
                name=name,
                path=f"p/{i}",
                target=rng.choice([None, "madya", "kla"]),
                total=None if unread else rng.uniform(0, 1000),
                total_evidenced=None if unread else rng.uniform(0, 1000),
                predicate=None if unread else rng.choice(["pratama", "madya", "kla", None]),
                predicate_evidenced=None if unread else rng.choice(["pratama", "kla", None]),
                total_verified=rng.choice([None, None, 500.5]),
                met=None if unread else rng.choice([True, False, None]),
                errors=rng.randint(0, 3),
                workbooks=20,
                problem="cannot read" if unread else None,
            )
        )
    return out


@pytest.mark.parametrize("seed", range(4))
def test_plain_writer_draws_what_rich_draws(kla: Rubric, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        lang = rng.choice(["id", "en"])
        width = rng.choice([80, 81, 90, 100, 120, 160])
        summary = summarise(kla, _results(rng), lang)  # type: ignore[arg-type]
        plain = plain_batch_table(summary, lang, width)  # type: ignore[arg-type]
        assert plain == rich_batch_table(summary, lang, width)  # type: ignore[arg-type]


def test_a_long_table_is_drawn_plain_even_in_colour(kla: Rubric) -> None:
    results = [RegionResult(name=f"Kota {i}", path=f"p/{i}", total=500.0) for i in range(1001)]
    summary = summarise(kla, results, "en")
    text = batch_table(summary, "en", color=True, width=100)
    assert text.count("\n") > 1001 and "\x1b[" in text
    short = summarise(kla, results[:3], "en")
    assert batch_table(short, "en", color=True, width=100) == rich_batch_table(
        short, "en", 100, color=True
    )


def test_wrap_breaks_at_spaces_and_folds_long_words() -> None:
    assert wrap("Kabupaten/Kota Layak Anak", 15) == ["Kabupaten/Kota ", "Layak Anak"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("pendek", 10) == ["pendek"]
