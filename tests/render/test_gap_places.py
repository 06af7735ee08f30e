"""The gap plan names the kecamatan and desa/kelurahan lacking each item the inventory answers:
on the table and in Markdown the first five and "+N lainnya", in JSON every one."""

from __future__ import annotations

import json

import pytest

from kla_cli.core.assess import assess
from kla_cli.core.gap.plan import GapAnalysis, analyse
from kla_cli.core.places import Inventory, Place, PlaceSheet
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Respondent
from kla_cli.core.submission import Submission
from kla_cli.io.rubric_yaml import load_rubric, shipped_rubrics
from kla_cli.render.formats import Format
from kla_cli.render.gap import render_gap


@pytest.fixture(scope="module")
def r2024() -> Rubric:
    return load_rubric(shipped_rubrics() / "kla-2024.yaml")


def _sheet(kind: Respondent, yes: dict[str, int], names: list[str]) -> PlaceSheet:
    """Each code answered Ya by the first `yes[code]` places."""
    places = tuple(
        Place(name, 7 + i, {code: "Ya" if i < n else "Tidak" for code, n in yes.items()})
        for i, name in enumerate(names)
    )
    columns = {code: "CDEF"[k] for k, code in enumerate(yes)}
    evidence = dict.fromkeys(yes, "x.pdf")
    return PlaceSheet(kind, "S", 6, "B", columns, places, evidence=evidence, evidence_row=5)


@pytest.fixture(scope="module")
def analysis(r2024: Rubric) -> GapAnalysis:
    kecamatan = [f"Kec. {chr(65 + i)}" for i in range(12)]
    desa = [f"Desa {i:02d}" for i in range(40)]
    inventory = Inventory(
        (
            _sheet(Respondent.KECAMATAN, {"25.2": 8}, kecamatan),
            _sheet(Respondent.DESA, {"26.17": 2, "26.4": 30}, desa),  # child labour in two desa
        )
    )
    sub = Submission("inv.xlsx", "S", region="Kota Uji", year="2024", inventory=inventory)
    result = assess(r2024, [sub]).result
    return analyse(r2024, result, r2024.tiers[0])


def test_table_names_the_first_five_and_counts_the_rest(
    analysis: GapAnalysis, r2024: Rubric
) -> None:
    text = render_gap(analysis, r2024, Format.TABLE, "id", width=200)
    assert "Kecamatan dan desa/kelurahan yang belum" in text
    line = "25.2: 4 dari 12 kecamatan belum: Kec. I, Kec. J, Kec. K, Kec. L"
    assert line in text
    assert "26.17: 2 dari 40 desa/kelurahan masih ada kasus: Desa 00, Desa 01" in text


def test_markdown_names_every_place(analysis: GapAnalysis, r2024: Rubric) -> None:
    text = render_gap(analysis, r2024, Format.MARKDOWN, "en")
    assert "## Kecamatan and desa/kelurahan still lacking" in text
    assert "- 25.2: 4 of 12 kecamatan lack it: Kec. I, Kec. J, Kec. K, Kec. L\n" in text
    shown = ", ".join(f"Desa {i}" for i in range(30, 40))
    assert f"- 26.4: 10 of 40 desa/kelurahan lack it: {shown}\n" in text


def test_json_lists_every_place(analysis: GapAnalysis, r2024: Rubric) -> None:
    data = json.loads(render_gap(analysis, r2024, Format.JSON, "en"))
    places = {p["code"]: p for p in data["places"]}
    assert places["25.2"] == {
        "code": "25.2",
        "kind": "kecamatan",
        "total": 12,
        "lacking_count": 4,
        "lacking": ["Kec. I", "Kec. J", "Kec. K", "Kec. L"],
        "yes_is_bad": False,
    }
    assert places["26.17"]["lacking"] == ["Desa 00", "Desa 01"] and places["26.17"]["yes_is_bad"]
    assert len(places["26.4"]["lacking"]) == 10  # every one, uncapped
