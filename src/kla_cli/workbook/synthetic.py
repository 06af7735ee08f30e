"""Synthetic (fictional) regions for examples, tests and benchmarks, reproducible from a seed.

`answers_for_quality` picks, for every item of any answer type (a nilai for `score` questions),
an answer worth roughly `quality` of its maximum; `write_region` writes one OPD workbook per OPD
with questions, the lead's answers in the lead's form (and, when asked, a co-source's). The example script
(scripts/make_examples.py) and the benchmark corpus are built with these.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from pathlib import Path

from kla_cli.core.answer_types import Answer
from kla_cli.core.rubric import Item, Rubric
from kla_cli.core.rubric_leaves import RESPONDENT_OPDS, AnswerType, Direction
from kla_cli.core.scoring import Response, ScoreResult, score_region
from kla_cli.workbook.form_text import is_respondent, items_for
from kla_cli.workbook.form_writer import Filled, build_workbook
from kla_cli.workbook.forms import save_workbook


def _band_value(item: Item, index: int | None, rng: random.Random) -> float:
    """A value reaching band `index` (sorted best first) exactly, or none for None."""
    lower = item.direction is Direction.LOWER
    bands = sorted(item.bands, key=lambda b: -b.points)
    top = 100.0 if item.type is AnswerType.PERCENT else max(b.threshold for b in bands) * 2 + 10
    if index is None:
        edge = max(b.threshold for b in bands) if lower else min(b.threshold for b in bands)
        value = (
            (edge + (top - edge) * rng.uniform(0.1, 0.5)) if lower else edge * rng.uniform(0.3, 0.9)
        )
    else:
        threshold = bands[index].threshold
        better = bands[index - 1].threshold if index > 0 else (0.0 if lower else top)
        value = threshold + (better - threshold) * rng.uniform(0.0, 0.8)
    if item.type is AnswerType.COUNT:
        value = float(int(value) if not lower else int(value + 0.999))
        if index is not None and (
            value < bands[index].threshold if not lower else value > bands[index].threshold
        ):
            value = bands[index].threshold
    return round(min(max(value, 0.0), top), 1)


def answer_for_quality(item: Item, quality: float, rng: random.Random) -> Answer:
    """An answer worth about `quality` (0–1) of the item's maximum."""
    kind = item.type
    if kind is AnswerType.SCORE:  # the nilai itself, two decimals, as a verifier would give it
        nilai = (quality + rng.uniform(-0.25, 0.25)) * item.max
        return round(min(max(nilai, 0.0), item.max), 2)
    if kind is AnswerType.YESNO:
        return rng.random() < quality
    if kind is AnswerType.CHECKLIST:
        return frozenset(o.key for o in item.options if rng.random() < quality)
    target = quality * item.max + rng.uniform(-0.25, 0.25) * item.max
    if kind is AnswerType.CHOICE:
        return min(item.options, key=lambda o: abs(o.points - target)).key
    bands = sorted(item.bands, key=lambda b: -b.points)
    choices: list[int | None] = [*range(len(bands)), None]
    best = min(choices, key=lambda i: abs((bands[i].points if i is not None else 0.0) - target))
    return _band_value(item, best, rng)


def synthetic_answers(
    rubric: Rubric,
    quality: float,
    seed: int,
    *,
    missing_evidence: float = 0.1,
    region: str = "contoh",
) -> dict[str, Filled]:
    rng = random.Random(seed)
    filled: dict[str, Filled] = {}
    slug = region.lower().replace(" ", "-")
    for ind, item in rubric.iter_items():
        if rubric.item_opds(ind, item)[0] in RESPONDENT_OPDS:
            continue  # answered in the kecamatan/desa inventory, not in an OPD form
        answer = answer_for_quality(item, quality, rng)
        evidence = None
        if not (item.evidence and rng.random() < missing_evidence):
            evidence = f"https://data-dukung.{slug}.example/{item.code}.pdf"
        filled[item.code] = Filled(answer, evidence)
    return filled


def score_filled(rubric: Rubric, filled: dict[str, Filled]) -> ScoreResult:
    responses = {
        code: Response(answer=f.answer, evidence=f.evidence)
        for code, f in filled.items()
        if f.answer is not None
    }
    return score_region(rubric, responses)


def answers_in_band(
    rubric: Rubric,
    low: float,
    high: float,
    seed: int,
    *,
    missing_evidence: float = 0.1,
    region: str = "contoh",
) -> dict[str, Filled]:
    """Synthetic answers whose total lies in [low, high] (searching qualities and seeds)."""
    middle = (low + high) / 2 / rubric.max_total
    for attempt in range(400):
        quality = min(1.0, max(0.0, middle + (attempt % 20 - 10) * 0.01))
        filled = synthetic_answers(
            rubric, quality, seed + attempt, missing_evidence=missing_evidence, region=region
        )
        if low <= score_filled(rubric, filled).total <= high:
            return filled
    raise ValueError(f"no synthetic answers between {low} and {high}")


def write_region(
    rubric: Rubric,
    folder: Path,
    region: str,
    year: str,
    filled: Mapping[str, Filled],
    *,
    by_opd: Mapping[str, Mapping[str, Filled]] | None = None,
) -> list[Path]:
    """One workbook per OPD with questions (never the kecamatan/desa respondents), named after
    the OPD id. `filled` goes into the rows of the OPD that leads each question; a co-source's
    rows stay blank unless `by_opd[opd id]` fills them (it also overrides the lead's rows:
    `Filled()` leaves one blank)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for opd in rubric.opds:
        if is_respondent(opd) or not items_for(rubric, opd):
            continue
        led = {item.code for _, item in rubric.items_by_opd.get(opd.id, ())}
        own = {code: f for code, f in filled.items() if code in led}
        own.update((by_opd or {}).get(opd.id, {}))
        book = build_workbook(rubric, opd, region=region, year=year, filled=own)
        path = folder / f"{opd.id}.xlsx"
        save_workbook(book, path)
        written.append(path)
    return written
