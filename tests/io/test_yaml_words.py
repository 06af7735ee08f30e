"""The YAML parser's problems in the run's language (`io/yaml_safe.worded`): the ones people
make by hand, as libyaml words them (kla's parser) and as PyYAML does where it reads alone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.i18n.messages import current_lang, t
from kla_cli.io.yaml_safe import PROBLEMS, worded

CASES = {
    "a: b: c": "colon_in_value",
    "a:\n\tb: 1": "tab",  # PyYAML: a character that cannot start a token ('\t')
    "a:\n  - 1\n b: 2": "indentation",
    'a: "unclosed': "unclosed_quote",
    "a: [1, 2": "bracket",
    "a: {b: 1": "brace",
    'a: "\\q"': "escape",
    "a: *nope": "alias",
    "@a: 1": "token",
    "a: 1\n- b": "indentation",
    "a: - b": "list_item",
    'name: "Rubrik "mini" uji"': "indentation",  # a quote inside a quoted text
    "a: x\nopd:bappeda\nb: 1": "colon_missing",  # a ':' with no space after it
    "a:\n  - 1\n  b: 2": "indentation",  # libyaml: did not find expected '-' indicator
}
LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


def _problem(text: str, loader: type) -> str:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.compose(text, Loader=loader)
    return str(caught.value.problem)


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize(("text", "key"), CASES.items(), ids=list(CASES.values()))
def test_each_problem_is_worded(text: str, key: str, loader: type) -> None:
    problem = _problem(text, loader)
    said = worded(problem)
    if loader.__name__ == "CSafeLoader" and key == "tab" and "tab" not in problem:
        key = "token"  # older libyaml: "found character that cannot start any token"
    current_lang.set("id")
    assert worded(problem) == t(f"yaml.problem.{key}", "id") != problem
    current_lang.set("en")
    assert worded(problem) == t(f"yaml.problem.{key}", "en")
    assert said  # worded in the language of the run


def test_a_missing_colon_as_libyaml_says_it() -> None:
    current_lang.set("en")
    assert worded("could not find expected ':'") == t("yaml.problem.colon_missing", "en")


def test_an_unknown_problem_is_shown_as_the_parser_says_it() -> None:
    assert worded("found duplicate anchor 'x'; first occurrence") == (
        "found duplicate anchor 'x'; first occurrence"
    )


def test_every_key_is_in_the_catalogue() -> None:
    for _, key in PROBLEMS:
        assert t(key, "id") != key and t(key, "en") != key


def test_a_rubric_with_a_tab_says_so_in_indonesian(tmp_path: Path) -> None:
    rubric = tmp_path / "rubrik.yaml"
    rubric.write_text("id: x\n\ttitle: 1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--lang", "id", "rubric", "check", str(rubric)])
    assert result.exit_code == 1  # a rubric that does not check out
    assert f"{rubric}:2: YAML tidak valid: tab pada indentasi; pakai spasi" in result.stderr
