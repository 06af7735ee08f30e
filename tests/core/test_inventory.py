"""The kecamatan and desa/kelurahan questions computed from the inventory (core/inventory,
core/inventory_merge): cells as yes/no, percentages, lacking places, direction lower, scoring
with the 2024 rubric, and the inventory counting over an OPD form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from kla_cli.core.answer_types import CellValue
from kla_cli.core.answers import AnswerProblem
from kla_cli.core.assess import assess
from kla_cli.core.inventory import (
    inventory_items,
    inventory_responses,
    place_mark,
    shares,
    short_label,
)
from kla_cli.core.places import Inventory, Place, PlaceSheet
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Respondent
from kla_cli.core.rubric_schema import validate_rubric
from kla_cli.core.submission import Row, Submission
from kla_cli.io.rubric_yaml import shipped_rubrics

KEC, DESA = Respondent.KECAMATAN, Respondent.DESA


@pytest.fixture(scope="module")
def r2024() -> Rubric:
    from kla_cli.io.rubric_yaml import load_rubric

    return load_rubric(shipped_rubrics() / "kla-2024.yaml")


@pytest.fixture(scope="module")
def lower_rubric() -> Rubric:
    """kla-2024 with 25.7a (share of kecamatan with cases of severe malnutrition, lower is
    better) asked of every kecamatan, as a secretariat's own rubric might."""
    import yaml

    data: Any = yaml.safe_load((shipped_rubrics() / "kla-2024.yaml").read_text("utf-8"))
    for indicator in data["indicators"]:
        for item in indicator["items"]:
            if item["code"] == "25.7a":
                item["respondent"] = "kecamatan"
    return validate_rubric(data)


def sheet(
    kind: Respondent,
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[CellValue]]],
    *,
    evidence: Mapping[str, str] | None = None,
) -> PlaceSheet:
    letters = "CDEFGHIJKLMNOP"
    places = tuple(
        Place(name or f"B{7 + i}", 7 + i, dict(zip(columns, values, strict=True)), named=bool(name))
        for i, (name, values) in enumerate(rows)
    )
    return PlaceSheet(
        kind=kind,
        sheet="Kecamatan" if kind is KEC else "Desa-Kelurahan",
        header_row=6,
        name_col="B",
        columns={code: letters[i] for i, code in enumerate(columns)},
        places=places,
        evidence=dict(evidence or {}),
        evidence_row=5,
    )


def inventory_sub(*sheets: PlaceSheet, region: str = "Kota Uji", year: str = "2024") -> Submission:
    return Submission(
        "inv.xlsx",
        sheets[0].sheet,
        region=region,
        year=year,
        inventory=Inventory(tuple(sheets)),
    )


def twelve(yes: int, code: str = "25.2") -> PlaceSheet:
    rows = [(f"Kec. {chr(65 + i)}", ["Ya" if i < yes else "Tidak"]) for i in range(12)]
    return sheet(KEC, [code], rows, evidence={code: "https://x.example/forum-anak.pdf"})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ya", True),
        ("tidak", False),
        (" YA ", True),
        ("ada", True),
        ("belum", False),
        (1, True),
        (0, False),
        (3, True),
        (2.5, True),
        ("4", True),
        ("0", False),
        (True, True),
        (False, False),
        (None, None),
        ("  ", None),
    ],
)
def test_a_place_cell_reads_as_yes_or_no(raw: CellValue, expected: bool | None) -> None:
    assert place_mark(raw) is expected


@pytest.mark.parametrize("raw", ["mungkin", "-1", -2, "Ya?!"])
def test_a_cell_that_is_neither_is_a_problem_never_a_no(raw: CellValue) -> None:
    with pytest.raises(AnswerProblem) as problem:
        place_mark(raw)
    assert problem.value.code == "inventory-not-yes-no"


def test_the_22_flagged_questions_of_2024(r2024: Rubric) -> None:
    kec = [item.code for _, item in inventory_items(r2024, KEC)]
    desa = [item.code for _, item in inventory_items(r2024, DESA)]
    assert len(kec) + len(desa) == 22
    assert kec[:2] == ["25.2", "25.3"] and "26.17" in desa and "26.18" in desa
    index = r2024.item_index
    assert short_label(index["25.2"][1], "id") == "Forum Anak Kecamatan"
    assert short_label(index["26.12"][1], "id") == "Kawasan Tanpa Rokok (KTR)"
    assert short_label(index["25.2"][1], "en") == "Kecamatan Forum Anak"


def test_share_percent_and_the_places_lacking(r2024: Rubric) -> None:
    reading = shares(r2024, Inventory((twelve(9),)), "inv.xlsx")
    assert reading.findings == [] and reading.invalid == set()
    share = reading.shares["25.2"]
    assert (share.total, share.yes, share.percent) == (12, 9, 75.0)
    assert share.lacking == ("Kec. J", "Kec. K", "Kec. L")
    assert share.source == "inv.xlsx:Kecamatan!C7:C18"
    response = inventory_responses(r2024, reading.shares)["25.2"]
    assert response.answer == 75.0
    assert response.evidence == "https://x.example/forum-anak.pdf"
    assert response.opd == "dp3a"
    assert response.coverage is not None and response.coverage.lacking == share.lacking


def test_the_percent_is_exact_never_rounded_over_a_band_edge(r2024: Rubric) -> None:
    rows = [(f"Desa {i}", ["Ya" if i < 3999 else "Tidak"]) for i in range(4999)]
    reading = shares(r2024, Inventory((sheet(DESA, ["26.4"], rows),)), "inv.xlsx")
    percent = reading.shares["26.4"].percent
    assert 79.99 < percent < 80.0  # 3999 of 4999: not the 80 % band


def test_direction_lower_a_yes_is_a_case_and_fewer_is_better(lower_rubric: Rubric) -> None:
    rows = [(f"Kec. {i}", ["Ya" if i < 2 else "Tidak"]) for i in range(10)]
    inv = inventory_sub(sheet(KEC, ["25.7a"], rows, evidence={"25.7a": "gizi.pdf"}))
    share = shares(lower_rubric, inv.inventory or Inventory(), "inv.xlsx").shares["25.7a"]
    assert share.percent == 20.0 and share.yes_is_bad
    assert share.lacking == ("Kec. 0", "Kec. 1")  # the kecamatan that still have cases
    item = assess(lower_rubric, [inv]).result.all_items()
    scored = next(i for i in item if i.code == "25.7a")
    assert scored.points == 0.4  # ≤ 20 %: four fifths of 0,5
    none = [(f"Kec. {i}", ["Tidak"]) for i in range(10)]
    inv = inventory_sub(sheet(KEC, ["25.7a"], none, evidence={"25.7a": "gizi.pdf"}))
    scored = next(i for i in assess(lower_rubric, [inv]).result.all_items() if i.code == "25.7a")
    assert scored.points == 0.5


def test_nine_of_twelve_kecamatan_with_forum_anak_score_three_fifths(r2024: Rubric) -> None:
    assessment = assess(r2024, [inventory_sub(twelve(9))])
    item = next(i for i in assessment.result.all_items() if i.code == "25.2")
    assert item.response is not None and item.response.answer == 75.0
    assert (item.points, item.points_evidenced, item.max) == (0.75, 0.75, 1.25)
    indicator = next(i for i in assessment.result.indicators if i.id == "25")
    assert indicator.score == 0.75
    assert assessment.validation.region == "Kota Uji"
    assert not [f for f in assessment.validation.findings if f.severity == "error"]


def test_a_share_of_desa_and_yes_is_bad_any_place(r2024: Rubric) -> None:
    """26.18 (child labour recorded and prevented) is asked of every desa: its share counts;
    26.17 (children working: a screening question) is yes as soon as one desa says yes."""
    rows = [("Desa A", ["Ya", "Tidak"]), ("Desa B", ["Ya", "Ya"]), ("Desa C", ["Tidak", "Tidak"])]
    inv = Inventory((sheet(DESA, ["26.18", "26.17"], rows),))
    found = inventory_responses(r2024, shares(r2024, inv, "inv.xlsx").shares)
    assert found["26.18"].answer == pytest.approx(200 / 3)  # 2 of 3 desa
    assert found["26.17"].answer == "b"  # Ya: Desa B has child labour
    everyone = [("Desa A", ["Ya", "Tidak"]), ("Desa B", ["1", 0])]
    inv = Inventory((sheet(DESA, ["26.18", "26.17"], everyone),))
    found = inventory_responses(r2024, shares(r2024, inv, "inv.xlsx").shares)
    assert found["26.18"].answer == 100 and found["26.17"].answer == "a"


def test_an_unreadable_cell_is_an_error_naming_its_cell_and_the_item_is_not_scored(
    r2024: Rubric,
) -> None:
    rows = [("Kec. A", ["Ya"]), ("Kec. B", ["mungkin"]), ("Kec. C", ["Tidak"])]
    assessment = assess(r2024, [inventory_sub(sheet(KEC, ["25.2"], rows, evidence={"25.2": "x"}))])
    errors = [f for f in assessment.validation.findings if f.code == "inventory-not-yes-no"]
    assert len(errors) == 1
    assert (errors[0].file, errors[0].sheet, errors[0].cell) == ("inv.xlsx", "Kecamatan", "C8")
    assert "Kec. B" in errors[0].message("id") and "mungkin" in errors[0].message("id")
    assert errors[0] in assessment.validation.blocking
    assert "25.2" in assessment.result.skipped
    assert "25.2" not in assessment.validation.responses


def test_a_blank_cell_counts_against_the_region_with_a_warning(r2024: Rubric) -> None:
    rows = [("Kec. A", ["Ya"]), ("Kec. B", [None]), ("Kec. C", ["Ya"]), ("Kec. D", [""])]
    reading = shares(r2024, Inventory((sheet(KEC, ["25.2"], rows),)), "inv.xlsx")
    assert reading.shares["25.2"].percent == 50.0
    assert reading.shares["25.2"].lacking == ("Kec. B", "Kec. D")
    (warning,) = reading.findings
    assert (warning.code, warning.severity, warning.cell) == ("inventory-blank", "warning", "C8")
    assert warning.args["count"] == 2


def test_a_blank_column_leaves_the_question_unanswered(r2024: Rubric) -> None:
    rows = [("Kec. A", ["Ya", None]), ("Kec. B", ["Tidak", None])]
    assessment = assess(r2024, [inventory_sub(sheet(KEC, ["25.2", "25.3"], rows))])
    assert "25.3" not in assessment.validation.responses
    empty = [f for f in assessment.validation.findings if f.code == "inventory-empty-column"]
    assert [(f.item, f.cell) for f in empty] == [("25.3", "D6")]


def test_names_unknown_columns_and_duplicates_are_findings(r2024: Rubric) -> None:
    rows = [("Kec. A", ["Ya", "Ya"]), ("kec.  a", ["Ya", "Tidak"]), ("", ["Tidak", "Ya"])]
    reading = shares(r2024, Inventory((sheet(KEC, ["25.2", "26.4"], rows),)), "inv.xlsx")
    codes = sorted(f.code for f in reading.findings)
    assert codes == ["inventory-duplicate-place", "inventory-no-name", "inventory-unknown-column"]
    assert reading.shares["25.2"].total == 3  # the unnamed row still counts
    assert reading.shares["25.2"].lacking == ("B9",)
    assert "26.4" not in reading.shares  # a desa question on the kecamatan sheet


def form(code: str, answer: CellValue) -> Submission:
    return Submission(
        "dp3a.xlsx",
        "Isian",
        opd="DP3A",
        region="Kota Uji",
        year="2024",
        rows=(Row(code, 7, answer, evidence="x.pdf"),),
    )


def test_the_inventory_counts_over_an_opd_form_and_a_disagreement_is_a_warning(
    r2024: Rubric,
) -> None:
    assessment = assess(r2024, [form("25.2", 50), inventory_sub(twelve(9))])
    assert assessment.validation.responses["25.2"].answer == 75.0
    (warning,) = [f for f in assessment.validation.findings if f.code == "inventory-disagrees"]
    assert (warning.severity, warning.file, warning.cell) == ("warning", "dp3a.xlsx", "E7")
    assert "9" in warning.message("id") and "12" in warning.message("id")
    agreeing = assess(r2024, [form("25.2", "75"), inventory_sub(twelve(9))])
    assert not [f for f in agreeing.validation.findings if f.code == "inventory-disagrees"]


def test_an_inventory_for_another_rubric(r2024: Rubric, demo: Rubric) -> None:
    sub = inventory_sub(twelve(9))
    wrong = Submission(**{**sub.__dict__, "meta": {"rubric_id": "kla-2023"}})
    found = assess(r2024, [wrong]).validation.findings
    assert any(f.code == "wrong-rubric" for f in found)
    unused = assess(demo, [sub]).validation.findings  # the demo asks no kecamatan question
    assert [f.code for f in unused if f.file == "inv.xlsx"] == ["inventory-unused"]
