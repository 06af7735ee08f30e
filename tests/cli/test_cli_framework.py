"""Usage errors from the CLI framework (click, inside typer): one line in the user's language,
exit 2, never the framework's English usage block."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.cli.argv import scan
from kla_cli.i18n.messages import Lang, t


def _one_line(lang: Lang, *args: str) -> str:
    result = CliRunner().invoke(app, ["--lang", lang, *args], prog_name="kla")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _expected(lang: Lang, where: str, text: str) -> str:
    hint = t("hint", lang, text=t("usage.hint", lang, command=where))
    return f"{t('error.prefix', lang)}: {where}: {text}. {hint}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_unknown_option(lang: Lang) -> None:
    line = _one_line(lang, "score", "x", "--zzz")
    assert line == _expected(lang, "kla score", t("usage.no_option", lang, option="--zzz"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_unknown_option_with_a_close_one(lang: Lang) -> None:
    line = _one_line(lang, "score", "x", "--allow")
    text = t("usage.no_option", lang, option="--allow")
    maybe = t("usage.maybe", lang, options="--allow-errors")
    assert line == _expected(lang, "kla score", f"{text} ({maybe})")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bad_value(lang: Lang) -> None:
    line = _one_line(lang, "score", "x", "--format", "pdf")
    expected = t("usage.expected.choice", lang, choices="table, json, csv, markdown")
    text = t("usage.bad_value", lang, option="--format / -f", value="pdf", expected=expected)
    assert line == _expected(lang, "kla score", text)
    line = _one_line(lang, "batch", "x", "--jobs", "banyak")
    text = t(
        "usage.bad_value",
        lang,
        option="--jobs / -j",
        value="banyak",
        expected=t("usage.expected.int", lang),
    )
    assert line == _expected(lang, "kla batch", text)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("args", "where", "key", "params"),
    [
        (["scor"], "kla", "usage.no_command", {"name": "scor"}),
        (["rubric", "chek"], "kla rubric", "usage.no_command", {"name": "chek"}),
        (["compare", "a", "b", "c", "d"], "kla compare", "usage.extra", {"args": "c d"}),
        (["score"], "kla score", "usage.missing", {"name": "PATHS"}),
        (["merge", "x"], "kla merge", "usage.missing", {"name": "--output / -o"}),
        (["score", "x", "--rubric"], "kla", "usage.needs_value", {"option": "--rubric"}),
    ],
)
def test_usage_errors(
    lang: Lang, args: list[str], where: str, key: str, params: dict[str, str]
) -> None:
    line = _one_line(lang, *args)
    text = t(key, lang, **params)
    if key == "usage.no_command":
        maybe = {"scor": "score", "chek": "check"}[params["name"]]
        text = f"{text} ({t('usage.maybe', lang, options=maybe)})"
    assert line == _expected(lang, where, text)


def test_a_flag_given_a_value_keeps_the_framework_words_on_one_line() -> None:
    line = _one_line("en", "validate", "x", "--strict=1")
    assert line.startswith("Error: kla: ") and "--strict" in line and line.endswith("--help")


def test_the_language_of_a_usage_error_is_the_one_given_anywhere() -> None:
    """`--lang` after the command is moved first, and already speaks in the usage error."""
    result = CliRunner().invoke(app, ["score", "x", "--zzz", "--lang", "en"], prog_name="kla")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: kla score: no such option: --zzz.")


def test_one_scanner_for_the_global_options() -> None:
    scanned = scan(["score", "--lang=id", "x", "--debug", "--lang", "en", "--", "--lang", "xx"])
    assert scanned.globals == ["--lang=id", "--debug", "--lang", "en"]
    assert scanned.rest == ["score", "x", "--", "--lang", "xx"]
    assert scanned.lang == "en"
