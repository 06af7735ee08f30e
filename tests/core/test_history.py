"""`kla history`: a region's years from year folders and saved JSON results; the story line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.answer_types import Answer
from kla_cli.core.compare import snapshot_from_result
from kla_cli.core.history import YearResult, build_history, story
from kla_cli.core.rubric import Rubric
from kla_cli.render.score import score_json
from kla_cli.sources import year_sources

from ..conftest import KLA_RUBRIC_2024, MINI_RUBRIC, MakeRegion
from ..io.test_result_sheet import SUMBAWA_2022
from .test_compare import NEW, OLD, filled, scored

MINI = ["--rubric", str(MINI_RUBRIC)]
KLA_2024 = ["--rubric", str(KLA_RUBRIC_2024)]
MADYA: dict[str, Answer] = {**OLD, "1.1": "a"}  # 57 + 8 = 65 points


def test_madya_answers_are_madya(mini: Rubric) -> None:
    assert scored(mini, MADYA, "2021").total == 65.0


@pytest.mark.parametrize(
    ("years", "en", "id"),
    [
        (
            [OLD, OLD, MADYA, MADYA, NEW],
            "Pratama twice, Madya twice, now Nindya",
            "Pratama dua kali, Madya dua kali, kini Nindya",
        ),
        ([OLD], "Pratama", "Pratama"),
        (
            [OLD, MADYA, MADYA],
            "Pratama once, now Madya (2 years running)",
            "Pratama sekali, kini Madya (2 tahun berturut-turut)",
        ),
        ([OLD, OLD, OLD, NEW], "Pratama 3 times, now Nindya", "Pratama 3 kali, kini Nindya"),
    ],
)
def test_story(mini: Rubric, years: list[dict[str, Answer]], en: str, id: str) -> None:
    def history(lang: str) -> str:
        points = [
            YearResult(str(2019 + i), "x", snapshot_from_result(scored(mini, a, "x"), lang))  # type: ignore[arg-type]
            for i, a in enumerate(years)
        ]
        return story(build_history(mini, points, lang), lang)  # type: ignore[arg-type]

    assert history("en") == en
    assert history("id") == id


def test_below_the_lowest_tier_is_named(mini: Rubric) -> None:
    empty = snapshot_from_result(scored(mini, {}, "2019"), "en")
    good = snapshot_from_result(scored(mini, NEW, "2020"), "en")
    history = build_history(
        mini, [YearResult("2019", "a", empty), YearResult("2020", "b", good)], "en"
    )
    assert story(history, "en") == "No predikat (< 50.00) once, now Nindya"


@pytest.fixture
def region(mini: Rubric, make_region: MakeRegion, tmp_path: Path) -> Path:
    """2019 and 2020 as saved JSON, 2021–2023 as workbook folders (out of order on purpose)."""
    for year, answers in (("2023", NEW), ("2021", MADYA), ("2022", MADYA)):
        make_region(mini, filled(answers), year=year, name=f"kota/{year}")
    for year in ("2019", "2020"):
        data = score_json(scored(mini, OLD, year), lang="id")
        (tmp_path / "kota" / f"kota-uji-{year}.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "kota" / "catatan.txt").write_text("not a year", encoding="utf-8")
    return tmp_path / "kota"


def test_cli_json(runner: CliRunner, region: Path) -> None:
    result = runner.invoke(app, ["history", str(region), *MINI, "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    years = data["years"]
    assert [y["year"] for y in years] == ["2019", "2020", "2021", "2022", "2023"]
    assert [y["total"] for y in years] == [57.0, 57.0, 65.0, 65.0, 75.0]
    assert [y["change"] for y in years] == [None, 0.0, 8.0, 0.0, 10.0]
    assert [y["predicate"] for y in years] == ["Pratama", "Pratama", "Madya", "Madya", "Nindya"]
    assert data["story"] == "Pratama twice, Madya twice, now Nindya"
    assert data["region"] == "Kota Uji"


def test_cli_table_in_indonesian(runner: CliRunner, region: Path) -> None:
    result = runner.invoke(app, ["--lang", "id", "history", str(region), *MINI])
    assert result.exit_code == 0, result.output
    assert "Pratama dua kali, Madya dua kali, kini Nindya" in result.stdout
    assert "75,00" in result.stdout and "+10,00" in result.stdout


def test_cli_xlsx_has_chart_and_numbers(runner: CliRunner, region: Path, tmp_path: Path) -> None:
    out = tmp_path / "riwayat.xlsx"
    result = runner.invoke(app, ["history", str(region), *MINI, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    ws = load_workbook(out).active
    assert ws is not None
    assert len(ws._charts) == 1
    assert [ws.cell(row=r, column=2).value for r in range(2, 7)] == [57, 57, 65, 65, 75]
    assert ws["B2"].number_format == "#,##0.00"
    assert ws.freeze_panes == "A2"


def test_cli_html_is_self_contained(runner: CliRunner, region: Path, tmp_path: Path) -> None:
    out = tmp_path / "riwayat.html"
    result = runner.invoke(app, ["history", str(region), *MINI, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "<svg" in text and "now Nindya" in text
    for banned in ("http://", "https://", 'src="//', "@import", "url("):
        assert banned not in text


def test_no_years_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["history", str(tmp_path), *MINI])
    assert result.exit_code == 2
    assert str(tmp_path) in result.stderr and "Traceback" not in result.output


def test_duplicate_year_is_refused(runner: CliRunner, region: Path) -> None:
    (region / "2021.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["history", str(region), *MINI])
    assert result.exit_code == 2
    assert "2021" in result.stderr and "2021.json" in result.stderr


def test_consistent_years_give_no_warning(runner: CliRunner, region: Path) -> None:
    result = runner.invoke(app, ["--lang", "en", "history", str(region), *MINI])
    assert result.exit_code == 0
    assert "Warning" not in result.stderr


def test_a_year_of_another_year_or_region_is_warned(
    runner: CliRunner, mini: Rubric, make_region: MakeRegion, region: Path
) -> None:
    make_region(mini, filled(MADYA), year="2023", name="kota/2024")  # filed under 2024
    make_region(mini, filled(MADYA), region="Kota Lain", year="2025", name="kota/2025")
    result = runner.invoke(app, ["--lang", "en", "history", str(region), *MINI])
    assert result.exit_code == 0  # still told, since a wrong folder is the user's to judge
    warnings = result.stderr.splitlines()
    assert any(
        line.startswith("Warning: ")
        and f"{region / '2024'}: its results are for 2023, not 2024" in line
        for line in warnings
    ), result.stderr
    # Most years name Kota Uji, so the one naming Kota Lain is the odd one out.
    assert [line for line in warnings if "Kota Lain" in line] == [
        f"Warning: {region / '2025'}: its results are for Kota Lain, not Kota Uji; "
        "check that the files are not mixed up"
    ]


def _sumbawa(year: str, dekela: str = "30,50") -> str:
    return SUMBAWA_2022.replace("2022", year).replace("Dekela 30,50/75", f"Dekela {dekela}/75")


def test_a_year_folder_holding_one_result_sheet_is_that_sheet(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`DIR/2022/sumbawa-2022.yaml` (no workbooks beside it) is 2022's result sheet, not a
    folder without workbooks; beside a sheet named by its year."""
    (tmp_path / "2022").mkdir()
    (tmp_path / "2022" / "sumbawa-2022.yaml").write_text(_sumbawa("2022"), encoding="utf-8")
    (tmp_path / "2022" / "catatan.txt").write_text("bukan hasil", encoding="utf-8")
    (tmp_path / "sumbawa-2023.yaml").write_text(_sumbawa("2023", "60,50"), encoding="utf-8")
    assert year_sources(tmp_path) == [
        ("2022", tmp_path / "2022" / "sumbawa-2022.yaml"),
        ("2023", tmp_path / "sumbawa-2023.yaml"),
    ]
    result = runner.invoke(app, ["history", str(tmp_path), *KLA_2024, "-f", "json"])
    assert result.exit_code == 0, result.output
    years = json.loads(result.stdout)["years"]
    assert [(y["year"], y["total"], y["detail"]) for y in years] == [
        ("2022", 505.85, "groups"),
        ("2023", 535.85, "groups"),
    ]


def test_a_year_folder_with_workbooks_stays_a_workbook_folder(region: Path) -> None:
    """A saved result beside the workbooks (`kla score 2021 -o 2021/hasil.json`) does not
    replace them; nor do two result sheets with no workbooks make a choice."""
    (region / "2021" / "hasil.json").write_text("{}", encoding="utf-8")
    (region / "2018").mkdir()
    for name in ("kota-em.yaml", "kota-va.yaml"):
        (region / "2018" / name).write_text(_sumbawa("2018"), encoding="utf-8")
    sources = dict(year_sources(region))
    assert sources["2021"] == region / "2021" and sources["2018"] == region / "2018"


def test_a_year_twice_names_the_sheet_in_its_folder(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "2022").mkdir()
    (tmp_path / "2022" / "em.yaml").write_text(_sumbawa("2022"), encoding="utf-8")
    (tmp_path / "sumbawa-2022.yaml").write_text(_sumbawa("2022"), encoding="utf-8")
    result = runner.invoke(app, ["history", str(tmp_path), *KLA_2024])
    assert result.exit_code == 2
    assert str(Path("2022", "em.yaml")) in result.stderr and "sumbawa-2022.yaml" in result.stderr
