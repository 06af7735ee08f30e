"""`kla rubric check` words pydantic's problems in the user's language, each on its YAML line,
with a did-you-mean for a misspelt key; exit 1 for a rubric with problems, 2 for one it cannot
read (as linters do)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app

from ..conftest import MINI_RUBRIC

MINI = MINI_RUBRIC.read_text(encoding="utf-8")


def _line(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def _check(lang: str, *files: Path) -> tuple[int, list[str]]:
    out = CliRunner().invoke(app, ["--lang", lang, "rubric", "check", *map(str, files)])
    return out.exit_code, out.stderr.splitlines()


def _broken(tmp_path: Path) -> tuple[Path, str]:
    text = (
        MINI.replace("effort: high", "efort: high", 1)
        .replace("max_total: 100", "max_total: seratus", 1)
        .replace("type: yesno", "type: essay", 1)
        .replace("id: mini\n", "id: mini\nwarna: merah\n", 1)
    )
    path = tmp_path / "rusak.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "id",
            [
                ("efort", "kunci 'efort' tidak dikenal; mungkin maksudnya 'effort'?"),
                ("max_total: seratus", "max_total: harus bilangan, mis. 2,5"),
                ("type: essay", "'essay' tidak dikenal; pilih salah satu: 'choice', 'percent'"),
                ("warna: merah", "kunci 'warna' tidak dikenal; kunci yang dikenal: id, title"),
            ],
        ),
        (
            "en",
            [
                ("efort", "unknown key 'efort'; did you mean 'effort'?"),
                ("max_total: seratus", "max_total: must be a number, e.g. 2.5"),
                ("type: essay", "'essay' is not known; choose one of: 'choice', 'percent'"),
                ("warna: merah", "unknown key 'warna'; known keys: id, title"),
            ],
        ),
    ],
)
def test_pydantic_problems_in_the_users_language_on_their_line(
    tmp_path: Path, lang: str, expected: list[tuple[str, str]]
) -> None:
    path, text = _broken(tmp_path)
    code, lines = _check(lang, path)
    assert code == 1
    for fragment, message in expected:
        where = f"{path}:{_line(text, fragment)}: "
        assert any(line.startswith(where) and message in line for line in lines), (
            message,
            lines,
        )
    english = ("Extra inputs", "Field required", "Input should be", "valid number")
    assert not any(words in line for line in lines for words in english)


def test_a_missing_key_and_a_short_list(tmp_path: Path) -> None:
    text = MINI.replace("version:", "versi:", 1)
    path = tmp_path / "versi.yaml"
    path.write_text(text, encoding="utf-8")
    code, lines = _check("id", path)
    assert code == 1
    assert any("version: kunci wajib 'version' belum ada" in line for line in lines)
    assert any(
        "kunci 'versi' tidak dikenal; mungkin maksudnya 'version'?" in line for line in lines
    )


def test_an_unknown_scale_is_worded_too(tmp_path: Path) -> None:
    text = MINI.replace("type: yesno", "type: choice\n        scale: kebijakan", 1)
    path = tmp_path / "skala.yaml"
    path.write_text(text, encoding="utf-8")
    code, lines = _check("en", path)
    assert code == 1
    assert any("unknown scale 'kebijakan'; known: policy, budget" in line for line in lines)


def test_exit_2_only_when_the_rubric_cannot_be_read(tmp_path: Path) -> None:
    path, _ = _broken(tmp_path)
    assert _check("en", MINI_RUBRIC)[0] == 0
    assert _check("en", MINI_RUBRIC, path)[0] == 1
    assert _check("en", tmp_path / "tidak-ada.yaml")[0] == 2
    assert _check("en", path, tmp_path / "tidak-ada.yaml")[0] == 2  # the worse of the two
    assert _check("en", tmp_path)[0] == 2  # a folder
    syntax = tmp_path / "sintaks.yaml"
    syntax.write_text("id: x\ngroups: [a, b\n", encoding="utf-8")
    assert _check("en", syntax)[0] == 1  # a problem in the file, as a linter reports it
