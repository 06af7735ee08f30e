"""Rubric loading and `kla rubric check`: every rejection names the file and the YAML line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.errors import KlaError
from kla_cli.io.rubric_yaml import default_rubric_path, load_rubric, shipped_rubrics

from ..conftest import DEMO_RUBRIC, KLA_RUBRIC_2024, MINI_RUBRIC, ROOT

MINI = MINI_RUBRIC.read_text(encoding="utf-8")


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    return text[:start].count("\n") + 1


def _broken(tmp_path: Path, old: str, new: str, nth: int = 1) -> tuple[Path, str]:
    parts = MINI.split(old)
    assert len(parts) > nth, f"{old!r} not found {nth} times"
    text = old.join(parts[:nth]) + new + old.join(parts[nth:])
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def _details(path: Path) -> list[str]:
    with pytest.raises(KlaError) as info:
        load_rubric(path)
    return info.value.details


def test_shipped_rubrics_load() -> None:
    paths = sorted(shipped_rubrics().glob("*.yaml"))
    assert paths, f"no rubric found in {shipped_rubrics()}"
    assert default_rubric_path() in paths
    for path in paths:
        rubric = load_rubric(path)
        assert sum(ind.cap for ind in rubric.indicators) == pytest.approx(rubric.max_total)


def test_the_default_is_the_2024_instrument() -> None:
    assert default_rubric_path().name == "kla-2024.yaml"
    assert load_rubric(default_rubric_path()).id == "kla-2024"


def test_demo_structure_and_it_says_it_is_invented() -> None:
    rubric = load_rubric(DEMO_RUBRIC)
    assert rubric.id == "demo-2023"
    assert "bukan instrumen KLA" in rubric.title.id
    assert "not the KLA instrument" in rubric.title.en
    head = DEMO_RUBRIC.read_text(encoding="utf-8").splitlines()[:2]
    assert "BUKAN instrumen KLA resmi" in head[0] and "NOT the KLA instrument" in head[1]
    assert [ind.id for ind in rubric.indicators] == [str(n) for n in range(1, 25)]
    assert [g.id for g in rubric.groups] == ["K", "I", "II", "III", "IV", "V"]
    assert rubric.max_total == 1000 and rubric.provisional
    sizes = [sum(1 for i in rubric.indicators if i.group == g.id) for g in rubric.groups]
    assert sizes == [3, 3, 5, 6, 3, 4]
    assert all(2 <= len(ind.items) <= 6 for ind in rubric.indicators)
    assert [(t.id, t.min, t.max) for t in rubric.tiers] == [
        ("pratama", 500, 600),
        ("madya", 600, 700),
        ("nindya", 700, 800),
        ("utama", 800, 900),
        ("kla", 900, 1000),
    ]


def test_pratama_501_profile_extends_the_default() -> None:
    variant = load_rubric(ROOT / "rubrics" / "kla-2024-pratama501.yaml")
    base = load_rubric(KLA_RUBRIC_2024)
    assert variant.id == "kla-2024-pratama501"
    assert variant.tiers[0].min == 501
    assert variant.tiers[1:] == base.tiers[1:]
    assert variant.indicators == base.indicators and variant.groups == base.groups


def test_duplicate_item_code(tmp_path: Path) -> None:
    path, text = _broken(tmp_path, 'code: "1.2"', 'code: "1.1"')
    [line] = _details(path)
    at = _line_of(text, 'code: "1.1"', 2)
    assert line == f"{path}:{at}: indicators[0].items[1].code: duplicate value '1.1'"


def test_maxima_must_sum_to_total(tmp_path: Path) -> None:
    path, text = _broken(tmp_path, "max_total: 100", "max_total: 120")
    [line] = _details(path)
    assert line.startswith(f"{path}:{_line_of(text, 'max_total')}: max_total: ")
    assert "100" in line and "120" in line


@pytest.mark.parametrize(
    ("old", "new", "needle", "words"),
    [
        ("min: 60, max: 70}", "min: 55, max: 70}", "min: 55", "overlaps"),
        ("min: 70, max: 80}", "min: 72, max: 80}", "min: 72", "gap"),
    ],
)
def test_tier_overlap_and_gap(tmp_path: Path, old: str, new: str, needle: str, words: str) -> None:
    path, text = _broken(tmp_path, old, new)
    [line] = _details(path)
    assert line.startswith(f"{path}:{_line_of(text, needle)}: tiers[")
    assert words in line


def test_option_worth_more_than_item(tmp_path: Path) -> None:
    path, text = _broken(tmp_path, "points: 12}", "points: 25}")
    [line] = _details(path)
    assert line == (
        f"{path}:{_line_of(text, 'points: 25')}: indicators[0].items[0].options[1].points: "
        "option b is worth 25.0, more than the item maximum 20.0"
    )


def test_unknown_group(tmp_path: Path) -> None:
    path, text = _broken(tmp_path, "group: III", "group: IX")
    [line] = _details(path)
    assert line.startswith(
        f"{path}:{_line_of(text, 'group: IX')}: indicators[2].group: unknown group 'IX'"
    )


def test_every_problem_reported(tmp_path: Path) -> None:
    text = MINI.replace("group: III", "group: IX").replace('code: "1.2"', 'code: "1.1"')
    path = tmp_path / "two.yaml"
    path.write_text(text, encoding="utf-8")
    details = _details(path)
    assert len(details) == 2
    assert all(d.startswith(f"{path}:") for d in details)


def test_schema_error_with_line(tmp_path: Path) -> None:
    path, text = _broken(tmp_path, "type: yesno", "type: maybe")
    [line] = _details(path)
    assert line.startswith(
        f"{path}:{_line_of(text, 'type: maybe')}: indicators[0].items[1].type: 'maybe' is not known; "
    )


def test_misspelt_key(tmp_path: Path) -> None:
    path, text = _broken(tmp_path, "effort: high", "efort: high")
    [line] = _details(path)
    assert line.startswith(
        f"{path}:{_line_of(text, 'efort')}: indicators[2].items[0].efort: unknown key 'efort'; "
        "did you mean 'effort'?"
    )


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    path = tmp_path / "syntax.yaml"
    path.write_text("id: x\ntitle: [unclosed\nversion: 1\n", encoding="utf-8")
    with pytest.raises(KlaError) as info:
        load_rubric(path)
    assert str(info.value).startswith(f"{path}:")
    assert "invalid YAML" in str(info.value)


def test_python_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "tag.yaml"
    path.write_text("id: !!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    with pytest.raises(KlaError) as info:
        load_rubric(path)
    assert "is not allowed" in str(info.value) and info.value.key == "rubric.yaml_tag"


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KlaError) as info:
        load_rubric(path)
    assert info.value.key == "rubric.too_complex"


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("id: x\ngroups: &g [*g]\n", encoding="utf-8")
    with pytest.raises(KlaError) as info:
        load_rubric(path)
    assert info.value.key == "rubric.too_complex"


def test_cli_check_ok(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rubric", "check", str(MINI_RUBRIC), str(DEMO_RUBRIC)])
    assert result.exit_code == 0, result.output
    assert "rubric valid: 24 indicators" in result.stdout


def test_cli_check_broken_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    path, text = _broken(tmp_path, "group: III", "group: IX")
    result = runner.invoke(app, ["rubric", "check", str(MINI_RUBRIC), str(path)])
    assert result.exit_code == 1  # a finding, as linters say; 2 is for a rubric it cannot read
    assert f"{path}:{_line_of(text, 'group: IX')}: indicators[2].group" in result.stderr
    assert "Traceback" not in result.output
    assert "rubric valid" in result.stdout  # the good file is still reported


def test_cli_show(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["--lang", "id", "rubric", "show", "--rubric", str(MINI_RUBRIC), "--items"]
    )
    assert result.exit_code == 0, result.output
    assert "Prevalensi Gizi" in result.stdout and "13.1" in result.stdout
    assert "SEMENTARA" in result.stdout
