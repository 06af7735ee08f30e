"""`kla score` end to end on the shipped example and on crafted regions (CliRunner)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.assess import assess
from kla_cli.core.inventory import shares
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import RESPONDENT_OPDS
from kla_cli.workbook.form_writer import Filled
from kla_cli.workbook.read import read_region
from kla_cli.workbook.synthetic import synthetic_answers

from ..conftest import EXAMPLE, MakeRegion


def _json(runner: CliRunner, *args: str) -> dict[str, object]:
    result = runner.invoke(app, ["score", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)  # nothing but JSON on stdout
    return data


def test_example_json_contract(runner: CliRunner, kla: Rubric) -> None:
    data = _json(runner, str(EXAMPLE))
    for key in (
        "rubric",
        "region",
        "year",
        "total",
        "total_evidenced",
        "max_total",
        "predicate",
        "groups",
        "indicators",
    ):
        assert key in data, key
    assert data["region"] == "Kota Contoh" and data["year"] == "2025"
    assert data["max_total"] == 1000
    total = data["total"]
    evidenced = data["total_evidenced"]
    assert isinstance(total, float) and isinstance(evidenced, float)
    assert 600 < total <= 700 and data["predicate"] == "Madya"  # the example is built for Madya
    assert evidenced < total  # some data dukung is missing on purpose
    groups = data["groups"]
    assert isinstance(groups, list)
    assert [g["id"] for g in groups] == ["K", "I", "II", "III", "IV", "V", "KD"]
    assert {"id", "name", "score", "max"} <= set(groups[0])
    assert round(sum(g["score"] for g in groups), 2) == total
    assert sum(g["max"] for g in groups) == 1000
    indicators = data["indicators"]
    assert isinstance(indicators, list)
    assert [i["id"] for i in indicators] == [ind.id for ind in kla.indicators]
    assert [i["id"] for i in indicators][19:23] == ["20", "21A", "21B", "21C"]
    assert {"id", "group", "score", "max", "items"} <= set(indicators[0])
    codes = {item["code"] for ind in indicators for item in ind["items"]}
    assert codes == {item.code for _, item in kla.iter_items()}


def test_example_json_equals_library_result(runner: CliRunner, kla: Rubric) -> None:
    direct = assess(kla, read_region([EXAMPLE])).result
    data = _json(runner, str(EXAMPLE))
    assert data["total"] == direct.total
    assert data["total_evidenced"] == direct.total_evidenced


def test_example_covers_every_opd_and_all_indicators(kla: Rubric) -> None:
    files = {p.stem for p in EXAMPLE.glob("*.xlsx")} - {"inventaris-kecamatan-desa"}
    assert len(files) == 27  # every OPD but the kecamatan/desa respondents, and the inventory
    assert files == {opd.id for opd in kla.opds if opd.id not in RESPONDENT_OPDS}
    region = read_region([EXAMPLE])
    (inventory,) = [sub for sub in region if sub.inventory is not None]
    assert Path(inventory.file).name == "inventaris-kecamatan-desa.xlsx" and not inventory.rows
    answered = {row.code for sub in region for row in sub.rows if row.answer is not None}
    indicators = {code.split(".")[0] for code in answered}
    assert indicators == {ind.id for ind in kla.indicators}  # 1 … 21A … 26
    asked_of_places = {item.code for _, item in kla.iter_items() if item.respondent is not None}
    from_opds = {item.code for _, item in kla.iter_items()} - asked_of_places
    assert answered == from_opds  # every question an OPD answers, in the OPD forms
    # the questions asked of every kecamatan and desa/kelurahan: from the inventory, all of them
    reading = shares(kla, inventory.inventory, inventory.file)
    assert set(reading.shares) == asked_of_places and not reading.findings


def test_table_is_default_and_names_the_predicate(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Madya" in result.stdout
    assert "PROVISIONAL" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_table_in_indonesian(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "id", "score", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Predikat" in result.stdout and "Kelembagaan" in result.stdout
    data = _json(runner, str(EXAMPLE))
    shown = f"{data['total']:.2f}".replace(".", ",")
    assert shown in result.stdout  # 660,69 with an Indonesian decimal comma


def test_csv_has_one_row_per_item(runner: CliRunner, kla: Rubric) -> None:
    result = runner.invoke(app, ["score", str(EXAMPLE), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == sum(1 for _ in kla.iter_items())
    assert {"code", "points", "max"} <= set(rows[0])


def test_csv_answers_are_what_a_form_could_hold(runner: CliRunner) -> None:
    """A recap gives the points themselves: its answer is written `nilai 3.0` (as a form may
    give them), never the record's Python text."""
    recap = EXAMPLE.parent / "rekap-contoh"
    result = runner.invoke(app, ["score", str(recap), "-f", "csv", "--allow-errors"])
    assert result.exit_code == 0, result.output
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert rows["1.1"]["answer"] == f"nilai {float(rows['1.1']['points'])}"
    assert not any("Nilai(" in row["answer"] for row in rows.values())
    excel = runner.invoke(app, ["score", str(recap), "-f", "csv", "--excel", "--allow-errors"])
    lines = excel.stdout.lstrip("\ufeff").splitlines()
    first = dict(zip(lines[0].split(";"), lines[1].split(";"), strict=True))
    assert first["answer"] == f"nilai {first['points']}"  # `nilai 3,0` beside points `3,0`


def test_markdown(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", str(EXAMPLE), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().startswith("#")
    assert "| " in result.stdout and "Madya" in result.stdout


def test_output_file_is_written_and_stdout_stays_empty(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "hasil.json"
    result = runner.invoke(app, ["score", str(EXAMPLE), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["predicate"] == "Madya"
    assert not [p for p in tmp_path.iterdir() if p != out]  # no temp file left behind


def test_missing_path_exits_2_with_one_line(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada"
    result = runner.invoke(app, ["score", str(missing)])
    assert result.exit_code == 2
    assert str(missing) in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_single_workbook_scores_its_items(runner: CliRunner, kla: Rubric) -> None:
    data = _json(runner, str(EXAMPLE / "dinkes.xlsx"))
    indicators = data["indicators"]
    assert isinstance(indicators, list)
    answered = [
        item["code"] for ind in indicators for item in ind["items"] if item["answer"] is not None
    ]
    led = [item for _, item in kla.items_by_opd["dinkes"]]
    dinkes = [item.code for item in led if item.respondent is None]
    assert [i.code for i in led if i.respondent] == ["26.12"]  # led by Dinkes, asked of every desa
    assert sorted(answered) == sorted(dinkes)  # the questions Dinkes leads, answered by Dinkes


def test_errors_block_scoring_unless_allowed(
    runner: CliRunner, mini: Rubric, make_region: MakeRegion
) -> None:
    filled = synthetic_answers(mini, quality=1.0, seed=1)
    filled["13.1"] = Filled("banyak", "bukti.pdf", "")  # text where a percentage belongs
    folder = make_region(mini, filled)
    rubric = ["--rubric", str(Path(__file__).parents[1] / "data" / "mini-rubric.yaml")]

    refused = runner.invoke(app, ["score", str(folder), *rubric])
    assert refused.exit_code == 1
    assert "13.1" in refused.stderr and refused.stdout == ""

    allowed = runner.invoke(app, ["score", str(folder), *rubric, "--allow-errors", "-f", "json"])
    assert allowed.exit_code == 0, allowed.output
    data = json.loads(allowed.stdout)
    assert data["skipped"] == ["13.1"]
    item = next(i for ind in data["indicators"] for i in ind["items"] if i["code"] == "13.1")
    assert item["points"] == 0


def test_input_workbooks_are_not_modified(runner: CliRunner) -> None:
    before = {p.name: p.read_bytes() for p in EXAMPLE.glob("*.xlsx")}
    assert runner.invoke(app, ["score", str(EXAMPLE), "-f", "json"]).exit_code == 0
    assert before == {p.name: p.read_bytes() for p in EXAMPLE.glob("*.xlsx")}


def test_example_workbooks_open_with_openpyxl() -> None:
    book = load_workbook(EXAMPLE / "dp3a.xlsx")
    assert "Isian" in book.sheetnames


@pytest.mark.parametrize(
    ("args", "says_en", "says_id"),
    [
        (
            ["score", str(EXAMPLE), "-f", "xyz"],
            "'xyz' is not a valid value for --format / -f: choose one of: table, json,",
            "nilai 'xyz' tidak sah untuk --format / -f: pilih salah satu: table, json,",
        ),
        (["score"], "missing PATHS", "PATHS belum diberikan"),
        (
            ["scor", str(EXAMPLE)],
            "no such command 'scor' (perhaps: score)",
            "perintah 'scor' tidak ada (mungkin: score)",
        ),
        (
            ["score", str(EXAMPLE), "--bogus"],
            "no such option: --bogus",
            "opsi --bogus tidak ada",
        ),
        (
            ["batch", str(EXAMPLE), "--jobs", "abc"],
            "'abc' is not a valid value for --jobs / -j: must be a whole number",
            "nilai 'abc' tidak sah untuk --jobs / -j: harus bilangan bulat",
        ),
        (["batch", str(EXAMPLE), "--fail-under"], "option --fail-under needs a value", "opsi"),
        (
            ["batch", str(EXAMPLE), "extra"],
            "unexpected extra arguments: extra",
            "argumen berlebih: extra",
        ),
    ],
)
@pytest.mark.parametrize(
    ("lang", "prefix", "hint"), [("en", "Error", "Hint"), ("id", "Galat", "Saran")]
)
def test_usage_errors_are_one_line_with_a_hint(
    args: list[str], says_en: str, says_id: str, lang: str, prefix: str, hint: str
) -> None:
    """In the user's language: the framework's own English texts are translated."""
    result = CliRunner().invoke(app, ["--lang", lang, *args], prog_name="kla")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    says = says_en if lang == "en" else says_id
    assert result.stderr.startswith(f"{prefix}: kla") and says in result.stderr, result.stderr
    assert f"{hint}: " in result.stderr and "--help" in result.stderr
    if lang == "id":
        for english in ("No such", "Missing", "Invalid value", "Input should", "requires an"):
            assert english not in result.stderr


@pytest.mark.parametrize(
    ("command", "name", "says"),
    [
        (["score"], "hasil.json", "not an OPD workbook (.xlsx, .xlsm, .xls or .ods)"),
        (["report"], "catatan.txt", "not an OPD workbook"),
        (["batch"], "README.md", "neither a folder nor a .yaml manifest"),
        (["history"], "2024.json", "not a folder"),
    ],
)
def test_an_existing_file_of_the_wrong_kind_is_named_as_such(
    tmp_path: Path, command: list[str], name: str, says: str
) -> None:
    path = tmp_path / name
    path.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["--lang", "en", *command, str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"{path}: {says}" in result.stderr and "Hint: " in result.stderr
    assert "no such file" not in result.stderr
