"""Language: --lang, KLA_LANG and the locale choose it; Indonesian numbers (588,40; 1.234);
English plurals agree with their count; the catalogue is complete in both languages."""

from __future__ import annotations

import json
import re
import string

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.i18n.catalogue import MESSAGES
from kla_cli.i18n.messages import t

from ..conftest import EXAMPLE

PLURAL = re.compile(r"\{(\w+):plural/([^/{}]*)/([^/{}]*)\}")


def _score(*args: str, env: dict[str, str] | None = None) -> str:
    """`kla [lang options] score EXAMPLE [-f json]`: options before `-f` are global."""
    head = [a for a in args if a != "-f" and a != "json"]
    tail = ["-f", "json"] if "-f" in args else []
    result = CliRunner().invoke(app, [*head, "score", str(EXAMPLE), *tail], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        (["--lang", "id"], {}, "id"),
        (["--lang", "en"], {"KLA_LANG": "id"}, "en"),
        ([], {"KLA_LANG": "id"}, "id"),
        ([], {"KLA_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "id_ID.UTF-8"}, "id"),
        ([], {"KLA_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_AU.UTF-8"}, "en"),
        # Python's getlocale() calls C.UTF-8 en_US; a neutral locale still means Indonesian.
        ([], {"KLA_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}, "id"),
        ([], {"KLA_LANG": "", "LC_ALL": "C", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}, "id"),
    ],
)
def test_language_is_chosen_by_option_then_env_then_locale(
    args: list[str], env: dict[str, str], lang: str
) -> None:
    out = _score(*args, env=env)
    total = json.loads(_score("--lang", "en", "-f", "json"))["total"]
    if lang == "id":
        assert "Kelompok" in out and "Kelembagaan" in out and "1.000,00" in out
        assert f"{total:.2f}".replace(".", ",") in out and "data dukung" in out
    else:
        assert "Group" in out and "Institutional" in out and "1,000.00" in out
        assert f"{total:.2f}" in out and "evidence is missing" in out


def test_unknown_language_is_one_line() -> None:
    result = CliRunner().invoke(app, ["--lang", "fr", "score", str(EXAMPLE)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "fr" in result.stderr


def test_plurals_are_well_formed_and_english_only() -> None:
    offenders = []
    for key, (indonesian, english) in sorted(MESSAGES.items()):
        if PLURAL.search(indonesian):  # Indonesian nouns do not change with the count
            offenders.append(f"{key}: plural form in Indonesian")
        fields = {n for _, n, _, _ in string.Formatter().parse(indonesian) if n}
        for name, one, many in PLURAL.findall(english):
            if not (one and many and one != many):
                offenders.append(f"{key}: plural/{one}/{many} of {name}")
            if name not in fields:
                offenders.append(f"{key}: plural of {name}, not in the Indonesian text")
    assert not offenders, "\n".join(offenders)


def test_no_english_message_counts_without_agreeing() -> None:
    """'{count} items' must be written with a plural form, or '1 items' would be printed."""
    bare = re.compile(r"\{(count|files|errors|warnings)\} (?!\{)[a-z]+s\b")
    always_many = {"history.times.n", "history.now_running"}  # used for counts of 2 or more
    offenders = [k for k, (_, en) in MESSAGES.items() if bare.search(en) and k not in always_many]
    assert offenders == []


@pytest.mark.parametrize("count", [0, 1, 2, 21])
def test_plural_forms_agree(count: int) -> None:
    text = t("score.unanswered_note", "en", count=count)
    assert text == (
        f"{count} item is unanswered." if count == 1 else f"{count} items are unanswered."
    )
    assert t("score.unanswered_note", "id", count=count) == f"{count} butir belum dijawab."


def test_escaped_braces_without_arguments() -> None:
    assert "{" not in t("help.app", "en") or "{{" not in MESSAGES["help.app"][1]
    hint = next(
        k
        for k, (_, en) in MESSAGES.items()
        if "{{" in en and "{" not in en.replace("{{", "").replace("}}", "")
    )
    assert "{{" not in t(hint, "en")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_lang_may_follow_the_command_as_the_issue_writes_it(lang: str) -> None:
    """`kla score examples/kota-contoh --lang en` reads the same as `kla --lang en score …`."""
    after = CliRunner().invoke(app, ["score", str(EXAMPLE), "--lang", lang])
    before = CliRunner().invoke(app, ["--lang", lang, "score", str(EXAMPLE)])
    equals = CliRunner().invoke(app, ["score", f"--lang={lang}", str(EXAMPLE)])
    assert after.exit_code == before.exit_code == equals.exit_code == 0
    assert after.stdout == before.stdout == equals.stdout
    assert ("Kelompok" if lang == "id" else "Group") in after.stdout


def test_global_options_after_a_double_dash_are_left_alone() -> None:
    from kla_cli.cli.argv import scan

    args = ["score", "x", "--debug", "--lang", "en", "--", "--lang", "id"]
    assert scan(args).globals_first() == [
        "--debug",
        "--lang",
        "en",
        "score",
        "x",
        "--",
        "--lang",
        "id",
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_help_follows_lang(lang: str, where: str) -> None:
    """Help is declared before --lang is parsed; `--lang X --help` still speaks X (both ways,
    so one of them swaps whatever language this process started in)."""
    args = (
        ["--lang", lang, "batch", "--help"]
        if where == "before"
        else ["batch", "-h", "--lang", lang]
    )
    out = " ".join(CliRunner().invoke(app, args).stdout.split())
    other = "en" if lang == "id" else "id"
    for key in ("help.batch", "help.jobs", "help.help"):
        wanted, unwanted = (" ".join(t(key, x).split()) for x in (lang, other))
        assert wanted[:40] in out, key
        assert unwanted[:40] not in out, key
    top = " ".join(CliRunner().invoke(app, ["--lang", lang, "--help"]).stdout.split())
    assert " ".join(t("help.app", lang).split())[:40] in top
    assert " ".join(t("help.score", lang).split())[:30] in top


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_frameworks_own_help_words_follow_lang(lang: str) -> None:
    """`Usage:`, `Options`, `[required]` and `[env var: X]` come from the framework in English;
    in Indonesian help they are Indonesian too, and English help keeps them."""
    words = {
        "id": ["Penggunaan: ", "[OPSI]", "Argumen:", "Opsi:", "[variabel", "[wajib]"],
        "en": ["Usage: ", "[OPTIONS]", "Arguments:", "Options:", "[env var:", "[required]"],
    }
    other = "en" if lang == "id" else "id"
    for command in ("score", "batch", "gap"):  # gap's PATH is optional: no [required]
        out = CliRunner().invoke(app, ["--lang", lang, command, "--help"]).stdout
        for word in words[lang][: 5 if command == "gap" else 6]:
            assert word in out, (command, word)
        for word in words[other]:
            assert word not in out, (command, word)
    for group in ([], ["rubric"]):
        top = CliRunner().invoke(app, ["--lang", lang, *group, "--help"]).stdout
        assert ("Perintah:" if lang == "id" else "Commands:") in top
        assert ("PERINTAH [ARGUMEN]..." if lang == "id" else "COMMAND [ARGS]...") in top
    alone = CliRunner().invoke(app, ["--lang", lang]).stderr  # a group without its command
    assert ("Perintah belum diberikan" if lang == "id" else "Missing command") in alone
