"""`kla demo DIR`: the example city, written where a new user asks, without a clone."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kla_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--lang", "en", *args])
    return result.exit_code, result.stdout, result.stderr


def test_demo_writes_the_example_city_and_recap_and_says_what_to_try(tmp_path: Path) -> None:
    target = tmp_path / "coba"
    code, out, err = _run("demo", str(target))
    assert code == 0, err
    assert out == ""  # the result is the files; what to try next is on stderr
    for name in ("kota-contoh", "rekap-contoh"):
        shipped = sorted(p.name for p in (ROOT / "examples" / name).iterdir())
        written = sorted(p.name for p in (target / name).iterdir())
        assert written == shipped
        for file in shipped:
            assert (target / name / file).read_bytes() == (
                ROOT / "examples" / name / file
            ).read_bytes()
    assert f"kla score {target / 'kota-contoh'}" in err
    assert f"kla score {target / 'rekap-contoh'}" in err
    code, _, err = _run("score", str(target / "kota-contoh"), "-f", "json")
    assert code == 0, err


def test_demo_refuses_a_folder_that_is_not_empty_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    code, _, err = _run("demo", str(tmp_path))
    assert code == 2
    assert err.splitlines() == [
        f"Error: {tmp_path}: the folder is not empty. Hint: choose a new folder, e.g. kla demo"
        " kla-example, or add --force"
    ]
    assert not (tmp_path / "kota-contoh").exists()
    code, _, err = _run("demo", str(tmp_path), "--force")
    assert code == 0, err
    assert (tmp_path / "kota-contoh" / "dinkes.xlsx").is_file()
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_demo_refuses_a_file(tmp_path: Path) -> None:
    file = tmp_path / "berkas"
    file.write_text("x", encoding="utf-8")
    code, _, err = _run("demo", str(file), "--force")
    assert code == 2 and "is not a folder" in err


def test_a_folder_name_with_spaces_is_quoted_in_the_commands_to_try(tmp_path: Path) -> None:
    target = tmp_path / "contoh kla"
    code, _, err = _run("demo", str(target))
    assert code == 0, err
    assert f'kla score "{target / "kota-contoh"}"' in err
