"""`kla compare`: exact deltas between two crafted years of the mini rubric, from workbook
folders and from saved JSON results."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.answer_types import Answer
from kla_cli.core.compare import compare, snapshot_from_json, snapshot_from_result
from kla_cli.core.rubric import Rubric
from kla_cli.core.scoring import Response, ScoreResult, score_region
from kla_cli.render.score import score_json
from kla_cli.workbook.form_writer import Filled

from ..conftest import MINI_RUBRIC, MakeRegion

MINI = ["--rubric", str(MINI_RUBRIC)]

# Points by the mini rubric: 1.1 b=12 a=20; 1.2 Ya=10; 2.1 a+b=15 a+b+c=20; 2.2 8→5, 3→0;
# 13.1 (lower is better) 22→5, 18→15; 13.2 75→10.
OLD: dict[str, Answer] = {
    "1.1": "b",
    "1.2": True,
    "2.1": frozenset({"a", "b"}),
    "2.2": 8.0,
    "13.1": 22.0,
    "13.2": 75.0,
}  # 57 points: Pratama
NEW: dict[str, Answer] = {
    **OLD,
    "1.1": "a",
    "2.1": frozenset({"a", "b", "c"}),
    "2.2": 3.0,
    "13.1": 18.0,
}  # 75 points: Nindya


def filled(answers: dict[str, Answer]) -> dict[str, Filled]:
    return {code: Filled(answer, f"bukti-{code}.pdf") for code, answer in answers.items()}


def scored(rubric: Rubric, answers: dict[str, Answer], year: str) -> ScoreResult:
    responses = {code: Response(a, "bukti.pdf") for code, a in answers.items()}
    return score_region(rubric, responses, region="Kota Uji", year=year)


def test_snapshot_round_trips_through_the_json_contract(mini: Rubric) -> None:
    result = scored(mini, OLD, "2024")
    direct = snapshot_from_result(result, "en")
    data = json.loads(json.dumps(score_json(result, lang="en")))
    assert snapshot_from_json(data, mini, "en") == direct


def test_exact_deltas(mini: Rubric) -> None:
    old = snapshot_from_result(scored(mini, OLD, "2024"), "en")
    new = snapshot_from_result(scored(mini, NEW, "2025"), "en")
    diff = compare(old, new)
    assert (old.total, new.total, diff.total) == (57.0, 75.0, 18.0)
    assert (old.predicate, new.predicate, diff.predicate_move) == ("Pratama", "Nindya", 1)
    assert {c.key: c.delta for c in diff.items} == {
        "1.1": 8.0,
        "1.2": 0.0,
        "2.1": 5.0,
        "2.2": -5.0,
        "13.1": 10.0,
        "13.2": 0.0,
    }
    assert {c.key: (c.old, c.new, c.delta) for c in diff.indicators} == {
        "1": (22.0, 30.0, 8.0),
        "2": (20.0, 20.0, 0.0),
        "13": (15.0, 25.0, 10.0),
    }
    assert {c.key: c.delta for c in diff.groups} == {"K": 8.0, "III": 10.0}
    assert [c.key for c in diff.gains(10)] == ["13.1", "1.1", "2.1"]
    assert [c.key for c in diff.losses(10)] == ["2.2"]
    assert [c.key for c in diff.gains(2)] == ["13.1", "1.1"]
    assert compare(new, old).predicate_move == -1


def test_item_only_on_one_side_counts_as_absent(mini: Rubric) -> None:
    old = snapshot_from_result(scored(mini, OLD, "2024"), "en")
    new = snapshot_from_result(scored(mini, NEW, "2025"), "en")
    trimmed = type(old)(**{**old.__dict__, "items": old.items[1:]})  # 1.1 missing from old
    change = next(c for c in compare(trimmed, new).items if c.key == "1.1")
    assert (change.old, change.new, change.delta) == (None, 20.0, 20.0)


@pytest.fixture
def two_years(mini: Rubric, make_region: MakeRegion) -> tuple[Path, Path]:
    old = make_region(mini, filled(OLD), year="2024", name="2024")
    new = make_region(mini, filled(NEW), year="2025", name="2025")
    return old, new


def test_cli_folders_json(runner: CliRunner, two_years: tuple[Path, Path]) -> None:
    old, new = two_years
    result = runner.invoke(app, ["compare", str(old), str(new), *MINI, "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["change"] == {"total": 18.0, "total_evidenced": 18.0, "predicate": 1}
    assert (data["old"]["predicate"], data["new"]["predicate"]) == ("Pratama", "Nindya")
    assert {c["key"]: c["change"] for c in data["items"]}["13.1"] == 10.0
    assert [c["key"] for c in data["losses"]] == ["2.2"]


def test_cli_saved_json_against_folder(
    runner: CliRunner, two_years: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = two_years
    saved = tmp_path / "2024.json"
    assert (
        runner.invoke(app, ["score", str(old), *MINI, "-f", "json", "-o", str(saved)]).exit_code
        == 0
    )
    result = runner.invoke(app, ["compare", str(saved), str(new), *MINI, "-f", "markdown"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# ")
    assert "Pratama → Nindya" in text
    assert "| 13.1 |" in text and "+10.00" in text and "-5.00" in text


def test_cli_table_in_indonesian(runner: CliRunner, two_years: tuple[Path, Path]) -> None:
    old, new = two_years
    result = runner.invoke(app, ["--lang", "id", "compare", str(old), str(new), *MINI])
    assert result.exit_code == 0, result.output
    assert "naik: Pratama → Nindya" in result.stdout
    assert "+18,00" in result.stdout  # Indonesian decimal comma


def test_cli_bad_json_is_one_line_naming_the_file(
    runner: CliRunner, two_years: tuple[Path, Path], tmp_path: Path
) -> None:
    bad = tmp_path / "rusak.json"
    bad.write_text('{"rubric": {"id": "mini"}, "total": "banyak"}', encoding="utf-8")
    result = runner.invoke(app, ["compare", str(bad), str(two_years[1]), *MINI])
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_different_rubrics_warn(
    runner: CliRunner, mini: Rubric, two_years: tuple[Path, Path], tmp_path: Path
) -> None:
    data = score_json(scored(mini, OLD, "2024"), lang="en")
    data["rubric"]["version"] = "0"
    saved = tmp_path / "old.json"
    saved.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["compare", str(saved), str(two_years[1]), *MINI, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "different rubrics" in result.stderr
    assert json.loads(result.stdout)["change"]["total"] == 18.0


def test_cli_different_rubrics_are_a_warnings_entry_in_json(
    runner: CliRunner, mini: Rubric, two_years: tuple[Path, Path], tmp_path: Path
) -> None:
    data = score_json(scored(mini, OLD, "2024"), lang="en")
    data["rubric"]["version"] = "0"
    saved = tmp_path / "old.json"
    saved.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["compare", str(saved), str(two_years[1]), *MINI, "-f", "json"])
    (warning,) = json.loads(result.stdout)["warnings"]
    assert (warning["kind"], warning["old"], warning["new"]) == ("rubric", "mini 0", "mini 1")
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_two_regions_warn_once_in_both_languages(
    runner: CliRunner, mini: Rubric, make_region: MakeRegion
) -> None:
    old = make_region(mini, filled(OLD), region="Kota Uji", year="2024", name="uji")
    new = make_region(mini, filled(NEW), region="Kabupaten Lain", year="2025", name="lain")
    english = runner.invoke(app, ["--lang", "en", "compare", str(old), str(new), *MINI])
    assert english.exit_code == 0, english.output
    lines = [line for line in english.stderr.splitlines() if "Warning" in line]
    assert lines == [
        "Warning: the two results are of different regions (Kota Uji and Kabupaten Lain); "
        "the changes are not one region's"
    ]
    indonesian = runner.invoke(app, ["--lang", "id", "compare", str(old), str(new), *MINI])
    assert "kabupaten/kota berbeda (Kota Uji dan Kabupaten Lain)" in indonesian.stderr
    data = json.loads(
        runner.invoke(app, ["compare", str(old), str(new), *MINI, "-f", "json"]).stdout
    )
    assert [(w["kind"], w["old"], w["new"]) for w in data["warnings"]] == [
        ("region", "Kota Uji", "Kabupaten Lain")
    ]


def test_cli_same_region_and_years_in_order_say_nothing(
    runner: CliRunner, two_years: tuple[Path, Path]
) -> None:
    old, new = two_years
    result = runner.invoke(app, ["compare", str(old), str(new), *MINI, "-f", "json"])
    assert json.loads(result.stdout)["warnings"] == []
    assert "Warning" not in result.stderr and "Peringatan" not in result.stderr


def test_years_the_wrong_way_round_warn(mini: Rubric) -> None:
    """`kla compare 2025/ 2024/`: every change would read backwards."""
    later = snapshot_from_result(scored(mini, NEW, "2025"), "en")
    earlier = snapshot_from_result(scored(mini, OLD, "2024"), "en")
    (mismatch,) = compare(later, earlier).mismatches()
    assert (mismatch.kind, mismatch.old, mismatch.new) == ("year", "2025", "2024")
    assert compare(earlier, later).mismatches() == ()


def test_region_names_differing_only_in_case_and_spaces_are_one_region(mini: Rubric) -> None:
    old = snapshot_from_result(scored(mini, OLD, "2024"), "en")
    new = replace(snapshot_from_result(scored(mini, NEW, "2025"), "en"), region=" kota  UJI ")
    assert compare(old, new).mismatches() == ()


def test_evidence_only_changes_are_shown(mini: Rubric, runner: CliRunner, tmp_path: Path) -> None:
    """Same answers, but data dukung for 1.1 added and for 13.2 lost: the total as answered
    does not move, the evidenced total does, and both items are listed."""
    responses = {code: Response(a, "bukti.pdf") for code, a in OLD.items()}
    before = dict(responses, **{"1.1": Response(OLD["1.1"], None)})
    after = dict(responses, **{"13.2": Response(OLD["13.2"], None)})
    old = score_region(mini, before, region="Kota Uji", year="2024")
    new = score_region(mini, after, region="Kota Uji", year="2025")
    diff = compare(snapshot_from_result(old, "en"), snapshot_from_result(new, "en"))
    assert diff.total == 0.0 and diff.total_evidenced == 12.0 - 10.0
    assert [(c.key, c.delta, c.delta_evidenced) for c in diff.evidence_changes()] == [
        ("1.1", 0.0, 12.0),
        ("13.2", 0.0, -10.0),
    ]
    assert {c.key for c in diff.changed_items()} == {"1.1", "13.2"}
    # Through the CLI from saved JSON results, in every format.
    paths = []
    for result, name in ((old, "2024.json"), (new, "2025.json")):
        paths.append(tmp_path / name)
        paths[-1].write_text(json.dumps(score_json(result, lang="en")), encoding="utf-8")
    out = runner.invoke(app, ["--lang", "en", "compare", *map(str, paths), *MINI, "-f", "json"])
    data = json.loads(out.stdout)
    assert [(c["key"], c["change_evidenced"]) for c in data["evidence_changes"]] == [
        ("1.1", 12.0),
        ("13.2", -10.0),
    ]
    table = runner.invoke(app, ["--lang", "en", "compare", *map(str, paths), *MINI]).stdout
    assert "Evidence changed (same answers)" in table and "+12.00" in table


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_saved_result_holding_nan_is_refused_not_printed_back(
    tmp_path: Path, runner: CliRunner, constant: str
) -> None:
    """Python's JSON reader accepts NaN and Infinity; kla would print them back as invalid JSON."""
    saved = tmp_path / "hasil.json"
    head = '{"rubric": {"id": "kla-2024", "version": "2024.1"}, "total": '
    saved.write_text(head + constant + ', "groups": [], "indicators": []}', encoding="utf-8")
    result = runner.invoke(app, ["compare", str(saved), str(saved), "-f", "json"])
    assert result.exit_code == 2 and constant.lstrip("-") in result.stderr
    # -f json: the failure as strict JSON (kla.error/1), the value never printed back as a number
    error = json.loads(result.stdout, parse_constant=lambda bad: pytest.fail(bad))["error"]
    assert error["code"] == "compare-bad-json"


@pytest.mark.parametrize(
    ("text", "indonesian", "english"),
    [
        ('{"schema": "kla.gap/1"}', "'schema' berisi 'kla.gap/1'", "'schema' is 'kla.gap/1'"),
        ('{"x":\n', "JSON tidak sah pada baris 2, kolom 1", "invalid JSON at line 2, column 1"),
        ("[1, 2]", "bukan objek JSON", "not a JSON object"),
        ('{"rubric": {"id": "m"}, "indicators": []}', "'total' bukan angka", "'total' is not"),
        ("NaN", "NaN bukan angka", "NaN is not a number"),
    ],
)
def test_why_a_json_is_not_a_score_speaks_the_users_language(
    runner: CliRunner, two_years: tuple[Path, Path], tmp_path: Path,
    text: str, indonesian: str, english: str,
) -> None:  # fmt: skip
    saved = tmp_path / "hasil.json"
    saved.write_text(text, encoding="utf-8")
    for lang, reason in (("id", indonesian), ("en", english)):
        args = ["--lang", lang, "compare", str(saved), str(two_years[1]), "--rubric"]
        result = runner.invoke(app, [*args, str(MINI_RUBRIC)])
        assert result.exit_code == 2 and reason in result.stderr, result.stderr
